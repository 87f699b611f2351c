// Exporting a run's results: CSV (parsed back with libcsv), JSON, HAR 1.2 and JMeter's JTL, from
// real runs against the built-in server (errors, a redirect, TLS and assertions included) and from
// hand-made results for what a run does not produce on demand (binary bodies, phase orders).
#include "core/formats/harexport.h"
#include "core/formats/harimport.h"
#include "core/server/httpserver.h"
#include "core/formats/jtlexport.h"
#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"
#include "core/formats/resultwriters.h"
#include "core/engine/run.h"
#include "core/base/version.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <csv.h>

using ResultWriters::CsvLayout;
using ResultWriters::SecretMask;

namespace {
const QString Secret = QStringLiteral("s3cr3t");
const QString SecretWithSpace = QStringLiteral("p@ss word/1");

QByteArray basicToken()
{
    return QByteArray("user:" + SecretWithSpace.toUtf8()).toBase64();
}

/// Every record of an RFC 4180 text, as libcsv reads it (strict, no trimming).
struct CsvRecords
{
    QList<QStringList> records;
    QStringList current;
    QString error;
};

CsvRecords parseCsv(const QByteArray &bytes)
{
    CsvRecords out;
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_space_func(&parser, [](unsigned char) { return 0; });
    const auto field = [](void *data, size_t size, void *context) {
        static_cast<CsvRecords *>(context)->current.append(
            QString::fromUtf8(static_cast<const char *>(data), qsizetype(size)));
    };
    const auto record = [](int, void *context) {
        auto *records = static_cast<CsvRecords *>(context);
        records->records.append(records->current);
        records->current.clear();
    };
    if (csv_parse(&parser, bytes.constData(), size_t(bytes.size()), field, record, &out)
            != size_t(bytes.size())
        || csv_fini(&parser, field, record, &out) != 0)
        out.error = QString::fromLatin1(csv_strerror(csv_error(&parser)));
    csv_free(&parser);
    return out;
}

RequestSpec request(const QUrl &url, const QString &name = QString())
{
    RequestSpec spec;
    spec.url = url;
    spec.name = name;
    return spec;
}

std::shared_ptr<RequestContext> context(qint64 row, const QStringList &columns,
    const QStringList &values, const QList<Assertion> &assertions = {})
{
    auto context = std::make_shared<RequestContext>();
    context->path = QStringLiteral("Folder/Request %1").arg(row);
    context->iteration = 0;
    context->row = row;
    context->dataColumns = columns;
    context->dataValues = values;
    context->assertions = assertions;
    return context;
}

Assertion assertion(
    Assertion::Kind kind, const QString &target, const QString &expected, bool enabled = true)
{
    Assertion a;
    a.kind = kind;
    a.target = target;
    a.expected = expected;
    a.enabled = enabled;
    return a;
}

Result answered(quint32 index, quint16 status, const QList<AssertionOutcome> &outcomes = {})
{
    Result result;
    result.requestIndex = index;
    result.scheduledUs = result.dispatchedUs = 1000 * index;
    result.requestSentUs = result.dispatchedUs + 100;
    result.headersUs = result.dispatchedUs + 2000;
    result.finishedUs = result.dispatchedUs + 2500;
    result.status = status;
    result.httpVersion = Result::Http1;
    if (!outcomes.isEmpty()) {
        result.detail = new ResultDetail;
        result.detail->assertions = outcomes;
        result.assertionsFailed = quint16(std::count_if(outcomes.cbegin(), outcomes.cend(),
            [](const AssertionOutcome &o) { return !o.passed; }));
    }
    return result;
}

QByteArray exportBytes(const std::function<bool(QIODevice *, QString *)> &write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!write(&buffer, &error))
        qWarning("export failed: %s", qPrintable(error));
    return buffer.data();
}

bool isWholeNumber(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return digits.match(text).hasMatch();
}
} // namespace

class tst_ResultExports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void csvRoundTripsARealRun();
    void csvKeepsTheFixedColumns();
    void csvDataColumnNames_data();
    void csvDataColumnNames();
    void assertionColumns_data();
    void assertionColumns();
    void csvAssertionColumnsSpanADataSet();
    void csvAssertionColumns();
    void csvLayoutScansOnlyWhatItIsTold();

    void jsonHasSummaryAndResultsInOrder();
    void jsonCarriesBodiesAndAssertions();

    void harHasEveryRequiredField();
    void harTimingsFollowThePhases_data();
    void harTimingsFollowThePhases();
    void harOverTls();
    void harImportsBack();

    void jtlHeaderAndTypes();
    void jtlFailureMessageFromAssertion();

    void secretsAreMasked_data();
    void secretsAreMasked();
    void secretsInAssertionsAreMasked();
    void writeErrorsAreReported_data();
    void writeErrorsAreReported();

private:
    QUrl url(const QString &path) const { return m_server.baseUrl().resolved(QUrl(path)); }

    ServerThread m_server;
    QStringList m_columns;
    QList<RequestSpec> m_specs;
    std::shared_ptr<RequestList> m_source;
    RunOptions m_options;
    std::unique_ptr<Run> m_run;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
};

enum RealRequest { Get, NotFound, Dropped, Refused, Redirected, Posted, RealRequestCount };

void tst_ResultExports::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));

    QTcpServer probe; // a port that was just free and is closed again refuses connections
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QUrl refused(QStringLiteral("http://127.0.0.1:%1/get").arg(probe.serverPort()));
    probe.close();

    // "status" collides with one of our columns; the values need quoting in every way.
    m_columns = {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("status")};
    const QList<QStringList> values {
        {QStringLiteral("1"), QStringLiteral("a, b"), QStringLiteral("ok")},
        {QStringLiteral("2"), QStringLiteral("say \"hi\""), QStringLiteral("x")},
        {QStringLiteral("3"), QStringLiteral("line one\nline two\r\nthree"), QString()},
        {QStringLiteral("4"), QStringLiteral("ñandú ☃ 日本"), QStringLiteral(" padded ")},
        {QStringLiteral("5"), QStringLiteral("=1+2"), QStringLiteral("\"")},
        {QStringLiteral("6"), QString(), QStringLiteral(",")},
    };
    m_specs = {
        request(url(QStringLiteral("/get?q=a%20b&x=1")), QStringLiteral("get, one")),
        request(url(QStringLiteral("/status/404"))),
        request(url(QStringLiteral("/drop"))),
        request(refused),
        request(url(QStringLiteral("/redirect/2"))),
        request(url(QStringLiteral("/echo?token=") + Secret)),
    };
    RequestSpec &post = m_specs[Posted];
    post.method = "POST";
    post.body = "{\"password\": \"" + Secret.toUtf8() + "\"}";
    post.headers
        = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + Secret.toUtf8()},
            {"Proxy-Authorization", "Basic " + basicToken()}};
    // The engine checks these; the exports place their outcomes.
    const Assertion is200
        = assertion(Assertion::Kind::StatusEquals, QString(), QStringLiteral("200"));
    QHash<int, QList<Assertion>> checks;
    checks[Get]
        = {is200, assertion(Assertion::Kind::BodyContains, QString(), QStringLiteral("/get"))};
    checks[NotFound] = {is200};
    checks[Refused] = {is200};
    for (int i = 0; i < m_specs.size(); ++i)
        m_specs[i].context = context(i, m_columns, values.at(i), checks.value(i));

    m_source = std::make_shared<RequestList>(m_specs);
    m_options.concurrency = 3;
    m_options.timeoutMs = 10000;
    m_options.bodySampleBytes = 64 * 1024;
    m_options.keepResponseHeaders = true;
    m_run = std::make_unique<Run>(m_source, m_options);
    QSignalSpy finished(m_run.get(), &Run::finished);
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_run->start();
    QVERIFY(finished.wait(30000));
    m_finishedAt = QDateTime::currentDateTimeUtc();
    QCOMPARE(m_run->results().completedCount(), qint64(RealRequestCount));
}

