// The built-in test server, exercised on loopback through QNetworkAccessManager and raw sockets.
#include "core/server/httpserver.h"
#include "core/server/servertestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace ServerTest;

class tst_HttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void routes_data();
    void routes();
    void retryAfter();
    void echo_data();
    void echo();
    void echoNonUtf8Body();
    void chunkedRequestBody();
    void expectContinue();
    void pipelinedResponsesStayInOrder();
    void keepAliveAndClose_data();
    void keepAliveAndClose();
    void inFlightCounts();
    void manyDelayedRequestsInFlight();
    void dropClosesWithoutResponse();
    void bytesExactLength_data();
    void bytesExactLength();
    void redirectsEndAtGet();
    void malformedRequest_data();
    void malformedRequest();
    void headHasNoBody();
    void flakyFailsThenSucceeds();
    void statsAndReset();
    void tlsWithoutVerification();
    void tlsFailsWhenVerified();

private:
    QUrl url(const QString &pathAndQuery) const
    {
        return m_server->baseUrl().resolved(QUrl(pathAndQuery));
    }
    quint16 port() const { return m_server->server()->port(); }

    std::unique_ptr<ServerThread> m_server;
    QNetworkAccessManager m_nam;
};

void tst_HttpServer::initTestCase()
{
    m_server = std::make_unique<ServerThread>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QCOMPARE(m_server->baseUrl().scheme(), QStringLiteral("http"));
    QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
}

void tst_HttpServer::init()
{
    m_server->server()->resetStats();
}

void tst_HttpServer::routes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("bodyContains");

    const QByteArray json = "application/json";
    const QByteArray text = "text/plain; charset=utf-8";
    QTest::newRow("index") << "/" << QByteArray("GET") << 200 << json << QByteArray("\"/echo\"");
    QTest::newRow("get") << "/get?x=1" << QByteArray("GET") << 200 << json
                         << QByteArray("\"query\":{\"x\":\"1\"}");
    QTest::newRow("get by POST") << "/get" << QByteArray("POST") << 200 << json
                                 << QByteArray("\"method\":\"POST\"");
    QTest::newRow("status 200") << "/status/200" << QByteArray("GET") << 200 << text
                                << QByteArray("200 OK");
    QTest::newRow("status 418") << "/status/418" << QByteArray("GET") << 418 << text
                                << QByteArray("418");
    QTest::newRow("status 503") << "/status/503" << QByteArray("DELETE") << 503 << text
                                << QByteArray("503 Service Unavailable");
    QTest::newRow("status 599") << "/status/599" << QByteArray("GET") << 599 << text
                                << QByteArray("599");
    QTest::newRow("status 204") << "/status/204" << QByteArray("GET") << 204 << QByteArray()
                                << QByteArray();
    QTest::newRow("status 1xx") << "/status/101" << QByteArray("GET") << 400 << json
                                << QByteArray("200 to 599");
    QTest::newRow("status 600") << "/status/600" << QByteArray("GET") << 400 << json
                                << QByteArray("200 to 599");
    QTest::newRow("status word") << "/status/ok" << QByteArray("GET") << 400 << json
                                 << QByteArray("\"error\"");
    QTest::newRow("status empty") << "/status/" << QByteArray("GET") << 400 << json
                                  << QByteArray("\"error\"");
    QTest::newRow("delay 0") << "/delay/0" << QByteArray("GET") << 200 << json
                             << QByteArray("{\"delay_ms\":0}");
    QTest::newRow("delay 20") << "/delay/20" << QByteArray("PUT") << 200 << json
                              << QByteArray("{\"delay_ms\":20}");
    QTest::newRow("delay too long")
        << "/delay/600001" << QByteArray("GET") << 400 << json << QByteArray("delay must be");
    QTest::newRow("delay negative")
        << "/delay/-1" << QByteArray("GET") << 400 << json << QByteArray("delay must be");
    QTest::newRow("bytes 5") << "/bytes/5" << QByteArray("GET") << 200
                             << QByteArray("application/octet-stream") << QByteArray("abcde");
    QTest::newRow("bytes too many")
        << "/bytes/1073741825" << QByteArray("GET") << 400 << json << QByteArray("byte count");
    QTest::newRow("redirect word")
        << "/redirect/x" << QByteArray("GET") << 400 << json << QByteArray("redirect count");
    QTest::newRow("redirect 0") << "/redirect/0" << QByteArray("GET") << 200 << json
                                << QByteArray("\"path\":\"/redirect/0\"");
    QTest::newRow("flaky word") << "/flaky/x/503" << QByteArray("GET") << 400 << json
                                << QByteArray("failure count");
    QTest::newRow("flaky 1xx") << "/flaky/1/100" << QByteArray("GET") << 400 << json
                               << QByteArray("200 to 599");
    QTest::newRow("flaky zero") << "/flaky/0/503?key=routes" << QByteArray("GET") << 200 << json
                                << QByteArray("\"attempt\":1");
    QTest::newRow("stats") << "/stats" << QByteArray("GET") << 200 << json
                           << QByteArray("\"max_in_flight\":");
    QTest::newRow("not found") << "/nope" << QByteArray("GET") << 404 << json
                               << QByteArray("{\"error\":\"not found\",\"path\":\"/nope\"}");
}

