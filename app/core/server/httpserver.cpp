// The test server: one HttpConnection per TCP connection, requests parsed by libhttp-parser.
#include "core/server/httpserver.h"

#include "core/server/servercertificate.h"
#include "core/base/version.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QStringDecoder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <http_parser.h>

#include <chrono>
#include <deque>

namespace {
constexpr qint64 MaxBodyBytes = qint64(64) << 20;
constexpr qint64 MaxBytesRoute = qint64(1) << 30;
constexpr qint64 MaxDelayMs = 600000;
constexpr qint64 MaxRedirects = 1000000;
constexpr qint64 StreamChunk = 64 * 1024;
// Refill /bytes only below this much unsent data, so memory stays flat whatever n is.
constexpr qint64 StreamHighWater = 4 * StreamChunk;

struct Request
{
    QByteArray url;
    QByteArray path; // as sent, still percent-encoded
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased once headers are complete
    QByteArray body;
    int method = HTTP_GET;
    bool http10 = false;
    bool keepAlive = true;
    bool counted = false; // counts toward in-flight until its response is written
    bool bodyTooLarge = false;
    bool lastWasValue = true; // http_parser may split one header name over several callbacks

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
};

// Digits only: QByteArray::toLongLong would also take "+5", " 5" and "0x5".
bool parseNumber(const QByteArray &text, qint64 max, qint64 *value)
{
    if (text.isEmpty() || text.size() > 12)
        return false;
    qint64 result = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return result <= max;
}

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases {{200, "OK"}, {201, "Created"}, {202, "Accepted"},
        {204, "No Content"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
        {304, "Not Modified"}, {307, "Temporary Redirect"}, {308, "Permanent Redirect"},
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},
        {408, "Request Timeout"}, {409, "Conflict"}, {413, "Content Too Large"},
        {418, "I'm a teapot"}, {429, "Too Many Requests"}, {500, "Internal Server Error"},
        {502, "Bad Gateway"}, {503, "Service Unavailable"}, {504, "Gateway Timeout"}};
    return phrases.value(status, QByteArrayLiteral("Status"));
}

const QByteArray &streamPattern()
{
    // One chunk plus a full alphabet, so a chunk may start at any offset modulo 26.
    static const QByteArray pattern = [] {
        QByteArray bytes(StreamChunk + 26, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char('a' + i % 26);
        return bytes;
    }();
    return pattern;
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

/// One client connection. Parsing pauses after each complete request so that requests are
/// answered strictly in order: while a response waits (/delay) or streams (/bytes), later
/// pipelined requests stay unparsed in the buffer.
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server);
    ~HttpConnection() override { QObject::disconnect(m_socket, nullptr, this, nullptr); }

private:
    static const http_parser_settings &parserSettings();
    static HttpConnection *self(http_parser *parser)
    {
        return static_cast<HttpConnection *>(parser->data);
    }
    void headersCompleted();

    void readInput();
    void route();
    void routeFlaky(const QByteArray &rest);
    QJsonObject describeRequest(bool withBody) const;
    QJsonObject statsJson() const;

    QByteArray responseHead(int status, const QByteArray &contentType, qint64 length,
        const QByteArray &extraHeaders) const;
    void respond(int status, const QByteArray &contentType, const QByteArray &body,
        const QByteArray &extraHeaders = {});
    void respondJson(int status, const QJsonObject &object, const QByteArray &extraHeaders = {})
    {
        respond(status, "application/json", toJson(object), extraHeaders);
    }
    void respondError(int status, const QString &message);
    void startStream(qint64 length);
    void pumpStream();
    void send(const QByteArray &bytes);
    void responseQueued(qint64 bytes);
    void requestAnswered();
    void continueStream();
    void resume();
    void onBytesWritten(qint64 bytes);
    void onClosed();

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QSslSocket *m_sslSocket; // m_socket in TLS mode, else null
    http_parser m_parser;
    QByteArray m_input;
    Request m_request;
    bool m_busy = false; // a /delay or /bytes response is not fully queued yet
    bool m_closing = false;
    bool m_parsing = false;
    qint64 m_queued = 0; // bytes handed to the socket
    qint64 m_written = 0; // bytes the socket reported written
    std::deque<qint64> m_responseEnds; // where each counted, queued response ends in the stream
    qint64 m_streamLeft = 0;
    qint64 m_streamOffset = 0;
};

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_sslSocket(qobject_cast<QSslSocket *>(socket))
{
    socket->setParent(this);
    // Small responses go out at once instead of waiting for a delayed ACK (Nagle).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::readInput);
    connect(socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    // QSslSocket reports bytesWritten once data is encrypted, not sent: /bytes also waits for this.
    if (m_sslSocket) {
        connect(
            m_sslSocket, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::continueStream);
    }
    connect(socket, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onClosed();
    });
    // A TLS client's first request may arrive with the end of the handshake, before we connected.
    if (socket->state() != QAbstractSocket::ConnectedState)
        onClosed();
    else if (socket->bytesAvailable() > 0)
        readInput();
}

