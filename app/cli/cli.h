// The headless front: decides whether argv asks for a command, and runs it.
#pragma once

namespace Cli {
/// True when the first argument is a command (run, serve, ...) or --help/--version.
bool wantsCli(int argc, char *argv[]);
/// Creates the QCoreApplication and runs the command; returns the process exit code.
int main(int argc, char *argv[]);

/// Exit codes shared by every command.
enum ExitCode {
    Success = 0,
    Failures = 1, ///< some request failed
    UsageError = 2,
    OutputError = 3, ///< a result file could not be opened or written
    Stopped = 130, ///< Ctrl+C (or SIGTERM) stopped the run; its files and summary are written
};
} // namespace Cli
