// `rafaga export --to locust` end to end: the locustfile run by Locust (a master and two workers
// on loopback) against the built-in server sends the same requests as `rafaga run` and writes
// the same results. Skipped where Locust is not installed (Debian: python3-locust).
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

using namespace CliTest;

namespace {
const char Locust[] = "/usr/bin/locust";

// Three requests per row: one checks the server saw the row's id, one its name, and one fails
// its assertion on every row. The token is secret: it must not be written in the locustfile.
// Locust (geventhttpclient) sends header names in lower case: so does this collection.
const char CollectionJson[] = R"({
  "format": "rafaga-collection",
  "version": 1,
  "name": "Locust test",
  "variables": [{"name": "token", "value": "", "secret": true}],
  "items": [
    {"type": "request", "name": "Get user", "request": {
      "method": "GET", "url": "{{base}}/get?id={{id}}",
      "headers": [{"name": "x-token", "value": "{{token}}"}],
      "assertions": [
        {"type": "statusEquals", "expected": "200"},
        {"type": "jsonPathEquals", "target": "query.id", "expected": "{{id}}"},
        {"type": "jsonPathEquals", "target": "headers.x-token", "expected": "{{token}}"}
      ]}},
    {"type": "request", "name": "Echo user", "request": {
      "method": "PUT", "url": "{{base}}/echo",
      "body": {"mode": "raw", "text": "{{name}} says hi"},
      "assertions": [{"type": "bodyContains", "expected": "{{name}} says"}]}},
    {"type": "request", "name": "Missing", "request": {
      "method": "GET", "url": "{{base}}/status/404?row={{id}}",
      "assertions": [{"type": "statusEquals", "expected": "200"}]}}
  ]
}
)";

constexpr int Rows = 30;
constexpr int Iterations = 2;
constexpr int Requests = 3 * Rows * Iterations;
constexpr int Concurrency = 6;
const char Secret[] = "s3cr3t-t0ken";

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
} // namespace

class tst_Locust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesToStartWithoutTheSecret();
    void masterAndTwoWorkersRunTheSameRun();
    void aLostWorkersRowsGoToTheOthers();

private:
    QString write(const QString &name, const QByteArray &data)
    {
        return writeInput(m_dir.filePath(name), data);
    }
    QStringList runOptions() const
    {
        return {m_collection, QStringLiteral("--var"), QStringLiteral("base=") + m_server.baseUrl(),
            QStringLiteral("--data"), m_data, QStringLiteral("--iterations"),
            QString::number(Iterations), QStringLiteral("-c"), QString::number(Concurrency)};
    }
    QJsonObject serverStats(const QString &path);
    QProcessEnvironment locustEnvironment(
        bool withSecret, const QString &results = QStringLiteral("results.ndjson")) const;

    ServeProcess m_server;
    QTemporaryDir m_dir;
    QString m_collection;
    QString m_data;
    QString m_locustfile;
};

void tst_Locust::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
    if (!QFile::exists(QLatin1String(Locust)))
        QSKIP("Locust is not installed: apt-get install python3-locust");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    m_collection = write(QStringLiteral("test.rafaga.json"), CollectionJson);
    QByteArray csv = "id,name\n";
    for (int row = 0; row < Rows; ++row)
        csv += QByteArray::number(1000 + row) + ",user" + QByteArray::number(row) + '\n';
    m_data = write(QStringLiteral("users.csv"), csv);

    m_locustfile = m_dir.filePath(QStringLiteral("locustfile.py"));
    const Outcome exported = rafaga(
        QStringList {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("locust"),
            QStringLiteral("-o"), m_locustfile}
        + runOptions()
        + QStringList {QStringLiteral("--var"), QStringLiteral("token=") + QLatin1String(Secret)});
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

