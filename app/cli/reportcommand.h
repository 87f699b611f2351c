// `rafaga report`: the summary of a run from its results file, as `rafaga run` prints it.
#pragma once

#include <QStringList>

/// `rafaga report RESULTS.ndjson [--csv F] [--json F]`.
int runReportCommand(const QStringList &arguments);
