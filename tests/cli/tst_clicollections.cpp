// The command line with collections end to end: data-driven runs, variables, environments,
// folders and assertions; import and export; bad input giving exit code 2 and the place.
#include "support/clitest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace CliTest;

namespace {
// A folder of two requests with assertions, and one request outside it; {{base}} comes from --var.
const char CollectionJson[] = R"({
  "format": "rafaga-collection",
  "version": 1,
  "name": "CLI test",
  "environments": [
    {
      "name": "local",
      "variables": [{"name": "greeting", "value": "hola"}]
    }
  ],
  "items": [
    {
      "type": "folder",
      "name": "Users",
      "items": [
        {
          "type": "request",
          "name": "Get user",
          "request": {
            "method": "GET",
            "url": "{{base}}/get?id={{id}}",
            "assertions": [
              {"type": "statusEquals", "expected": "200"},
              {"type": "jsonPathEquals", "target": "query.id", "expected": "{{id}}"}
            ]
          }
        },
        {
          "type": "request",
          "name": "Echo user",
          "request": {
            "method": "PUT",
            "url": "{{base}}/echo",
            "body": {"mode": "raw", "text": "{{name}} says {{greeting}}"},
            "assertions": [
              {"type": "bodyContains", "expected": "{{name}}"}
            ]
          }
        }
      ]
    },
    {
      "type": "request",
      "name": "Missing",
      "request": {
        "method": "GET",
        "url": "{{base}}/status/404",
        "assertions": [{"type": "statusEquals", "expected": "200"}]
      }
    }
  ]
}
)";

const char DataCsv[] = "id,name\r\n1,Ada\r\n2,\"Hopper, Grace\"\r\n3,Alan\r\n";

QStringList readCsvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}
} // namespace

class tst_CliCollections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void folderRunsOverTheDataSet();
    void failedAssertionsExitWithOne();
    void anErrorStatusTheRequestExpectsIsNotAFailure();
    void skipInvalidRunsTheRest();
    void environmentFromAFile();
    void badInputNamesThePlace_data();
    void badInputNamesThePlace();
    void importCurlFromStandardInput();
    void importPostmanAndExportItBack();
    void exportAsCurl();
    void locustExportKeepsEnvironmentValuesOut();
    void saysWhatIsNotCarriedOver();
    void reportOfTheResultsMatchesTheRun();
    void reportNamesABadLine();

private:
    QString write(const QString &name, const QByteArray &data)
    {
        return writeInput(m_dir.filePath(name), data);
    }
    QString base() const { return QStringLiteral("base=") + m_server.baseUrl(); }

    ServeProcess m_server;
    QTemporaryDir m_dir;
    QString m_collection;
    QString m_data;
};

void tst_CliCollections::initTestCase()
{
    QVERIFY2(!rafagaBinary().isEmpty(), "RAFAGA_BIN must name the rafaga executable");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    m_collection = write(QStringLiteral("test.rafaga.json"), CollectionJson);
    m_data = write(QStringLiteral("users.csv"), DataCsv);
}

void tst_CliCollections::folderRunsOverTheDataSet()
{
    const QString csv = m_dir.filePath(QStringLiteral("folder.csv"));
    const QString json = m_dir.filePath(QStringLiteral("folder.json"));
    const Outcome outcome = rafaga({QStringLiteral("run"), m_collection, QStringLiteral("--folder"),
        QStringLiteral("Users"), QStringLiteral("--data"), m_data, QStringLiteral("--iterations"),
        QStringLiteral("2"), QStringLiteral("--var"), base(), QStringLiteral("--env"),
        QStringLiteral("local"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("--csv"),
        csv, QStringLiteral("--json"), json, QStringLiteral("-q")});
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());

    // 2 requests × 3 rows × 2 iterations, in that order.
    const QJsonObject summary = readJson(json);
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 12);
    QCOMPARE(summary.value(QStringLiteral("succeeded")).toInt(), 12);
    const QJsonObject assertions = summary.value(QStringLiteral("assertions")).toObject();
    QCOMPARE(assertions.value(QStringLiteral("passed")).toInt(), 12 / 2 * 3);
    QCOMPARE(assertions.value(QStringLiteral("failed")).toInt(), 0);

    const QStringList lines = readCsvLines(csv);
    QCOMPARE(lines.size(), 13);
    const QStringList header = lines.first().split(QLatin1Char(','));
    for (const char *column : {"index", "name", "method", "url", "status", "iteration", "row", "id",
             "name", "assert: status == 200"})
        QVERIFY2(header.contains(QLatin1String(column)), column);
    // Row 2 of the first iteration: Get user with id 2, then Echo user with Grace's name.
    QVERIFY2(lines.at(3).contains(QLatin1String("/get?id=2")), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).contains(QLatin1String("\"Hopper, Grace\"")), qPrintable(lines.at(4)));
    QVERIFY2(lines.at(4).contains(QLatin1String(",PUT,")), qPrintable(lines.at(4)));
    // The second iteration starts over at row 1.
    QVERIFY2(lines.at(7).contains(QLatin1String("/get?id=1")), qPrintable(lines.at(7)));
    for (int i = 1; i < lines.size(); ++i)
        QVERIFY2(!lines.at(i).contains(QLatin1String("fail:")), qPrintable(lines.at(i)));
}

