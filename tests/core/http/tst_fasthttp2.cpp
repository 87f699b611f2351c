// The fast path's HTTP/2 (h2c with prior knowledge, FastHttp2Connection) against a small
// nghttp2 server: methods, many streams on one connection, flow control, RST_STREAM, GOAWAY,
// a dropped connection, redirects, and the same run results as Qt's own HTTP/2 stack.
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/http/fasthttpmanager.h"
#include "support/h2cserver.h"
#include "support/pathcompare.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
class DirectManager : public FastHttpManager
{
public:
    explicit DirectManager(bool fastPath = true)
        : FastHttpManager(nullptr)
    {
        setProxy(QNetworkProxy::NoProxy);
        setFastPathEnabled(fastPath);
        setAutoDeleteReplies(false);
    }
};

QNetworkRequest h2c(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    return request;
}

struct Outcome
{
    int finished = 0;
    int redirects = 0;
    QByteArray body;
};

/// Follows every reply to its end (bounded in time); each counts its finished() signals.
std::vector<Outcome> follow(const std::vector<QNetworkReply *> &replies, int timeoutMs = 30000)
{
    // Shared: a late second finished() must still find them.
    auto outcomes = std::make_shared<std::vector<Outcome>>(replies.size());
    auto done = std::make_shared<int>(0);
    for (size_t i = 0; i < replies.size(); ++i) {
        QNetworkReply *reply = replies[i];
        QObject::connect(reply, &QNetworkReply::readyRead, reply,
            [=] { (*outcomes)[i].body += reply->readAll(); });
        QObject::connect(
            reply, &QNetworkReply::redirected, reply, [=] { ++(*outcomes)[i].redirects; });
        QObject::connect(reply, &QNetworkReply::finished, reply, [=] {
            (*outcomes)[i].body += reply->readAll();
            if ((*outcomes)[i].finished++ == 0)
                ++*done;
        });
    }
    QElapsedTimer timer;
    timer.start();
    while (*done < int(replies.size()) && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    QTest::qWait(20); // a second finished() would show here
    return *outcomes;
}

QNetworkReply *get(FastHttpManager &manager, const QUrl &url)
{
    return manager.send(h2c(url), "GET", QByteArray());
}
} // namespace

class tst_FastHttp2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void takesH2cWithPriorKnowledge();
    void getPostHead();
    void ipv6Authority();
    void manyStreamsOnOneConnection();
    void bigBodyWithFlowControl();
    void readBufferHoldsTheServerBack();
    void resetStreamIsAnError();
    void goAwayMidRunLosesNothing();
    void goAwayOverAndOverEndsEachOnce();
    void droppedConnectionFailsEveryStream();
    void abortCancelsOnlyItsStream();
    void droppedUnderManyStreams();
    void statusCodesAsQt();
    void redirectsFollowed();
    void gzipDecoded();
    void runResultsMatchQtPath();
};

void tst_FastHttp2::takesH2cWithPriorKnowledge()
{
    DirectManager manager;
    const QUrl url(QStringLiteral("http://127.0.0.1:1/get"));
    QVERIFY(manager.takes(QNetworkAccessManager::GetOperation, h2c(url)));
    // Over TLS, h2 by ALPN (tst_runtls).
    QNetworkRequest tls = h2c(QUrl(QStringLiteral("https://127.0.0.1:1/get")));
    QVERIFY(manager.takes(QNetworkAccessManager::GetOperation, tls));
    QNetworkRequest upgrade = h2c(url);
    upgrade.setAttribute(QNetworkRequest::Http2DirectAttribute, false);
    upgrade.setAttribute(QNetworkRequest::Http2CleartextAllowedAttribute, true);
    QVERIFY(!manager.takes(QNetworkAccessManager::GetOperation, upgrade));
    manager.setFastPathEnabled(false);
    QVERIFY(!manager.takes(QNetworkAccessManager::GetOperation, h2c(url)));
}

