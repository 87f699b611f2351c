// Expanding a collection into the concrete requests of a run: variables resolved, bodies and auth
// built, requests × data rows × iterations in run order, checked before the run starts.
#pragma once

#include "core/base/parseerror.h"
#include "core/collection/flowplan.h"
#include "core/collection/requestbuilder.h"
#include "core/collection/variables.h"
#include "core/engine/requestsource.h"
#include "core/model/collection.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

/// The auth a request uses: its own unless it inherits, then the nearest enclosing folder's that
/// does not, then the collection's (which, inheriting, means none). `itemPath` gives the indices
/// from Collection::items down to the request.
Auth effectiveAuth(const Collection &collection, const QList<int> &itemPath);

/// The requests of a collection run, in order: for each iteration, for each data row (or once
/// without a data set), each selected request in tree order. Request i is built when asked for,
/// so a run of a million requests holds one resolver per template, not a million requests.
class CollectionSource : public RequestSource
{
public:
    /// What to run and with which values. The caller merges the collection's saved run settings
    /// with the command line; this class does not read Collection::run.
    struct Plan
    {
        /// Run only the requests under these folders: a name matches every folder so named, a
        /// path like "Users/Admin" one folder. Empty: every request.
        QStringList folders;
        QString environmentName; ///< one of Collection::environments; empty for none
        std::optional<Environment> environment; ///< loaded from a file; wins over the name
        QHash<QString, QString> variables; ///< --var NAME=VALUE
        /// The data set. A row's value that is missing or a null QString leaves its variable
        /// undefined for that row. A data set with columns but no rows runs nothing.
        QStringList dataColumns;
        QList<QStringList> dataRows;
        int iterations = 1;
        QString baseDirectory; ///< relative file paths start here: the collection file's folder
        QString collectionFile; ///< named in errors
        SecretLookup secrets; ///< values of secret variables, e.g. SecretStore::lookupFor()
        /// Requests that cannot be built are run as skipped, each with its reason (skippedCount()
        /// and problems() say which), instead of stopping the whole run.
        bool skipInvalid = false;
        /// Each row's requests wait for the one before them in the row (RunSettings::rowOrder).
        bool rowOrder = false;
    };

    /// Expands `collection` and checks every request against every data row before anything is
    /// sent: unknown folders or environment, unresolved variables, unreadable files and invalid
    /// URLs are errors naming the request and the row (from 1), e.g.
    /// `request "Users/Get user", row 3: unresolved variable {{userId}}`.
    static Parsed<std::shared_ptr<CollectionSource>> create(
        const Collection &collection, const Plan &plan);

    qint64 size() const override;
    /// Request i; one that waits on captures has "{{name}}" where their values go (see build()).
    RequestSpec at(qint64 index) const override;
    QList<qint64> dependencies(qint64 index) const override;
    QList<FlowInput> flowInputs(qint64 index) const override;
    RequestSpec build(qint64 index, const ResultLookup &results) const override;
    bool hasDependencies() const override { return !m_flow.isEmpty(); }
    /// How many of the selected requests wait on a capture of an earlier one in their row.
    int waitingCount() const { return m_flow.waitingCount(); }
    /// Whether each row's requests wait for the one before them (Plan::rowOrder).
    bool inRowOrder() const { return m_flow.inRowOrder(); }

    /// The selected requests' paths ("Folder/Sub/Request"), in run order.
    QStringList requestPaths() const;
    /// With Plan::skipInvalid: how many of the run's requests will be skipped, and every distinct
    /// problem with where it came (the text a run without it would have stopped with).
    qint64 skippedCount() const { return m_skippedCount; }
    QString problems() const { return m_problems; }
    /// What the checks chose that the user may not expect, each with its request: a relative
    /// file found in the working directory, not beside the collection (as newman looks).
    QStringList notes() const { return m_notes; }

private:
    /// A selected request with everything that does not change from row to row.
    struct Template
    {
        QString name;
        QString path;
        RequestItem request;
        Auth auth;
        VariableResolver variables;
        QList<Assertion> assertions; ///< the enabled ones
        QList<Capture> captures; ///< the enabled ones
        qsizetype place = 0; ///< among the selected requests
    };

    CollectionSource() = default;
    /// The environment the plan names, if any; an error lists the collection's environments.
    static Parsed<std::optional<Environment>> environmentFor(
        const Collection &collection, const Plan &plan);
    /// The template of one selected request, with the auth and variables of its place.
    void addTemplate(const Collection &collection, const CollectionItem &request,
        const QList<const CollectionItem *> &folders, const VariableResolver &runVariables,
        const SecretLookup &secrets);
    /// A problem and the places (request, row) where it came, in the order found.
    using ProblemList = QList<std::pair<QString, QStringList>>;
    /// Every request against the rows that could make a difference: every distinct problem once,
    /// with where it came, or an empty string.
    QString checkAll();
    /// Why the request of template t for row (-1 without data) cannot be built; empty: it can.
    QString skipReason(qsizetype t, qint64 row) const;
    VariableResolver resolverFor(const Template &t, qint64 row, qint64 index, int iteration,
        const QHash<QString, QString> &captured) const;
    /// Plans the flows between the templates; an error names the requests.
    QString planFlows(bool rowOrder);
    /// Request index, its captured variables set to `captured`.
    RequestSpec make(qint64 index, const QHash<QString, QString> &captured,
        const QStringList &capturedSecrets = {}) const;
    QStringList check(const Template &t, qint64 row, bool urlAndFilesOnly) const;
    static QString describeProblems(const ProblemList &problems);

    mutable QStringList m_notes; ///< see notes(); filled by check()
    QList<Template> m_templates;
    FlowPlan m_flow;
    QStringList m_secretNames; ///< every variable marked secret, by name
    QStringList m_columns;
    QList<QStringList> m_rows;
    bool m_hasData = false;
    QString m_baseDirectory;
    qint64 m_size = 0;
    /// Problems found per (template, row), keyed t * (rows + 1) + row + 1; `whole` when the row
    /// had a full check of its own (else the template's complete-row problems apply too).
    struct Found
    {
        QString reason;
        bool whole = false;
    };
    QHash<qint64, Found> m_found;
    QStringList m_completeRowProblems; ///< per template: what its first complete row had
    qint64 m_skippedCount = 0;
    QString m_problems;
};
