// A latency histogram regrouped for charts: equal-width bins on a log axis, and 1-2-5 log ticks.
#pragma once

#include <QList>

#include <utility>

class Histogram;

namespace LatencyBins {

/// At most this many bars in a latency histogram chart; neighbouring buckets are merged.
constexpr int DefaultMaxBins = 60;

/// One bar of a latency histogram regrouped for display; edges in milliseconds.
struct Bin
{
    double lowerMs = 0;
    double upperMs = 0;
    qint64 count = 0;
};

/// Upper edge of histogram bucket i in milliseconds: bucket i holds (gamma^(i-1), gamma^i] µs.
double bucketEdgeMs(int bucket);

/// The first and last non-empty bucket; {-1, -1} for an empty histogram.
std::pair<int, int> usedBuckets(const Histogram &histogram);

/// Merges buckets [firstBucket, lastBucket] of a histogram into at most maxBins bins of equal
/// width on a log scale. Empty bins are kept, so two histograms regrouped over the same range line
/// up bin for bin.
QList<Bin> regroup(const Histogram &histogram, int firstBucket, int lastBucket, int maxBins);

/// Tick positions for a log axis over [lower, upper] (both > 0): 1, 2 and 5 times each power of
/// ten inside the range, thinned to 1 and 5, then to powers of ten, while there are more than
/// maxTicks. At least two ticks whenever the range holds two 1-2-5 values.
QList<double> logTicks(double lower, double upper, int maxTicks = 8);

/// A log axis range that fits [lowMs, highMs] with a little margin on both sides, at least
/// minRatio wide (upper / lower), so a narrow distribution does not fill the plot with one value,
/// and reaching out to the neighbouring 1-2-5 values when fewer than two ticks fall inside.
std::pair<double, double> fittedLogRange(double lowMs, double highMs, double minRatio = 4);

} // namespace LatencyBins
