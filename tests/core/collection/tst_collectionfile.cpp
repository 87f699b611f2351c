// The native collection file: byte-identical round trips, git-friendly output, unknown fields,
// secrets left out, errors with their place, and atomic saves.
#include "core/collection/collectionfile.h"
#include "support/testcollections.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
using Edit = std::function<void(Collection &)>;

Auth auth(Auth::Type type)
{
    Auth a;
    a.type = type;
    return a;
}

Collection minimal()
{
    Collection c;
    c.name = u"Minimal"_s;
    c.items = {requestItem(u"Get"_s, u"GET"_s, u"https://example.org/"_s)};
    return c;
}

Collection nestedFolders()
{
    Collection c;
    c.name = u"Nested"_s;
    c.description = u"Three levels deep"_s;
    c.variables = {{u"base"_s, u"https://api.example.org"_s}, {u"off"_s, u"x"_s, false}};
    CollectionItem inner
        = folderItem(u"Inner"_s, {requestItem(u"Deep"_s, u"DELETE"_s, u"{{base}}/d"_s)});
    inner.variables = {{u"id"_s, u"42"_s}};
    inner.description = u"innermost"_s;
    CollectionItem middle
        = folderItem(u"Middle"_s, {inner, requestItem(u"Mid"_s, u"PUT"_s, u"{{base}}/m"_s)});
    middle.folderAuth = auth(Auth::Type::None);
    CollectionItem outer = folderItem(u"Outer"_s, {middle, folderItem(u"Empty"_s, {})});
    c.items = {requestItem(u"Top"_s, u"GET"_s, u"{{base}}/"_s), outer};
    return c;
}

Collection everyBodyMode()
{
    Collection c;
    c.name = u"Bodies"_s;
    CollectionItem none = requestItem(u"None"_s, u"GET"_s, u"http://h/"_s);
    CollectionItem raw = requestItem(u"Raw"_s, u"POST"_s, u"http://h/"_s);
    raw.request.body.mode = Body::Mode::Raw;
    raw.request.body.text = u"line one\nline two\n"_s;
    raw.request.body.contentType = u"text/csv"_s;
    CollectionItem json = requestItem(u"Json"_s, u"POST"_s, u"http://h/"_s);
    json.request.body.mode = Body::Mode::Json;
    json.request.body.text = u"{\n  \"id\": {{id}}\n}"_s;
    CollectionItem form = requestItem(u"Form"_s, u"POST"_s, u"http://h/"_s);
    form.request.body.mode = Body::Mode::FormUrlEncoded;
    form.request.body.form
        = {{u"a"_s, u"1"_s, true, {}}, {u"b"_s, u"two words"_s, false, u"off"_s}};
    CollectionItem multipart = requestItem(u"Multipart"_s, u"POST"_s, u"http://h/"_s);
    multipart.request.body.mode = Body::Mode::Multipart;
    multipart.request.body.parts = {{u"title"_s, u"hello"_s, false, {}, true},
        {u"avatar"_s, u"img/a.png"_s, true, u"image/png"_s, true},
        {u"skip"_s, u"x"_s, false, QString(), false}};
    CollectionItem file = requestItem(u"File"_s, u"PUT"_s, u"http://h/"_s);
    file.request.body.mode = Body::Mode::BinaryFile;
    file.request.body.filePath = u"data/blob.bin"_s;
    c.items = {none, raw, json, form, multipart, file};
    return c;
}