void tst_FastHttp2::getPostHead()
{
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> g(get(manager, server.url(QStringLiteral("/get?x=1"))));
    std::unique_ptr<QNetworkReply> p(
        manager.send(h2c(server.url(QStringLiteral("/echo"))), "POST", "a body"));
    std::unique_ptr<QNetworkReply> h(
        manager.send(h2c(server.url(QStringLiteral("/bytes/100"))), "HEAD", QByteArray()));
    const auto out = follow({g.get(), p.get(), h.get()});
    QCOMPARE(g->error(), QNetworkReply::NoError);
    QCOMPARE(g->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(g->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    const QJsonObject echoed = QJsonDocument::fromJson(out[0].body).object();
    QCOMPARE(echoed.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
    const QJsonObject headers = echoed.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral(":path")).toString(), QStringLiteral("/get?x=1"));
    QCOMPARE(headers.value(QStringLiteral(":scheme")).toString(), QStringLiteral("http"));
    QVERIFY(!headers.contains(QStringLiteral("connection")));
    QVERIFY(!headers.contains(QStringLiteral("host")));
    QCOMPARE(p->error(), QNetworkReply::NoError);
    QCOMPARE(out[1].body, QByteArray("a body"));
    QCOMPARE(h->error(), QNetworkReply::NoError);
    QCOMPARE(h->rawHeader("content-length"), QByteArray("100"));
    QVERIFY(out[2].body.isEmpty());
    for (const auto &o : out)
        QCOMPARE(o.finished, 1);
    QCOMPARE(server.connections(), 1);
}

void tst_FastHttp2::ipv6Authority()
{
    H2cServer server(QHostAddress::LocalHostIPv6);
    if (!server.isListening())
        QSKIP("no IPv6 loopback here");
    DirectManager manager;
    std::unique_ptr<QNetworkReply> reply(get(manager, server.url(QStringLiteral("/get"))));
    const auto out = follow({reply.get()});
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QJsonObject headers
        = QJsonDocument::fromJson(out[0].body).object().value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral(":authority")).toString(),
        QStringLiteral("[::1]:%1").arg(server.url(QString()).port()));
}

void tst_FastHttp2::manyStreamsOnOneConnection()
{
    H2cServer server;
    DirectManager manager;
    std::vector<QNetworkReply *> replies;
    for (int i = 0; i < 300; ++i)
        replies.push_back(get(manager, server.url(QStringLiteral("/bytes/%1").arg(i))));
    const auto out = follow(replies);
    for (int i = 0; i < 300; ++i) {
        QCOMPARE(replies[size_t(i)]->error(), QNetworkReply::NoError);
        QCOMPARE(out[size_t(i)].body.size(), i);
        QCOMPARE(out[size_t(i)].finished, 1);
        delete replies[size_t(i)];
    }
    QCOMPARE(server.connections(), 1);
    QVERIFY(server.maxConcurrentStreams() > 1);
    QVERIFY(server.maxConcurrentStreams() <= 100);
}

void tst_FastHttp2::bigBodyWithFlowControl()
{
    // Far beyond the first windows: only WINDOW_UPDATEs let it through.
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> a(get(manager, server.url(QStringLiteral("/bytes/8000000"))));
    std::unique_ptr<QNetworkReply> b(get(manager, server.url(QStringLiteral("/bytes/3000000"))));
    const auto out = follow({a.get(), b.get()});
    QCOMPARE(a->error(), QNetworkReply::NoError);
    QCOMPARE(out[0].body.size(), 8000000);
    QCOMPARE(out[1].body.size(), 3000000);
}

void tst_FastHttp2::readBufferHoldsTheServerBack()
{
    H2cServer server;
    DirectManager manager;
    const qint64 total = 8000000;
    std::unique_ptr<QNetworkReply> reply(
        get(manager, server.url(QStringLiteral("/bytes/%1").arg(total))));
    reply->setReadBufferSize(64 * 1024);
    QTRY_VERIFY(reply->bytesAvailable() >= 64 * 1024);
    QTest::qWait(300);
    // The window stayed shut: what was sent is the buffer plus at most a window or two.
    QVERIFY2(server.bytesSent() < 4 * 1024 * 1024, qPrintable(QString::number(server.bytesSent())));
    QByteArray body;
    for (int i = 0; i < 100000 && !reply->isFinished(); ++i) {
        body += reply->readAll();
        QTest::qWait(1);
    }
    body += reply->readAll();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(body.size(), total);
}

void tst_FastHttp2::resetStreamIsAnError()
{
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> internal(get(manager, server.url(QStringLiteral("/rst/2"))));
    std::unique_ptr<QNetworkReply> cancel(get(manager, server.url(QStringLiteral("/rst/8"))));
    std::unique_ptr<QNetworkReply> fine(get(manager, server.url(QStringLiteral("/get"))));
    const auto out = follow({internal.get(), cancel.get(), fine.get()});
    QCOMPARE(internal->error(), QNetworkReply::InternalServerError);
    QCOMPARE(cancel->error(), QNetworkReply::ProtocolFailure);
    QCOMPARE(fine->error(), QNetworkReply::NoError); // the connection carries on
    for (const auto &o : out)
        QCOMPARE(o.finished, 1);
    QCOMPARE(server.connections(), 1);
}

