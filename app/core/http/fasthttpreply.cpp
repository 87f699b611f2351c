#include "core/http/fasthttpreply.h"

#include "core/http/fasthttpmanager.h"
#include "core/http/fasthttptransport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cstring>
#include <utility>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FastHttpReply)
};

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 305 || status == 307
        || status == 308;
}
} // namespace

FastHttpReply::FastHttpReply(FastHttpPool *pool, QNetworkAccessManager::Operation operation,
    const QNetworkRequest &request, QNetworkRequest::RedirectPolicy redirectPolicy,
    WireRequest wire, bool hasUpload)
    : QNetworkReply(pool->owner())
    , m_pool(pool)
    , m_wire(std::move(wire))
    , m_redirectsLeft(request.maximumRedirectsAllowed())
    , m_redirectPolicy(redirectPolicy)
    , m_hasUpload(hasUpload)
    , m_http2(request.attribute(QNetworkRequest::Http2DirectAttribute).toBool())
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    // Unbuffered: read() comes straight to readData, no second copy in QIODevice's buffer.
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

FastHttpReply::~FastHttpReply()
{
    abandonTransport();
    if (m_pool)
        m_pool->withdraw(this);
}

void FastHttpReply::abandonTransport()
{
    if (FastHttpTransport *transport = std::exchange(m_transport, nullptr))
        transport->release(this);
}

void FastHttpReply::resumeTransport()
{
    if (m_transport)
        m_transport->resume(this);
}

void FastHttpReply::markRetried()
{
    m_retried = true;
    setAttribute(FastHttpManager::ResendsAttribute, 1);
}

bool FastHttpReply::wantsHttp2() const
{
    return m_http2
        || (url().scheme() == QLatin1String("https")
            && request().attribute(QNetworkRequest::Http2AllowedAttribute, true).toBool());
}

bool FastHttpReply::ignoresSslErrors(const QList<QSslError> &errors) const
{
    return m_ignoreAllSslErrors
        || std::all_of(errors.cbegin(), errors.cend(),
            [this](const QSslError &error) { return m_ignoredSslErrors.contains(error); });
}

void FastHttpReply::connectionStarted()
{
    Q_EMIT socketStartedConnecting();
}

void FastHttpReply::requestWritten()
{
    Q_EMIT requestSent();
}

void FastHttpReply::onHeader(QByteArray name, QByteArray value)
{
    m_headers.emplace_back(std::move(name), std::move(value));
}

bool FastHttpReply::onHeadersComplete(int status, QByteArray reason)
{
    if (status >= 100 && status < 200 && status != 101) {
        // Interim (100 Continue, 103 Early Hints): Qt shows nothing of it.
        m_headers.clear();
        return false;
    }
    if (status < 100) {
        m_headers.clear();
        m_failure = {QNetworkReply::ProtocolFailure,
            Tr::tr("Malformed HTTP response: status code %1 is not a valid status (100 to 999)")
                .arg(status, 3, 10, QLatin1Char('0'))};
        return false;
    }
    if (m_redirectPolicy != QNetworkRequest::ManualRedirectPolicy && isRedirect(status)
        && takeRedirect(status)) {
        // Followed: its body is discarded and its headers never show, as in Qt.
        m_headers.clear();
        return !m_wire.isHead();
    }
    // Decoded whoever asked: a request that names its own Accept-Encoding (a replayed HAR, a
    // browser's copy as cURL) still shows and checks what the server meant. Qt's own stack
    // leaves such a body to the caller.
    startDecoding();
    setHeaders(status, std::move(reason));
    // 204 and 304 have no body, whatever length or coding they announce (RFC 9110, 15.3.5 and
    // 15.4.5).
    return !m_wire.isHead() && status != 204 && status != 304;
}

bool FastHttpReply::takeRedirect(int status)
{
    for (const auto &[name, value] : m_headers) {
        if (name.compare("location", Qt::CaseInsensitive) == 0) {
            m_redirectTo = value;
            break;
        }
    }
    if (!m_redirectTo.isEmpty() && m_redirectsLeft > 0) {
        m_redirectStatus = status;
        return true;
    }
    // One redirect too many: as in Qt, this answer's status and headers stay (without
    // metaDataChanged), its body does not, and the reply fails.
    m_tooManyRedirects = !m_redirectTo.isEmpty();
    return false;
}

