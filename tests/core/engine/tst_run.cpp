// The run engine against the built-in server on loopback: honest concurrency, order, deadlines,
// retries, redirects, failures, TLS, stop, pause and pacing.
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/server/httpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {
RequestSpec get(const QUrl &url)
{
    RequestSpec spec;
    spec.url = url;
    return spec;
}

std::shared_ptr<RequestList> repeat(const QUrl &url, qint64 count)
{
    return std::make_shared<RequestList>(QList<RequestSpec> {get(url)}, count);
}

/// Runs to the end (or until timeoutMs) and says whether it finished.
bool runToEnd(Run &run, int timeoutMs = 60000)
{
    QSignalSpy finished(&run, &Run::finished);
    if (run.state() == Run::State::Idle)
        run.start();
    return finished.count() > 0 || finished.wait(timeoutMs);
}
} // namespace

class tst_Run : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void concurrencyIsExact_data();
    void concurrencyIsExact();
    void resultsKeepInputOrder();
    void deadlineGivesTimeout();
    void retriesUntilSuccess_data();
    void retriesUntilSuccess();
    void retryAfterIsHonoured();
    void redirects_data();
    void redirects();
    void refusedConnectionsAreAccounted();
    void droppedConnectionsAreAccounted();
    void httpErrorsAreAnswersNotTransportErrors();
    void requestCarriesMethodHeadersAndBody();
    void headRequestsFinish_data();
    void headRequestsFinish();
    void bodySampleIsCappedButCounted();
    void tls_data();
    void tls();
    void stopKeepsFinishedResults();
    void pauseHoldsDispatchAndResumeLosesNothing();
    void rateSpacesRequests();
    void emptyRunFinishes();

private:
    ServerThread m_server;
    QUrl url(const QString &path) const { return m_server.baseUrl().resolved(QUrl(path)); }
};

void tst_Run::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_Run::concurrencyIsExact_data()
{
    QTest::addColumn<int>("concurrency");
    for (int c : {1, 6, 7, 20, 100})
        QTest::addRow("C=%d", c) << c;
}

void tst_Run::concurrencyIsExact()
{
    QFETCH(int, concurrency);
    m_server.server()->resetStats();
    RunOptions options;
    options.concurrency = concurrency;
    // Three waves of slow requests: every wave must fill all C places, and never more.
    Run run(repeat(url(QStringLiteral("/delay/250")), 3 * concurrency), options);
    QVERIFY(runToEnd(run));

    const RunStats stats = run.statsSnapshot();
    QCOMPARE(stats.succeeded(), qint64(3 * concurrency));
    QCOMPARE(m_server.server()->maxInFlight(), concurrency);
    QCOMPARE(stats.maxInFlight(), concurrency);
    QCOMPARE(run.laneCount(), (concurrency + 5) / 6);
}

void tst_Run::resultsKeepInputOrder()
{
    // Request i waits longest for i = 0, so answers arrive in reverse of input order.
    const int count = 8;
    QList<RequestSpec> requests;
    for (int i = 0; i < count; ++i)
        requests.append(get(url(QStringLiteral("/delay/%1?i=%2").arg((count - i) * 40).arg(i))));
    RunOptions options;
    options.concurrency = count;
    Run run(std::make_shared<RequestList>(requests), options);

    QList<qint64> completionOrder;
    QList<qint64> orderedReports;
    connect(&run, &Run::resultAdded, this, [&](qint64 index) { completionOrder.append(index); });
    connect(&run, &Run::orderedAdvanced, this, [&](qint64 n) { orderedReports.append(n); });
    QVERIFY(runToEnd(run));

    QList<qint64> reversed;
    for (int i = count - 1; i >= 0; --i)
        reversed.append(i);
    QCOMPARE(completionOrder, reversed);
    // Nothing can stream in order until request 0 is back, and then everything can.
    QCOMPARE(orderedReports, QList<qint64> {count});
    for (int i = 0; i < count; ++i) {
        const Result &result = run.results().at(i);
        QCOMPARE(result.requestIndex, quint32(i));
        QCOMPARE(result.status, quint16(200));
    }
}

void tst_Run::deadlineGivesTimeout()
{
    RunOptions options;
    options.timeoutMs = 200;
    options.concurrency = 3;
    Run run(repeat(url(QStringLiteral("/delay/5000")), 3), options);
    QVERIFY(runToEnd(run, 10000));
    for (int i = 0; i < 3; ++i) {
        const Result &result = run.results().at(i);
        QCOMPARE(result.error, ErrorCategory::Timeout);
        QCOMPARE(result.status, quint16(0));
        QVERIFY(result.latencyUs() >= 200 * 1000);
        QVERIFY2(result.latencyUs() < 4000 * 1000, "the deadline did not cut the request short");
        QVERIFY(!result.errorMessage().isEmpty());
    }
}

