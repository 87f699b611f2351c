// Flows from the command line against `rafaga serve`: a captured secret masked in the CSV and
// NDJSON results, a plan that cannot run refused before anything is sent, --sequential.
#include "support/clitest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace CliTest;

namespace {
// Log in (the token is secret), create an item with the token, read it back.
const char FlowJson[] = R"json({
  "format": "rafaga-collection",
  "version": 1,
  "name": "Flow",
  "variables": [{"name": "token", "secret": true}],
  "items": [
    {"type": "request", "name": "Login", "request": {"method": "POST", "url": "{{base}}/login",
      "body": {"mode": "json", "text": "{\u0022user\u0022: \u0022{{user}}\u0022}"},
      "captures": [{"variable": "token", "from": "jsonPath", "expression": "token"}]}},
    {"type": "request", "name": "Create", "request": {"method": "POST",
      "url": "{{base}}/items?t={{token}}", "auth": {"type": "bearer", "token": "{{token}}"},
      "captures": [{"variable": "id", "from": "jsonPath", "expression": "id"}]}},
    {"type": "request", "name": "Read", "request": {"url": "{{base}}/items/{{id}}?t={{token}}",
      "auth": {"type": "bearer", "token": "{{token}}"}}}
  ]
})json";

// "Show" uses {{slug}} before "Create" captures it.
const char EarlyJson[] = R"json({
  "format": "rafaga-collection",
  "version": 1,
  "name": "Early",
  "items": [
    {"type": "request", "name": "Show", "request": {"url": "{{base}}/get?s={{slug}}"}},
    {"type": "request", "name": "Create", "request": {"method": "POST", "url": "{{base}}/echo",
      "captures": [{"variable": "slug", "from": "jsonPath", "expression": "body"}]}}
  ]
})json";

} // namespace

class tst_CliFlows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void capturedSecretsAreMasked();
    void earlyUseIsRefusedBeforeSending();
    void sequentialIsOneAtATime();
    void savedSequentialGivesWayToC();
    void locustExportRefusesAFlow();

private:
    QJsonObject stats(bool reset = false);
    QString base() const { return QStringLiteral("base=") + m_server.baseUrl(); }

    ServeProcess m_server;
    QTemporaryDir m_dir;
};

void tst_CliFlows::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
}

QJsonObject tst_CliFlows::stats(bool reset)
{
    // The server's own counts, read apart from any run.
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(
        m_server.baseUrl() + (reset ? QStringLiteral("/stats/reset") : QStringLiteral("/stats")))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return answer;
}

void tst_CliFlows::capturedSecretsAreMasked()
{
    const QString collection
        = writeInput(m_dir.filePath(QStringLiteral("flow.rafaga.json")), FlowJson);
    const QString csv = m_dir.filePath(QStringLiteral("flow.csv"));
    const QString ndjson = m_dir.filePath(QStringLiteral("flow.ndjson"));
    const Outcome outcome = rafaga({QStringLiteral("run"), collection, QStringLiteral("--var"),
        base(), QStringLiteral("--var"), QStringLiteral("user=zoe"), QStringLiteral("--csv"), csv,
        QStringLiteral("--ndjson"), ndjson});
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    const QRegularExpression token(QStringLiteral("t\\d+\\.zoe"));
    for (const QByteArray &output : {readAll(csv), readAll(ndjson), outcome.out, outcome.err}) {
        QVERIFY2(!token.match(QString::fromUtf8(output)).hasMatch(), output.constData());
    }
    const QList<QByteArray> lines = readAll(ndjson).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject login = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(login.value(QStringLiteral("captures")).toObject().value(QStringLiteral("token")),
        QStringLiteral("***"));
    const QJsonObject read = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(read.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(read.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("?t=***")));
    QVERIFY(readAll(csv).contains(",token=***\r\n"));
}

void tst_CliFlows::earlyUseIsRefusedBeforeSending()
{
    stats(true);
    const QString collection
        = writeInput(m_dir.filePath(QStringLiteral("early.rafaga.json")), EarlyJson);
    const Outcome outcome
        = rafaga({QStringLiteral("run"), collection, QStringLiteral("--var"), base()});
    QCOMPARE(outcome.exitCode, 2);
    QVERIFY2(outcome.err.contains("request \"Show\" uses {{slug}} before \"Create\" captures it"),
        outcome.err.constData());
    // Nothing reached the server but this look at its counters.
    QCOMPARE(stats().value(QStringLiteral("requests")).toInt(), 1);
}

