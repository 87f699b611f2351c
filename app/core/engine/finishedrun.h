// A run that ended elsewhere (a results file read back, from `rafaga run --ndjson` or a Locust
// master), in the form the run controller shows it: its requests, every result, its statistics.
#pragma once

#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"
#include "core/model/runoptions.h"
#include "core/stats/runstats.h"

#include <QDateTime>
#include <QString>

#include <memory>

struct FinishedRun
{
    std::shared_ptr<const RequestSource> requests;
    std::shared_ptr<const ResultStore> results; ///< every slot filled; read-only from now on
    RunStats stats;
    RunOptions options; ///< what is known of them: concurrency is the most in flight at once
    qint64 elapsedUs = 0; ///< from the run's start to its last result's end
    QDateTime startedAt; ///< invalid when not known
    QString origin; ///< where it was read from (a file path)
};
