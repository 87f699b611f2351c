// Postman test scripts: the common idioms become captures and assertions, the rest is named by
// line, and exported scripts read back as what they were made from.
#include "core/formats/postmanexport.h"
#include "core/formats/postmanimport.h"
#include "core/formats/postmanscripts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QString describe(const Capture &c)
{
    static const char *const sources[] = {"json", "header", "regex", "status", "cookie"};
    return c.variable + u" <- "_s + QLatin1String(sources[int(c.source)]) + u' ' + c.expression;
}

QString describe(const Assertion &a)
{
    static const char *const kinds[] = {"status=", "status in", "header?", "header=", "header~",
        "body~", "json?", "json=", "below"};
    return QLatin1String(kinds[int(a.kind)]) + u' ' + a.target + u' ' + a.expected;
}

QStringList described(const PostmanScriptTranslation &t)
{
    QStringList lines;
    for (const Capture &c : t.captures)
        lines.append(describe(c).trimmed());
    for (const Assertion &a : t.assertions)
        lines.append(describe(a).simplified());
    return lines;
}
} // namespace

class tst_PostmanScripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void translatesCommonIdioms_data();
    void translatesCommonIdioms();
    void conditionalBlocks_data();
    void conditionalBlocks();
    void namesEachCheck();
    void conduitLoginScript();
    void importCarriesThemAndNamesTheRest();
    void exportReadsBack();
};

void tst_PostmanScripts::translatesCommonIdioms_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<int>>("untranslated");
    QTest::newRow("environment set from the JSON")
        << u"pm.environment.set(\"token\", pm.response.json().data.token);"_s
        << QStringList {u"token <- json data.token"_s} << QList<int> {};
    QTest::newRow("every setter, an alias")
        << u"var jsonData = pm.response.json();\n"
           "pm.collectionVariables.set('a', jsonData.items[0].id);\n"
           "pm.globals.set(\"b\", jsonData[\"x y\"]);\n"
           "postman.setEnvironmentVariable(\"c\", jsonData.c);\n"
           "pm.variables.set(`d`, pm.response.headers.get(\"Location\"));\n"
           "postman.setGlobalVariable(\"e\", responseCode.code);"_s
        << QStringList {u"a <- json items[0].id"_s, u"b <- json x y"_s, u"c <- json c"_s,
               u"d <- header Location"_s, u"e <- status"_s}
        << QList<int> {};
    QTest::newRow("JSON.parse(responseBody), a part as alias")
        << u"const body = JSON.parse(responseBody);\nlet user = body.user || {};\n"
           "pm.environment.set('slug', user.article.slug)"_s
        << QStringList {u"slug <- json user.article.slug"_s} << QList<int> {};
    QTest::newRow("cookie and body")
        << u"pm.environment.set('sid', pm.cookies.get('sid'));\n"
           "pm.environment.set('raw', responseBody);"_s
        << QStringList {u"sid <- cookie sid"_s, u"raw <- regex ^([\\s\\S]*)$"_s} << QList<int> {};
    QTest::newRow("pm.test wrappers")
        << u"pm.test(\"Status code is 200\", function () {\n"
           "    pm.response.to.have.status(200);\n"
           "});\n"
           "pm.test('fast', () => { pm.expect(pm.response.responseTime).to.be.below(500); });\n"
           "// a comment\n"
           "pm.test(\"type\", function () { pm.response.to.have.header(\"Content-Type\"); });"_s
        << QStringList {u"status= 200"_s, u"below 500"_s, u"header? Content-Type"_s}
        << QList<int> {};
    QTest::newRow("expectations")
        << u"var jsonData = pm.response.json();\n"
           "pm.expect(pm.response.code).to.eql(201);\n"
           "pm.expect(pm.response.code).to.be.within(200, 299);\n"
           "pm.expect(jsonData.name).to.eql(\"lamp\");\n"
           "pm.expect(jsonData.count).to.equal(3);\n"
           "pm.expect(jsonData.code).to.eql('404');\n"
           "pm.expect(jsonData).to.have.property('id');\n"
           "pm.expect(pm.response.text()).to.include(\"ok\");\n"
           "pm.expect(pm.response.headers.get('X-Mode')).to.eql('fast');\n"
           "pm.response.to.have.header('X-Mode', 'fast');\n"
           "pm.response.to.be.ok;"_s
        << QStringList {u"status= 201"_s, u"status in 200-299"_s, u"json= name lamp"_s,
               u"json= count 3"_s, u"json= code \"404\""_s, u"json? id"_s, u"body~ ok"_s,
               u"header= X-Mode fast"_s, u"header= X-Mode fast"_s, u"status= 200"_s}
        << QList<int> {};
    QTest::newRow("old tests[] syntax")
        << u"tests[\"Status code is 200\"] = responseCode.code === 200;\n"
           "tests['fast'] = responseTime < 200;\n"
           "tests[\"has ok\"] = responseBody.has(\"ok\");\n"
           "var ok = responseCode.code == 201;\n"
           "tests['created'] = ok;\n"
           "var r = JSON.parse(responseBody);\n"
           "tests['has user'] = r.hasOwnProperty('user');\n"
           "tests['name'] = r.user.name === \"ana\";"_s
        << QStringList {u"status= 200"_s, u"below 200"_s, u"body~ ok"_s, u"status= 201"_s,
               u"json? user"_s, u"json= user.name ana"_s}
        << QList<int> {};
    QTest::newRow("what is not translated, by line")
        << u"pm.test('x', function () {\n"
           "  console.log(pm.response.json());\n"
           "  pm.expect(pm.response.code).to.be.oneOf([200, 201]);\n"
           "  pm.response.to.have.status(200);\n"
           "});\n"
           "pm.environment.set('later', Date.now());\n"
           "if (pm.response.code === 200) {\n"
           "  pm.expect(pm.response.json().ok).to.not.eql(false);\n"
           "}"_s
        << QStringList {u"status= 200"_s} << QList<int> {2, 3, 6, 8};
    QTest::newRow("plain assignment, !== undefined")
        << u"var r = pm.response.json();\n"
           "article = r.articles[0];\n"
           "tests['one'] = article !== undefined;\n"
           "tests['t'] = article.hasOwnProperty('title');\n"
           "tests['n'] = article != undefined;"_s
        << QStringList {u"json? articles[0]"_s, u"json? articles[0].title"_s} << QList<int> {5};
}

