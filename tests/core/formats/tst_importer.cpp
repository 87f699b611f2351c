// importCollection, the entry point of `rafaga import` and `rafaga run FILE`: which format a text
// is, and pastes of shell as people copy them from documentation and terminals.
#include "core/formats/importer.h"
#include "core/formats/postmanimport.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_Importer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsEveryCurlCommandOfAPaste_data();
    void importsEveryCurlCommandOfAPaste();
    void exportBecomesAVariable();
    void shellVariablesBecomeVariables();
    void refusesAPasteWithoutCurl();
    void ignoresAByteOrderMark_data();
    void ignoresAByteOrderMark();
    void utf16Environment();
    void pointsAnEnvironmentToEnvFile();
    void groupsNotesByKind();
    void readsAPostmanCollectionWithoutInfo();
    void leavesOutAnEmptyPostmanBody_data();
    void leavesOutAnEmptyPostmanBody();
    void takesCommentsOutOfAPostmanJsonBody();
};

void tst_Importer::importsEveryCurlCommandOfAPaste_data()
{
    QTest::addColumn<QByteArray>("paste");
    QTest::addColumn<QStringList>("names"); ///< the requests, in order
    QTest::addColumn<QString>("note"); ///< in the notes; empty for none expected

    QTest::newRow("one command") << "curl http://h/a"_ba << QStringList {u"GET /a"_s} << QString();
    QTest::newRow("a comment first") << "# Get the user\ncurl http://h/users/1"_ba
                                     << QStringList {u"GET /users/1"_s} << QString();
    QTest::newRow("a shebang first")
        << "#!/bin/sh\n\ncurl -X DELETE http://h/x"_ba << QStringList {u"DELETE /x"_s} << QString();
    QTest::newRow("sudo") << "sudo curl http://h/s"_ba << QStringList {u"GET /s"_s} << QString();
    QTest::newRow("a prompt on each line")
        << "$ curl http://h/one\n$ curl -d x http://h/two"_ba
        << QStringList {u"GET /one"_s, u"POST /two"_s} << u"2 curl command"_s;
    QTest::newRow("two lines") << "curl http://h/a\ncurl -I http://h/b\n"_ba
                               << QStringList {u"GET /a"_s, u"HEAD /b"_s} << u"2 curl command"_s;
    QTest::newRow("; and &&") << "curl http://h/1; curl http://h/2 && curl http://h/3"_ba
                              << QStringList {u"GET /1"_s, u"GET /2"_s, u"GET /3"_s}
                              << u"3 curl command"_s;
    QTest::newRow("another command between")
        << "curl http://h/a\necho done\ncurl http://h/b | jq ."_ba
        << QStringList {u"GET /a"_s, u"GET /b"_s} << u"skipped the command echo: not curl"_s;
    QTest::newRow("two URLs: the same request to each")
        << "curl -d a=1 http://h/one http://h/two"_ba
        << QStringList {u"POST /one"_s, u"POST /two"_s} << u"2 curl command"_s;
    QTest::newRow("--next starts over") << "curl -I http://h/a --next -d x http://h/b"_ba
                                        << QStringList {u"HEAD /a"_s, u"POST /b"_s} << QString();
    QTest::newRow("continued lines stay one command")
        << "curl \\\n  -H 'A: b' \\\n  http://h/c"_ba << QStringList {u"GET /c"_s} << QString();
}

void tst_Importer::importsEveryCurlCommandOfAPaste()
{
    QFETCH(QByteArray, paste);
    QFETCH(QStringList, names);
    QFETCH(QString, note);
    const Parsed<ImportResult> imported = importCollection(paste, u"paste.sh"_s);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported.value().format, ImportResult::Format::Curl);
    QStringList actual;
    for (const CollectionItem &item : imported.value().collection.items)
        actual.append(item.name);
    QCOMPARE(actual, names);
    if (!note.isEmpty())
        QVERIFY2(imported.value().notes.join(u'\n').contains(note),
            qPrintable(imported.value().notes.join(u" | "_s)));
}

