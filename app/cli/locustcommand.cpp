#include "cli/locustcommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/runcommandline.h"
#include "core/collection/runplan.h"
#include "core/formats/locustexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocustCommand)
};

const QString Command = QStringLiteral("export");

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
} // namespace

bool wantsLocustExport(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--to=locust")
            || (arguments.at(i) == QLatin1String("--to") && i + 1 < arguments.size()
                && arguments.at(i + 1) == QLatin1String("locust")))
            return true;
    }
    return false;
}

int runLocustExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Writes the run a collection asks for (the same options as rafaga run) as one "
               "self-contained Locust file, to run on one machine or a Locust cluster."));
    addRunOptions(parser);
    parser.addOption({QStringLiteral("to"), Tr::tr("locust."), Tr::tr("FORMAT")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
        Tr::tr("Write here (default: standard output)."), Tr::tr("OUT")});
    parser.addHelpOption();
    if (const int early = Cli::parseOrExit(parser, Command, arguments); early >= 0)
        return early;
    if (parser.positionalArguments().size() != 1)
        return Cli::usageError(Command, Tr::tr("expected one collection FILE"));

    RunCommandLine request;
    if (const QString problem = readRunCommandLine(parser, &request); !problem.isEmpty())
        return Cli::usageError(Command, problem);
    const QString output = parser.value(QStringLiteral("output"));
    const LocustRunFile made = makeLocustfile(request,
        output.isEmpty() || output == QLatin1String("-") ? QStringLiteral("locustfile.py")
                                                         : QFileInfo(output).fileName());
    if (!made.error.isEmpty())
        return Cli::usageError(Command, made.error);
    const LocustFile &file = made.file;
    QString error;
    if (!Cli::writeOutput(output, file.text, &error)) {
        QTextStream(stderr) << "rafaga export: " << error << '\n';
        return Cli::Failures;
    }
    QTextStream err(stderr);
    err << Tr::tr("Wrote %1 for Locust: %2.")
               .arg(output.isEmpty() ? Tr::tr("the run") : output, made.description)
        << '\n';
    if (!file.environment.isEmpty())
        err << Tr::tr("It reads the secrets from these environment variables: %1")
                   .arg(file.environment.join(QLatin1String(", ")))
            << '\n';
    if (QStandardPaths::findExecutable(QStringLiteral("locust")).isEmpty())
        err << Tr::tr("Locust is not installed here; to run the file: apt-get install "
                      "python3-locust (Debian 12, Ubuntu), or pip install locust.")
            << '\n';
    return Cli::Success;
}

LocustRunFile makeLocustfile(const RunCommandLine &commandLine, const QString &outputName)
{
    LocustRunFile made;
    RunRequest plan = commandLine.plan;
    const auto secretNames = std::make_shared<QStringList>();
    const auto secretValues = std::make_shared<QHash<QString, QString>>();
    plan.secrets = standInSecrets(secretNames, secretValues, plan.secrets);
    Parsed<PreparedRun> run = prepareRun(commandLine.collection, plan);
    // A --var that gives a secret variable its value is a secret too: a stand-in it is.
    bool secretGiven = false;
    for (auto it = plan.variables.begin(); run && it != plan.variables.end(); ++it) {
        if (const qsizetype at = secretNames->indexOf(it.key()); at >= 0) {
            secretValues->insert(it.key(), it.value());
            it.value() = locustSecretToken(int(at));
            secretGiven = true;
        }
    }
    if (secretGiven)
        run = prepareRun(commandLine.collection, plan);
    if (!run) {
        made.error = run.error().toString();
        return made;
    }

    LocustExport locust;
    locust.source = run.value().source.get();
    locust.collectionName = commandLine.collection.name;
    locust.collectionFile = commandLine.collectionFile;
    locust.outputName = outputName;
    locust.concurrency = run.value().options.concurrency;
    locust.rate = run.value().options.rate;
    locust.timeoutMs = run.value().options.timeoutMs;
    locust.maxRedirects = run.value().options.maxRedirects;
    locust.retries = run.value().options.retries;
    locust.secretNames = *secretNames; // known once every request has been built
    made.file = exportLocustfile(locust);
    made.description = run.value().description();
    for (const QString &name : std::as_const(*secretNames)) {
        const QString variable = locustSecretVariable(name);
        if (made.file.environment.contains(variable) && secretValues->contains(name))
            made.secretEnvironment.insert(variable, secretValues->value(name));
    }
    return made;
}
