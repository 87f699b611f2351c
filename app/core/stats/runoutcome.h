// How a run ended, in the words every front end uses: succeeded, failed, cancelled in flight and
// not sent, and where a stop came.
#pragma once

#include "core/stats/runstats.h"

#include <QString>

/// The four outcomes of a run's requests; they add up to the requests in the run. A stop cancels
/// what is in flight and leaves the rest unsent: neither is a failure of the server.
struct RunOutcome
{
    qint64 requests = 0; ///< in the run
    qint64 sent = 0; ///< sent and ended, including those a stop cancelled in flight
    qint64 succeeded = 0;
    qint64 failed = 0; ///< an error or status >= 400 or a failed assertion, not a stop's abort
    qint64 cancelledInFlight = 0;
    qint64 notSent = 0;
    qint64 skipped = 0; ///< could not be built (--skip-invalid): not sent, and not a stop's

    /// The outcome of stats over a run of `requests` requests (requests not yet ended are neither
    /// sent nor not sent).
    static RunOutcome of(const RunStats &stats, qint64 requests);
    /// A stop left requests cancelled or unsent.
    bool stopped() const { return cancelledInFlight > 0 || notSent > 0; }
    /// "6,293 succeeded, 12 failed", and after a stop "stopped at 6,343 of 100,000: 6,293
    /// succeeded, 50 cancelled in flight, 93,657 not sent"; counts with the locale's separators,
    /// zero counts (other than succeeded) left out.
    QString describe() const;
};
