#include "core/http/fasthttp2connection.h"

#include "core/http/fasthttpreply.h"
#include "core/http/qterrors.h"

#include <QCoreApplication>
#include <QSslSocket>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FastHttpReply)
};

constexpr qint64 ReadChunkBytes = 64 * 1024;
// Qt's own HTTP/2 client: at most 100 streams at once until the server says otherwise.
constexpr uint32_t DefaultMaxStreams = 100;
// Per stream: what the server may send ahead of the reply's reading. The connection's window is
// the largest there is, so one slow reader never holds the others back.
constexpr int32_t StreamWindowBytes = 1 << 20;
constexpr int32_t ConnectionWindowBytes = 0x7fffffff;

nghttp2_nv field(const QByteArray &name, const QByteArray &value)
{
    return {reinterpret_cast<uint8_t *>(const_cast<char *>(name.constData())),
        reinterpret_cast<uint8_t *>(const_cast<char *>(value.constData())), size_t(name.size()),
        size_t(value.size()), NGHTTP2_NV_FLAG_NONE};
}
} // namespace

struct FastHttp2Connection::Callbacks
{
    static FastHttp2Connection *self(void *data)
    {
        return static_cast<FastHttp2Connection *>(data);
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
        size_t namelen, const uint8_t *value, size_t valuelen, uint8_t, void *data)
    {
        if (frame->hd.type != NGHTTP2_HEADERS)
            return 0;
        FastHttp2Connection *c = self(data);
        const auto it = c->m_streams.find(frame->hd.stream_id);
        if (it == c->m_streams.end() || it->second.budget.exceeded())
            return 0; // a cancelled stream, or one being reset
        Stream &stream = it->second;
        // Trailers count too: a header bomb fails the stream, not the client's memory.
        if (!stream.budget.take(qsizetype(namelen), qsizetype(valuelen))) {
            stream.failure = stream.budget.message();
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // the session resets the stream
        }
        if (stream.headersDone)
            return 0; // trailers: Qt shows none
        if (namelen == 7 && std::memcmp(name, ":status", 7) == 0) {
            int status = 0;
            for (size_t i = 0; i < valuelen && i < 3; ++i)
                status = status * 10 + (value[i] - '0');
            stream.status = status;
            return 0;
        }
        if (namelen > 0 && name[0] == ':')
            return 0;
        static const QByteArray ContentLength("Content-Length");
        // Qt 6.4 shows this one (and only this one) capitalised, where it came.
        const bool isLength = namelen == 14 && std::memcmp(name, "content-length", 14) == 0;
        stream.reply->onHeader(isLength
                ? ContentLength
                : QByteArray(reinterpret_cast<const char *>(name), qsizetype(namelen)),
            QByteArray(reinterpret_cast<const char *>(value), qsizetype(valuelen)));
        return 0;
    }

