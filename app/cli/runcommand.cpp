#include "cli/runcommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/interruptwatcher.h"
#include "cli/locustrun.h"
#include "cli/resultstreamer.h"
#include "cli/runcommandline.h"
#include "cli/summaryprinter.h"
#include "core/collection/runplan.h"
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/engine/tlsconfiguration.h"
#include "core/formats/importer.h"
#include "core/formats/resultwriters.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};

const QString Command = QStringLiteral("run");

int terminalWidth()
{
    winsize size {};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
        return size.ws_col;
    return 80;
}

/// The requests to send and the secrets to hide; an error message when the collection cannot run.
struct Prepared
{
    std::shared_ptr<const RequestSource> source;
    ResultWriters::SecretMask mask;
    QString error;
    QString skipped; ///< --skip-invalid: what will not be sent, and why
    QStringList notes; ///< what the checks chose that the user may not expect
};

Prepared prepare(const RunCommandLine &request)
{
    Prepared prepared;
    if (!request.collectionMode) {
        prepared.source
            = std::make_shared<RequestList>(QList<RequestSpec> {request.spec}, request.count);
        return prepared;
    }
    const Parsed<PreparedRun> run = prepareRun(request.collection, request.plan);
    if (!run) {
        prepared.error = run.error().toString();
        return prepared;
    }
    prepared.source = run.value().source;
    prepared.notes = run.value().source->notes();
    if (const qint64 skipped = run.value().source->skippedCount(); skipped > 0)
        prepared.skipped = Tr::tr("skipping %1 of %2 requests, which cannot be built:\n%3")
                               .arg(skipped)
                               .arg(run.value().source->size())
                               .arg(run.value().source->problems());
    const RunRequest &plan = request.plan;
    // A --var NAME=VALUE replaces a secret variable's value in every scope: hide it too.
    const QHash<QString, QString> &given = plan.variables;
    const SecretLookup fromCommandLine
        = [&given](const QString &, const QString &name) -> std::optional<QString> {
        if (given.contains(name))
            return given.value(name);
        return std::nullopt;
    };
    prepared.mask
        = ResultWriters::SecretMask(secretValues(request.collection, plan.secrets, plan.environment)
            + secretValues(request.collection, fromCommandLine, plan.environment));
    return prepared;
}

/// The engine's options: the settings, then the transport the command line asked for.
RunOptions runOptions(const RunCommandLine &request)
{
    RunOptions options = runOptionsFor(request.settings);
    options.setTransport(request.transport);
    // The CLI reports on results, it does not show them: keep nothing of the answers.
    options.bodySampleBytes = 0;
    options.keepResponseHeaders = false;
    return options;
}

/// Progress on a terminal, and Ctrl+C: the first stops the run, the second quits at once.
class RunWatch
{
public:
    RunWatch(Run &run, ResultStreamer &streamer, bool showProgress)
        : m_run(run)
        , m_streamer(streamer)
        , m_showProgress(showProgress)
    {
        if (m_showProgress) {
            QObject::connect(&m_progress, &QTimer::timeout, [this] { draw(); });
            m_progress.start(100);
        }
        QObject::connect(&m_interrupts, &InterruptWatcher::interrupted, [&](int count) {
            if (count > 1) {
                // At once, but with every result written so far in the files.
                m_streamer.flush();
                std::_Exit(130);
            }
            m_err << '\n'
                  << Tr::tr("Stopping; press Ctrl+C again to quit at once.") << '\n'
                  << Qt::flush;
            m_interrupted = true;
            m_run.stop();
        });
    }

    /// Whether Ctrl+C (or SIGTERM) stopped the run.
    bool interrupted() const { return m_interrupted; }

    void finished()
    {
        m_progress.stop();
        if (m_showProgress) {
            draw();
            m_err << '\n' << Qt::flush;
        }
    }

private:
    void draw()
    {
        const QString line = SummaryPrinter::progressLine(
            m_run.statsSnapshot(), m_run.size(), m_run.elapsedUs(), terminalWidth() - 1);
        m_err << '\r' << line << Qt::flush;
    }

    Run &m_run;
    ResultStreamer &m_streamer;
    bool m_showProgress;
    bool m_interrupted = false;
    QTimer m_progress;
    InterruptWatcher m_interrupts;
    QTextStream m_err {stderr};
};