void tst_Run::retriesUntilSuccess_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("retries");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<int>("expectedRetries");
    QTest::newRow("503 twice, 3 retries") << 2 << 503 << 3 << 200 << 2;
    QTest::newRow("429 once, 1 retry") << 1 << 429 << 1 << 200 << 1;
    QTest::newRow("503 thrice, 1 retry") << 3 << 503 << 1 << 503 << 1;
    QTest::newRow("502 once, no retries") << 1 << 502 << 0 << 502 << 0;
    QTest::newRow("404 is not retried") << 1 << 404 << 3 << 404 << 0;
}

void tst_Run::retriesUntilSuccess()
{
    QFETCH(int, failures);
    QFETCH(int, code);
    QFETCH(int, retries);
    QFETCH(int, expectedStatus);
    QFETCH(int, expectedRetries);
    m_server.server()->resetStats();
    RunOptions options;
    options.retries = retries;
    options.retryBaseDelayMs = 10;
    const QString key = QString::fromLatin1(QTest::currentDataTag()).toHtmlEscaped();
    Run run(repeat(url(QStringLiteral("/flaky/%1/%2?key=%3")
                           .arg(failures)
                           .arg(code)
                           .arg(QString::fromLatin1(QUrl::toPercentEncoding(key)))),
                1),
        options);
    QVERIFY(runToEnd(run));
    const Result &result = run.results().at(0);
    QCOMPARE(int(result.status), expectedStatus);
    QCOMPARE(int(result.retries), expectedRetries);
    QCOMPARE(m_server.server()->requestCount(), qint64(expectedRetries + 1));
    QCOMPARE(run.statsSnapshot().retries(), qint64(expectedRetries));
}

void tst_Run::retryAfterIsHonoured()
{
    RunOptions options;
    options.retries = 1;
    options.retryBaseDelayMs = 1;
    Run run(repeat(url(QStringLiteral("/status/503?retry_after=1")), 1), options);
    QVERIFY(runToEnd(run));
    const Result &result = run.results().at(0);
    QCOMPARE(result.status, quint16(503));
    QCOMPARE(result.retries, quint8(1));
    // Retry-After: 1 asks for a second; the 1 ms backoff alone would have been far shorter.
    QVERIFY2(result.latencyUs() >= 1000 * 1000, qPrintable(QString::number(result.latencyUs())));
}

void tst_Run::redirects_data()
{
    QTest::addColumn<int>("hops");
    QTest::addColumn<int>("maxRedirects");
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorCategory>("error");
    QTest::addColumn<int>("followed");
    QTest::newRow("3 hops, limit 10") << 3 << 10 << 200 << ErrorCategory::None << 3;
    QTest::newRow("3 hops, limit 3") << 3 << 3 << 200 << ErrorCategory::None << 3;
    QTest::newRow("3 hops, limit 2") << 3 << 2 << 0 << ErrorCategory::TooManyRedirects << 2;
    QTest::newRow("not followed") << 3 << 0 << 302 << ErrorCategory::None << 0;
}

void tst_Run::redirects()
{
    QFETCH(int, hops);
    QFETCH(int, maxRedirects);
    QFETCH(int, status);
    QFETCH(ErrorCategory, error);
    QFETCH(int, followed);
    RunOptions options;
    options.maxRedirects = maxRedirects;
    Run run(repeat(url(QStringLiteral("/redirect/%1").arg(hops)), 1), options);
    QVERIFY(runToEnd(run));
    const Result &result = run.results().at(0);
    QCOMPARE(result.error, error);
    if (status)
        QCOMPARE(int(result.status), status);
    QCOMPARE(int(result.redirects), followed);
    if (error == ErrorCategory::None && followed == hops)
        QCOMPARE(result.finalUrl().path(), QStringLiteral("/get"));
}

void tst_Run::refusedConnectionsAreAccounted()
{
    // A port that was just free and is closed again refuses connections.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    RunOptions options;
    options.concurrency = 5;
    Run run(repeat(QUrl(QStringLiteral("http://127.0.0.1:%1/get").arg(port)), 20), options);
    QVERIFY(runToEnd(run));
    const RunStats stats = run.statsSnapshot();
    QCOMPARE(stats.completed(), qint64(20));
    QCOMPARE(stats.errorCount(ErrorCategory::ConnectionRefused), qint64(20));
    QCOMPARE(stats.succeeded(), qint64(0));
}