void tst_HttpServer::routes()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bodyContains);

    const Reply reply = fetch(m_nam, url(path), method);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.headers.value("content-type"), contentType);
    QVERIFY2(reply.body.contains(bodyContains), reply.body.constData());
    QVERIFY(reply.headers.value("server").startsWith("rafaga/"));
    if (status != 204)
        QCOMPARE(reply.headers.value("content-length").toLongLong(), reply.body.size());
}

void tst_HttpServer::retryAfter()
{
    const Reply limited = fetch(m_nam, url(QStringLiteral("/status/429?retry_after=7")));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.headers.value("retry-after"), QByteArray("7"));
    QVERIFY(!fetch(m_nam, url(QStringLiteral("/status/503"))).headers.contains("retry-after"));
    QCOMPARE(fetch(m_nam, url(QStringLiteral("/status/503?retry_after=soon"))).status, 400);
}

void tst_HttpServer::echo_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expectedQuery");

    QTest::newRow("GET with query") << QByteArray("GET") << "/echo?a=1&b=two&a=3" << QByteArray()
                                    << QByteArray(R"({"a":["1","3"],"b":"two"})");
    QTest::newRow("POST with body")
        << QByteArray("POST") << "/echo" << QByteArray(R"({"hello":"world"})") << QByteArray("{}");
    QTest::newRow("PURGE") << QByteArray("PURGE") << "/echo?x=%20y" << QByteArray()
                           << QByteArray(R"({"x":" y"})");
    QTest::newRow("PUT UTF-8") << QByteArray("PUT") << "/echo?q=%C3%B1" << QByteArray("ñandú")
                               << QByteArray(R"({"q":"ñ"})");
}

void tst_HttpServer::echo()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expectedQuery);

    const Reply reply = fetch(m_nam, url(path), method, body, {{"X-Rafaga-Test", "yes"}});
    QCOMPARE(reply.status, 200);
    const QJsonObject echo = reply.json();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QString::fromLatin1(method));
    QCOMPARE(echo.value(QStringLiteral("path")).toString(), QStringLiteral("/echo"));
    QCOMPARE(echo.value(QStringLiteral("query")).toObject(),
        QJsonDocument::fromJson(expectedQuery).object());
    const QJsonObject headers = echo.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("x-rafaga-test")).toString(), QStringLiteral("yes"));
    QVERIFY(headers.contains(QStringLiteral("host")));
    QCOMPARE(echo.value(QStringLiteral("body")).toString(), QString::fromUtf8(body));
    QCOMPARE(echo.value(QStringLiteral("body_length")).toInteger(), body.size());
    QVERIFY(!echo.contains(QStringLiteral("body_base64")));
}