const http_parser_settings &HttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = [](http_parser *p) {
            Request &r = self(p)->m_request;
            r.url.clear();
            r.path.clear();
            r.query.clear();
            r.headers.clear();
            r.body.clear();
            r.counted = r.bodyTooLarge = false;
            r.lastWasValue = true;
            return 0;
        };
        s.on_url = [](http_parser *p, const char *at, size_t length) {
            self(p)->m_request.url.append(at, qsizetype(length));
            return 0;
        };
        s.on_header_field = [](http_parser *p, const char *at, size_t length) {
            Request &r = self(p)->m_request;
            if (r.lastWasValue)
                r.headers.emplaceBack();
            r.headers.last().first.append(at, qsizetype(length));
            r.lastWasValue = false;
            return 0;
        };
        s.on_header_value = [](http_parser *p, const char *at, size_t length) {
            Request &r = self(p)->m_request;
            r.headers.last().second.append(at, qsizetype(length));
            r.lastWasValue = true;
            return 0;
        };
        s.on_headers_complete = [](http_parser *p) {
            self(p)->headersCompleted();
            return 0;
        };
        s.on_body = [](http_parser *p, const char *at, size_t length) {
            Request &r = self(p)->m_request;
            if (r.body.size() + qint64(length) > MaxBodyBytes) {
                r.bodyTooLarge = true;
                return 1; // stops the parser with an error; answered with 413
            }
            r.body.append(at, qsizetype(length));
            return 0;
        };
        // Pausing hands each complete request to readInput(), outside the parser's callbacks.
        s.on_message_complete = [](http_parser *p) {
            http_parser_pause(p, 1);
            return 0;
        };
        return s;
    }();
    return settings;
}

void HttpConnection::headersCompleted()
{
    Request &r = m_request;
    for (auto &header : r.headers)
        header.first = std::move(header.first).toLower();
    r.method = int(m_parser.method);
    r.http10 = m_parser.http_major == 1 && m_parser.http_minor == 0;
    r.keepAlive = http_should_keep_alive(&m_parser) != 0;

    http_parser_url parts;
    http_parser_url_init(&parts);
    const bool connect = r.method == HTTP_CONNECT;
    if (http_parser_parse_url(r.url.constData(), size_t(r.url.size()), connect, &parts) == 0) {
        const auto field = [&](int f) {
            if (!(parts.field_set & (1 << f)))
                return QByteArray();
            return r.url.mid(parts.field_data[f].off, parts.field_data[f].len);
        };
        r.path = field(UF_PATH);
        r.query = field(UF_QUERY);
    } else {
        r.path = r.url;
        r.query.clear();
    }
    r.counted = r.path != "/stats" && r.path != "/stats/reset";
    m_server->requestStarted(r.counted);
    if (!r.http10 && r.header("expect").toLower() == "100-continue")
        send("HTTP/1.1 100 Continue\r\n\r\n");
}

void HttpConnection::readInput()
{
    if (m_busy || m_closing || m_parsing)
        return;
    m_parsing = true;
    m_input.append(m_socket->readAll());
    qsizetype offset = 0;
    while (!m_busy && !m_closing && offset < m_input.size()) {
        offset += qsizetype(http_parser_execute(&m_parser, &parserSettings(),
            m_input.constData() + offset, size_t(m_input.size() - offset)));
        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            m_parser.upgrade = 0; // never switch protocols (e.g. an h2c offer): stay in HTTP/1.1
            route();
        } else if (error != HPE_OK) {
            m_request.keepAlive = false;
            if (m_request.bodyTooLarge)
                respondError(413, QStringLiteral("request body over %1 bytes").arg(MaxBodyBytes));
            else
                respondError(400,
                    QStringLiteral("malformed request: %1")
                        .arg(QLatin1String(http_errno_description(error))));
            break;
        }
    }
    m_input.remove(0, offset);
    m_parsing = false;
}