void tst_Run::droppedConnectionsAreAccounted()
{
    RunOptions options;
    options.concurrency = 4;
    Run run(repeat(url(QStringLiteral("/drop")), 12), options);
    QVERIFY(runToEnd(run));
    const RunStats stats = run.statsSnapshot();
    QCOMPARE(stats.completed(), qint64(12));
    QCOMPARE(stats.errorCount(ErrorCategory::ConnectionClosed), qint64(12));
    for (int i = 0; i < 12; ++i)
        QVERIFY(!run.results().at(i).errorMessage().isEmpty());
}

void tst_Run::httpErrorsAreAnswersNotTransportErrors()
{
    QList<RequestSpec> requests;
    for (int code : {200, 201, 302, 404, 500, 503})
        requests.append(get(url(QStringLiteral("/status/%1").arg(code))));
    RunOptions options;
    options.maxRedirects = 0;
    options.concurrency = 6;
    Run run(std::make_shared<RequestList>(requests), options);
    QVERIFY(runToEnd(run));
    const RunStats stats = run.statsSnapshot();
    QCOMPARE(stats.succeeded(), qint64(3));
    QCOMPARE(stats.failed(), qint64(3));
    QCOMPARE(stats.statusCodes().value(404), qint64(1));
    QCOMPARE(stats.statusCodes().value(503), qint64(1));
    for (int i = 0; i < requests.size(); ++i)
        QCOMPARE(run.results().at(i).error, ErrorCategory::None);
}

void tst_Run::requestCarriesMethodHeadersAndBody()
{
    RequestSpec spec = get(url(QStringLiteral("/echo?x=1")));
    spec.method = "PATCH";
    spec.headers = {{"X-Trace", "abc 123"}, {"Content-Type", "application/json"}};
    spec.body = R"({"hello":"world"})";
    Run run(std::make_shared<RequestList>(QList<RequestSpec> {spec}), RunOptions());
    QVERIFY(runToEnd(run));
    const Result &result = run.results().at(0);
    QCOMPARE(result.status, quint16(200));
    QCOMPARE(result.bytesSent, qint64(spec.body.size()));
    QVERIFY(result.detail);
    const QJsonObject echo = QJsonDocument::fromJson(result.detail->bodySample).object();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
    QCOMPARE(echo.value(QStringLiteral("body")).toString(), QString::fromUtf8(spec.body));
    const QJsonObject headers = echo.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("x-trace")).toString(), QStringLiteral("abc 123"));
    QVERIFY(headers.value(QStringLiteral("user-agent"))
                .toString()
                .startsWith(QStringLiteral("rafaga/")));
}

void tst_Run::bodySampleIsCappedButCounted()
{
    RunOptions options;
    options.bodySampleBytes = 1000;
    Run run(repeat(url(QStringLiteral("/bytes/3000000")), 2), options);
    QVERIFY(runToEnd(run));
    for (int i = 0; i < 2; ++i) {
        const Result &result = run.results().at(i);
        QCOMPARE(result.status, quint16(200));
        QCOMPARE(result.bytesReceived, qint64(3000000));
        QVERIFY(result.detail);
        QCOMPARE(result.detail->bodySample.size(), qsizetype(1000));
    }
}

void tst_Run::headRequestsFinish_data()
{
    QTest::addColumn<bool>("fastPath");
    QTest::newRow("fast path") << true;
    QTest::newRow("Qt's stack") << false;
}

void tst_Run::headRequestsFinish()
{
    // A HEAD answer announces a Content-Length but has no body: nothing must wait for one.
    QFETCH(bool, fastPath);
    RequestSpec head = get(url(QStringLiteral("/get")));
    head.method = "HEAD";
    RunOptions options;
    options.concurrency = 2;
    options.timeoutMs = 5000;
    options.fastHttpPath = fastPath;
    Run run(std::make_shared<RequestList>(QList<RequestSpec> {head}, 4), options);
    QVERIFY(runToEnd(run));
    for (int i = 0; i < 4; ++i) {
        const Result &result = run.results().at(i);
        QCOMPARE(result.error, ErrorCategory::None);
        QCOMPARE(result.status, quint16(200));
        QCOMPARE(result.bytesReceived, qint64(0));
    }
}

void tst_Run::tls_data()
{
    QTest::addColumn<bool>("insecure");
    QTest::newRow("verified") << false;
    QTest::newRow("insecure") << true;
}

