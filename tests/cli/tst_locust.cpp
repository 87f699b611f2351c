// `rafaga export --to locust` end to end: the locustfile run by Locust (a master and two workers
// on loopback) against the built-in server sends the same requests as `rafaga run` (the server's
// own log says what arrived) and writes the same results; `rafaga run --locust-workers` does all
// of it itself. Skipped where Locust is not installed (Debian: python3-locust).
#include "support/clitest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

#include <functional>

using namespace CliTest;

namespace {
const char Locust[] = "/usr/bin/locust";

// Three requests per row: one waits 30 ms at the server (so that, with answers otherwise
// quicker than Locust's own work per request, the server sees the users' requests at once), one
// checks the server saw the row's id, name and the token, and one fails its assertion on every
// row; each names its row and iteration in its query, for the server's log. The body holds what a
// Python string in the locustfile must escape. The token is secret:
// it must not be written in the locustfile. Locust (geventhttpclient) sends header names in lower
// case: so does this collection.
const char CollectionJson[] = R"({
  "format": "rafaga-collection",
  "version": 1,
  "name": "Locust test",
  "variables": [{"name": "token", "value": "", "secret": true}],
  "items": [
    {"type": "request", "name": "Wait", "request": {
      "method": "GET", "url": "{{base}}/delay/30?id={{id}}&it={{$iteration}}",
      "assertions": [{"type": "statusEquals", "expected": "200"}]}},
    {"type": "request", "name": "Echo user", "request": {
      "method": "PUT", "url": "{{base}}/echo?id={{id}}&it={{$iteration}}",
      "headers": [{"name": "x-token", "value": "{{token}}"}],
      "body": {"mode": "raw", "text": "{{name}} TRICKY"},
      "assertions": [
        {"type": "statusEquals", "expected": "200"},
        {"type": "jsonPathEquals", "target": "query.id", "expected": "{{id}}"},
        {"type": "jsonPathEquals", "target": "headers.x-token", "expected": "{{token}}"},
        {"type": "bodyContains", "expected": "{{name}} says"},
        {"type": "jsonPathEquals", "target": "body", "expected": "{{name}} TRICKY"}
      ]}},
    {"type": "request", "name": "Missing", "request": {
      "method": "GET", "url": "{{base}}/status/404?id={{id}}&it={{$iteration}}",
      "assertions": [{"type": "statusEquals", "expected": "200"}]}}
  ]
}
)";

constexpr int Rows = 200;
constexpr int Iterations = 2;
constexpr int Requests = 3 * Rows * Iterations;
constexpr int Concurrency = 20;
constexpr int SmallRows = 30; // for the runs that are stopped on the way
const char Secret[] = "s3cr3t-t0ken";
// What a Python string in the locustfile must escape (as JSON text): a backslash, quotes alone
// and three at a time, and a line separator. Not in the raw string above: moc reads quotes there.
const char Tricky[] = "says hi \\\\ ' \'\'\' \\\" \\u2028 \\u00fc";

QList<QJsonObject> readNdjson(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd())
        lines.append(QJsonDocument::fromJson(file.readLine()).object());
    return lines;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

int freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

/// Stops a process that is still running: politely, then not.
void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

/// The pids of pid's children, from /proc.
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (name) state ppid ...": the name may hold spaces and parentheses.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children.append(entry.toLongLong());
    }
    return children;
}

/// "GET /delay/30?id=1000&it=0" for every request the collection sends, once per time it is sent.
QMap<QByteArray, int> expectedRequests()
{
    QMap<QByteArray, int> expected;
    for (int iteration = 0; iteration < Iterations; ++iteration) {
        for (int row = 0; row < Rows; ++row) {
            const QByteArray query
                = "?id=" + QByteArray::number(1000 + row) + "&it=" + QByteArray::number(iteration);
            ++expected["GET /delay/30" + query];
            ++expected["PUT /echo" + query];
            ++expected["GET /status/404" + query];
        }
    }
    return expected;
}
} // namespace