void tst_ResultExports::csvRoundTripsARealRun()
{
    const CsvLayout layout = CsvLayout::forRun(*m_source);
    const QByteArray bytes = exportBytes([&](QIODevice *device, QString *error) {
        return ResultWriters::writeCsv(
            device, m_run->results(), *m_source, layout, SecretMask(), error);
    });
    QVERIFY2(bytes.startsWith("index,name,"), "no BOM, the header first");
    QVERIFY(bytes.endsWith("\r\n"));
    const CsvRecords csv = parseCsv(bytes);
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.records.size(), RealRequestCount + 1);

    const QStringList header = csv.records.first();
    QCOMPARE(header, layout.header());
    QCOMPARE(header.count(QStringLiteral("status")), 1);
    const QStringList dataHeaders {
        QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("data.status")};
    const qsizetype dataStart = header.indexOf(QStringLiteral("id"));
    QCOMPARE(header.mid(dataStart, 3), dataHeaders);
    QCOMPARE(header.mid(dataStart + 3),
        (QStringList {QStringLiteral("assert: status == 200"),
            QStringLiteral("assert: body contains /get")}));
    const auto column = [&](const char *name) {
        return header.indexOf(QLatin1String(name));
    };

    for (int i = 0; i < RealRequestCount; ++i) {
        const QStringList &row = csv.records.at(i + 1);
        QCOMPARE(row.size(), header.size());
        const Result &result = m_run->results().at(i);
        const RequestSpec &spec = m_specs.at(i);
        QCOMPARE(row.at(column("index")), QString::number(i));
        QCOMPARE(row.at(column("name")), spec.name);
        QCOMPARE(row.at(column("method")), QString::fromLatin1(spec.method));
        QCOMPARE(row.at(column("url")), spec.url.toString(QUrl::FullyEncoded));
        QCOMPARE(row.at(column("bytes_in")), QString::number(result.bytesReceived));
        QCOMPARE(row.at(column("iteration")), QStringLiteral("0"));
        QCOMPARE(row.at(column("row")), QString::number(i));
        for (int c = 0; c < m_columns.size(); ++c)
            QCOMPARE(row.at(dataStart + c), spec.context->dataValues.at(c));
    }
    const auto cell = [&](RealRequest request, const char *name) {
        return csv.records.at(request + 1).at(column(name));
    };
    QCOMPARE(cell(Get, "status"), QStringLiteral("200"));
    QCOMPARE(cell(Get, "error"), QString());
    QCOMPARE(cell(NotFound, "status"), QStringLiteral("404"));
    QCOMPARE(cell(NotFound, "error"), QString());
    QCOMPARE(cell(Dropped, "status"), QString());
    QVERIFY(!cell(Dropped, "error").isEmpty());
    QCOMPARE(cell(Refused, "error"), QStringLiteral("connection_refused"));
    QVERIFY(!cell(Refused, "error_message").isEmpty());
    QCOMPARE(cell(Refused, "headers_ms"), QString());
    QCOMPARE(cell(Redirected, "redirects"), QStringLiteral("2"));
    QVERIFY(cell(Redirected, "final_url").endsWith(QLatin1String("/get")));
    QVERIFY(cell(Get, "latency_ms").toDouble() > 0);
    QCOMPARE(cell(Get, "assert: status == 200"), QStringLiteral("pass"));
    QCOMPARE(cell(Get, "assert: body contains /get"), QStringLiteral("pass"));
    QCOMPARE(cell(Get, "assertions_failed"), QStringLiteral("0"));
    QCOMPARE(cell(NotFound, "assert: status == 200"), QStringLiteral("fail: 404"));
    QCOMPARE(cell(NotFound, "assert: body contains /get"), QString());
    QCOMPARE(cell(NotFound, "assertions_failed"), QStringLiteral("1"));
    QVERIFY(cell(Refused, "assert: status == 200").startsWith(QLatin1String("fail: ")));
    QCOMPARE(cell(Dropped, "assert: status == 200"), QString());
    QCOMPARE(cell(Posted, "bytes_out"), QString::number(m_specs.at(Posted).body.size()));
}

void tst_ResultExports::csvKeepsTheFixedColumns()
{
    // Scripts parse these (tst_cli checks the CLI's file): they stay, first and in order.
    const QStringList fixed = ResultWriters::csvHeader();
    for (const char *name : {"index", "name", "method", "url", "final_url", "status", "error",
             "error_message", "http_version", "retries", "redirects", "latency_ms",
             "latency_from_schedule_ms", "ttfb_ms", "bytes_out", "bytes_in", "scheduled_ms",
             "dispatched_ms", "connect_ms", "tls_ms", "sent_ms", "headers_ms", "finished_ms"})
        QVERIFY2(fixed.contains(QLatin1String(name)), name);
    const CsvLayout layout = CsvLayout::forRun(*m_source);
    QCOMPARE(layout.header().mid(0, fixed.size()), fixed);
    QCOMPARE(CsvLayout().header().mid(0, fixed.size()), fixed);
    for (int i = 0; i < RealRequestCount; ++i) {
        const QStringList row = layout.row(m_run->results().at(i), m_specs.at(i));
        QCOMPARE(
            row.mid(0, fixed.size()), ResultWriters::csvRow(m_run->results().at(i), m_specs.at(i)));
    }
    // Without a context the run columns are there, empty but for the assertion count.
    const QStringList plain
        = CsvLayout().row(m_run->results().at(0), request(url(QStringLiteral("/get"))));
    QCOMPARE(plain.size(), CsvLayout().header().size());
    QCOMPARE(plain.mid(fixed.size()), (QStringList {QString(), QString(), QStringLiteral("0")}));
}

