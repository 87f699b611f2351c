#include "cli/runcommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "core/formats/csvwriter.h"
#include "core/formats/importer.h"
#include "cli/interruptwatcher.h"
#include "core/formats/postmanimport.h"
#include "core/engine/requestsource.h"
#include "core/formats/resultwriters.h"
#include "core/engine/run.h"
#include "core/collection/runplan.h"
#include "core/collection/secretstore.h"
#include "cli/summaryprinter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <optional>
#include <sys/ioctl.h>
#include <unistd.h>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};

/// What the command line asked for.
struct CommandLine
{
    RequestSpec spec; ///< --url mode
    qint64 count = 1; ///< --url mode: -n
    QString collectionFile; ///< FILE mode
    RunSettings settings; ///< FILE mode: the collection's, with the flags applied
    RunRequest plan; ///< FILE mode: folders, environment, variables
    RunOptions options;
    QString csvPath;
    QString jsonPath;
    QString ndjsonPath;
    bool quiet = false;
};

std::optional<qint64> parseInteger(const QString &text, qint64 low, qint64 high)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < low || value > high)
        return std::nullopt;
    return value;
}

QString outOfRange(const QString &option, const QString &value, qint64 low, qint64 high)
{
    return Tr::tr("%1: '%2' is not a whole number from %3 to %4")
        .arg(option, value)
        .arg(low)
        .arg(high);
}

/// Fills the --url request from parser; returns an error message when an option is wrong.
QString readUrlRequest(const QCommandLineParser &parser, CommandLine &request)
{
    const QString urlText = parser.value(QStringLiteral("url"));
    const QUrl url = QUrl::fromUserInput(urlText);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Tr::tr("--url: '%1' is not an http:// or https:// URL").arg(urlText);
    request.spec.url = url;

    for (const QString &header : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        const QString name = header.left(colon).trimmed();
        if (colon <= 0 || name.isEmpty() || name.contains(QLatin1Char(' ')))
            return Tr::tr("-H: '%1' is not a header; expected 'Name: value'").arg(header);
        request.spec.headers.append({name.toLatin1(), header.mid(colon + 1).trimmed().toUtf8()});
    }

    if (parser.isSet(QStringLiteral("data"))) {
        const QString data = parser.value(QStringLiteral("data"));
        if (data.startsWith(QLatin1Char('@'))) {
            QFile file(data.mid(1));
            if (!file.open(QIODevice::ReadOnly))
                return Tr::tr("-d: cannot read '%1': %2").arg(file.fileName(), file.errorString());
            request.spec.body = file.readAll();
        } else {
            request.spec.body = data.toUtf8();
        }
        request.spec.method = "POST";
    }
    if (parser.isSet(QStringLiteral("method"))) {
        const QByteArray method = parser.value(QStringLiteral("method")).toLatin1();
        const bool token = !method.isEmpty()
            && std::all_of(method.begin(), method.end(),
                [](char c) { return std::isalnum(uchar(c)) || std::strchr("!#$%&'*+-.^_`|~", c); });
        if (!token)
            return Tr::tr("-X: '%1' is not an HTTP method")
                .arg(parser.value(QStringLiteral("method")));
        request.spec.method = method;
    }
    return QString();
}

/// Applies the flags that override a collection's saved run settings.
QString readRunSettings(
    const QCommandLineParser &parser, RunSettings &settings, bool collectionMode)
{
    const auto integer = [&](const char *name, qint64 low, qint64 high, int &target) -> QString {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            return QString();
        const QString text = parser.value(option);
        const auto value = parseInteger(text, low, high);
        if (!value)
            return outOfRange(
                QLatin1String(option.size() == 1 ? "-" : "--") + option, text, low, high);
        target = int(*value);
        return QString();
    };
    for (const QString &error : {
             integer("c", 1, RunOptions::MaxConcurrency, settings.concurrency),
             integer("timeout", 0, 24 * 3600 * 1000, settings.timeoutMs),
             integer("retries", 0, 100, settings.retries),
             integer("max-redirects", 0, 100, settings.maxRedirects),
             integer("iterations", 1, 100000000, settings.iterations),
         }) {
        if (!error.isEmpty())
            return error;
    }
    if (parser.isSet(QStringLiteral("rate"))) {
        bool ok = false;
        settings.rate = parser.value(QStringLiteral("rate")).toDouble(&ok);
        if (!ok || settings.rate <= 0 || settings.rate > 1e7)
            return Tr::tr("--rate: '%1' is not a rate in requests per second")
                .arg(parser.value(QStringLiteral("rate")));
    }
    if (parser.isSet(QStringLiteral("insecure")))
        settings.insecure = true;
    if (collectionMode && parser.isSet(QStringLiteral("data"))) {
        const QString data = QFileInfo(parser.value(QStringLiteral("data"))).absoluteFilePath();
        if (!QFileInfo::exists(data))
            return Tr::tr("--data: no such file '%1'").arg(parser.value(QStringLiteral("data")));
        settings.dataFile = data;
    }
    if (parser.isSet(QStringLiteral("env")))
        settings.environment = parser.value(QStringLiteral("env"));
    return QString();
}