class tst_Locust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesToStartWithoutTheSecret();
    void masterAndTwoWorkersRunTheSameRun();
    void aLostWorkersRowsGoToTheOthers();
    void runWithLocustWorkersCountsAsALocalRun();
    void stoppingTheRunStopsEveryLocustProcess();
    void runWithoutLocustSaysWhatToInstall();

private:
    QString write(const QString &name, const QByteArray &data)
    {
        return writeInput(m_dir.filePath(name), data);
    }
    QStringList runOptions() const
    {
        return {m_collection, QStringLiteral("--var"), QStringLiteral("base=") + m_server.baseUrl(),
            QStringLiteral("--data"), m_data, QStringLiteral("--iterations"),
            QString::number(Iterations), QStringLiteral("-c"), QString::number(Concurrency),
            QStringLiteral("--var"), QStringLiteral("token=") + QLatin1String(Secret)};
    }
    /// The slow collection's run options: one request of 40 ms per row, 4 iterations at c = 4.
    QStringList slowRunOptions();
    QJsonObject serverStats(const QString &path);
    /// The server's log lines (fields) from the request for /stats/reset?mark=NAME to the one
    /// for /stats?mark=NAME, the /stats requests left out.
    QList<QList<QByteArray>> loggedBetween(const QByteArray &name);
    QProcessEnvironment locustEnvironment(
        bool withSecret, const QString &results = QStringLiteral("results.ndjson")) const;
    /// Runs a master and two workers on locustfile to their end; the master's output.
    QByteArray runMasterAndTwoWorkers(const QString &locustfile, const QString &results,
        const std::function<void(QProcess *workers)> &meanwhile = {});
    void compareWithLocalRun(const QString &results);

    QTemporaryDir m_dir;
    ServeProcess m_server;
    QString m_log;
    QString m_collection;
    QString m_data;
    QString m_smallData;
    QString m_locustfile;
};

void tst_Locust::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
    if (!QFile::exists(QLatin1String(Locust)))
        QSKIP("Locust is not installed: apt-get install python3-locust");
    QVERIFY(m_dir.isValid());
    m_log = m_dir.filePath(QStringLiteral("requests.log"));
    QVERIFY(m_server.start({QStringLiteral("--log"), m_log}));
    m_collection = write(
        QStringLiteral("test.rafaga.json"), QByteArray(CollectionJson).replace("TRICKY", Tricky));
    QByteArray csv = "id,name\n";
    for (int row = 0; row < Rows; ++row) {
        csv += QByteArray::number(1000 + row) + ",user" + QByteArray::number(row) + '\n';
        if (row + 1 == SmallRows)
            m_smallData = write(QStringLiteral("small.csv"), csv);
    }
    m_data = write(QStringLiteral("users.csv"), csv);

    m_locustfile = m_dir.filePath(QStringLiteral("locustfile.py"));
    const Outcome exported
        = rafaga(QStringList {QStringLiteral("export"), QStringLiteral("--to"),
                     QStringLiteral("locust"), QStringLiteral("-o"), m_locustfile}
            + runOptions());
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
}

QProcessEnvironment tst_Locust::locustEnvironment(bool withSecret, const QString &results) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RAFAGA_RESULTS"), m_dir.filePath(results));
    environment.remove(QStringLiteral("RAFAGA_SECRET_TOKEN"));
    if (withSecret)
        environment.insert(QStringLiteral("RAFAGA_SECRET_TOKEN"), QLatin1String(Secret));
    return environment;
}

QJsonObject tst_Locust::serverStats(const QString &path)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(m_server.baseUrl() + path)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const QJsonObject stats = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return stats;
}

