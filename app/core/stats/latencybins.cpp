// A latency histogram regrouped for charts: equal-width bins on a log axis, and 1-2-5 log ticks.
#include "core/stats/latencybins.h"

#include "core/stats/histogram.h"

#include <cmath>

namespace LatencyBins {

namespace {
constexpr double Gamma = (1.0 + Histogram::RelativeAccuracy) / (1.0 - Histogram::RelativeAccuracy);
constexpr double Margin = 1.25; // room beyond the data on each side of a log axis

double niceValue(double mantissa, int decade)
{
    // Divided rather than multiplied below 1, so 2 / 10 is exactly the double 0.2.
    return decade >= 0 ? mantissa * std::pow(10.0, decade) : mantissa / std::pow(10.0, -decade);
}

/// The largest 1-2-5 value at or below value (> 0).
double niceBelow(double value)
{
    const int decade = int(std::floor(std::log10(value)));
    for (double mantissa : {5.0, 2.0, 1.0}) {
        if (niceValue(mantissa, decade) <= value)
            return niceValue(mantissa, decade);
    }
    return niceValue(5, decade - 1);
}

/// The smallest 1-2-5 value at or above value (> 0).
double niceAbove(double value)
{
    const int decade = int(std::floor(std::log10(value)));
    for (double mantissa : {1.0, 2.0, 5.0}) {
        if (niceValue(mantissa, decade) >= value)
            return niceValue(mantissa, decade);
    }
    return niceValue(1, decade + 1);
}
} // namespace

double bucketEdgeMs(int bucket)
{
    return std::pow(Gamma, bucket) / 1000.0;
}

std::pair<int, int> usedBuckets(const Histogram &histogram)
{
    if (histogram.count() == 0)
        return {-1, -1};
    // The exact min and max say where the non-empty buckets begin and end.
    return {Histogram::bucketFor(histogram.min()), Histogram::bucketFor(histogram.max())};
}

QList<Bin> regroup(const Histogram &histogram, int firstBucket, int lastBucket, int maxBins)
{
    QList<Bin> bins;
    if (firstBucket < 0 || lastBucket < firstBucket || maxBins < 1)
        return bins;
    const int buckets = lastBucket - firstBucket + 1;
    const int group = (buckets + maxBins - 1) / maxBins;
    for (int start = firstBucket; start <= lastBucket; start += group) {
        // Every bin spans `group` buckets, the last one included, so all bins are equally wide.
        const int end = start + group - 1;
        Bin bin;
        bin.lowerMs = bucketEdgeMs(start - 1);
        bin.upperMs = bucketEdgeMs(end);
        for (int b = start; b <= qMin(end, lastBucket); ++b)
            bin.count += histogram.bucketCountAt(b);
        bins.append(bin);
    }
    return bins;
}

QList<double> logTicks(double lower, double upper, int maxTicks)
{
    QList<double> ticks;
    if (!(lower > 0) || !(upper > lower))
        return ticks;
    const int firstDecade = int(std::floor(std::log10(lower)));
    const int lastDecade = int(std::ceil(std::log10(upper)));
    // Each step keeps fewer multipliers per decade; the last keeps one tick every few decades.
    const QList<QList<double>> steps = {{1, 2, 5}, {1, 5}, {1}};
    for (const QList<double> &multipliers : steps) {
        ticks.clear();
        for (int decade = firstDecade; decade <= lastDecade; ++decade) {
            for (double multiplier : multipliers) {
                const double value = niceValue(multiplier, decade);
                if (value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9))
                    ticks.append(value);
            }
        }
        if (ticks.size() <= maxTicks)
            return ticks;
    }
    // Many decades: every k-th power of ten.
    const qsizetype every = (ticks.size() + maxTicks - 1) / maxTicks;
    QList<double> thinned;
    for (qsizetype i = 0; i < ticks.size(); i += every)
        thinned.append(ticks.at(i));
    return thinned;
}

std::pair<double, double> fittedLogRange(double lowMs, double highMs, double minRatio)
{
    double lower = qMax(lowMs, 1e-3) / Margin;
    double upper = qMax(highMs, lowMs) * Margin;
    if (upper / lower < minRatio) {
        const double widen = std::sqrt(minRatio / (upper / lower));
        lower /= widen;
        upper *= widen;
    }
    if (logTicks(lower, upper).size() < 2) {
        // Out to the neighbouring 1-2-5 values, so the axis has two labels to read it by.
        lower = niceBelow(lower);
        upper = niceAbove(upper);
    }
    return {lower, upper};
}

} // namespace LatencyBins
