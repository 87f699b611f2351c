// A collection's run as a locustfile, secrets replaced by stand-ins the file reads from the
// environment: what `rafaga export --to locust` and File › Export › Locust File… write.
#include "core/formats/locustrun.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocustRun)
};

/// A lookup that gives every secret variable a stand-in instead of its value, and remembers
/// the names in order of first use (the locustfile reads the values from the environment) and
/// the value the real lookup has for each.
SecretLookup standInSecrets(const std::shared_ptr<QStringList> &names,
    const std::shared_ptr<QHash<QString, QString>> &values, const SecretLookup &real)
{
    return [names, values, real](
               const QString &scope, const QString &name) -> std::optional<QString> {
        qsizetype at = names->indexOf(name);
        if (at < 0) {
            at = names->size();
            names->append(name);
        }
        if (real && !values->contains(name)) {
            if (const std::optional<QString> value = real(scope, name); value && !value->isEmpty())
                values->insert(name, *value);
        }
        return locustSecretToken(int(at));
    };
}
/// Marks secret every variable whose value reads the process environment ({{$env.NAME}}): the
/// user's tokens and keys stay out of the file like secrets. Returns variable -> NAME.
QHash<QString, QString> environmentAsSecrets(Collection *collection, RunRequest *request)
{
    QHash<QString, QString> linked;
    const auto mark = [&linked](QList<Variable> &variables) {
        for (Variable &variable : variables) {
            for (const QString &environment :
                VariableResolver::environmentNamesIn(variable.value)) {
                variable.secret = true;
                linked.insert(variable.name, environment);
            }
        }
    };
    const std::function<void(QList<CollectionItem> &)> folders = [&](QList<CollectionItem> &items) {
        for (CollectionItem &item : items) {
            mark(item.variables);
            folders(item.children);
        }
    };
    mark(collection->variables);
    folders(collection->items);
    for (Environment &environment : collection->environments)
        mark(environment.variables);
    if (request->environment)
        mark(request->environment->variables);
    return linked;
}
} // namespace

Parsed<LocustRun> exportLocustRun(
    const Collection &original, RunRequest request, const QString &outputName)
{
    Collection collection = original;
    const QHash<QString, QString> fromEnvironment = environmentAsSecrets(&collection, &request);
    const auto secretNames = std::make_shared<QStringList>();
    const auto secretValues = std::make_shared<QHash<QString, QString>>();
    request.secrets = standInSecrets(secretNames, secretValues, request.secrets);
    Parsed<PreparedRun> run = prepareRun(collection, request);
    // A variable given a value that names a secret variable is a secret too: a stand-in it is.
    bool secretGiven = false;
    for (auto it = request.variables.begin(); run && it != request.variables.end(); ++it) {
        if (const qsizetype at = secretNames->indexOf(it.key()); at >= 0) {
            secretValues->insert(it.key(), it.value());
            it.value() = locustSecretToken(int(at));
            secretGiven = true;
        }
    }
    if (secretGiven)
        run = prepareRun(collection, request);
    if (!run)
        return run.error();
    // A flow's later requests are built from what earlier answers captured; the locustfile holds
    // requests built beforehand, so it would send their {{placeholders}} as written.
    if (run.value().source->hasDependencies())
        return ParseError {request.collectionFile, QString(),
            Tr::tr("the run has requests that wait on captured values (a flow); the Locust file "
                   "cannot carry captures yet: run it with rafaga run, or export the requests "
                   "that capture nothing (--folder)")};

    LocustExport locust;
    locust.source = run.value().source.get();
    locust.collectionName = collection.name;
    locust.collectionFile = request.collectionFile;
    if (!outputName.isEmpty())
        locust.outputName = outputName;
    locust.concurrency = run.value().options.concurrency;
    locust.rate = run.value().options.rate;
    locust.timeoutMs = run.value().options.timeoutMs;
    locust.maxRedirects = run.value().options.maxRedirects;
    locust.retries = run.value().options.retries;
    locust.secretNames = *secretNames; // known once every request has been built
    LocustRun made {exportLocustfile(locust), run.value().description(), {}};
    for (const QString &name : std::as_const(*secretNames)) {
        const QString variable = locustSecretVariable(name);
        const QString environment = fromEnvironment.value(name);
        if (!secretValues->contains(name) && !environment.isEmpty()
            && qEnvironmentVariableIsSet(qPrintable(environment)))
            secretValues->insert(name, qEnvironmentVariable(qPrintable(environment)));
        if (made.file.environment.contains(variable) && secretValues->contains(name))
            made.secretEnvironment.insert(variable, secretValues->value(name));
    }
    return made;
}