QList<QList<QByteArray>> tst_Locust::loggedBetween(const QByteArray &name)
{
    const QByteArray start = "\t/stats/reset?mark=" + name + '\n';
    const QByteArray end = "\t/stats?mark=" + name + '\n';
    QByteArray log;
    for (int i = 0; i < 100 && !log.contains(end); ++i) { // written within 200 ms
        QTest::qWait(100);
        QFile file(m_log);
        if (file.open(QIODevice::ReadOnly))
            log = file.readAll();
    }
    const qsizetype from = log.indexOf(start);
    const qsizetype to = log.indexOf(end);
    if (from < 0 || to < from)
        return {};
    QList<QList<QByteArray>> lines;
    const QByteArray between = log.mid(from, to - from);
    for (const QByteArray &line : between.mid(between.indexOf('\n') + 1).split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() == 4 && !fields.at(3).startsWith("/stats"))
            lines.append(fields);
    }
    return lines;
}

void tst_Locust::refusesToStartWithoutTheSecret()
{
    QFile file(m_locustfile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains(Secret));
    QVERIFY(text.contains("#   RAFAGA_SECRET_TOKEN"));

    serverStats(QStringLiteral("/stats/reset"));
    QProcess locust;
    locust.setWorkingDirectory(m_dir.path());
    locust.setProcessEnvironment(locustEnvironment(false));
    locust.start(
        QLatin1String(Locust), {QStringLiteral("-f"), m_locustfile, QStringLiteral("--headless")});
    const bool finished = locust.waitForFinished(60000);
    stop(locust);
    QVERIFY(finished);
    QCOMPARE(locust.exitCode(), 2);
    QVERIFY2(locust.readAllStandardError().contains("RAFAGA_SECRET_TOKEN"), "names the variable");
    // Nothing sent: the server counted only the request for its count.
    QCOMPARE(serverStats(QStringLiteral("/stats")).value(QLatin1String("requests")).toInt(), 1);
}