void tst_PostmanScripts::conditionalBlocks_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<int>>("untranslated");
    // Conduit's list checks: the branches hold checks that contradict each other.
    QTest::newRow("an else branch, a data-dependent condition")
        << u"var ok = responseCode.code === 200;\n"
           "tests['ok'] = ok;\n"
           "if (ok) {\n"
           "    var body = JSON.parse(responseBody);\n"
           "    tests['has items'] = body.hasOwnProperty('items');\n"
           "    if (body.items.length) {\n"
           "        tests['first has id'] = body.items[0].hasOwnProperty('id');\n"
           "    } else {\n"
           "        tests['count is 0'] = body.count === 0;\n"
           "    }\n"
           "    tests['has count'] = body.hasOwnProperty('count');\n"
           "}\n"
           "tests['after'] = responseCode.code === 200;"_s
        << QStringList {u"status= 200"_s, u"json? items"_s, u"json? count"_s, u"status= 200"_s}
        << QList<int> {6, 7, 8, 9};
    QTest::newRow("a status guard without its own check")
        << u"if (pm.response.code === 201) {\n"
           "    pm.expect(pm.response.json().id).to.eql(1);\n"
           "}\n"
           "pm.response.to.have.status(201);"_s
        << QStringList {u"status= 201"_s} << QList<int> {1, 2};
    QTest::newRow("a condition not understood, one without braces")
        << u"if (!(environment.isIntegrationTest)) {\n"
           "tests['a'] = responseCode.code === 200;\n"
           "}\n"
           "if (responseCode.code === 200) tests['b'] = responseBody.has('x');\n"
           "tests['c'] = responseBody.has('y');"_s
        << QStringList {u"body~ y"_s} << QList<int> {1, 2, 4};
    QTest::newRow("under a check that x exists, only the capture of x")
        << u"var user = pm.response.json().user;\n"
           "tests['has token'] = user.hasOwnProperty('token');\n"
           "if (tests['has token']) {\n"
           "    pm.globals.set('token', user.token);\n"
           "    pm.globals.set('name', user.name);\n"
           "    tests['x'] = user.hasOwnProperty('x');\n"
           "}"_s
        << QStringList {u"token <- json user.token"_s, u"json? user.token"_s} << QList<int> {5, 6};
}

