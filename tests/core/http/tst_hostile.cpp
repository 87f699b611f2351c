// The fast path against hostile servers (tests/support/hostileserver.h, loopback only): header
// and HPACK bombs, gzip bombs, 204/304 with a length, a chunk without its CRLF, repeated
// Content-Length, status 000, HTTP/2 resets, and no silent re-sends. Memory bounds are read from
// `rafaga run` children (peak RSS by getrusage), never from timing.
#include "core/http/fasthttpmanager.h"
#include "support/hostileserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

#include <memory>

namespace {
class DirectManager : public FastHttpManager
{
public:
    DirectManager()
    {
        setProxy(QNetworkProxy::NoProxy);
        setFastPathEnabled(true);
    }
};

QNetworkRequest plain(const QUrl &url, bool http2 = false)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (http2) {
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
        request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    }
    return request;
}

struct Fetched
{
    std::unique_ptr<QNetworkReply> reply;
    QByteArray body;
    bool finished = false;
};

/// Sends and follows a request to its end (at most timeoutMs), reading as it comes.
Fetched fetch(FastHttpManager &manager, const QNetworkRequest &request,
    const QByteArray &verb = "GET", const QByteArray &body = {}, int timeoutMs = 10000)
{
    Fetched f;
    f.reply.reset(manager.send(request, verb, body));
    QNetworkReply *reply = f.reply.get();
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply,
        [reply] { reply->setReadBufferSize(256 * 1024); });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&f, reply] {
        const QByteArray got = reply->readAll();
        if (f.body.size() < (1 << 20))
            f.body += got.left((1 << 20) - f.body.size()); // counted, not all kept
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(timeoutMs);
    f.finished = reply->isFinished();
    f.body += reply->readAll();
    return f;
}

QByteArray answer(const QByteArray &head, const QByteArray &body = {})
{
    return "HTTP/1.1 " + head + "\r\n\r\n" + body;
}

/// A server that writes the same bytes for every request (HTTP/1.1).
std::unique_ptr<HostileServer> replying(const QByteArray &bytes)
{
    return std::make_unique<HostileServer>(HostileServer::Mode::Http1,
        [bytes](QTcpSocket *socket, int, qint32) { socket->write(bytes); });
}

QByteArray manyHeaderLines(int count)
{
    QByteArray head = "200 OK\r\nContent-Length: 2";
    for (int i = 0; i < count; ++i)
        head += "\r\nX-Bomb: aaaaaaaaaaaaaaaa";
    return answer(head, "ok");
}

/// An HPACK bomb for stream: one 4 KB field into the dynamic table, then referenced over and
/// over in 16 KB frames (HEADERS, then CONTINUATIONs): refs references in all.
QByteArray hpackBomb(qint32 stream, int refs)
{
    QByteArray block = HostileServer::status("200")
        + HostileServer::literal("x-bomb", QByteArray(4000, 'a'), true);
    QByteArray out;
    bool first = true;
    for (int left = refs; left > 0 || first;) {
        const int n = qMin(left, 16000 - int(block.size()));
        block += QByteArray(n, char(0x80 | 62)); // indexed: the newest dynamic entry
        left -= n;
        out += first ? HostileServer::headers(stream, block, true, left == 0)
                     : HostileServer::continuation(stream, block, left == 0);
        first = false;
        block.clear();
    }
    return out;
}

/// What a `rafaga run` child did against a hostile server, with its peak RSS.
struct ChildRun
{
    int exitCode = -1;
    QList<QJsonObject> results;
    long peakRssKb = 0; ///< the largest of this process's children so far: an upper bound
    long ownPeakKb = 0; ///< this child's VmHWM, last read before it ended
};

/// The high-water mark of a running process's resident memory, 0 when it cannot be read.
long highWaterMarkKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

