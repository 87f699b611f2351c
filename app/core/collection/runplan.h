// From a collection and its run settings (plus any overrides) to what the engine runs: the
// expanded request list and the run's options, checked before anything is sent.
#pragma once

#include "core/base/parseerror.h"
#include "core/collection/collectionsource.h"
#include "core/model/collection.h"
#include "core/model/runoptions.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

/// What a run asks for beyond the collection: the command line's flags or the GUI's choices.
struct RunRequest
{
    QString collectionFile; ///< relative data and body files start in its folder; may be empty
    RunSettings settings; ///< usually the collection's, with overrides applied
    QStringList folders; ///< only these folders' requests; empty: all
    std::optional<Environment> environment; ///< from a file; wins over settings.environment
    QHash<QString, QString> variables; ///< --var NAME=VALUE
    SecretLookup secrets;
    /// Run what can be built; the rest is recorded as skipped with its reason (--skip-invalid).
    bool skipInvalid = false;
};

struct PreparedRun
{
    std::shared_ptr<CollectionSource> source;
    RunOptions options;
    int requestCount = 0; ///< selected requests per row
    qint64 rowCount = 0; ///< data rows; 0 without a data set
    int iterations = 1;
    QStringList dataColumns;
    /// "3 requests × 200 rows × 2 iterations = 1,200 requests" ("3 requests" alone without rows
    /// or iterations), and for a flow "; 2 wait on a capture" (of the 3 requests of a row).
    QString description() const;
};

/// Loads the data set (if any), expands the collection and checks every request. Errors name the
/// file and place (a data set's row, a request's unresolved variable).
Parsed<PreparedRun> prepareRun(const Collection &collection, const RunRequest &request);

/// The values of every secret variable (collection, folders, environments, and extra), as the
/// secret store or the file holds them: what exports and CSV must mask. Also the values that
/// variables take from the process environment ({{$env.NAME}}) where the variable's name or NAME
/// reads like a credential's (token, key, secret, pass, auth, ...).
QStringList secretValues(const Collection &collection, const SecretLookup &secrets,
    const std::optional<Environment> &extra = std::nullopt);

/// The run options a collection's settings ask for; the rest keep their defaults.
RunOptions runOptionsFor(const RunSettings &settings);

/// A data set path as saved: relative to the collection's folder when it lies inside it.
QString dataFileForSaving(const QString &path, const QString &collectionFile);
/// The path to read a saved data set path from.
QString dataFileForReading(const QString &saved, const QString &collectionFile);