void tst_FastHttp2::goAwayMidRunLosesNothing()
{
    // The first connection answers 37 requests, then GOAWAY: the streams it never processed go
    // to a new connection, and every request ends exactly once, answered.
    H2cServer server;
    server.goAwayAfter(37, 1);
    DirectManager manager;
    std::vector<QNetworkReply *> replies;
    for (int i = 0; i < 250; ++i)
        replies.push_back(get(manager, server.url(QStringLiteral("/bytes/%1").arg(i % 50))));
    const auto out = follow(replies);
    for (size_t i = 0; i < replies.size(); ++i) {
        QCOMPARE(out[i].finished, 1);
        QVERIFY2(replies[i]->error() == QNetworkReply::NoError,
            qPrintable(QString::number(i) + QLatin1Char(' ') + replies[i]->errorString()));
        QCOMPARE(out[i].body.size(), qsizetype(i % 50));
        delete replies[i];
    }
    QCOMPARE(server.requests(), 250);
    QCOMPARE(server.connections(), 2);
}

void tst_FastHttp2::goAwayOverAndOverEndsEachOnce()
{
    // Every connection stops after 7: a request refused twice fails as Qt fails it; none is
    // lost or finished twice.
    H2cServer server;
    server.goAwayAfter(7);
    DirectManager manager;
    std::vector<QNetworkReply *> replies;
    for (int i = 0; i < 120; ++i)
        replies.push_back(get(manager, server.url(QStringLiteral("/get"))));
    const auto out = follow(replies);
    int answered = 0;
    for (size_t i = 0; i < replies.size(); ++i) {
        QCOMPARE(out[i].finished, 1);
        if (replies[i]->error() == QNetworkReply::NoError)
            ++answered;
        else
            QCOMPARE(replies[i]->error(), QNetworkReply::ContentReSendError);
        delete replies[i];
    }
    QCOMPARE(answered, server.requests());
    QVERIFY(answered >= 7);
}

void tst_FastHttp2::droppedConnectionFailsEveryStream()
{
    H2cServer server;
    DirectManager manager;
    std::vector<QNetworkReply *> replies;
    replies.push_back(get(manager, server.url(QStringLiteral("/drop"))));
    const auto out = follow(replies);
    QCOMPARE(out[0].finished, 1);
    QCOMPARE(replies[0]->error(), QNetworkReply::RemoteHostClosedError);
    delete replies[0];
    // The next request opens a new connection.
    std::unique_ptr<QNetworkReply> again(get(manager, server.url(QStringLiteral("/get"))));
    follow({again.get()});
    QCOMPARE(again->error(), QNetworkReply::NoError);
    QCOMPARE(server.connections(), 2);
}

void tst_FastHttp2::droppedUnderManyStreams()
{
    // The connection drops under 40 open streams: each ends once, answered or with
    // RemoteHostClosedError, even when the first failure's slot deletes all the others.
    H2cServer server;
    DirectManager manager;
    std::vector<QNetworkReply *> replies;
    for (int i = 0; i < 40; ++i)
        replies.push_back(get(manager, server.url(QStringLiteral("/bytes/3000000"))));
    replies.push_back(get(manager, server.url(QStringLiteral("/drop"))));
    const auto out = follow(replies);
    for (size_t i = 0; i < replies.size(); ++i) {
        QCOMPARE(out[i].finished, 1);
        QVERIFY(replies[i]->error() == QNetworkReply::NoError
            || replies[i]->error() == QNetworkReply::RemoteHostClosedError);
        delete replies[i];
    }

    std::vector<QNetworkReply *> doomed;
    for (int i = 0; i < 40; ++i)
        doomed.push_back(get(manager, server.url(QStringLiteral("/bytes/3000000"))));
    doomed.push_back(get(manager, server.url(QStringLiteral("/drop"))));
    int finished = 0;
    for (QNetworkReply *reply : doomed) {
        connect(reply, &QNetworkReply::finished, this, [&finished, &doomed, reply] {
            ++finished;
            for (QNetworkReply *&other : doomed) {
                if (other && other != reply)
                    delete std::exchange(other, nullptr);
            }
        });
    }
    QTRY_VERIFY(finished > 0);
    QTest::qWait(50);
    QCOMPARE(finished, 1);
    for (QNetworkReply *reply : doomed)
        delete reply;
    std::unique_ptr<QNetworkReply> next(get(manager, server.url(QStringLiteral("/get"))));
    follow({next.get()});
    QCOMPARE(next->error(), QNetworkReply::NoError);
}