void tst_ResultExports::csvDataColumnNames_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("expected");
    const auto list = [](std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *name : names)
            out.append(QString::fromUtf8(name));
        return out;
    };
    QTest::newRow("no collision") << list({"id", "user"}) << list({"id", "user"});
    QTest::newRow("ours") << list({"url", "status", "row"})
                          << list({"data.url", "data.status", "data.row"});
    QTest::newRow("prefixed one taken")
        << list({"url", "data.url"}) << list({"data.url", "data.data.url"});
    QTest::newRow("repeated") << list({"id", "id", "id"})
                              << list({"id", "data.id", "data.data.id"});
    QTest::newRow("an assertion label")
        << list({"assert: status == 200"}) << list({"data.assert: status == 200"});
}

void tst_ResultExports::csvDataColumnNames()
{
    QFETCH(QStringList, columns);
    QFETCH(QStringList, expected);
    CsvLayout layout(columns);
    layout.addRequest(QStringLiteral("Folder/Request 0"),
        {assertion(Assertion::Kind::StatusEquals, QString(), QStringLiteral("200"))});
    const QStringList header = layout.header();
    const qsizetype dataStart = ResultWriters::csvHeader().size() + 3;
    QCOMPARE(header.mid(dataStart, columns.size()), expected);
    QCOMPARE(QSet<QString>(header.cbegin(), header.cend()).size(), header.size());
    // Values go by position, so repeated names keep their own values.
    QStringList values;
    for (qsizetype i = 0; i < columns.size(); ++i)
        values.append(QStringLiteral("value %1").arg(i));
    RequestSpec spec = request(url(QStringLiteral("/get")));
    spec.context = context(0, columns, values);
    const QStringList row = layout.row(answered(0, 200), spec);
    QCOMPARE(row.size(), header.size());
    QCOMPARE(row.mid(dataStart, columns.size()), values);
}

void tst_ResultExports::assertionColumns_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expectedValue");
    QTest::addColumn<QString>("label");
    using K = Assertion::Kind;
    QTest::newRow("status") << int(K::StatusEquals) << QString() << QStringLiteral("200")
                            << QStringLiteral("assert: status == 200");
    QTest::newRow("range") << int(K::StatusInRange) << QString() << QStringLiteral("200-299")
                           << QStringLiteral("assert: status in 200-299");
    QTest::newRow("header exists") << int(K::HeaderExists) << QStringLiteral("ETag") << QString()
                                   << QStringLiteral("assert: header ETag exists");
    QTest::newRow("header equals")
        << int(K::HeaderEquals) << QStringLiteral("Content-Type") << QStringLiteral("text/plain")
        << QStringLiteral("assert: header Content-Type == text/plain");
    QTest::newRow("header contains")
        << int(K::HeaderContains) << QStringLiteral("Server") << QStringLiteral("rafaga")
        << QStringLiteral("assert: header Server contains rafaga");
    QTest::newRow("body") << int(K::BodyContains) << QString() << QStringLiteral("ok, \"done\"")
                          << QStringLiteral("assert: body contains ok, \"done\"");
    QTest::newRow("json exists") << int(K::JsonPathExists) << QStringLiteral("data.items[0].id")
                                 << QString()
                                 << QStringLiteral("assert: json data.items[0].id exists");
    QTest::newRow("json equals") << int(K::JsonPathEquals) << QStringLiteral("id")
                                 << QStringLiteral("7") << QStringLiteral("assert: json id == 7");
    QTest::newRow("latency") << int(K::LatencyBelow) << QString() << QStringLiteral("250")
                             << QStringLiteral("assert: latency < 250 ms");
}

void tst_ResultExports::assertionColumns()
{
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QString, expectedValue);
    QFETCH(QString, label);
    const Assertion a = assertion(Assertion::Kind(kind), target, expectedValue);
    // Disabled ones have no outcome, hence no column; a repeated one is numbered.
    const Assertion off = assertion(Assertion::Kind(kind), target, expectedValue, false);
    QCOMPARE(ResultWriters::assertionColumns({a, off, a}),
        (QStringList {label, label + QStringLiteral(" #2")}));
}

void tst_ResultExports::csvAssertionColumns()
{
    using K = Assertion::Kind;
    const Assertion is200 = assertion(K::StatusEquals, QString(), QStringLiteral("200"));
    const Assertion body = assertion(K::BodyContains, QString(), QStringLiteral("a,b"));
    const Assertion fast = assertion(K::LatencyBelow, QString(), QStringLiteral("100"));
    const Assertion off = assertion(K::HeaderExists, QStringLiteral("X-Off"), QString(), false);
    const QStringList columns {QStringLiteral("user")};
    QList<RequestSpec> specs {request(url(QStringLiteral("/a"))),
        request(url(QStringLiteral("/b"))), request(url(QStringLiteral("/c")))};
    specs[0].context = context(0, columns, {QStringLiteral("ann")}, {is200, body});
    specs[1].context = context(1, columns, {QStringLiteral("bob")}, {fast, off, is200});
    specs[2].context = context(2, columns, {QStringLiteral("cy")});
    const RequestList source(specs);

    ResultStore store(3);
    store.put(0,
        answered(0, 200,
            {{true, QStringLiteral("200")},
                {false, QStringLiteral("(not found, \"x\")\nnext line")}}));
    store.put(
        1, answered(1, 503, {{false, QStringLiteral("731")}, {false, QStringLiteral("503")}}));
    store.put(2, answered(2, 200));

    const CsvLayout layout = CsvLayout::forRun(source);
    const QStringList labels {QStringLiteral("assert: status == 200"),
        QStringLiteral("assert: body contains a,b"), QStringLiteral("assert: latency < 100 ms")};
    QCOMPARE(layout.assertionColumns(), labels);

    const QByteArray bytes = exportBytes([&](QIODevice *device, QString *error) {
        return ResultWriters::writeCsv(device, store, source, layout, SecretMask(), error);
    });
    const CsvRecords csv = parseCsv(bytes);
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.records.size(), 4);
    const QStringList &header = csv.records.at(0);
    QCOMPARE(header.mid(header.size() - 3), labels);
    const auto tail = [&](int row) {
        return csv.records.at(row + 1).mid(header.size() - 3);
    };
    QCOMPARE(tail(0),
        (QStringList {QStringLiteral("pass"), QStringLiteral("fail: (not found, \"x\")\nnext line"),
            QString()}));
    QCOMPARE(tail(1),
        (QStringList {QStringLiteral("fail: 503"), QString(), QStringLiteral("fail: 731")}));
    QCOMPARE(tail(2), (QStringList {QString(), QString(), QString()}));
    const int failedColumn = int(header.indexOf(QStringLiteral("assertions_failed")));
    QCOMPARE(csv.records.at(1).at(failedColumn), QStringLiteral("1"));
    QCOMPARE(csv.records.at(2).at(failedColumn), QStringLiteral("2"));
    QCOMPARE(csv.records.at(3).at(failedColumn), QStringLiteral("0"));
}

