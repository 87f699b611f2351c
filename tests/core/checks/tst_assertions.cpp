// Tests of declarative assertions and JSON paths: every kind passing and failing with the value it
// saw, labels and their parser round-tripping, path syntax and errors, and a real response from
// the built-in server.
#include "core/checks/assertions.h"
#include "core/server/httpserver.h"
#include "core/checks/jsonpath.h"
#include "core/engine/requestsource.h"
#include "core/engine/run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(Assertion)

namespace {

using Kind = Assertion::Kind;

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Assertion make(Kind kind, const char *target, const char *expected)
{
    Assertion assertion;
    assertion.kind = kind;
    assertion.target = s(target);
    assertion.expected = s(expected);
    return assertion;
}

// Not a raw string: moc misreads the escaped quote inside one.
const char *const PathDocument
    = "{\n"
      "  \"data\": {\n"
      "    \"items\": [{\"id\": 1}, {\"id\": 2, \"tags\": [\"a\", \"b\"]}],\n"
      "    \"key with.dots\": {\"x\": true},\n"
      "    \"q\\\"uote\": 5,\n"
      "    \"\": 0,\n"
      "    \"$\": \"dollar\",\n"
      "    \"0\": \"zero\"\n"
      "  },\n"
      "  \"list\": [10, 20, 30]\n"
      "}";

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
        .chopped(1)
        .sliced(1);
}

} // namespace

class TestAssertions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void malformedAssertionsFail_data();
    void malformedAssertionsFail();
    void evaluateManySkipsDisabledAndKeepsOrder();
    void evaluateManySharesOneBodyParse();
    void label_data();
    void label();
    void labelParsesBack_data() { label_data(); }
    void labelParsesBack();
    void parseIsLenientWithSpaces_data();
    void parseIsLenientWithSpaces();
    void parseErrors_data();
    void parseErrors();
    void jsonPath_data();
    void jsonPath();
    void jsonPathOnArrayAndScalarRoots();
    void jsonPathErrors_data();
    void jsonPathErrors();
    void jsonPathCanonicalText_data();
    void jsonPathCanonicalText();
    void realResponse();
};