Collection everyAuthKind()
{
    Collection c;
    c.name = u"Auth"_s;
    c.auth = auth(Auth::Type::Bearer);
    c.auth.token = u"{{token}}"_s;
    CollectionItem basic = requestItem(u"Basic"_s, u"GET"_s, u"http://h/"_s);
    basic.request.auth = auth(Auth::Type::Basic);
    basic.request.auth.username = u"ana"_s;
    basic.request.auth.password = u"p:ss"_s;
    basic.request.auth.token = u"left from an earlier choice"_s;
    CollectionItem header = requestItem(u"Key in header"_s, u"GET"_s, u"http://h/"_s);
    header.request.auth = auth(Auth::Type::ApiKey);
    header.request.auth.key = u"X-Api-Key"_s;
    header.request.auth.value = u"k1"_s;
    CollectionItem query = header;
    query.name = u"Key in query"_s;
    query.request.auth.location = Auth::ApiKeyLocation::Query;
    CollectionItem none = requestItem(u"None"_s, u"GET"_s, u"http://h/"_s);
    none.request.auth = auth(Auth::Type::None);
    CollectionItem inherit = requestItem(u"Inherit"_s, u"GET"_s, u"http://h/"_s);
    CollectionItem secured = folderItem(u"Secured"_s, {inherit, basic});
    secured.folderAuth = auth(Auth::Type::Basic);
    secured.folderAuth.username = u"folder"_s;
    c.items = {secured, header, query, none};
    return c;
}

Collection assertions()
{
    Collection c;
    c.name = u"Assertions"_s;
    CollectionItem item = requestItem(u"Checked"_s, u"GET"_s, u"http://h/"_s);
    using K = Assertion::Kind;
    item.request.assertions = {
        {K::StatusEquals, {}, u"200"_s},
        {K::StatusInRange, {}, u"200-299"_s},
        {K::HeaderExists, u"ETag"_s, {}},
        {K::HeaderEquals, u"Content-Type"_s, u"application/json"_s},
        {K::HeaderContains, u"Cache-Control"_s, u"max-age"_s},
        {K::BodyContains, {}, u"\"ok\""_s},
        {K::JsonPathExists, u"data.items[0].id"_s, {}},
        {K::JsonPathEquals, u"data.count"_s, u"3"_s},
        {K::LatencyBelow, {}, u"250"_s, false},
    };
    c.items = {item};
    return c;
}

Collection captures()
{
    Collection c;
    c.name = u"Flow"_s;
    c.run.sequential = true;
    c.run.rowOrder = true;
    CollectionItem login = requestItem(u"Log in"_s, u"POST"_s, u"http://h/login"_s);
    using S = Capture::Source;
    login.request.captures = {
        {u"token"_s, S::JsonPath, u"data.token"_s},
        {u"etag"_s, S::Header, u"ETag"_s},
        {u"csrf"_s, S::Regex, u"name=\"csrf\" value=\"([^\"]+)\""_s},
        {u"code"_s, S::Status, {}},
        {u"session"_s, S::Cookie, u"sid"_s, false},
    };
    c.items = {login, requestItem(u"Me"_s, u"GET"_s, u"http://h/me?t={{token}}"_s)};
    return c;
}

Collection environmentsAndRunSettings()
{
    Collection c;
    c.name = u"Environments"_s;
    c.environments = {{u"Local"_s, {{u"base"_s, u"http://localhost:8080"_s}}},
        {u"Staging"_s,
            {{u"base"_s, u"https://staging.example.org"_s}, {u"debug"_s, u"1"_s, false}}},
        {u"Empty"_s, {}}};
    c.run.concurrency = 50;
    c.run.rate = 12.5;
    c.run.iterations = 3;
    c.run.timeoutMs = 5000;
    c.run.retries = 2;
    c.run.maxRedirects = 0;
    c.run.insecure = true;
    c.run.dataFile = u"users.csv"_s;
    c.run.environment = u"Staging"_s;
    CollectionItem item = requestItem(u"Users"_s, u"PATCH"_s, u"{{base}}/users/{{id}}"_s);
    item.request.params
        = {{u"verbose"_s, u"true"_s, true, {}}, {u"page"_s, u"2"_s, false, u"paging"_s}};
    item.request.headers = {{u"Accept"_s, u"application/json"_s, true, u"what we read"_s}};
    c.items = {item};
    return c;
}

Collection unicode()
{
    Collection c;
    c.name = u"Ünïcödé — 日本語 😀 \"quoted\" back\\slash"_s;
    c.description = u"tab\there\ncontrol\u0001char; עברית"_s;
    CollectionItem item = requestItem(u"Café ☕"_s, u"GET"_s, u"https://例え.jp/パス?q=ñ"_s);
    item.request.headers = {{u"X-Name"_s, u"Zoë 👩‍💻"_s, true, {}}};
    item.request.body.mode = Body::Mode::Raw;
    item.request.body.text = u"\u2028line separator and \u00e9"_s;
    c.items = {item};
    c.variables = {{u"naïve"_s, u"𝄞"_s}};
    return c;
}

