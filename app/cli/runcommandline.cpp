#include "cli/runcommandline.h"

#include "cli/cliutil.h"
#include "core/collection/secretstore.h"
#include "core/formats/importer.h"
#include "core/formats/postmanimport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <optional>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
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

/// The request headers of -H; an error message when one is not "Name: value".
QString readHeaders(const QCommandLineParser &parser, RequestSpec &spec)
{
    for (const QString &header : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        const QString name = header.left(colon).trimmed();
        if (colon <= 0 || name.isEmpty() || name.contains(QLatin1Char(' ')))
            return Tr::tr("-H: '%1' is not a header; expected 'Name: value'").arg(header);
        spec.headers.append({name.toLatin1(), header.mid(colon + 1).trimmed().toUtf8()});
    }
    return QString();
}

/// Fills the --url request from parser; returns an error message when an option is wrong.
QString readUrlRequest(const QCommandLineParser &parser, RunCommandLine &request)
{
    const QString urlText = parser.value(QStringLiteral("url"));
    const QUrl url = QUrl::fromUserInput(urlText);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Tr::tr("--url: '%1' is not an http:// or https:// URL").arg(urlText);
    request.spec.url = url;
    if (const QString bad = readHeaders(parser, request.spec); !bad.isEmpty())
        return bad;

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
    if (parser.isSet(QStringLiteral("n"))) {
        const QString text = parser.value(QStringLiteral("n"));
        const auto count = parseInteger(text, 1, qint64(UINT32_MAX));
        if (!count)
            return outOfRange(QStringLiteral("-n"), text, 1, qint64(UINT32_MAX));
        request.count = *count;
    }
    return QString();
}

/// The order of a run: -c chooses concurrency over a collection's saved one-at-a-time order,
/// --order picks one of the three, and --sequential wins over both.
QString readOrder(const QCommandLineParser &parser, RunSettings &settings)
{
    if (parser.isSet(QStringLiteral("c")))
        settings.sequential = false;
    if (parser.isSet(QStringLiteral("order"))) {
        const QString order = parser.value(QStringLiteral("order"));
        if (order != QLatin1String("captures") && order != QLatin1String("rows")
            && order != QLatin1String("one-at-a-time"))
            return Tr::tr("--order: '%1' is not one of captures, rows, one-at-a-time").arg(order);
        settings.sequential = order == QLatin1String("one-at-a-time");
        settings.rowOrder = order == QLatin1String("rows");
    }
    if (parser.isSet(QStringLiteral("sequential")))
        settings.sequential = true;
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
    if (const QString error = readOrder(parser, settings); !error.isEmpty())
        return error;
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

/// The transport flags that no collection saves (HTTP version, proxy, client certificate), over
/// the timeout and TLS trust of the settings; and where the results go.
QString readTransportOptions(const QCommandLineParser &parser, RunCommandLine &request)
{
    TransportOptions &transport = request.transport;
    transport = runOptionsFor(request.settings).transport();
    if (parser.isSet(QStringLiteral("http2")) && parser.isSet(QStringLiteral("http1")))
        return Tr::tr("--http1 and --http2 contradict each other");
    if (parser.isSet(QStringLiteral("http2")))
        transport.httpVersion = HttpVersionPolicy::Http2;
    if (parser.isSet(QStringLiteral("http1")))
        transport.httpVersion = HttpVersionPolicy::Http1Only;
    if (parser.isSet(QStringLiteral("qt-http")))
        transport.fastHttpPath = false;
    if (parser.isSet(QStringLiteral("proxy"))) {
        const QUrl proxy(parser.value(QStringLiteral("proxy")));
        if (!proxy.isValid() || proxy.host().isEmpty())
            return Tr::tr("--proxy: '%1' is not a proxy URL (e.g. http://proxy:3128)")
                .arg(parser.value(QStringLiteral("proxy")));
        transport.proxy = parser.value(QStringLiteral("proxy"));
    }
    for (const char *name : {"cert", "key"}) {
        const QString path = parser.value(QLatin1String(name));
        if (!path.isEmpty() && !QFile::exists(path))
            return Tr::tr("--%1: no such file '%2'").arg(QLatin1String(name), path);
    }
    transport.clientCertificateFile = parser.value(QStringLiteral("cert"));
    transport.clientKeyFile = parser.value(QStringLiteral("key"));

    request.outputs.csv = parser.value(QStringLiteral("csv"));
    request.outputs.json = parser.value(QStringLiteral("json"));
    request.outputs.ndjson = parser.value(QStringLiteral("ndjson"));
    request.quiet = parser.isSet(QStringLiteral("quiet"));
    return QString();
}

/// --var NAME=VALUE and --env-file into the plan.
QString readVariables(const QCommandLineParser &parser, RunRequest &plan)
{
    for (const QString &assignment : parser.values(QStringLiteral("var"))) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Tr::tr("--var: '%1' is not NAME=VALUE").arg(assignment);
        plan.variables.insert(assignment.left(equals).trimmed(), assignment.mid(equals + 1));
    }
    if (parser.isSet(QStringLiteral("env")) && parser.isSet(QStringLiteral("env-file")))
        return Tr::tr("--env and --env-file contradict each other");
    if (parser.isSet(QStringLiteral("env-file"))) {
        QString error;
        const QString path = parser.value(QStringLiteral("env-file"));
        const std::optional<QByteArray> env = Cli::readInput(path, &error);
        if (!env)
            return error;
        const Parsed<Environment> environment = importPostmanEnvironment(*env, path);
        if (!environment)
            return environment.error().toString();
        plan.environment = environment.value();
    }
    return QString();
}

