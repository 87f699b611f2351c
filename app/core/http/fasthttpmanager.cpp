#include "core/http/fasthttpmanager.h"

#include "core/http/fasthttp2connection.h"
#include "core/http/fasthttpconnection.h"
#include "core/http/fasthttpreply.h"

#include <QNetworkProxyFactory>
#include <QNetworkRequest>

#include <algorithm>

namespace {
// Bigger request bodies go through Qt, which streams them instead of holding a copy.
constexpr qint64 MaxFastBodyBytes = 16 * 1024 * 1024;

QByteArray verbFor(QNetworkAccessManager::Operation operation, const QNetworkRequest &request)
{
    switch (operation) {
    case QNetworkAccessManager::HeadOperation:
        return QByteArrayLiteral("HEAD");
    case QNetworkAccessManager::GetOperation:
        return QByteArrayLiteral("GET");
    case QNetworkAccessManager::PutOperation:
        return QByteArrayLiteral("PUT");
    case QNetworkAccessManager::PostOperation:
        return QByteArrayLiteral("POST");
    case QNetworkAccessManager::DeleteOperation:
        return QByteArrayLiteral("DELETE");
    case QNetworkAccessManager::CustomOperation:
        return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    case QNetworkAccessManager::UnknownOperation:
        break;
    }
    return {};
}

QByteArray hostOf(const QUrl &url)
{
    return url.host(QUrl::FullyEncoded).toLatin1();
}

bool isTls(const QUrl &url)
{
    return url.scheme() == QLatin1String("https");
}

quint16 portOf(const QUrl &url)
{
    return quint16(url.port(isTls(url) ? 443 : 80));
}

bool isManual(const QNetworkRequest &request, QNetworkRequest::Attribute attribute)
{
    return request.attribute(attribute, int(QNetworkRequest::Automatic)).toInt()
        == int(QNetworkRequest::Manual);
}
} // namespace

FastHttpManager::FastHttpManager(QObject *parent, int connectionsPerHost)
    : QNetworkAccessManager(parent)
    , m_connectionsPerHost(qMax(1, connectionsPerHost))
    , m_enabled(!disabledByEnvironment())
{ }

FastHttpManager::~FastHttpManager()
{
    // Replies outlive this body (QObject deletes its children later): cut them loose first.
    for (FastHttpReply *reply : findChildren<FastHttpReply *>(Qt::FindDirectChildrenOnly)) {
        reply->poolGone();
        reply->detach();
    }
    for (FastHttpConnection *connection : m_connections)
        delete connection;
    for (FastHttpConnection *connection : m_closed)
        delete connection;
    for (FastHttp2Connection *connection : m_http2Connections)
        delete connection;
    for (FastHttp2Connection *connection : m_http2Closed)
        delete connection;
}

bool FastHttpManager::disabledByEnvironment()
{
    return qEnvironmentVariableIntValue("RAFAGA_QT_HTTP") == 1;
}

bool FastHttpManager::takes(
    Operation operation, const QNetworkRequest &request, const QIODevice *outgoingData) const
{
    if (!m_enabled || cache() || isStrictTransportSecurityEnabled())
        return false;
    // h2c with prior knowledge goes over HTTP/2; any other HTTP/2 (upgrade) stays Qt's.
    const bool http2 = request.attribute(QNetworkRequest::Http2DirectAttribute).toBool();
    const QUrl url = request.url();
    const bool tls = isTls(url);
    if ((!tls && url.scheme() != QLatin1String("http")) || url.host().isEmpty()
        || !url.userInfo().isEmpty())
        return false;
    const QByteArray verb = verbFor(operation, request);
    if (verb.isEmpty() || verb == "CONNECT") // a tunnel, not a request: Qt's
        return false;
    // HTTP/2 over cleartext by upgrade, timeouts, cookies, redirects that ask the user: Qt's.
    if ((!tls && !http2
            && request.attribute(QNetworkRequest::Http2CleartextAllowedAttribute).toBool())
        || request.transferTimeout() > 0 || transferTimeout() > 0
        || !isManual(request, QNetworkRequest::CookieLoadControlAttribute)
        || !isManual(request, QNetworkRequest::CookieSaveControlAttribute))
        return false;
    if (redirectPolicyOf(request) == QNetworkRequest::UserVerifiedRedirectPolicy)
        return false;
    if (request.hasRawHeader("Expect") || request.hasRawHeader("Upgrade")
        || request.hasRawHeader("Transfer-Encoding"))
        return false;
    if (outgoingData
        && (outgoingData->isSequential()
            || outgoingData->size() - outgoingData->pos() > MaxFastBodyBytes))
        return false;
    return isDirect(url);
}

