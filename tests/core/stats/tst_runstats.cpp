// Tests of a run's statistics: outcome counts, status codes, error categories, bytes, per-second
// series and the most requests in flight.
#include "core/stats/runstats.h"

#include <QTest>

#include <random>

namespace {

constexpr qint64 Second = 1000000;

// A finished result: dispatched 50 ms before it finished, headers 10 ms later when it got an
// answer.
Result finishedResult(qint64 finishedUs, quint16 status, ErrorCategory error = ErrorCategory::None)
{
    Result r;
    r.finishedUs = finishedUs;
    r.dispatchedUs = qMax<qint64>(0, finishedUs - 50000);
    r.scheduledUs = r.dispatchedUs;
    if (status > 0)
        r.headersUs = r.dispatchedUs + 10000;
    r.status = status;
    r.error = error;
    return r;
}

QList<ErrorCategory> allCategories()
{
    QList<ErrorCategory> categories;
    for (int i = 0; i < ErrorCategoryCount; ++i)
        categories.append(ErrorCategory(i));
    return categories;
}

} // namespace

class TestRunStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void classifiesOneResult_data();
    void classifiesOneResult();
    void tallyOfAMixedRun();
    void perSecondBoundaries_data();
    void perSecondBoundaries();
    void latencyAndTtfbOnlyWhenKnown();
    void lastFinishedIsTheLatest();
    void maxInFlight();
    void copyIsASnapshot();
};

void TestRunStats::startsEmpty()
{
    const RunStats stats;
    QCOMPARE(stats.completed(), qint64(0));
    QCOMPARE(stats.failed(), qint64(0));
    QCOMPARE(stats.maxInFlight(), 0);
    QVERIFY(stats.statusCodes().isEmpty());
    QVERIFY(stats.perSecond().isEmpty());
    QCOMPARE(stats.latency().count(), qint64(0));
}

void TestRunStats::classifiesOneResult_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("error"); // an ErrorCategory
    QTest::addColumn<bool>("succeeded");

    auto none = int(ErrorCategory::None);
    QTest::newRow("200 OK") << 200 << none << true;
    QTest::newRow("204 No Content") << 204 << none << true;
    QTest::newRow("304 Not Modified") << 304 << none << true;
    QTest::newRow("399, the last success") << 399 << none << true;
    QTest::newRow("400 Bad Request") << 400 << none << false;
    QTest::newRow("404 Not Found") << 404 << none << false;
    QTest::newRow("500 Internal Server Error") << 500 << none << false;
    QTest::newRow("503 Service Unavailable") << 503 << none << false;
    QTest::newRow("connection refused") << 0 << int(ErrorCategory::ConnectionRefused) << false;
    QTest::newRow("host not found") << 0 << int(ErrorCategory::HostNotFound) << false;
    QTest::newRow("timeout") << 0 << int(ErrorCategory::Timeout) << false;
    QTest::newRow("TLS") << 0 << int(ErrorCategory::Tls) << false;
    QTest::newRow("too many redirects") << 302 << int(ErrorCategory::TooManyRedirects) << false;
    QTest::newRow("cancelled") << 0 << int(ErrorCategory::Cancelled) << false;
    QTest::newRow("reset after a 200's headers")
        << 200 << int(ErrorCategory::ConnectionClosed) << false;
    QTest::newRow("neither answer nor error") << 0 << none << false;
}

void TestRunStats::classifiesOneResult()
{
    QFETCH(int, status);
    QFETCH(int, error);
    QFETCH(bool, succeeded);
    const auto category = ErrorCategory(error);

    RunStats stats;
    stats.add(finishedResult(300000, quint16(status), category), 50000);

    QCOMPARE(stats.completed(), qint64(1));
    QCOMPARE(stats.succeeded(), qint64(succeeded ? 1 : 0));
    QCOMPARE(stats.failed(), qint64(succeeded ? 0 : 1));

    QMap<int, qint64> expectedCodes;
    if (status > 0)
        expectedCodes.insert(status, 1);
    QCOMPARE(stats.statusCodes(), expectedCodes);

    const QList<ErrorCategory> categories = allCategories();
    for (ErrorCategory c : categories) {
        const qint64 expected = c == category && c != ErrorCategory::None ? 1 : 0;
        QCOMPARE(stats.errorCount(c), expected);
    }

    QCOMPARE(stats.perSecond().size(), 1);
    QCOMPARE(stats.perSecond().at(0).completed, qint64(1));
    QCOMPARE(stats.perSecond().at(0).errors, qint64(succeeded ? 0 : 1));
}

