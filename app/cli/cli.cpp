#include "cli/cli.h"

#include "cli/democommand.h"
#include "cli/importcommand.h"
#include "cli/reportcommand.h"
#include "cli/runcommand.h"
#include "cli/servecommand.h"
#include "core/base/version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const char *const Commands[] = {"run", "serve", "demo", "import", "export", "report", "help"};

QString usage()
{
    return Tr::tr(
        "Usage: rafaga [COMMAND] [OPTIONS]\n"
        "\n"
        "Without a command, opens the desktop workbench.\n"
        "\n"
        "Commands:\n"
        "  run      send requests, many at a time, and report what came back\n"
        "  serve    start the built-in HTTP server for trying things offline\n"
        "  demo     run a burst of requests against the built-in server, in-process\n"
        "  import   turn a Postman collection, HAR file or curl command into a collection\n"
        "  export   write a collection as a Postman collection, curl commands or a Locust file\n"
        "  report   print a run's summary from its results file (NDJSON)\n"
        "\n"
        "Options:\n"
        "  -h, --help     show this help\n"
        "  -v, --version  show the version\n"
        "\n"
        "'rafaga COMMAND --help' describes a command.\n");
}
} // namespace

namespace Cli {

bool wantsCli(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const char *command : Commands) {
        if (std::strcmp(first, command) == 0)
            return true;
    }
    return std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0
        || std::strcmp(first, "--version") == 0 || std::strcmp(first, "-v") == 0;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rafaga"));
    QCoreApplication::setApplicationVersion(Rafaga::version());

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const QString command = arguments.takeFirst();
    QTextStream out(stdout);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << "rafaga " << Rafaga::version() << '\n';
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        out << usage();
        return Success;
    }
    if (command == QLatin1String("run"))
        return runRunCommand(arguments);
    if (command == QLatin1String("import"))
        return runImportCommand(arguments);
    if (command == QLatin1String("export"))
        return runExportCommand(arguments);
    if (command == QLatin1String("report"))
        return runReportCommand(arguments);
    if (command == QLatin1String("demo"))
        return runDemoCommand(arguments);
    if (command == QLatin1String("serve"))
        return runServeCommand(arguments);
    QTextStream(stderr) << usage();
    return UsageError;
}

} // namespace Cli