void TestAssertions::evaluate_data()
{
    QTest::addColumn<Assertion>("assertion");
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("latencyUs");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("actual");

    const HttpHeaders jsonHeaders {{"content-type", "application/json; charset=utf-8"},
        {"Set-Cookie", "a=1"}, {"set-cookie", "b=2"}};
    const QByteArray body = R"({"data":{"id":7,"name":"Ana María","ok":true,"none":null,
        "ratio":1.0,"big":9007199254740993,"obj":{"a":1,"b":[1,2]},"items":[1,2,3]}})";
    auto row = [&](const char *name, const Assertion &a, int status, qint64 latencyUs, bool passed,
                   const QString &actual, const QByteArray &rowBody) {
        QTest::newRow(name) << a << status << jsonHeaders << rowBody << latencyUs << passed
                            << actual;
    };
    auto on = [&](const char *name, const Assertion &a, bool passed, const char *actual) {
        row(name, a, 200, 1000, passed, s(actual), body);
    };

    row("status == passes", make(Kind::StatusEquals, "", "200"), 200, 0, true, s("200"), body);
    row("status == fails", make(Kind::StatusEquals, "", "200"), 404, 0, false, s("404"), body);
    row("status == without response", make(Kind::StatusEquals, "", "200"), 0, 0, false,
        s("(no response)"), body);
    row("range passes", make(Kind::StatusInRange, "", "200-299"), 204, 0, true, s("204"), body);
    row("range fails", make(Kind::StatusInRange, "", "200-299"), 301, 0, false, s("301"), body);
    row("range low edge", make(Kind::StatusInRange, "", "200 - 299"), 200, 0, true, s("200"), body);
    row("2xx high edge", make(Kind::StatusInRange, "", "2xx"), 299, 0, true, s("299"), body);
    row("2XX fails on 300", make(Kind::StatusInRange, "", "2XX"), 300, 0, false, s("300"), body);
    row("4xx passes on 404", make(Kind::StatusInRange, "", "4xx"), 404, 0, true, s("404"), body);
    row("range without response", make(Kind::StatusInRange, "", "0-599"), 0, 0, false,
        s("(no response)"), body);

    on("header exists, any case", make(Kind::HeaderExists, "Content-Type", ""), true,
        "application/json; charset=utf-8");
    on("header exists fails", make(Kind::HeaderExists, "X-Request-Id", ""), false, "(missing)");
    on("header == passes",
        make(Kind::HeaderEquals, "CONTENT-TYPE", "application/json; charset=utf-8"), true,
        "application/json; charset=utf-8");
    on("header == is case-sensitive in value",
        make(Kind::HeaderEquals, "content-type", "Application/JSON; charset=utf-8"), false,
        "application/json; charset=utf-8");
    on("header == fails when missing", make(Kind::HeaderEquals, "X-Id", "1"), false, "(missing)");
    on("header == one of repeated", make(Kind::HeaderEquals, "Set-Cookie", "b=2"), true,
        "a=1, b=2");
    on("header == repeated joined", make(Kind::HeaderEquals, "Set-Cookie", "a=1, b=2"), true,
        "a=1, b=2");
    on("header contains passes", make(Kind::HeaderContains, "Content-Type", "json"), true,
        "application/json; charset=utf-8");
    on("header contains fails", make(Kind::HeaderContains, "Content-Type", "xml"), false,
        "application/json; charset=utf-8");
    on("header contains fails when missing", make(Kind::HeaderContains, "Accept", "json"), false,
        "(missing)");

    const QByteArray text = "Hello,\n  wide   world";
    row("body contains passes", make(Kind::BodyContains, "", "wide   world"), 200, 0, true,
        s("Hello, wide world"), text);
    row("body contains fails", make(Kind::BodyContains, "", "hello"), 200, 0, false,
        s("Hello, wide world"), text);
    row("body contains UTF-8", make(Kind::BodyContains, "", "María"), 200, 0, true, s("Ana María"),
        QByteArray("Ana María"));
    row("body contains on empty body", make(Kind::BodyContains, "", "x"), 200, 0, false,
        s("(empty body)"), QByteArray());
    row("long body excerpt", make(Kind::BodyContains, "", "b"), 200, 0, true,
        QString(80, u'a') + QChar(0x2026), QByteArray(1000, 'a') + 'b');

    on("json exists passes", make(Kind::JsonPathExists, "data.id", ""), true, "7");
    on("json exists on null", make(Kind::JsonPathExists, "data.none", ""), true, "null");
    on("json exists on object", make(Kind::JsonPathExists, "data.obj", ""), true,
        R"({"a":1,"b":[1,2]})");
    on("json exists fails", make(Kind::JsonPathExists, "data.missing", ""), false, "(missing)");
    on("json exists out of range", make(Kind::JsonPathExists, "data.items[3]", ""), false,
        "(missing)");
    row("json exists, bare number body", make(Kind::JsonPathExists, "$", ""), 200, 0, true, s("42"),
        QByteArray(" 42 "));
    row("json exists, invalid body", make(Kind::JsonPathExists, "data", ""), 200, 0, false,
        s("invalid JSON body"), QByteArray("<html>"));
    row("json exists, empty body", make(Kind::JsonPathExists, "$", ""), 200, 0, false,
        s("invalid JSON body"), QByteArray());
    row("json exists, two values", make(Kind::JsonPathExists, "$", ""), 200, 0, false,
        s("invalid JSON body"), QByteArray("1,2"));

    on("json == number", make(Kind::JsonPathEquals, "data.id", "7"), true, "7");
    on("json == number fails", make(Kind::JsonPathEquals, "data.id", "8"), false, "7");
    on("json == numbers by value", make(Kind::JsonPathEquals, "data.ratio", "1e0"), true, "1");
    on("json == large integers exactly", make(Kind::JsonPathEquals, "data.big", "9007199254740992"),
        false, "9007199254740993");
    on("json == large integer passes", make(Kind::JsonPathEquals, "data.big", "9007199254740993"),
        true, "9007199254740993");
    on("json == quoted string", make(Kind::JsonPathEquals, "data.name", "\"Ana María\""), true,
        "\"Ana María\"");
    on("json == bare string", make(Kind::JsonPathEquals, "data.name", "Ana María"), true,
        "\"Ana María\"");
    on("json == bare string fails", make(Kind::JsonPathEquals, "data.name", "Ana"), false,
        "\"Ana María\"");
    on("json == string is not a number", make(Kind::JsonPathEquals, "data.id", "\"7\""), false,
        "7");
    on("json == true", make(Kind::JsonPathEquals, "data.ok", "true"), true, "true");
    on("json == false fails", make(Kind::JsonPathEquals, "data.ok", "false"), false, "true");
    on("json == null", make(Kind::JsonPathEquals, "data.none", "null"), true, "null");
    on("json == object in any key order",
        make(Kind::JsonPathEquals, "data.obj", R"({ "b": [1, 2.0], "a": 1 })"), true,
        R"({"a":1,"b":[1,2]})");
    on("json == array order matters", make(Kind::JsonPathEquals, "data.items", "[3,2,1]"), false,
        "[1,2,3]");
    on("json == negative index", make(Kind::JsonPathEquals, "data.items[-1]", "3"), true, "3");
    on("json == missing", make(Kind::JsonPathEquals, "data.nope", "1"), false, "(missing)");
    row("json == invalid body", make(Kind::JsonPathEquals, "data.id", "7"), 200, 0, false,
        s("invalid JSON body"), QByteArray(R"({"data":)"));

    row("latency below", make(Kind::LatencyBelow, "", "500"), 200, 120000, true, s("120.000"),
        body);
    row("latency at the limit fails", make(Kind::LatencyBelow, "", "500"), 200, 500000, false,
        s("500.000"), body);
    row("latency just below", make(Kind::LatencyBelow, "", "500"), 200, 499999, true, s("499.999"),
        body);
    row("latency in fractions", make(Kind::LatencyBelow, "", "0.5"), 200, 499, true, s("0.499"),
        body);
    row("latency unknown", make(Kind::LatencyBelow, "", "500"), 0, -1, false, s("(unknown)"), body);
}

