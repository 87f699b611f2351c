// A log-bucketed latency histogram: constant memory, mergeable, percentiles within 1%.
#pragma once

#include <QtGlobal>

#include <array>

/// Records non-negative durations in microseconds. Bucket i covers (gamma^(i-1), gamma^i] with
/// gamma = (1 + a) / (1 - a), a = 0.01, and reports 2 gamma^i / (gamma + 1) for it, so every
/// percentile is within 1% of a value that was recorded (the bucket scheme of DDSketch). Values
/// below 1 µs share bucket 0, which reports 0 (negative values count as 0); 1 µs itself goes to
/// bucket 1. The range reaches past a day; longer values share the last bucket. Exact min, max,
/// count and sum are kept beside the buckets.
class Histogram
{
public:
    static constexpr double RelativeAccuracy = 0.01;

    void record(qint64 valueUs);
    void merge(const Histogram &other);
    void clear();

    qint64 count() const { return m_count; }
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_count ? m_max : 0; }
    qint64 sum() const { return m_sum; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    /// The value at quantile q in [0, 1] (0.5 = median); 0 when empty. Clamped to [min, max].
    /// Nearest rank: the k-th smallest recorded value, k = ceil(q * count) and at least 1, so that
    /// at least a fraction q of the values are at or below it (q = 0 gives min, q = 1 gives max).
    double quantile(double q) const;

    /// Buckets for charts: bucket i's representative value and its count.
    int bucketCount() const { return BucketCount; }
    double bucketValue(int bucket) const;
    qint64 bucketCountAt(int bucket) const { return m_buckets[size_t(bucket)]; }
    /// The bucket a value falls into.
    static int bucketFor(qint64 valueUs);

private:
    static constexpr int BucketCount = 1280; // gamma^1280 > 1e11 µs, more than a day
    std::array<qint64, BucketCount> m_buckets {};
    qint64 m_count = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};
