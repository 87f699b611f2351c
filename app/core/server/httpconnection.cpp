// The built-in server's connections: parsing with libhttp-parser, answers queued in order.
#include "core/server/httpconnection.h"

#include "core/base/version.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

using namespace ServerDetail;

namespace {
constexpr qint64 StreamChunk = 64 * 1024;
// Refill /bytes only below this much unsent data, so memory stays flat whatever n is.
constexpr qint64 StreamHighWater = 4 * StreamChunk;

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
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_sslSocket(qobject_cast<QSslSocket *>(socket))
    , m_timer(new QTimer(this))
{
    socket->setParent(this);
    // Bounded: a client that sends faster than it is answered waits in the kernel's buffers.
    socket->setReadBufferSize(server->limits().readBufferBytes);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    // Small responses go out at once instead of waiting for a delayed ACK (Nagle).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::readInput);
    connect(socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    // QSslSocket reports bytesWritten once data is encrypted, not sent: /bytes also waits for this.
    if (m_sslSocket) {
        connect(m_sslSocket, &QSslSocket::encryptedBytesWritten, this, [this] {
            continueStream();
            if (!m_busy && !backlogged() && !m_closing)
                readInput();
        });
    }
    connect(socket, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onClosed();
    });
    // A TLS client's first request may arrive with the end of the handshake, before we connected.
    if (socket->state() != QAbstractSocket::ConnectedState) {
        onClosed();
        return;
    }
    rearm();
    if (socket->bytesAvailable() > 0)
        readInput();
}

HttpConnection::~HttpConnection()
{
    QObject::disconnect(m_socket, nullptr, this, nullptr);
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
            r.counted = r.bodyTooLarge = r.overBudget = r.keepBody = false;
            r.bodyLength = 0;
            r.lastWasValue = true;
            HttpConnection *connection = self(p);
            connection->m_headersPending = true;
            connection->m_headerDeadline
                = QDeadlineTimer(connection->m_server->limits().headerTimeoutMs);
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
            // Non-zero stops the parser with an error, answered with 413.
            return self(p)->bodyReceived(at, qint64(length)) ? 0 : 1;
        };
        // Pausing hands each complete request to readInput(), outside the parser's callbacks.
        s.on_message_complete = [](http_parser *p) {
            self(p)->m_inBody = false;
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
    m_server->requestStarted(r.counted, http_method_str(http_method(r.method)), r.url);
    m_headersPending = false;
    m_inBody = true;
    r.keepBody = r.path == "/echo" || r.path == "/login";
    // An announced length over the limit is refused on its first body byte, unread; room for a
    // body within it is made once, not by doubling as it arrives.
    // An announced body is taken from the server-wide budget whole, so that parallel uploads
    // are answered or refused each, rather than all starving halfway.
    const qint64 limit = m_server->limits().maxBodyBytes;
    const bool announced = m_parser.content_length != ULLONG_MAX;
    if (announced && m_parser.content_length > quint64(limit)) {
        r.bodyTooLarge = true;
    } else if (r.keepBody && announced) {
        const auto length = qint64(m_parser.content_length);
        if (m_server->reserveBodyBytes(length)) {
            m_bodyHeld = length;
            r.body.reserve(qsizetype(length));
        } else {
            r.bodyTooLarge = r.overBudget = true;
        }
    }
    if (!r.http10 && !r.bodyTooLarge && r.header("expect").toLower() == "100-continue")
        send("HTTP/1.1 100 Continue\r\n\r\n");
}

bool HttpConnection::bodyReceived(const char *at, qint64 length)
{
    Request &r = m_request;
    r.bodyLength += length;
    if (r.bodyTooLarge || r.bodyLength > m_server->limits().maxBodyBytes) {
        r.bodyTooLarge = true;
        return false;
    }
    if (!r.keepBody)
        return true;
    if (m_bodyHeld < r.bodyLength) { // chunked: taken from the budget as it comes
        if (!m_server->reserveBodyBytes(length)) {
            r.bodyTooLarge = r.overBudget = true;
            return false;
        }
        m_bodyHeld += length;
    }
    r.body.append(at, qsizetype(length));
    return true;
}

void HttpConnection::releaseBody()
{
    m_request.body = QByteArray();
    if (m_bodyHeld > 0 && m_server)
        m_server->releaseBodyBytes(m_bodyHeld);
    m_bodyHeld = 0;
}

void HttpConnection::parseError(int error)
{
    m_request.keepAlive = false;
    const HttpServerLimits &limits = m_server->limits();
    if (m_request.overBudget)
        respondError(413,
            QStringLiteral("request bodies over %1 bytes in total are being received")
                .arg(limits.maxBodyBytesTotal));
    else if (m_request.bodyTooLarge)
        respondError(413, QStringLiteral("request body over %1 bytes").arg(limits.maxBodyBytes));
    else
        respondError(400,
            QStringLiteral("malformed request: %1")
                .arg(QLatin1String(http_errno_description(http_errno(error)))));
    releaseBody();
}

void HttpConnection::readInput()
{
    if (m_busy || m_closing || m_parsing || backlogged())
        return;
    m_parsing = true;
    const QByteArray read = m_socket->readAll();
    m_input.append(read);
    qsizetype offset = 0;
    while (!m_busy && !m_closing && !backlogged() && offset < m_input.size()) {
        offset += qsizetype(http_parser_execute(&m_parser, &parserSettings(),
            m_input.constData() + offset, size_t(m_input.size() - offset)));
        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            m_parser.upgrade = 0; // never switch protocols (e.g. an h2c offer): stay in HTTP/1.1
            route();
            releaseBody();
        } else if (error != HPE_OK) {
            parseError(error);
            break;
        }
    }
    m_input.remove(0, offset);
    m_parsing = false;
    if (!read.isEmpty())
        rearm();
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
    const QByteArray head = responseHead(status, contentType, body.size(), extraHeaders);
    const bool withBody = m_request.method != HTTP_HEAD && status != 204 && status != 304;
    responseQueued(head.size() + (withBody ? body.size() : 0));
    send(head);
    if (withBody && !body.isEmpty()) // apart: a large body is not copied once more
        send(body);
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
    rearm();
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
    rearm();
    continueStream();
    // Answers drained below the limit: read the requests that waited.
    if (!m_busy && !m_closing && !backlogged()
        && (!m_input.isEmpty() || m_socket->bytesAvailable()))
        readInput();
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

qint64 HttpConnection::unsent() const
{
    return m_socket->bytesToWrite() + (m_sslSocket ? m_sslSocket->encryptedBytesToWrite() : 0);
}

bool HttpConnection::backlogged() const
{
    return m_server && unsent() > m_server->limits().maxUnsentBytes;
}

void HttpConnection::rearm()
{
    if (!m_server)
        return;
    qint64 wait = m_server->limits().idleTimeoutMs;
    if (m_headersPending)
        wait = qBound<qint64>(0, m_headerDeadline.remainingTime(), wait);
    m_timer->start(int(wait));
}

void HttpConnection::onTimeout()
{
    if (!m_server)
        return;
    if (m_closing) // the last answer could not be flushed: the client does not read
        return m_socket->abort();
    const HttpServerLimits &limits = m_server->limits();
    if (m_headersPending && !m_headerDeadline.hasExpired())
        return rearm();
    if (m_busy && m_streamLeft == 0) // a /delay: the wait is ours, not the client's
        return rearm();
    m_request.keepAlive = false;
    if (m_headersPending) {
        respondError(408,
            QStringLiteral("request headers not complete after %1 ms").arg(limits.headerTimeoutMs));
    } else if (m_inBody && !m_busy) {
        respondError(
            408, QStringLiteral("request body stalled for %1 ms").arg(limits.idleTimeoutMs));
        releaseBody();
    } else { // idle between requests, or a client that does not read its answers
        m_closing = true;
        m_socket->abort();
    }
}

void HttpConnection::onClosed()
{
    if (m_server == nullptr)
        return;
    releaseBody();
    m_timer->stop();
    m_closing = true;
    const int open = int(m_responseEnds.size()) + (m_request.counted ? 1 : 0);
    m_responseEnds.clear();
    m_request.counted = false;
    if (open > 0)
        m_server->requestsFinished(open);
    m_server = nullptr;
    deleteLater();
}