void tst_CliCollections::failedAssertionsExitWithOne()
{
    const QString json = m_dir.filePath(QStringLiteral("failed.json"));
    const Outcome outcome = rafaga({QStringLiteral("run"), m_collection, QStringLiteral("--data"),
        m_data, QStringLiteral("--var"), base(), QStringLiteral("--var"),
        QStringLiteral("greeting=hi"), QStringLiteral("--json"), json});
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY(outcome.out.contains("Assertions:"));
    const QJsonObject summary = readJson(json);
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 9);
    // "Missing" answers 404 on each of the 3 rows: a failed status and a failed assertion.
    QCOMPARE(summary.value(QStringLiteral("status_codes"))
                 .toObject()
                 .value(QStringLiteral("404"))
                 .toInt(),
        3);
    QCOMPARE(summary.value(QStringLiteral("assertions"))
                 .toObject()
                 .value(QStringLiteral("failed"))
                 .toInt(),
        3);
}

void tst_CliCollections::anErrorStatusTheRequestExpectsIsNotAFailure()
{
    // Reading what was deleted answers 404: asserted, that is the answer the request expects, as
    // newman and the run's own assertions say; without the assertion, or with another status
    // asserted, it is a failure. The results file read back judges it the same way.
    const auto collection = [this](const QByteArray &assertions) {
        return write(QStringLiteral("gone.rafaga.json"),
            R"({"format": "rafaga-collection", "version": 1, "items": [{"type": "request",
                "name": "Gone", "request": {"method": "GET", "url": "{{base}}/status/404",
                "assertions": [)"
                + assertions + "]}}]}");
    };
    struct Case
    {
        QByteArray assertions;
        int exitCode;
    };
    const QList<Case> cases {
        {R"({"type": "statusEquals", "expected": "404"})", 0},
        {R"({"type": "statusInRange", "expected": "4xx"}, {"type": "headerExists", "target": "Content-Type"})",
            0},
        {R"({"type": "statusEquals", "expected": "404", "enabled": false})", 1},
        {R"({"type": "headerExists", "target": "Content-Type"})", 1},
        {R"({"type": "statusEquals", "expected": "404"}, {"type": "statusInRange", "expected": "2xx"})",
            1},
    };
    for (const Case &c : cases) {
        const QString ndjson = m_dir.filePath(QStringLiteral("gone.ndjson"));
        const QString json = m_dir.filePath(QStringLiteral("gone.json"));
        const Outcome run = rafaga({QStringLiteral("run"), collection(c.assertions),
            QStringLiteral("--var"), base(), QStringLiteral("--ndjson"), ndjson,
            QStringLiteral("--json"), json, QStringLiteral("-q")});
        QVERIFY2(run.exitCode == c.exitCode, c.assertions.constData());
        QCOMPARE(readJson(json).value(QStringLiteral("succeeded")).toInt(), 1 - c.exitCode);
        const Outcome report = rafaga({QStringLiteral("report"), ndjson});
        QVERIFY2(report.exitCode == c.exitCode, c.assertions.constData());
    }
}

void tst_CliCollections::skipInvalidRunsTheRest()
{
    // Without {{greeting}} "Echo user" cannot be built: before, one bad request blocked all nine.
    const QString csv = m_dir.filePath(QStringLiteral("skipped.csv"));
    const QStringList arguments {QStringLiteral("run"), m_collection, QStringLiteral("--data"),
        m_data, QStringLiteral("--var"), base(), QStringLiteral("--csv"), csv};
    const Outcome refused = rafaga(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("{{greeting}}"), refused.err.constData());

    const Outcome outcome = rafaga(arguments + QStringList {QStringLiteral("--skip-invalid")});
    QCOMPARE(outcome.exitCode, 1); // "Missing" answers 404, and three were not sent
    QVERIFY2(outcome.err.contains("skipping 3 of 9 requests")
            && outcome.err.contains("unresolved variable {{greeting}}"),
        outcome.err.constData());
    QVERIFY2(outcome.out.contains("3 skipped"), outcome.out.constData());
    int skipped = 0;
    int answered = 0;
    for (const QString &line : readCsvLines(csv).mid(1)) {
        if (line.contains(QLatin1String(",Echo user,"))) {
            QVERIFY2(line.contains(QLatin1String(",skipped,unresolved variable {{greeting}},")),
                qPrintable(line));
            ++skipped;
        } else if (line.contains(QLatin1String(",200,")) || line.contains(QLatin1String(",404,"))) {
            ++answered;
        }
    }
    QCOMPARE(skipped, 3);
    QCOMPARE(answered, 6);
}

void tst_CliCollections::environmentFromAFile()
{
    // A Postman environment export supplies the base URL instead of --var.
    const QByteArray environment = R"({"name": "ci", "values": [{"key": "base", "value": ")"
        + m_server.baseUrl().toUtf8()
        + R"(", "enabled": true}, {"key": "greeting", "value": "hey", "enabled": true}]})";
    const QString path = write(QStringLiteral("ci.postman_environment.json"), environment);
    const Outcome outcome = rafaga({QStringLiteral("run"), m_collection, QStringLiteral("--folder"),
        QStringLiteral("Users"), QStringLiteral("--data"), m_data, QStringLiteral("--env-file"),
        path, QStringLiteral("--ndjson"), QStringLiteral("-")});
    QVERIFY2(outcome.exitCode == 0, outcome.err.constData());
    const QList<QByteArray> lines = outcome.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    const QJsonObject echo = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    QCOMPARE(echo.value(QStringLiteral("data")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("Ada"));
}