void TestRunStats::tallyOfAMixedRun()
{
    struct Kind
    {
        int howMany;
        quint16 status;
        ErrorCategory error;
    };
    const Kind kinds[] = {
        {60, 200, ErrorCategory::None},
        {10, 301, ErrorCategory::None},
        {12, 404, ErrorCategory::None},
        {8, 500, ErrorCategory::None},
        {5, 0, ErrorCategory::ConnectionRefused},
        {3, 0, ErrorCategory::Timeout},
        {2, 200, ErrorCategory::ConnectionClosed},
    };

    // Spread over six seconds in a shuffled order, with varying bytes and retries; the expected
    // figures are tallied here from the inputs.
    std::mt19937 rng(7);
    std::uniform_int_distribution<qint64> when(0, 6 * Second - 1);
    std::uniform_int_distribution<qint64> size(0, 100000);
    std::uniform_int_distribution<int> retries(0, 3);
    QList<Result> results;
    for (const Kind &kind : kinds) {
        for (int i = 0; i < kind.howMany; ++i) {
            Result r = finishedResult(when(rng), kind.status, kind.error);
            r.bytesReceived = kind.status ? size(rng) : 0;
            r.bytesSent = size(rng);
            r.retries = quint8(retries(rng));
            results.append(r);
        }
    }
    std::shuffle(results.begin(), results.end(), rng);

    RunStats stats;
    qint64 succeeded = 0, bytesReceived = 0, bytesSent = 0, retried = 0;
    QMap<int, qint64> codes;
    qint64 errors[ErrorCategoryCount] = {};
    QList<SecondSample> seconds(6);
    for (const Result &r : std::as_const(results)) {
        stats.add(r, r.latencyUs());
        const bool ok = r.error == ErrorCategory::None && r.status > 0 && r.status < 400;
        succeeded += ok;
        bytesReceived += r.bytesReceived;
        bytesSent += r.bytesSent;
        retried += r.retries;
        if (r.status)
            ++codes[r.status];
        ++errors[int(r.error)];
        SecondSample &second = seconds[r.finishedUs / Second];
        ++second.completed;
        second.errors += !ok;
    }

    QCOMPARE(stats.completed(), qint64(results.size()));
    QCOMPARE(stats.succeeded(), succeeded);
    QCOMPARE(stats.failed(), qint64(results.size()) - succeeded);
    QCOMPARE(stats.bytesReceived(), bytesReceived);
    QCOMPARE(stats.bytesSent(), bytesSent);
    QCOMPARE(stats.retries(), retried);
    QCOMPARE(stats.statusCodes(), codes);
    const QList<ErrorCategory> categories = allCategories();
    for (ErrorCategory c : categories) {
        if (c != ErrorCategory::None)
            QCOMPARE(stats.errorCount(c), errors[int(c)]);
    }
    QCOMPARE(stats.errorCount(ErrorCategory::None), qint64(0));

    QCOMPARE(stats.perSecond().size(), seconds.size());
    for (qsizetype i = 0; i < seconds.size(); ++i) {
        QCOMPARE(stats.perSecond().at(i).completed, seconds.at(i).completed);
        QCOMPARE(stats.perSecond().at(i).errors, seconds.at(i).errors);
    }
    QCOMPARE(stats.latency().count(), qint64(results.size()));
}

void TestRunStats::perSecondBoundaries_data()
{
    QTest::addColumn<qint64>("finishedUs");
    QTest::addColumn<int>("second");
    QTest::newRow("start") << qint64(0) << 0;
    QTest::newRow("end of the first second") << Second - 1 << 0;
    QTest::newRow("start of the second second") << Second << 1;
    QTest::newRow("just after") << Second + 1 << 1;
    QTest::newRow("half way through the fourth") << 3 * Second + Second / 2 << 3;
    QTest::newRow("end of the first minute") << 60 * Second - 1 << 59;
    QTest::newRow("an hour in") << 3600 * Second << 3600;
    QTest::newRow("never finished counts at the start") << qint64(-1) << 0;
}

void TestRunStats::perSecondBoundaries()
{
    QFETCH(qint64, finishedUs);
    QFETCH(int, second);
    RunStats stats;
    stats.add(finishedResult(finishedUs, 200), 1000);

    const QList<SecondSample> &series = stats.perSecond();
    QCOMPARE(series.size(), second + 1);
    for (int i = 0; i < series.size(); ++i)
        QCOMPARE(series.at(i).completed, qint64(i == second ? 1 : 0));
}