void tst_HttpServer::echoNonUtf8Body()
{
    const QByteArray body("\xff\xfe\x00\x01", 4);
    const QJsonObject echo = fetch(m_nam, url(QStringLiteral("/echo")), "POST", body).json();
    QCOMPARE(echo.value(QStringLiteral("body_length")).toInteger(), 4);
    QCOMPARE(echo.value(QStringLiteral("body_base64")).toString(), QStringLiteral("//4AAQ=="));
}

void tst_HttpServer::chunkedRequestBody()
{
    RawClient client(port());
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    const RawResponse response = client.next();
    QCOMPARE(response.status, 200);
    const QJsonObject echo = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("hello world"));
    QCOMPARE(echo.value(QStringLiteral("body_length")).toInteger(), 11);
}

void tst_HttpServer::expectContinue()
{
    RawClient client(port());
    client.send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
    QCOMPARE(client.next(true).status, 100);
    client.send("abc");
    const RawResponse response = client.next();
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.contains("\"body\":\"abc\""));
}

void tst_HttpServer::pipelinedResponsesStayInOrder()
{
    RawClient client(port());
    QElapsedTimer timer;
    timer.start();
    client.send("GET /delay/200 HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /get?n=2 HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /bytes/100000 HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /delay/10 HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /status/201 HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse delayed = client.next();
    QCOMPARE(delayed.body, QByteArray("{\"delay_ms\":200}"));
    QVERIFY(timer.elapsed() >= 200);
    QVERIFY(client.next().body.contains("\"query\":{\"n\":\"2\"}"));
    QCOMPARE(client.next().body, expectedBytes(100000));
    QCOMPARE(client.next().body, QByteArray("{\"delay_ms\":10}"));
    QCOMPARE(client.next().status, 201);
    QCOMPARE(m_server->server()->requestCount(), 5);
}

void tst_HttpServer::keepAliveAndClose_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("connectionHeader");
    QTest::addColumn<bool>("staysOpen");

    QTest::newRow("HTTP/1.1") << QByteArray("GET /get HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray()
                              << true;
    QTest::newRow("HTTP/1.1 close")
        << QByteArray("GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        << QByteArray("close") << false;
    QTest::newRow("HTTP/1.0") << QByteArray("GET /get HTTP/1.0\r\n\r\n") << QByteArray("close")
                              << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("GET /get HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        << QByteArray("keep-alive") << true;
}

void tst_HttpServer::keepAliveAndClose()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, connectionHeader);
    QFETCH(bool, staysOpen);

    RawClient client(port());
    client.send(request);
    const RawResponse first = client.next();
    QCOMPARE(first.status, 200);
    QCOMPARE(first.headers.value("connection"), connectionHeader);
    if (staysOpen) {
        client.send(request);
        QCOMPARE(client.next().status, 200);
        QVERIFY(client.isConnected());
    } else {
        QVERIFY(client.closesWithoutData());
    }
}

void tst_HttpServer::inFlightCounts()
{
    HttpServer *server = m_server->server();
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 10; ++i) {
        clients.push_back(std::make_unique<RawClient>(port()));
        clients.back()->send("GET /delay/300 HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    QTRY_COMPARE(server->inFlight(), 10);
    const QJsonObject during = fetch(m_nam, url(QStringLiteral("/stats"))).json();
    QCOMPARE(during.value(QStringLiteral("in_flight")).toInt(), 10);
    for (const auto &client : clients)
        QCOMPARE(client->next().status, 200);
    QTRY_COMPARE(server->inFlight(), 0);
    QCOMPARE(server->maxInFlight(), 10);
    QCOMPARE(server->requestCount(), 11);
    const QJsonObject after = fetch(m_nam, url(QStringLiteral("/stats"))).json();
    QCOMPARE(after.value(QStringLiteral("requests")).toInt(), 12);
    QCOMPARE(after.value(QStringLiteral("in_flight")).toInt(), 0);
    QCOMPARE(after.value(QStringLiteral("max_in_flight")).toInt(), 10);
}

void tst_HttpServer::manyDelayedRequestsInFlight()
{
    constexpr int Count = 500;
    std::vector<std::unique_ptr<RawClient>> clients;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Count; ++i) {
        clients.push_back(std::make_unique<RawClient>(port()));
        QVERIFY(clients.back()->isConnected());
        clients.back()->send("GET /delay/1000 HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    QTRY_COMPARE(m_server->server()->inFlight(), Count);
    for (const auto &client : clients)
        QCOMPARE(client->next().status, 200);
    // Answered together, not one after another.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server->server()->maxInFlight(), Count);
    QTRY_COMPARE(m_server->server()->inFlight(), 0);
}

void tst_HttpServer::dropClosesWithoutResponse()
{
    RawClient client(port());
    client.send("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client.closesWithoutData());
    QTRY_COMPARE(m_server->server()->inFlight(), 0);
    QCOMPARE(m_server->server()->requestCount(), 1);

    const Reply reply = fetch(m_nam, url(QStringLiteral("/drop")));
    QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
}

void tst_HttpServer::bytesExactLength_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("1") << qint64(1);
    QTest::newRow("65537") << qint64(65537);
    QTest::newRow("1000000") << qint64(1000000);
}

void tst_HttpServer::bytesExactLength()
{
    QFETCH(qint64, size);
    const Reply reply = fetch(m_nam, url(QStringLiteral("/bytes/%1").arg(size)));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/octet-stream"));
    QCOMPARE(reply.headers.value("content-length").toLongLong(), size);
    QCOMPARE(reply.body.size(), size);
    QVERIFY(reply.body == expectedBytes(size));
    QTRY_COMPARE(m_server->server()->inFlight(), 0);
}

void tst_HttpServer::redirectsEndAtGet()
{
    const Reply followed = fetch(m_nam, url(QStringLiteral("/redirect/3")));
    QCOMPARE(followed.status, 200);
    QCOMPARE(followed.url.path(), QStringLiteral("/get"));
    // Not exactly 4: Qt 6.4 following redirects on a kept-alive connection sometimes sends one of
    // the hops twice (seen with strace), so the exact chain is checked by hand below.
    QVERIFY(m_server->server()->requestCount() >= 4);

    m_server->server()->resetStats();
    RawClient client(port());
    QByteArray location = "/redirect/3";
    QList<QByteArray> hops;
    while (location != "/get") {
        client.send("GET " + location + " HTTP/1.1\r\nHost: x\r\n\r\n");
        const RawResponse hop = client.next();
        QCOMPARE(hop.status, 302);
        location = hop.headers.value("location");
        hops.append(location);
        QVERIFY(hops.size() <= 3);
    }
    QCOMPARE(hops, (QList<QByteArray> {"/redirect/2", "/redirect/1", "/get"}));
    QCOMPARE(m_server->server()->requestCount(), 3);
}

void tst_HttpServer::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("not HTTP") << QByteArray("THIS IS NOT HTTP\r\n\r\n");
    QTest::newRow("bad version") << QByteArray("GET /get HTTP/9\r\n\r\n");
    QTest::newRow("bad content length")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
    QTest::newRow("bad chunk size")
        << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("after a good one")
        << QByteArray("GET /get HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nBad Header\r\n\r\n");
}

void tst_HttpServer::malformedRequest()
{
    QFETCH(QByteArray, request);
    RawClient client(port());
    client.send(request);
    RawResponse response = client.next();
    if (request.startsWith("GET /get HTTP/1.1")) {
        QCOMPARE(response.status, 200);
        response = client.next();
    }
    QCOMPARE(response.status, 400);
    QCOMPARE(response.headers.value("connection"), QByteArray("close"));
    QVERIFY(response.body.contains("malformed request"));
    QVERIFY(client.closesWithoutData());
    QTRY_COMPARE(m_server->server()->inFlight(), 0);
}

void tst_HttpServer::headHasNoBody()
{
    const Reply reply = fetch(m_nam, url(QStringLiteral("/get")), "HEAD");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.isEmpty());
    QVERIFY(reply.headers.value("content-length").toInt() > 0);

    // Pipelined after a body-less /bytes answer, the next response must start right away.
    RawClient client(port());
    client.send(
        "HEAD /bytes/100 HTTP/1.1\r\nHost: x\r\n\r\nGET /status/202 HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawResponse head = client.next(true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.headers.value("content-length"), QByteArray("100"));
    const RawResponse next = client.next();
    QCOMPARE(next.status, 202);
    QCOMPARE(next.body, QByteArray("202 Accepted\n"));
    QTRY_COMPARE(m_server->server()->inFlight(), 0);
}

void tst_HttpServer::flakyFailsThenSucceeds()
{
    const auto get = [this](const QString &key) {
        return fetch(m_nam, url(QStringLiteral("/flaky/2/503?key=") + key));
    };
    for (int attempt = 1; attempt <= 2; ++attempt) {
        const Reply failed = get(QStringLiteral("a"));
        QCOMPARE(failed.status, 503);
        QCOMPARE(failed.headers.value("retry-after"), QByteArray("0"));
        QCOMPARE(failed.json().value(QStringLiteral("attempt")).toInt(), attempt);
    }
    QCOMPARE(get(QStringLiteral("a")).status, 200);
    QCOMPARE(get(QStringLiteral("b")).status, 503); // keys count separately
    QVERIFY(
        !fetch(m_nam, url(QStringLiteral("/flaky/1/500?key=c"))).headers.contains("retry-after"));
    QCOMPARE(fetch(m_nam, url(QStringLiteral("/stats/reset"))).status, 200);
    QCOMPARE(get(QStringLiteral("a")).status, 503);
}

void tst_HttpServer::statsAndReset()
{
    for (int i = 0; i < 3; ++i)
        QCOMPARE(fetch(m_nam, url(QStringLiteral("/get"))).status, 200);
    const QJsonObject stats = fetch(m_nam, url(QStringLiteral("/stats"))).json();
    QCOMPARE(stats.value(QStringLiteral("requests")).toInt(), 4);
    QCOMPARE(stats.value(QStringLiteral("in_flight")).toInt(), 0);
    QCOMPARE(stats.value(QStringLiteral("max_in_flight")).toInt(), 1);

    const QJsonObject reset = fetch(m_nam, url(QStringLiteral("/stats/reset"))).json();
    QCOMPARE(reset.value(QStringLiteral("requests")).toInt(), 0);
    QCOMPARE(reset.value(QStringLiteral("max_in_flight")).toInt(), 0);
    QCOMPARE(m_server->server()->requestCount(), 0);
}

void tst_HttpServer::tlsWithoutVerification()
{
    ServerThread tls(true);
    QString error;
    QVERIFY2(tls.start(&error), qPrintable(error));
    QCOMPARE(tls.baseUrl().scheme(), QStringLiteral("https"));
    const QSslCertificate certificate = tls.server()->certificate();
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
        QStringList {QStringLiteral("localhost")});
    const auto names = certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    QNetworkAccessManager nam;
    const Reply reply = fetch(
        nam, tls.baseUrl().resolved(QUrl(QStringLiteral("/echo"))), "POST", "secret", {}, ssl);
    QCOMPARE(reply.error, QNetworkReply::NoError);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("body")).toString(), QStringLiteral("secret"));
    QCOMPARE(tls.server()->requestCount(), 1);

    // Streaming is paced by what QSslSocket reports written, which differs from a plain socket.
    const Reply bytes = fetch(
        nam, tls.baseUrl().resolved(QUrl(QStringLiteral("/bytes/3000000"))), "GET", {}, {}, ssl);
    QCOMPARE(bytes.status, 200);
    QVERIFY(bytes.body == expectedBytes(3000000));
    QTRY_COMPARE(tls.server()->inFlight(), 0);
}

void tst_HttpServer::tlsFailsWhenVerified()
{
    ServerThread tls(true);
    QVERIFY(tls.start());
    QNetworkAccessManager nam;
    const Reply reply = fetch(nam, tls.baseUrl().resolved(QUrl(QStringLiteral("/get"))));
    QCOMPARE(reply.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(tls.server()->requestCount(), 0);
}

QTEST_GUILESS_MAIN(tst_HttpServer)
#include "tst_httpserver.moc"