void TestAssertions::evaluate()
{
    QFETCH(Assertion, assertion);
    QFETCH(int, status);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, latencyUs);
    QFETCH(bool, passed);
    QFETCH(QString, actual);

    QVERIFY2(assertionProblem(assertion).isEmpty(), qPrintable(assertionProblem(assertion)));
    const AssertionOutcome outcome = evaluateAssertion(assertion, status, headers, body, latencyUs);
    QCOMPARE(outcome.actual, actual);
    QCOMPARE(outcome.passed, passed);
}

void TestAssertions::malformedAssertionsFail_data()
{
    QTest::addColumn<Assertion>("assertion");

    QTest::newRow("status not a number") << make(Kind::StatusEquals, "", "abc");
    QTest::newRow("status too long") << make(Kind::StatusEquals, "", "2000");
    QTest::newRow("range reversed") << make(Kind::StatusInRange, "", "299-200");
    QTest::newRow("range with letters") << make(Kind::StatusInRange, "", "2yy");
    QTest::newRow("header name with space") << make(Kind::HeaderExists, "Content Type", "");
    QTest::newRow("header name empty") << make(Kind::HeaderContains, "", "x");
    QTest::newRow("bad JSON path") << make(Kind::JsonPathExists, "data.", "");
    QTest::newRow("empty JSON path") << make(Kind::JsonPathEquals, "", "1");
    QTest::newRow("latency zero") << make(Kind::LatencyBelow, "", "0");
    QTest::newRow("latency not a number") << make(Kind::LatencyBelow, "", "fast");
}

void TestAssertions::malformedAssertionsFail()
{
    QFETCH(Assertion, assertion);

    const QString problem = assertionProblem(assertion);
    QVERIFY(!problem.isEmpty());
    const AssertionOutcome outcome
        = evaluateAssertion(assertion, 200, {{"Content-Type", "x"}}, "{\"data\":1}", 10);
    QVERIFY(!outcome.passed);
    QVERIFY2(outcome.actual.contains(problem), qPrintable(outcome.actual));
    QVERIFY(!parseAssertion(assertionLabel(assertion)).ok());
}

