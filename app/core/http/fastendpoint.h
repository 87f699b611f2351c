// Where a fast-path connection goes and how: host and port, and for https the request's TLS
// settings with the protocols offered by ALPN; makes the connection's socket and wires it.
#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QSslConfiguration>

#include <functional>

class FastHttpPool;
class QObject;
class QSslError;
class QTcpSocket;

/// The protocol names ALPN offers, as Qt's HTTP stack names them.
namespace FastAlpn {
inline const QByteArray Http2 = QByteArrayLiteral("h2");
inline const QByteArray Http1 = QByteArrayLiteral("http/1.1");
} // namespace FastAlpn

struct FastEndpoint
{
    /// What a connection does with its socket's signals. ready: connected (plain) or encrypted
    /// (TLS). sslErrors: the handshake's verification errors, when the settings ask to verify;
    /// unless a slot of the reply they are shown to ignores them, the handshake then fails with
    /// QAbstractSocket::SslHandshakeFailedError.
    struct Handlers
    {
        std::function<void()> ready;
        std::function<void()> readyRead;
        std::function<void()> disconnected;
        std::function<void(QAbstractSocket::SocketError)> error;
        std::function<void(const QList<QSslError> &)> sslErrors;
    };
    /// The handlers of a connection whose slots have the usual names (onReadyRead,
    /// onDisconnected, onSocketError, onSslErrors; it makes FastEndpoint a friend), with ready
    /// given: what ends the set-up differs between HTTP/1.1 and h2.
    template<class Connection>
    static Handlers handlersOf(Connection *connection, std::function<void()> ready)
    {
        Handlers handlers;
        handlers.ready = std::move(ready);
        handlers.readyRead = [connection] {
            connection->onReadyRead();
        };
        handlers.disconnected = [connection] {
            connection->onDisconnected();
        };
        handlers.error = [connection](QAbstractSocket::SocketError error) {
            connection->onSocketError(error);
        };
        handlers.sslErrors = [connection](const QList<QSslError> &errors) {
            connection->onSslErrors(errors);
        };
        return handlers;
    }

    QByteArray host;
    quint16 port = 0;
    bool tls = false;
    /// https: the request's TLS settings, with the ALPN protocols offered and the pool's session
    /// ticket (so a lane's later connections resume its first one's session).
    QSslConfiguration configuration;

    QByteArray poolKey() const;
    /// A QTcpSocket, or a QSslSocket with the configuration; a child of parent, so that its end
    /// deletes the socket whatever happens. Its signals go to handlers; the session tickets the
    /// server sends go to pool.
    QTcpSocket *createSocket(QObject *parent, FastHttpPool *pool, const Handlers &handlers) const;
    /// Rewires a socket another connection set up for this endpoint (its signals go to handlers
    /// only from now on).
    void adopt(QTcpSocket *socket, FastHttpPool *pool, const Handlers &handlers) const;
    /// Starts connecting: TCP, then the TLS handshake.
    void connect(QTcpSocket *socket) const;
    /// The protocol the server picked by ALPN (empty when it picked none, or over plain TCP).
    static QByteArray negotiatedProtocol(const QTcpSocket *socket);
    /// Whether the server picked HTTP/1.1: it took the offer of h2 but did not want it.
    static bool declinedHttp2(const QTcpSocket *socket)
    {
        return negotiatedProtocol(socket) != FastAlpn::Http2;
    }
};