void FastHttpReply::startDecoding()
{
    for (const auto &[name, value] : m_headers) {
        // An encoding Qt would decode and this path does not (br, zstd) or one nobody knows: the
        // body comes as it was sent, with its Content-Encoding header, never fetched twice.
        if (name.compare("content-encoding", Qt::CaseInsensitive) == 0)
            m_decoder.start(
                value.trimmed().toLower(), request().decompressedSafetyCheckThreshold());
    }
    if (m_decoder.isActive()) {
        // As Qt: the length was the encoded body's, so it goes; the encoding stays.
        const auto isLength = [](const auto &field) {
            return field.first.compare("content-length", Qt::CaseInsensitive) == 0;
        };
        m_headers.erase(
            std::remove_if(m_headers.begin(), m_headers.end(), isLength), m_headers.end());
    }
}

void FastHttpReply::setHeaders(int status, QByteArray reason)
{
    // Repeated names join as Qt joins them: Set-Cookie with newlines, the rest with commas. In
    // one pass: each name's values go into its first field, in order, then each name is set once.
    QHash<QByteArray, size_t> first; // by lower-case name
    first.reserve(qsizetype(m_headers.size()));
    std::vector<size_t> order;
    for (size_t i = 0; i < m_headers.size(); ++i) {
        auto &[name, value] = m_headers[i];
        const QByteArray lower = name.toLower();
        const auto at = first.constFind(lower);
        if (at == first.cend()) {
            first.insert(lower, i);
            order.push_back(i);
            continue;
        }
        QByteArray &joined = m_headers[at.value()].second;
        joined += name.compare("set-cookie", Qt::CaseInsensitive) == 0 ? "\n" : ", ";
        joined += value;
    }
    for (const size_t i : order)
        setRawHeader(m_headers[i].first, m_headers[i].second);
    m_headers.clear();
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, reason);
    setAttribute(QNetworkRequest::Http2WasUsedAttribute, m_stream != 0);
    setAttribute(QNetworkRequest::HttpPipeliningWasUsedAttribute, false);
    setAttribute(
        QNetworkRequest::ConnectionEncryptedAttribute, url().scheme() == QLatin1String("https"));
    if (isRedirect(status)) {
        const QByteArray location = rawHeader("Location");
        if (!location.isEmpty())
            setAttribute(QNetworkRequest::RedirectionTargetAttribute, QUrl::fromEncoded(location));
    }
    m_status = status;
    m_reason = std::move(reason);
    m_metaDataPending = !m_tooManyRedirects;
}

void FastHttpReply::onBody(const char *data, qsizetype size)
{
    if (m_redirectStatus != 0 || m_tooManyRedirects || m_done)
        return; // a redirect's body
    appendBody(data, size);
}

void FastHttpReply::appendBody(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    if (m_decoder.isActive()) {
        m_decoder.push(data, size);
        if (!m_metaDataPending) // else once the reader has seen the headers (and set its limit)
            decodeSome();
        return;
    }
    if (m_readPos > 0 && m_readPos == m_buffer.size()) {
        m_buffer.resize(0); // all read: start over, keeping the capacity
        m_readPos = 0;
    }
    m_bodyPending = true;
    m_buffer.append(data, size);
}

void FastHttpReply::decodeSome()
{
    const qint64 limit = readBufferSize();
    if (m_readPos > 0 && m_readPos == m_buffer.size()) {
        m_buffer.resize(0);
        m_readPos = 0;
    }
    const qsizetype unread = m_buffer.size() - m_readPos;
    if (m_decoder.pending() == 0 || (limit > 0 && unread >= limit))
        return;
    const qsizetype before = m_buffer.size();
    if (!m_decoder.decode(m_buffer, limit > 0 ? qsizetype(limit) - unread : -1)
        && m_failure.code == QNetworkReply::NoError) {
        m_failure = {QNetworkReply::ProtocolFailure, m_decoder.error()};
        m_failFast = true; // a bomb stops the reply now, not when the server is done
    }
    if (m_buffer.size() > before)
        m_bodyPending = true;
}

void FastHttpReply::decodeLater()
{
    if (m_decodePosted)
        return;
    m_decodePosted = true;
    // From the event loop, one read-buffer's worth at a time: a timer (the run's deadline) fires
    // between two steps, however much the body inflates.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_decodePosted = false;
            decodeSome();
            deliver();
            if (m_done || m_decoder.pending() > 0)
                return;
            if (m_completeWhenDecoded)
                onComplete();
            else
                resumeTransport();
        },
        Qt::QueuedConnection);
}

void FastHttpReply::deliver()
{
    emitPending();
    if (m_failFast)
        fail(m_failure.code, m_failure.message);
}

void FastHttpReply::emitPending()
{
    if (m_done)
        return;
    if (m_metaDataPending) {
        m_metaDataPending = false;
        Q_EMIT metaDataChanged();
        if (m_done)
            return;
        decodeSome();
    }
    if (m_bodyPending) {
        m_bodyPending = false;
        if (bytesAvailable() > 0)
            Q_EMIT readyRead();
    }
}