void tst_PostmanScripts::conditionalBlocks()
{
    translatesCommonIdioms();
}

void tst_PostmanScripts::namesEachCheck()
{
    const QStringList script {u"pm.test('status', function () {"_s,
        u"    pm.response.to.have.status(200);"_s, u"    pm.response.to.be.ok;"_s, u"});"_s,
        u"tests['has id'] = pm.response.json().hasOwnProperty('id');"_s,
        u"pm.expect(pm.response.responseTime).to.be.below(500);"_s};
    const PostmanScriptTranslation translated = translatePostmanTestScript(script);
    QCOMPARE(translated.assertions.size(), 4);
    QCOMPARE(translated.assertionNames,
        (QStringList {u"status"_s, u"status"_s, u"has id"_s, QString()}));
}

void tst_PostmanScripts::translatesCommonIdioms()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    QFETCH(QList<int>, untranslated);
    const PostmanScriptTranslation translated = translatePostmanTestScript(script.split(u'\n'));
    QCOMPARE(described(translated).join(u" | "_s), expected.join(u" | "_s));
    QList<int> lines;
    for (const auto &[line, text] : translated.untranslated) {
        lines.append(line);
        QCOMPARE(text, script.split(u'\n').at(line - 1).trimmed());
    }
    QCOMPARE(lines, untranslated);
}

void tst_PostmanScripts::conduitLoginScript()
{
    // "Login and Remember Token" of the RealWorld Conduit collection (gothinkster/realworld,
    // api/Conduit.postman_collection.json, MIT): checks on the user, then the token for later.
    const QStringList script {u"var responseJSON = JSON.parse(responseBody);"_s, QString(),
        u"tests['Response contains \"user\" property'] = responseJSON.hasOwnProperty('user');"_s,
        QString(), u"var user = responseJSON.user || {};"_s, QString(),
        u"tests['User has \"email\" property'] = user.hasOwnProperty('email');"_s,
        u"tests['User has \"token\" property'] = user.hasOwnProperty('token');"_s, QString(),
        u"if(tests['User has \"token\" property']){"_s,
        u"    pm.globals.set('token', user.token);"_s, u"}"_s, QString(),
        u"tests['Global variable \"token\" has been set'] = pm.globals.get('token') === user.token;"_s};
    const PostmanScriptTranslation translated = translatePostmanTestScript(script);
    QCOMPARE(described(translated),
        (QStringList {u"token <- json user.token"_s, u"json? user"_s, u"json? user.email"_s,
            u"json? user.token"_s}));
    // The capture sits under `if (tests['User has "token" property'])`: it captures user.token
    // or nothing, as the script sets it or not. Only the comparison with the global stays.
    QCOMPARE(translated.untranslated.size(), 1);
    QCOMPARE(translated.untranslated.at(0).first, 14);
}