void tst_ResultExports::csvAssertionColumnsSpanADataSet()
{
    // One template, `body contains {{name}}`, resolved per row: one column, not one per row.
    using K = Assertion::Kind;
    const QStringList columns {QStringLiteral("name")};
    const QStringList names {QStringLiteral("ann"), QStringLiteral("bob"), QStringLiteral("cy")};
    QList<RequestSpec> specs;
    for (int row = 0; row < names.size(); ++row) {
        RequestSpec spec = request(url(QStringLiteral("/get")));
        auto requestContext = context(row, columns, {names.at(row)},
            {assertion(K::StatusEquals, QString(), QStringLiteral("200")),
                assertion(K::BodyContains, QString(), names.at(row))});
        requestContext->path = QStringLiteral("Users/Get user"); // the same request on every row
        spec.context = requestContext;
        specs.append(spec);
    }
    const RequestList source(specs);
    ResultStore store(specs.size());
    for (int row = 0; row < names.size(); ++row)
        store.put(row,
            answered(quint32(row), 200,
                {{true, QStringLiteral("200")}, {row != 1, row != 1 ? names.at(row) : QString()}}));

    // Scanned: the first row's resolution names the column.
    const CsvLayout scanned = CsvLayout::forRun(source);
    QCOMPARE(scanned.assertionColumns(),
        (QStringList {
            QStringLiteral("assert: status == 200"), QStringLiteral("assert: body contains ann")}));
    // Given by the collection layer: the template's text.
    CsvLayout given(columns);
    given.addRequest(QStringLiteral("Users/Get user"),
        {assertion(K::StatusEquals, QString(), QStringLiteral("200")),
            assertion(K::BodyContains, QString(), QStringLiteral("{{name}}"))});
    QCOMPARE(given.assertionColumns().last(), QStringLiteral("assert: body contains {{name}}"));

    for (const CsvLayout &layout : {scanned, given}) {
        const CsvRecords csv = parseCsv(exportBytes([&](QIODevice *device, QString *error) {
            return ResultWriters::writeCsv(device, store, source, layout, SecretMask(), error);
        }));
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        QCOMPARE(csv.records.first(), layout.header());
        QStringList bodyColumn;
        for (qsizetype row = 1; row < csv.records.size(); ++row)
            bodyColumn.append(csv.records.at(row).last());
        QCOMPARE(bodyColumn,
            (QStringList {
                QStringLiteral("pass"), QStringLiteral("fail: "), QStringLiteral("pass")}));
    }
}

void tst_ResultExports::csvLayoutScansOnlyWhatItIsTold()
{
    // A source that counts its expansions: forRun must not walk a huge run.
    class Counting : public RequestSource
    {
    public:
        explicit Counting(RequestSpec spec)
            : m_spec(std::move(spec))
        { }
        qint64 size() const override { return 100'000'000; }
        RequestSpec at(qint64) const override
        {
            ++calls;
            return m_spec;
        }
        mutable qint64 calls = 0;

    private:
        RequestSpec m_spec;
    };
    RequestSpec spec = request(url(QStringLiteral("/get")));
    spec.context = context(0, {QStringLiteral("id")}, {QStringLiteral("1")},
        {assertion(Assertion::Kind::StatusEquals, QString(), QStringLiteral("200"))});
    Counting source(spec);
    const CsvLayout layout = CsvLayout::forRun(source, 50);
    QCOMPARE(source.calls, 50);
    QCOMPARE(layout.dataColumns(), QStringList {QStringLiteral("id")});
    QCOMPARE(layout.assertionColumns(), QStringList {QStringLiteral("assert: status == 200")});

    // The collection layer, which knows the distinct requests, adds their assertions itself.
    CsvLayout given(QStringList {QStringLiteral("id")});
    given.addRequest(QStringLiteral("a"),
        {assertion(Assertion::Kind::BodyContains, QString(), QStringLiteral("x"))});
    given.addRequest(QStringLiteral("b"),
        {assertion(Assertion::Kind::BodyContains, QString(), QStringLiteral("x")),
            assertion(Assertion::Kind::StatusEquals, QString(), QStringLiteral("201"))});
    QCOMPARE(given.assertionColumns(),
        (QStringList {
            QStringLiteral("assert: body contains x"), QStringLiteral("assert: status == 201")}));
}

void tst_ResultExports::jsonHasSummaryAndResultsInOrder()
{
    const RunStats stats = m_run->statsSnapshot();
    const QByteArray bytes = exportBytes([&](QIODevice *device, QString *error) {
        return ResultWriters::writeJson(device, m_run->results(), *m_source, stats, m_options,
            m_run->elapsedUs(), SecretMask(), error);
    });
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(bytes, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), int(RealRequestCount));
    QCOMPARE(summary.value(QStringLiteral("completed")).toInt(), int(RealRequestCount));
    QCOMPARE(summary.value(QStringLiteral("concurrency")).toInt(), m_options.concurrency);
    QVERIFY(summary.value(QStringLiteral("latency_ms")).isObject());
    QVERIFY(summary.value(QStringLiteral("assertions")).isObject());

    const QJsonArray results = root.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), int(RealRequestCount));
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        QCOMPARE(result.value(QStringLiteral("index")).toInt(), i);
        QCOMPARE(result.value(QStringLiteral("iteration")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("row")).toInt(), i);
        QCOMPARE(result.value(QStringLiteral("path")).toString(), m_specs.at(i).context->path);
        QCOMPARE(result.value(QStringLiteral("assertions_failed")).toInt(),
            int(m_run->results().at(i).assertionsFailed));
        const QJsonObject data = result.value(QStringLiteral("data")).toObject();
        for (int c = 0; c < m_columns.size(); ++c)
            QCOMPARE(
                data.value(m_columns.at(c)).toString(), m_specs.at(i).context->dataValues.at(c));
    }
    const auto at = [&](RealRequest request) {
        return results.at(request).toObject();
    };
    QCOMPARE(at(NotFound).value(QStringLiteral("status")).toInt(), 404);
    QCOMPARE(at(NotFound).value(QStringLiteral("assertions_failed")).toInt(), 1);
    const QJsonObject check
        = at(NotFound).value(QStringLiteral("assertions")).toArray().at(0).toObject();
    QCOMPARE(check.value(QStringLiteral("label")).toString(), QStringLiteral("status == 200"));
    QCOMPARE(check.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(check.value(QStringLiteral("actual")).toString(), QStringLiteral("404"));
    QVERIFY(!at(Dropped).contains(QStringLiteral("assertions")));
    QCOMPARE(at(Refused).value(QStringLiteral("error")).toString(),
        QStringLiteral("connection_refused"));
    QVERIFY(at(Refused).value(QStringLiteral("status")).isNull());
    QVERIFY(at(Redirected)
                .value(QStringLiteral("final_url"))
                .toString()
                .endsWith(QLatin1String("/get")));
    // The body sample is the server's JSON, as text; the headers came along.
    const QJsonObject echoed
        = QJsonDocument::fromJson(at(Get).value(QStringLiteral("body")).toString().toUtf8())
              .object();
    QCOMPARE(echoed.value(QStringLiteral("path")).toString(), QStringLiteral("/get"));
    bool hasContentType = false;
    for (const QJsonValue &header : at(Get).value(QStringLiteral("response_headers")).toArray())
        hasContentType |= header.toObject()
                              .value(QStringLiteral("name"))
                              .toString()
                              .compare(QLatin1String("content-type"), Qt::CaseInsensitive)
            == 0;
    QVERIFY(hasContentType);
    QVERIFY(!at(Refused).contains(QStringLiteral("body")));
}

