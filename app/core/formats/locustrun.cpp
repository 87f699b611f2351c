// A collection's run as a locustfile, secrets replaced by stand-ins the file reads from the
// environment: what `rafaga export --to locust` and File › Export › Locust File… write.
#include "core/formats/locustrun.h"

#include <memory>

namespace {
/// A lookup that gives every secret variable a stand-in instead of its value, and remembers
/// the names in order of first use: the locustfile reads the values from the environment.
SecretLookup standInSecrets(const std::shared_ptr<QStringList> &names)
{
    return [names](const QString &, const QString &name) -> std::optional<QString> {
        qsizetype at = names->indexOf(name);
        if (at < 0) {
            at = names->size();
            names->append(name);
        }
        return locustSecretToken(int(at));
    };
}
} // namespace

Parsed<LocustRun> exportLocustRun(
    const Collection &collection, RunRequest request, const QString &outputName)
{
    const auto secretNames = std::make_shared<QStringList>();
    request.secrets = standInSecrets(secretNames);
    Parsed<PreparedRun> run = prepareRun(collection, request);
    // A variable given a value that names a secret variable is a secret too: a stand-in it is.
    bool secretGiven = false;
    for (auto it = request.variables.begin(); run && it != request.variables.end(); ++it) {
        if (const qsizetype at = secretNames->indexOf(it.key()); at >= 0) {
            it.value() = locustSecretToken(int(at));
            secretGiven = true;
        }
    }
    if (secretGiven)
        run = prepareRun(collection, request);
    if (!run)
        return run.error();

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
    return LocustRun {exportLocustfile(locust), run.value().description()};
}