    static int onFrameReceived(nghttp2_session *, const nghttp2_frame *frame, void *data)
    {
        FastHttp2Connection *c = self(data);
        if (frame->hd.type == NGHTTP2_GOAWAY) {
            // Before the session closes the streams it names: those above the last one were
            // never processed and may go elsewhere.
            c->m_goingAway = true;
            c->m_lastStreamId = frame->goaway.last_stream_id;
            c->m_goAwayCode = frame->goaway.error_code;
            c->m_pool->http2GoingAway(c);
            return 0;
        }
        if (frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            return 0;
        const auto it = c->m_streams.find(frame->hd.stream_id);
        if (it == c->m_streams.end())
            return 0;
        Stream &stream = it->second;
        if (frame->hd.type == NGHTTP2_HEADERS)
            stream.budget = {};
        if (frame->hd.type == NGHTTP2_HEADERS && !stream.headersDone) {
            const int status = stream.status;
            stream.status = 0;
            // An interim answer (1xx) is dropped by the reply; the real one follows.
            stream.reply->onHeadersComplete(status, QByteArray());
            stream.headersDone = status < 100 || status >= 200;
            c->m_touched.push_back(frame->hd.stream_id);
        }
        if (frame->hd.flags & NGHTTP2_FLAG_END_STREAM)
            stream.ended = true;
        return 0;
    }

    static int onData(
        nghttp2_session *session, uint8_t, int32_t id, const uint8_t *data, size_t len, void *self_)
    {
        FastHttp2Connection *c = self(self_);
        const auto it = c->m_streams.find(id);
        if (it == c->m_streams.end()) {
            nghttp2_session_consume(session, id, len); // a cancelled stream's
            return 0;
        }
        it->second.unconsumed += qint64(len);
        it->second.reply->onBody(reinterpret_cast<const char *>(data), qsizetype(len));
        if (c->m_touched.empty() || c->m_touched.back() != id)
            c->m_touched.push_back(id);
        return 0;
    }

    static int onStreamClose(nghttp2_session *, int32_t id, uint32_t code, void *data)
    {
        self(data)->m_finished.push_back({id, code, false});
        return 0;
    }

    static int onFrameNotSent(nghttp2_session *, const nghttp2_frame *frame, int, void *data)
    {
        // A request the session could not start (GOAWAY came first): the server never saw it.
        if (frame->hd.type == NGHTTP2_HEADERS)
            self(data)->m_finished.push_back({frame->hd.stream_id, NGHTTP2_REFUSED_STREAM, true});
        return 0;
    }

    static int onFrameSent(nghttp2_session *, const nghttp2_frame *frame, void *data)
    {
        if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            || !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            return 0;
        FastHttp2Connection *c = self(data);
        const auto it = c->m_streams.find(frame->hd.stream_id);
        if (it != c->m_streams.end())
            it->second.reply->requestWritten();
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, int32_t id, uint8_t *buf, size_t length,
        uint32_t *flags, nghttp2_data_source *, void *data)
    {
        FastHttp2Connection *c = self(data);
        const auto it = c->m_streams.find(id);
        if (it == c->m_streams.end()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            return 0;
        }
        const QByteArray &body = it->second.reply->wire().body;
        const qint64 n = qMin(qint64(length), qint64(body.size()) - it->second.sent);
        std::memcpy(buf, body.constData() + it->second.sent, size_t(n));
        it->second.sent += n;
        if (it->second.sent >= body.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return ssize_t(n);
    }

    static nghttp2_session_callbacks *make()
    {
        nghttp2_session_callbacks *cb = nullptr;
        nghttp2_session_callbacks_new(&cb);
        nghttp2_session_callbacks_set_on_header_callback(cb, onHeader);
        nghttp2_session_callbacks_set_on_frame_recv_callback(cb, onFrameReceived);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cb, onData);
        nghttp2_session_callbacks_set_on_stream_close_callback(cb, onStreamClose);
        nghttp2_session_callbacks_set_on_frame_not_send_callback(cb, onFrameNotSent);
        nghttp2_session_callbacks_set_on_frame_send_callback(cb, onFrameSent);
        return cb;
    }
};

FastHttp2Connection::FastHttp2Connection(FastHttpPool *pool, const FastEndpoint &endpoint)
    : m_pool(pool)
    , m_endpoint(endpoint)
    , m_socket(nullptr)
    , m_poolKey(endpoint.poolKey())
{
    static nghttp2_session_callbacks *const callbacks = Callbacks::make();
    nghttp2_option *option = nullptr;
    nghttp2_option_new(&option);
    // The window opens as the replies' bodies are read, not as they arrive.
    nghttp2_option_set_no_auto_window_update(option, 1);
    nghttp2_option_set_peer_max_concurrent_streams(option, DefaultMaxStreams);
    nghttp2_session_client_new2(&m_session, callbacks, this, option);
    nghttp2_option_del(option);
    // The header list bound is advisory for the server; onHeader enforces it.
    const nghttp2_settings_entry settings[] = {{NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, uint32_t(StreamWindowBytes)},
        {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, uint32_t(ResponseLimits::MaxHeaderBytes)}};
    nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, 3);
    nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, ConnectionWindowBytes);

    const FastEndpoint::Handlers handlers = FastEndpoint::handlersOf(
        this, [this] { m_endpoint.tls ? onEncrypted() : onConnected(); });
    // A child of the manager, so that its end deletes the socket whatever happens.
    m_socket = endpoint.createSocket(pool->owner(), pool, handlers);
    endpoint.connect(m_socket);
}

