// `rafaga serve`: the built-in test server as a command.
#pragma once

#include <QStringList>

/// Runs the test server until SIGINT or SIGTERM. `arguments` are the words after `serve`. Needs an
/// existing QCoreApplication and runs its event loop. Prints `listening on URL` as the first line
/// on stdout. Returns 0 after a signal, 1 when it cannot listen, 2 on bad usage (Cli::ExitCode).
int runServeCommand(const QStringList &arguments);
