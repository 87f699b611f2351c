// `rafaga run`'s result files end to end: a full disk or an unwritable path is exit code 3 naming
// the file and the reason, found before anything is sent where it can be; secrets given on the
// command line never reach a file; a second Ctrl+C leaves every file written up to the last result.
#include "support/clitest.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <csignal>

using namespace CliTest;

namespace {
/// How many requests `rafaga serve` at base has answered (its /stats route), -1 when unknown.
int servedCount(const QString &base)
{
    const QUrl url(base);
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return -1;
    socket.write("GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    for (int i = 0; i < 100 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    answer += socket.readAll();
    const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    const QJsonObject stats = QJsonDocument::fromJson(body).object();
    return stats.contains(QLatin1String("requests"))
        ? stats.value(QLatin1String("requests")).toInt()
        : -1;
}

/// Waits (bounded) until the run's NDJSON holds `results` lines (it is written after each batch),
/// then presses Ctrl+C `times` times and waits for the end. False when the results never came or
/// the run did not end.
bool interruptAfter(QProcess &process, const QString &ndjson, int results, int times)
{
    for (int i = 0; i < 200 && readAll(ndjson).count('\n') < results; ++i)
        QTest::qWait(50);
    // processId() is 0 once the run ended by itself, and kill(0) would stop this test too.
    if (readAll(ndjson).count('\n') < results || process.processId() <= 0)
        return false;
    for (int i = 0; i < times; ++i) {
        if (i > 0)
            QTest::qWait(20);
        ::kill(pid_t(process.processId()), SIGINT);
    }
    return process.waitForFinished(10000);
}

// Two secret variables: a token that lands in a query, a header and an assertion, and a host.
// (Not a raw string: moc takes the "//" in one for a comment and then finds no class.)
const char SecretCollection[]
    = "{\n"
      "  \"format\": \"rafaga-collection\",\n"
      "  \"version\": 1,\n"
      "  \"name\": \"Secrets\",\n"
      "  \"variables\": [\n"
      "    {\"name\": \"token\", \"secret\": true},\n"
      "    {\"name\": \"host\", \"secret\": true}\n"
      "  ],\n"
      "  \"items\": [\n"
      "    {\n"
      "      \"type\": \"request\",\n"
      "      \"name\": \"Token\",\n"
      "      \"request\": {\n"
      "        \"method\": \"GET\",\n"
      "        \"url\": \"{{base}}/echo?token={{token}}\",\n"
      "        \"headers\": [{\"name\": \"Authorization\", \"value\": \"Bearer {{token}}\"}],\n"
      "        \"assertions\": [{\"type\": \"bodyContains\", \"expected\": \"{{token}}\"}]\n"
      "      }\n"
      "    },\n"
      "    {\n"
      "      \"type\": \"request\",\n"
      "      \"name\": \"Host\",\n"
      "      \"request\": {\"method\": \"GET\", \"url\": \"http://{{host}}:{{port}}/get\"}\n"
      "    }\n"
      "  ]\n"
      "}\n";
} // namespace

class tst_CliOutputs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullDiskIsExitThree_data();
    void fullDiskIsExitThree();
    void unwritablePathStopsBeforeSending_data();
    void unwritablePathStopsBeforeSending();
    void commandLineSecretsAreMasked();
    void secondInterruptKeepsEveryFile();
    void stopSaysWhatWasNotSent();

private:
    ServeProcess m_serve;
    QString m_base;
};

void tst_CliOutputs::initTestCase()
{
    QVERIFY2(QFile::exists(rafagaBinary()), "RAFAGA_BIN must name the built rafaga");
    QVERIFY(m_serve.start());
    m_base = m_serve.baseUrl();
}

void tst_CliOutputs::fullDiskIsExitThree_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("csv") << QStringLiteral("--csv");
    QTest::newRow("ndjson") << QStringLiteral("--ndjson");
    QTest::newRow("json") << QStringLiteral("--json");
}

void tst_CliOutputs::fullDiskIsExitThree()
{
    QFETCH(QString, option);
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full on this system");
    const Outcome outcome = rafaga({QStringLiteral("run"), QStringLiteral("--url"),
        m_base + QStringLiteral("/get"), QStringLiteral("-n"), QStringLiteral("20"), option,
        QStringLiteral("/dev/full"), QStringLiteral("--quiet")});
    QCOMPARE(outcome.exitCode, 3);
    const QString err = QString::fromLocal8Bit(outcome.err);
    QVERIFY2(err.contains(option) && err.contains(QLatin1String("/dev/full"))
            && err.contains(QLatin1String("No space left on device")),
        qPrintable(err));
}

void tst_CliOutputs::unwritablePathStopsBeforeSending_data()
{
    fullDiskIsExitThree_data(); // the same three outputs
}

void tst_CliOutputs::unwritablePathStopsBeforeSending()
{
    QFETCH(QString, option);
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/out"));
    const int before = servedCount(m_base);
    QVERIFY(before >= 0);
    const Outcome outcome
        = rafaga({QStringLiteral("run"), QStringLiteral("--url"), m_base + QStringLiteral("/get"),
            QStringLiteral("-n"), QStringLiteral("5"), option, missing, QStringLiteral("--quiet")});
    QCOMPARE(outcome.exitCode, 3);
    const QString err = QString::fromLocal8Bit(outcome.err);
    QVERIFY2(err.contains(option) && err.contains(missing), qPrintable(err));
    // Only our own /stats request reached the server in between: nothing of the run was sent.
    QCOMPARE(servedCount(m_base), before + 1);
}

