// Tests of a run's outcome words: succeeded, failed, cancelled in flight, not sent, and the stop.
#include "core/stats/runoutcome.h"

#include <QTest>

namespace {
Result sentResult(int status, ErrorCategory error = ErrorCategory::None)
{
    Result result;
    result.dispatchedUs = 10;
    result.finishedUs = 20;
    result.status = status;
    result.error = error;
    return result;
}

Result unsentResult()
{
    Result result; // never dispatched: what a stop leaves behind
    result.error = ErrorCategory::Cancelled;
    return result;
}
} // namespace

class TestRunOutcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aStopSeparatesCancelledAndUnsentFromFailures()
    {
        RunStats stats;
        for (int i = 0; i < 6293; ++i)
            stats.add(sentResult(200), 10);
        for (int i = 0; i < 50; ++i)
            stats.add(sentResult(0, ErrorCategory::Cancelled), 10);
        for (int i = 0; i < 93657; ++i)
            stats.add(unsentResult(), -1);
        QCOMPARE(stats.cancelledInFlight(), 50);

        const RunOutcome outcome = RunOutcome::of(stats, 100000);
        QCOMPARE(outcome.sent, 6343);
        QCOMPARE(outcome.succeeded, 6293);
        QCOMPARE(outcome.failed, 0);
        QCOMPARE(outcome.cancelledInFlight, 50);
        QCOMPARE(outcome.notSent, 93657);
        QVERIFY(outcome.stopped());
        QCOMPARE(outcome.describe(),
            QStringLiteral("stopped at 6,343 of 100,000: 6,293 succeeded, 50 cancelled in flight, "
                           "93,657 not sent"));
    }

    void aRunToTheEndSaysWhatFailed()
    {
        RunStats stats;
        stats.add(sentResult(200), 10);
        stats.add(sentResult(500), 10);
        stats.add(sentResult(0, ErrorCategory::ConnectionRefused), -1);
        const RunOutcome outcome = RunOutcome::of(stats, 3);
        QVERIFY(!outcome.stopped());
        QCOMPARE(outcome.failed, 2);
        QCOMPARE(outcome.describe(), QStringLiteral("1 succeeded, 2 failed"));
        QCOMPARE(outcome.succeeded + outcome.failed + outcome.cancelledInFlight + outcome.notSent,
            outcome.requests);
    }
};

QTEST_APPLESS_MAIN(TestRunOutcome)
#include "tst_runoutcome.moc"