/// All of the above in one collection, for the edit tests.
Collection rich()
{
    Collection c = environmentsAndRunSettings();
    c.name = u"Rich"_s;
    c.auth = everyAuthKind().auth;
    c.variables = nestedFolders().variables;
    c.items += nestedFolders().items;
    c.items += folderItem(u"Bodies"_s, everyBodyMode().items);
    c.items += folderItem(u"Auth"_s, everyAuthKind().items);
    c.items += captures().items;
    c.items += assertions().items;
    return c;
}

/// Line and column (from 1) of the first occurrence of marker in text, counted independently of
/// the code under test.
QString placeOf(const QByteArray &text, const QByteArray &marker)
{
    const qsizetype offset = text.indexOf(marker);
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return QString::number(before.count('\n') + 1) + u':'
        + QString::number(QString::fromUtf8(before.mid(lineStart)).size() + 1);
}

int differingLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> left = a.split('\n');
    const QList<QByteArray> right = b.split('\n');
    if (left.size() != right.size())
        return -1;
    int count = 0;
    for (qsizetype i = 0; i < left.size(); ++i)
        count += left[i] != right[i];
    return count;
}

CollectionItem &itemAt(Collection &c, std::initializer_list<int> path)
{
    QList<CollectionItem> *items = &c.items;
    CollectionItem *item = nullptr;
    for (int index : path) {
        item = &(*items)[index];
        items = &item->children;
    }
    return *item;
}
} // namespace

Q_DECLARE_METATYPE(Collection)
Q_DECLARE_METATYPE(Edit)

class tst_CollectionFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripIsByteIdentical_data();
    void roundTripIsByteIdentical();
    void outputIsGitFriendly();
    void defaultsAreLeftOut();
    void queryKeyAloneSurvives();
    void oneEditChangesOneLine_data();
    void oneEditChangesOneLine();
    void unknownFieldsSurvive();
    void secretsAreNeverWritten();
    void malformedInput_data();
    void malformedInput();
    void missingFileIsAnError();
    void saveIntoMissingDirectoryFails();
    void failedSaveKeepsTheOldFile();

private:
    QTemporaryDir m_dir;
};

void tst_CollectionFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_CollectionFile::roundTripIsByteIdentical_data()
{
    QTest::addColumn<Collection>("collection");
    QTest::newRow("minimal") << minimal();
    QTest::newRow("empty") << Collection();
    QTest::newRow("nested folders") << nestedFolders();
    QTest::newRow("every body mode") << everyBodyMode();
    QTest::newRow("every auth kind") << everyAuthKind();
    QTest::newRow("assertions") << assertions();
    QTest::newRow("captures") << captures();
    QTest::newRow("environments and run settings") << environmentsAndRunSettings();
    QTest::newRow("unicode") << unicode();
    QTest::newRow("everything") << rich();
}

