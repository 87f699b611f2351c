// The command line end to end, through QProcess: exit codes, the summary, JSON, CSV and NDJSON,
// against `rafaga serve` started as a separate process.
#include "support/clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndHelp_data();
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void successfulRunWritesJsonAndCsv_data();
    void successfulRunWritesJsonAndCsv();
    void failuresExitWithOne_data();
    void failuresExitWithOne();
    void ndjsonStreamsInInputOrder();
    void serveRejectsBadPort();
    void serveStopsOnSigterm();

private:
    QString url(const QString &path) const { return m_server.baseUrl() + path; }
    ServeProcess m_server;
    QTemporaryDir m_dir;
};

void tst_Cli::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    QVERIFY2(m_server.baseUrl().startsWith(QLatin1String("http://127.0.0.1:")),
        qPrintable(m_server.baseUrl()));
}

void tst_Cli::versionAndHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--version") << QStringList {QStringLiteral("--version")}
                               << QStringLiteral("rafaga 0.");
    QTest::newRow("--help") << QStringList {QStringLiteral("--help")} << QStringLiteral("run ");
    QTest::newRow("run --help") << QStringList {QStringLiteral("run"), QStringLiteral("--help")}
                                << QStringLiteral("--concurrency");
    QTest::newRow("serve --help") << QStringList {QStringLiteral("serve"), QStringLiteral("--help")}
                                  << QStringLiteral("--port");
}

void tst_Cli::versionAndHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Outcome outcome = rafaga(arguments);
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(QString::fromUtf8(outcome.out).contains(expected), outcome.out.constData());
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString get = url(QStringLiteral("/get"));
    QTest::newRow("no url") << QStringList {} << QStringLiteral("--url");
    QTest::newRow("not http") << QStringList {QStringLiteral("--url"), QStringLiteral("ftp://x/")}
                              << QStringLiteral("ftp://x/");
    QTest::newRow("c zero") << QStringList {QStringLiteral("--url"), get, QStringLiteral("-c"),
        QStringLiteral("0")} << QStringLiteral("-c");
    QTest::newRow("c too big") << QStringList {QStringLiteral("--url"), get, QStringLiteral("-c"),
        QStringLiteral("1001")} << QStringLiteral("1000");
    QTest::newRow("n not a number")
        << QStringList {QStringLiteral("--url"), get, QStringLiteral("-n"), QStringLiteral("ten")}
        << QStringLiteral("ten");
    QTest::newRow("bad header") << QStringList {QStringLiteral("--url"), get, QStringLiteral("-H"),
        QStringLiteral("nocolon")}
                                << QStringLiteral("nocolon");
    QTest::newRow("bad method") << QStringList {QStringLiteral("--url"), get, QStringLiteral("-X"),
        QStringLiteral("GE T")} << QStringLiteral("GE T");
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("--url"), get, QStringLiteral("--frobnicate")}
        << QStringLiteral("frobnicate");
    QTest::newRow("missing body file") << QStringList {QStringLiteral("--url"), get,
        QStringLiteral("-d"), QStringLiteral("@/nonexistent/body")}
                                       << QStringLiteral("/nonexistent/body");
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    arguments.prepend(QStringLiteral("run"));
    const Outcome outcome = rafaga(arguments);
    QCOMPARE(outcome.exitCode, 2);
    const QString err = QString::fromUtf8(outcome.err).trimmed();
    QVERIFY2(err.contains(mentions), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0); // one line saying what is wrong
}

void tst_Cli::successfulRunWritesJsonAndCsv_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("Rafaga's HTTP/1.1 path") << QStringList();
    QTest::newRow("Qt's HTTP stack (--qt-http)") << QStringList {QStringLiteral("--qt-http")};
}