bool FastHttpReply::wantsMoreBody() const
{
    if (m_failFast || m_decoder.pending() > 0)
        return false;
    const qint64 limit = readBufferSize();
    return limit <= 0 || m_buffer.size() - m_readPos < limit;
}

void FastHttpReply::setReadBufferSize(qint64 size)
{
    QNetworkReply::setReadBufferSize(size);
    if (m_qtReply)
        m_qtReply->setReadBufferSize(size);
    resumeTransport(); // a larger (or no) limit may leave room now
}

void FastHttpReply::onComplete()
{
    if (m_done)
        return;
    if (m_decoder.pending() > 0 && !m_failFast) {
        m_completeWhenDecoded = true; // the reader makes room for the rest first
        return decodeLater();
    }
    if (m_redirectStatus != 0)
        return followRedirect();
    if (m_tooManyRedirects) {
        return fail(QNetworkReply::TooManyRedirectsError,
            QCoreApplication::translate("QHttp", "Too many redirects"));
    }
    if (m_failure.code != QNetworkReply::NoError)
        return fail(m_failure.code, m_failure.message);
    if (m_status >= 400) {
        // As Qt: the answer is kept, and the status also shows as an error.
        setError(qtErrorForStatus(m_status), qtStatusErrorText(url(), m_reason));
        Q_EMIT errorOccurred(error());
    }
    finishNow();
}

void FastHttpReply::followRedirect()
{
    const int status = m_redirectStatus;
    m_redirectStatus = 0;
    const QUrl target = url().resolved(QUrl::fromEncoded(m_redirectTo));
    m_redirectTo.clear();
    const QString scheme = target.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        return fail(QNetworkReply::ProtocolUnknownError,
            QCoreApplication::translate("QHttp", "Unknown protocol specified"));
    }
    // As Qt: "no less safe" forbids https to http; same-origin anything to another origin.
    const bool downgrade = scheme == QLatin1String("http") && url().scheme() != scheme;
    const auto portOf = [](const QUrl &at) {
        return at.port(at.scheme() == QLatin1String("https") ? 443 : 80);
    };
    if ((m_redirectPolicy == QNetworkRequest::NoLessSafeRedirectPolicy && downgrade)
        || (m_redirectPolicy == QNetworkRequest::SameOriginRedirectPolicy
            && (target.scheme() != url().scheme() || target.host() != url().host()
                || portOf(target) != portOf(url())))) {
        return fail(QNetworkReply::InsecureRedirectError,
            QCoreApplication::translate("QHttp", "Insecure redirect"));
    }
    --m_redirectsLeft;
    // As Qt: 301, 302 and 303 turn a POST into a GET (303 anything but HEAD), without its body.
    QByteArray method = m_wire.method;
    QByteArray body = std::move(m_wire.body);
    if ((method == "POST" && (status == 301 || status == 302))
        || (status == 303 && !m_wire.isHead())) {
        if (method != "GET") {
            method = "GET";
            body.clear();
            setOperation(QNetworkAccessManager::GetOperation);
        }
    }
    QNetworkRequest next = request();
    next.setUrl(target);
    next.setMaximumRedirectsAllowed(m_redirectsLeft);
    if (method == "GET" && operation() == QNetworkAccessManager::GetOperation) {
        next.setRawHeader("Content-Type", QByteArray());
        next.setRawHeader("Content-Length", QByteArray());
    }
    setRequest(next);
    setUrl(target);
    m_wire = WireRequest::build(next, operation(), std::move(method), std::move(body), m_hasUpload);
    Q_EMIT redirected(target);
    if (m_done)
        return; // aborted from redirected()
    if (m_pool && m_pool->takesRequest(operation(), next))
        m_pool->submit(this);
    else
        continueInQt(next);
}

void FastHttpReply::continueInQt(const QNetworkRequest &next)
{
    QBuffer *outgoing = nullptr;
    if (!m_wire.body.isEmpty()) {
        outgoing = new QBuffer(this);
        outgoing->setData(m_wire.body);
        outgoing->open(QIODevice::ReadOnly);
    }
    QNetworkRequest request = next;
    request.setAttribute(QNetworkRequest::CustomVerbAttribute, m_wire.method);
    m_qtReply = m_pool ? m_pool->createQtReply(operation(), request, outgoing) : nullptr;
    if (!m_qtReply) {
        return fail(QNetworkReply::ProtocolUnknownError,
            QCoreApplication::translate("QHttp", "Unknown protocol specified"));
    }
    m_qtReply->setParent(this);
    m_qtReply->setReadBufferSize(readBufferSize());
    connectQtReply(m_qtReply);
}