void TestAssertions::evaluateManySkipsDisabledAndKeepsOrder()
{
    QList<Assertion> assertions {make(Kind::StatusEquals, "", "201"),
        make(Kind::JsonPathEquals, "id", "7"), make(Kind::BodyContains, "", "nothing like it"),
        make(Kind::LatencyBelow, "", "1")};
    assertions[1].enabled = false;
    const HttpHeaders headers {{"Content-Type", "application/json"}};
    const QByteArray body = R"({"id":7})";

    const QList<AssertionOutcome> outcomes
        = evaluateAssertions(assertions, 200, headers, body, 2000);
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes.at(0), evaluateAssertion(assertions.at(0), 200, headers, body, 2000));
    QCOMPARE(outcomes.at(1), evaluateAssertion(assertions.at(2), 200, headers, body, 2000));
    QCOMPARE(outcomes.at(2), evaluateAssertion(assertions.at(3), 200, headers, body, 2000));
    QVERIFY(!outcomes.at(0).passed);
}

void TestAssertions::evaluateManySharesOneBodyParse()
{
    const QList<Assertion> assertions {make(Kind::JsonPathExists, "a", ""),
        make(Kind::StatusInRange, "", "2xx"), make(Kind::JsonPathEquals, "b[0]", "\"x\""),
        make(Kind::JsonPathEquals, "c", "1")};
    for (const QByteArray &body : {QByteArray(R"({"a":null,"b":["x"]})"), QByteArray("not json")}) {
        const QList<AssertionOutcome> outcomes = evaluateAssertions(assertions, 200, {}, body, 0);
        QCOMPARE(outcomes.size(), assertions.size());
        for (qsizetype i = 0; i < assertions.size(); ++i)
            QCOMPARE(outcomes.at(i), evaluateAssertion(assertions.at(i), 200, {}, body, 0));
    }
    QVERIFY(evaluateAssertions({}, 200, {}, QByteArray(), 0).isEmpty());
}

void TestAssertions::label_data()
{
    QTest::addColumn<Assertion>("assertion");
    QTest::addColumn<QString>("label");

    QTest::newRow("status ==") << make(Kind::StatusEquals, "", "200") << s("status == 200");
    QTest::newRow("status in range")
        << make(Kind::StatusInRange, "", "200-299") << s("status in 200-299");
    QTest::newRow("status in class") << make(Kind::StatusInRange, "", "2xx") << s("status in 2xx");
    QTest::newRow("header exists")
        << make(Kind::HeaderExists, "X-Request-Id", "") << s("header X-Request-Id exists");
    QTest::newRow("header ==") << make(Kind::HeaderEquals, "Content-Type", "application/json")
                               << s("header Content-Type == application/json");
    QTest::newRow("header == empty")
        << make(Kind::HeaderEquals, "X-Empty", "") << s("header X-Empty ==");
    QTest::newRow("header contains") << make(Kind::HeaderContains, "Content-Type", "json")
                                     << s("header Content-Type contains json");
    QTest::newRow("body contains")
        << make(Kind::BodyContains, "", "hello world") << s("body contains hello world");
    QTest::newRow("body contains, spaces kept") << make(Kind::BodyContains, "",
        "  padded == exists  ") << s("body contains   padded == exists  ");
    QTest::newRow("body contains, line break")
        << make(Kind::BodyContains, "", "a\nb") << s("body contains a\nb");
    QTest::newRow("json exists") << make(Kind::JsonPathExists, "data.items[0].id", "")
                                 << s("json data.items[0].id exists");
    QTest::newRow("json ==") << make(Kind::JsonPathEquals, "data.id", "7")
                             << s("json data.id == 7");
    QTest::newRow("json == object, quoted key with spaces") << make(Kind::JsonPathEquals,
        R"(["a b"].c)", R"({"x": [1, 2]})") << s(R"(json ["a b"].c == {"x": [1, 2]})");
    QTest::newRow("json == string")
        << make(Kind::JsonPathEquals, "name", R"("x y")") << s(R"(json name == "x y")");
    QTest::newRow("json == root") << make(Kind::JsonPathEquals, "$", "[]") << s("json $ == []");
    QTest::newRow("latency") << make(Kind::LatencyBelow, "", "500") << s("latency < 500 ms");
    QTest::newRow("latency fraction")
        << make(Kind::LatencyBelow, "", "0.5") << s("latency < 0.5 ms");
}

