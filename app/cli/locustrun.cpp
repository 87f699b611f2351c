#include "cli/locustrun.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/interruptwatcher.h"
#include "cli/locustcluster.h"
#include "cli/locustcommand.h"
#include "cli/reportcommand.h"
#include "cli/resultstreamer.h"
#include "cli/runcommandline.h"
#include "core/engine/requestsource.h"
#include "core/formats/resultsreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <optional>

#include <unistd.h>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocustRun)
};

const QString Command = QStringLiteral("run");

QString locustProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("locust"));
}

/// The results the master wrote (in input order; a line a stop cut short is left out), then a
/// not_sent result for every request that has none.
ReportInput resultsOf(const QString &path, qint64 size, QString *error)
{
    ReportInput input;
    QFile file(path);
    QByteArray data;
    if (file.open(QIODevice::ReadOnly))
        data = file.readAll();
    data.truncate(data.lastIndexOf('\n') + 1);
    if (!data.isEmpty()) {
        const Parsed<ResultsFile> read = readResultsNdjson(data, path);
        if (read) {
            input.results = read.value().results.mid(0, size);
            input.elapsedUs = read.value().elapsedUs;
        } else {
            *error = read.error().toString();
        }
    }
    for (qint64 i = input.results.size(); i < size; ++i) {
        Result result;
        result.requestIndex = quint32(i);
        result.error = ErrorCategory::NotSent;
        result.detail = new ResultDetail;
        result.detail->errorMessage
            = Tr::tr("no result came back from Locust before the run ended");
        input.results.append(result);
    }
    return input;
}

/// The lines the locustfile wrote about the run ("Rafaga: worker ... lost; ..."), or when the
/// run did not complete, the end of the master's output.
void reportMasterLog(const LocustCluster &cluster, bool complete)
{
    QTextStream err(stderr);
    const QStringList lines = cluster.masterLog().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (complete) {
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("Rafaga: worker ")))
                err << "rafaga run: Locust: " << line.mid(8) << '\n';
        }
        return;
    }
    err << Tr::tr("The end of the Locust master's output:") << '\n';
    for (const QString &line : lines.mid(qMax<qsizetype>(0, lines.size() - 20)))
        err << "  " << line << '\n';
}

/// On a terminal, five times a second: how many results the master has written so far (its
/// file's lines, read as it grows).
class ResultsProgress
{
public:
    ResultsProgress(const QString &path, qint64 total)
        : m_file(path)
        , m_total(total)
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] { draw(); });
        m_timer.start(200);
    }
    ~ResultsProgress()
    {
        draw();
        m_err << '\n' << Qt::flush;
    }

private:
    void draw()
    {
        if (!m_file.isOpen() && !m_file.open(QIODevice::ReadOnly))
            return;
        for (int chunk = 0; chunk < 64 && !m_file.atEnd(); ++chunk) // at most 4 MiB a time
            m_lines += m_file.read(64 * 1024).count('\n');
        m_err << '\r' << Tr::tr("%1 of %2 results back from Locust").arg(m_lines).arg(m_total)
              << Qt::flush;
    }

    QFile m_file;
    qint64 m_total;
    qint64 m_lines = 0;
    QTimer m_timer;
    QTextStream m_err {stderr};
};

/// Runs the cluster until every process has ended; Ctrl+C (or SIGTERM) stops it, a second one
/// at once. Returns whether it was interrupted.
bool runToTheEnd(LocustCluster &cluster, std::optional<ResultsProgress> &progress)
{
    QObject::connect(&cluster, &LocustCluster::finished, QCoreApplication::instance(),
        &QCoreApplication::quit, Qt::QueuedConnection);
    bool interrupted = false;
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, [&](int count) {
        interrupted = true;
        if (count > 1)
            return cluster.kill();
        QTextStream(stderr) << '\n'
                            << Tr::tr("Stopping Locust; press Ctrl+C again to stop it at once.")
                            << '\n';
        cluster.stop();
    });
    cluster.start();
    QCoreApplication::exec();
    progress.reset();
    return interrupted;
}
} // namespace

QString locustMissing()
{
    if (!locustProgram().isEmpty())
        return QString();
    return Tr::tr("--locust-workers: Locust is not installed (no 'locust' on PATH); install it "
                  "with apt-get install python3-locust (Debian 12, Ubuntu), or pip install locust");
}

int runOnLocust(const RunCommandLine &request, const std::shared_ptr<const RequestSource> &source,
    const ResultWriters::SecretMask &mask, int workers)
{
    QTemporaryDir dir;
    const QString locustfile = dir.filePath(QStringLiteral("locustfile.py"));
    const LocustRunFile made = makeLocustfile(request, QStringLiteral("locustfile.py"));
    if (!made.error.isEmpty())
        return Cli::usageError(Command, made.error);
    QFile file(locustfile);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(made.file.text) < 0
        || !file.flush()) {
        QTextStream(stderr) << "rafaga run: "
                            << Tr::tr("cannot write the locustfile to '%1': %2")
                                   .arg(locustfile,
                                       dir.isValid() ? file.errorString() : dir.errorString())
                            << '\n';
        return Cli::OutputError;
    }
    file.close();
    ResultStreamer streamer(request.outputs, source, mask);
    if (!streamer.open()) {
        QTextStream(stderr) << "rafaga run: " << streamer.error() << '\n';
        return Cli::OutputError;
    }

    LocustCluster::Setup setup;
    setup.program = locustProgram();
    setup.locustfile = locustfile;
    setup.directory = dir.path();
    setup.workers = workers;
    setup.environment = QProcessEnvironment::systemEnvironment();
    const QString resultsPath = dir.filePath(QStringLiteral("results.ndjson"));
    setup.environment.insert(QStringLiteral("RAFAGA_RESULTS"), resultsPath);
    for (auto it = made.secretEnvironment.begin(); it != made.secretEnvironment.end(); ++it)
        setup.environment.insert(it.key(), it.value());
    LocustCluster cluster(setup);
    if (!request.quiet)
        QTextStream(stderr) << Tr::tr("Running %1 on Locust: a master and %n worker(s) on this "
                                      "machine.",
            nullptr, workers)
                                   .arg(made.description)
                            << '\n';
    std::optional<ResultsProgress> progress;
    if (!request.quiet && ::isatty(STDERR_FILENO))
        progress.emplace(resultsPath, source->size());
    const bool interrupted = runToTheEnd(cluster, progress);

    QString readError;
    const qint64 size = source->size();
    ReportInput input = resultsOf(resultsPath, size, &readError);
    input.options = runOptionsFor(request.settings);
    const qint64 missing = std::count_if(input.results.begin(), input.results.end(),
        [](const Result &result) { return result.error == ErrorCategory::NotSent; });
    const bool complete = missing == 0 && readError.isEmpty();
    if (!request.quiet || !complete)
        reportMasterLog(cluster, complete || interrupted);
    QTextStream err(stderr);
    if (!readError.isEmpty())
        err << "rafaga run: " << readError << '\n';
    if (!cluster.problem().isEmpty())
        err << "rafaga run: " << cluster.problem() << '\n';
    if (missing > 0)
        err << "rafaga run: "
            << Tr::tr("Locust ended with %1 of %2 results").arg(size - missing).arg(size) << '\n';
    err.flush();
    const int code = writeReport(input, streamer, request.outputs, request.quiet, Command);
    if (code == Cli::OutputError)
        return code;
    return interrupted ? Cli::Stopped : code;
}