bool FastHttpManager::isDirect(const QUrl &url) const
{
    if (proxy().type() == QNetworkProxy::NoProxy)
        return true;
    if (proxy().type() != QNetworkProxy::DefaultProxy || proxyFactory())
        return false;
    const QByteArray key = FastHttpPool::key(hostOf(url), portOf(url), isTls(url));
    if (const auto known = m_direct.find(key); known != m_direct.end())
        return known->second;
    const QNetworkProxy application = QNetworkProxy::applicationProxy();
    bool direct = application.type() == QNetworkProxy::NoProxy;
    if (application.type() == QNetworkProxy::DefaultProxy) {
        const QList<QNetworkProxy> proxies
            = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
        direct = proxies.isEmpty() || proxies.first().type() == QNetworkProxy::NoProxy;
    }
    m_direct.emplace(key, direct);
    return direct;
}

QNetworkReply *FastHttpManager::createRequest(
    Operation operation, const QNetworkRequest &request, QIODevice *outgoingData)
{
    if (!takes(operation, request, outgoingData))
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    QByteArray body;
    if (outgoingData)
        body = outgoingData->readAll();
    FastHttpReply *reply = createReply(
        operation, request, verbFor(operation, request), std::move(body), outgoingData != nullptr);
    submit(reply);
    return reply;
}

QNetworkRequest::RedirectPolicy FastHttpManager::redirectPolicyOf(
    const QNetworkRequest &request) const
{
    return QNetworkRequest::RedirectPolicy(
        request.attribute(QNetworkRequest::RedirectPolicyAttribute, int(redirectPolicy())).toInt());
}

FastHttpReply *FastHttpManager::createReply(Operation operation, const QNetworkRequest &request,
    QByteArray verb, QByteArray body, bool hasUpload)
{
    WireRequest wire
        = WireRequest::build(request, operation, std::move(verb), std::move(body), hasUpload);
    return new FastHttpReply(
        this, operation, request, redirectPolicyOf(request), std::move(wire), hasUpload);
}

QNetworkReply *FastHttpManager::send(
    const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body)
{
    const bool plain = body.isEmpty() && (verb == "GET" || verb == "HEAD");
    if (plain) {
        const Operation operation = verb == "GET" ? GetOperation : HeadOperation;
        if (!takes(operation, request))
            return operation == GetOperation ? get(request) : head(request);
        FastHttpReply *reply = createReply(operation, request, verb, QByteArray(), false);
        submit(reply);
        return reply;
    }
    QNetworkRequest custom = request;
    custom.setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
    if (!takes(CustomOperation, custom))
        return sendCustomRequest(request, verb, body);
    // As sendCustomRequest(): an upload device, even an empty one, so the same head goes out.
    FastHttpReply *reply = createReply(CustomOperation, custom, verb, body, true);
    submit(reply);
    return reply;
}

QNetworkReply *FastHttpManager::createQtReply(
    Operation operation, const QNetworkRequest &request, QIODevice *outgoingData)
{
    return QNetworkAccessManager::createRequest(operation, request, outgoingData);
}

void FastHttpManager::submit(FastHttpReply *reply)
{
    m_queued.insert(reply);
    m_submitted.push_back(reply);
    // One posted call starts everything submitted until then: the caller connects to the reply
    // first, as it would to Qt's (which also starts from the event loop).
    if (!m_startPosted) {
        m_startPosted = true;
        QMetaObject::invokeMethod(this, &FastHttpManager::startSubmitted, Qt::QueuedConnection);
    }
}

void FastHttpManager::startSubmitted()
{
    m_startPosted = false;
    m_starting.swap(m_submitted);
    for (size_t i = 0; i < m_starting.size(); ++i) {
        FastHttpReply *reply = m_starting[i];
        if (!reply)
            continue; // withdrawn meanwhile
        m_starting[i] = nullptr;
        m_queued.erase(reply);
        assign(reply, false);
    }
    m_starting.clear();
}

FastHttpManager::HostPool &FastHttpManager::poolFor(const QUrl &url)
{
    const QByteArray host = hostOf(url);
    const quint16 port = portOf(url);
    const bool tls = isTls(url);
    const QByteArray key = FastHttpPool::key(host, port, tls);
    auto it = m_pools.find(key);
    if (it == m_pools.end()) {
        it = m_pools.emplace(key, HostPool()).first;
        it->second.host = host;
        it->second.port = port;
        it->second.tls = tls;
    }
    return it->second;
}

FastEndpoint FastHttpManager::endpointFor(
    const HostPool &pool, const FastHttpReply *reply, bool offerHttp2) const
{
    FastEndpoint endpoint;
    endpoint.host = pool.host;
    endpoint.port = pool.port;
    endpoint.tls = pool.tls;
    if (!pool.tls)
        return endpoint;
    // The request's settings as Qt's stack takes them, with what a pool shares: the offer of
    // protocols, and the last session ticket so that the handshake resumes the session.
    endpoint.configuration = reply->request().sslConfiguration();
    endpoint.configuration.setAllowedNextProtocols(offerHttp2
            ? QList<QByteArray> {FastAlpn::Http2, FastAlpn::Http1}
            : QList<QByteArray> {FastAlpn::Http1});
    endpoint.configuration.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    if (!pool.sessionTicket.isEmpty())
        endpoint.configuration.setSessionTicket(pool.sessionTicket);
    return endpoint;
}

