#include "core/http/fasthttpconnection.h"

#include "core/http/fasthttpreply.h"

#include <QCoreApplication>
#include <QSslSocket>

#include <utility>

namespace {
// One read takes what the kernel has, up to this much: a small answer is one system call.
constexpr qint64 ReadChunkBytes = 64 * 1024;
// The socket's own buffer stops taking from the kernel beyond this, so a reply that stops
// reading (its read-buffer limit reached) holds the sender back instead of filling memory.
constexpr qint64 SocketBufferBytes = 4 * ReadChunkBytes;

/// head (a response's first bytes) with the Content-Length fields that repeat the first one's
/// value left out of its head; empty when there are none, or two values differ.
QByteArray withoutRepeatedLength(const QByteArray &head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    QByteArray out;
    out.reserve(head.size());
    QByteArray length;
    bool dropped = false;
    for (qsizetype at = 0; at < end + 2;) {
        const qsizetype eol = head.indexOf("\r\n", at) + 2;
        const QByteArray line = head.mid(at, eol - at);
        at = eol;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0
            || line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive)) {
            out += line;
            continue;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (length.isNull()) {
            length = value;
            out += line;
        } else if (value == length) {
            dropped = true;
        } else {
            return {}; // two lengths: the error stands
        }
    }
    return dropped ? out + head.mid(end + 2) : QByteArray();
}
} // namespace

bool FastHttpConnection::takeField()
{
    if (!m_budget.take(m_field.size(), m_value.size())) {
        m_error = m_budget.message();
        return false;
    }
    m_reply->onHeader(std::move(m_field), std::move(m_value));
    m_field.clear();
    m_value.clear();
    return true;
}

int FastHttpConnection::overBudget()
{
    m_budget.bytes = ResponseLimits::MaxHeaderBytes + 1;
    m_error = m_budget.message();
    return 1;
}

FastHttpConnection::FastHttpConnection(FastHttpPool *pool, const FastEndpoint &endpoint)
    : m_pool(pool)
    , m_endpoint(endpoint)
    , m_socket(endpoint.createSocket(pool->owner(), pool, handlers()))
    , m_poolKey(endpoint.poolKey())
{
    m_parser.data = this;
    m_socket->setReadBufferSize(SocketBufferBytes);
    QObject::connect(m_socket, &QTcpSocket::bytesWritten, [this] { onBytesWritten(); });
}

FastHttpConnection::FastHttpConnection(
    FastHttpPool *pool, const FastEndpoint &endpoint, QTcpSocket *socket)
    : m_pool(pool)
    , m_endpoint(endpoint)
    , m_socket(socket)
    , m_poolKey(endpoint.poolKey())
    , m_state(State::Idle)
{
    m_parser.data = this;
    endpoint.adopt(m_socket, pool, handlers());
    m_socket->setReadBufferSize(SocketBufferBytes);
    QObject::connect(m_socket, &QTcpSocket::bytesWritten, [this] { onBytesWritten(); });
}

FastEndpoint::Handlers FastHttpConnection::handlers()
{
    return FastEndpoint::handlersOf(this, [this] { onConnected(); });
}

FastHttpConnection::~FastHttpConnection()
{
    // Deleting a socket inside its own signal is not allowed: cut it loose and delete it later.
    m_socket->disconnect();
    m_socket->abort();
    m_socket->deleteLater();
}

bool FastHttpConnection::isConnected() const
{
    return m_state == State::Idle && m_socket->state() == QAbstractSocket::ConnectedState;
}

void FastHttpConnection::send(FastHttpReply *reply)
{
    m_reply = reply;
    reply->attach(this);
    resetParser();
    m_reparsed = false;
    m_readingPaused = false;
    m_responseBytes = 0;
    if (m_state == State::Connecting) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState) {
            reply->connectionStarted();
            m_endpoint.connect(m_socket);
        }
        return; // writes once connected
    }
    m_state = State::Busy;
    writeRequest();
}

void FastHttpConnection::resetParser()
{
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_field.clear();
    m_value.clear();
    m_reason.clear();
    m_head.clear();
    m_budget = {};
    m_error.clear();
    m_chunkEndLeft = 0;
    m_headDone = false;
    m_lastWasValue = false;
    m_messageComplete = false;
}

void FastHttpConnection::onConnected()
{
    // Requests are small and answers wait for them: Nagle would only add latency. (Set here: an
    // unconnected socket has no engine to take the option.)
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = m_reply ? State::Busy : State::Idle;
    if (FastHttpReply *reply = m_reply; reply && m_endpoint.tls) {
        Q_EMIT reply->encrypted();
        if (m_reply != reply)
            return; // aborted from its slot
    }
    if (m_reply)
        writeRequest();
}