ChildRun runChild(const QUrl &url, int requests, int concurrency, const QStringList &more = {})
{
    ChildRun run;
    QTemporaryDir dir;
    const QString ndjson = dir.filePath(QStringLiteral("out.ndjson"));
    QProcess process;
    process.start(qEnvironmentVariable("RAFAGA_BIN"),
        QStringList {QStringLiteral("run"), QStringLiteral("--url"), url.toString(),
            QStringLiteral("-n"), QString::number(requests), QStringLiteral("-c"),
            QString::number(concurrency), QStringLiteral("--timeout"), QStringLiteral("20000"),
            QStringLiteral("--ndjson"), ndjson, QStringLiteral("-q")}
            + more);
    QElapsedTimer timer;
    timer.start();
    // The server lives in this thread: wait with the event loop running (bounded).
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 90000) {
        run.ownPeakKb = qMax(run.ownPeakKb, highWaterMarkKb(process.processId()));
        QTest::qWait(20);
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    QFile file(ndjson);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                run.results.append(QJsonDocument::fromJson(line).object());
        }
    }
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    run.peakRssKb = usage.ru_maxrss;
    return run;
}

int concurrencyUnderTest()
{
    const int c = qEnvironmentVariableIntValue("RAFAGA_HOSTILE_CONCURRENCY");
    return c > 0 ? c : 10;
}
} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerBombFails_data();
    void headerBombFails();
    void repeatedNamesJoinInOrder();
    void hpackBombFailsTheStream();
    void noBodyFor204And304_data();
    void noBodyFor204And304();
    void chunkWithoutCrlfIsAnError_data();
    void chunkWithoutCrlfIsAnError();
    void identicalContentLengthsAreOne();
    void differentContentLengthsAreAnError();
    void status000IsNamed();
    void http2ErrorsAreNamed_data();
    void http2ErrorsAreNamed();
    void gzipBombStopsEarly();
    void postIsNotSentTwice();
    void getSentTwiceSaysSo();
    void unknownEncodingIsDeliveredAsSent();
    void childResultsHaveErrors();
    void gzipBombMemoryIsBounded();
    void headerBombMemoryIsBounded();
    void hpackBombMemoryIsBounded();
};

void tst_Hostile::headerBombFails_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("named");
    QTest::newRow("15,000 lines") << manyHeaderLines(15000) << QStringLiteral("500 header fields");
    QTest::newRow("one 200 KB value")
        << answer("200 OK\r\nContent-Length: 0\r\nX-Big: " + QByteArray(200 * 1024, 'b'))
        << QStringLiteral("65536 bytes");
}

void tst_Hostile::headerBombFails()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, named);
    const auto server = replying(bytes);
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server->url()));
    QVERIFY(f.finished);
    QCOMPARE(f.reply->error(), QNetworkReply::ProtocolFailure);
    QVERIFY2(f.reply->errorString().contains(named), qPrintable(f.reply->errorString()));
    QVERIFY(f.reply->errorString().contains(QLatin1String("(the limit)")));
}

void tst_Hostile::repeatedNamesJoinInOrder()
{
    QByteArray head = "200 OK\r\nContent-Length: 0";
    QByteArray expected;
    for (int i = 0; i < 200; ++i) {
        head += "\r\nX-Rep: " + QByteArray::number(i) + "\r\nx-other-" + QByteArray::number(i)
            + ": v";
        expected += (i ? ", " : "") + QByteArray::number(i);
    }
    const auto server = replying(answer(head + "\r\nSet-Cookie: a=1\r\nset-cookie: b=2"));
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server->url()));
    QCOMPARE(f.reply->error(), QNetworkReply::NoError);
    QCOMPARE(f.reply->rawHeader("X-Rep"), expected);
    QCOMPARE(f.reply->rawHeader("Set-Cookie"), QByteArray("a=1\nb=2"));
    QCOMPARE(f.reply->rawHeaderList().size(), 202 + 1); // Content-Length too
}

