// `rafaga run`: sends requests headless and reports a summary, CSV, JSON and NDJSON.
#pragma once

#include <QStringList>

/// arguments are the words after `run`. Returns the process exit code (see Cli::ExitCode).
int runRunCommand(const QStringList &arguments);