void FastHttpConnection::onSslErrors(const QList<QSslError> &errors)
{
    FastHttpReply *reply = m_reply;
    if (!reply)
        return;
    Q_EMIT reply->sslErrors(errors);
    // As QSslSocket's own: a slot may let the handshake go on.
    if (m_reply == reply && reply->ignoresSslErrors(errors))
        static_cast<QSslSocket *>(m_socket)->ignoreSslErrors();
}

void FastHttpConnection::writeRequest()
{
    m_socket->write(m_reply->wire().http1());
    // Straight to the kernel rather than on the next event-loop pass.
    m_socket->flush();
    m_requestSentPending = true;
    onBytesWritten();
}

void FastHttpConnection::onBytesWritten()
{
    if (!m_requestSentPending || !m_reply || m_socket->bytesToWrite() > 0)
        return;
    m_requestSentPending = false;
    m_reply->requestWritten();
}

void FastHttpConnection::onReadyRead()
{
    if (m_state != State::Busy || !m_reply) {
        // Bytes nobody asked for: the connection cannot be trusted with another request.
        if (m_state == State::Idle)
            close();
        return;
    }
    char chunk[ReadChunkBytes];
    // Bounded: each pass consumes what was there; a reply with a full buffer stops it.
    while (m_reply && m_state == State::Busy && m_socket->bytesAvailable() > 0) {
        if (!m_reply->wantsMoreBody()) {
            m_readingPaused = true;
            return;
        }
        const qint64 got = m_socket->read(chunk, ReadChunkBytes);
        if (got <= 0)
            break;
        feed(chunk, qsizetype(got));
    }
    if (m_peerClosed && m_reply && m_state == State::Busy && m_socket->bytesAvailable() == 0)
        finishAtEnd();
}

void FastHttpConnection::resume(FastHttpReply *)
{
    if (!m_readingPaused)
        return;
    m_readingPaused = false;
    // From the event loop: the reader is inside read() of the reply now.
    QMetaObject::invokeMethod(
        m_socket, [this] { onReadyRead(); }, Qt::QueuedConnection);
}

void FastHttpConnection::feed(const char *data, qsizetype size)
{
    m_responseBytes += size;
    FastHttpReply *reply = m_reply;
    if (!m_headDone) // bounded: the head stops at MaxHeaderBytes
        m_head.append(data, size);
    m_feedEnd = data + size;
    m_error.clear();
    size_t used = 0;
    if (m_chunkEndLeft > 0 && !checkChunkEnd(data)) {
        m_parser.http_errno = HPE_CB_body;
    } else {
        // The parser stops (pauses) at the end of the answer; interim answers it passes through.
        used = http_parser_execute(&m_parser, &parserSettings(), data, size_t(size));
    }
    const auto error = http_errno(m_parser.http_errno);
    if (error != HPE_OK && error != HPE_PAUSED)
        return parseFailed(error);
    reply->deliver();
    if (m_reply != reply)
        return; // aborted from one of its signals: this connection is closed
    if (m_messageComplete)
        responseComplete(qsizetype(used) < size);
}

void FastHttpConnection::parseFailed(http_errno error)
{
    FastHttpReply *reply = m_reply;
    if (error == HPE_UNEXPECTED_CONTENT_LENGTH && !m_reparsed) {
        // http_parser rejects any repeated Content-Length; Qt and curl accept the same value
        // twice (RFC 9110, 8.6 allows it). Parse the head again without the repeats.
        const QByteArray head = withoutRepeatedLength(m_head);
        if (!head.isEmpty()) {
            resetParser();
            reply->restartHead();
            m_reparsed = true;
            m_responseBytes -= head.size();
            return feed(head.constData(), head.size());
        }
    }
    m_reply = nullptr;
    reply->detach();
    close();
    if (error == HPE_HEADER_OVERFLOW) // libhttp-parser's own bound on a head
        m_error = ResponseLimits::HeaderBudget {0, ResponseLimits::MaxHeaderBytes + 1}.message();
    if (!m_error.isEmpty())
        return reply->fail(QNetworkReply::ProtocolFailure, m_error);
    reply->onMalformed(http_errno_description(error));
}

bool FastHttpConnection::checkChunkEnd(const char *at)
{
    if (m_chunkEndLeft == 0)
        m_chunkEndLeft = 2;
    for (; m_chunkEndLeft > 0 && at < m_feedEnd; --m_chunkEndLeft, ++at) {
        if (*at != (m_chunkEndLeft == 2 ? '\r' : '\n')) {
            m_error = QCoreApplication::translate(
                "FastHttpReply", "Malformed HTTP response: a chunk's data is not followed by CRLF");
            return false;
        }
    }
    return true;
}

