// `rafaga export COLLECTION --to locust`: the run a collection asks for as one locustfile.
#pragma once

#include "core/formats/locustexport.h"

#include <QHash>
#include <QStringList>

struct RunCommandLine;

/// True when an export's arguments ask for --to locust (which takes `rafaga run`'s options).
bool wantsLocustExport(const QStringList &arguments);
/// `rafaga export FILE --to locust [-o OUT] [run options]`.
int runLocustExportCommand(const QStringList &arguments);

/// The locustfile for the run a command line asks for, and how to start it.
struct LocustRunFile
{
    LocustFile file;
    QString description; ///< "3 requests × 200 rows × 2 iterations = 1,200 requests"
    /// RAFAGA_SECRET_NAME and its value, for every secret the file reads whose value is known
    /// here (from --var or the secret store): what the Locust processes need in their environment.
    QHash<QString, QString> secretEnvironment;
    QString error; ///< why the run cannot be written; then nothing else is set
};
/// outputName is the file's name in the commands of its header.
LocustRunFile makeLocustfile(const RunCommandLine &request, const QString &outputName);
