#include "cli/locustcommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/runcommandline.h"
#include "core/collection/runplan.h"
#include "core/formats/locustrun.h"

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
    const Parsed<LocustRun> run = exportLocustRun(commandLine.collection, plan, outputName);
    if (!run) {
        made.error = run.error().toString();
        return made;
    }
    made.file = run.value().file;
    made.description = run.value().description;
    made.secretEnvironment = run.value().secretEnvironment;
    return made;
}