void tst_CliCollections::badInputNamesThePlace_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("malformed JSON")
        << QStringLiteral("broken.rafaga.json")
        << QByteArray("{\n  \"format\": \"rafaga-collection\",\n  \"items\": [,]\n}")
        << QStringList {} << QStringList {QStringLiteral("broken.rafaga.json:3:")};
    QTest::newRow("unresolved variable")
        << QStringLiteral("vars.rafaga.json") << QByteArray(CollectionJson) << QStringList {}
        << QStringList {QStringLiteral("Get user"), QStringLiteral("{{base}}")};
    QTest::newRow("unknown folder")
        << QStringLiteral("folder.rafaga.json") << QByteArray(CollectionJson)
        << QStringList {QStringLiteral("--folder"), QStringLiteral("Nope")}
        << QStringList {QStringLiteral("Nope")};
    QTest::newRow("not a collection")
        << QStringLiteral("notes.txt") << QByteArray("hello") << QStringList {}
        << QStringList {QStringLiteral("notes.txt")};
}

void tst_CliCollections::badInputNamesThePlace()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    QFETCH(QStringList, extra);
    QFETCH(QStringList, mentions);
    const QString path = write(file, contents);
    const Outcome outcome = rafaga(
        QStringList {QStringLiteral("run"), path, QStringLiteral("--data"), m_data} + extra);
    QCOMPARE(outcome.exitCode, 2);
    const QString err = QString::fromUtf8(outcome.err).trimmed();
    for (const QString &mention : mentions)
        QVERIFY2(err.contains(mention), qPrintable(err));
    QVERIFY(outcome.out.isEmpty()); // nothing was sent, nothing reported
}