FastHttp2Connection::~FastHttp2Connection()
{
    for (auto &[id, stream] : m_streams)
        stream.reply->detach();
    if (m_socket) { // not handed over
        m_socket->disconnect();
        m_socket->abort();
        m_socket->deleteLater();
    }
    nghttp2_session_del(m_session);
}

void FastHttp2Connection::send(FastHttpReply *reply)
{
    const WireRequest &wire = reply->wire();
    static const QByteArray Authority(":authority"), Method(":method"), Path(":path"),
        Scheme(":scheme"), Http("http"), Https("https");
    const std::vector<WireRequest::Field> headers = wire.http2Headers();
    std::vector<nghttp2_nv> fields;
    fields.reserve(headers.size() + 4);
    fields.push_back(field(Authority, wire.authority));
    fields.push_back(field(Method, wire.method));
    fields.push_back(field(Path, wire.path));
    fields.push_back(field(Scheme, m_endpoint.tls ? Https : Http));
    for (const auto &[name, value] : headers)
        fields.push_back(field(name, value));

    nghttp2_data_provider provider;
    provider.source.ptr = nullptr;
    provider.read_callback = Callbacks::readBody;
    const bool hasBody = !wire.body.isEmpty();
    const int32_t id = nghttp2_submit_request(
        m_session, nullptr, fields.data(), fields.size(), hasBody ? &provider : nullptr, nullptr);
    if (id < 0) {
        reply->fail(QNetworkReply::ProtocolFailure, QString::fromLatin1(nghttp2_strerror(id)));
        return;
    }
    reply->attach(this, id);
    if (!m_connected && !m_announced) {
        m_announced = true; // the request that opens the connection
        m_opener = reply;
        reply->connectionStarted();
    }
    Stream stream;
    stream.reply = reply;
    m_streams.emplace(id, std::move(stream));
    flush();
}

void FastHttp2Connection::onEncrypted()
{
    // The opener, if still waiting here, hears of the handshake (a slot may abort it, or others).
    // (It may be gone: looked for, never dereferenced before it is found.)
    if (FastHttpReply *opener = std::exchange(m_opener, nullptr)) {
        const bool waiting = std::any_of(m_streams.cbegin(), m_streams.cend(),
            [opener](const auto &stream) { return stream.second.reply == opener; });
        if (waiting)
            Q_EMIT opener->encrypted();
        if (m_closed)
            return;
    }
    if (FastEndpoint::declinedHttp2(m_socket))
        return handOver();
    onConnected();
}

void FastHttp2Connection::onSslErrors(const QList<QSslError> &errors)
{
    // Every request waiting here fails with the handshake: each hears why.
    std::vector<FastHttpReply *> replies;
    for (const auto &[id, stream] : m_streams)
        replies.push_back(stream.reply);
    for (FastHttpReply *reply : replies)
        Q_EMIT reply->sslErrors(errors);
    // The handshake goes on when every request still waiting here lets it (a slot may have
    // aborted some, or all).
    bool ignored = !m_closed && !m_streams.empty();
    for (const auto &[id, stream] : m_streams)
        ignored = ignored && stream.reply->ignoresSslErrors(errors);
    if (ignored)
        static_cast<QSslSocket *>(m_socket)->ignoreSslErrors();
}

void FastHttp2Connection::handOver()
{
    // Nothing was sent yet (the session writes once connected): the requests go on as HTTP/1.1.
    std::vector<std::pair<int32_t, FastHttpReply *>> waiting;
    for (const auto &[id, stream] : m_streams)
        waiting.emplace_back(id, stream.reply);
    std::sort(waiting.begin(), waiting.end());
    std::vector<FastHttpReply *> replies;
    for (const auto &[id, reply] : waiting) {
        reply->detach();
        replies.push_back(reply);
    }
    m_streams.clear();
    m_closed = true;
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect();
    m_pool->http2Declined(this, socket, replies);
}

void FastHttp2Connection::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_connected = true;
    flush();
}

