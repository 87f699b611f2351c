// Tests of the latency histogram: percentiles against exact ones, merging, empty and cleared
// states.
#include "core/stats/histogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace {

constexpr int SampleSize = 100000;

// The quantile definition documented in histogram.h (nearest rank), computed on sorted values.
double exactQuantile(const QList<qint64> &sorted, double q)
{
    const double qn = q * double(sorted.size());
    const double nearest = std::round(qn);
    // q * n meant as an integer (0.07 * 100) must not round up because of floating-point noise.
    qint64 rank = std::abs(qn - nearest) < 1e-9 ? qint64(nearest) : qint64(std::ceil(qn));
    rank = qBound<qint64>(1, rank, sorted.size());
    return double(sorted.at(rank - 1));
}

// Within the histogram's relative accuracy; the tiny slack absorbs rounding in the bucket maths,
// and leaves no room for a 0 µs value to be reported as 1 µs.
bool closeEnough(double got, double exact)
{
    return std::abs(got - exact) <= (Histogram::RelativeAccuracy + 1e-9) * exact + 1e-9;
}

Histogram histogramOf(const QList<qint64> &values)
{
    Histogram h;
    for (qint64 v : values)
        h.record(v);
    return h;
}

QList<double> quantilesToCheck()
{
    QList<double> qs = {0.5, 0.9, 0.95, 0.99, 0.999, 0.9999};
    for (int i = 0; i <= 1000; ++i)
        qs.append(i / 1000.0);
    return qs;
}

QString describe(double q, double got, double exact)
{
    return QStringLiteral("q=%1: got %2, exact %3")
        .arg(q)
        .arg(got, 0, 'f', 3)
        .arg(exact, 0, 'f', 3);
}

} // namespace

class TestHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentiles_data();
    void percentiles();
    void bucketsStayWithinAccuracy();
    void zeroReportsZero();
    void nearestRank_data();
    void nearestRank();
    void rankIgnoresFloatingPointNoise();
    void outOfRangeValues();
    void mergeOfHalvesEqualsWhole_data() { percentiles_data(); }
    void mergeOfHalvesEqualsWhole();
    void mergeWithEmpty();
    void emptyReportsZeros();
    void clearForgetsEverything();
};

void TestHistogram::percentiles_data()
{
    QTest::addColumn<QList<qint64>>("values");

    std::mt19937_64 rng(20240611);
    auto generate = [&](auto &&next) {
        QList<qint64> values;
        values.reserve(SampleSize);
        for (int i = 0; i < SampleSize; ++i)
            values.append(qMax<qint64>(0, next()));
        return values;
    };

    std::uniform_int_distribution<qint64> uniform(1, 1000000);
    QTest::newRow("uniform 1 µs..1 s") << generate([&] { return uniform(rng); });

    std::exponential_distribution<double> exponential(1.0 / 20000);
    QTest::newRow("exponential, mean 20 ms")
        << generate([&] { return std::llround(exponential(rng)); });

    std::lognormal_distribution<double> lognormal(std::log(30000.0), 1.0);
    QTest::newRow("log-normal, median 30 ms")
        << generate([&] { return std::llround(lognormal(rng)); });

    QTest::newRow("constant 1234 µs") << generate([] { return qint64(1234); });

    std::bernoulli_distribution slowOne(0.1);
    std::normal_distribution<double> fast(800, 100);
    std::normal_distribution<double> slow(250000, 30000);
    QTest::newRow("bimodal 800 µs / 250 ms")
        << generate([&] { return std::llround(slowOne(rng) ? slow(rng) : fast(rng)); });

    std::uniform_int_distribution<qint64> tiny(0, 5);
    QTest::newRow("tiny 0..5 µs") << generate([&] { return tiny(rng); });

    std::uniform_int_distribution<qint64> huge(60LL * 1000000, 10LL * 3600 * 1000000);
    QTest::newRow("huge 1 min..10 h") << generate([&] { return huge(rng); });

    // Every bucket from 1 µs to 10 h gets its share.
    std::uniform_real_distribution<double> logUniform(0, std::log(10.0 * 3600 * 1000000));
    QTest::newRow("log-uniform 1 µs..10 h")
        << generate([&] { return std::llround(std::exp(logUniform(rng))); });
}