void tst_CollectionFile::roundTripIsByteIdentical()
{
    QFETCH(Collection, collection);
    const QByteArray text = serializeCollection(collection);
    const Parsed<Collection> parsed = parseCollection(text, u"mem"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QVERIFY(parsed.value() == collection);
    QCOMPARE(serializeCollection(parsed.value()), text);

    // Through the disk: save, load, save again gives the same bytes.
    const QString path
        = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".rafaga.json");
    QString error;
    QVERIFY2(saveCollection(collection, path, &error), qPrintable(error));
    const Parsed<Collection> loaded = loadCollection(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QVERIFY(loaded.value() == collection);
    QVERIFY(saveCollection(loaded.value(), path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), text);
}

void tst_CollectionFile::outputIsGitFriendly()
{
    const QByteArray text = serializeCollection(rich());
    QVERIFY(text.startsWith("{\n  \"format\": \"rafaga-collection\",\n  \"version\": 1,\n"));
    QVERIFY(text.endsWith("}\n"));
    QVERIFY(!text.contains('\t'));
    QVERIFY(!text.contains('\r'));
    int previousIndent = 0;
    for (const QByteArray &line : text.split('\n')) {
        int indent = 0;
        while (indent < line.size() && line.at(indent) == ' ')
            ++indent;
        QCOMPARE(indent % 2, 0);
        QVERIFY(indent <= previousIndent + 2);
        previousIndent = indent;
    }
    // Keys in the documented order, not alphabetical.
    const auto before = [&text](const char *a, const char *b) {
        return text.indexOf(QByteArray('"' + QByteArray(a) + "\":"))
            < text.indexOf(QByteArray('"' + QByteArray(b) + "\":"));
    };
    QVERIFY(before("name", "auth"));
    QVERIFY(before("environments", "run"));
    QVERIFY(before("run", "items"));
    QVERIFY(before("method", "url"));
    QVERIFY(before("url", "params"));
    QVERIFY(before("params", "headers"));
    // The same collection saved twice: the same bytes (nothing generated, no timestamps).
    QCOMPARE(serializeCollection(rich()), text);
}

void tst_CollectionFile::defaultsAreLeftOut()
{
    const QByteArray text = serializeCollection(minimal());
    for (const char *key :
        {"\"enabled\"", "\"description\"", "\"auth\"", "\"body\"", "\"run\"", "\"variables\"",
            "\"params\"", "\"headers\"", "\"assertions\"", "\"environments\"", "\"id\""})
        QVERIFY2(!text.contains(key), key);
    // What a request needs is there.
    QVERIFY(text.contains("\"method\": \"GET\""));
    QVERIFY(text.contains("\"url\": \"https://example.org/\""));
}

void tst_CollectionFile::queryKeyAloneSurvives()
{
    // A parameter with a null value is sent as the key alone ("?pretty"): it is written as
    // "value": null, and an absent value stays an empty one ("?page="), as in older files.
    Collection c = minimal();
    c.items[0].request.params = {{u"pretty"_s, QString(), true, {}}, {u"page"_s, u""_s, true, {}}};
    const QByteArray text = serializeCollection(c);
    QVERIFY(text.contains("\"value\": null"));
    const Parsed<Collection> back = parseCollection(text);
    QVERIFY(back.ok());
    const QList<KeyValue> &params = back.value().items.at(0).request.params;
    QCOMPARE(params.size(), 2);
    QVERIFY(params.at(0).value.isNull());
    QVERIFY(!params.at(1).value.isNull());
    QCOMPARE(serializeCollection(back.value()), text);
}

void tst_CollectionFile::oneEditChangesOneLine_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("request URL") << Edit(
        [](Collection &c) { c.items[0].request.url = u"{{base}}/accounts/{{id}}"_s; });
    QTest::newRow("header value") << Edit(
        [](Collection &c) { c.items[0].request.headers[0].value = u"text/html"_s; });
    QTest::newRow("param value") << Edit(
        [](Collection &c) { c.items[0].request.params[1].value = u"3"_s; });
    QTest::newRow("collection variable")
        << Edit([](Collection &c) { c.variables[0].value = u"https://other.example.org"_s; });
    QTest::newRow("nested folder variable") << Edit([](Collection &c) {
        itemAt(c, {2, 0, 0}).variables[0].value = u"43"_s;
    });
    QTest::newRow("nested request name") << Edit([](Collection &c) {
        itemAt(c, {2, 0, 0, 0}).name = u"Deeper"_s;
    });
    QTest::newRow("environment variable") << Edit([](Collection &c) {
        c.environments[1].variables[0].value = u"https://stage.example.org"_s;
    });
    QTest::newRow("run concurrency") << Edit([](Collection &c) { c.run.concurrency = 64; });
    QTest::newRow("run rate") << Edit([](Collection &c) { c.run.rate = 0.25; });
    QTest::newRow("assertion expected") << Edit(
        [](Collection &c) { c.items.last().request.assertions[1].expected = u"200-204"_s; });
    QTest::newRow("capture expression") << Edit([](Collection &c) {
        c.items[c.items.size() - 3].request.captures[0].expression = u"data.jwt"_s;
    });
    QTest::newRow("JSON body") << Edit([](Collection &c) {
        itemAt(c, {3, 2}).request.body.text = u"{\"id\": 7}"_s;
    });
    QTest::newRow("form field") << Edit([](Collection &c) {
        itemAt(c, {3, 3}).request.body.form[0].value = u"one"_s;
    });
    QTest::newRow("collection auth token")
        << Edit([](Collection &c) { c.auth.token = u"{{otherToken}}"_s; });
    QTest::newRow("folder description") << Edit([](Collection &c) {
        itemAt(c, {2, 0, 0}).description = u"still innermost"_s;
    });
    QTest::newRow("method") << Edit(
        [](Collection &c) { itemAt(c, {1}).request.method = u"HEAD"_s; });
}

