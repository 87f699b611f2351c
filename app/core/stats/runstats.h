// Statistics of a run, updated as each result lands: counts, rates, codes, errors, percentiles and
// per-second series.
#pragma once

#include "core/model/errorcategory.h"
#include "core/model/result.h"
#include "core/stats/histogram.h"

#include <QList>
#include <QMap>

/// Per-second counts of a run, second 0 starting at the run's start.
struct SecondSample
{
    qint64 completed = 0;
    qint64 errors = 0; ///< transport errors and statuses >= 400
    int maxInFlight = 0; ///< the most requests in flight at any moment of that second
};

/// A value type: copy it to take a snapshot for another thread.
class RunStats
{
public:
    /// Counts a finished result. latencyUs is what the run reports as latency (from dispatch in the
    /// closed model, from the schedule in rate mode).
    void add(const Result &result, qint64 latencyUs);
    /// Notes the number in flight at time nowUs (microseconds from the run's start).
    void noteInFlight(qint64 nowUs, int inFlight);

    /// Requests sent and ended, whatever the outcome; those a stop kept from being sent are
    /// notSent(), those that could not be built skipped() (--skip-invalid), so requests =
    /// completed + notSent + skipped.
    qint64 completed() const { return m_completed; }
    qint64 notSent() const { return m_notSent; }
    qint64 skipped() const { return m_skipped; }
    qint64 succeeded() const { return m_succeeded; }
    qint64 failed() const { return m_completed - m_succeeded; }
    /// Sent, then aborted by a stop (counted in completed() and failed(); RunOutcome separates
    /// them).
    qint64 cancelledInFlight() const { return m_cancelledInFlight; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 retries() const { return m_retries; }
    int maxInFlight() const { return m_maxInFlight; }
    /// Assertion verdicts over all results, and the results with at least one failed.
    qint64 assertionsChecked() const { return m_assertionsChecked; }
    qint64 assertionsFailed() const { return m_assertionsFailed; }
    qint64 resultsFailingAssertions() const { return m_resultsFailingAssertions; }
    /// Time of the last completion, microseconds from the run's start.
    qint64 lastFinishedUs() const { return m_lastFinishedUs; }

    const Histogram &latency() const { return m_latency; }
    const Histogram &ttfb() const { return m_ttfb; }
    /// Status code -> count; results without an answer are not counted here.
    const QMap<int, qint64> &statusCodes() const { return m_statusCodes; }
    qint64 errorCount(ErrorCategory category) const { return m_errors[int(category)]; }
    const QList<SecondSample> &perSecond() const { return m_perSecond; }

private:
    /// A guard, not a limit anyone meets: a bogus timestamp must not allocate gigabytes. Later
    /// samples land in the last second.
    static constexpr qint64 MaxSeconds = 7 * 24 * 3600;

    /// The sample of the second holding us (negative times count as second 0), growing the list.
    SecondSample &secondAt(qint64 us);

    Histogram m_latency;
    Histogram m_ttfb;
    QMap<int, qint64> m_statusCodes;
    qint64 m_errors[ErrorCategoryCount] = {};
    QList<SecondSample> m_perSecond;
    qint64 m_completed = 0;
    qint64 m_notSent = 0;
    qint64 m_skipped = 0;
    qint64 m_cancelledInFlight = 0;
    qint64 m_assertionsChecked = 0;
    qint64 m_assertionsFailed = 0;
    qint64 m_resultsFailingAssertions = 0;
    qint64 m_succeeded = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_bytesSent = 0;
    qint64 m_retries = 0;
    qint64 m_lastFinishedUs = 0;
    int m_maxInFlight = 0;
};