void TestHistogram::percentiles()
{
    QFETCH(QList<qint64>, values);
    const Histogram h = histogramOf(values);
    QList<qint64> sorted = values;
    std::sort(sorted.begin(), sorted.end());

    QCOMPARE(h.count(), qint64(values.size()));
    QCOMPARE(h.min(), sorted.first());
    QCOMPARE(h.max(), sorted.last());
    const qint64 sum = std::accumulate(values.cbegin(), values.cend(), qint64(0));
    QCOMPARE(h.sum(), sum);
    QCOMPARE(h.mean(), double(sum) / double(values.size()));

    const QList<double> qs = quantilesToCheck();
    for (double q : qs) {
        const double got = h.quantile(q);
        const double exact = exactQuantile(sorted, q);
        QVERIFY2(closeEnough(got, exact), qPrintable(describe(q, got, exact)));
    }
    // The ends are exact, not just close.
    QCOMPARE(h.quantile(0.0), double(sorted.first()));
    QCOMPARE(h.quantile(1.0), double(sorted.last()));
}

void TestHistogram::bucketsStayWithinAccuracy()
{
    const Histogram h;
    QCOMPARE(Histogram::bucketFor(0), 0);
    QCOMPARE(h.bucketValue(0), 0.0);

    QList<qint64> values;
    for (qint64 v = 1; v <= 200000; ++v)
        values.append(v);
    // Then geometrically up to 35 h, where the last bucket ends.
    for (double v = 200000; v <= 35.0 * 3600 * 1000000; v *= 1.003)
        values.append(qint64(v));

    int previous = 0;
    for (qint64 v : std::as_const(values)) {
        const int bucket = Histogram::bucketFor(v);
        QVERIFY2(
            bucket >= previous, qPrintable(QStringLiteral("bucket order broken at %1").arg(v)));
        QVERIFY(bucket < h.bucketCount());
        const double reported = h.bucketValue(bucket);
        QVERIFY2(closeEnough(reported, double(v)),
            qPrintable(QStringLiteral("%1 µs reported as %2").arg(v).arg(reported)));
        previous = bucket;
    }
}

void TestHistogram::zeroReportsZero()
{
    QVERIFY(Histogram::bucketFor(1) != Histogram::bucketFor(0));
    Histogram h;
    for (qint64 v : {0, 0, 0, 1, 0, 0, 3})
        h.record(v);
    // Five of the seven values are 0: every quantile up to 5/7 is 0, not 1 µs.
    QCOMPARE(h.quantile(0.5), 0.0);
    QCOMPARE(h.quantile(5.0 / 7), 0.0);
    QVERIFY(closeEnough(h.quantile(6.0 / 7), 1.0));
    QCOMPARE(h.quantile(1.0), 3.0);
}

void TestHistogram::nearestRank_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");
    // Values 10, 20, 30, 40: the k-th smallest with k = ceil(q * 4), at least 1.
    QTest::newRow("q=0 is the smallest") << 0.0 << 10.0;
    QTest::newRow("q=0.25 is the first") << 0.25 << 10.0;
    QTest::newRow("just above 0.25 is the second") << 0.26 << 20.0;
    QTest::newRow("median is the lower middle") << 0.5 << 20.0;
    QTest::newRow("just above the median") << 0.51 << 30.0;
    QTest::newRow("q=0.75") << 0.75 << 30.0;
    QTest::newRow("q=0.9") << 0.9 << 40.0;
    QTest::newRow("q=1 is the largest") << 1.0 << 40.0;
    QTest::newRow("q below 0 is clamped") << -0.5 << 10.0;
    QTest::newRow("q above 1 is clamped") << 1.5 << 40.0;
}

void TestHistogram::nearestRank()
{
    QFETCH(double, q);
    QFETCH(double, expected);
    Histogram h;
    for (qint64 v : {30, 10, 40, 20})
        h.record(v);
    const double got = h.quantile(q);
    QVERIFY2(closeEnough(got, expected), qPrintable(describe(q, got, expected)));
}

void TestHistogram::rankIgnoresFloatingPointNoise()
{
    // 1..100 once each: q = k / 100 must give k, although k / 100.0 * 100 is not always exactly k.
    QList<qint64> values;
    for (qint64 v = 100; v >= 1; --v)
        values.append(v);
    const Histogram h = histogramOf(values);
    for (int k = 1; k <= 100; ++k) {
        const double q = k / 100.0;
        const double got = h.quantile(q);
        QVERIFY2(closeEnough(got, k), qPrintable(describe(q, got, k)));
    }
}