void tst_Importer::exportBecomesAVariable()
{
    const Parsed<ImportResult> imported = importCollection(
        "export TOKEN=abc\ncurl -H \"Authorization: Bearer {{TOKEN}}\" http://h/me"_ba, QString());
    QVERIFY(imported.ok());
    const Collection &collection = imported.value().collection;
    QCOMPARE(collection.items.size(), 1);
    QCOMPARE(collection.variables.size(), 1);
    QCOMPARE(collection.variables.first().name, u"TOKEN"_s);
    QCOMPARE(collection.variables.first().value, u"abc"_s);
}

void tst_Importer::shellVariablesBecomeVariables()
{
    // $BASE is set by the paste's export; $GH_TOKEN by no one, so it reads the environment.
    const Parsed<ImportResult> imported = importCollection(
        "export BASE=http://h\n"
        "curl -H \"Authorization: Bearer $GH_TOKEN\" \"$BASE/user\" | jq .login\n"
        "curl -u \"${STRIPE_KEY}:\" -d 'tpl={{name}}' $BASE/t\n"_ba,
        QString());
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const Collection &collection = imported.value().collection;
    QStringList variables;
    for (const Variable &variable : collection.variables)
        variables.append(variable.name + u'=' + variable.value);
    QCOMPARE(variables,
        (QStringList {u"BASE=http://h"_s, u"GH_TOKEN={{$env.GH_TOKEN}}"_s,
            u"STRIPE_KEY={{$env.STRIPE_KEY}}"_s}));
    QCOMPARE(collection.items.size(), 2);
    QCOMPARE(collection.items.at(0).request.url, u"{{BASE}}/user"_s);
    QCOMPARE(collection.items.at(1).request.auth.username, u"{{STRIPE_KEY}}"_s);
    QCOMPARE(collection.items.at(1).request.body.text, u"tpl={{$openBraces}}name}}"_s);
    const QString notes = imported.value().notes.join(u'\n');
    QVERIFY2(notes.contains(u"$GH_TOKEN is the variable {{GH_TOKEN}}"_s), qPrintable(notes));
    QVERIFY2(!notes.contains(u"$BASE is"_s), qPrintable(notes));
    QVERIFY2(notes.contains(u"skipped the command jq"_s), qPrintable(notes));
}

void tst_Importer::refusesAPasteWithoutCurl()
{
    const Parsed<ImportResult> imported = importCollection("echo hello\nls -l\n"_ba, u"x.sh"_s);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().file, u"x.sh"_s);
}

void tst_Importer::ignoresAByteOrderMark_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("format");
    QTest::newRow("HAR") << R"({"log": {"entries": [{"request": {"method": "GET",
        "url": "http://h/x", "headers": []}}]}})"_ba
                         << int(ImportResult::Format::Har);
    QTest::newRow("Postman") << R"({"info": {"name": "c"}, "item": [{"name": "r",
        "request": {"method": "GET", "url": "http://h/x"}}]})"_ba
                             << int(ImportResult::Format::Postman);
    QTest::newRow("curl") << "curl http://h/x"_ba << int(ImportResult::Format::Curl);
}

