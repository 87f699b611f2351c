#include "cli/reportcommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/resultstreamer.h"
#include "cli/summaryprinter.h"
#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"
#include "core/formats/resultsreader.h"
#include "core/stats/runstats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
};

const QString Command = QStringLiteral("report");

} // namespace

int runReportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Prints the summary of a run from its results (rafaga run --ndjson, or the results.ndjson "
        "of an exported locustfile), as rafaga run prints it."));
    parser.addPositionalArgument(QStringLiteral("RESULTS"), Tr::tr("An NDJSON results file."));
    parser.addOptions({
        {QStringLiteral("csv"), Tr::tr("Write one row per request, in input order."),
            Tr::tr("FILE")},
        {QStringLiteral("json"), Tr::tr("Write the summary as JSON."), Tr::tr("FILE")},
    });
    parser.addHelpOption();
    if (const int early = Cli::parseOrExit(parser, Command, arguments); early >= 0)
        return early;
    if (parser.positionalArguments().size() != 1)
        return Cli::usageError(Command, Tr::tr("expected one results FILE"));
    const QString path = parser.positionalArguments().first();
    QString error;
    const std::optional<QByteArray> data = Cli::readInput(path, &error);
    if (!data)
        return Cli::usageError(Command, error);
    const Parsed<ResultsFile> file = readResultsNdjson(*data, path);
    if (!file)
        return Cli::usageError(Command, file.error().toString());

    OutputPaths outputs;
    outputs.csv = parser.value(QStringLiteral("csv"));
    outputs.json = parser.value(QStringLiteral("json"));
    ResultStreamer streamer(
        outputs, std::make_shared<RequestList>(file.value().specs), ResultWriters::SecretMask());
    if (!streamer.open()) {
        QTextStream(stderr) << "rafaga report: " << streamer.error() << '\n';
        return Cli::OutputError;
    }
    ReportInput input;
    input.results = file.value().results;
    input.elapsedUs = file.value().elapsedUs;
    input.options.concurrency = 0;
    return writeReport(input, streamer, outputs, false, Command);
}

int writeReport(const ReportInput &input, ResultStreamer &streamer, const OutputPaths &outputs,
    bool quiet, const QString &command)
{
    const qint64 size = input.results.size();
    ResultStore store(size);
    for (qint64 i = 0; i < size; ++i)
        store.put(i, Result(input.results.at(i)));
    const RunStats stats = statsOfResults(input.results);
    RunOptions options = input.options;
    if (options.concurrency <= 0)
        options.concurrency = stats.maxInFlight();

    streamer.append(store, size);
    const bool written
        = streamer.finish(ResultWriters::summaryJson(stats, options, size, input.elapsedUs));
    if (!quiet) {
        QTextStream summary(outputs.usesStdout() ? stderr : stdout);
        summary << SummaryPrinter::summary(stats, options, size, input.elapsedUs);
    }
    if (!written) {
        QTextStream(stderr) << "rafaga " << command << ": " << streamer.error() << '\n';
        return Cli::OutputError;
    }
    const bool allPassed = stats.succeeded() == size && stats.assertionsFailed() == 0;
    return allPassed ? Cli::Success : Cli::Failures;
}
