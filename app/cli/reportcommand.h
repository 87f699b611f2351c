// `rafaga report`: the summary of a run from its results file, as `rafaga run` prints it.
#pragma once

#include "core/model/result.h"
#include "core/model/runoptions.h"

#include <QList>
#include <QString>
#include <QStringList>

class ResultStreamer;
struct OutputPaths;

/// `rafaga report RESULTS.ndjson [--csv F] [--json F]`.
int runReportCommand(const QStringList &arguments);

/// A finished run's results, read back from a results file.
struct ReportInput
{
    QList<Result> results; ///< results[i] is request i's
    qint64 elapsedUs = 0;
    RunOptions options; ///< what the summary states; a concurrency of 0: the most found in flight
};

/// Writes the results through streamer (opened already) and the summary (unless quiet) as `rafaga
/// run` does, and returns `rafaga run`'s exit code for them: 0 all passed, 1 some failed, 3 an
/// output failed (said on stderr as "rafaga COMMAND: ...").
int writeReport(const ReportInput &input, ResultStreamer &streamer, const OutputPaths &outputs,
    bool quiet, const QString &command);
