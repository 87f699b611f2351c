// Statistics of a run, updated as each result lands: counts, rates, codes, errors, percentiles and
// per-second series.
#include "core/stats/runstats.h"

void RunStats::add(const Result &result, qint64 latencyUs)
{
    // A request a stopped run never sent has no numbers; it is only counted. One that could not
    // be sent at all (the run's TLS set-up failed) is also an error of its kind.
    if (result.dispatchedUs < 0) {
        if (result.error == ErrorCategory::Skipped) {
            ++m_skipped;
            return;
        }
        ++m_notSent;
        if (result.error != ErrorCategory::None && result.error != ErrorCategory::NotSent)
            ++m_errors[int(result.error)];
        return;
    }
    const bool ok = result.succeeded();
    ++m_completed;
    if (ok)
        ++m_succeeded;
    m_bytesReceived += result.bytesReceived;
    m_bytesSent += result.bytesSent;
    m_retries += result.retries;
    if (result.detail)
        m_assertionsChecked += result.detail->assertions.size();
    m_assertionsFailed += result.assertionsFailed;
    if (result.assertionsFailed > 0)
        ++m_resultsFailingAssertions;
    if (result.status > 0)
        ++m_statusCodes[result.status];
    if (result.error != ErrorCategory::None)
        ++m_errors[int(result.error)];
    if (result.error == ErrorCategory::Cancelled)
        ++m_cancelledInFlight;

    // An abort by the user says nothing about the server's latency.
    if (latencyUs >= 0 && result.error != ErrorCategory::Cancelled)
        m_latency.record(latencyUs);
    const qint64 ttfbUs = result.ttfbUs();
    if (ttfbUs >= 0)
        m_ttfb.record(ttfbUs);

    // Every result lands in some second, so the series adds up to completed().
    SecondSample &second = secondAt(result.finishedUs);
    ++second.completed;
    if (!ok)
        ++second.errors;
    // Results may be handed over out of order; the last completion is the latest one.
    m_lastFinishedUs = qMax(m_lastFinishedUs, result.finishedUs);
}

void RunStats::noteInFlight(qint64 nowUs, int inFlight)
{
    m_maxInFlight = qMax(m_maxInFlight, inFlight);
    SecondSample &second = secondAt(nowUs);
    second.maxInFlight = qMax(second.maxInFlight, inFlight);
}

SecondSample &RunStats::secondAt(qint64 us)
{
    const qint64 index = qBound<qint64>(0, us / 1000000, MaxSeconds - 1);
    if (index >= m_perSecond.size())
        m_perSecond.resize(index + 1);
    return m_perSecond[index];
}