void tst_FastHttp2::abortCancelsOnlyItsStream()
{
    // Aborted mid-body and deleted mid-flight: each stream is reset, the connection carries on.
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> big(get(manager, server.url(QStringLiteral("/bytes/50000000"))));
    big->setReadBufferSize(64 * 1024);
    QTRY_VERIFY(big->bytesAvailable() > 0);
    int finished = 0;
    connect(big.get(), &QNetworkReply::finished, this, [&finished] { ++finished; });
    big->abort();
    QCOMPARE(big->error(), QNetworkReply::OperationCanceledError);
    delete get(manager, server.url(QStringLiteral("/bytes/1000"))); // before it even started
    QNetworkReply *gone = get(manager, server.url(QStringLiteral("/bytes/4000000")));
    QTRY_VERIFY(gone->bytesAvailable() > 0);
    delete gone;
    std::unique_ptr<QNetworkReply> next(get(manager, server.url(QStringLiteral("/get"))));
    follow({next.get()});
    QCOMPARE(next->error(), QNetworkReply::NoError);
    QCOMPARE(finished, 1);
    QCOMPARE(server.connections(), 1);
}

void tst_FastHttp2::statusCodesAsQt()
{
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> missing(get(manager, server.url(QStringLiteral("/status/404"))));
    std::unique_ptr<QNetworkReply> broken(get(manager, server.url(QStringLiteral("/status/500"))));
    std::unique_ptr<QNetworkReply> empty(get(manager, server.url(QStringLiteral("/status/204"))));
    follow({missing.get(), broken.get(), empty.get()});
    QCOMPARE(missing->error(), QNetworkReply::ContentNotFoundError);
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(broken->error(), QNetworkReply::InternalServerError);
    QCOMPARE(empty->error(), QNetworkReply::NoError);
    QCOMPARE(empty->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
}

void tst_FastHttp2::redirectsFollowed()
{
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> reply(get(manager, server.url(QStringLiteral("/redirect/3"))));
    const auto out = follow({reply.get()});
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(out[0].redirects, 3);
    QCOMPARE(reply->url(), server.url(QStringLiteral("/get")));
    QVERIFY(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    QCOMPARE(server.connections(), 1);
}

void tst_FastHttp2::gzipDecoded()
{
    H2cServer server;
    DirectManager manager;
    std::unique_ptr<QNetworkReply> reply(get(manager, server.url(QStringLiteral("/gzip"))));
    const auto out = follow({reply.get()});
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(out[0].body, QByteArray(5000, 'z'));
}

void tst_FastHttp2::runResultsMatchQtPath()
{
    // A mixed list through Run over HTTP/2, once per path: every recorded field but the times.
    H2cServer server;
    QList<RequestSpec> requests;
    const auto add
        = [&](const QString &path, const QByteArray &method = "GET", const QByteArray &body = {}) {
              RequestSpec spec;
              spec.url = server.url(path);
              spec.method = method;
              spec.body = body;
              if (!body.isEmpty())
                  spec.headers.append(HttpHeader("Content-Type", "text/plain"));
              requests.append(spec);
          };
    add(QStringLiteral("/get?x=1"));
    add(QStringLiteral("/status/404"));
    add(QStringLiteral("/status/204"));
    add(QStringLiteral("/status/500"));
    add(QStringLiteral("/redirect/2"));
    add(QStringLiteral("/echo"), "POST", "a body");
    add(QStringLiteral("/echo"), "PUT", QByteArray(100000, 'x'));
    add(QStringLiteral("/bytes/300000"));
    add(QStringLiteral("/get"), "HEAD");
    add(QStringLiteral("/gzip"));
    add(QStringLiteral("/rst/2"));

    RunOptions options;
    options.httpVersion = HttpVersionPolicy::Http2;
    options.timeoutMs = 5000;
    compareRunPaths(requests, options);
    // The server speaks HTTP/2 only, so both paths' answers came over it (and httpVersion,
    // compared above, says so); the fast path used one connection, Qt's another.
    QCOMPARE(server.connections(), 2);
}

QTEST_GUILESS_MAIN(tst_FastHttp2)
#include "tst_fasthttp2.moc"