void TestAssertions::label()
{
    QFETCH(Assertion, assertion);
    QFETCH(QString, label);

    QCOMPARE(assertionLabel(assertion), label);
    assertion.enabled = false;
    QCOMPARE(assertionLabel(assertion), label);
}

void TestAssertions::labelParsesBack()
{
    QFETCH(Assertion, assertion);
    QFETCH(QString, label);

    const Parsed<Assertion> parsed = parseAssertion(assertionLabel(assertion));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value(), assertion);
}

void TestAssertions::parseIsLenientWithSpaces_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Assertion>("assertion");

    QTest::newRow("extra spaces") << s("  status   ==   200  ")
                                  << make(Kind::StatusEquals, "", "200");
    QTest::newRow("upper-case keyword")
        << s("STATUS in 2XX") << make(Kind::StatusInRange, "", "2XX");
    QTest::newRow("latency without ms")
        << s("latency <  250") << make(Kind::LatencyBelow, "", "250");
    QTest::newRow("latency ms attached")
        << s("latency < 250ms") << make(Kind::LatencyBelow, "", "250");
    QTest::newRow("exists with trailing space")
        << s("header\tcontent-type  exists \n") << make(Kind::HeaderExists, "content-type", "");
    QTest::newRow("value keeps all after one space")
        << s("header  X-A   ==  v ") << make(Kind::HeaderEquals, "X-A", " v ");
    QTest::newRow("operator at the end") << s("body contains") << make(Kind::BodyContains, "", "");
}

void TestAssertions::parseIsLenientWithSpaces()
{
    QFETCH(QString, text);
    QFETCH(Assertion, assertion);

    const Parsed<Assertion> parsed = parseAssertion(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value(), assertion);
}

void TestAssertions::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("saying");

    QTest::newRow("empty") << QString() << 1 << s("status, header");
    QTest::newRow("unknown keyword") << s("statuss == 200") << 1 << s("status, header");
    QTest::newRow("single =") << s("status = 200") << 8 << s("== or in");
    QTest::newRow("status not a number") << s("status == abc") << 11 << s("status code");
    QTest::newRow("reversed range") << s("status in 300-200") << 11 << s("range");
    QTest::newRow("header without name") << s("header exists") << 14 << s("exists, == or contains");
    QTest::newRow("bad header name") << s("header Bad:Name exists") << 8 << s("header name");
    QTest::newRow("text after exists") << s("header X exists now") << 17 << s("after exists");
    QTest::newRow("body without contains") << s("body has x") << 6 << s("contains");
    QTest::newRow("json without path") << s("json") << 5 << s("JSON path");
    QTest::newRow("bad json path") << s("json data. == 1") << 6 << s("column 6");
    QTest::newRow("json bad operator") << s("json a ~= 1") << 8 << s("exists or ==");
    QTest::newRow("latency >") << s("latency > 5") << 9 << s("<");
    QTest::newRow("latency word") << s("latency < fast") << 11 << s("milliseconds");
    QTest::newRow("latency negative") << s("latency < -5 ms") << 11 << s("milliseconds");
}

void TestAssertions::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, saying);

    const Parsed<Assertion> parsed = parseAssertion(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().place, QStringLiteral("column %1").arg(column));
    QVERIFY2(parsed.error().message.contains(saying), qPrintable(parsed.error().message));
}