void tst_ResultExports::jsonCarriesBodiesAndAssertions()
{
    RequestSpec spec = request(url(QStringLiteral("/bin")));
    spec.context = context(0, {}, {},
        {assertion(Assertion::Kind::StatusEquals, QString(), QStringLiteral("200")),
            assertion(Assertion::Kind::BodyContains, QString(), QStringLiteral("x"))});
    const RequestList source({spec, spec});
    ResultStore store(2);
    Result binary
        = answered(0, 200, {{true, QStringLiteral("200")}, {false, QStringLiteral("(absent)")}});
    const QByteArray bytes("\x00\xff\xfe binary", 10);
    binary.detail->bodySample = bytes;
    binary.bytesReceived = 1000;
    store.put(0, std::move(binary));
    Result text = answered(1, 200);
    text.detail = new ResultDetail;
    text.detail->bodySample = "héllo";
    text.bytesReceived = text.detail->bodySample.size();
    store.put(1, std::move(text));

    // The summary's assertion counts are the run's statistics of these results.
    RunStats stats;
    for (qint64 i = 0; i < store.size(); ++i)
        stats.add(store.at(i), store.at(i).latencyUs());
    QJsonParseError parseError;
    const QJsonObject root
        = QJsonDocument::fromJson(exportBytes([&](QIODevice *device, QString *error) {
              return ResultWriters::writeJson(
                  device, store, source, stats, RunOptions(), 1000, SecretMask(), error);
          }),
            &parseError)
              .object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject counts = root.value(QStringLiteral("summary"))
                                   .toObject()
                                   .value(QStringLiteral("assertions"))
                                   .toObject();
    QCOMPARE(counts.value(QStringLiteral("passed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("requests_failed")).toInt(), 1);

    const QJsonArray results = root.value(QStringLiteral("results")).toArray();
    const QJsonObject first = results.at(0).toObject();
    QVERIFY(!first.contains(QStringLiteral("body")));
    QCOMPARE(
        QByteArray::fromBase64(first.value(QStringLiteral("body_base64")).toString().toLatin1()),
        bytes);
    QCOMPARE(first.value(QStringLiteral("body_truncated")).toBool(), true);
    QCOMPARE(first.value(QStringLiteral("assertions_failed")).toInt(), 1);
    const QJsonArray assertions = first.value(QStringLiteral("assertions")).toArray();
    QCOMPARE(assertions.size(), 2);
    // The label is the assertion's own (assertions.h), as this request resolved it.
    QCOMPARE(assertions.at(1).toObject().value(QStringLiteral("label")).toString(),
        QStringLiteral("body contains x"));
    QCOMPARE(assertions.at(1).toObject().value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(assertions.at(1).toObject().value(QStringLiteral("actual")).toString(),
        QStringLiteral("(absent)"));
    const QJsonObject second = results.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("body")).toString(), QStringLiteral("héllo"));
    QVERIFY(!second.contains(QStringLiteral("body_truncated")));
}

void tst_ResultExports::harHasEveryRequiredField()
{
    const QByteArray bytes = exportBytes([&](QIODevice *device, QString *error) {
        return HarExport::write(
            device, m_run->results(), *m_source, m_options, m_startedAt, SecretMask(), error);
    });
    QJsonParseError parseError;
    const QJsonObject log = QJsonDocument::fromJson(bytes, &parseError)
                                .object()
                                .value(QStringLiteral("log"))
                                .toObject();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
    const QJsonObject creator = log.value(QStringLiteral("creator")).toObject();
    QCOMPARE(creator.value(QStringLiteral("name")).toString(), QStringLiteral("rafaga"));
    QCOMPARE(creator.value(QStringLiteral("version")).toString(), Rafaga::version());
    const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), int(RealRequestCount));

    const auto isString = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).isString();
    };
    const auto isNumber = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).isDouble();
    };
    const auto isNameValueList = [](const QJsonObject &o, const char *key) {
        if (!o.value(QLatin1String(key)).isArray())
            return false;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray()) {
            if (!v.toObject().value(QStringLiteral("name")).isString()
                || !v.toObject().value(QStringLiteral("value")).isString())
                return false;
        }
        return true;
    };
    for (int i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const Result &result = m_run->results().at(i);
        QVERIFY(isString(entry, "startedDateTime"));
        const QDateTime started = QDateTime::fromString(
            entry.value(QStringLiteral("startedDateTime")).toString(), Qt::ISODateWithMs);
        QVERIFY(started.isValid());
        QVERIFY(qAbs(started.toMSecsSinceEpoch()
                    - (m_startedAt.toMSecsSinceEpoch() + result.dispatchedUs / 1000))
            <= 1);
        QVERIFY(isNumber(entry, "time"));
        QVERIFY(entry.value(QStringLiteral("cache")).isObject());

        const QJsonObject request = entry.value(QStringLiteral("request")).toObject();
        for (const char *key : {"method", "url", "httpVersion"})
            QVERIFY2(isString(request, key), key);
        for (const char *key : {"headers", "queryString"})
            QVERIFY2(isNameValueList(request, key), key);
        QVERIFY(request.value(QStringLiteral("cookies")).isArray());
        QCOMPARE(request.value(QStringLiteral("headersSize")).toInt(), -1);
        QCOMPARE(request.value(QStringLiteral("bodySize")).toInt(), int(m_specs.at(i).body.size()));
        QCOMPARE(request.value(QStringLiteral("url")).toString(),
            m_specs.at(i).url.toString(QUrl::FullyEncoded));

        const QJsonObject response = entry.value(QStringLiteral("response")).toObject();
        for (const char *key : {"status", "headersSize", "bodySize"})
            QVERIFY2(isNumber(response, key), key);
        for (const char *key : {"statusText", "httpVersion", "redirectURL"})
            QVERIFY2(isString(response, key), key);
        QVERIFY(isNameValueList(response, "headers"));
        QVERIFY(response.value(QStringLiteral("cookies")).isArray());
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), int(result.status));
        const QJsonObject content = response.value(QStringLiteral("content")).toObject();
        QVERIFY(isNumber(content, "size"));
        QVERIFY(isString(content, "mimeType"));

        const QJsonObject timings = entry.value(QStringLiteral("timings")).toObject();
        double sum = 0;
        for (const char *key : {"blocked", "dns", "connect", "ssl", "send", "wait", "receive"}) {
            QVERIFY2(isNumber(timings, key), key);
            const double value = timings.value(QLatin1String(key)).toDouble();
            QVERIFY2(value >= 0 || value == -1, key);
            if (value > 0)
                sum += value;
        }
        for (const char *key : {"send", "wait", "receive"}) // -1 is not allowed for these
            QVERIFY2(timings.value(QLatin1String(key)).toDouble() >= 0, key);
        QVERIFY(qAbs(sum - entry.value(QStringLiteral("time")).toDouble()) < 0.01);
        QVERIFY(qAbs(entry.value(QStringLiteral("time")).toDouble()
                    - ResultWriters::toMs(result.latencyUs()))
            < 0.01);
        QCOMPARE(entry.value(QStringLiteral("_index")).toInt(), i);
    }
    const auto at = [&](RealRequest request) {
        return entries.at(request).toObject();
    };
    const auto response = [&](RealRequest request) {
        return at(request).value(QStringLiteral("response")).toObject();
    };
    QCOMPARE(response(Get).value(QStringLiteral("statusText")).toString(), QStringLiteral("OK"));
    QCOMPARE(
        response(Get).value(QStringLiteral("httpVersion")).toString(), QStringLiteral("HTTP/1.1"));
    QVERIFY(response(Get)
                .value(QStringLiteral("content"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QLatin1String("/get")));
    const QJsonArray query = at(Get)
                                 .value(QStringLiteral("request"))
                                 .toObject()
                                 .value(QStringLiteral("queryString"))
                                 .toArray();
    QCOMPARE(query.size(), 2);
    QCOMPARE(
        query.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("a b"));
    QCOMPARE(response(NotFound).value(QStringLiteral("statusText")).toString(),
        QStringLiteral("Not Found"));
    QCOMPARE(response(Refused).value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(at(Refused).value(QStringLiteral("_error")).toString(),
        QStringLiteral("connection_refused"));
    QVERIFY(at(Dropped).contains(QStringLiteral("_error")));
    QVERIFY(!at(Get).contains(QStringLiteral("_error")));
    QCOMPARE(at(Redirected).value(QStringLiteral("_redirects")).toInt(), 2);
    const QJsonObject postData = at(Posted)
                                     .value(QStringLiteral("request"))
                                     .toObject()
                                     .value(QStringLiteral("postData"))
                                     .toObject();
    QCOMPARE(
        postData.value(QStringLiteral("mimeType")).toString(), QStringLiteral("application/json"));
    QCOMPARE(postData.value(QStringLiteral("text")).toString(),
        QString::fromUtf8(m_specs.at(Posted).body));
    QVERIFY(
        !at(Get).value(QStringLiteral("request")).toObject().contains(QStringLiteral("postData")));
}

void tst_ResultExports::harTimingsFollowThePhases_data()
{
    // Phase times in µs: dispatched, connect, tls, sent, headers, finished, retries; then the
    // expected blocked, connect, send, wait, receive in ms (-1: unknown).
    QTest::addColumn<QList<qint64>>("phases");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("reused connection") << QList<qint64> {1000, -1, -1, 1500, 4000, 4500, 0}
                                       << QList<double> {-1, -1, 0.5, 2.5, 0.5};
    QTest::newRow("new cleartext") << QList<qint64> {1000, 1200, -1, 1500, 4000, 4500, 0}
                                   << QList<double> {0.2, -1, 0.3, 2.5, 0.5};
    QTest::newRow("new tls") << QList<qint64> {1000, 1200, 2200, 2300, 4000, 4500, 0}
                             << QList<double> {0.2, 1.0, 0.1, 1.7, 0.5};
    QTest::newRow("refused") << QList<qint64> {1000, 1100, -1, -1, -1, 1600, 0}
                             << QList<double> {0.1, 0.5, 0, 0, 0};
    QTest::newRow("host not found")
        << QList<qint64> {1000, -1, -1, -1, -1, 3000, 0} << QList<double> {2.0, -1, 0, 0, 0};
    QTest::newRow("dropped after send")
        << QList<qint64> {1000, -1, -1, 1100, -1, 2100, 0} << QList<double> {-1, -1, 0.1, 1.0, 0};
    QTest::newRow("retried on a reused connection") << QList<qint64> {
        1000, -1, -1, 9000, 9500, 9600, 2} << QList<double> {8.0, -1, 0, 0.5, 0.1};
    QTest::newRow("redirect hops out of order")
        << QList<qint64> {1000, -1, -1, 3000, 2000, 4000, 0} << QList<double> {-1, -1, 2.0, 0, 1.0};
    QTest::newRow("cancelled before dispatch")
        << QList<qint64> {-1, -1, -1, -1, -1, 5000, 0} << QList<double> {0, -1, 0, 0, 0};
}

void tst_ResultExports::harTimingsFollowThePhases()
{
    QFETCH(QList<qint64>, phases);
    QFETCH(QList<double>, expected);
    Result result;
    result.dispatchedUs = phases[0];
    result.connectStartUs = phases[1];
    result.tlsDoneUs = phases[2];
    result.requestSentUs = phases[3];
    result.headersUs = phases[4];
    result.finishedUs = phases[5];
    result.retries = quint8(phases[6]);
    const HarExport::Timings t = HarExport::timings(result);
    QCOMPARE(t.blocked, expected[0]);
    QCOMPARE(t.connect, expected[1]);
    QCOMPARE(t.send, expected[2]);
    QCOMPARE(t.wait, expected[3]);
    QCOMPARE(t.receive, expected[4]);
    QCOMPARE(t.dns, -1.0);
    QCOMPARE(t.ssl, -1.0);
    double sum = 0;
    for (double phase : {t.blocked, t.connect, t.send, t.wait, t.receive})
        sum += qMax(0.0, phase);
    QVERIFY(qAbs(sum - t.total) < 1e-9);
    QVERIFY(qAbs(t.total - (result.dispatchedUs < 0 ? 0 : ResultWriters::toMs(result.latencyUs())))
        < 1e-9);
}

void tst_ResultExports::harOverTls()
{
    ServerThread tlsServer(true);
    QString error;
    QVERIFY2(tlsServer.start(&error), qPrintable(error));
    const QUrl target = tlsServer.baseUrl().resolved(QUrl(QStringLiteral("/get")));
    auto source = std::make_shared<RequestList>(QList<RequestSpec> {request(target)}, 2);
    RunOptions options;
    options.concurrency = 1;
    options.insecure = true;
    options.httpVersion = HttpVersionPolicy::Http1Only;
    Run run(source, options);
    QSignalSpy finished(&run, &Run::finished);
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    run.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(run.results().at(0).status, 200);

    const QJsonObject first
        = HarExport::entry(run.results().at(0), source->at(0), options, startedAt);
    const QJsonObject timings = first.value(QStringLiteral("timings")).toObject();
    QVERIFY(timings.value(QStringLiteral("connect")).toDouble() > 0); // TCP + TLS, known
    QVERIFY(timings.value(QStringLiteral("blocked")).toDouble() >= 0);
    QCOMPARE(timings.value(QStringLiteral("ssl")).toDouble(), -1.0);
    // The second request reuses the connection: no connection time at all.
    const QJsonObject second
        = HarExport::entry(run.results().at(1), source->at(1), options, startedAt);
    QCOMPARE(second.value(QStringLiteral("timings"))
                 .toObject()
                 .value(QStringLiteral("connect"))
                 .toDouble(),
        -1.0);
    // JTL's Connect counts the handshake for the first and nothing for the second.
    const QStringList header = JtlExport::header();
    const int connect = int(header.indexOf(QStringLiteral("Connect")));
    const QStringList row0 = JtlExport::row(run.results().at(0), source->at(0), options, startedAt);
    const QStringList row1 = JtlExport::row(run.results().at(1), source->at(1), options, startedAt);
    QCOMPARE(row0.at(connect).toLongLong(),
        qint64(std::llround(
            (run.results().at(0).tlsDoneUs - run.results().at(0).dispatchedUs) / 1000.0)));
    QCOMPARE(row1.at(connect), QStringLiteral("0"));
}

void tst_ResultExports::harImportsBack()
{
    // What we write, our HAR importer reads: the same requests, in order.
    const QByteArray bytes = exportBytes([&](QIODevice *device, QString *error) {
        return HarExport::write(
            device, m_run->results(), *m_source, m_options, m_startedAt, SecretMask(), error);
    });
    QVERIFY(looksLikeHar(bytes));
    const Parsed<Collection> imported = importHar(bytes, QStringLiteral("run.har"));
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
    QList<RequestItem> requests;
    const std::function<void(const QList<CollectionItem> &)> collect
        = [&](const QList<CollectionItem> &items) {
              for (const CollectionItem &item : items) {
                  if (item.isFolder())
                      collect(item.children);
                  else
                      requests.append(item.request);
              }
          };
    collect(imported.value().items);
    // The importer makes a folder per host, so compare without the order.
    QStringList got, sent;
    for (const RequestItem &item : std::as_const(requests))
        got.append(item.method + QLatin1Char(' ') + QUrl(item.url).toString());
    for (const RequestSpec &spec : std::as_const(m_specs))
        sent.append(QString::fromLatin1(spec.method) + QLatin1Char(' ') + spec.url.toString());
    got.sort();
    sent.sort();
    QCOMPARE(got, sent);
    const auto posted = std::find_if(requests.cbegin(), requests.cend(),
        [](const RequestItem &item) { return item.method == QLatin1String("POST"); });
    QVERIFY(posted != requests.cend());
    QCOMPARE(posted->body.text, QString::fromUtf8(m_specs.at(Posted).body));
}

void tst_ResultExports::jtlHeaderAndTypes()
{
    const QByteArray bytes = exportBytes([&](QIODevice *device, QString *error) {
        return JtlExport::write(
            device, m_run->results(), *m_source, m_options, m_startedAt, SecretMask(), error);
    });
    // Exactly JMeter's default header, so its CSV reader recognises the columns.
    QVERIFY(
        bytes.startsWith("timeStamp,elapsed,label,responseCode,responseMessage,threadName,"
                         "dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,"
                         "URL,Latency,IdleTime,Connect\r\n"));
    const CsvRecords csv = parseCsv(bytes);
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.records.size(), RealRequestCount + 1);
    const QStringList header = csv.records.first();
    const auto column = [&](const char *name) {
        return header.indexOf(QLatin1String(name));
    };
    for (int i = 0; i < RealRequestCount; ++i) {
        const QStringList &row = csv.records.at(i + 1);
        QCOMPARE(row.size(), 17);
        for (const char *key : {"timeStamp", "elapsed", "bytes", "sentBytes", "grpThreads",
                 "allThreads", "Latency", "IdleTime", "Connect"})
            QVERIFY2(isWholeNumber(row.at(column(key))), key);
        const qint64 stamp = row.at(column("timeStamp")).toLongLong();
        QVERIFY(
            stamp >= m_startedAt.toMSecsSinceEpoch() && stamp <= m_finishedAt.toMSecsSinceEpoch());
        const qint64 elapsed = row.at(column("elapsed")).toLongLong();
        QVERIFY(row.at(column("Latency")).toLongLong() <= elapsed);
        QVERIFY(row.at(column("Connect")).toLongLong() <= elapsed);
        QCOMPARE(row.at(column("grpThreads")), QString::number(m_options.concurrency));
        QCOMPARE(row.at(column("threadName")), QStringLiteral("rafaga"));
        QCOMPARE(row.at(column("URL")), m_specs.at(i).url.toString(QUrl::FullyEncoded));
        const QString success = row.at(column("success"));
        QVERIFY(success == QLatin1String("true") || success == QLatin1String("false"));
    }
    const auto cell = [&](RealRequest request, const char *name) {
        return csv.records.at(request + 1).at(column(name));
    };
    QCOMPARE(cell(Get, "label"), QStringLiteral("get, one"));
    QCOMPARE(cell(Get, "success"), QStringLiteral("true"));
    QCOMPARE(cell(Get, "responseCode"), QStringLiteral("200"));
    QCOMPARE(cell(Get, "responseMessage"), QStringLiteral("OK"));
    QCOMPARE(cell(Get, "dataType"), QStringLiteral("text"));
    QCOMPARE(cell(NotFound, "label"), QStringLiteral("GET /status/404"));
    QCOMPARE(cell(NotFound, "success"), QStringLiteral("false"));
    QCOMPARE(cell(NotFound, "responseCode"), QStringLiteral("404"));
    QCOMPARE(
        cell(NotFound, "failureMessage"), QStringLiteral("assert: status == 200 (actual: 404)"));
    QCOMPARE(cell(Refused, "success"), QStringLiteral("false"));
    QCOMPARE(cell(Refused, "responseCode"),
        QStringLiteral("Non HTTP response code: connection_refused"));
    QVERIFY(
        cell(Refused, "responseMessage").startsWith(QLatin1String("Non HTTP response message: ")));
    QVERIFY(!cell(Refused, "failureMessage").isEmpty());
    QCOMPARE(cell(Refused, "dataType"), QString());
    QCOMPARE(cell(Dropped, "success"), QStringLiteral("false"));
    QCOMPARE(cell(Posted, "sentBytes"), QString::number(m_specs.at(Posted).body.size()));
}