void HttpConnection::route()
{
    const QByteArray &path = m_request.path;
    qint64 number = 0;
    if (path == "/get") {
        respondJson(200, describeRequest(false));
    } else if (path == "/echo") {
        respondJson(200, describeRequest(true));
    } else if (path.startsWith("/status/")) {
        if (!parseNumber(path.mid(8), 599, &number) || number < 200)
            return respondError(
                400, QStringLiteral("status code must be a number from 200 to 599"));
        QByteArray extra;
        const QUrlQuery query(QString::fromUtf8(m_request.query));
        if (query.hasQueryItem(QStringLiteral("retry_after"))) {
            qint64 seconds = 0;
            const QString value = query.queryItemValue(QStringLiteral("retry_after"));
            if (!parseNumber(value.toLatin1(), 1000000000, &seconds))
                return respondError(400, QStringLiteral("retry_after must be whole seconds"));
            extra = "Retry-After: " + QByteArray::number(seconds) + "\r\n";
        }
        respond(int(number), "text/plain; charset=utf-8",
            QByteArray::number(number) + ' ' + reasonPhrase(int(number)) + '\n', extra);
    } else if (path.startsWith("/flaky/")) {
        routeFlaky(path.mid(7));
    } else if (path.startsWith("/delay/")) {
        if (!parseNumber(path.mid(7), MaxDelayMs, &number))
            return respondError(400, QStringLiteral("delay must be 0 to %1 ms").arg(MaxDelayMs));
        m_busy = true;
        // Precise: a coarse timer may fire up to 5% early, and clients measure against the delay.
        QTimer::singleShot(
            std::chrono::milliseconds(number), Qt::PreciseTimer, this, [this, number] {
                if (m_closing)
                    return;
                respondJson(200, {{QStringLiteral("delay_ms"), number}});
                resume();
            });
    } else if (path.startsWith("/bytes/")) {
        if (!parseNumber(path.mid(7), MaxBytesRoute, &number))
            return respondError(
                400, QStringLiteral("byte count must be 0 to %1").arg(MaxBytesRoute));
        startStream(number);
    } else if (path.startsWith("/redirect/")) {
        if (!parseNumber(path.mid(10), MaxRedirects, &number))
            return respondError(
                400, QStringLiteral("redirect count must be 0 to %1").arg(MaxRedirects));
        if (number == 0) // zero redirects left: this is the destination
            return respondJson(200, describeRequest(false));
        const QByteArray location
            = number == 1 ? QByteArray("/get") : "/redirect/" + QByteArray::number(number - 1);
        respond(302, "text/plain; charset=utf-8", "redirecting to " + location + '\n',
            "Location: " + location + "\r\n");
    } else if (path == "/drop") {
        m_closing = true;
        m_socket->abort();
    } else if (path == "/stats") {
        respondJson(200, statsJson());
    } else if (path == "/stats/reset") {
        m_server->resetStats();
        respondJson(200, statsJson());
    } else if (path == "/") {
        QJsonArray routes;
        for (const char *r :
            {"/get", "/echo", "/status/{code}?retry_after=S", "/flaky/{k}/{code}?key=K",
                "/delay/{ms}", "/bytes/{n}", "/redirect/{n}", "/drop", "/stats", "/stats/reset"})
            routes.append(QLatin1String(r));
        respondJson(200,
            {{QStringLiteral("server"), QString(QStringLiteral("rafaga/") + Rafaga::version())},
                {QStringLiteral("routes"), routes}});
    } else {
        respondJson(404,
            {{QStringLiteral("error"), QStringLiteral("not found")},
                {QStringLiteral("path"), QString::fromUtf8(path)}});
    }
}

void HttpConnection::routeFlaky(const QByteArray &rest)
{
    const QList<QByteArray> parts = rest.split('/');
    qint64 failures = 0;
    qint64 code = 0;
    if (parts.size() != 2 || !parseNumber(parts[0], 1000000, &failures))
        return respondError(400, QStringLiteral("failure count must be 0 to 1000000"));
    if (!parseNumber(parts[1], 599, &code) || code < 200)
        return respondError(400, QStringLiteral("status code must be a number from 200 to 599"));
    const QString key = QUrlQuery(QString::fromUtf8(m_request.query))
                            .queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
    const int attempt = m_server->flakyAttempt(key);
    const QJsonObject body {{QStringLiteral("key"), key}, {QStringLiteral("attempt"), attempt}};
    if (attempt > failures)
        return respondJson(200, body);
    respondJson(int(code), body, code == 429 || code == 503 ? "Retry-After: 0\r\n" : "");
}

