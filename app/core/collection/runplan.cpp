#include "core/collection/runplan.h"

#include "core/collection/dataset.h"
#include "core/collection/secretstore.h"
#include "core/collection/variablescope.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunPlan)
};

} // namespace

QString PreparedRun::description() const
{
    // One form for 1 and one for the rest, which is exact for English and Spanish and keeps the
    // English right without a translator (tests read it); %n would take only an int, and a run
    // may hold more than INT_MAX requests.
    const QLocale locale;
    const auto requests = [&](qint64 n) {
        return n == 1 ? Tr::tr("1 request") : Tr::tr("%1 requests").arg(locale.toString(n));
    };
    QString text = requests(requestCount);
    if (rowCount > 0)
        text += QStringLiteral(" × ")
            + (rowCount == 1 ? Tr::tr("1 row") : Tr::tr("%1 rows").arg(locale.toString(rowCount)));
    if (iterations > 1)
        text += QStringLiteral(" × ") + Tr::tr("%1 iterations").arg(locale.toString(iterations));
    // Without rows or iterations the total is the count already said: "3 requests".
    if (rowCount > 0 || iterations > 1)
        text += QStringLiteral(" = ") + requests(source ? source->size() : 0);
    if (const int waiting = source ? source->waitingCount() : 0; waiting > 0)
        text += QStringLiteral("; ")
            + (waiting == 1 ? Tr::tr("1 waits on a capture")
                            : Tr::tr("%1 wait on a capture").arg(locale.toString(waiting)));
    if (source && source->inRowOrder())
        text += QStringLiteral("; ") + Tr::tr("each row's requests in order");
    return text;
}

namespace {
/// Whether a name reads like a credential's: GH_TOKEN, STRIPE_KEY, DB_PASSWORD, ...
bool looksLikeCredential(const QString &name)
{
    static const QRegularExpression words(
        QStringLiteral("token|key|secret|pass|pwd|auth|credential|session|cookie|signature"),
        QRegularExpression::CaseInsensitiveOption);
    return words.match(name).hasMatch();
}

/// The values a variable takes from the process environment ({{$env.NAME}}) when it or NAME
/// reads like a credential: a pasted `-H "Authorization: Bearer $GH_TOKEN"` keeps its token out
/// of every output without the user marking anything.
QStringList environmentCredentials(const Variable &variable)
{
    QStringList values;
    for (const QString &environment : VariableResolver::environmentNamesIn(variable.value)) {
        if (looksLikeCredential(environment) || looksLikeCredential(variable.name))
            values.append(qEnvironmentVariable(qPrintable(environment)));
    }
    return values;
}
} // namespace

QStringList secretValues(const Collection &collection, const SecretLookup &secrets,
    const std::optional<Environment> &extra)
{
    QStringList values;
    const auto add = [&](const QList<Variable> &variables, const QString &scope) {
        for (const Variable &variable : variables) {
            if (!variable.secret) {
                values.append(environmentCredentials(variable));
                continue;
            }
            const std::optional<QString> stored
                = secrets ? secrets(scope, variable.name) : std::nullopt;
            values.append(stored.value_or(variable.value));
        }
    };
    forEachVariableList(collection, add);
    if (extra)
        add(extra->variables, SecretStore::environmentScope(extra->name));
    values.removeAll(QString());
    return values;
}

RunOptions runOptionsFor(const RunSettings &settings)
{
    RunOptions options;
    options.concurrency = qBound(1, settings.concurrency, RunOptions::MaxConcurrency);
    options.rate = qMax(0.0, settings.rate);
    options.timeoutMs = qMax(0, settings.timeoutMs);
    options.retries = qMax(0, settings.retries);
    options.maxRedirects = qMax(0, settings.maxRedirects);
    options.insecure = settings.insecure;
    options.sequential = settings.sequential;
    return options;
}

QString dataFileForSaving(const QString &path, const QString &collectionFile)
{
    if (path.isEmpty() || collectionFile.isEmpty())
        return path;
    const QDir base = QFileInfo(collectionFile).absoluteDir();
    const QString relative = base.relativeFilePath(QFileInfo(path).absoluteFilePath());
    return relative.startsWith(QLatin1String("..")) ? QFileInfo(path).absoluteFilePath() : relative;
}

QString dataFileForReading(const QString &saved, const QString &collectionFile)
{
    if (saved.isEmpty() || QFileInfo(saved).isAbsolute() || collectionFile.isEmpty())
        return saved;
    return QFileInfo(collectionFile).absoluteDir().filePath(saved);
}

Parsed<PreparedRun> prepareRun(const Collection &collection, const RunRequest &request)
{
    CollectionSource::Plan plan;
    plan.folders = request.folders;
    plan.environmentName = request.settings.environment;
    plan.environment = request.environment;
    plan.variables = request.variables;
    plan.iterations = qMax(1, request.settings.iterations);
    plan.collectionFile = request.collectionFile;
    plan.baseDirectory = request.collectionFile.isEmpty()
        ? QDir::currentPath()
        : QFileInfo(request.collectionFile).absolutePath();
    plan.secrets = request.secrets;
    plan.skipInvalid = request.skipInvalid;
    plan.rowOrder = request.settings.rowOrder && !request.settings.sequential;

    PreparedRun prepared;
    if (!request.settings.dataFile.isEmpty()) {
        Parsed<DataSet> data
            = loadDataSet(dataFileForReading(request.settings.dataFile, request.collectionFile));
        if (!data)
            return data.error();
        plan.dataColumns = data.value().columns;
        plan.dataRows = data.value().rows;
        prepared.rowCount = data.value().rows.size();
        prepared.dataColumns = data.value().columns;
    }
    Parsed<std::shared_ptr<CollectionSource>> source = CollectionSource::create(collection, plan);
    if (!source)
        return source.error();
    prepared.source = source.value();
    prepared.requestCount = int(prepared.source->requestPaths().size());
    prepared.iterations = plan.iterations;
    prepared.options = runOptionsFor(request.settings);
    return prepared;
}
