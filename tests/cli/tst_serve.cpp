// `rafaga serve` as a process: the address it reports, and running out of file descriptors.
#include "support/clitest.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace CliTest;

namespace {
constexpr int Timeout = 10000;

/// Starts program with arguments and returns the "listening on" URL of its first line.
QString startServe(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    for (int i = 0; i < 100 && !process.canReadLine(); ++i)
        process.waitForReadyRead(100);
    const QByteArray line = process.readLine().trimmed();
    if (!line.startsWith("listening on "))
        return {};
    return QString::fromLatin1(line.mid(int(qstrlen("listening on "))));
}

void stop(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(Timeout)) {
        process.kill();
        process.waitForFinished();
    }
}

/// Sends a GET on socket and returns the status of the answer, 0 when none came.
int get(QTcpSocket &socket, const QByteArray &path)
{
    socket.write("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray head;
    for (int i = 0; i < 100 && !head.contains("\r\n"); ++i) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100)
            && socket.state() != QAbstractSocket::ConnectedState)
            break;
        head += socket.readAll();
    }
    return head.startsWith("HTTP/1.1 ") ? head.mid(9, 3).toInt() : 0;
}

quint16 portOf(const QString &url)
{
    return quint16(url.section(QLatin1Char(':'), -1).toUInt());
}
} // namespace

class tst_Serve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bindAllSaysSo();
    void acceptsAgainAfterRunningOutOfDescriptors();
};

void tst_Serve::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
}

void tst_Serve::bindAllSaysSo()
{
    QProcess serve;
    const QString listening = startServe(serve, rafagaBinary(),
        {QStringLiteral("serve"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0"),
            QStringLiteral("--port"), QStringLiteral("0")});
    // The shape scripts parse, with the address really listened on.
    QVERIFY2(QRegularExpression(QStringLiteral("^http://0\\.0\\.0\\.0:[1-9][0-9]*$"))
                 .match(listening)
                 .hasMatch(),
        qPrintable(listening));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, portOf(listening));
    QVERIFY(socket.waitForConnected(Timeout));
    QCOMPARE(get(socket, "/get"), 200);
    stop(serve);
}

void tst_Serve::acceptsAgainAfterRunningOutOfDescriptors()
{
    // 100 descriptors for the server, 200 connections: it runs out, then every client goes.
    QProcess serve;
    const QString listening = startServe(serve, QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("ulimit -n 100 && exec \"$0\" serve --port 0"),
            rafagaBinary()});
    QVERIFY2(!listening.isEmpty(), serve.readAllStandardError().constData());
    const quint16 port = portOf(listening);
    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(first.waitForConnected(Timeout));
    QCOMPARE(get(first, "/get"), 200);

    std::vector<std::unique_ptr<QTcpSocket>> flood;
    for (int i = 0; i < 200; ++i) {
        flood.push_back(std::make_unique<QTcpSocket>());
        flood.back()->connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(flood.back()->waitForConnected(Timeout)); // the kernel's backlog takes them
    }
    QTest::qWait(500); // the server accepts what it can and runs out
    QCOMPARE(get(first, "/stats"), 200); // and serves its open connections meanwhile
    flood.clear();

    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(late.waitForConnected(Timeout));
    QCOMPARE(get(late, "/get"), 200); // accepted once descriptors are free again
    stop(serve);
}

QTEST_GUILESS_MAIN(tst_Serve)
#include "tst_serve.moc"