QJsonObject HttpConnection::describeRequest(bool withBody) const
{
    QJsonObject query;
    const QUrlQuery urlQuery(QString::fromUtf8(m_request.query));
    for (const auto &[key, value] : urlQuery.queryItems(QUrl::FullyDecoded)) {
        const auto it = query.find(key);
        if (it == query.end()) {
            query.insert(key, value);
        } else {
            QJsonArray values = it->isArray() ? it->toArray() : QJsonArray {*it};
            values.append(value);
            *it = values;
        }
    }
    QJsonObject headers;
    for (const auto &[name, value] : m_request.headers) {
        const QString key = QString::fromLatin1(name);
        const QString text = QString::fromUtf8(value);
        const auto it = headers.find(key);
        if (it == headers.end())
            headers.insert(key, text);
        else
            *it = QString(it->toString() + QStringLiteral(", ") + text);
    }
    QJsonObject result {
        {QStringLiteral("method"),
            QLatin1String(http_method_str(static_cast<http_method>(m_request.method)))},
        {QStringLiteral("path"), QUrl::fromPercentEncoding(m_request.path)},
        {QStringLiteral("query"), query},
        {QStringLiteral("headers"), headers},
    };
    if (withBody) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        result.insert(QStringLiteral("body"), QString(decoder(m_request.body)));
        if (decoder.hasError())
            result.insert(QStringLiteral("body_base64"), QLatin1String(m_request.body.toBase64()));
        result.insert(QStringLiteral("body_length"), m_request.body.size());
    }
    return result;
}

QJsonObject HttpConnection::statsJson() const
{
    return {{QStringLiteral("requests"), m_server->requestCount()},
        {QStringLiteral("in_flight"), m_server->inFlight()},
        {QStringLiteral("max_in_flight"), m_server->maxInFlight()}};
}

QByteArray HttpConnection::responseHead(
    int status, const QByteArray &contentType, qint64 length, const QByteArray &extraHeaders) const
{
    static const QByteArray serverHeader
        = "Server: rafaga/" + Rafaga::version().toLatin1() + "\r\n";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n"
        + serverHeader;
    // RFC 9110: no Content-Length on 204, and a 304 has no body whatever it says.
    if (status != 204 && status != 304) {
        if (!contentType.isEmpty())
            head += "Content-Type: " + contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    }
    if (!m_request.keepAlive)
        head += "Connection: close\r\n";
    else if (m_request.http10)
        head += "Connection: keep-alive\r\n";
    head += extraHeaders + "\r\n";
    return head;
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body,
    const QByteArray &extraHeaders)
{
    QByteArray bytes = responseHead(status, contentType, body.size(), extraHeaders);
    if (m_request.method != HTTP_HEAD && status != 204 && status != 304)
        bytes += body;
    responseQueued(bytes.size());
    send(bytes);
    requestAnswered();
}

void HttpConnection::respondError(int status, const QString &message)
{
    respondJson(status,
        {{QStringLiteral("error"), message},
            {QStringLiteral("path"), QString::fromUtf8(m_request.path)}});
}

void HttpConnection::startStream(qint64 length)
{
    const QByteArray head = responseHead(200, "application/octet-stream", length, {});
    m_streamLeft = m_request.method == HTTP_HEAD ? 0 : length;
    m_streamOffset = 0;
    responseQueued(head.size() + m_streamLeft);
    send(head);
    pumpStream();
    if (m_streamLeft > 0)
        m_busy = true; // onBytesWritten() pumps the rest and then resumes parsing
    else
        requestAnswered();
}

void HttpConnection::pumpStream()
{
    const QByteArray &pattern = streamPattern();
    const auto unsent = [this] {
        return m_socket->bytesToWrite() + (m_sslSocket ? m_sslSocket->encryptedBytesToWrite() : 0);
    };
    while (m_streamLeft > 0 && unsent() < StreamHighWater) {
        const qint64 size = qMin(m_streamLeft, StreamChunk);
        m_queued += size;
        m_socket->write(pattern.constData() + m_streamOffset % 26, size);
        m_streamOffset += size;
        m_streamLeft -= size;
    }
}

void HttpConnection::send(const QByteArray &bytes)
{
    m_queued += bytes.size();
    m_socket->write(bytes);
}