void tst_ResultExports::jtlFailureMessageFromAssertion()
{
    RequestSpec spec = request(url(QStringLiteral("/x")), QStringLiteral("checked"));
    spec.context = context(0, {}, {},
        {assertion(Assertion::Kind::StatusEquals, QString(), QStringLiteral("200")),
            assertion(Assertion::Kind::HeaderExists, QStringLiteral("ETag"), QString())});
    const Result passedAll
        = answered(0, 200, {{true, QStringLiteral("200")}, {true, QStringLiteral("\"x\"")}});
    const Result failedOne
        = answered(0, 200, {{true, QStringLiteral("200")}, {false, QStringLiteral("(missing)")}});
    const QStringList header = JtlExport::header();
    const int success = int(header.indexOf(QStringLiteral("success")));
    const int message = int(header.indexOf(QStringLiteral("failureMessage")));
    const QStringList good = JtlExport::row(passedAll, spec, m_options, m_startedAt);
    QCOMPARE(good.at(success), QStringLiteral("true"));
    QCOMPARE(good.at(message), QString());
    const QStringList bad = JtlExport::row(failedOne, spec, m_options, m_startedAt);
    QCOMPARE(bad.at(success), QStringLiteral("false"));
    QCOMPARE(bad.at(message), QStringLiteral("assert: header ETag exists (actual: (missing))"));
}