void tst_CliCollections::importCurlFromStandardInput()
{
    const QByteArray command = "curl -X POST '" + m_server.baseUrl().toUtf8()
        + "/echo' \\\n  -H 'X-Trace: 42' --data-raw '{\"a\": 1}' -k\n";
    const Outcome imported = rafaga({QStringLiteral("import"), QStringLiteral("-")}, command);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QJsonObject collection = QJsonDocument::fromJson(imported.out).object();
    QCOMPARE(
        collection.value(QStringLiteral("format")).toString(), QStringLiteral("rafaga-collection"));

    // The imported request runs and the server gets what curl would have sent.
    const QString path = write(QStringLiteral("curl.rafaga.json"), imported.out);
    const Outcome run = rafaga({QStringLiteral("run"), path, QStringLiteral("--ndjson"),
        QStringLiteral("-"), QStringLiteral("-q")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out.trimmed()).object();
    QCOMPARE(result.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(result.value(QStringLiteral("bytes_out")).toInt(), 8);

    const Outcome bad
        = rafaga({QStringLiteral("import"), QStringLiteral("-")}, "curl --frobnicate http://x/\n");
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("word 2"), bad.err.constData());
}

void tst_CliCollections::importPostmanAndExportItBack()
{
    const QString fixture
        = QStringLiteral(RAFAGA_TESTDATA_DIR "/postman/roundtrip.postman_collection.json");
    QVERIFY(!fixture.isEmpty());
    const QString native = m_dir.filePath(QStringLiteral("imported.rafaga.json"));
    const Outcome imported
        = rafaga({QStringLiteral("import"), fixture, QStringLiteral("-o"), native});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY(readJson(native).value(QStringLiteral("items")).toArray().size() > 0);

    const Outcome exported = rafaga(
        {QStringLiteral("export"), native, QStringLiteral("--to"), QStringLiteral("postman")});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QJsonObject postman = QJsonDocument::fromJson(exported.out).object();
    QVERIFY(postman.value(QStringLiteral("info"))
                .toObject()
                .value(QStringLiteral("schema"))
                .toString()
                .contains(QLatin1String("v2.1.0")));
    QFile original(fixture);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QJsonObject source = QJsonDocument::fromJson(original.readAll()).object();
    QCOMPARE(postman.value(QStringLiteral("item")).toArray().size(),
        source.value(QStringLiteral("item")).toArray().size());
}

void tst_CliCollections::locustExportKeepsEnvironmentValuesOut()
{
    // What a pasted `$GH_TOKEN` becomes: a variable reading the environment. Like a secret, its
    // value is read by the locustfile from its own environment, never written into it.
    qputenv("RAFAGA_TEST_LOCUST_TOKEN", "ghp_from_the_environment");
    const QString path = write(QStringLiteral("env.rafaga.json"), R"({"format": "rafaga-collection",
        "version": 1, "name": "env",
        "variables": [{"name": "GH_TOKEN", "value": "{{$env.RAFAGA_TEST_LOCUST_TOKEN}}"}],
        "items": [{"type": "request", "name": "me", "request": {"url": "http://127.0.0.1:9/user",
          "headers": [{"name": "Authorization", "value": "Bearer {{GH_TOKEN}}"}]}}]})");
    const Outcome exported = rafaga(
        {QStringLiteral("export"), path, QStringLiteral("--to"), QStringLiteral("locust")});
    qunsetenv("RAFAGA_TEST_LOCUST_TOKEN");
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(!exported.out.contains("ghp_from_the_environment"));
    QVERIFY(exported.out.contains("RAFAGA_SECRET_GH_TOKEN"));
}