void tst_CliFlows::sequentialIsOneAtATime()
{
    stats(true);
    const QString collection
        = writeInput(m_dir.filePath(QStringLiteral("flow2.rafaga.json")), FlowJson);
    const QString json = m_dir.filePath(QStringLiteral("seq.json"));
    const Outcome outcome = rafaga({QStringLiteral("run"), collection, QStringLiteral("--var"),
        base(), QStringLiteral("--var"), QStringLiteral("user=ann"), QStringLiteral("--iterations"),
        QStringLiteral("5"), QStringLiteral("-c"), QStringLiteral("20"),
        QStringLiteral("--sequential"), QStringLiteral("--json"), json, QStringLiteral("-q")});
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    QCOMPARE(stats().value(QStringLiteral("max_in_flight")).toInt(), 1);
    const QJsonObject summary = QJsonDocument::fromJson(readAll(json)).object();
    QCOMPARE(summary.value(QStringLiteral("succeeded")).toInt(), 15);
    QCOMPARE(summary.value(QStringLiteral("max_in_flight")).toInt(), 1);
}

void tst_CliFlows::savedSequentialGivesWayToC()
{
    // A collection saved one-at-a-time (what a Postman flow imports as) runs so; -c on the
    // command line chooses concurrency over it, and --sequential wins over -c.
    const QString collection = writeInput(m_dir.filePath(QStringLiteral("saved.rafaga.json")),
        R"({"format": "rafaga-collection", "version": 1, "run": {"sequential": true},
            "items": [{"type": "request", "name": "Slow",
                       "request": {"method": "GET", "url": "{{base}}/delay/200"}}]})");
    const auto maxInFlight = [&](const QStringList &options) {
        const QString json = m_dir.filePath(QStringLiteral("saved.json"));
        const Outcome outcome
            = rafaga(QStringList {QStringLiteral("run"), collection, QStringLiteral("--var"),
                         base(), QStringLiteral("--iterations"), QStringLiteral("6"),
                         QStringLiteral("--json"), json, QStringLiteral("-q")}
                + options);
        return outcome.exitCode == 0 ? QJsonDocument::fromJson(readAll(json))
                                           .object()
                                           .value(QStringLiteral("max_in_flight"))
                                           .toInt()
                                     : -1;
    };
    QCOMPARE(maxInFlight({}), 1);
    QCOMPARE(maxInFlight({QStringLiteral("-c"), QStringLiteral("6")}), 6);
    QCOMPARE(maxInFlight({QStringLiteral("--order"), QStringLiteral("captures")}), 6);
    QCOMPARE(
        maxInFlight({QStringLiteral("-c"), QStringLiteral("6"), QStringLiteral("--sequential")}),
        1);
    QCOMPARE(maxInFlight({QStringLiteral("--order"), QStringLiteral("one-at-a-time")}), 1);
    const Outcome bad = rafaga({QStringLiteral("run"), collection, QStringLiteral("--var"), base(),
        QStringLiteral("--order"), QStringLiteral("sideways")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--order: 'sideways' is not one of captures, rows, one-at-a-time"),
        bad.err.constData());
}

void tst_CliFlows::locustExportRefusesAFlow()
{
    // The locustfile holds requests built beforehand: a flow's would go out as {{placeholders}}.
    const QString collection
        = writeInput(m_dir.filePath(QStringLiteral("flow3.rafaga.json")), FlowJson);
    const QString file = m_dir.filePath(QStringLiteral("locustfile.py"));
    const Outcome outcome = rafaga({QStringLiteral("export"), collection, QStringLiteral("--to"),
        QStringLiteral("locust"), QStringLiteral("--var"), base(), QStringLiteral("--var"),
        QStringLiteral("user=ann"), QStringLiteral("-o"), file});
    QCOMPARE(outcome.exitCode, 2);
    QVERIFY2(outcome.err.contains("cannot carry captures"), outcome.err.constData());
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(tst_CliFlows)
#include "tst_cliflows.moc"