void tst_Hostile::hpackBombFailsTheStream()
{
    // Stream 1 gets the bomb (16,000 references of a 4 KB entry: 64 MB decoded); stream 3, on
    // the same connection, a plain answer.
    HostileServer server(HostileServer::Mode::Http2, [](QTcpSocket *socket, int, qint32 stream) {
        if (stream == 1)
            socket->write(hpackBomb(stream, 16000));
        else
            socket->write(HostileServer::headers(stream, HostileServer::indexed(8), true));
    });
    DirectManager manager;
    const Fetched bomb = fetch(manager, plain(server.url(), true));
    QVERIFY(bomb.finished);
    QCOMPARE(bomb.reply->error(), QNetworkReply::ProtocolFailure);
    QVERIFY2(bomb.reply->errorString().contains(QLatin1String("(the limit)")),
        qPrintable(bomb.reply->errorString()));
    const Fetched next = fetch(manager, plain(server.url(), true));
    QCOMPARE(next.reply->error(), QNetworkReply::NoError);
    QCOMPARE(next.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(server.connections(), 1);
}

void tst_Hostile::noBodyFor204And304_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("204 with a length") << QByteArray("204 No Content\r\nContent-Length: 5");
    QTest::newRow("304 with a length") << QByteArray("304 Not Modified\r\nContent-Length: 5");
    QTest::newRow("304 chunked") << QByteArray("304 Not Modified\r\nTransfer-Encoding: chunked");
}

void tst_Hostile::noBodyFor204And304()
{
    // The connection stays open and no body comes: the answer ends with its head.
    QFETCH(QByteArray, head);
    const auto server = replying(answer(head));
    DirectManager manager;
    const Fetched first = fetch(manager, plain(server->url()), "GET", {}, 5000);
    QVERIFY(first.finished);
    QCOMPARE(first.reply->error(), QNetworkReply::NoError);
    QVERIFY(first.body.isEmpty());
    const Fetched second = fetch(manager, plain(server->url()), "GET", {}, 5000);
    QVERIFY(second.finished);
    QCOMPARE(second.reply->error(), QNetworkReply::NoError);
    QCOMPARE(server->connections(), 1); // and the connection is reused
}

void tst_Hostile::chunkWithoutCrlfIsAnError_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("rest");
    const QByteArray head = answer("200 OK\r\nTransfer-Encoding: chunked");
    QTest::newRow("in one piece") << head + "5\r\nhelloXX0\r\n\r\n" << QByteArray();
    QTest::newRow("data ends a piece") << head + "5\r\nhello" << QByteArray("XX0\r\n\r\n");
    QTest::newRow("CR ends a piece") << head + "5\r\nhello\r" << QByteArray("X0\r\n\r\n");
}

void tst_Hostile::chunkWithoutCrlfIsAnError()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, rest);
    HostileServer server(HostileServer::Mode::Http1, [=](QTcpSocket *socket, int, qint32) {
        socket->write(first);
        socket->flush();
        if (!rest.isEmpty())
            QTimer::singleShot(50, socket, [socket, rest] { socket->write(rest); });
    });
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server.url()));
    QVERIFY(f.finished);
    QCOMPARE(f.reply->error(), QNetworkReply::ProtocolFailure);
    QVERIFY2(
        f.reply->errorString().contains(QLatin1String("CRLF")), qPrintable(f.reply->errorString()));
}

void tst_Hostile::identicalContentLengthsAreOne()
{
    const auto server
        = replying(answer("200 OK\r\nContent-Length: 5\r\nX-A: 1\r\ncontent-length:  5", "hello"));
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server->url()));
    QCOMPARE(f.reply->error(), QNetworkReply::NoError);
    QCOMPARE(f.body, QByteArray("hello"));
    QCOMPARE(f.reply->rawHeader("X-A"), QByteArray("1"));
    // The connection stays usable.
    const Fetched again = fetch(manager, plain(server->url()));
    QCOMPARE(again.body, QByteArray("hello"));
    QCOMPARE(server->connections(), 1);
}

void tst_Hostile::differentContentLengthsAreAnError()
{
    const auto server
        = replying(answer("200 OK\r\nContent-Length: 5\r\nContent-Length: 6", "hello!"));
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server->url()));
    QCOMPARE(f.reply->error(), QNetworkReply::ProtocolFailure);
}

void tst_Hostile::status000IsNamed()
{
    const auto server = replying(answer("000 Zero\r\nContent-Length: 0"));
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server->url()));
    QVERIFY(f.finished);
    QCOMPARE(f.reply->error(), QNetworkReply::ProtocolFailure);
    QVERIFY2(f.reply->errorString().contains(QLatin1String("status code 000")),
        qPrintable(f.reply->errorString()));
}

