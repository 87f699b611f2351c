// `rafaga export COLLECTION --to locust`: the run a collection asks for as one locustfile.
#pragma once

#include <QStringList>

/// True when an export's arguments ask for --to locust (which takes `rafaga run`'s options).
bool wantsLocustExport(const QStringList &arguments);
/// `rafaga export FILE --to locust [-o OUT] [run options]`.
int runLocustExportCommand(const QStringList &arguments);