/// Runs to the end, streaming results; returns the exit code.
int execute(const RunCommandLine &request, const Prepared &prepared)
{
    ResultStreamer streamer(request.outputs, prepared.source, prepared.mask);
    if (!streamer.open()) {
        QTextStream(stderr) << "rafaga run: " << streamer.error() << '\n';
        return Cli::OutputError;
    }

    Run run(prepared.source, runOptions(request));
    QObject::connect(&run, &Run::orderedAdvanced, [&](qint64 ordered) {
        streamer.append(run.results(), ordered);
        if (streamer.failed()) // results would be lost: no point in sending more
            run.stop();
    });
    RunWatch watch(run, streamer, !request.quiet && ::isatty(STDERR_FILENO));
    QObject::connect(&run, &Run::finished, QCoreApplication::instance(), &QCoreApplication::quit,
        Qt::QueuedConnection);
    run.start();
    QCoreApplication::exec();
    watch.finished();

    const RunStats stats = run.statsSnapshot();
    const bool written = streamer.finish(
        ResultWriters::summaryJson(stats, run.options(), run.size(), run.elapsedUs()));
    if (!request.quiet) {
        // The summary goes where it does not mix with results written to standard output.
        QTextStream summary(request.outputs.usesStdout() ? stderr : stdout);
        summary << SummaryPrinter::summary(stats, run.options(), run.size(), run.elapsedUs());
    }
    if (!written) {
        QTextStream(stderr) << "rafaga run: " << streamer.error() << '\n';
        return Cli::OutputError;
    }
    if (watch.interrupted())
        return Cli::Stopped;
    const bool allPassed = stats.succeeded() == run.size() && stats.assertionsFailed() == 0;
    return allPassed ? Cli::Success : Cli::Failures;
}
/// --locust-workers N: how many workers (0 without it), or a usage error.
QString readLocustWorkers(
    const QCommandLineParser &parser, const RunCommandLine &request, int *workers)
{
    const QString option = QStringLiteral("locust-workers");
    if (!parser.isSet(option))
        return QString();
    bool ok = false;
    *workers = parser.value(option).toInt(&ok);
    if (!ok || *workers < 1 || *workers > 64)
        return Tr::tr("--locust-workers: '%1' is not a whole number from 1 to 64")
            .arg(parser.value(option));
    if (!request.collectionMode)
        return Tr::tr("--locust-workers needs a collection FILE");
    // What Locust's HTTP client cannot do as Rafaga does: refused rather than done otherwise.
    for (const char *flag : {"http2", "qt-http", "proxy", "cert", "key", "skip-invalid"}) {
        if (parser.isSet(QLatin1String(flag)))
            return Tr::tr("--%1 cannot be used with --locust-workers").arg(QLatin1String(flag));
    }
    return locustMissing();
}

/// What the collection has that Rafaga does not carry over, once per kind with a count; with
/// --strict-import, an error.
bool reportNotCarriedOver(const RunCommandLine &request)
{
    if (request.importNotes.isEmpty() || (request.quiet && !request.strictImport))
        return true;
    QTextStream err(stderr);
    const QList<std::pair<QString, int>> groups = groupedNotes(request.importNotes);
    for (const auto &[kind, count] : groups) {
        err << "rafaga run: "
            << Tr::tr("not carried over: %1 (%n time(s))", nullptr, count).arg(kind) << '\n';
    }
    return !request.strictImport;
}
} // namespace

int runRunCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Sends a request N times, or every request of a collection, C at a time, and reports "
        "what came back."));
    addRunOptions(parser);
    parser.addOption({QStringLiteral("locust-workers"),
        Tr::tr("With a collection: run it on Locust, a master and N worker processes on this "
               "machine (Debian: python3-locust), instead of in this process."),
        Tr::tr("N")});
    parser.addHelpOption();
    if (const int early = Cli::parseOrExit(parser, Command, arguments); early >= 0)
        return early;

    RunCommandLine request;
    if (const QString problem = readRunCommandLine(parser, &request); !problem.isEmpty())
        return Cli::usageError(Command, problem);
    int locustWorkers = 0;
    if (const QString problem = readLocustWorkers(parser, request, &locustWorkers);
        !problem.isEmpty())
        return Cli::usageError(Command, problem);
    if (!reportNotCarriedOver(request))
        return Cli::usageError(Command,
            Tr::tr("--strict-import: %1 has what Rafaga does not carry over (above)")
                .arg(request.collectionFile));
    // An unreadable or mismatched client certificate is the user's mistake: stop before sending.
    if (const Parsed<QSslConfiguration> tls = tlsConfigurationFor(runOptions(request)); !tls)
        return Cli::usageError(Command, tls.error().toString());
    const Prepared prepared = prepare(request);
    if (!prepared.error.isEmpty())
        return Cli::usageError(Command, prepared.error);
    if (!prepared.skipped.isEmpty())
        QTextStream(stderr) << "rafaga run: " << prepared.skipped << '\n';
    for (const QString &note : request.quiet ? QStringList() : prepared.notes)
        QTextStream(stderr) << Tr::tr("note: %1").arg(note) << '\n';
    if (locustWorkers > 0)
        return runOnLocust(request, prepared.source, prepared.mask, locustWorkers);
    return execute(request, prepared);
}