void tst_CollectionFile::oneEditChangesOneLine()
{
    QFETCH(Edit, edit);
    Collection collection = rich();
    const QByteArray before = serializeCollection(collection);
    edit(collection);
    const QByteArray after = serializeCollection(collection);
    QCOMPARE(differingLines(before, after), 1);
}

void tst_CollectionFile::unknownFieldsSurvive()
{
    // A file from a newer version, with fields this one does not know at every level.
    const QByteArray text = R"({
  "format": "rafaga-collection",
  "version": 1,
  "name": "Future",
  "x-top": {"nested": [1, 2.5, "three", null, true, {"deep": []}]},
  "auth": {"type": "bearer", "token": "t", "x-auth": 1},
  "run": {"concurrency": 5, "x-run": "r"},
  "items": [
    {"type": "folder", "name": "F", "x-folder": "f",
     "auth": {"type": "none", "x-folder-auth": "fa"},
     "items": [
       {"type": "request", "name": "R", "x-item": {"a": 1},
        "request": {"method": "GET", "url": "http://h/", "x-request": ["q"],
                    "body": {"mode": "raw", "text": "t", "x-body": false},
                    "auth": {"type": "inherit", "x-request-auth": 2}}}
     ]}
  ],
  "aardvark": "sorted first among the unknown"
})";
    const Parsed<Collection> parsed = parseCollection(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QVERIFY(parsed.value().unknownFields.contains(u"x-top"_s));
    QVERIFY(parsed.value().items[0].unknownFields.contains(u"x-folder"_s));
    QVERIFY(parsed.value().items[0].children[0].unknownFields.contains(u"x-item"_s));

    const QByteArray saved = serializeCollection(parsed.value());
    // Everything the file said is still said, with the same values.
    QCOMPARE(QJsonDocument::fromJson(saved), QJsonDocument::fromJson(text));
    QCOMPARE(serializeCollection(parseCollection(saved).value()), saved);
    // Unknown fields come after the known ones.
    QVERIFY(saved.indexOf("\"items\"") < saved.indexOf("\"aardvark\""));
}

void tst_CollectionFile::secretsAreNeverWritten()
{
    Collection c = minimal();
    c.variables = {{u"apiKey"_s, u"collection-s3cret"_s, true, true}, {u"plain"_s, u"visible"_s}};
    CollectionItem f = folderItem(u"F"_s, {});
    f.variables = {{u"folderKey"_s, u"folder-s3cret"_s, true, true}};
    c.items.append(f);
    c.environments = {{u"Prod"_s, {{u"token"_s, u"env-s3cret"_s, true, true}}}};

    const QByteArray text = serializeCollection(c);
    QVERIFY(!text.contains("s3cret"));
    QVERIFY(text.contains("visible"));
    QCOMPARE(text.count("\"secret\": true"), 3);

    const Parsed<Collection> parsed = parseCollection(text);
    QVERIFY(parsed.ok());
    const Variable &secret = parsed.value().variables[0];
    QCOMPARE(secret.name, u"apiKey"_s);
    QVERIFY(secret.secret);
    QVERIFY(secret.value.isEmpty());
    QVERIFY(parsed.value().environments[0].variables[0].secret);
}