/// The transport flags that no collection saves: HTTP version, proxy, client certificate.
QString readTransportOptions(const QCommandLineParser &parser, CommandLine &request)
{
    RunOptions &options = request.options;
    if (parser.isSet(QStringLiteral("http2")) && parser.isSet(QStringLiteral("http1")))
        return Tr::tr("--http1 and --http2 contradict each other");
    if (parser.isSet(QStringLiteral("http2")))
        options.httpVersion = HttpVersionPolicy::Http2;
    if (parser.isSet(QStringLiteral("http1")))
        options.httpVersion = HttpVersionPolicy::Http1Only;
    if (parser.isSet(QStringLiteral("qt-http")))
        options.fastHttpPath = false;
    if (parser.isSet(QStringLiteral("proxy"))) {
        const QUrl proxy(parser.value(QStringLiteral("proxy")));
        if (!proxy.isValid() || proxy.host().isEmpty())
            return Tr::tr("--proxy: '%1' is not a proxy URL (e.g. http://proxy:3128)")
                .arg(parser.value(QStringLiteral("proxy")));
        options.proxy = parser.value(QStringLiteral("proxy"));
    }
    for (const char *name : {"cert", "key"}) {
        const QString path = parser.value(QLatin1String(name));
        if (!path.isEmpty() && !QFile::exists(path))
            return Tr::tr("--%1: no such file '%2'").arg(QLatin1String(name), path);
    }
    options.clientCertificateFile = parser.value(QStringLiteral("cert"));
    options.clientKeyFile = parser.value(QStringLiteral("key"));
    // The CLI reports on results, it does not show them: keep nothing of the answers.
    options.bodySampleBytes = 0;
    options.keepResponseHeaders = false;

    request.csvPath = parser.value(QStringLiteral("csv"));
    request.jsonPath = parser.value(QStringLiteral("json"));
    request.ndjsonPath = parser.value(QStringLiteral("ndjson"));
    request.quiet = parser.isSet(QStringLiteral("quiet"));
    return QString();
}

/// An output file, or standard output for "-".
std::unique_ptr<QFile> openOutput(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>();
    bool ok;
    if (path == QLatin1String("-")) {
        ok = file->open(stdout, QIODevice::WriteOnly);
    } else {
        file->setFileName(path);
        ok = file->open(QIODevice::WriteOnly | QIODevice::Truncate);
    }
    if (!ok) {
        *error = Tr::tr("cannot write '%1': %2").arg(path, file->errorString());
        return nullptr;
    }
    return file;
}

int terminalWidth()
{
    winsize size {};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
        return size.ws_col;
    return 80;
}