void TestRunStats::latencyAndTtfbOnlyWhenKnown()
{
    RunStats stats;
    Result answered = finishedResult(2 * Second, 200);
    answered.dispatchedUs = Second;
    answered.headersUs = Second + 300000;
    stats.add(answered, 2 * Second - 900000);

    Result refused = finishedResult(3 * Second, 0, ErrorCategory::ConnectionRefused);
    stats.add(refused, 40000); // no headers: no time to first byte

    Result neverDispatched = finishedResult(3 * Second, 0, ErrorCategory::NotSent);
    neverDispatched.dispatchedUs = -1;
    stats.add(neverDispatched, neverDispatched.latencyUs()); // -1: no latency either

    // A request never sent is accounted for apart from those that were.
    QCOMPARE(stats.completed(), qint64(2));
    QCOMPARE(stats.notSent(), qint64(1));
    QCOMPARE(stats.errorCount(ErrorCategory::NotSent), qint64(0)); // a stop's, not an error
    QCOMPARE(stats.latency().count(), qint64(2));
    QCOMPARE(stats.latency().min(), qint64(40000));
    QCOMPARE(stats.latency().max(), qint64(1100000));
    QCOMPARE(stats.ttfb().count(), qint64(1));
    QCOMPARE(stats.ttfb().min(), qint64(300000));
}

void TestRunStats::lastFinishedIsTheLatest()
{
    RunStats stats;
    QCOMPARE(stats.lastFinishedUs(), qint64(0));
    stats.add(finishedResult(1500000, 200), 1000);
    QCOMPARE(stats.lastFinishedUs(), qint64(1500000));
    stats.add(finishedResult(3200000, 200), 1000);
    stats.add(finishedResult(2100000, 200), 1000); // handed over late
    QCOMPARE(stats.lastFinishedUs(), qint64(3200000));
}

void TestRunStats::maxInFlight()
{
    RunStats stats;
    const struct
    {
        qint64 atUs;
        int inFlight;
    } notes[] = {
        {0, 1},
        {200000, 5},
        {900000, 12},
        {950000, 4},
        {Second + 200000, 3},
        {3 * Second - 1, 8},
        {3 * Second, 2},
        // nothing in the fourth second
        {5 * Second + 10, 6},
    };
    for (const auto &note : notes)
        stats.noteInFlight(note.atUs, note.inFlight);

    QCOMPARE(stats.maxInFlight(), 12);
    const QList<int> expected = {12, 3, 8, 2, 0, 6};
    QCOMPARE(stats.perSecond().size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(stats.perSecond().at(i).maxInFlight, expected.at(i));
    // Noting is not completing.
    QCOMPARE(stats.completed(), qint64(0));
    QCOMPARE(stats.perSecond().at(0).completed, qint64(0));

    // Completions and in-flight notes of the same second share one sample.
    stats.add(finishedResult(Second + 500000, 404), 1000);
    QCOMPARE(stats.perSecond().size(), expected.size());
    QCOMPARE(stats.perSecond().at(1).maxInFlight, 3);
    QCOMPARE(stats.perSecond().at(1).completed, qint64(1));
    QCOMPARE(stats.perSecond().at(1).errors, qint64(1));
}

void TestRunStats::copyIsASnapshot()
{
    RunStats stats;
    stats.add(finishedResult(100000, 200), 1000);
    stats.noteInFlight(100000, 4);
    const RunStats snapshot = stats;

    stats.add(finishedResult(2 * Second, 500), 5000);
    stats.noteInFlight(2 * Second, 9);

    QCOMPARE(snapshot.completed(), qint64(1));
    QCOMPARE(snapshot.failed(), qint64(0));
    QCOMPARE(snapshot.statusCodes().size(), 1);
    QCOMPARE(snapshot.perSecond().size(), 1);
    QCOMPARE(snapshot.maxInFlight(), 4);
    QCOMPARE(snapshot.latency().count(), qint64(1));
    QCOMPARE(snapshot.latency().max(), qint64(1000));
    QCOMPARE(stats.completed(), qint64(2));
    QCOMPARE(stats.perSecond().size(), 3);
}

QTEST_GUILESS_MAIN(TestRunStats)
#include "tst_runstats.moc"
