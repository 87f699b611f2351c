// The third-party corpus (tests/data/corpus): each curl command, Postman collection and HAR file is
// imported as `rafaga import` / `rafaga run` would, sent by the real engine to a loopback logging
// server, and what the server got is compared with what curl, newman or the browser sent.
#include "core/collection/collectionsource.h"
#include "core/engine/run.h"
#include "core/formats/importer.h"
#include "core/formats/postmanimport.h"
#include "support/loggingserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <map>

namespace {

const QString CorpusDir = QStringLiteral(RAFAGA_TESTDATA_DIR "/corpus");

/// Inputs whose requests do not match yet, and why (the first difference, checked by hand).
const std::map<QString, const char *> KnownDifferences = {
#include "tst_corpus_known.inc"
};

/// Every request of the run re-pointed at the logging server, as the corpus was recorded.
class LoopbackSource : public RequestSource
{
public:
    LoopbackSource(std::shared_ptr<const RequestSource> inner, quint16 port)
        : m_inner(std::move(inner))
        , m_port(port)
    { }
    qint64 size() const override { return m_inner->size(); }
    RequestSpec at(qint64 index) const override
    {
        RequestSpec spec = m_inner->at(index);
        spec.url.setScheme(QStringLiteral("http"));
        spec.url.setHost(QStringLiteral("127.0.0.1"));
        spec.url.setPort(m_port);
        return spec;
    }

private:
    std::shared_ptr<const RequestSource> m_inner;
    quint16 m_port;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The expected file without its comments and blank lines.
QByteArray expectedRequests(const QString &path)
{
    QByteArrayList kept;
    const QByteArrayList lines = readAll(path).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            kept.append(line);
    }
    return kept.join('\n');
}

/// Headers the corpus never compares (its README, "Ignored headers"), for inputs of this kind.
bool ignored(const QString &kind, const QByteArray &name, const QByteArray &value)
{
    static const QByteArrayList always
        = {"host", "content-length", "transfer-encoding", "connection", "keep-alive",
            "proxy-connection", "expect", "te", "upgrade", "http2-settings", "postman-token"};
    if (always.contains(name) || name.startsWith(':'))
        return true;
    // Rafaga's own defaults, as each reference client's own are: its User-Agent, and the
    // Accept-Encoding it adds itself (it decodes those answers), which an input cannot ask for.
    if ((name == "user-agent" && value.startsWith("rafaga/"))
        || (name == "accept-encoding" && value == "zstd, br, gzip, deflate"))
        return true;
    if (kind == QLatin1String("curl"))
        return (name == "user-agent" && value.startsWith("curl/"))
            || (name == "accept-encoding" && value == "deflate, gzip, br, zstd");
    if (kind == QLatin1String("postman"))
        return (name == "user-agent" && value.startsWith("PostmanRuntime/"))
            || (name == "accept-encoding" && value == "gzip, deflate, br")
            || (name == "cache-control" && value == "no-cache");
    return false;
}

/// What the server got, in the corpus's expected-file format (without comments).
QByteArray describe(const QString &kind, const QList<LoggedRequest> &requests)
{
    QByteArrayList lines {"count " + QByteArray::number(requests.size())};
    for (const LoggedRequest &request : requests) {
        lines.append("> " + request.method + ' ' + request.target);
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray boundary;
        for (const auto &[name, value] : request.headers) {
            const QByteArray lower = name.toLower();
            if (ignored(kind, lower, value))
                continue;
            headers.append({lower, value});
            const qsizetype at = value.indexOf("boundary=");
            if (lower == "content-type" && value.startsWith("multipart/") && at >= 0)
                boundary = value.mid(at + 9).split(';').first().replace('"', "");
        }
        QByteArray body = request.body;
        if (!boundary.isEmpty()) {
            body.replace(boundary, "RAFAGA-CORPUS-BOUNDARY");
            for (auto &header : headers)
                header.second.replace(boundary, "RAFAGA-CORPUS-BOUNDARY");
        }
        std::stable_sort(headers.begin(), headers.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[name, value] : std::as_const(headers))
            lines.append(name + ':' + (value.isEmpty() ? QByteArray() : ' ' + value));
        lines.append("body " + QByteArray::number(body.size()));
        if (!body.isEmpty())
            lines.append(body.toBase64());
    }
    return lines.join('\n');
}

/// NAME.env beside a curl input: the environment its shell ran with when curl was recorded
/// (NAME=value lines), set for as long as this lives.
class SidecarEnvironment
{
public:
    explicit SidecarEnvironment(const QString &inputPath)
    {
        QString path = inputPath;
        path.replace(QRegularExpression(QStringLiteral("\\.sh$")), QStringLiteral(".env"));
        QFile file(path);
        if (path == inputPath || !file.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (line.startsWith('#') || equals <= 0)
                continue;
            m_names.append(line.left(equals));
            qputenv(m_names.last().constData(), line.mid(equals + 1));
        }
    }
    ~SidecarEnvironment()
    {
        for (const QByteArray &name : std::as_const(m_names))
            qunsetenv(name.constData());
    }
    Q_DISABLE_COPY_MOVE(SidecarEnvironment)

private:
    QByteArrayList m_names;
};

/// Imports the input, expands it and runs it against server; an error says where it stopped.
QString runInput(const QString &kind, const QString &path, LoggingServer &server)
{
    const SidecarEnvironment sidecar(path);
    const Parsed<ImportResult> imported = importCollection(readAll(path), path);
    if (!imported)
        return QStringLiteral("import failed: ") + imported.error().toString();
    CollectionSource::Plan plan;
    plan.baseDirectory = QFileInfo(path).absolutePath();
    plan.collectionFile = path;
    QString environmentPath = path;
    environmentPath.replace(
        QLatin1String(".postman_collection.json"), QLatin1String(".postman_environment.json"));
    if (kind == QLatin1String("postman") && QFileInfo::exists(environmentPath)) {
        const Parsed<Environment> environment
            = importPostmanEnvironment(readAll(environmentPath), environmentPath);
        if (!environment)
            return QStringLiteral("environment failed: ") + environment.error().toString();
        plan.environment = environment.value();
    }
    const auto source = CollectionSource::create(imported.value().collection, plan);
    if (!source)
        return QStringLiteral("expansion failed: ") + source.error().toString();
    RunOptions options;
    options.concurrency = 1;
    options.maxRedirects = 0;
    options.timeoutMs = 10000;
    Run run(std::make_shared<LoopbackSource>(source.value(), server.port()), options);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    if (finished.isEmpty() && !finished.wait(60000))
        return QStringLiteral("the run did not finish");
    return QString();
}

} // namespace