void tst_CliOutputs::commandLineSecretsAreMasked()
{
    QTemporaryDir dir;
    const QString collection
        = writeInput(dir.filePath(QStringLiteral("secrets.rafaga.json")), SecretCollection);
    QVERIFY(QFileInfo(collection).size() > 0);
    const QString token = QStringLiteral("Tok3nValue");
    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    const QString ndjson = dir.filePath(QStringLiteral("out.ndjson"));
    const QString json = dir.filePath(QStringLiteral("out.json"));
    const QUrl base(m_base);
    // "LocalHost" is how the user wrote it; QUrl and the results say "localhost".
    const Outcome outcome = rafaga({QStringLiteral("run"), collection, QStringLiteral("--var"),
        QStringLiteral("base=") + m_base, QStringLiteral("--var"), QStringLiteral("token=") + token,
        QStringLiteral("--var"), QStringLiteral("host=LocalHost"), QStringLiteral("--var"),
        QStringLiteral("port=%1").arg(base.port()), QStringLiteral("--csv"), csv,
        QStringLiteral("--ndjson"), ndjson, QStringLiteral("--json"), json,
        QStringLiteral("--timeout"), QStringLiteral("5000"), QStringLiteral("--quiet")});
    QVERIFY2(outcome.exitCode == 0 || outcome.exitCode == 1, outcome.err.constData());
    for (const QString &path : {csv, ndjson, json}) {
        const QByteArray written = readAll(path);
        QVERIFY2(!written.isEmpty(), qPrintable(path));
        QVERIFY2(!written.contains(token.toUtf8()), written.constData());
        QVERIFY2(!written.toLower().contains("localhost"), written.constData());
        if (path != json) // the JSON holds the summary only
            QVERIFY2(written.contains("***"), written.constData());
    }
    QVERIFY(!outcome.out.contains(token.toUtf8()) && !outcome.err.contains(token.toUtf8()));
    // The token was sent, though: the assertion on the echoed body passed.
    QVERIFY2(readAll(csv).contains(",pass"), readAll(csv).constData());
}

void tst_CliOutputs::secondInterruptKeepsEveryFile()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    const QString ndjson = dir.filePath(QStringLiteral("out.ndjson"));
    QProcess process;
    process.start(rafagaBinary(),
        {QStringLiteral("run"), QStringLiteral("--url"), m_base + QStringLiteral("/delay/20"),
            QStringLiteral("-n"), QStringLiteral("2000"), QStringLiteral("-c"), QStringLiteral("4"),
            QStringLiteral("--csv"), csv, QStringLiteral("--ndjson"), ndjson,
            QStringLiteral("--quiet")});
    QVERIFY(process.waitForStarted());
    QVERIFY(interruptAfter(process, ndjson, 10, 2)); // some results, then Ctrl+C twice
    QCOMPARE(process.exitCode(), 130);
    const QList<QByteArray> lines = readAll(ndjson).split('\n');
    const qsizetype results = lines.size() - 1; // the last line ends with \n
    const QList<QByteArray> rows = readAll(csv).split('\n');
    QVERIFY(results > 0);
    // Header plus one row per result, each ended by CRLF: nothing left in a buffer.
    QCOMPARE(rows.size() - 2, results);
    QVERIFY(lines.last().isEmpty() && rows.last().isEmpty());
}

void tst_CliOutputs::stopSaysWhatWasNotSent()
{
    // Before: "20 (4 succeeded, 2 failed)", "cancelled 16" among the errors, exit code 1, and
    // the CSV said "cancelled" for requests never sent.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    const QString ndjson = dir.filePath(QStringLiteral("out.ndjson"));
    QProcess process;
    process.start(rafagaBinary(),
        {QStringLiteral("run"), QStringLiteral("--url"), m_base + QStringLiteral("/delay/400"),
            QStringLiteral("-n"), QStringLiteral("20"), QStringLiteral("-c"), QStringLiteral("2"),
            QStringLiteral("--csv"), csv, QStringLiteral("--ndjson"), ndjson});
    QVERIFY(process.waitForStarted());
    QVERIFY(interruptAfter(process, ndjson, 2, 1)); // two answers, then one Ctrl+C
    QCOMPARE(process.exitCode(), 130);
    const QString summary = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(summary.contains(QLatin1String("stopped at "))
            && summary.contains(QLatin1String(" of 20: "))
            && summary.contains(QLatin1String("not sent"))
            && !summary.contains(QLatin1String("failed")),
        qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("not sent  ")), qPrintable(summary)); // not an error
    const QList<QByteArray> rows = readAll(csv).split('\n');
    int notSent = 0;
    for (const QByteArray &row : rows) {
        if (row.contains(",not_sent,"))
            ++notSent;
    }
    QVERIFY2(notSent > 0 && summary.contains(QStringLiteral("%1 not sent").arg(notSent)),
        qPrintable(summary));
}

QTEST_GUILESS_MAIN(tst_CliOutputs)
#include "tst_clioutputs.moc"