void FastHttp2Connection::flush()
{
    if (!m_connected || m_closed)
        return;
    if (m_depth > 0) {
        m_flushPending = true;
        return;
    }
    m_flushPending = false;
    ++m_depth;
    // Bounded: the session has only so much queued, and flow control stops request bodies.
    for (int pass = 0; pass < 1 << 16; ++pass) {
        const uint8_t *data = nullptr;
        const ssize_t n = nghttp2_session_mem_send(m_session, &data);
        if (n <= 0)
            break;
        m_socket->write(reinterpret_cast<const char *>(data), qint64(n));
    }
    --m_depth;
    m_socket->flush();
    dispatch(); // frames that could not be sent (after a GOAWAY) end their streams
}

void FastHttp2Connection::onReadyRead()
{
    if (m_closed)
        return;
    char chunk[ReadChunkBytes];
    for (int pass = 0; pass < 64 && m_socket->bytesAvailable() > 0; ++pass) {
        const qint64 got = m_socket->read(chunk, ReadChunkBytes);
        if (got <= 0)
            break;
        ++m_depth;
        const ssize_t used = nghttp2_session_mem_recv(
            m_session, reinterpret_cast<const uint8_t *>(chunk), size_t(got));
        --m_depth;
        if (used < 0) {
            flush(); // the GOAWAY the session queued for the server
            // Qt's HTTP/2 stack words these in English only, and so do we.
            close(QAbstractSocket::UnknownSocketError,
                QString::fromLatin1(nghttp2_strerror(int(used))));
            return;
        }
        dispatch();
        if (m_closed)
            return;
    }
    flush();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(
            m_socket, [this] { onReadyRead(); }, Qt::QueuedConnection);
    else if (!nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session))
        close(QAbstractSocket::RemoteHostClosedError, QString());
}

void FastHttp2Connection::dispatch()
{
    // Bounded: each pass takes what the last session call produced.
    for (int pass = 0; pass < 1 << 16 && (!m_touched.empty() || !m_finished.empty()); ++pass) {
        for (const int32_t id : std::exchange(m_touched, {})) {
            auto it = m_streams.find(id);
            if (it == m_streams.end())
                continue;
            FastHttpReply *reply = it->second.reply;
            reply->deliver(); // a slot may cancel this or any other stream
            it = m_streams.find(id);
            if (it != m_streams.end() && it->second.reply == reply)
                settle(id, it->second);
        }
        for (const Closed &closed : std::exchange(m_finished, {}))
            finishStream(closed);
    }
    if (m_flushPending && m_depth == 0)
        flush();
}

void FastHttp2Connection::settle(int32_t id, Stream &stream)
{
    if (stream.unconsumed == 0)
        return;
    if (!stream.reply->wantsMoreBody())
        return; // the reply's buffer is full: the window stays shut until it reads
    nghttp2_session_consume(m_session, id, size_t(stream.unconsumed));
    stream.unconsumed = 0;
    m_flushPending = true;
}

void FastHttp2Connection::resume(FastHttpReply *reply)
{
    const int32_t id = reply->stream();
    const auto it = m_streams.find(id);
    if (it == m_streams.end() || it->second.unconsumed == 0)
        return;
    settle(id, it->second);
    if (m_flushPending) {
        // From the event loop: the reader is inside read() of the reply now.
        QMetaObject::invokeMethod(
            m_socket, [this] { flush(); }, Qt::QueuedConnection);
    }
}

void FastHttp2Connection::finishStream(const Closed &closed)
{
    const auto it = m_streams.find(closed.id);
    if (it == m_streams.end())
        return;
    const Stream stream = it->second;
    m_streams.erase(it);
    if (stream.unconsumed > 0)
        nghttp2_session_consume_connection(m_session, size_t(stream.unconsumed));
    FastHttpReply *reply = stream.reply;
    reply->detach();
    if (closed.unsent) {
        // Never sent: not a retry, just another connection.
        if (m_pool)
            return m_pool->assign(reply, true);
        return retryOrFail(reply, closed.code);
    }
    if (m_goingAway && closed.id > m_lastStreamId)
        return retryOrFail(reply, closed.code);
    if (closed.code == NGHTTP2_NO_ERROR && stream.ended && stream.headersDone) {
        reply->deliver();
        reply->onComplete();
        return;
    }
    if (!stream.failure.isEmpty())
        return reply->fail(QNetworkReply::ProtocolFailure, stream.failure);
    failStream(reply, closed.code, closed.id);
}