void FastHttpConnection::responseComplete(bool bytesLeft)
{
    FastHttpReply *reply = m_reply;
    m_reply = nullptr;
    reply->detach();
    ++m_responses;
    // Bytes after the answer were never asked for (no pipelining here): such a connection
    // cannot be trusted with another request.
    const bool reusable = !bytesLeft && http_should_keep_alive(&m_parser) != 0
        && m_parser.upgrade == 0 && m_socket->state() == QAbstractSocket::ConnectedState;
    // Back to the pool before the reply reports, so the request its finished() dispatches can
    // take this connection at once.
    if (reusable) {
        m_state = State::Idle;
        m_pool->connectionReleased(this);
    } else {
        close();
    }
    reply->onComplete();
}

void FastHttpConnection::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    m_peerClosed = true;
    if (m_reply && m_state == State::Busy) {
        // What the socket still holds comes first; onReadyRead handles the end after it (now,
        // or once a paused reply reads again).
        onReadyRead();
        return;
    }
    fail(QAbstractSocket::RemoteHostClosedError);
}

void FastHttpConnection::finishAtEnd()
{
    // An answer delimited by the end of the connection ends here; any other is cut short.
    http_parser_execute(&m_parser, &parserSettings(), nullptr, 0);
    if (!m_messageComplete)
        return fail(QAbstractSocket::RemoteHostClosedError);
    FastHttpReply *reply = m_reply;
    reply->deliver();
    if (m_reply == reply)
        responseComplete(false);
}

void FastHttpConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_state == State::Closed)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError)
        return onDisconnected();
    fail(error);
}

void FastHttpConnection::fail(QAbstractSocket::SocketError error)
{
    FastHttpReply *reply = m_reply;
    m_reply = nullptr;
    const State was = m_state;
    const bool reused = wasUsed();
    const qint64 received = m_responseBytes;
    const QString socketMessage = m_socket->errorString();
    close();
    if (!reply)
        return;
    reply->detach();
    // A kept-alive connection the server closed before any byte of the answer: the request may
    // not have reached it. Like browsers and Qt, try once more on a fresh connection.
    // Never a request that may not be sent twice (a POST, say): the server may have acted on it.
    if (was == State::Busy && reused && received == 0 && reply->mayRetry()
        && reply->wire().isIdempotent() && error == QAbstractSocket::RemoteHostClosedError) {
        reply->markRetried();
        m_pool->assign(reply, true);
        return;
    }
    reply->onConnectionError(error, socketMessage);
}

void FastHttpConnection::abandon()
{
    m_reply = nullptr;
    close();
}

void FastHttpConnection::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_socket->disconnect();
    m_socket->abort();
    m_pool->connectionClosed(this);
}

const http_parser_settings &FastHttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_status = [](http_parser *p, const char *at, size_t length) {
            self(p)->m_reason.append(at, qsizetype(length)); // may come in pieces
            return 0;
        };
        s.on_header_field = [](http_parser *p, const char *at, size_t length) {
            FastHttpConnection *c = self(p);
            if (c->m_lastWasValue && !c->takeField())
                return 1;
            c->m_lastWasValue = false;
            c->m_field.append(at, qsizetype(length));
            return c->m_field.size() > ResponseLimits::MaxHeaderBytes ? c->overBudget() : 0;
        };
        s.on_header_value = [](http_parser *p, const char *at, size_t length) {
            FastHttpConnection *c = self(p);
            c->m_lastWasValue = true;
            c->m_value.append(at, qsizetype(length));
            return c->m_value.size() > ResponseLimits::MaxHeaderBytes ? c->overBudget() : 0;
        };
        s.on_headers_complete = [](http_parser *p) {
            FastHttpConnection *c = self(p);
            if (c->m_lastWasValue && !c->takeField())
                return -1;
            c->m_field.clear();
            c->m_value.clear();
            c->m_lastWasValue = false;
            c->m_budget = {};
            c->m_headDone = true;
            c->m_head.clear();
            const bool body
                = c->m_reply->onHeadersComplete(p->status_code, std::exchange(c->m_reason, {}));
            return body ? 0 : 1; // 1: no body follows (HEAD, 204, 304), whatever the headers say
        };
        s.on_body = [](http_parser *p, const char *at, size_t length) {
            FastHttpConnection *c = self(p);
            c->m_reply->onBody(at, qsizetype(length));
            // The last of a chunk's data: its CRLF follows.
            const bool chunkDone = (p->flags & F_CHUNKED) && p->content_length == 0;
            return chunkDone && !c->checkChunkEnd(at + length) ? 1 : 0;
        };
        s.on_message_complete = [](http_parser *p) {
            FastHttpConnection *c = self(p);
            if (p->status_code >= 100 && p->status_code < 200 && p->status_code != 101) {
                // An interim answer (100 Continue, 103 Early Hints): the real one follows.
                c->m_headDone = false;
                return 0;
            }
            c->m_messageComplete = true;
            http_parser_pause(p, 1);
            return 0;
        };
        return s;
    }();
    return settings;
}