void tst_CollectionFile::malformedInput_data()
{
    // The place is where `marker` starts, or (markerLine > 0) just the line.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("marker");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    const QByteArray head = "{\n  \"format\": \"rafaga-collection\",\n  \"version\": 1,\n";
    QTest::newRow("truncated") << head + "  \"items\": [\n    {\"type\": \"request\""
                               << QByteArray() << 5 << u"invalid JSON"_s;
    QTest::newRow("missing comma") << head + "  \"name\": \"a\"\n  \"description\": \"b\"\n}"
                                   << QByteArray() << 5 << u"invalid JSON"_s;
    QTest::newRow("not JSON") << QByteArray("not json at all") << QByteArray() << 1
                              << u"invalid JSON"_s;
    QTest::newRow("empty") << QByteArray() << QByteArray() << 1 << u"invalid JSON"_s;
    QTest::newRow("top-level array")
        << QByteArray("\n[1, 2]") << QByteArray("[1") << 0 << u"expected a JSON object"_s;
    QTest::newRow("no format") << QByteArray("{\"version\": 1}") << QByteArray("{") << 0
                               << u"not a Rafaga collection"_s;
    QTest::newRow("wrong format")
        << QByteArray("{\n  \"format\": \"postman\",\n  \"version\": 1\n}")
        << QByteArray("\"postman\"") << 0
        << u"format: not a Rafaga collection: expected \"format\": \"rafaga-collection\""_s;
    QTest::newRow("newer version")
        << QByteArray("{\"format\": \"rafaga-collection\",\n \"version\": 2}") << QByteArray("2}")
        << 0 << u"newer"_s;
    QTest::newRow("version as text")
        << QByteArray("{\"format\": \"rafaga-collection\", \"version\": \"1\"}")
        << QByteArray("\"1\"") << 0 << u"version: expected \"version\": 1"_s;
    QTest::newRow("header not an object")
        << head
            + "  \"items\": [\n    {\"type\": \"request\", \"name\": \"a\"},\n"
              "    {\"type\": \"folder\", \"name\": \"b\"},\n"
              "    {\"type\": \"request\", \"request\": {\n"
              "      \"headers\": [\"OOPS\"]}}\n  ]\n}"
        << QByteArray("\"OOPS\"") << 0 << u"items[2].request.headers[0]: expected an object"_s;
    QTest::newRow("items not an array")
        << head + "  \"items\": {}\n}" << QByteArray("{}") << 0 << u"items: expected an array"_s;
    QTest::newRow("item without type")
        << head + "  \"items\": [{\"name\": \"x\"}]\n}" << QByteArray("{\"name\"") << 0
        << u"items[0].type: expected \"folder\" or \"request\""_s;
    QTest::newRow("nested unknown type")
        << head
            + "  \"items\": [{\"type\": \"folder\", \"items\": [\n {\"type\": \"folderr\"}]}]\n}"
        << QByteArray("\"folderr\"") << 0 << u"items[0].items[0].type: expected \"folder\""_s;
    QTest::newRow("unknown body mode")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"body\": {\"mode\": "
              "\"xml\"}}}]}"
        << QByteArray("\"xml\"") << 0 << u"items[0].request.body.mode: expected one of \"none\""_s;
    QTest::newRow("enabled as text")
        << head + "  \"variables\": [{\"name\": \"v\", \"enabled\": \"yes\"}]}"
        << QByteArray("\"yes\"") << 0 << u"variables[0].enabled: expected true or false"_s;
    QTest::newRow("url as number")
        << head + "  \"items\": [{\"type\": \"request\", \"request\": {\"url\": 42}}]}"
        << QByteArray("42") << 0 << u"items[0].request.url: expected a string"_s;
    QTest::newRow("part with value and file")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"body\": {\"parts\": [\n"
              "    {\"name\": \"p\", \"value\": \"v\", \"file\": \"f\"}]}}}]}"
        << QByteArray("{\"name\": \"p\"") << 0
        << u"items[0].request.body.parts[0]: expected either"_s;
    QTest::newRow("concurrency zero")
        << head + "  \"run\": {\"concurrency\": 0}}" << QByteArray("0}") << 0
        << u"run.concurrency: expected a whole number from 1"_s;
    QTest::newRow("negative rate") << head + "  \"run\": {\"rate\": -1}}" << QByteArray("-1") << 0
                                   << u"run.rate: expected a number"_s;
    QTest::newRow("assertion without type")
        << head + "  \"items\": [{\"type\": \"request\", \"request\": {\"assertions\": [{}]}}]}"
        << QByteArray("{}]") << 0 << u"items[0].request.assertions[0].type: expected one of"_s;
    QTest::newRow("capture without source")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"captures\": [\n"
              "    {\"variable\": \"v\"}]}}]}"
        << QByteArray("{\"variable\"") << 0
        << u"items[0].request.captures[0].from: expected one of \"jsonPath\""_s;
    QTest::newRow("capture from nowhere")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"captures\": [\n"
              "    {\"variable\": \"v\", \"from\": \"xpath\"}]}}]}"
        << QByteArray("\"xpath\"") << 0 << u"items[0].request.captures[0].from: expected one of"_s;
    QTest::newRow("capture without variable")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"captures\": [\n"
              "    {\"from\": \"status\"}]}}]}"
        << QByteArray("{\"from\"") << 0
        << u"items[0].request.captures[0].variable: expected the name of a variable"_s;
    QTest::newRow("header with Postman's key")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"headers\": [\n"
              "    {\"name\": \"A\", \"value\": \"1\"},\n    {\"key\": \"X-Token\", \"value\": "
              "\"t\"}]}}]}"
        << QByteArray("{\"key\"") << 0
        << u"items[0].request.headers[1].name: expected \"name\"; this entry has \"key\""_s;
    QTest::newRow("variable without name")
        << head + "  \"variables\": [{\"value\": \"v\"}]}" << QByteArray("{\"value\"") << 0
        << u"variables[0].name: expected \"name\""_s;
    QTest::newRow("form part without name")
        << head
            + "  \"items\": [{\"type\": \"request\", \"request\": {\"body\": {\"parts\": [\n"
              "    {\"value\": \"v\"}]}}}]}"
        << QByteArray("{\"value\"") << 0 << u"items[0].request.body.parts[0].name: expected"_s;
}

