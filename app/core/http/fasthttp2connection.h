// One HTTP/2 connection of the fast path (h2c with prior knowledge, or h2 by ALPN over TLS): a
// QTcpSocket (QSslSocket) read in bulk and driven by libnghttp2's client session, many requests at
// once, one stream each.
#pragma once

#include "core/http/fastendpoint.h"
#include "core/http/fasthttptransport.h"
#include "core/http/responselimits.h"

#include <QAbstractSocket>
#include <QByteArray>

#include <cstdint>
#include <unordered_map>
#include <vector>

class FastHttpReply;
class QTcpSocket;
struct nghttp2_session;

class FastHttp2Connection : public FastHttpTransport
{
public:
    /// Over TLS the server may answer the offer of h2 with HTTP/1.1: then the socket and the
    /// requests waiting here go back to the pool (FastHttpPool::http2Declined).
    FastHttp2Connection(FastHttpPool *pool, const FastEndpoint &endpoint);
    ~FastHttp2Connection() override;
    FastHttp2Connection(const FastHttp2Connection &) = delete;
    FastHttp2Connection &operator=(const FastHttp2Connection &) = delete;

    const QByteArray &poolKey() const { return m_poolKey; }
    /// Whether new requests may still start here (not closed, no GOAWAY from the server).
    bool acceptsStreams() const { return !m_closed && !m_goingAway; }

    /// Opens a stream for reply's request; the session queues it beyond the server's limit on
    /// concurrent streams.
    void send(FastHttpReply *reply);
    /// The reply gives up (abort or deletion): its stream is cancelled, the connection stays.
    void release(FastHttpReply *reply) override;
    /// The reply read some of its body: the server may send more.
    void resume(FastHttpReply *reply) override;

private:
    friend struct FastEndpoint; // handlersOf() wires the socket to the on...() slots

    struct Stream
    {
        FastHttpReply *reply = nullptr;
        qint64 sent = 0; ///< of the request body
        qint64 unconsumed = 0; ///< received bytes not yet given back to the flow-control window
        int status = 0;
        ResponseLimits::HeaderBudget budget; ///< of the header block being received
        QString failure; ///< why this client reset the stream
        bool headersDone = false;
        bool ended = false; ///< END_STREAM received
    };
    struct Closed
    {
        int32_t id;
        uint32_t code;
        bool unsent; ///< the request never left (GOAWAY before it was sent)
    };

    void onConnected();
    /// TLS: the request that opened the connection hears of the handshake, and the server's pick
    /// of protocol decides what this connection becomes.
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    /// The server picked HTTP/1.1: everything goes back to the pool; this connection is closed.
    void handOver();
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    /// Writes what the session has to send, unless inside a session call (then afterwards).
    void flush();
    /// Emits what the last input produced, outside the session's callbacks.
    void dispatch();
    /// Gives window back for what stream's reply has taken, within its read-buffer limit.
    void settle(int32_t id, Stream &stream);
    void finishStream(const Closed &closed);
    /// Closes the socket for good: every open stream fails with error (or is retried when the
    /// server never saw it); deletes this later.
    void close(QAbstractSocket::SocketError error, const QString &message);
    /// Fails reply for the error code that closed its stream (RST_STREAM or GOAWAY).
    void failStream(FastHttpReply *reply, uint32_t code, int32_t id);
    /// Hands reply on to a new connection once, or fails it as Qt would.
    void retryOrFail(FastHttpReply *reply, uint32_t code);

    /// The session's callbacks (fasthttp2connection.cpp).
    struct Callbacks;

    FastHttpPool *m_pool;
    FastEndpoint m_endpoint;
    QTcpSocket *m_socket;
    nghttp2_session *m_session = nullptr;
    QByteArray m_poolKey;
    FastHttpReply *m_opener = nullptr; ///< the request that opened the connection, until it is up
    std::unordered_map<int32_t, Stream> m_streams;
    std::vector<int32_t> m_touched; ///< streams that received something this pass
    std::vector<Closed> m_finished; ///< streams the session closed this pass
    int32_t m_lastStreamId = 0; ///< of the server's GOAWAY
    uint32_t m_goAwayCode = 0; ///< of the server's GOAWAY
    int m_depth = 0; ///< inside session calls
    bool m_connected = false;
    bool m_announced = false; ///< socketStartedConnecting went to the first reply
    bool m_goingAway = false;
    bool m_closed = false;
    bool m_flushPending = false;
};
