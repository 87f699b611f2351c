// The RealWorld "Conduit" Postman collection (tests/data/conduit), a script-driven flow, run by
// `rafaga run` against the local Conduit server: each check its scripts translate to passes or
// fails as newman's same-named test did (recorded in conduit.newman.json), the token, slug and
// comment id it captures reach the later requests, and what stays untranslated is the note's list.
#include "core/formats/postmanscripts.h"
#include "support/clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace CliTest;
using namespace Qt::Literals::StringLiterals;

namespace {
const QString DataDir = QStringLiteral(RAFAGA_TESTDATA_DIR "/conduit/");
const QString Collection = DataDir + u"Conduit.postman_collection.json"_s;

/// The Conduit server as a process: its address from its first line, and, when stopped, the
/// lines it logged, one per answered request. It ends when its standard input closes.
class ConduitProcess
{
public:
    ~ConduitProcess() { stop(); }
    bool start()
    {
        m_process.start(QStringLiteral(CONDUIT_SERVER), QStringList());
        if (!m_process.waitForStarted())
            return false;
        for (int i = 0; i < 100 && !m_process.canReadLine(); ++i)
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        m_base = QString::fromUtf8(line.mid(qsizetype(strlen("listening on "))));
        return line.startsWith("listening on http://127.0.0.1:");
    }
    QString apiUrl() const { return m_base + u"/api"_s; }
    QList<QByteArray> stop()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished();
        QList<QByteArray> lines = m_process.readAllStandardOutput().trimmed().split('\n');
        lines.removeAll(QByteArray());
        return lines;
    }

private:
    QProcess m_process;
    QString m_base;
};

struct Request
{
    QString path; ///< folder/name
    QStringList checkNames; ///< the translated checks' test names, in order
};

/// Each request of the collection, in run order, with the names of its translated checks.
QList<Request> translatedRequests(const QJsonArray &items, const QString &folder = {})
{
    QList<Request> requests;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString path
            = (folder.isEmpty() ? QString() : folder + u'/') + item.value(u"name"_s).toString();
        if (item.contains(u"item"_s)) {
            requests += translatedRequests(item.value(u"item"_s).toArray(), path);
            continue;
        }
        Request request {path, {}};
        for (const QJsonValue &event : item.value(u"event"_s).toArray()) {
            if (event[u"listen"_s] != u"test"_s)
                continue;
            QStringList lines;
            for (const QJsonValue &line : event[u"script"_s][u"exec"_s].toArray())
                lines += line.toString().split(u'\n');
            request.checkNames += translatePostmanTestScript(lines).assertionNames;
        }
        requests.append(request);
    }
    return requests;
}

struct Comparison
{
    int translated = 0, passed = 0, failed = 0;
    QStringList disagreements; ///< "request: check: newman passed, rafaga failed"
};
} // namespace

class tst_Conduit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sequentialMatchesNewman();
    void concurrentRunKeepsEveryCaptureOrder();
    void untranslatedLinesAreTheNote();

private:
    QList<QJsonObject> run(ConduitProcess *server, const QStringList &options);
    Comparison compare(const QList<QJsonObject> &results) const;

    QTemporaryDir m_dir;
    QJsonObject m_newman;
    QList<Request> m_requests;
};

void tst_Conduit::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
    QVERIFY(m_dir.isValid());
    m_newman = QJsonDocument::fromJson(readAll(DataDir + u"conduit.newman.json"_s)).object();
    QVERIFY(!m_newman.isEmpty());
    const QJsonObject collection = QJsonDocument::fromJson(readAll(Collection)).object();
    m_requests = translatedRequests(collection.value(u"item"_s).toArray());
    QCOMPARE(m_requests.size(), m_newman.value(u"requests"_s).toArray().size());
}

QList<QJsonObject> tst_Conduit::run(ConduitProcess *server, const QStringList &options)
{
    // The globals newman had (api/run-api-tests.sh), with the API on the local server.
    const QString ndjson = m_dir.filePath(u"results.ndjson"_s);
    QStringList arguments {u"run"_s, Collection, u"--ndjson"_s, ndjson, u"-q"_s};
    const QJsonObject globals = m_newman.value(u"globals"_s).toObject();
    for (auto it = globals.begin(); it != globals.end(); ++it) {
        const QString value = it.key() == u"APIURL"_s ? server->apiUrl() : it.value().toString();
        arguments += {u"--var"_s, it.key() + u'=' + value};
    }
    const Outcome outcome = rafaga(arguments + options);
    // 1: some checks fail, as they do in newman (the server keeps tags in the order given).
    if (outcome.exitCode != 0 && outcome.exitCode != 1)
        qWarning("%s", outcome.err.constData());
    QList<QJsonObject> results;
    for (const QByteArray &line : readAll(ndjson).trimmed().split('\n'))
        results.append(QJsonDocument::fromJson(line).object());
    return results;
}

Comparison tst_Conduit::compare(const QList<QJsonObject> &results) const
{
    Comparison comparison;
    const QJsonArray newman = m_newman.value(u"requests"_s).toArray();
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        const Request &request = m_requests.at(i);
        const QJsonArray checks = results.value(i).value(u"assertions"_s).toArray();
        QStringList theirs;
        QList<bool> passed;
        for (const QJsonValue &check : newman.at(i)[u"assertions"_s].toArray()) {
            theirs.append(check[u"name"_s].toString());
            passed.append(check[u"passed"_s].toBool());
        }
        for (qsizetype j = 0; j < request.checkNames.size(); ++j) {
            const QString &name = request.checkNames.at(j);
            const qsizetype k = theirs.indexOf(name);
            const bool ours = checks.at(j)[u"passed"_s].toBool();
            ++comparison.translated;
            ++(ours ? comparison.passed : comparison.failed);
            if (k < 0 || j >= checks.size() || passed.at(k) != ours)
                comparison.disagreements.append(request.path + u": "_s + name
                    + (k < 0 ? u": newman has no such check"_s
                             : u": newman %1, rafaga %2"_s.arg(passed.at(k)).arg(ours)));
        }
    }
    return comparison;
}