void TestHistogram::outOfRangeValues()
{
    Histogram h;
    const qint64 twoWeeks = 14LL * 24 * 3600 * 1000000;
    h.record(twoWeeks);
    QCOMPARE(Histogram::bucketFor(twoWeeks), h.bucketCount() - 1);
    QCOMPARE(h.bucketCountAt(h.bucketCount() - 1), qint64(1));
    QCOMPARE(h.max(), twoWeeks);
    QCOMPARE(h.quantile(0.5), double(twoWeeks)); // clamped to the exact min and max

    h.record(-5); // a clock going backwards counts as 0, it does not corrupt min or the sum
    QCOMPARE(h.min(), qint64(0));
    QCOMPARE(h.sum(), twoWeeks);
    QCOMPARE(h.bucketCountAt(0), qint64(1));
    QCOMPARE(h.quantile(0.5), 0.0);
}

void TestHistogram::mergeOfHalvesEqualsWhole()
{
    QFETCH(QList<qint64>, values);
    // Split sorted, so that the minimum lives only in one half and the maximum only in the other.
    QList<qint64> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype half = sorted.size() / 3;
    const Histogram whole = histogramOf(values);
    const Histogram low = histogramOf(sorted.mid(0, half));
    const Histogram high = histogramOf(sorted.mid(half));

    Histogram lowThenHigh = low;
    lowThenHigh.merge(high);
    Histogram highThenLow = high;
    highThenLow.merge(low);

    for (const Histogram *merged : {&lowThenHigh, &highThenLow}) {
        QCOMPARE(merged->count(), whole.count());
        QCOMPARE(merged->sum(), whole.sum());
        QCOMPARE(merged->min(), whole.min());
        QCOMPARE(merged->max(), whole.max());
        QCOMPARE(merged->mean(), whole.mean());
        for (int i = 0; i < whole.bucketCount(); ++i)
            QCOMPARE(merged->bucketCountAt(i), whole.bucketCountAt(i));
        const QList<double> qs = quantilesToCheck();
        for (double q : qs)
            QCOMPARE(merged->quantile(q), whole.quantile(q));
    }
}

void TestHistogram::mergeWithEmpty()
{
    QList<qint64> values;
    for (qint64 v = 100; v <= 200; ++v)
        values.append(v);
    const Histogram filled = histogramOf(values);

    Histogram intoFilled = filled;
    intoFilled.merge(Histogram());
    Histogram intoEmpty;
    intoEmpty.merge(filled);

    for (const Histogram *h : {&intoFilled, &intoEmpty}) {
        QCOMPARE(h->count(), qint64(101));
        QCOMPARE(h->min(), qint64(100)); // not the empty one's placeholder 0
        QCOMPARE(h->max(), qint64(200));
        QCOMPARE(h->sum(), filled.sum());
        QCOMPARE(h->quantile(0.5), filled.quantile(0.5));
    }
}

void TestHistogram::emptyReportsZeros()
{
    const Histogram h;
    QCOMPARE(h.count(), qint64(0));
    QCOMPARE(h.sum(), qint64(0));
    QCOMPARE(h.min(), qint64(0));
    QCOMPARE(h.max(), qint64(0));
    QCOMPARE(h.mean(), 0.0);
    for (double q : {0.0, 0.5, 0.99, 1.0})
        QCOMPARE(h.quantile(q), 0.0);
    for (int i = 0; i < h.bucketCount(); ++i)
        QCOMPARE(h.bucketCountAt(i), qint64(0));
}

void TestHistogram::clearForgetsEverything()
{
    Histogram h;
    for (qint64 v = 500; v <= 1000; ++v)
        h.record(v);
    h.clear();
    QCOMPARE(h.count(), qint64(0));
    QCOMPARE(h.sum(), qint64(0));
    QCOMPARE(h.min(), qint64(0));
    QCOMPARE(h.max(), qint64(0));
    QCOMPARE(h.quantile(0.5), 0.0);
    for (int i = 0; i < h.bucketCount(); ++i)
        QCOMPARE(h.bucketCountAt(i), qint64(0));

    // The old range must not leak into the next recording.
    h.record(2000);
    QCOMPARE(h.count(), qint64(1));
    QCOMPARE(h.min(), qint64(2000));
    QCOMPARE(h.max(), qint64(2000));
    QCOMPARE(h.quantile(0.0), 2000.0);
    QCOMPARE(h.mean(), 2000.0);
}

QTEST_GUILESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
