#include "core/http/fastendpoint.h"

#include "core/http/fasthttptransport.h"

#include <QSslSocket>

QByteArray FastEndpoint::poolKey() const
{
    return FastHttpPool::key(host, port, tls);
}

QTcpSocket *FastEndpoint::createSocket(
    QObject *parent, FastHttpPool *pool, const Handlers &handlers) const
{
    QTcpSocket *socket = nullptr;
    if (tls) {
        auto *secure = new QSslSocket(parent);
        secure->setSslConfiguration(configuration);
        socket = secure;
    } else {
        socket = new QTcpSocket(parent);
    }
    adopt(socket, pool, handlers);
    return socket;
}

void FastEndpoint::adopt(QTcpSocket *socket, FastHttpPool *pool, const Handlers &handlers) const
{
    socket->disconnect();
    QObject::connect(socket, &QTcpSocket::readyRead, handlers.readyRead);
    QObject::connect(socket, &QTcpSocket::disconnected, handlers.disconnected);
    QObject::connect(socket, &QTcpSocket::errorOccurred, handlers.error);
    if (!tls) {
        QObject::connect(socket, &QTcpSocket::connected, handlers.ready);
        return;
    }
    auto *secure = static_cast<QSslSocket *>(socket);
    QObject::connect(secure, &QSslSocket::encrypted, handlers.ready);
    // As Qt's HTTP stack: under VerifyNone nothing the handshake finds is an error (Qt 6.4 still
    // reports what it found, and some of it, a name mismatch, would otherwise fail it).
    if (configuration.peerVerifyMode() == QSslSocket::VerifyNone) {
        QObject::connect(secure, &QSslSocket::sslErrors, secure,
            [secure](const QList<QSslError> &) { secure->ignoreSslErrors(); });
    } else {
        QObject::connect(secure, &QSslSocket::sslErrors, handlers.sslErrors);
    }
    // TLS 1.3 sends tickets after the handshake; the pool keeps the latest for the next socket.
    const QByteArray key = poolKey();
    QObject::connect(secure, &QSslSocket::newSessionTicketReceived, secure, [secure, pool, key] {
        pool->keepSessionTicket(key, secure->sslConfiguration().sessionTicket());
    });
}

void FastEndpoint::connect(QTcpSocket *socket) const
{
    if (tls)
        static_cast<QSslSocket *>(socket)->connectToHostEncrypted(QString::fromLatin1(host), port);
    else
        socket->connectToHost(QString::fromLatin1(host), port);
}

QByteArray FastEndpoint::negotiatedProtocol(const QTcpSocket *socket)
{
    const auto *secure = qobject_cast<const QSslSocket *>(socket);
    return secure ? secure->sslConfiguration().nextNegotiatedProtocol() : QByteArray();
}