void FastHttp2Connection::failStream(FastHttpReply *reply, uint32_t code, int32_t id)
{
    auto [error, message] = qtErrorForHttp2(code);
    if (error == QNetworkReply::NoError) {
        error = QNetworkReply::RemoteHostClosedError;
        message = QCoreApplication::translate("QHttp", "Connection closed");
    }
    // Qt's code (for callers that compare), and a text that names the HTTP/2 error.
    const bool goAway = m_goingAway && id <= m_lastStreamId && code == m_goAwayCode;
    if (code != NGHTTP2_NO_ERROR) {
        const QString name = QString::fromLatin1(nghttp2_http2_strerror(code));
        message = goAway ? Tr::tr("HTTP/2 connection closed by the server (GOAWAY): %1").arg(name)
                         : Tr::tr("HTTP/2 stream reset by the server: %1").arg(name);
    }
    reply->fail(error, message);
}

void FastHttp2Connection::retryOrFail(FastHttpReply *reply, uint32_t code)
{
    if (reply->mayRetry() && m_pool) {
        reply->markRetried();
        m_pool->assign(reply, true);
        return;
    }
    if (code == NGHTTP2_NO_ERROR || code == NGHTTP2_REFUSED_STREAM) {
        // Qt's code; a text that says what happened, twice.
        return reply->fail(QNetworkReply::ContentReSendError,
            Tr::tr("HTTP/2 server stopped accepting new streams (GOAWAY) before this one was "
                   "processed, on the first connection and on a second one"));
    }
    failStream(reply, code, 0);
}

void FastHttp2Connection::release(FastHttpReply *reply)
{
    const int32_t id = reply->stream();
    const auto it = m_streams.find(id);
    reply->detach();
    if (it == m_streams.end() || it->second.reply != reply)
        return;
    if (it->second.unconsumed > 0)
        nghttp2_session_consume_connection(m_session, size_t(it->second.unconsumed));
    m_streams.erase(it);
    if (m_closed)
        return;
    nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, id, NGHTTP2_CANCEL);
    if (m_depth > 0) {
        m_flushPending = true;
    } else {
        QMetaObject::invokeMethod(
            m_socket, [this] { flush(); }, Qt::QueuedConnection);
    }
}

void FastHttp2Connection::onDisconnected()
{
    if (m_closed)
        return;
    // Whatever arrived before the end is still the server's word (a GOAWAY, say).
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    close(QAbstractSocket::RemoteHostClosedError, QString());
}

void FastHttp2Connection::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_closed)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError)
        return onDisconnected();
    close(error, m_socket->errorString());
}

void FastHttp2Connection::close(QAbstractSocket::SocketError error, const QString &message)
{
    if (m_closed)
        return;
    m_closed = true;
    m_socket->disconnect();
    m_socket->abort();
    m_pool->http2Closed(this);
    // Streams in id order, one at a time: a slot of one reply may delete another (which then
    // leaves m_streams through cancel()). Those the server never saw go on elsewhere.
    for (size_t left = m_streams.size(); left > 0 && !m_streams.empty(); --left) {
        const auto first = std::min_element(m_streams.begin(), m_streams.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        const int32_t id = first->first;
        FastHttpReply *reply = first->second.reply;
        m_streams.erase(first);
        reply->detach();
        if (m_goingAway && id > m_lastStreamId)
            retryOrFail(reply, NGHTTP2_NO_ERROR);
        else if (m_goingAway && m_goAwayCode != NGHTTP2_NO_ERROR)
            failStream(reply, m_goAwayCode, id); // the server said why it went: say that
        else if (error == QAbstractSocket::UnknownSocketError)
            reply->fail(QNetworkReply::ProtocolFailure, message);
        else
            reply->onConnectionError(error, message);
    }
}