void tst_ResultExports::secretsAreMasked_data()
{
    QTest::addColumn<QString>("format");
    for (const char *format : {"csv", "json", "har", "jtl"})
        QTest::newRow(format) << QString::fromLatin1(format);
}

void tst_ResultExports::secretsAreMasked()
{
    QFETCH(QString, format);
    const auto write = [&](const SecretMask &mask) {
        return exportBytes([&](QIODevice *device, QString *error) {
            const ResultStore &store = m_run->results();
            if (format == QLatin1String("csv"))
                return ResultWriters::writeCsv(
                    device, store, *m_source, CsvLayout::forRun(*m_source), mask, error);
            if (format == QLatin1String("json"))
                return ResultWriters::writeJson(
                    device, store, *m_source, RunStats(), m_options, 0, mask, error);
            if (format == QLatin1String("har"))
                return HarExport::write(
                    device, store, *m_source, m_options, m_startedAt, mask, error);
            return JtlExport::write(device, store, *m_source, m_options, m_startedAt, mask, error);
        });
    };
    const QByteArray clear = write(SecretMask());
    QVERIFY(clear.contains(Secret.toUtf8())); // the URL holds it, so every format shows it
    const QByteArray masked = write(SecretMask({Secret, SecretWithSpace, QString()}));
    QVERIFY(!masked.contains(Secret.toUtf8()));
    QVERIFY(!masked.contains(QUrl::toPercentEncoding(SecretWithSpace)));
    QVERIFY(!masked.contains(SecretWithSpace.toUtf8()));
    QVERIFY(masked.contains("***"));
    if (format == QLatin1String("har")) {
        QVERIFY(clear.contains(QByteArray("Bearer " + Secret.toUtf8())));
        QVERIFY(masked.contains("Bearer ***"));
        QVERIFY(masked.contains("Basic ***"));
        QVERIFY(!masked.contains(basicToken()));
    }
}