/// Loads the collection FILE names, and reads the flags that go with it.
QString readCollectionRequest(const QCommandLineParser &parser, RunCommandLine &request)
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
    request.collection = loaded.value().collection;
    request.importNotes = loaded.value().notes;
    request.strictImport = parser.isSet(QStringLiteral("strict-import"));
    request.settings = request.collection.run;
    if (const QString bad = readRunSettings(parser, request.settings, true); !bad.isEmpty())
        return bad;

    RunRequest &plan = request.plan;
    plan.collectionFile = QFileInfo(request.collectionFile).absoluteFilePath();
    plan.folders = parser.values(QStringLiteral("folder"));
    plan.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    if (const QString bad = readVariables(parser, plan); !bad.isEmpty())
        return bad;
    plan.secrets = SecretStore().lookupFor(plan.collectionFile);
    plan.settings = request.settings;
    return QString();
}

/// The combinations of flags and FILE that make no sense.
QString checkMode(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return Tr::tr("unexpected argument '%1'").arg(positional.at(1));
    const bool collectionMode = positional.size() == 1;
    if (collectionMode == parser.isSet(QStringLiteral("url")))
        return collectionMode ? Tr::tr("give a collection FILE or --url, not both")
                              : Tr::tr("--url or a collection FILE is required (e.g. rafaga run "
                                       "--url http://127.0.0.1:8080/get)");
    for (const char *collectionOnly :
        {"env", "env-file", "var", "iterations", "folder", "strict-import", "skip-invalid"}) {
        if (!collectionMode && parser.isSet(QLatin1String(collectionOnly)))
            return Tr::tr("--%1 needs a collection FILE").arg(QLatin1String(collectionOnly));
    }
    for (const char *urlOnly : {"X", "H", "n"}) {
        if (collectionMode && parser.isSet(QLatin1String(urlOnly)))
            return Tr::tr("-%1 goes with --url, not a collection").arg(QLatin1String(urlOnly));
    }
    return QString();
}
} // namespace

bool OutputPaths::usesStdout() const
{
    const QLatin1String stdoutName("-");
    return csv == stdoutName || json == stdoutName || ndjson == stdoutName;
}

namespace {
/// The options of a collection run, and --sequential.
void addCollectionOptions(QCommandLineParser &parser)
{
    parser.addOptions({
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
        {QStringLiteral("strict-import"),
            Tr::tr("With a Postman collection: exit with 2, sending nothing, when it has what "
                   "Rafaga does not carry over (scripts, unsupported auth, protocol profile "
                   "behavior).")},
        {QStringLiteral("skip-invalid"),
            Tr::tr("With a collection: run the requests that can be built; each one that cannot "
                   "(an unresolved variable, a missing file) is recorded as skipped with the "
                   "reason, and the problems are listed on standard error.")},
        {QStringLiteral("sequential"),
            Tr::tr("Send one request at a time, in order, as newman does: for flows that depend "
                   "on side effects rather than captured values.")},
        {QStringLiteral("order"),
            Tr::tr("How requests wait for each other: captures (only for the values they use), "
                   "rows (each data row's requests one after another, the rows concurrently) or "
                   "one-at-a-time (as --sequential)."),
            Tr::tr("ORDER")},
    });
}
} // namespace

void addRunOptions(QCommandLineParser &parser)
{
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
    });
    addCollectionOptions(parser);
    parser.addOptions({
        {QStringLiteral("http2"),
            Tr::tr("Use HTTP/2: by ALPN on https, prior knowledge (h2c) on http.")},
        {QStringLiteral("http1"), Tr::tr("Never use HTTP/2.")},
        {QStringLiteral("qt-http"),
            Tr::tr("Send http:// and https:// requests (HTTP/1.1, h2c with --http2, h2 by ALPN) "
                   "through Qt's own HTTP stack instead of Rafaga's faster path (to compare, or "
                   "as a fallback); RAFAGA_QT_HTTP=1 does the same.")},
        {{QStringLiteral("k"), QStringLiteral("insecure")},
            Tr::tr("Do not verify the server's TLS certificate: an untrusted, expired or "
                   "self-signed one, or one for another name, is not an error.")},
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
}

QString readRunCommandLine(const QCommandLineParser &parser, RunCommandLine *commandLine)
{
    if (const QString bad = checkMode(parser); !bad.isEmpty())
        return bad;
    RunCommandLine &request = *commandLine;
    request.collectionMode = parser.positionalArguments().size() == 1;
    QString problem;
    if (request.collectionMode) {
        request.collectionFile = parser.positionalArguments().first();
        problem = readCollectionRequest(parser, request);
    } else {
        request.settings.concurrency = 10;
        problem = readUrlRequest(parser, request);
        if (problem.isEmpty())
            problem = readRunSettings(parser, request.settings, false);
    }
    if (problem.isEmpty())
        problem = readTransportOptions(parser, request);
    return problem;
}
