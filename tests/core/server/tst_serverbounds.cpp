// The built-in server's bounds: body memory per request and in total, clients that do not read
// their answers, and requests or connections that stall (slowloris).
#include "core/server/httpserver.h"
#include "core/server/servertestclient.h"

#include <QtTest>

#include <memory>

using namespace ServerTest;

namespace {
/// Short deadlines, so a stalled client is dropped while the test waits.
HttpServerLimits shortDeadlines()
{
    HttpServerLimits limits;
    limits.headerTimeoutMs = 300;
    limits.idleTimeoutMs = 300;
    return limits;
}

QByteArray postHead(qint64 length)
{
    return "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(length)
        + "\r\n\r\n";
}
} // namespace

class tst_ServerBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trickledHeadersTimeOut();
    void stalledBodyTimesOut();
    void idleConnectionIsClosed();
    void delayIsNotIdle();
    void bodyOverLimitIsRefused();
    void bodiesOverTotalAreRefused();
    void unreadAnswersStopParsing();
};

void tst_ServerBounds::trickledHeadersTimeOut()
{
    ServerThread server(false, shortDeadlines());
    QVERIFY(server.start());
    RawClient client(server.server()->port());
    client.send("GET /get HTTP/1.1\r\nHost: x\r\n");
    // One header byte every 50 ms for a second keeps the connection busy but never ends the
    // headers: the deadline counts from the first byte, not the last.
    for (int i = 0; i < 20 && client.isConnected(); ++i) {
        client.send("X");
        QTest::qWait(50);
    }
    const RawResponse response = client.next();
    QCOMPARE(response.status, 408);
    QVERIFY(response.body.contains("request headers not complete"));
    QVERIFY(client.closesWithoutData());
}

void tst_ServerBounds::stalledBodyTimesOut()
{
    ServerThread server(false, shortDeadlines());
    QVERIFY(server.start());
    RawClient client(server.server()->port());
    client.send(postHead(100) + "only ten..");
    const RawResponse response = client.next();
    QCOMPARE(response.status, 408);
    QVERIFY(response.body.contains("request body stalled"));
    QVERIFY(client.closesWithoutData());
    QTRY_COMPARE(server.server()->inFlight(), 0);
}

void tst_ServerBounds::idleConnectionIsClosed()
{
    ServerThread server(false, shortDeadlines());
    QVERIFY(server.start());
    RawClient client(server.server()->port());
    client.send("GET /get HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(client.next().status, 200);
    QVERIFY(client.closesWithoutData()); // kept alive, then idle: closed without a word
}

void tst_ServerBounds::delayIsNotIdle()
{
    // The server's own wait (/delay) is not the client's silence.
    ServerThread server(false, shortDeadlines());
    QVERIFY(server.start());
    RawClient client(server.server()->port());
    client.send("GET /delay/900 HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse response = client.next();
    QCOMPARE(response.status, 200);
    QCOMPARE(
        QJsonDocument::fromJson(response.body).object().value(QStringLiteral("delay_ms")).toInt(),
        900);
}

void tst_ServerBounds::bodyOverLimitIsRefused()
{
    HttpServerLimits limits;
    limits.maxBodyBytes = 1000;
    ServerThread server(false, limits);
    QVERIFY(server.start());
    RawClient client(server.server()->port());
    client.send(postHead(1001) + QByteArray(1001, 'a'));
    const RawResponse response = client.next();
    QCOMPARE(response.status, 413);
    QVERIFY(response.body.contains("request body over 1000 bytes"));

    RawClient within(server.server()->port());
    within.send(postHead(1000) + QByteArray(1000, 'a'));
    const RawResponse echoed = within.next();
    QCOMPARE(echoed.status, 200);
    QCOMPARE(
        QJsonDocument::fromJson(echoed.body).object().value(QStringLiteral("body_length")).toInt(),
        1000);
}

void tst_ServerBounds::bodiesOverTotalAreRefused()
{
    // Two uploads announced at once: the second does not fit beside the first and is refused
    // at once; the first is echoed whole.
    HttpServerLimits limits;
    limits.maxBodyBytes = 600000;
    limits.maxBodyBytesTotal = 1000000;
    ServerThread server(false, limits);
    QVERIFY(server.start());
    RawClient first(server.server()->port());
    RawClient second(server.server()->port());
    first.send(postHead(600000));
    QTRY_COMPARE(server.server()->requestCount(), 1);
    second.send(postHead(600000) + QByteArray(1000, 'b'));
    const RawResponse refused = second.next();
    QCOMPARE(refused.status, 413);
    QVERIFY(refused.body.contains("in total"));
    first.send(QByteArray(600000, 'a'));
    const RawResponse echoed = first.next();
    QCOMPARE(echoed.status, 200);
    QCOMPARE(QJsonDocument::fromJson(echoed.body).object().value(QStringLiteral("body")).toString(),
        QString(600000, QLatin1Char('a')));

    // The budget came back: another upload of the same size fits.
    RawClient third(server.server()->port());
    third.send(postHead(600000) + QByteArray(600000, 'c'));
    QCOMPARE(third.next().status, 200);
}

void tst_ServerBounds::unreadAnswersStopParsing()
{
    HttpServerLimits limits;
    limits.maxUnsentBytes = 64 * 1024;
    limits.readBufferBytes = 64 * 1024;
    ServerThread server(false, limits);
    QVERIFY(server.start());

    // Each request asks for an answer of about 4 KB; 6,000 of them pipelined are 24 MB of answers,
    // far more than the kernel's socket buffers hold, and the client reads none of them yet.
    const QByteArray pad(4000, 'p');
    const QByteArray request = "GET /get?pad=" + pad + " HTTP/1.1\r\nHost: x\r\n\r\n";
    constexpr int Count = 6000;
    QTcpSocket socket;
    socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
    socket.connectToHost(QHostAddress::LocalHost, server.server()->port());
    QVERIFY(socket.waitForConnected(Timeout));
    socket.setReadBufferSize(16 * 1024);
    for (int i = 0; i < Count; ++i)
        socket.write(request);
    // Give the server every chance to parse them all (it did, before it had a bound).
    for (int i = 0; i < 30 && server.server()->requestCount() < Count; ++i)
        socket.waitForBytesWritten(100);
    QVERIFY2(server.server()->requestCount() < Count / 2,
        qPrintable(QString::number(server.server()->requestCount())));

    // Reading the answers lets it go on: every request is answered, in order.
    socket.setReadBufferSize(0);
    qint64 answers = 0;
    QByteArray buffer;
    for (int i = 0; i < 2000 && answers < Count; ++i) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(10);
        if (socket.bytesAvailable() == 0)
            socket.waitForReadyRead(100);
        buffer += socket.readAll();
        answers += buffer.count("HTTP/1.1 200 OK\r\n");
        buffer = buffer.right(16); // shorter than the marker: none is counted twice
    }
    QCOMPARE(answers, qint64(Count));
    QCOMPARE(server.server()->requestCount(), qint64(Count));
}

QTEST_GUILESS_MAIN(tst_ServerBounds)
#include "tst_serverbounds.moc"
