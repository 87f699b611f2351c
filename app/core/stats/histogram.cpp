// A log-bucketed latency histogram: constant memory, mergeable, percentiles within 1%.
#include "core/stats/histogram.h"

#include <cmath>

namespace {

constexpr double A = Histogram::RelativeAccuracy;
constexpr double Gamma = (1.0 + A) / (1.0 - A);
// ln(gamma) = 2 atanh(a); the series is exact to double precision after five terms for a = 0.01,
// and being constexpr it needs no static initialisation before the first record().
constexpr double LogGamma = 2.0
    * (A + A * A * A / 3 + A * A * A * A * A / 5 + A * A * A * A * A * A * A / 7
        + A * A * A * A * A * A * A * A * A / 9);
constexpr double InverseLogGamma = 1.0 / LogGamma;

} // namespace

int Histogram::bucketFor(qint64 valueUs)
{
    if (valueUs < 1)
        return 0;
    // ceil(log_gamma(1)) is 0, but bucket 0 stands for "less than 1 µs", so 1 µs moves up to
    // bucket 1, whose representative is within 1% of it.
    const double index = std::ceil(std::log(double(valueUs)) * InverseLogGamma);
    if (index >= BucketCount - 1)
        return BucketCount - 1;
    return index < 1 ? 1 : int(index);
}

double Histogram::bucketValue(int bucket) const
{
    if (bucket <= 0)
        return 0.0;
    return 2.0 * std::pow(Gamma, bucket) / (Gamma + 1.0);
}

void Histogram::record(qint64 valueUs)
{
    if (valueUs < 0)
        valueUs = 0;
    ++m_buckets[size_t(bucketFor(valueUs))];
    if (m_count == 0) {
        m_min = valueUs;
        m_max = valueUs;
    } else if (valueUs < m_min) {
        m_min = valueUs;
    } else if (valueUs > m_max) {
        m_max = valueUs;
    }
    ++m_count;
    m_sum += valueUs;
}

void Histogram::merge(const Histogram &other)
{
    if (other.m_count == 0)
        return;
    for (size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    // An empty histogram's min and max are placeholders, not values.
    m_min = m_count ? qMin(m_min, other.m_min) : other.m_min;
    m_max = m_count ? qMax(m_max, other.m_max) : other.m_max;
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void Histogram::clear()
{
    m_buckets.fill(0);
    m_count = 0;
    m_sum = 0;
    m_min = 0;
    m_max = 0;
}

double Histogram::quantile(double q) const
{
    if (m_count == 0)
        return 0.0;
    q = qBound(0.0, q, 1.0);
    // Shave off floating-point noise so that q * count lands on the integer it means:
    // 0.07 * 100 is 7.000000000000001, which would otherwise round up to rank 8.
    const double target = q * double(m_count) * (1.0 - 1e-12);
    const qint64 rank = qint64(std::ceil(target));
    // The smallest and the largest are known exactly; their buckets would only be within 1%.
    if (rank <= 1)
        return double(m_min);
    if (rank >= m_count)
        return double(m_max);
    qint64 seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += m_buckets[size_t(i)];
        if (seen >= rank)
            return qBound(double(m_min), bucketValue(i), double(m_max));
    }
    return double(m_max);
}