void FastHttpReply::connectQtReply(QNetworkReply *qt)
{
    connect(
        qt, &QNetworkReply::socketStartedConnecting, this, &QNetworkReply::socketStartedConnecting);
    connect(qt, &QNetworkReply::requestSent, this, &QNetworkReply::requestSent);
    connect(qt, &QNetworkReply::encrypted, this, &QNetworkReply::encrypted);
    connect(qt, &QNetworkReply::sslErrors, this, &QNetworkReply::sslErrors);
    connect(qt, &QNetworkReply::redirected, this, [this](const QUrl &to) {
        setUrl(to);
        Q_EMIT redirected(to);
    });
    connect(qt, &QNetworkReply::metaDataChanged, this, [this, qt] {
        for (const QByteArray &name : rawHeaderList())
            setRawHeader(name, QByteArray());
        for (const auto &[name, value] : qt->rawHeaderPairs())
            setRawHeader(name, value);
        for (const auto attribute : {QNetworkRequest::HttpStatusCodeAttribute,
                 QNetworkRequest::HttpReasonPhraseAttribute, QNetworkRequest::Http2WasUsedAttribute,
                 QNetworkRequest::ConnectionEncryptedAttribute,
                 QNetworkRequest::RedirectionTargetAttribute})
            setAttribute(attribute, qt->attribute(attribute));
        Q_EMIT metaDataChanged();
    });
    connect(qt, &QNetworkReply::readyRead, this, [this, qt] {
        const QByteArray data = qt->readAll();
        appendBody(data.constData(), data.size());
        deliver();
    });
    connect(qt, &QNetworkReply::finished, this, [this, qt] {
        const QByteArray data = qt->readAll();
        appendBody(data.constData(), data.size());
        deliver();
        if (m_done)
            return;
        setUrl(qt->url());
        if (qt->error() != QNetworkReply::NoError) {
            setError(qt->error(), qt->errorString());
            Q_EMIT errorOccurred(qt->error());
        }
        finishNow();
    });
}

void FastHttpReply::onConnectionError(
    QAbstractSocket::SocketError error, const QString &socketMessage)
{
    const QtError qt = qtErrorForSocket(error, socketMessage, url());
    fail(qt.code, qt.message);
}

void FastHttpReply::onMalformed(const QByteArray &why)
{
    fail(QNetworkReply::ProtocolFailure,
        Tr::tr("Malformed HTTP response: %1").arg(QString::fromLatin1(why)));
}

void FastHttpReply::fail(NetworkError code, const QString &message)
{
    if (m_done)
        return;
    emitPending(); // what arrived before the failure is still the answer's
    if (m_done)
        return;
    setError(code, message);
    Q_EMIT errorOccurred(code);
    finishNow();
}

void FastHttpReply::finishNow()
{
    if (m_done)
        return;
    m_done = true;
    abandonTransport();
    if (m_pool)
        m_pool->withdraw(this);
    setFinished(true);
    Q_EMIT readChannelFinished();
    Q_EMIT finished();
}

void FastHttpReply::abort()
{
    if (m_done)
        return;
    if (m_qtReply) {
        m_qtReply->abort(); // finishes this one through its finished()
        if (m_done)
            return;
    }
    fail(QNetworkReply::OperationCanceledError,
        QCoreApplication::translate("QNetworkReply", "Operation canceled"));
}

void FastHttpReply::close()
{
    abort();
    QNetworkReply::close();
}

qint64 FastHttpReply::bytesAvailable() const
{
    return qint64(m_buffer.size() - m_readPos) + QNetworkReply::bytesAvailable();
}

qint64 FastHttpReply::readData(char *data, qint64 maxSize)
{
    const qint64 available = qint64(m_buffer.size() - m_readPos);
    if (available == 0)
        return m_done ? -1 : 0;
    const qint64 n = qMin(available, maxSize);
    std::memcpy(data, m_buffer.constData() + m_readPos, size_t(n));
    m_readPos += qsizetype(n);
    if (m_decoder.pending() > 0)
        decodeLater();
    else if (m_transport && available - n < readBufferSize())
        resumeTransport();
    return n;
}

qint64 FastHttpReply::skipData(qint64 maxSize)
{
    const qint64 n = qMin(qint64(m_buffer.size() - m_readPos), maxSize);
    m_readPos += qsizetype(n);
    if (m_decoder.pending() > 0)
        decodeLater();
    else if (n > 0)
        resumeTransport();
    return n;
}
