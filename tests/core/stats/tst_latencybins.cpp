// Tests of the chart binning: histogram buckets regrouped into equal log-width bins, 1-2-5 log
// ticks and a log range that fits the data.
#include "core/stats/histogram.h"
#include "core/stats/latencybins.h"

#include <QTest>

#include <cmath>

class TestLatencyBins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyHistogramHasNoBins()
    {
        const Histogram empty;
        QCOMPARE(LatencyBins::usedBuckets(empty), std::make_pair(-1, -1));
        QVERIFY(LatencyBins::regroup(empty, -1, -1, 10).isEmpty());
    }

    void binsCountEveryValueAndShareOneWidth()
    {
        Histogram histogram;
        for (qint64 us = 100; us <= 1000000; us = us * 11 / 10)
            histogram.record(us);
        const auto [first, last] = LatencyBins::usedBuckets(histogram);
        QCOMPARE(first, Histogram::bucketFor(100));
        QCOMPARE(last, Histogram::bucketFor(histogram.max()));
        const QList<LatencyBins::Bin> bins = LatencyBins::regroup(histogram, first, last, 20);
        QVERIFY(bins.size() <= 20);
        QVERIFY(bins.size() >= 19);
        qint64 total = 0;
        const double width = std::log(bins.first().upperMs / bins.first().lowerMs);
        for (qsizetype i = 0; i < bins.size(); ++i) {
            total += bins.at(i).count;
            QVERIFY(std::abs(std::log(bins.at(i).upperMs / bins.at(i).lowerMs) - width) < 1e-9);
            if (i > 0) // bins touch: one's upper edge is the next one's lower edge
                QVERIFY(std::abs(bins.at(i).lowerMs / bins.at(i - 1).upperMs - 1) < 1e-9);
        }
        QCOMPARE(total, histogram.count());
        // The recorded extremes lie inside the first and last bins.
        QVERIFY(bins.first().lowerMs < 0.1 && bins.first().upperMs >= 0.1);
        QVERIFY(bins.last().upperMs >= double(histogram.max()) / 1000.0);
    }

    void twoHistogramsOverOneRangeLineUp()
    {
        Histogram fast;
        Histogram slow;
        fast.record(1000);
        slow.record(50000);
        const int first = Histogram::bucketFor(1000);
        const int last = Histogram::bucketFor(50000);
        const QList<LatencyBins::Bin> a = LatencyBins::regroup(fast, first, last, 15);
        const QList<LatencyBins::Bin> b = LatencyBins::regroup(slow, first, last, 15);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            QCOMPARE(a.at(i).lowerMs, b.at(i).lowerMs);
        QCOMPARE(a.first().count, 1);
        QCOMPARE(b.last().count, 1);
    }

    void logTicksAreOneTwoFive_data()
    {
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("upper");
        QTest::addColumn<QList<double>>("ticks");
        QTest::newRow("a 50 ms run") << 30.0 << 80.0 << QList<double> {50};
        QTest::newRow("one decade") << 0.9 << 11.0 << QList<double> {1, 2, 5, 10};
        QTest::newRow("below a millisecond") << 0.09 << 0.6 << QList<double> {0.1, 0.2, 0.5};
        QTest::newRow("three decades thin to 1 and 5")
            << 1.0 << 1000.0 << QList<double> {1, 5, 10, 50, 100, 500, 1000};
        QTest::newRow("six decades thin to powers of ten")
            << 0.001 << 1000.0 << QList<double> {0.001, 0.01, 0.1, 1, 10, 100, 1000};
    }
    void logTicksAreOneTwoFive()
    {
        QFETCH(double, lower);
        QFETCH(double, upper);
        QFETCH(QList<double>, ticks);
        QCOMPARE(LatencyBins::logTicks(lower, upper), ticks);
    }

    void logTicksNeverPileUp()
    {
        // The old ticker gave 400, 500, 600, 700 for a narrow range: never more than asked for.
        for (double lower = 0.001; lower < 1e5; lower *= 3.7) {
            for (double ratio : {1.5, 4.0, 30.0, 1e4, 1e8}) {
                const QList<double> ticks = LatencyBins::logTicks(lower, lower * ratio, 8);
                QVERIFY(ticks.size() <= 8);
                for (double tick : ticks) {
                    const double mantissa = tick / std::pow(10.0, std::floor(std::log10(tick)));
                    QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6
                            || std::abs(mantissa - 5) < 1e-6,
                        qPrintable(QString::number(tick)));
                }
            }
        }
        QVERIFY(LatencyBins::logTicks(0, 10).isEmpty());
        QVERIFY(LatencyBins::logTicks(10, 5).isEmpty());
    }

    void fittedRangeHoldsTheDataWithoutWasting()
    {
        // A run between 40 and 60 ms: the data fills a good part of the axis, not its bottom tenth.
        const auto [lower, upper] = LatencyBins::fittedLogRange(40, 60);
        QVERIFY(lower < 40 && upper > 60);
        const double share = std::log(60.0 / 40) / std::log(upper / lower);
        QVERIFY2(share > 0.2, qPrintable(QString::number(share)));
        QVERIFY(upper / lower <= 10);
        // Two labelled ticks at least: 20 … 100 around 40 … 60.
        QCOMPARE(LatencyBins::logTicks(lower, upper), (QList<double> {20, 50, 100}));
        // A wide range only gets the margin.
        const auto [wideLower, wideUpper] = LatencyBins::fittedLogRange(1, 1000);
        QVERIFY(std::abs(wideLower - 0.8) < 1e-9 && std::abs(wideUpper - 1250) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestLatencyBins)
#include "tst_latencybins.moc"