void tst_CliCollections::exportAsCurl()
{
    const Outcome exported = rafaga(
        {QStringLiteral("export"), m_collection, QStringLiteral("--to"), QStringLiteral("curl")});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QString text = QString::fromUtf8(exported.out);
    QCOMPARE(text.count(QLatin1String("curl ")), 3);
    QVERIFY(text.contains(QLatin1String("# Users/Echo user")));
    QVERIFY(text.contains(QLatin1String("${base}/echo")));

    const Outcome bad = rafaga({QStringLiteral("export"), m_collection, QStringLiteral("--to"),
        QStringLiteral("insomnia")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("insomnia"));
}

void tst_CliCollections::saysWhatIsNotCarriedOver()
{
    // Scripts and unsupported auth are named on stderr once per kind with a count; the run goes
    // on (exit as the results say), and --strict-import stops it before sending (exit 2).
    const QByteArray postman = R"({"info": {"name": "n"}, "item": [
        {"name": "a", "event": [{"listen": "test", "script": {"exec": ["let x = 1;"]
}
}],
         "request":
{"url": ")"
        + m_server.baseUrl().toUtf8() + R"(/get", "auth": {"type": "oauth2"}}},
        {"name": "b", "event": [{"listen": "test", "script": {"exec": ["let y = 2;"]
}
}],
         "request":
{
    "url" : ")"
        + m_server.baseUrl().toUtf8() + R"(/get"}}]})";
    const QString path = write(QStringLiteral("notes.postman_collection.json"), postman);
    const Outcome run = rafaga({QStringLiteral("run"), path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // What a test script holds beyond the idioms that become checks, named once per kind.
    QCOMPARE(run.err.count("test script lines not translated"), 1);
    QVERIFY2(run.err.contains("test script lines not translated (2 times)"), run.err.constData());
    QVERIFY2(run.err.contains("oauth2 auth not supported; imported as no auth (1 time)"),
        run.err.constData());
    const Outcome strict = rafaga({QStringLiteral("run"), path, QStringLiteral("--strict-import")});
    QCOMPARE(strict.exitCode, 2);
    QVERIFY(strict.err.contains("--strict-import"));
    QVERIFY(!strict.out.contains("Requests:"));
}

void tst_CliCollections::reportOfTheResultsMatchesTheRun()
{
    const QString ndjson = m_dir.filePath(QStringLiteral("report.ndjson"));
    const QString runJson = m_dir.filePath(QStringLiteral("report-run.json"));
    const Outcome run = rafaga({QStringLiteral("run"), m_collection, QStringLiteral("--data"),
        m_data, QStringLiteral("--var"), base(), QStringLiteral("--env"), QStringLiteral("local"),
        QStringLiteral("-c"), QStringLiteral("3"), QStringLiteral("--ndjson"), ndjson,
        QStringLiteral("--json"), runJson, QStringLiteral("-q")});
    QCOMPARE(run.exitCode, 1); // "Missing" fails its assertion on every row

    const QString reportJson = m_dir.filePath(QStringLiteral("report.json"));
    const QString reportCsv = m_dir.filePath(QStringLiteral("report.csv"));
    const Outcome report = rafaga({QStringLiteral("report"), ndjson, QStringLiteral("--json"),
        reportJson, QStringLiteral("--csv"), reportCsv});
    QCOMPARE(report.exitCode, 1);
    QVERIFY2(report.out.contains("Requests:      9"), report.out.constData());
    QVERIFY(report.out.contains("Assertions:    12 checked, 3 failed"));
    const QJsonObject expected = readJson(runJson);
    const QJsonObject got = readJson(reportJson);
    for (const char *field : {"requests", "completed", "succeeded", "failed", "status_codes",
             "errors", "assertions", "bytes_in", "bytes_out"})
        QCOMPARE(got.value(QLatin1String(field)), expected.value(QLatin1String(field)));
    const QStringList csv = readCsvLines(reportCsv);
    QCOMPARE(csv.size(), 10);
    QVERIFY2(csv.first().contains(QLatin1String("assert: status == 200")), qPrintable(csv.first()));
    QVERIFY(csv.at(3).contains(QLatin1String("fail: 404")));
}

void tst_CliCollections::reportNamesABadLine()
{
    const QString twice = write(QStringLiteral("twice.ndjson"),
        "{\"index\": 0, \"status\": 200}\n{\"index\": 0, \"status\": 200}\n");
    const Outcome duplicate = rafaga({QStringLiteral("report"), twice});
    QCOMPARE(duplicate.exitCode, 2);
    QVERIFY2(duplicate.err.contains("twice.ndjson:2: request 0 appears a second time"),
        duplicate.err.constData());
    const QString gap = write(QStringLiteral("gap.ndjson"), "{\"index\": 1}\nnot json\n");
    const Outcome bad = rafaga({QStringLiteral("report"), gap});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(
        bad.err.contains("gap.ndjson:2: expected one JSON object per line"), bad.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliCollections)
#include "tst_clicollections.moc"