void tst_Hostile::http2ErrorsAreNamed_data()
{
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<QString>("named");
    QTest::newRow("RST_STREAM INTERNAL_ERROR") << HostileServer::rstStream(
        1, 2) << QStringLiteral("HTTP/2 stream reset by the server: INTERNAL_ERROR");
    QTest::newRow("RST_STREAM ENHANCE_YOUR_CALM") << HostileServer::rstStream(
        1, 11) << QStringLiteral("HTTP/2 stream reset by the server: ENHANCE_YOUR_CALM");
    QTest::newRow("GOAWAY INTERNAL_ERROR") << HostileServer::goAway(
        1, 2) << QStringLiteral("HTTP/2 connection closed by the server (GOAWAY): INTERNAL_ERROR");
}

void tst_Hostile::http2ErrorsAreNamed()
{
    QFETCH(QByteArray, frames);
    QFETCH(QString, named);
    HostileServer server(HostileServer::Mode::Http2, [frames](QTcpSocket *socket, int, qint32) {
        socket->write(frames);
        socket->disconnectFromHost(); // a server that went away does not keep the stream
    });
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server.url(), true));
    QVERIFY(f.finished);
    QVERIFY(f.reply->error() != QNetworkReply::NoError);
    QCOMPARE(f.reply->errorString(), named);
}

void tst_Hostile::gzipBombStopsEarly()
{
    // 2 MB on the wire inflating to 2 GiB: the reply fails once the body passed 10 MiB at more
    // than 40 to 1, having read a small part of the wire.
    const HostileServer::GzipBomb bomb = HostileServer::gzipBomb();
    QVERIFY(bomb.block.size() < 2048);
    qint64 served = 0;
    HostileServer server(HostileServer::Mode::Http1, [&](QTcpSocket *socket, int, qint32) {
        HostileServer::serveBomb(socket,
            answer("200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2000000"), bomb, 2000000);
        served = 1;
    });
    DirectManager manager;
    qint64 received = 0;
    std::unique_ptr<QNetworkReply> reply(manager.send(plain(server.url()), "GET", {}));
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, reply.get(),
        [&] { reply->setReadBufferSize(256 * 1024); });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(),
        [&] { received += reply->readAll().size(); });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(served, 1);
    QCOMPARE(reply->error(), QNetworkReply::ProtocolFailure);
    QVERIFY2(reply->errorString().startsWith(QLatin1String("Decompression bomb")),
        qPrintable(reply->errorString()));
    QVERIFY(received >= 10 * 1024 * 1024);
    QVERIFY(received < 12 * 1024 * 1024);
}