class tst_Corpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesReferenceClients_data();
    void matchesReferenceClients();
    void cleanupTestCase();

private:
    LoggingServer m_server;
    struct Counts
    {
        int matched = 0;
        int inputs = 0;
    };
    std::map<QString, Counts> m_counts; ///< by kind
};

void tst_Corpus::matchesReferenceClients_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    const std::pair<const char *, const char *> kinds[]
        = {{"curl", "*.sh"}, {"postman", "*.postman_collection.json"}, {"har", "*.har"}};
    for (const auto &[kind, pattern] : kinds) {
        const QDir dir(CorpusDir + u'/' + QLatin1String(kind));
        const QStringList files = dir.entryList({QLatin1String(pattern)}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            const QString name = QLatin1String(kind) + u'/' + file;
            QTest::newRow(qPrintable(name)) << QString::fromLatin1(kind) << dir.filePath(file);
        }
    }
}

void tst_Corpus::matchesReferenceClients()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    m_server.clear();
    const QString problem = runInput(kind, path, m_server);
    QString expectedPath = path;
    expectedPath.truncate(
        expectedPath.lastIndexOf(QLatin1String(kind == QLatin1String("har") ? ".har"
                : kind == QLatin1String("curl")                             ? ".sh"
                                                : ".postman_collection.json")));
    const QByteArray expected = expectedRequests(expectedPath + QLatin1String(".expected.txt"));
    const QByteArray actual
        = problem.isEmpty() ? describe(kind, m_server.requests()) : problem.toUtf8();
    const bool match = actual == expected;
    Counts &counts = m_counts[kind];
    ++counts.inputs;
    counts.matched += match ? 1 : 0;
    if (!match && qEnvironmentVariableIsSet("RAFAGA_CORPUS_DIFF"))
        qInfo().noquote() << "ACTUAL\n" << actual << "\nEXPECTED\n" << expected;
    const QString name = QFileInfo(path).dir().dirName() + u'/' + QFileInfo(path).fileName();
    const auto known = KnownDifferences.find(name);
    if (known != KnownDifferences.end())
        QEXPECT_FAIL("", known->second, Abort);
    QCOMPARE(actual, expected);
}

void tst_Corpus::cleanupTestCase()
{
    for (const auto &[kind, counts] : m_counts) {
        qInfo().noquote() << QStringLiteral(
            "%1: %2 of %3 inputs send what the reference client sent")
                                 .arg(kind)
                                 .arg(counts.matched)
                                 .arg(counts.inputs);
    }
}

QTEST_GUILESS_MAIN(tst_Corpus)
#include "tst_corpus.moc"
