// A collection's run as a locustfile, secrets replaced by stand-ins the file reads from the
// environment: what `rafaga export --to locust` and File › Export › Locust File… write.
#pragma once

#include "core/base/parseerror.h"
#include "core/collection/runplan.h"
#include "core/formats/locustexport.h"

#include <QHash>
#include <QString>

struct LocustRun
{
    LocustFile file;
    QString description; ///< PreparedRun::description(): "3 requests × 20 rows × … = 120 requests"
    /// RAFAGA_SECRET_NAME and its value, for every secret the file reads whose value is known
    /// (from request.variables or request.secrets): what Locust processes started here need.
    QHash<QString, QString> secretEnvironment;
};

/// Expands the run as prepareRun() does, every secret variable's value (also one given in
/// request.variables) replaced by a stand-in the file reads from RAFAGA_SECRET_<NAME>, and writes
/// it as a locustfile with the run's concurrency, rate, timeout, redirects and retries.
/// outputName is the file's name in the commands of its header. request.secrets gives the real
/// values, which only secretEnvironment holds.
Parsed<LocustRun> exportLocustRun(
    const Collection &collection, RunRequest request, const QString &outputName);