void tst_Importer::ignoresAByteOrderMark()
{
    QFETCH(QByteArray, text);
    QFETCH(int, format);
    // UTF-8 with its mark, and UTF-16 (PowerShell's "> file") in both byte orders.
    const QString unicode = QString::fromUtf8(text);
    QByteArray little("\xFF\xFE");
    QByteArray big("\xFE\xFF");
    for (const QChar c : unicode) {
        little += char(c.unicode() & 0xFF);
        little += char(c.unicode() >> 8);
        big += char(c.unicode() >> 8);
        big += char(c.unicode() & 0xFF);
    }
    const QByteArray utf8 = "\xEF\xBB\xBF" + text;
    for (const QByteArray &input : {utf8, little, big}) {
        const Parsed<ImportResult> imported = importCollection(input, u"bom"_s);
        QVERIFY2(
            imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
        QCOMPARE(int(imported.value().format), format);
        QCOMPARE(imported.value().collection.items.size(), 1);
    }
}

void tst_Importer::utf16Environment()
{
    QByteArray little("\xFF\xFE");
    for (const char c : QByteArray(R"({"name": "e", "values": [{"key": "a", "value": "1"}]})"))
        little += QByteArray(1, c) + '\0';
    const Parsed<Environment> environment = importPostmanEnvironment(little, u"e.json"_s);
    QVERIFY2(environment.ok(),
        qPrintable(environment.ok() ? QString() : environment.error().toString()));
    QCOMPARE(environment.value().variables.size(), 1);
}

void tst_Importer::pointsAnEnvironmentToEnvFile()
{
    const Parsed<ImportResult> imported = importCollection(
        R"({"name": "e", "values": [{"key": "a", "value": "1"}]})"_ba, u"e.json"_s);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().toString().contains(u"--env-file"_s),
        qPrintable(imported.error().toString()));
}

void tst_Importer::readsAPostmanCollectionWithoutInfo()
{
    const Parsed<ImportResult> imported = importCollection(
        R"({"item": [{"name": "r", "request": {"method": "GET", "url": "http://h/x"}}]})"_ba,
        u"noinfo.postman_collection.json"_s);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported.value().format, ImportResult::Format::Postman);
    QCOMPARE(imported.value().collection.name, u"noinfo"_s);
    QCOMPARE(imported.value().collection.items.size(), 1);
}

void tst_Importer::leavesOutAnEmptyPostmanBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("raw") << R"({"mode": "raw", "raw": ""})"_ba;
    QTest::newRow("raw json") << R"({"mode": "raw", "raw": "",
        "options": {"raw": {"language": "json"}}})"_ba;
    QTest::newRow("urlencoded") << R"({"mode": "urlencoded", "urlencoded": []})"_ba;
    QTest::newRow("formdata") << R"({"mode": "formdata", "formdata": []})"_ba;
}

void tst_Importer::leavesOutAnEmptyPostmanBody()
{
    QFETCH(QByteArray, body);
    const QByteArray collection = R"({"info": {"name": "c"}, "item": [{"name": "r",
        "request": {"method": "POST", "url": "http://h/x", "body": )"
        + body + "}}]}";
    const Parsed<ImportResult> imported = importCollection(collection, u"c.json"_s);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported.value().collection.items.first().request.body.mode, Body::Mode::None);
}

void tst_Importer::takesCommentsOutOfAPostmanJsonBody()
{
    const QByteArray collection = R"({"info": {"name": "c"}, "item": [{"name": "r",
        "request": {"method": "POST", "url": "http://h/x", "body": {"mode": "raw",
        "raw": "{\n  // the id\n  \"id\": 1, /* old: 2 */\n  \"url\": \"http://a//b\"\n}",
        "options": {"raw": {"language": "json"}}}}}]})"_ba;
    const Parsed<ImportResult> imported = importCollection(collection, u"c.json"_s);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported.value().collection.items.first().request.body.text,
        u"{\n  \n  \"id\": 1, \n  \"url\": \"http://a//b\"\n}"_s);
}

void tst_Importer::groupsNotesByKind()
{
    const QStringList notes {u"request \"A: b\": test script not imported"_s,
        u"folder \"F\": pre-request script not imported"_s,
        u"request \"C\": test script not imported"_s, u"collection: test script not imported"_s,
        u"a note without a place"_s};
    const QList<std::pair<QString, int>> expected {{u"test script not imported"_s, 3},
        {u"pre-request script not imported"_s, 1}, {u"a note without a place"_s, 1}};
    QCOMPARE(groupedNotes(notes), expected);
}

QTEST_GUILESS_MAIN(tst_Importer)
#include "tst_importer.moc"
