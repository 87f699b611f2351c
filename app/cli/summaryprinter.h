// The human-readable end of a CLI run: totals, rate, latency percentiles, codes and errors.
#pragma once

#include "core/model/runoptions.h"
#include "core/stats/runstats.h"

#include <QString>

namespace SummaryPrinter {
/// The summary as text, for a terminal or a log.
QString summary(
    const RunStats &stats, const RunOptions &options, qint64 requests, qint64 elapsedUs);
/// One line of progress: a bar, done/total, rate and errors, fitted to width columns.
QString progressLine(const RunStats &stats, qint64 requests, qint64 elapsedUs, int width);
} // namespace SummaryPrinter
