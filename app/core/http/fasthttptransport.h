// The fast path's internal interfaces: what a reply asks of the connection or stream carrying it
// (FastHttpTransport), and what replies and connections ask of their manager (FastHttpPool).
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>

#include <vector>

class FastHttp2Connection;
class FastHttpConnection;
class FastHttpReply;
class QIODevice;
class QNetworkReply;
class QNetworkRequest;
class QTcpSocket;

/// An HTTP/1.1 connection or an HTTP/2 connection, as the reply it carries sees it.
class FastHttpTransport
{
public:
    virtual ~FastHttpTransport() = default;
    /// The reply gives up (abort, end or deletion): an HTTP/1.1 connection closes (mid-answer it
    /// is useless), an HTTP/2 stream is cancelled.
    virtual void release(FastHttpReply *reply) = 0;
    /// The reply read some of its body: the transport may read (or let the server send) more.
    virtual void resume(FastHttpReply *reply) = 0;
};

/// The manager, as its replies and connections see it: queues, pools and Qt's own stack.
class FastHttpPool
{
public:
    virtual ~FastHttpPool() = default;
    /// The key a pool and its connections go by: "host:port", "https://host:port" over TLS.
    static QByteArray key(const QByteArray &host, quint16 port, bool tls)
    {
        return (tls ? QByteArrayLiteral("https://") : QByteArray()) + host + ':'
            + QByteArray::number(port);
    }
    /// The parent of the replies and of the connections' sockets: its end deletes them.
    virtual QObject *owner() = 0;

    // For replies.
    /// Whether the fast path takes the request (a redirect may leave it).
    virtual bool takesRequest(
        QNetworkAccessManager::Operation operation, const QNetworkRequest &request) const = 0;
    /// Queues reply for a connection; it starts from the event loop, after the caller connected.
    virtual void submit(FastHttpReply *reply) = 0;
    /// The reply no longer waits (finished, aborted or deleted).
    virtual void withdraw(FastHttpReply *reply) = 0;
    /// Qt's own reply, for a redirect that leaves the fast path.
    virtual QNetworkReply *createQtReply(QNetworkAccessManager::Operation operation,
        const QNetworkRequest &request, QIODevice *outgoingData)
        = 0;

    // For connections.
    /// Gives reply a connection now, or queues it. freshOnly: never a kept-alive one.
    virtual void assign(FastHttpReply *reply, bool freshOnly) = 0;
    /// An HTTP/1.1 connection answered its request and stays open: the next waiting reply takes
    /// it, or it waits idle.
    virtual void connectionReleased(FastHttpConnection *connection) = 0;
    /// An HTTP/1.1 connection closed (by either side, idle or not): frees its place.
    virtual void connectionClosed(FastHttpConnection *connection) = 0;
    /// The server sent GOAWAY: new streams go to a new connection.
    virtual void http2GoingAway(FastHttp2Connection *connection) = 0;
    virtual void http2Closed(FastHttp2Connection *connection) = 0;
    /// The server answered the offer of h2 with HTTP/1.1 (ALPN): socket, encrypted and unused,
    /// becomes an HTTP/1.1 connection for the first of replies (in the order they came); the
    /// others, never sent, go where the host's requests go from now on. connection is closed.
    virtual void http2Declined(FastHttp2Connection *connection, QTcpSocket *socket,
        const std::vector<FastHttpReply *> &replies)
        = 0;
    /// A TLS session ticket from the server of the pool named key, for its next connections.
    virtual void keepSessionTicket(const QByteArray &key, const QByteArray &ticket) = 0;
};
