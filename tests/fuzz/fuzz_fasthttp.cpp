// libFuzzer target for the fast path's response side, HTTP/1.1 (libhttp-parser, chunked, gzip)
// and h2c (libnghttp2's client session and the connection's callbacks): a loopback server
// answers one request with the input's bytes and closes; the reply must end exactly once,
// answered or with an error, whatever the bytes. First input byte: bit 0 selects h2c (the
// server's SETTINGS frame goes first), bit 1 a read-buffer limit.
#include "core/http/fasthttpmanager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdint>
#include <cstdlib>

namespace {
QCoreApplication *application()
{
    static int argc = 1;
    static char name[] = "fuzz_fasthttp";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    return app;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    application();
    static QTcpServer *server = [] {
        auto *s = new QTcpServer;
        s->listen(QHostAddress::LocalHost);
        return s;
    }();
    const bool http2 = data[0] & 1;
    QByteArray answer = http2 ? QByteArray("\0\0\0\x04\0\0\0\0\0", 9) : QByteArray();
    answer += QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    QObject context;
    QObject::connect(server, &QTcpServer::newConnection, &context, [answer] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
                socket->readAll();
                if (socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                socket->write(answer);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    FastHttpManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server->serverPort())));
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2DirectAttribute, http2);
    request.setMaximumRedirectsAllowed(0);
    QNetworkReply *reply = manager.send(request, "GET", QByteArray());
    if (data[0] & 2)
        reply->setReadBufferSize(4096);
    int finished = 0;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply] { reply->readAll(); });
    QObject::connect(reply, &QNetworkReply::finished, reply, [&finished] { ++finished; });
    QElapsedTimer timer;
    timer.start();
    while (finished == 0 && timer.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QCoreApplication::processEvents();
    if (finished > 1)
        std::abort();
    delete reply;
    return 0;
}