// Recorded before the bytes are written, so even a synchronous bytesWritten cannot miss it.
void HttpConnection::responseQueued(qint64 bytes)
{
    if (!m_request.counted)
        return;
    m_responseEnds.push_back(m_queued + bytes);
    m_request.counted = false;
}

void HttpConnection::requestAnswered()
{
    if (!m_request.keepAlive && !m_closing) {
        m_closing = true;
        m_socket->disconnectFromHost(); // after the queued bytes are flushed
    }
}

void HttpConnection::resume()
{
    m_busy = false;
    readInput();
}

void HttpConnection::onBytesWritten(qint64 bytes)
{
    m_written += bytes;
    int finished = 0;
    while (!m_responseEnds.empty() && m_responseEnds.front() <= m_written) {
        m_responseEnds.pop_front();
        ++finished;
    }
    if (finished > 0)
        m_server->requestsFinished(finished);
    continueStream();
}

void HttpConnection::continueStream()
{
    if (m_streamLeft == 0 || m_closing)
        return;
    pumpStream();
    if (m_streamLeft == 0) {
        requestAnswered();
        resume();
    }
}

void HttpConnection::onClosed()
{
    if (m_server == nullptr)
        return;
    m_closing = true;
    const int open = int(m_responseEnds.size()) + (m_request.counted ? 1 : 0);
    m_responseEnds.clear();
    m_request.counted = false;
    if (open > 0)
        m_server->requestsFinished(open);
    m_server = nullptr;
    deleteLater();
}

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{ }

HttpServer::~HttpServer() = default;

void HttpServer::setTlsEnabled(bool enabled)
{
    m_tls = enabled;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_server)
        return fail(tr("already listening"));
    if (m_tls) {
        if (!QSslSocket::supportsSsl())
            return fail(tr("TLS is not available (%1)").arg(QSslSocket::sslLibraryVersionString()));
        if (m_certificate.isNull()) {
            QString certificateError;
            const ServerCertificate generated = ServerCertificate::generate(&certificateError);
            if (generated.isNull())
                return fail(certificateError);
            m_certificate = generated.certificate;
            m_key = generated.key;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_certificate);
        configuration.setPrivateKey(m_key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        // Only HTTP/1.1 is spoken here: ALPN keeps clients that prefer h2 from trying it.
        configuration.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(configuration);
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    // Tests open hundreds of connections at once; the default backlog of 50 would make the kernel
    // drop SYNs and the client retry a second later.
    m_server->setListenBacklogSize(1024);
    m_server->setMaxPendingConnections(1024);
    // Not newConnection: QSslServer emits that before the TLS handshake, with nothing pending yet.
    connect(
        m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptConnections);
    if (!m_server->listen(address, port)) {
        const QString message = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return fail(message);
    }
    m_address = address;
    m_port = m_server->serverPort();
    return true;
}

QUrl HttpServer::baseUrl() const
{
    QHostAddress host = m_address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(m_port);
    return url;
}

void HttpServer::resetStats()
{
    m_requests = 0;
    m_maxInFlight = m_inFlight.load();
    QMutexLocker locker(&m_flakyMutex);
    m_flakyAttempts.clear();
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        new HttpConnection(socket, this);
}

void HttpServer::requestStarted(bool countedInFlight)
{
    ++m_requests;
    if (!countedInFlight)
        return;
    const int now = ++m_inFlight;
    int max = m_maxInFlight.load();
    while (now > max && !m_maxInFlight.compare_exchange_weak(max, now)) { }
}

void HttpServer::requestsFinished(int count)
{
    m_inFlight -= count;
}

int HttpServer::flakyAttempt(const QString &key)
{
    QMutexLocker locker(&m_flakyMutex);
    return ++m_flakyAttempts[key];
}

ServerThread::ServerThread(bool tls)
    : m_tls(tls)
{ }

ServerThread::~ServerThread()
{
    if (!m_thread)
        return;
    // Deleted in its own thread, where its sockets and timers live.
    QMetaObject::invokeMethod(
        m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool ServerThread::start(QString *error)
{
    if (m_thread) {
        if (error)
            *error = HttpServer::tr("already started");
        return false;
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("rafaga-server"));
    m_server = new HttpServer;
    m_server->setTlsEnabled(m_tls);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_server,
        [this, &listening, error] {
            listening = m_server->listen(QHostAddress::LocalHost, 0, error);
        },
        Qt::BlockingQueuedConnection);
    if (listening)
        m_baseUrl = m_server->baseUrl();
    return listening;
}