QByteArray tst_Locust::runMasterAndTwoWorkers(const QString &locustfile, const QString &results,
    const std::function<void(QProcess *workers)> &meanwhile)
{
    const QString port = QString::number(freePort());
    QProcess master;
    QProcess workers[2];
    for (QProcess *process : {&master, &workers[0], &workers[1]}) {
        process->setWorkingDirectory(m_dir.path());
        process->setProcessEnvironment(locustEnvironment(true, results));
        process->setProcessChannelMode(QProcess::MergedChannels);
    }
    master.start(QLatin1String(Locust),
        {QStringLiteral("-f"), locustfile, QStringLiteral("--master"), QStringLiteral("--headless"),
            QStringLiteral("--expect-workers"), QStringLiteral("2"),
            QStringLiteral("--master-bind-host"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--master-bind-port"), port});
    for (QProcess &worker : workers)
        worker.start(QLatin1String(Locust),
            {QStringLiteral("-f"), locustfile, QStringLiteral("--worker"),
                QStringLiteral("--master-host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--master-port"), port});
    if (meanwhile)
        meanwhile(workers);
    // The file ends the run when every result is in; the waits below bound it should it not.
    const bool finished = master.waitForFinished(120000);
    for (QProcess &worker : workers) {
        if (!worker.waitForFinished(20000))
            stop(worker);
    }
    stop(master);
    QByteArray log = master.readAll();
    if (!finished)
        log.prepend("(the master did not finish in time)\n");
    return QByteArray::number(finished ? master.exitCode() : -1) + '\n' + log;
}

void tst_Locust::masterAndTwoWorkersRunTheSameRun()
{
    serverStats(QStringLiteral("/stats/reset?mark=cluster"));
    const QByteArray log = runMasterAndTwoWorkers(m_locustfile, QStringLiteral("results.ndjson"));
    // Every row ran, with one request failing its assertion per row: exit code 1.
    QVERIFY2(log.startsWith("1\n"), log.constData());
    // The server's count: exactly the run's requests (and this one), never more in flight than
    // the users.
    const QJsonObject stats = serverStats(QStringLiteral("/stats?mark=cluster"));
    QCOMPARE(stats.value(QLatin1String("requests")).toInt(), Requests + 1);
    QVERIFY(stats.value(QLatin1String("max_in_flight")).toInt() <= Concurrency);

    // The server's log: exactly the run's requests, each row's three in order, and nearly
    // every user with its request in flight at the peak.
    const QList<QList<QByteArray>> logged = loggedBetween("cluster");
    QCOMPARE(logged.size(), Requests);
    QMap<QByteArray, int> arrived;
    QHash<QByteArray, QByteArray> order; // a row and iteration's query: its steps as they came
    int peak = 0;
    for (const QList<QByteArray> &fields : logged) {
        arrived[fields.at(2) + ' ' + fields.at(3)] += 1;
        const QByteArray target = fields.at(3);
        const QByteArray query = target.mid(target.indexOf('?'));
        order[query] += target.startsWith("/delay") ? '1' : target.startsWith("/echo") ? '2' : '3';
        peak = qMax(peak, fields.at(1).toInt());
    }
    QVERIFY(arrived == expectedRequests());
    for (auto it = order.cbegin(); it != order.cend(); ++it)
        QVERIFY2(it.value() == "123", it.key().constData());
    QVERIFY2(peak <= Concurrency && peak >= Concurrency - 2, QByteArray::number(peak).constData());

    compareWithLocalRun(m_dir.filePath(QStringLiteral("results.ndjson")));
}

void tst_Locust::compareWithLocalRun(const QString &results)
{
    // Every index once, in order; and the same outcomes as a local run of the collection.
    const QList<QJsonObject> distributed = readNdjson(results);
    const QString localPath = m_dir.filePath(QStringLiteral("local.ndjson"));
    const QString localJson = m_dir.filePath(QStringLiteral("local.json"));
    const Outcome local
        = rafaga(QStringList {QStringLiteral("run"), QStringLiteral("--ndjson"), localPath,
                     QStringLiteral("--json"), localJson, QStringLiteral("-q")}
            + runOptions());
    QCOMPARE(local.exitCode, 1);
    const QList<QJsonObject> expected = readNdjson(localPath);
    QCOMPARE(distributed.size(), Requests);
    QCOMPARE(expected.size(), Requests);
    int failedAssertions = 0;
    for (int i = 0; i < Requests; ++i) {
        const QJsonObject &got = distributed.at(i);
        const QJsonObject &want = expected.at(i);
        QCOMPARE(got.value(QLatin1String("index")).toInt(), i);
        for (const char *field : {"method", "url", "status", "error", "path", "row", "iteration",
                 "data", "assertions_failed", "name"})
            QVERIFY2(got.value(QLatin1String(field)) == want.value(QLatin1String(field)),
                qPrintable(QStringLiteral("index %1: %2").arg(i).arg(QLatin1String(field))));
        const QJsonArray gotAssertions = got.value(QLatin1String("assertions")).toArray();
        const QJsonArray wantAssertions = want.value(QLatin1String("assertions")).toArray();
        QCOMPARE(gotAssertions.size(), wantAssertions.size());
        for (qsizetype a = 0; a < gotAssertions.size(); ++a) {
            const QJsonObject g = gotAssertions.at(a).toObject();
            const QJsonObject w = wantAssertions.at(a).toObject();
            QCOMPARE(g.value(QLatin1String("label")), w.value(QLatin1String("label")));
            QCOMPARE(g.value(QLatin1String("passed")), w.value(QLatin1String("passed")));
            if (!g.value(QLatin1String("label")).toString().startsWith(QLatin1String("body")))
                QCOMPARE(g.value(QLatin1String("actual")), w.value(QLatin1String("actual")));
        }
        failedAssertions += got.value(QLatin1String("assertions_failed")).toInt();
    }
    QCOMPARE(failedAssertions, Rows * Iterations);

    // rafaga report of the file counts what the local run counted.
    const QString reportJson = m_dir.filePath(QStringLiteral("report.json"));
    const Outcome report
        = rafaga({QStringLiteral("report"), results, QStringLiteral("--json"), reportJson});
    QVERIFY2(report.exitCode == 1, report.err.constData());
    const QJsonObject want = readJson(localJson);
    const QJsonObject got = readJson(reportJson);
    for (const char *field :
        {"requests", "completed", "succeeded", "failed", "status_codes", "errors", "assertions"})
        QCOMPARE(got.value(QLatin1String(field)), want.value(QLatin1String(field)));
    QVERIFY(got.value(QLatin1String("max_in_flight")).toInt() <= Concurrency);
}

QStringList tst_Locust::slowRunOptions()
{
    // One slow request per row, so that a worker or the run stopped has rows in hand.
    const QString collection = write(QStringLiteral("slow.rafaga.json"), R"({
      "format": "rafaga-collection", "version": 1, "name": "Slow",
      "items": [{"type": "request", "name": "Slow", "request": {
        "method": "GET", "url": "{{base}}/delay/40?id={{id}}",
        "assertions": [{"type": "statusEquals", "expected": "200"}]}}]})");
    return {collection, QStringLiteral("--var"), QStringLiteral("base=") + m_server.baseUrl(),
        QStringLiteral("--data"), m_smallData, QStringLiteral("--iterations"), QStringLiteral("4"),
        QStringLiteral("-c"), QStringLiteral("4")};
}

void tst_Locust::aLostWorkersRowsGoToTheOthers()
{
    const QString locustfile = m_dir.filePath(QStringLiteral("slow.py"));
    const Outcome exported = rafaga(QStringList {QStringLiteral("export"), QStringLiteral("--to"),
                                        QStringLiteral("locust"), QStringLiteral("-o"), locustfile}
        + slowRunOptions());
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    constexpr int Total = SmallRows * 4;

    const QString results = m_dir.filePath(QStringLiteral("lost.ndjson"));
    bool killedMidRun = false;
    const QByteArray log
        = runMasterAndTwoWorkers(locustfile, QStringLiteral("lost.ndjson"), [&](QProcess *workers) {
              // Kill one worker once a tenth of the results are in.
              for (int i = 0; i < 300 && readNdjson(results).size() < Total / 10; ++i)
                  QTest::qWait(100);
              killedMidRun = readNdjson(results).size() < Total;
              workers[0].kill();
          });
    QVERIFY(killedMidRun);
    QVERIFY2(log.startsWith("0\n"), log.constData());
    QVERIFY2(log.contains("lost; its "), log.constData());

    // Every row ran: each index once, in order, each answered.
    const QList<QJsonObject> lines = readNdjson(results);
    QCOMPARE(lines.size(), Total);
    for (int i = 0; i < Total; ++i) {
        QCOMPARE(lines.at(i).value(QLatin1String("index")).toInt(), i);
        QCOMPARE(lines.at(i).value(QLatin1String("status")).toInt(), 200);
    }
}

void tst_Locust::runWithLocustWorkersCountsAsALocalRun()
{
    // The run, its outputs and its exit code as a local run's; the secret reaches the workers
    // (the x-token assertion passes) through their environment.
    const QString json = m_dir.filePath(QStringLiteral("workers.json"));
    const QString csv = m_dir.filePath(QStringLiteral("workers.csv"));
    const QString ndjson = m_dir.filePath(QStringLiteral("workers.ndjson"));
    const Outcome run
        = rafaga(QStringList {QStringLiteral("run"), QStringLiteral("--locust-workers"),
                     QStringLiteral("2"), QStringLiteral("--json"), json, QStringLiteral("--csv"),
                     csv, QStringLiteral("--ndjson"), ndjson}
                + runOptions(),
            {}, 120000);
    QVERIFY2(run.exitCode == 1, run.err.constData());
    QVERIFY2(
        run.out.contains("Requests:      1200 (800 succeeded, 400 failed)"), run.out.constData());
    QVERIFY2(run.err.contains("a master and 2 workers"), run.err.constData());

    const QString localJson = m_dir.filePath(QStringLiteral("local-again.json"));
    QCOMPARE(rafaga(QStringList {QStringLiteral("run"), QStringLiteral("--json"), localJson,
                        QStringLiteral("-q")}
                 + runOptions())
                 .exitCode,
        1);
    const QJsonObject want = readJson(localJson);
    const QJsonObject got = readJson(json);
    for (const char *field : {"requests", "completed", "succeeded", "failed", "status_codes",
             "errors", "assertions", "concurrency"})
        QCOMPARE(got.value(QLatin1String(field)), want.value(QLatin1String(field)));
    const QList<QJsonObject> lines = readNdjson(ndjson);
    QCOMPARE(lines.size(), Requests);
    for (int i = 0; i < Requests; ++i)
        QCOMPARE(lines.at(i).value(QLatin1String("index")).toInt(), i);
    QFile table(csv);
    QVERIFY(table.open(QIODevice::ReadOnly));
    QCOMPARE(table.readAll().count('\n'), Requests + 1);
}

void tst_Locust::stoppingTheRunStopsEveryLocustProcess()
{
    const QString ndjson = m_dir.filePath(QStringLiteral("stopped.ndjson"));
    QProcess run;
    run.start(rafagaBinary(),
        QStringList {QStringLiteral("run"), QStringLiteral("--locust-workers"), QStringLiteral("2"),
            QStringLiteral("--ndjson"), ndjson, QStringLiteral("-q")}
            + slowRunOptions());
    QVERIFY(run.waitForStarted());
    QList<qint64> children;
    for (int i = 0; i < 200 && children.size() < 3; ++i) {
        QTest::qWait(100);
        children = childrenOf(run.processId());
    }
    QCOMPARE(children.size(), 3); // the master and two workers
    serverStats(QStringLiteral("/stats/reset"));
    for (int i = 0; i < 300
         && serverStats(QStringLiteral("/stats")).value(QLatin1String("requests")).toInt() < 40;
         ++i)
        QTest::qWait(100);
    run.terminate(); // as Ctrl+C
    const bool finished = run.waitForFinished(30000);
    stop(run);
    QVERIFY2(finished, run.readAllStandardError().constData());
    QCOMPARE(run.exitCode(), 130);
    for (const qint64 child : std::as_const(children))
        QVERIFY2(!QFile::exists(QStringLiteral("/proc/%1").arg(child)), "no process left behind");
    // Every request accounted for: what came back, then the rest not sent.
    const QList<QJsonObject> lines = readNdjson(ndjson);
    QCOMPARE(lines.size(), SmallRows * 4);
    int answered = 0;
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).value(QLatin1String("index")).toInt(), i);
        if (lines.at(i).value(QLatin1String("status")).toInt() == 200)
            ++answered;
        else
            QCOMPARE(
                lines.at(i).value(QLatin1String("error")).toString(), QStringLiteral("not_sent"));
    }
    QVERIFY(answered < lines.size());
}

void tst_Locust::runWithoutLocustSaysWhatToInstall()
{
    QProcess run;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"), m_dir.filePath(QStringLiteral("empty")));
    run.setProcessEnvironment(environment);
    run.start(rafagaBinary(),
        QStringList {QStringLiteral("run"), QStringLiteral("--locust-workers"), QStringLiteral("2")}
            + runOptions());
    QVERIFY(run.waitForFinished(30000));
    QCOMPARE(run.exitCode(), 2);
    const QByteArray err = run.readAllStandardError();
    QVERIFY2(err.contains("apt-get install python3-locust"), err.constData());
}

QTEST_GUILESS_MAIN(tst_Locust)
#include "tst_locust.moc"