void tst_Hostile::postIsNotSentTwice()
{
    // The first request is answered on a kept-alive connection; the second finds the server
    // closing that connection without a word. A POST fails; nothing is sent again.
    HostileServer server(HostileServer::Mode::Http1, [](QTcpSocket *socket, int request, qint32) {
        if (request == 0)
            socket->write(answer("200 OK\r\nContent-Length: 2", "ok"));
        else
            socket->close();
    });
    DirectManager manager;
    QCOMPARE(fetch(manager, plain(server.url())).reply->error(), QNetworkReply::NoError);
    const Fetched post = fetch(manager, plain(server.url()), "POST", "body");
    QVERIFY(post.finished);
    QCOMPARE(post.reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(server.requests(), 2);
    QVERIFY(!post.reply->attribute(FastHttpManager::ResendsAttribute).isValid());
}

void tst_Hostile::getSentTwiceSaysSo()
{
    // The same for a GET: it is sent again once, on a new connection, and the reply says so.
    HostileServer server(HostileServer::Mode::Http1, [](QTcpSocket *socket, int request, qint32) {
        if (request == 1)
            socket->close();
        else
            socket->write(answer("200 OK\r\nContent-Length: 2", "ok"));
    });
    DirectManager manager;
    QCOMPARE(fetch(manager, plain(server.url())).reply->error(), QNetworkReply::NoError);
    const Fetched get = fetch(manager, plain(server.url()));
    QCOMPARE(get.reply->error(), QNetworkReply::NoError);
    QCOMPARE(server.requests(), 3);
    QCOMPARE(get.reply->attribute(FastHttpManager::ResendsAttribute).toInt(), 1);
}

void tst_Hostile::unknownEncodingIsDeliveredAsSent()
{
    const QByteArray brotli("\x1b\x03\x00\xf8\x25\x00\x00", 7); // whatever: it is not decoded
    const auto server
        = replying(answer("200 OK\r\nContent-Encoding: br\r\nContent-Length: 7", brotli));
    DirectManager manager;
    const Fetched f = fetch(manager, plain(server->url()));
    QCOMPARE(f.reply->error(), QNetworkReply::NoError);
    QCOMPARE(f.body, brotli);
    QCOMPARE(f.reply->rawHeader("Content-Encoding"), QByteArray("br"));
    QCOMPARE(server->requests(), 1); // never fetched again through Qt
}

void tst_Hostile::childResultsHaveErrors()
{
    // Through the whole client: a reset stream is a failed result with a category and a text.
    HostileServer server(HostileServer::Mode::Http2, [](QTcpSocket *socket, int, qint32 stream) {
        socket->write(HostileServer::rstStream(stream, 2));
    });
    const ChildRun run = runChild(server.url(), 3, 1, {QStringLiteral("--http2")});
    QCOMPARE(run.results.size(), 3);
    for (const QJsonObject &result : run.results) {
        QCOMPARE(result.value(QStringLiteral("error")).toString(), QStringLiteral("other"));
        QVERIFY(result.value(QStringLiteral("error_message"))
                    .toString()
                    .contains(QLatin1String("INTERNAL_ERROR")));
        QCOMPARE(result.value(QStringLiteral("resends")).toInt(), 0);
    }
}

namespace {
/// The checks every bomb shares: one failed result per request, each naming the limit (its
/// message starting with, or else holding, message), and the child's memory bounded.
void expectBoundedFailures(
    const char *bomb, const ChildRun &run, int c, QLatin1String message, bool atStart)
{
    qInfo("%s, c=%d: peak RSS %ld MB (all children so far: %ld MB)", bomb, c, run.ownPeakKb / 1024,
        run.peakRssKb / 1024);
    QCOMPARE(run.results.size(), c);
    for (const QJsonObject &result : run.results) {
        const QString error = result.value(QStringLiteral("error_message")).toString();
        QVERIFY2(atStart ? error.startsWith(message) : error.contains(message), qPrintable(error));
    }
    QVERIFY2(run.peakRssKb < 150 * 1024, qPrintable(QString::number(run.peakRssKb)));
}
} // namespace

void tst_Hostile::gzipBombMemoryIsBounded()
{
    // 10 MB on the wire per request, inflating to 10 GiB. Before: 677 MB at c=10.
    const HostileServer::GzipBomb bomb = HostileServer::gzipBomb();
    HostileServer server(HostileServer::Mode::Http1, [&bomb](QTcpSocket *socket, int, qint32) {
        HostileServer::serveBomb(socket,
            answer("200 OK\r\nContent-Encoding: gzip\r\nConnection: close"), bomb, 10000000);
    });
    const int c = concurrencyUnderTest();
    expectBoundedFailures(
        "gzip bomb", runChild(server.url(), c, c), c, QLatin1String("Decompression bomb"), true);
}

void tst_Hostile::headerBombMemoryIsBounded()
{
    // 15,000 lines of one header name per answer. Before: 352 MB for one response.
    const auto server = replying(manyHeaderLines(15000));
    const int c = concurrencyUnderTest();
    expectBoundedFailures("HTTP/1.1 header bomb", runChild(server->url(), c, c), c,
        QLatin1String("(the limit)"), false);
}

void tst_Hostile::hpackBombMemoryIsBounded()
{
    // Each stream: a 4 KB table entry referenced 16,000 times. Before: 3 GB in 14 s, then
    // bad_alloc.
    HostileServer server(HostileServer::Mode::Http2,
        [](QTcpSocket *socket, int, qint32 stream) { socket->write(hpackBomb(stream, 16000)); });
    const int c = concurrencyUnderTest();
    expectBoundedFailures("HPACK bomb", runChild(server.url(), c, c, {QStringLiteral("--http2")}),
        c, QLatin1String("(the limit)"), false);
}

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"