void tst_Run::tls()
{
    QFETCH(bool, insecure);
    ServerThread tlsServer(true);
    QString error;
    QVERIFY2(tlsServer.start(&error), qPrintable(error));
    QUrl target = tlsServer.baseUrl().resolved(QUrl(QStringLiteral("/get")));
    QCOMPARE(target.scheme(), QStringLiteral("https"));
    RunOptions options;
    options.insecure = insecure;
    Run run(repeat(target, 2), options);
    QVERIFY(runToEnd(run));
    for (int i = 0; i < 2; ++i) {
        const Result &result = run.results().at(i);
        if (insecure) {
            QCOMPARE(result.status, quint16(200));
            QCOMPARE(result.error, ErrorCategory::None);
        } else {
            QCOMPARE(result.error, ErrorCategory::Tls);
            QVERIFY2(
                result.errorMessage().contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
                qPrintable(result.errorMessage()));
        }
    }
    // The first request of a lane opened the connection; TLS finished after it started.
    const Result &first = run.results().at(0);
    QVERIFY(first.connectStartUs >= 0);
    if (insecure)
        QVERIFY(first.tlsDoneUs >= first.connectStartUs);
}

void tst_Run::stopKeepsFinishedResults()
{
    RunOptions options;
    options.concurrency = 5;
    QList<RequestSpec> requests;
    // Five quick ones finish; everything after them is slow and still in flight at the stop.
    for (int i = 0; i < 5; ++i)
        requests.append(get(url(QStringLiteral("/get?i=%1").arg(i))));
    for (int i = 5; i < 40; ++i)
        requests.append(get(url(QStringLiteral("/delay/3000?i=%1").arg(i))));
    Run run(std::make_shared<RequestList>(requests), options);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(run.results().orderedCount() >= 5, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(run.inFlight(), 5, 5000);
    run.stop();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(run.state(), Run::State::Finished);

    const RunStats stats = run.statsSnapshot();
    // Every request is accounted for: 5 answered, 5 aborted in flight, 30 never sent.
    QCOMPARE(stats.completed(), qint64(10));
    QCOMPARE(stats.notSent(), qint64(30));
    QCOMPARE(stats.succeeded(), qint64(5));
    QCOMPARE(stats.errorCount(ErrorCategory::Cancelled), qint64(5)); // the 30 unsent are not errors
    QCOMPARE(stats.errorCount(ErrorCategory::NotSent), qint64(0));
    // Aborts are not latencies of the server.
    QCOMPARE(stats.latency().count(), qint64(5));
    QCOMPARE(run.results().orderedCount(), qint64(40));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(run.results().at(i).status, quint16(200));
    // The five in flight were dispatched; the rest never were.
    QVERIFY(run.results().at(5).dispatchedUs >= 0);
    QCOMPARE(run.results().at(39).dispatchedUs, qint64(-1));
}

void tst_Run::pauseHoldsDispatchAndResumeLosesNothing()
{
    // A server of its own: on a starved machine the shared one may still be reading requests the
    // previous test sent before it stopped, and would count them here.
    ServerThread server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RunOptions options;
    options.concurrency = 4;
    Run run(repeat(server.baseUrl().resolved(QUrl(QStringLiteral("/delay/100"))), 24), options);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(run.results().completedCount() >= 4, 10000);
    run.pause();
    QCOMPARE(run.state(), Run::State::Paused);
    // What was in flight drains; then nothing new goes out.
    QTRY_COMPARE_WITH_TIMEOUT(run.inFlight(), 0, 5000);
    const qint64 sentAtPause = server.server()->requestCount();
    QTest::qWait(400);
    QCOMPARE(server.server()->requestCount(), sentAtPause);
    QVERIFY(run.results().completedCount() < 24);
    run.resume();
    QVERIFY(finished.wait(20000));
    QCOMPARE(run.statsSnapshot().succeeded(), qint64(24));
    QCOMPARE(server.server()->requestCount(), qint64(24));
}

void tst_Run::rateSpacesRequests()
{
    RunOptions options;
    options.concurrency = 10;
    options.rate = 40; // one every 25 ms
    Run run(repeat(url(QStringLiteral("/get")), 21), options);
    QVERIFY(runToEnd(run));
    // Request i is due at i * 25 ms and is not sent before that.
    for (int i = 0; i < 21; ++i) {
        const Result &result = run.results().at(i);
        QCOMPARE(result.scheduledUs, qint64(i) * 25000);
        QVERIFY2(result.dispatchedUs >= result.scheduledUs,
            qPrintable(QStringLiteral("%1: %2 < %3")
                           .arg(i)
                           .arg(result.dispatchedUs)
                           .arg(result.scheduledUs)));
    }
    QVERIFY(run.elapsedUs() >= 500 * 1000);
}

void tst_Run::emptyRunFinishes()
{
    Run run(std::make_shared<RequestList>(QList<RequestSpec> {}), RunOptions());
    QVERIFY(runToEnd(run, 5000));
    QCOMPARE(run.statsSnapshot().completed(), qint64(0));
}

QTEST_GUILESS_MAIN(tst_Run)
#include "tst_run.moc"
