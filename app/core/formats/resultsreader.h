// Reading results back: the NDJSON that `rafaga run --ndjson` and exported locustfiles write,
// as the requests and results a report or a comparison works from.
#pragma once

#include "core/base/parseerror.h"
#include "core/engine/finishedrun.h"
#include "core/model/requestspec.h"
#include "core/model/result.h"
#include "core/stats/runstats.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct ResultsFile
{
    QList<RequestSpec> specs; ///< specs[i] was request i of the run
    QList<Result> results; ///< results[i] is its result
    qint64 elapsedUs = 0; ///< from the run's start to the last result's end
};

/// Every line one result; every index from 0 to N-1 exactly once, in any order. Errors name the
/// file and line: `results.ndjson:7: "index" must be a whole number from 0`.
Parsed<ResultsFile> readResultsNdjson(const QByteArray &data, const QString &file);

/// The statistics of results read back, as the run counted them, with the most in flight at once
/// (and each second's) worked out from when each request was sent and answered.
RunStats statsOfResults(const QList<Result> &results);

/// A results file as a finished run, for showing or reporting it: its requests, a store holding
/// every result, statsOfResults(), and options whose concurrency is the most in flight at once.
/// origin names the file; startedAt stays invalid (the file does not say).
FinishedRun finishedRunOf(ResultsFile file, const QString &origin);
