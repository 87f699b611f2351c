// `rafaga serve` as a process: the address it reports, and running out of file descriptors.
#include "support/clitest.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
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
    void logsEveryRequestAsItArrives();
    void anUnwritableLogIsAnOutputError();
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

void tst_Serve::logsEveryRequestAsItArrives()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("requests.log"));
    QProcess serve;
    const QString listening = startServe(serve, rafagaBinary(),
        {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--log"), log});
    QVERIFY2(!listening.isEmpty(), serve.readAllStandardError().constData());
    const quint16 port = portOf(listening);
    // Three slow requests at once, on three connections: the third arrives with three in flight.
    QTcpSocket slow[3];
    for (int i = 0; i < 3; ++i) {
        slow[i].connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(slow[i].waitForConnected(Timeout));
    }
    for (int i = 0; i < 3; ++i) {
        slow[i].write("GET /delay/300?k=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(slow[i].waitForBytesWritten(Timeout));
    }
    for (QTcpSocket &socket : slow) {
        for (int i = 0; i < 100 && socket.bytesAvailable() == 0; ++i)
            socket.waitForReadyRead(100);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 200"));
    }
    slow[0].write("POST /echo?x=a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
    for (int i = 0; i < 100 && slow[0].bytesAvailable() == 0; ++i)
        slow[0].waitForReadyRead(100);
    QVERIFY(slow[0].readAll().startsWith("HTTP/1.1 200"));
    QCOMPARE(get(slow[1], "/stats"), 200);
    stop(serve); // written out at the end

    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 6); // and the empty rest after the last line break
    QStringList slowTargets;
    for (int i = 0; i < 3; ++i) {
        const QList<QByteArray> fields = lines.at(i).split('\t');
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields.at(0), QByteArray::number(i + 1)); // arrival number
        QCOMPARE(fields.at(1), QByteArray::number(i + 1)); // in flight, this one included
        QCOMPARE(fields.at(2), QByteArray("GET"));
        slowTargets.append(QString::fromLatin1(fields.at(3)));
    }
    slowTargets.sort();
    QCOMPARE(slowTargets,
        QStringList({QStringLiteral("/delay/300?k=0"), QStringLiteral("/delay/300?k=1"),
            QStringLiteral("/delay/300?k=2")}));
    QCOMPARE(lines.at(3), QByteArray("4\t1\tPOST\t/echo?x=a"));
    QCOMPARE(lines.at(4), QByteArray("5\t0\tGET\t/stats")); // /stats is not counted in flight
    QVERIFY(lines.at(5).isEmpty());
}

void tst_Serve::anUnwritableLogIsAnOutputError()
{
    QProcess serve;
    serve.start(rafagaBinary(),
        {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--log"), QStringLiteral("/nonexistent-dir/requests.log")});
    QVERIFY(serve.waitForFinished(Timeout));
    QCOMPARE(serve.exitCode(), 3);
    const QByteArray err = serve.readAllStandardError();
    QVERIFY2(err.contains("--log: cannot write '/nonexistent-dir/requests.log'"), err.constData());
    QVERIFY(serve.readAllStandardOutput().isEmpty()); // no "listening on": nothing to wait for
}

QTEST_GUILESS_MAIN(tst_Serve)
#include "tst_serve.moc"