/// Reads --var NAME=VALUE and --env-file, and loads the collection FILE names.
QString readCollectionRequest(
    const QCommandLineParser &parser, CommandLine &request, Collection *collection)
{
    QString error;
    const std::optional<QByteArray> data = Cli::readInput(request.collectionFile, &error);
    if (!data)
        return error;
    const Parsed<ImportResult> loaded = importCollection(*data, request.collectionFile);
    if (!loaded)
        return loaded.error().toString();
    if (loaded.value().format != ImportResult::Format::Native
        && loaded.value().format != ImportResult::Format::Postman)
        return Tr::tr("%1: expected a Rafaga or Postman collection, found a %2 (try rafaga import)")
            .arg(request.collectionFile, importFormatName(loaded.value().format));
    *collection = loaded.value().collection;
    request.settings = collection->run;
    if (const QString bad = readRunSettings(parser, request.settings, true); !bad.isEmpty())
        return bad;

    RunRequest &plan = request.plan;
    plan.collectionFile = QFileInfo(request.collectionFile).absoluteFilePath();
    plan.folders = parser.values(QStringLiteral("folder"));
    for (const QString &assignment : parser.values(QStringLiteral("var"))) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Tr::tr("--var: '%1' is not NAME=VALUE").arg(assignment);
        plan.variables.insert(assignment.left(equals).trimmed(), assignment.mid(equals + 1));
    }
    if (parser.isSet(QStringLiteral("env")) && parser.isSet(QStringLiteral("env-file")))
        return Tr::tr("--env and --env-file contradict each other");
    if (parser.isSet(QStringLiteral("env-file"))) {
        const QString path = parser.value(QStringLiteral("env-file"));
        const std::optional<QByteArray> env = Cli::readInput(path, &error);
        if (!env)
            return error;
        const Parsed<Environment> environment = importPostmanEnvironment(*env, path);
        if (!environment)
            return environment.error().toString();
        plan.environment = environment.value();
    }
    plan.secrets = SecretStore().lookupFor(plan.collectionFile);
    plan.settings = request.settings;
    return QString();
}

} // namespace

int runRunCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Sends a request N times, or every request of a collection, C at a time, and reports "
        "what came back."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
        Tr::tr("A Rafaga or Postman collection to run (instead of --url)."),
        QStringLiteral("[FILE]"));
    parser.addOptions({
        {QStringLiteral("url"), Tr::tr("The URL to request (instead of a collection FILE)."),
            Tr::tr("URL")},
        {{QStringLiteral("X"), QStringLiteral("method")},
            Tr::tr("With --url: the HTTP method (default GET, or POST with -d)."),
            Tr::tr("METHOD")},
        {{QStringLiteral("H"), QStringLiteral("header")},
            Tr::tr("With --url: a request header; repeatable."), Tr::tr("'Name: value'")},
        {{QStringLiteral("d"), QStringLiteral("data")},
            Tr::tr(
                "With --url: the request body, @FILE reads it from a file. With a collection: the "
                "data set (CSV or JSON), one run of the requests per row."),
            Tr::tr("BODY|FILE")},
        {{QStringLiteral("n"), QStringLiteral("requests")},
            Tr::tr("With --url: how many requests to send (default 1)."), Tr::tr("N")},
        {{QStringLiteral("c"), QStringLiteral("concurrency")},
            Tr::tr(
                "How many may be in flight at once, 1 to 1000 (default 10, or the collection's)."),
            Tr::tr("C")},
        {QStringLiteral("rate"), Tr::tr("Start requests at this many per second (open model)."),
            Tr::tr("R")},
        {QStringLiteral("timeout"),
            Tr::tr("Deadline of one attempt in ms, 0 for none (default 30000)."), Tr::tr("MS")},
        {QStringLiteral("retries"),
            Tr::tr(
                "Retries after a connection failure, timeout, 429 or 5xx-unavailable (default 0)."),
            Tr::tr("K")},
        {QStringLiteral("max-redirects"),
            Tr::tr("Redirects to follow, 0 to follow none (default 10)."), Tr::tr("N")},
        {QStringLiteral("env"), Tr::tr("With a collection: use its environment NAME."),
            Tr::tr("NAME")},
        {QStringLiteral("env-file"),
            Tr::tr(
                "With a collection: use the environment in FILE (a Postman environment export)."),
            Tr::tr("FILE")},
        {QStringLiteral("var"),
            Tr::tr("With a collection: set a variable; repeatable; wins over environments."),
            Tr::tr("NAME=VALUE")},
        {QStringLiteral("iterations"), Tr::tr("With a collection: repeat the whole list K times."),
            Tr::tr("K")},
        {QStringLiteral("folder"),
            Tr::tr("With a collection: run only the requests in this folder; repeatable."),
            Tr::tr("NAME")},
        {QStringLiteral("http2"),
            Tr::tr("Use HTTP/2: by ALPN on https, prior knowledge (h2c) on http.")},
        {QStringLiteral("http1"), Tr::tr("Never use HTTP/2.")},
        {QStringLiteral("qt-http"),
            Tr::tr("Send plain http:// requests (HTTP/1.1, and h2c with --http2) through Qt's own "
                   "HTTP stack instead of Rafaga's faster path (to compare, or as a fallback); "
                   "RAFAGA_QT_HTTP=1 does the same.")},
        {{QStringLiteral("k"), QStringLiteral("insecure")}, Tr::tr("Accept any TLS certificate.")},
        {QStringLiteral("proxy"), Tr::tr("Send through this proxy instead of the system's."),
            Tr::tr("URL")},
        {QStringLiteral("cert"), Tr::tr("Client certificate (PEM)."), Tr::tr("FILE")},
        {QStringLiteral("key"), Tr::tr("Private key of the client certificate (PEM)."),
            Tr::tr("FILE")},
        {QStringLiteral("csv"), Tr::tr("Write one row per request, in input order."),
            Tr::tr("FILE")},
        {QStringLiteral("json"), Tr::tr("Write the summary as JSON."), Tr::tr("FILE")},
        {QStringLiteral("ndjson"),
            Tr::tr("Write one JSON line per result, in input order; - for stdout."),
            Tr::tr("FILE")},
        {{QStringLiteral("q"), QStringLiteral("quiet")}, Tr::tr("No progress and no summary.")},
    });
    parser.addHelpOption();
    if (const int early = Cli::parseOrExit(parser, QStringLiteral("run"), arguments); early >= 0)
        return early;

    const QString command = QStringLiteral("run");
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return Cli::usageError(command, Tr::tr("unexpected argument '%1'").arg(positional.at(1)));
    const bool collectionMode = positional.size() == 1;
    if (collectionMode == parser.isSet(QStringLiteral("url")))
        return Cli::usageError(command,
            collectionMode ? Tr::tr("give a collection FILE or --url, not both")
                           : Tr::tr("--url or a collection FILE is required (e.g. rafaga run --url "
                                    "http://127.0.0.1:8080/get)"));
    for (const char *collectionOnly : {"env", "env-file", "var", "iterations", "folder"}) {
        if (!collectionMode && parser.isSet(QLatin1String(collectionOnly)))
            return Cli::usageError(
                command, Tr::tr("--%1 needs a collection FILE").arg(QLatin1String(collectionOnly)));
    }
    for (const char *urlOnly : {"X", "H", "n"}) {
        if (collectionMode && parser.isSet(QLatin1String(urlOnly)))
            return Cli::usageError(command,
                Tr::tr("-%1 goes with --url, not a collection").arg(QLatin1String(urlOnly)));
    }

    CommandLine request;
    Collection collection;
    std::shared_ptr<const RequestSource> source;
    QString problem;
    if (collectionMode) {
        request.collectionFile = positional.first();
        problem = readCollectionRequest(parser, request, &collection);
    } else {
        request.settings.concurrency = 10;
        problem = readUrlRequest(parser, request);
        if (problem.isEmpty())
            problem = readRunSettings(parser, request.settings, false);
        if (problem.isEmpty() && parser.isSet(QStringLiteral("n"))) {
            const auto count
                = parseInteger(parser.value(QStringLiteral("n")), 1, qint64(UINT32_MAX));
            if (!count)
                problem = outOfRange(
                    QStringLiteral("-n"), parser.value(QStringLiteral("n")), 1, qint64(UINT32_MAX));
            else
                request.count = *count;
        }
    }
    if (problem.isEmpty())
        problem = readTransportOptions(parser, request);
    if (!problem.isEmpty())
        return Cli::usageError(command, problem);

    // The engine's options: the settings, then what only the command line says.
    const RunOptions transport = request.options;
    RunOptions options = runOptionsFor(request.settings);
    options.httpVersion = transport.httpVersion;
    options.fastHttpPath = transport.fastHttpPath;
    options.proxy = transport.proxy;
    options.clientCertificateFile = transport.clientCertificateFile;
    options.clientKeyFile = transport.clientKeyFile;
    options.bodySampleBytes = transport.bodySampleBytes;
    options.keepResponseHeaders = transport.keepResponseHeaders;

    ResultWriters::SecretMask mask;
    if (collectionMode) {
        const Parsed<PreparedRun> prepared = prepareRun(collection, request.plan);
        if (!prepared)
            return Cli::usageError(command, prepared.error().toString());
        source = prepared.value().source;
        mask = ResultWriters::SecretMask(
            secretValues(collection, request.plan.secrets, request.plan.environment));
    } else {
        source = std::make_shared<RequestList>(QList<RequestSpec> {request.spec}, request.count);
    }

    QString openError;
    std::unique_ptr<QFile> csvFile, ndjsonFile;
    QTextStream err(stderr);
    if (!request.csvPath.isEmpty() && !(csvFile = openOutput(request.csvPath, &openError)))
        return Cli::usageError(command, QStringLiteral("--csv: ") + openError);
    if (!request.ndjsonPath.isEmpty() && !(ndjsonFile = openOutput(request.ndjsonPath, &openError)))
        return Cli::usageError(command, QStringLiteral("--ndjson: ") + openError);
    // The summary goes where it does not mix with results written to standard output.
    const bool stdoutTaken = request.ndjsonPath == QLatin1String("-")
        || request.csvPath == QLatin1String("-") || request.jsonPath == QLatin1String("-");
    FILE *summaryStream = stdoutTaken ? stderr : stdout;

    Run run(source, options);

    std::optional<CsvWriter> csv;
    const ResultWriters::CsvLayout layout = ResultWriters::CsvLayout::forRun(*source);
    if (csvFile) {
        csv.emplace(csvFile.get());
        csv->writeRow(layout.header());
    }
    qint64 written = 0;
    QObject::connect(&run, &Run::orderedAdvanced, [&](qint64 ordered) {
        const ResultStore &store = run.results();
        for (; written < ordered; ++written) {
            const Result &result = store.at(written);
            const RequestSpec spec = source->at(written);
            if (csv)
                csv->writeRow(layout.row(result, spec, mask));
            if (ndjsonFile) {
                ndjsonFile->write(QJsonDocument(ResultWriters::resultJson(result, spec, mask))
                                      .toJson(QJsonDocument::Compact));
                ndjsonFile->write("\n");
            }
        }
        if (ndjsonFile)
            ndjsonFile->flush();
    });

    const bool showProgress = !request.quiet && ::isatty(STDERR_FILENO);
    QTimer progress;
    const auto drawProgress = [&] {
        const QString line = SummaryPrinter::progressLine(
            run.statsSnapshot(), run.size(), run.elapsedUs(), terminalWidth() - 1);
        err << '\r' << line << Qt::flush;
    };
    if (showProgress) {
        QObject::connect(&progress, &QTimer::timeout, drawProgress);
        progress.start(100);
    }

    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, [&](int count) {
        if (count == 1) {
            err << '\n'
                << Tr::tr("Stopping; press Ctrl+C again to quit at once.") << '\n'
                << Qt::flush;
            run.stop();
        } else {
            std::_Exit(130);
        }
    });

    QObject::connect(&run, &Run::finished, QCoreApplication::instance(), &QCoreApplication::quit,
        Qt::QueuedConnection);
    run.start();
    QCoreApplication::exec();
    progress.stop();
    if (showProgress) {
        drawProgress();
        err << '\n' << Qt::flush;
    }

    const RunStats stats = run.statsSnapshot();
    if (!request.jsonPath.isEmpty()) {
        std::unique_ptr<QFile> jsonFile = openOutput(request.jsonPath, &openError);
        const QJsonObject summary
            = ResultWriters::summaryJson(stats, run.options(), run.size(), run.elapsedUs());
        if (!jsonFile || jsonFile->write(QJsonDocument(summary).toJson()) < 0) {
            err << "rafaga run: --json: " << openError << '\n';
            return Cli::Failures;
        }
    }
    if (!request.quiet) {
        QTextStream summary(summaryStream);
        summary << SummaryPrinter::summary(stats, run.options(), run.size(), run.elapsedUs());
    }
    const bool allPassed = stats.succeeded() == run.size() && stats.assertionsFailed() == 0;
    return allPassed ? Cli::Success : Cli::Failures;
}