void FastHttpManager::assign(FastHttpReply *reply, bool freshOnly)
{
    HostPool &pool = poolFor(reply->url());
    if (reply->wantsHttp2() && !pool.declinedHttp2)
        return assignHttp2(reply);
    if (!freshOnly && !pool.idle.empty()) {
        FastHttpConnection *connection = pool.idle.back();
        pool.idle.pop_back();
        connection->send(reply);
        return;
    }
    if (pool.open >= m_connectionsPerHost && freshOnly && !pool.idle.empty()) {
        // A retry needs a new connection: an idle one makes room.
        pool.idle.front()->abandon();
    }
    if (pool.open < m_connectionsPerHost) {
        ++pool.open;
        auto *connection = new FastHttpConnection(this, endpointFor(pool, reply, false));
        m_connections.push_back(connection);
        connection->send(reply);
        return;
    }
    m_queued.insert(reply);
    pool.waiting.push_back(reply);
}

void FastHttpManager::withdraw(FastHttpReply *reply)
{
    if (m_queued.erase(reply) == 0)
        return;
    const auto forget = [reply](auto &list) {
        std::replace(list.begin(), list.end(), reply, static_cast<FastHttpReply *>(nullptr));
    };
    forget(m_submitted);
    forget(m_starting);
    for (auto &[key, pool] : m_pools)
        forget(pool.waiting);
}

void FastHttpManager::connectionReleased(FastHttpConnection *connection)
{
    HostPool &pool = m_pools[connection->poolKey()];
    while (!pool.waiting.empty()) {
        FastHttpReply *reply = pool.waiting.front();
        pool.waiting.pop_front();
        if (!reply)
            continue;
        m_queued.erase(reply);
        connection->send(reply);
        return;
    }
    pool.idle.push_back(connection);
}

void FastHttpManager::connectionClosed(FastHttpConnection *connection)
{
    HostPool &pool = m_pools[connection->poolKey()];
    pool.idle.erase(std::remove(pool.idle.begin(), pool.idle.end(), connection), pool.idle.end());
    --pool.open;
    m_connections.erase(
        std::remove(m_connections.begin(), m_connections.end(), connection), m_connections.end());
    // Deleted from the event loop: it may be inside one of its own functions now.
    m_closed.push_back(connection);
    reapLater();
    // A request waiting for a free connection may open one now.
    while (!pool.waiting.empty() && pool.open < m_connectionsPerHost) {
        FastHttpReply *reply = pool.waiting.front();
        pool.waiting.pop_front();
        if (!reply)
            continue;
        m_queued.erase(reply);
        assign(reply, true);
    }
}

void FastHttpManager::reapLater()
{
    if (m_reapPosted)
        return;
    m_reapPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_reapPosted = false;
            for (FastHttpConnection *closed : std::exchange(m_closed, {}))
                delete closed;
            for (FastHttp2Connection *closed : std::exchange(m_http2Closed, {}))
                delete closed;
        },
        Qt::QueuedConnection);
}

void FastHttpManager::assignHttp2(FastHttpReply *reply)
{
    HostPool &pool = poolFor(reply->url());
    if (!pool.h2 || !pool.h2->acceptsStreams()) {
        pool.h2 = new FastHttp2Connection(this, endpointFor(pool, reply, true));
        m_http2Connections.push_back(pool.h2);
    }
    pool.h2->send(reply);
}

void FastHttpManager::http2GoingAway(FastHttp2Connection *connection)
{
    HostPool &pool = m_pools[connection->poolKey()];
    if (pool.h2 == connection)
        pool.h2 = nullptr;
}

void FastHttpManager::http2Closed(FastHttp2Connection *connection)
{
    http2GoingAway(connection);
    m_http2Connections.erase(
        std::remove(m_http2Connections.begin(), m_http2Connections.end(), connection),
        m_http2Connections.end());
    m_http2Closed.push_back(connection);
    reapLater();
}

void FastHttpManager::http2Declined(FastHttp2Connection *connection, QTcpSocket *socket,
    const std::vector<FastHttpReply *> &replies)
{
    HostPool &pool = m_pools[connection->poolKey()];
    pool.declinedHttp2 = true; // its later connections offer HTTP/1.1 only
    http2Closed(connection);
    const bool adopt = !replies.empty() && pool.open < m_connectionsPerHost;
    if (adopt) {
        ++pool.open;
        auto *adopted
            = new FastHttpConnection(this, endpointFor(pool, replies.front(), false), socket);
        m_connections.push_back(adopted);
        adopted->send(replies.front());
    } else {
        socket->abort();
        socket->deleteLater();
    }
    for (size_t i = adopt ? 1 : 0; i < replies.size(); ++i)
        assign(replies[i], false);
}

void FastHttpManager::keepSessionTicket(const QByteArray &key, const QByteArray &ticket)
{
    if (const auto it = m_pools.find(key); it != m_pools.end() && !ticket.isEmpty())
        it->second.sessionTicket = ticket;
}

int FastHttpManager::openConnectionCount() const
{
    int count = int(m_http2Connections.size());
    for (const auto &[key, pool] : m_pools)
        count += pool.open;
    return count;
}