void TestAssertions::jsonPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value"); // compact JSON; empty when the path finds nothing

    QTest::newRow("dotted and indexed") << s("data.items[0].id") << s("1");
    QTest::newRow("two indexes") << s("data.items[1].tags[1]") << s("\"b\"");
    QTest::newRow("last element") << s("data.items[-1].id") << s("2");
    QTest::newRow("from the end") << s("data.items[-2].id") << s("1");
    QTest::newRow("before the first") << s("data.items[-3]") << QString();
    QTest::newRow("past the end") << s("data.items[2]") << QString();
    QTest::newRow("leading zeros") << s("data.items[01].id") << s("2");
    QTest::newRow("quoted key with dots") << s(R"(data["key with.dots"].x)") << s("true");
    QTest::newRow("single-quoted key") << s("data['key with.dots'].x") << s("true");
    QTest::newRow("escaped quote in key") << s(R"(data["q\"uote"])") << s("5");
    QTest::newRow("empty key") << s(R"(data[""])") << s("0");
    QTest::newRow("quoted first key") << s(R"(["list"][2])") << s("30");
    QTest::newRow("root prefix") << s("$.list[0]") << s("10");
    QTest::newRow("root prefix with index") << s("$[\"list\"][1]") << s("20");
    QTest::newRow("dollar key") << s("data.$") << s("\"dollar\"");
    QTest::newRow("digits are a key") << s("data.0") << s("\"zero\"");
    QTest::newRow("digits do not index") << s("list.0") << QString();
    QTest::newRow("key on an array") << s("data.items.id") << QString();
    QTest::newRow("index on an object") << s("data[0]") << QString();
    QTest::newRow("key on a number") << s("list[0].x") << QString();
    QTest::newRow("missing key") << s("nope") << QString();
    QTest::newRow("unicode key") << s("data.niño") << QString();
}

void TestAssertions::jsonPath()
{
    QFETCH(QString, path);
    QFETCH(QString, value);

    const QJsonDocument document = QJsonDocument::fromJson(PathDocument);
    QVERIFY(document.isObject());
    QString error = QStringLiteral("stale");
    const std::optional<QJsonValue> found = evaluateJsonPath(document, path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(found ? compact(*found) : QString(), value);
}

void TestAssertions::jsonPathOnArrayAndScalarRoots()
{
    const QJsonDocument array
        = QJsonDocument::fromJson(R"([{"name":"a"},{"name":"b"},{"name":"c"}])");
    QString error;
    QCOMPARE(evaluateJsonPath(array, s("[2].name"), &error), QJsonValue(s("c")));
    QCOMPARE(evaluateJsonPath(array, s("[-3].name"), &error), QJsonValue(s("a")));
    QCOMPARE(evaluateJsonPath(array, s("$"), &error), QJsonValue(array.array()));
    QCOMPARE(evaluateJsonPath(array, s("name"), &error), std::nullopt);
    QVERIFY(error.isEmpty());

    QCOMPARE(evaluateJsonPath(QJsonValue(5), s("$"), &error), QJsonValue(5));
    QCOMPARE(evaluateJsonPath(QJsonValue(5), s("[0]"), &error), std::nullopt);
    QCOMPARE(evaluateJsonPath(QJsonDocument(), s("$"), &error), std::nullopt);
    QVERIFY(error.isEmpty());

    // A malformed path sets the error, a later good one clears it; no error pointer is fine.
    QCOMPARE(evaluateJsonPath(array, s("[2"), &error), std::nullopt);
    QVERIFY(error.contains(QLatin1String("column 3")));
    QCOMPARE(evaluateJsonPath(array, s("[0]"), nullptr), QJsonValue(array.array().at(0)));
    QCOMPARE(evaluateJsonPath(array, s("[0]"), &error), QJsonValue(array.array().at(0)));
    QVERIFY(error.isEmpty());
}

void TestAssertions::jsonPathErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("saying");

    QTest::newRow("empty") << QString() << 1 << s("empty");
    QTest::newRow("leading dot") << s(".a") << 1 << s("expected a key");
    QTest::newRow("trailing dot") << s("data.") << 6 << s("end of the path");
    QTest::newRow("double dot") << s("data..id") << 6 << s("expected a key");
    QTest::newRow("space") << s("a b") << 2 << s("white space");
    QTest::newRow("space after root") << s("$ .a") << 2 << s("white space");
    QTest::newRow("stray bracket") << s("a]") << 2 << s("expected '.' or '['");
    QTest::newRow("open bracket") << s("items[") << 7 << s("index");
    QTest::newRow("bare word in brackets") << s("items[x]") << 7 << s("index");
    QTest::newRow("unclosed index") << s("items[0") << 8 << s("']'");
    QTest::newRow("minus alone") << s("items[-]") << 8 << s("digit");
    QTest::newRow("fraction") << s("items[1.5]") << 8 << s("']'");
    QTest::newRow("huge index") << s("items[1234567890123456789]") << 25 << s("small whole number");
    QTest::newRow("unclosed quote") << s(R"(a["open])") << 3 << s("never closed");
    QTest::newRow("unknown escape") << s(R"(a["x\n"])") << 5 << s("escape");
    QTest::newRow("quote outside brackets") << s(R"(a."b")") << 3 << s("expected a key");
}