void tst_Locust::refusesToStartWithoutTheSecret()
{
    QFile file(m_locustfile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains(Secret));
    QVERIFY(text.contains("#   RAFAGA_SECRET_TOKEN"));

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

void tst_Locust::masterAndTwoWorkersRunTheSameRun()
{
    serverStats(QStringLiteral("/stats/reset"));
    const QString port = QString::number(freePort());
    QProcess master;
    QProcess workers[2];
    for (QProcess *process : {&master, &workers[0], &workers[1]}) {
        process->setWorkingDirectory(m_dir.path());
        process->setProcessEnvironment(locustEnvironment(true));
        process->setProcessChannelMode(QProcess::MergedChannels);
    }
    // The file ends the run when every result is in; the waits below bound it should it not.
    master.start(QLatin1String(Locust),
        {QStringLiteral("-f"), m_locustfile, QStringLiteral("--master"),
            QStringLiteral("--headless"), QStringLiteral("--expect-workers"), QStringLiteral("2"),
            QStringLiteral("--master-bind-host"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--master-bind-port"), port});
    for (QProcess &worker : workers)
        worker.start(QLatin1String(Locust),
            {QStringLiteral("-f"), m_locustfile, QStringLiteral("--worker"),
                QStringLiteral("--master-host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--master-port"), port});
    const bool finished = master.waitForFinished(150000);
    for (QProcess &worker : workers) {
        if (!worker.waitForFinished(20000))
            stop(worker);
    }
    stop(master);
    const QByteArray log = master.readAll();
    QVERIFY2(finished, log.constData());
    // Every row ran, with one request failing its assertion per row: exit code 1.
    QVERIFY2(master.exitCode() == 1, log.constData());

    // The server saw exactly the run's requests (and this one for the count), never more in
    // flight than the users.
    const QJsonObject stats = serverStats(QStringLiteral("/stats"));
    QCOMPARE(stats.value(QLatin1String("requests")).toInt(), Requests + 1);
    QVERIFY(stats.value(QLatin1String("max_in_flight")).toInt() <= Concurrency);

    // Every index once, in order; and the same outcomes as a local run of the collection.
    const QList<QJsonObject> distributed
        = readNdjson(m_dir.filePath(QStringLiteral("results.ndjson")));
    const QString localPath = m_dir.filePath(QStringLiteral("local.ndjson"));
    const Outcome local = rafaga(QStringList {QStringLiteral("run"), QStringLiteral("--ndjson"),
                                     localPath, QStringLiteral("-q")}
        + runOptions()
        + QStringList {QStringLiteral("--var"), QStringLiteral("token=") + QLatin1String(Secret)});
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
    const QString localJson = m_dir.filePath(QStringLiteral("local.json"));
    const QString reportJson = m_dir.filePath(QStringLiteral("report.json"));
    QCOMPARE(rafaga(QStringList {QStringLiteral("run"), QStringLiteral("--json"), localJson,
                        QStringLiteral("-q")}
                 + runOptions()
                 + QStringList {QStringLiteral("--var"),
                     QStringLiteral("token=") + QLatin1String(Secret)})
                 .exitCode,
        1);
    const Outcome report = rafaga({QStringLiteral("report"),
        m_dir.filePath(QStringLiteral("results.ndjson")), QStringLiteral("--json"), reportJson});
    QVERIFY2(report.exitCode == 1, report.err.constData());
    const QJsonObject want = readJson(localJson);
    const QJsonObject got = readJson(reportJson);
    for (const char *field :
        {"requests", "completed", "succeeded", "failed", "status_codes", "errors", "assertions"})
        QCOMPARE(got.value(QLatin1String(field)), want.value(QLatin1String(field)));
    QVERIFY(got.value(QLatin1String("max_in_flight")).toInt() <= Concurrency);
}

void tst_Locust::aLostWorkersRowsGoToTheOthers()
{
    // One slow request per row, so that the killed worker has rows in hand.
    const QString collection = write(QStringLiteral("slow.rafaga.json"), R"({
      "format": "rafaga-collection", "version": 1, "name": "Slow",
      "items": [{"type": "request", "name": "Slow", "request": {
        "method": "GET", "url": "{{base}}/delay/40?id={{id}}",
        "assertions": [{"type": "statusEquals", "expected": "200"}]}}]})");
    const QString locustfile = m_dir.filePath(QStringLiteral("slow.py"));
    const Outcome exported = rafaga({QStringLiteral("export"), collection, QStringLiteral("--to"),
        QStringLiteral("locust"), QStringLiteral("-o"), locustfile, QStringLiteral("--var"),
        QStringLiteral("base=") + m_server.baseUrl(), QStringLiteral("--data"), m_data,
        QStringLiteral("--iterations"), QStringLiteral("4"), QStringLiteral("-c"),
        QStringLiteral("4")});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    constexpr int Total = Rows * 4;

    const QString port = QString::number(freePort());
    const QString results = m_dir.filePath(QStringLiteral("lost.ndjson"));
    QProcess master;
    QProcess workers[2];
    for (QProcess *process : {&master, &workers[0], &workers[1]}) {
        process->setWorkingDirectory(m_dir.path());
        process->setProcessEnvironment(locustEnvironment(false, QStringLiteral("lost.ndjson")));
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
    // Kill one worker once a tenth of the results are in.
    for (int i = 0; i < 300 && readNdjson(results).size() < Total / 10; ++i)
        QTest::qWait(100);
    QVERIFY(readNdjson(results).size() < Total);
    workers[0].kill();
    const bool finished = master.waitForFinished(60000);
    if (!workers[1].waitForFinished(20000))
        stop(workers[1]);
    stop(master);
    const QByteArray log = master.readAll();
    QVERIFY2(finished, log.constData());
    QVERIFY2(master.exitCode() == 0, log.constData());
    QVERIFY2(log.contains("lost; its "), log.constData());

    // Every row ran: each index once, in order, each answered.
    const QList<QJsonObject> lines = readNdjson(results);
    QCOMPARE(lines.size(), Total);
    for (int i = 0; i < Total; ++i) {
        QCOMPARE(lines.at(i).value(QLatin1String("index")).toInt(), i);
        QCOMPARE(lines.at(i).value(QLatin1String("status")).toInt(), 200);
    }
}

QTEST_GUILESS_MAIN(tst_Locust)
#include "tst_locust.moc"