void tst_CollectionFile::malformedInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, marker);
    QFETCH(int, line);
    QFETCH(QString, message);

    const Parsed<Collection> parsed = parseCollection(text, u"bad.rafaga.json"_s);
    QVERIFY(!parsed.ok());
    const ParseError &error = parsed.error();
    QCOMPARE(error.file, u"bad.rafaga.json"_s);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    if (!marker.isEmpty()) {
        QVERIFY2(text.count(marker) == 1 || marker == "{", "the marker must be unique");
        QCOMPARE(error.place, placeOf(text, marker));
    } else {
        QVERIFY2(
            error.place.startsWith(QString::number(line) + u':'), qPrintable(error.toString()));
    }
}

void tst_CollectionFile::missingFileIsAnError()
{
    const QString path = m_dir.filePath(u"nothing-here.rafaga.json"_s);
    const Parsed<Collection> parsed = loadCollection(path);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, path);
    QVERIFY(!parsed.error().message.isEmpty());
}

void tst_CollectionFile::saveIntoMissingDirectoryFails()
{
    const QString path = m_dir.filePath(u"no/such/dir/c.rafaga.json"_s);
    QString error;
    QVERIFY(!saveCollection(minimal(), path, &error));
    QVERIFY(error.contains(path));
    QVERIFY(!QFile::exists(path));
}

void tst_CollectionFile::failedSaveKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"kept.rafaga.json"_s);
    QString error;
    QVERIFY(saveCollection(minimal(), path, &error));
    const QByteArray old = serializeCollection(minimal());

    // A directory nobody may write: the new file cannot be made beside the old one.
    QVERIFY(QFile::setPermissions(dir.path(),
        QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup
            | QFile::ExeGroup));
    // root writes anywhere: drop to an ordinary user for the save.
    const bool root = geteuid() == 0;
    if (root)
        QVERIFY(seteuid(65534) == 0);
    const bool saved = saveCollection(rich(), path, &error);
    if (root)
        QVERIFY(seteuid(0) == 0);
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QVERIFY(!saved);
    QVERIFY(!error.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), old);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList {u"kept.rafaga.json"_s});
}

QTEST_GUILESS_MAIN(tst_CollectionFile)
#include "tst_collectionfile.moc"