void TestAssertions::jsonPathErrors()
{
    QFETCH(QString, path);
    QFETCH(int, column);
    QFETCH(QString, saying);

    const Parsed<JsonPath> parsed = parseJsonPath(path);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().place, QStringLiteral("column %1").arg(column));
    QVERIFY2(parsed.error().message.contains(saying), qPrintable(parsed.error().message));

    QString error;
    QCOMPARE(evaluateJsonPath(QJsonDocument::fromJson(PathDocument), path, &error), std::nullopt);
    QCOMPARE(error, parsed.error().toString());
}

void TestAssertions::jsonPathCanonicalText_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("plain") << s("data.items[0].id") << s("data.items[0].id");
    QTest::newRow("root prefix dropped") << s("$.data[-1]") << s("data[-1]");
    QTest::newRow("root alone") << s("$") << s("$");
    QTest::newRow("needless quotes dropped") << s("['a']['b']") << s("a.b");
    QTest::newRow("quotes kept where needed")
        << s(R"(['a b']["c.d"]['e"f'])") << s(R"(["a b"]["c.d"]["e\"f"])");
    QTest::newRow("dollar key first stays quoted") << s(R"(["$"].x)") << s(R"(["$"].x)");
    QTest::newRow("empty key") << s(R"([""])") << s(R"([""])");
    QTest::newRow("backslash needs no quotes") << s(R"(["a\\b"])") << s(R"(a\b)");
}

void TestAssertions::jsonPathCanonicalText()
{
    QFETCH(QString, path);
    QFETCH(QString, canonical);

    const Parsed<JsonPath> parsed = parseJsonPath(path);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().toString(), canonical);
    const Parsed<JsonPath> again = parseJsonPath(canonical);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), parsed.value());
}

// Assertions against what Qt's network stack really delivers from the built-in server.
void TestAssertions::realResponse()
{
    ServerThread server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    RequestSpec spec;
    spec.url = server.baseUrl().resolved(QUrl(QStringLiteral("/echo?x=1")));
    spec.headers = {{"X-Trace", "abc 123"}};
    Run run(std::make_shared<RequestList>(QList<RequestSpec> {spec}), RunOptions());
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QVERIFY(finished.count() > 0 || finished.wait(30000));
    const Result &result = run.results().at(0);
    QVERIFY(result.detail);

    const QList<Assertion> assertions {
        make(Kind::StatusEquals, "", "200"),
        make(Kind::StatusInRange, "", "2xx"),
        make(Kind::HeaderContains, "content-type", "json"),
        make(Kind::HeaderExists, "X-Not-Sent", ""),
        make(Kind::BodyContains, "", "abc 123"),
        make(Kind::JsonPathEquals, "method", "GET"),
        make(Kind::JsonPathEquals, "headers[\"x-trace\"]", "\"abc 123\""),
        make(Kind::JsonPathExists, "headers.nothing", ""),
        make(Kind::LatencyBelow, "", "30000"),
    };
    const QList<AssertionOutcome> outcomes = evaluateAssertions(assertions, result.status,
        result.detail->responseHeaders, result.detail->bodySample, result.latencyUs());
    QCOMPARE(outcomes.size(), assertions.size());
    const QList<bool> expected {true, true, true, false, true, true, true, false, true};
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        QVERIFY2(outcomes.at(i).passed == expected.at(i),
            qPrintable(
                assertionLabel(assertions.at(i)) + QLatin1String(": ") + outcomes.at(i).actual));
    }
    QCOMPARE(outcomes.at(0).actual, s("200"));
    QCOMPARE(outcomes.at(3).actual, s("(missing)"));
    QCOMPARE(outcomes.at(5).actual, s("\"GET\""));
}

QTEST_GUILESS_MAIN(TestAssertions)
#include "tst_assertions.moc"