void tst_Conduit::sequentialMatchesNewman()
{
    ConduitProcess server;
    QVERIFY(server.start());
    // The import keeps each row's requests in Postman's order (its scripts set variables), and
    // this collection has one row: a plain run sends one request at a time, as newman does.
    const QList<QJsonObject> results = run(&server, {});
    const QList<QByteArray> log = server.stop();
    QCOMPARE(results.size(), m_requests.size());
    for (qsizetype i = 0; i < m_requests.size(); ++i)
        QCOMPARE(results.at(i).value(u"path"_s).toString(), m_requests.at(i).path);
    const Comparison comparison = compare(results);
    QVERIFY2(comparison.disagreements.isEmpty(), qPrintable(comparison.disagreements.join(u'\n')));
    // Every translated check, and only those, in Rafaga's results; 2 of them fail in both.
    int outcomes = 0;
    for (const QJsonObject &result : results)
        outcomes += int(result.value(u"assertions"_s).toArray().size());
    QCOMPARE(outcomes, comparison.translated);
    QCOMPARE(comparison.failed, 2);
    qInfo("%lld requests; newman ran %d checks (%d passed, %d failed); %d translated: %d passed, "
          "%d failed, as in newman",
        qsizetype(m_requests.size()), m_newman[u"totals"_s][u"assertions"_s].toInt(),
        m_newman[u"totals"_s][u"passed"_s].toInt(), m_newman[u"totals"_s][u"failed"_s].toInt(),
        comparison.translated, comparison.passed, comparison.failed);
    // The server saw what it saw under newman, in the same order: the captured token (user=),
    // slug and comment id (in the targets) reached every later request, and the answers agree.
    QStringList expected;
    for (const QJsonValue &line : m_newman.value(u"server_log"_s).toArray())
        expected.append(line.toString());
    QStringList seen;
    for (const QByteArray &line : log)
        seen.append(QString::fromUtf8(line));
    QCOMPARE(seen, expected);
}

void tst_Conduit::concurrentRunKeepsEveryCaptureOrder()
{
    // With --order captures (over the imported row order) only captured values order the requests:
    // a request that needs the token, the slug or the comment id waits for the one that captures
    // it, while those that depend on another's side effect only (Login on Register, the favorited
    // list on Favorite, Delete Article on everything before it) may overtake it. Their checks then
    // differ from newman's from run to run, so this asserts what the engine promises, not newman's
    // counts.
    ConduitProcess server;
    QVERIFY(server.start());
    const QList<QJsonObject> results
        = run(&server, {u"-c"_s, u"10"_s, u"--order"_s, u"captures"_s});
    const QList<QByteArray> log = server.stop();
    QCOMPARE(results.size(), m_requests.size());
    const auto firstAt = [&log](const QByteArray &start) {
        for (qsizetype i = 0; i < log.size(); ++i) {
            if (log.at(i).startsWith(start))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype created = firstAt("POST /api/articles ");
    const qsizetype commented = firstAt("POST /api/articles/how-to-train-your-dragon/comments ");
    for (qsizetype i = 0; i < log.size(); ++i) {
        const QByteArray &line = log.at(i);
        // Whoever carried a token carried the one Login and Remember Token captured.
        QVERIFY2(!line.contains(" 401 ") || line.startsWith("POST /api/users/login "), line);
        if (line.contains("/how-to-train-your-dragon"))
            QVERIFY2(created >= 0 && i > created, line);
        if (line.contains("/comments/"))
            QVERIFY2(commented >= 0 && i > commented, line);
    }
    // Every request is accounted for: answered, or not sent with the reason.
    for (const QJsonObject &result : results) {
        const bool answered = result.value(u"status"_s).toInt() > 0;
        QVERIFY2(answered || !result.value(u"error"_s).toString().isEmpty(),
            qPrintable(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact))));
    }
    const Comparison comparison = compare(results);
    qInfo("--order captures: %lld of %d translated checks differ from newman's this run",
        qsizetype(comparison.disagreements.size()), comparison.translated);
}

void tst_Conduit::untranslatedLinesAreTheNote()
{
    const QString out = m_dir.filePath(u"conduit.rafaga.json"_s);
    const Outcome outcome = rafaga({u"import"_s, Collection, u"-o"_s, out});
    QCOMPARE(outcome.exitCode, 0);
    QStringList notes;
    bool sequentialNoted = false;
    for (const QByteArray &line : outcome.err.split('\n')) {
        if (line.startsWith("note: collection: its test scripts set variables"))
            sequentialNoted = true;
        else if (line.startsWith("note: "))
            notes.append(QString::fromUtf8(line));
    }
    QVERIFY2(sequentialNoted, outcome.err.constData());
    QVERIFY(readAll(out).contains("\"rowOrder\": true"));
    const QString expected = QString::fromUtf8(readAll(DataDir + u"untranslated.txt"_s));
    QCOMPARE(notes.join(u'\n'), expected.trimmed());
}

QTEST_GUILESS_MAIN(tst_Conduit)
#include "tst_conduit.moc"