void tst_Cli::successfulRunWritesJsonAndCsv()
{
    QFETCH(QStringList, extra);
    const QString json = m_dir.filePath(QStringLiteral("ok.json"));
    const QString csv = m_dir.filePath(QStringLiteral("ok.csv"));
    const Outcome outcome
        = rafaga(QStringList {QStringLiteral("run"), QStringLiteral("--url"),
                     url(QStringLiteral("/delay/20")), QStringLiteral("-n"), QStringLiteral("60"),
                     QStringLiteral("-c"), QStringLiteral("7"), QStringLiteral("--json"), json,
                     QStringLiteral("--csv"), csv}
            + extra);
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.contains("Summary"), outcome.out.constData());
    QVERIFY(outcome.out.contains("p99"));

    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(jsonFile.readAll()).object();
    for (const char *key : {"requests", "completed", "succeeded", "failed", "elapsed_s", "rps",
             "concurrency", "max_in_flight", "latency_ms", "ttfb_ms", "status_codes", "errors"})
        QVERIFY2(summary.contains(QLatin1String(key)), key);
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 60);
    QCOMPARE(summary.value(QStringLiteral("succeeded")).toInt(), 60);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("concurrency")).toInt(), 7);
    QCOMPARE(summary.value(QStringLiteral("max_in_flight")).toInt(), 7);
    QCOMPARE(summary.value(QStringLiteral("status_codes"))
                 .toObject()
                 .value(QStringLiteral("200"))
                 .toInt(),
        60);
    const QJsonObject latency = summary.value(QStringLiteral("latency_ms")).toObject();
    for (const char *key : {"min", "mean", "p50", "p90", "p95", "p99", "p999", "max"})
        QVERIFY2(latency.contains(QLatin1String(key)), key);
    QVERIFY(latency.value(QStringLiteral("p50")).toDouble() >= 19.0);
    QVERIFY(latency.value(QStringLiteral("min")).toDouble()
        <= latency.value(QStringLiteral("max")).toDouble());

    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines
        = QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 61);
    const QStringList header = lines.first().split(QLatin1Char(','));
    for (const char *column : {"index", "method", "url", "status", "error", "latency_ms", "ttfb_ms",
             "bytes_in", "dispatched_ms", "headers_ms", "finished_ms"})
        QVERIFY2(header.contains(QLatin1String(column)), column);
    const int indexColumn = header.indexOf(QStringLiteral("index"));
    const int statusColumn = header.indexOf(QStringLiteral("status"));
    for (int row = 1; row < lines.size(); ++row) {
        const QStringList fields = lines.at(row).split(QLatin1Char(','));
        QCOMPARE(fields.size(), header.size());
        QCOMPARE(fields.at(indexColumn).toInt(), row - 1);
        QCOMPARE(fields.at(statusColumn), QStringLiteral("200"));
    }
}

void tst_Cli::failuresExitWithOne_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("errorKey");
    QTest::addColumn<QString>("statusKey");
    QTest::newRow("500") << url(QStringLiteral("/status/500")) << QString()
                         << QStringLiteral("500");
    QTest::newRow("dropped") << url(QStringLiteral("/drop")) << QStringLiteral("connection_closed")
                             << QString();
    // A port that was just free and is closed again refuses connections.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1/get").arg(probe.serverPort());
    probe.close();
    QTest::newRow("refused") << closed << QStringLiteral("connection_refused") << QString();
}

void tst_Cli::failuresExitWithOne()
{
    QFETCH(QString, target);
    QFETCH(QString, errorKey);
    QFETCH(QString, statusKey);
    const QString json = m_dir.filePath(QStringLiteral("fail.json"));
    const Outcome outcome = rafaga({QStringLiteral("run"), QStringLiteral("--url"), target,
        QStringLiteral("-n"), QStringLiteral("10"), QStringLiteral("-c"), QStringLiteral("3"),
        QStringLiteral("--json"), json, QStringLiteral("--quiet")});
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY(outcome.out.isEmpty()); // --quiet
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), 10);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 10);
    if (!errorKey.isEmpty())
        QCOMPARE(summary.value(QStringLiteral("errors")).toObject().value(errorKey).toInt(), 10);
    if (!statusKey.isEmpty())
        QCOMPARE(
            summary.value(QStringLiteral("status_codes")).toObject().value(statusKey).toInt(), 10);
}

void tst_Cli::ndjsonStreamsInInputOrder()
{
    const Outcome outcome = rafaga({QStringLiteral("run"), QStringLiteral("--url"),
        url(QStringLiteral("/echo")), QStringLiteral("-X"), QStringLiteral("PUT"),
        QStringLiteral("-d"), QStringLiteral("payload"), QStringLiteral("-n"), QStringLiteral("25"),
        QStringLiteral("-c"), QStringLiteral("5"), QStringLiteral("--ndjson"),
        QStringLiteral("-")});
    QCOMPARE(outcome.exitCode, 0);
    const QList<QByteArray> lines = outcome.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 25);
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(object.value(QStringLiteral("index")).toInt(), i);
        QCOMPARE(object.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
        QCOMPARE(object.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(object.value(QStringLiteral("bytes_out")).toInt(), 7);
    }
    // With stdout taken by results, the summary went to stderr.
    QVERIFY(outcome.err.contains("Summary"));
}

void tst_Cli::serveRejectsBadPort()
{
    const Outcome outcome
        = rafaga({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("70000")});
    QCOMPARE(outcome.exitCode, 2);
    QVERIFY(outcome.err.contains("70000"));
}

void tst_Cli::serveStopsOnSigterm()
{
    QProcess server;
    server.start(rafagaBinary(), {QStringLiteral("serve")});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    server.terminate();
    QVERIFY(server.waitForFinished(5000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
