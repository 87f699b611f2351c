// `rafaga demo`: a first run that needs nothing but this program — the built-in server in-process.
#pragma once

#include <QStringList>

/// Starts the built-in server on a free loopback port and runs a short burst against it through
/// `rafaga run`, with its progress and summary. Returns run's exit code.
int runDemoCommand(const QStringList &arguments);