void tst_PostmanScripts::importCarriesThemAndNamesTheRest()
{
    const QByteArray json = R"({"info":{"name":"c"},"item":[{"name":"Login",
        "event":[{"listen":"test","script":{"exec":[
            "pm.test(\"ok\", function () { pm.response.to.have.status(200); });",
            "pm.environment.set(\"token\", pm.response.json().token);",
            "console.log('done');"]}},
            {"listen":"prerequest","script":{"exec":["pm.environment.set('t', Date.now());"]}}],
        "request":{"method":"POST","url":"http://h/login"}}]})"_ba;
    QStringList notes;
    const Parsed<Collection> imported = importPostmanCollection(json, u"c.json"_s, &notes);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const RequestItem &request = imported.value().items.at(0).request;
    QCOMPARE(request.captures.size(), 1);
    QCOMPARE(describe(request.captures.at(0)), u"token <- json token"_s);
    QCOMPARE(request.assertions.size(), 1);
    QCOMPARE(request.assertions.at(0).expected, u"200"_s);
    QCOMPARE(notes.mid(0, 2),
        (QStringList {
            u"request \"Login\": test script line 3 not translated: console.log('done');"_s,
            u"request \"Login\": pre-request script not imported"_s}));
    // A flow from Postman keeps its runner's order in each row, and the import says so.
    QVERIFY(imported.value().run.rowOrder);
    QCOMPARE(notes.size(), 3);
    QVERIFY2(notes.at(2).startsWith(u"collection: its test scripts set variables"_s),
        qPrintable(notes.at(2)));
}

void tst_PostmanScripts::exportReadsBack()
{
    // What the Postman export writes for captures and assertions imports as the same.
    CollectionItem item;
    item.kind = CollectionItem::Kind::Request;
    item.name = u"r"_s;
    item.request.method = u"GET"_s;
    item.request.url = u"http://h/"_s;
    using Kind = Assertion::Kind;
    item.request.assertions = {{Kind::StatusEquals, QString(), u"200"_s, true},
        {Kind::StatusInRange, QString(), u"200-299"_s, true},
        {Kind::HeaderExists, u"Content-Type"_s, QString(), true},
        {Kind::HeaderEquals, u"X-Mode"_s, u"fast \"really\""_s, true},
        {Kind::HeaderContains, u"Content-Type"_s, u"json"_s, true},
        {Kind::BodyContains, QString(), u"ok; fine"_s, true},
        {Kind::JsonPathExists, u"data.items[0].id"_s, QString(), true},
        {Kind::JsonPathEquals, u"data.count"_s, u"3"_s, true},
        {Kind::JsonPathEquals, u"data.name"_s, u"lamp"_s, true},
        {Kind::LatencyBelow, QString(), u"500"_s, true}};
    item.request.captures = {{u"token"_s, Capture::Source::JsonPath, u"auth.token"_s, true},
        {u"where"_s, Capture::Source::Header, u"Location"_s, true},
        {u"id"_s, Capture::Source::Regex, u"id=(\\d+);"_s, true},
        {u"code"_s, Capture::Source::Status, QString(), true},
        {u"sid"_s, Capture::Source::Cookie, u"sid"_s, true}};
    Collection collection;
    collection.name = u"c"_s;
    collection.items = {item};
    QStringList notes;
    const Parsed<Collection> back
        = importPostmanCollection(exportPostmanCollection(collection), u"x.json"_s, &notes);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(notes.size(), 1); // only that each row runs in order: it captures
    QVERIFY2(
        notes.at(0).startsWith(u"collection: its test scripts set"_s), qPrintable(notes.at(0)));
    QCOMPARE(back.value().items.at(0).request.captures, item.request.captures);
    QCOMPARE(back.value().items.at(0).request.assertions, item.request.assertions);

    // Checks alone pass no values on: the collection keeps Rafaga's concurrency.
    collection.items[0].request.captures.clear();
    notes.clear();
    const Parsed<Collection> checksOnly
        = importPostmanCollection(exportPostmanCollection(collection), u"x.json"_s, &notes);
    QVERIFY(checksOnly.ok());
    QVERIFY2(notes.isEmpty(), qPrintable(notes.join(u'\n')));
    QVERIFY(!checksOnly.value().run.rowOrder);
}

QTEST_GUILESS_MAIN(tst_PostmanScripts)
#include "tst_postmanscripts.moc"