void tst_ResultExports::secretsInAssertionsAreMasked()
{
    // A check resolved with a secret names it in its label and maybe in what it saw.
    RequestSpec spec = request(url(QStringLiteral("/x")));
    spec.context = context(
        0, {}, {}, {assertion(Assertion::Kind::HeaderEquals, QStringLiteral("X-Token"), Secret)});
    const RequestList source({spec});
    ResultStore store(1);
    store.put(0, answered(0, 200, {{false, Secret + QStringLiteral("-old")}}));
    const SecretMask mask({Secret});
    const QByteArray csv = exportBytes([&](QIODevice *device, QString *error) {
        return ResultWriters::writeCsv(
            device, store, source, CsvLayout::forRun(source), mask, error);
    });
    const QByteArray json = exportBytes([&](QIODevice *device, QString *error) {
        return ResultWriters::writeJson(
            device, store, source, RunStats(), m_options, 0, mask, error);
    });
    const QByteArray jtl = exportBytes([&](QIODevice *device, QString *error) {
        return JtlExport::write(device, store, source, m_options, m_startedAt, mask, error);
    });
    for (const QByteArray &bytes : {csv, json, jtl}) {
        QVERIFY2(!bytes.contains(Secret.toUtf8()), bytes.constData());
        QVERIFY(bytes.contains("header X-Token == ***"));
        QVERIFY(bytes.contains("***-old"));
    }
}

void tst_ResultExports::writeErrorsAreReported_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("open");
    for (const char *format : {"csv", "json", "har", "jtl"}) {
        QTest::addRow("%s, closed", format) << QString::fromLatin1(format) << false;
        QTest::addRow("%s, read-only", format) << QString::fromLatin1(format) << true;
    }
}

void tst_ResultExports::writeErrorsAreReported()
{
    QFETCH(QString, format);
    QFETCH(bool, open);
    QBuffer buffer;
    if (open)
        QVERIFY(buffer.open(QIODevice::ReadOnly));
    const ResultStore &store = m_run->results();
    QString error;
    bool ok;
    if (format == QLatin1String("csv"))
        ok = ResultWriters::writeCsv(&buffer, store, *m_source, CsvLayout(), SecretMask(), &error);
    else if (format == QLatin1String("json"))
        ok = ResultWriters::writeJson(
            &buffer, store, *m_source, RunStats(), m_options, 0, SecretMask(), &error);
    else if (format == QLatin1String("har"))
        ok = HarExport::write(
            &buffer, store, *m_source, m_options, m_startedAt, SecretMask(), &error);
    else
        ok = JtlExport::write(
            &buffer, store, *m_source, m_options, m_startedAt, SecretMask(), &error);
    QVERIFY(!ok);
    QVERIFY(!error.isEmpty());
    QVERIFY(buffer.data().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ResultExports)
#include "tst_resultexports.moc"
