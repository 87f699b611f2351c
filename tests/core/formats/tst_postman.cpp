// Postman collections v2.0 and v2.1 and environments in, Postman v2.1 out, and the round trip.
#include "core/formats/postmanexport.h"
#include "core/formats/postmanimport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

char *toString(const KeyValue &row)
{
    return QTest::toString(u"{%1=%2 enabled=%3 description=%4}"_s.arg(
        row.key, row.value, row.enabled ? u"yes"_s : u"no"_s, row.description));
}

char *toString(const FormPart &part)
{
    return QTest::toString(u"{%1=%2 file=%3 type=%4 enabled=%5}"_s.arg(part.name, part.value,
        part.isFile ? u"yes"_s : u"no"_s, part.contentType, part.enabled ? u"yes"_s : u"no"_s));
}

char *toString(const Variable &variable)
{
    return QTest::toString(u"{%1=%2 enabled=%3 secret=%4}"_s.arg(variable.name, variable.value,
        variable.enabled ? u"yes"_s : u"no"_s, variable.secret ? u"yes"_s : u"no"_s));
}

char *toString(const Auth &auth)
{
    return QTest::toString(u"{type=%1 user=%2 password=%3 token=%4 key=%5 value=%6 in=%7}"_s.arg(
        QString::number(int(auth.type)), auth.username, auth.password, auth.token, auth.key,
        auth.value, QString::number(int(auth.location))));
}

char *toString(const Body &body)
{
    return QTest::toString(u"{mode=%1 text=%2 type=%3 form=%4 parts=%5 file=%6}"_s.arg(
        QString::number(int(body.mode)), body.text, body.contentType,
        QString::number(body.form.size()), QString::number(body.parts.size()), body.filePath));
}

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(RAFAGA_TESTDATA_DIR "/postman/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const CollectionItem *find(const QList<CollectionItem> &items, const QString &path)
{
    const QString first = path.section(u'/', 0, 0);
    const QString rest = path.section(u'/', 1);
    for (const CollectionItem &item : items) {
        if (item.name == first)
            return rest.isEmpty() ? &item : find(item.children, rest);
    }
    return nullptr;
}

Auth basic(const QString &username, const QString &password)
{
    Auth auth;
    auth.type = Auth::Type::Basic;
    auth.username = username;
    auth.password = password;
    return auth;
}

Auth bearer(const QString &token)
{
    Auth auth;
    auth.type = Auth::Type::Bearer;
    auth.token = token;
    return auth;
}

Auth apiKey(const QString &key, const QString &value, Auth::ApiKeyLocation location)
{
    Auth auth;
    auth.type = Auth::Type::ApiKey;
    auth.key = key;
    auth.value = value;
    auth.location = location;
    return auth;
}

Auth ofType(Auth::Type type)
{
    Auth auth;
    auth.type = type;
    return auth;
}

KeyValue row(
    const QString &key, const QString &value, bool enabled = true, const QString &description = {})
{
    return {key, value, enabled, description};
}

Body textBody(Body::Mode mode, const QString &text, const QString &contentType = {})
{
    Body body;
    body.mode = mode;
    body.text = text;
    body.contentType = contentType;
    return body;
}

/// Postman JSON with what does not matter to meaning taken out: IDs, and the order of auth
/// parameters (a list in v2.1 that is really a map).
QJsonValue normalized(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array;
        const QJsonArray source = value.toArray();
        for (const QJsonValue &element : source)
            array.append(normalized(element));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    object.remove(u"_postman_id"_s);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool authParameters
            = it.key() == "basic"_L1 || it.key() == "bearer"_L1 || it.key() == "apikey"_L1;
        if (authParameters && it.value().isArray()) {
            QJsonObject map;
            const QJsonArray list = it.value().toArray();
            for (const QJsonValue &parameter : list)
                map.insert(parameter[u"key"_s].toString(), normalized(parameter));
            it.value() = map;
        } else {
            it.value() = normalized(it.value());
        }
    }
    return object;
}

QByteArray canonical(const QByteArray &json)
{
    return QJsonDocument(normalized(QJsonDocument::fromJson(json).object()).toObject()).toJson();
}

} // namespace

class tst_Postman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsFormats_data();
    void detectsFormats();
    void importsTree();
    void importsUrlsAndParams_data();
    void importsUrlsAndParams();
    void importsHeaders_data();
    void importsHeaders();
    void addsPostmansAccept();
    void prunesGetBodies();
    void importsBodies_data();
    void importsBodies();
    void importsGraphQlAsJson();
    void importsAuthAndInheritance_data();
    void importsAuthAndInheritance();
    void importsVariables();
    void listsWhatItSkips_data();
    void listsWhatItSkips();
    void importsEnvironment();
    void reportsErrors_data();
    void reportsErrors();
    void reportsEnvironmentErrors_data();
    void reportsEnvironmentErrors();

    void exportsV21WithoutIds();
    void exportsSecretsEmpty();
    void exportsRawTypeWithoutLanguageAsHeader();
    void exportsUrlParts_data();
    void exportsUrlParts();
    void exportsAssertionsAsTestScript();
    void roundTripKeepsSupportedFields_data();
    void roundTripKeepsSupportedFields();
    void roundTripMatchesPostmanJson();
};

void tst_Postman::detectsFormats_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("collection");
    QTest::addColumn<bool>("environment");
    QTest::newRow("v2.1") << fixture(u"complete.postman_collection.json"_s) << true << false;
    QTest::newRow("v2.0") << fixture(u"legacy-v2.0.postman_collection.json"_s) << true << false;
    QTest::newRow("environment") << fixture(u"staging.postman_environment.json"_s) << false << true;
    QTest::newRow("info and item, no schema")
        << R"({"info":{"name":"x"},"item":[]})"_ba << true << false;
    QTest::newRow("schema only")
        << R"({"info":{"schema":"https://schema.getpostman.com/json/collection/v2.1.0/"}})"_ba
        << true << false;
    QTest::newRow("HAR") << R"({"log":{"version":"1.2","entries":[]}})"_ba << false << false;
    QTest::newRow("native-like") << R"({"format":"rafaga","items":[]})"_ba << false << false;
    QTest::newRow("not JSON") << "curl https://example.com"_ba << false << false;
}

void tst_Postman::detectsFormats()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, collection);
    QFETCH(bool, environment);
    QCOMPARE(looksLikePostmanCollection(json), collection);
    QCOMPARE(looksLikePostmanEnvironment(json), environment);
}

void tst_Postman::importsTree()
{
    const auto parsed
        = importPostmanCollection(fixture(u"complete.postman_collection.json"_s), u"c.json"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const Collection &collection = parsed.value();
    QCOMPARE(collection.name, u"Shop API"_s);
    QCOMPARE(collection.description, u"Everything the shop does."_s);
    QCOMPARE(collection.items.size(), 3);

    const CollectionItem *users = find(collection.items, u"Users"_s);
    QVERIFY(users && users->isFolder());
    QCOMPARE(users->description, u"User accounts and their posts."_s);
    QCOMPARE(users->children.size(), 3);
    const CollectionItem *admin = find(collection.items, u"Users/Admin"_s);
    QVERIFY(admin && admin->isFolder());
    QCOMPARE(admin->children.size(), 2);
    QCOMPARE(find(collection.items, u"Orders"_s)->children.size(), 9);

    const CollectionItem *list = find(collection.items, u"Users/List users"_s);
    QVERIFY(list && !list->isFolder());
    QCOMPARE(list->description, u"Lists users, a page at a time."_s);
    QVERIFY(!find(collection.items, u"Health"_s)->isFolder());
    QCOMPARE(find(collection.items, u"Users/Admin/Purge cache"_s)->request.method, u"PURGE"_s);
}

void tst_Postman::importsUrlsAndParams_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QList<KeyValue>>("params");
    const QString complete = u"complete.postman_collection.json"_s;
    const QString legacy = u"legacy-v2.0.postman_collection.json"_s;
    QTest::newRow("query array, disabled param")
        << complete << u"Users/List users"_s << u"{{baseUrl}}/users"_s
        << QList<KeyValue> {row(u"page"_s, u"1"_s),
               row(u"limit"_s, u"20"_s, true, u"At most 100"_s), row(u"debug"_s, u"true"_s, false)};
    QTest::newRow("path variables: a value, and none sent as written")
        << complete << u"Users/Get post of user"_s
        << u"{{baseUrl}}/users/{{userId}}/posts/:postId"_s << QList<KeyValue> {}; // as newman
    QTest::newRow("fragment left out") << complete << u"Users/Admin/Delete user"_s
                                       << u"{{baseUrl}}/users/7"_s << QList<KeyValue> {};
    QTest::newRow("url as a string")
        << complete << u"Users/Admin/Purge cache"_s << u"{{baseUrl}}/cache"_s << QList<KeyValue> {};
    QTest::newRow("port and variable in query")
        << complete << u"Orders/Partner feed"_s << u"https://partner.example.com:8443/feed"_s
        << QList<KeyValue> {row(u"since"_s, u"{{since}}"_s)};
    QTest::newRow("request as a string")
        << complete << u"Health"_s << u"{{baseUrl}}/health"_s << QList<KeyValue> {};
    QTest::newRow("v2.0 string url with query; unlisted :var kept")
        << legacy << u"Get item"_s << u"https://{{host}}/items/:itemId"_s
        << QList<KeyValue> {row(u"expand"_s, u"owner"_s), row(u"fields"_s, QString())};
    QTest::newRow("v2.0 path variable by id")
        << legacy << u"Get item by id"_s << u"https://{{host}}/items/7"_s << QList<KeyValue> {};
    QTest::newRow("v2.0 url from parts, number value")
        << legacy << u"Legacy/Things on a port"_s << u"https://api.example.com:8443/v1/things"_s
        << QList<KeyValue> {row(u"limit"_s, u"5"_s)};
}

void tst_Postman::importsUrlsAndParams()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, url);
    QFETCH(QList<KeyValue>, params);
    const auto parsed = importPostmanCollection(fixture(file), file);
    QVERIFY(parsed.ok());
    const CollectionItem *item = find(parsed.value().items, path);
    QVERIFY(item);
    QCOMPARE(item->request.url, url);
    QCOMPARE(item->request.params, params);
}

void tst_Postman::importsHeaders_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QList<KeyValue>>("headers");
    QTest::newRow("array with a disabled one")
        << u"complete.postman_collection.json"_s << u"Users/List users"_s
        << QList<KeyValue> {row(u"Accept"_s, u"application/json"_s),
               row(u"X-Trace"_s, u"on"_s, false, u"Turn on to trace in the backend"_s)};
    QTest::newRow("v1-style string, // disables")
        << u"legacy-v2.0.postman_collection.json"_s << u"Get item"_s
        << QList<KeyValue> {row(u"Accept"_s, u"application/json"_s),
               row(u"X-Debug"_s, u"1"_s, false), row(u"X-Empty"_s, QString())};
}

void tst_Postman::importsHeaders()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QList<KeyValue>, headers);
    const auto parsed = importPostmanCollection(fixture(file), file);
    QVERIFY(parsed.ok());
    const CollectionItem *item = find(parsed.value().items, path);
    QVERIFY(item);
    QCOMPARE(item->request.headers, headers);
}

void tst_Postman::addsPostmansAccept()
{
    // newman sends "Accept: */*" with a request that has no Accept of its own (a disabled one
    // does not count), unless protocolProfileBehavior turns that system header off.
    const QByteArray json = R"({"item": [
        {"name": "none", "request": {"url": "http://h/"}},
        {"name": "own", "request": {"url": "http://h/", "header": [{"key": "accept", "value": "text/html"}]}},
        {"name": "disabled", "request": {"url": "http://h/", "header": [{"key": "Accept", "value": "x/y", "disabled": true}]}},
        {"name": "off", "protocolProfileBehavior": {"disabledSystemHeaders": {"accept": true}},
         "request": {"url": "http://h/"}}]})";
    const auto parsed = importPostmanCollection(json, u"a.json"_s);
    QVERIFY(parsed.ok());
    const QList<CollectionItem> &items = parsed.value().items;
    QCOMPARE(items.at(0).request.headers, QList<KeyValue> {row(u"Accept"_s, u"*/*"_s)});
    QCOMPARE(items.at(1).request.headers, QList<KeyValue> {row(u"accept"_s, u"text/html"_s)});
    QCOMPARE(items.at(2).request.headers,
        QList<KeyValue>({row(u"Accept"_s, u"x/y"_s, false), row(u"Accept"_s, u"*/*"_s)}));
    QVERIFY(items.at(3).request.headers.isEmpty());
    // The export leaves it to Postman again.
    QVERIFY(!exportPostmanCollection(parsed.value()).contains("*/*"));
}

void tst_Postman::prunesGetBodies()
{
    // newman sends no body with a GET unless protocolProfileBehavior.disableBodyPruning; what the
    // import carries over of protocolProfileBehavior is not listed as left out.
    const QByteArray json = R"({"item": [
        {"name": "get", "request": {"method": "GET", "url": "http://h/", "body": {"mode": "raw", "raw": "x"}}},
        {"name": "kept", "protocolProfileBehavior": {"disableBodyPruning": true},
         "request": {"method": "GET", "url": "http://h/", "body": {"mode": "raw", "raw": "x"}}},
        {"name": "post", "request": {"method": "POST", "url": "http://h/", "body": {"mode": "raw", "raw": "x"}}}]})";
    QStringList notes;
    const auto parsed = importPostmanCollection(json, u"a.json"_s, &notes);
    QVERIFY(parsed.ok());
    const QList<CollectionItem> &items = parsed.value().items;
    QCOMPARE(items.at(0).request.body.mode, Body::Mode::None);
    QCOMPARE(items.at(1).request.body.text, u"x"_s);
    QCOMPARE(items.at(2).request.body.text, u"x"_s);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(u"\"get\""_s), qPrintable(notes.first()));
}

void tst_Postman::importsBodies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Body>("body");
    const QString complete = u"complete.postman_collection.json"_s;
    const QString legacy = u"legacy-v2.0.postman_collection.json"_s;
    QTest::newRow("raw json") << complete << u"Orders/Create order"_s
                              << textBody(Body::Mode::Json,
                                     u"{\n    \"sku\": \"{{sku}}\",\n    \"quantity\": 2\n}"_s);
    QTest::newRow("raw text") << complete << u"Orders/Add note"_s
                              << textBody(
                                     Body::Mode::Raw, u"Leave it at the door."_s, u"text/plain"_s);
    QTest::newRow("raw xml") << complete << u"Orders/Import orders"_s
                             << textBody(Body::Mode::Raw, u"<orders><order sku=\"A1\"/></orders>"_s,
                                    u"application/xml"_s);
    QTest::newRow("raw, no language") << complete << u"Orders/Replace order"_s
                                      << textBody(Body::Mode::Raw, u"sku=A1;quantity=3"_s);

    Body form;
    form.mode = Body::Mode::FormUrlEncoded;
    form.form = {row(u"q"_s, u"blue shoes"_s), row(u"sort"_s, u"date"_s, false, u"Newest first"_s)};
    QTest::newRow("urlencoded") << complete << u"Orders/Search orders"_s << form;

    Body multipart;
    multipart.mode = Body::Mode::Multipart;
    multipart.parts = {
        {u"title"_s, u"Front view"_s, false, QString(), true},
        {u"meta"_s, u"{\"angle\": 90}"_s, false, u"application/json"_s, true},
        {u"photo"_s, u"/home/ana/photos/front.jpg"_s, true, QString(), true},
        {u"draft"_s, u"yes"_s, false, QString(), false},
        {u"extra"_s, u"/home/ana/photos/side.jpg"_s, true, QString(), true},
    };
    QTest::newRow("formdata") << complete << u"Orders/Upload photos"_s << multipart;

    Body file;
    file.mode = Body::Mode::BinaryFile;
    file.filePath = u"/home/ana/invoices/2024-001.pdf"_s;
    QTest::newRow("file") << complete << u"Orders/Upload invoice"_s << file;
    QTest::newRow("empty body object") << complete << u"Orders/Partner feed"_s << Body();
    QTest::newRow("no body") << complete << u"Health"_s << Body();

    Body legacyForm;
    legacyForm.mode = Body::Mode::FormUrlEncoded;
    legacyForm.form = {row(u"name"_s, u"bolt"_s), row(u"size"_s, u"M8"_s, false)};
    QTest::newRow("v2.0 urlencoded") << legacy << u"Legacy/Post form"_s << legacyForm;

    Body legacyFile;
    legacyFile.mode = Body::Mode::Multipart;
    legacyFile.parts = {{u"sheet"_s, u"stock.csv"_s, true, QString(), true}};
    QTest::newRow("v2.0 file part with the path in value")
        << legacy << u"Legacy/Post multipart"_s << legacyFile;
}

void tst_Postman::importsBodies()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(Body, body);
    const auto parsed = importPostmanCollection(fixture(file), file);
    QVERIFY(parsed.ok());
    const CollectionItem *item = find(parsed.value().items, path);
    QVERIFY(item);
    QCOMPARE(item->request.body.mode, body.mode);
    QCOMPARE(item->request.body.form, body.form);
    QCOMPARE(item->request.body.parts, body.parts);
    QCOMPARE(item->request.body, body);
}

void tst_Postman::importsGraphQlAsJson()
{
    const auto parsed
        = importPostmanCollection(fixture(u"complete.postman_collection.json"_s), u"c.json"_s);
    QVERIFY(parsed.ok());
    const Body body = find(parsed.value().items, u"Orders/Order by GraphQL"_s)->request.body;
    QCOMPARE(body.mode, Body::Mode::Json);
    const QJsonObject expected {
        {u"query"_s, u"query Order($id: ID!) {\n  order(id: $id) { sku quantity }\n}"_s},
        {u"variables"_s, QJsonObject {{u"id"_s, u"1"_s}}}};
    QCOMPARE(QJsonDocument::fromJson(body.text.toUtf8()).object(), expected);
}

void tst_Postman::importsAuthAndInheritance_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path"); // empty: the collection
    QTest::addColumn<Auth>("auth");
    const QString complete = u"complete.postman_collection.json"_s;
    const QString legacy = u"legacy-v2.0.postman_collection.json"_s;
    using Location = Auth::ApiKeyLocation;
    QTest::newRow("collection bearer") << complete << QString() << bearer(u"{{token}}"_s);
    QTest::newRow("folder basic") << complete << u"Users"_s << basic(u"ana"_s, u"{{password}}"_s);
    QTest::newRow("missing: inherit")
        << complete << u"Users/List users"_s << ofType(Auth::Type::Inherit);
    QTest::newRow("noauth") << complete << u"Users/Get post of user"_s << ofType(Auth::Type::None);
    QTest::newRow("apikey without in: header")
        << complete << u"Users/Admin"_s
        << apiKey(u"X-Admin-Key"_s, u"{{adminKey}}"_s, Location::Header);
    QTest::newRow("request under apikey folder inherits")
        << complete << u"Users/Admin/Delete user"_s << ofType(Auth::Type::Inherit);
    QTest::newRow("apikey in query") << complete << u"Users/Admin/Purge cache"_s
                                     << apiKey(u"purge_key"_s, u"{{purgeKey}}"_s, Location::Query);
    QTest::newRow("folder without auth") << complete << u"Orders"_s << ofType(Auth::Type::Inherit);
    QTest::newRow("oauth2: none") << complete << u"Orders/Partner feed"_s
                                  << ofType(Auth::Type::None);
    QTest::newRow("v2.0 basic") << legacy << QString() << basic(u"admin"_s, u"pa:ss"_s);
    QTest::newRow("v2.0 bearer") << legacy << u"Get item by id"_s << bearer(u"t0k"_s);
    QTest::newRow("v2.0 apikey") << legacy << u"Stock by key"_s
                                 << apiKey(u"api_key"_s, u"k-99"_s, Location::Query);
    QTest::newRow("v2.0 folder noauth") << legacy << u"Legacy"_s << ofType(Auth::Type::None);
    QTest::newRow("v2.0 digest: none")
        << legacy << u"Legacy/Digest protected"_s << ofType(Auth::Type::None);
}

void tst_Postman::importsAuthAndInheritance()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(Auth, auth);
    const auto parsed = importPostmanCollection(fixture(file), file);
    QVERIFY(parsed.ok());
    if (path.isEmpty()) {
        QCOMPARE(parsed.value().auth, auth);
        return;
    }
    const CollectionItem *item = find(parsed.value().items, path);
    QVERIFY(item);
    QCOMPARE(item->isFolder() ? item->folderAuth : item->request.auth, auth);
}

void tst_Postman::importsVariables()
{
    const auto parsed
        = importPostmanCollection(fixture(u"complete.postman_collection.json"_s), u"c.json"_s);
    QVERIFY(parsed.ok());
    const QList<Variable> expected {
        {u"baseUrl"_s, u"https://shop.example.com/api"_s, true, false},
        {u"token"_s, u"tok-123"_s, true, false},
        {u"password"_s, u"hunter2"_s, true, true},
        {u"legacyUrl"_s, u"https://old.example.com"_s, false, false},
        {u"pageSize"_s, u"20"_s, true, false},
        {u"defaults"_s, u"{\"currency\":\"EUR\"}"_s, true, false},
    };
    QCOMPARE(parsed.value().variables, expected);
    QCOMPARE(find(parsed.value().items, u"Users"_s)->variables,
        (QList<Variable> {{u"userId"_s, u"42"_s, true, false}}));
    QCOMPARE(find(parsed.value().items, u"Users/Admin"_s)->variables,
        (QList<Variable> {{u"adminKey"_s, u"adm-001"_s, true, false}}));

    const auto legacy
        = importPostmanCollection(fixture(u"legacy-v2.0.postman_collection.json"_s), u"l.json"_s);
    QVERIFY(legacy.ok());
    QCOMPARE(legacy.value().variables,
        (QList<Variable> {{u"host"_s, u"inventory.example.com"_s, true, false}}));
}

void tst_Postman::listsWhatItSkips_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("v2.1") << u"complete.postman_collection.json"_s
                          << QStringList {
                                 u"collection: pre-request script not imported"_s,
                                 u"folder \"Users\": test script not imported"_s,
                                 u"request \"Users/List users\": 1 saved example response(s) "
                                 "not imported"_s,
                                 u"request \"Users/Admin/Delete user\": URL fragment \"#danger\" "
                                 "not imported (it is never sent)"_s,
                                 u"request \"Orders/Upload photos\": form part \"extra\": only "
                                 "the first of 2 files imported"_s,
                                 u"request \"Orders/Partner feed\": oauth2 auth not supported; "
                                 "imported as no auth"_s,
                                 u"request \"Orders/Partner feed\": protocol profile behavior "
                                 "(followRedirects) not imported"_s,
                             };
    QTest::newRow("v2.0") << u"legacy-v2.0.postman_collection.json"_s
                          << QStringList {u"request \"Legacy/Digest protected\": digest auth not "
                                          "supported; imported as no auth"_s};
    QTest::newRow("nothing to skip") << u"roundtrip.postman_collection.json"_s << QStringList();
}

void tst_Postman::listsWhatItSkips()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QStringList skipped {u"kept from before"_s};
    QVERIFY(importPostmanCollection(fixture(file), file, &skipped).ok());
    QCOMPARE(skipped.takeFirst(), u"kept from before"_s);
    skipped.sort();
    expected.sort();
    QCOMPARE(skipped, expected);
}

void tst_Postman::importsEnvironment()
{
    const auto parsed = importPostmanEnvironment(
        fixture(u"staging.postman_environment.json"_s), u"staging.postman_environment.json"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().name, u"Staging"_s);
    const QList<Variable> expected {
        {u"baseUrl"_s, u"https://staging.shop.example.com/api"_s, true, false},
        {u"token"_s, u"stg-token-1"_s, true, true},
        {u"legacyUrl"_s, u"https://old.example.com"_s, false, false},
        {u"port"_s, u"8443"_s, true, false},
    };
    QCOMPARE(parsed.value().variables, expected);

    const auto unnamed = importPostmanEnvironment(
        R"({"values": []})"_ba, u"/tmp/Local.postman_environment.json"_s);
    QVERIFY(unnamed.ok());
    QCOMPARE(unnamed.value().name, u"Local"_s);
}

void tst_Postman::reportsErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken JSON") << "{\"info\": {\"name\": \"x\"},\n  \"item\": [}"_ba << u"2:"_s
                                 << u"invalid JSON"_s;
    QTest::newRow("array at the top") << "[]"_ba << u"1:1"_s << u"expected a JSON object"_s;
    QTest::newRow("format v1") << R"({"id":"1","name":"Old","order":[],"requests":[]})"_ba
                               << QString() << u"v1"_s;
    QTest::newRow("info not an object")
        << R"({"info":"x","item":[]})"_ba << u"info"_s << u"expected an object"_s;
    QTest::newRow("description of a wrong type")
        << R"({"info":{"description":[]},"item":[]})"_ba << u"info.description"_s
        << u"expected a string or an object"_s;
    QTest::newRow("item not an array")
        << R"({"info":{},"item":{}})"_ba << u"item"_s << u"expected an array"_s;
    QTest::newRow("item entry not an object")
        << R"({"info":{},"item":[{"name":"a","request":"u"},5]})"_ba << u"item[1]"_s
        << u"expected an object"_s;
    QTest::newRow("neither request nor folder")
        << R"({"info":{},"item":[{"name":"a"}]})"_ba << u"item[0]"_s << u"\"request\""_s;
    QTest::newRow("request of a wrong type")
        << R"({"info":{},"item":[{"name":"a","request":[]}]})"_ba << u"item[0].request"_s
        << u"expected a string or an object"_s;
    QTest::newRow("url of a wrong type")
        << R"({"info":{},"item":[{"request":"a"},{"name":"b","request":{"url":42}}]})"_ba
        << u"item[1].request.url"_s << u"expected a string or an object"_s;
    QTest::newRow("nested header value")
        << R"({"info":{},"item":[{"name":"F","item":[{"name":"a","request":{"url":"x",
              "header":[{"key":"A","value":{}}]}}]}]})"_ba
        << u"item[0].item[0].request.header[0].value"_s << u"expected a string"_s;
    QTest::newRow("query entry not an object")
        << R"({"info":{},"item":[{"request":{"url":{"raw":"x","query":["a=1"]}}}]})"_ba
        << u"item[0].request.url.query[0]"_s << u"expected an object"_s;
    QTest::newRow("body of a wrong type")
        << R"({"info":{},"item":[{"request":{"url":"x","body":"a=1"}}]})"_ba
        << u"item[0].request.body"_s << u"expected an object"_s;
    QTest::newRow("formdata not an array")
        << R"({"info":{},"item":[{"request":{"body":{"mode":"formdata","formdata":{}}}}]})"_ba
        << u"item[0].request.body.formdata"_s << u"expected an array"_s;
    QTest::newRow("auth of a wrong type")
        << R"({"info":{},"item":[{"request":{"url":"x","auth":"basic"}}]})"_ba
        << u"item[0].request.auth"_s << u"expected an object"_s;
    QTest::newRow("variables not an array")
        << R"({"info":{},"item":[],"variable":{}})"_ba << u"variable"_s << u"expected an array"_s;
    QTest::newRow("path variable not an object")
        << R"({"info":{},"item":[{"request":{"url":{"raw":"x/:id","variable":["id"]}}}]})"_ba
        << u"item[0].request.url.variable[0]"_s << u"expected an object"_s;
}

void tst_Postman::reportsErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QFETCH(QString, message);
    QStringList skipped;
    const auto parsed = importPostmanCollection(json, u"bad.json"_s, &skipped);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, u"bad.json"_s);
    if (place.endsWith(u':'))
        QVERIFY2(parsed.error().place.startsWith(place), qPrintable(parsed.error().place));
    else
        QCOMPARE(parsed.error().place, place);
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    QVERIFY(skipped.isEmpty());
}

void tst_Postman::reportsEnvironmentErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken JSON") << "{\n\"name\": \"x\",,\n}"_ba << u"2:"_s << u"invalid JSON"_s;
    QTest::newRow("no values") << R"({"name":"x"})"_ba << u"values"_s << u"expected an array"_s;
    QTest::newRow("a collection") << fixture(u"roundtrip.postman_collection.json"_s) << QString()
                                  << u"collection"_s;
    QTest::newRow("value entry not an object")
        << R"({"name":"x","values":[1]})"_ba << u"values[0]"_s << u"expected an object"_s;
    QTest::newRow("name of a wrong type")
        << R"({"name":{},"values":[]})"_ba << u"name"_s << u"expected a string"_s;
}

void tst_Postman::reportsEnvironmentErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QFETCH(QString, message);
    const auto parsed = importPostmanEnvironment(json, u"env.json"_s);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, u"env.json"_s);
    if (place.endsWith(u':'))
        QVERIFY2(parsed.error().place.startsWith(place), qPrintable(parsed.error().place));
    else
        QCOMPARE(parsed.error().place, place);
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
}

void tst_Postman::exportsV21WithoutIds()
{
    const auto parsed
        = importPostmanCollection(fixture(u"complete.postman_collection.json"_s), u"c.json"_s);
    QVERIFY(parsed.ok());
    const QByteArray exported = exportPostmanCollection(parsed.value());
    QCOMPARE(exportPostmanCollection(parsed.value()), exported);
    QVERIFY(!exported.contains("_postman_id"));
    QVERIFY(!exported.contains("\"id\""));
    const QJsonObject root = QJsonDocument::fromJson(exported).object();
    QCOMPARE(root[u"info"_s][u"schema"_s].toString(),
        u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s);
    QCOMPARE(root[u"info"_s][u"name"_s].toString(), u"Shop API"_s);
    QVERIFY(looksLikePostmanCollection(exported));
}

void tst_Postman::exportsSecretsEmpty()
{
    Collection collection;
    collection.name = u"Secrets"_s;
    collection.variables
        = {{u"plain"_s, u"visible"_s, true, false}, {u"password"_s, u"hunter2"_s, true, true}};
    const QByteArray exported = exportPostmanCollection(collection);
    QVERIFY(!exported.contains("hunter2"));
    const auto back = importPostmanCollection(exported, u"e.json"_s);
    QVERIFY(back.ok());
    QCOMPARE(back.value().variables.size(), 2);
    QCOMPARE(back.value().variables.at(0).value, u"visible"_s);
    QCOMPARE(back.value().variables.at(1).name, u"password"_s);
    QCOMPARE(back.value().variables.at(1).value, QString());
    QVERIFY(back.value().variables.at(1).secret);

    Environment environment {u"Prod"_s, collection.variables};
    const QByteArray environmentJson = exportPostmanEnvironment(environment);
    QVERIFY(!environmentJson.contains("hunter2"));
    const auto environmentBack = importPostmanEnvironment(environmentJson, u"p.json"_s);
    QVERIFY(environmentBack.ok());
    QCOMPARE(environmentBack.value().name, u"Prod"_s);
    const QList<Variable> expected {
        {u"plain"_s, u"visible"_s, true, false}, {u"password"_s, QString(), true, true}};
    QCOMPARE(environmentBack.value().variables, expected);
}

void tst_Postman::exportsRawTypeWithoutLanguageAsHeader()
{
    CollectionItem item;
    item.name = u"Stream"_s;
    item.request.method = u"POST"_s;
    item.request.url = u"https://example.com/events"_s;
    item.request.body = textBody(Body::Mode::Raw, u"{}\n{}\n"_s, u"application/x-ndjson"_s);
    Collection collection;
    collection.items = {item};
    const auto back = importPostmanCollection(exportPostmanCollection(collection), u"e.json"_s);
    QVERIFY(back.ok());
    const RequestItem &request = back.value().items.at(0).request;
    QCOMPARE(request.body.text, item.request.body.text);
    // and Postman's own "Accept: */*", which the import writes in.
    QCOMPARE(request.headers,
        QList<KeyValue>(
            {row(u"Content-Type"_s, u"application/x-ndjson"_s), row(u"Accept"_s, u"*/*"_s)}));
}

void tst_Postman::exportsUrlParts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QJsonObject>("parts"); // protocol, host, port, path as Postman splits them
    auto list = [](std::initializer_list<QString> items) {
        return QJsonArray::fromStringList(QStringList(items));
    };
    QTest::newRow("full") << u"https://api.example.com:8443/v1/things"_s
                          << QJsonObject {{u"protocol"_s, u"https"_s},
                                 {u"host"_s, list({u"api"_s, u"example"_s, u"com"_s})},
                                 {u"port"_s, u"8443"_s}, {u"path"_s, list({u"v1"_s, u"things"_s})}};
    QTest::newRow("variable host") << u"{{baseUrl}}/users/{{id}}/"_s
                                   << QJsonObject {{u"host"_s, list({u"{{baseUrl}}"_s})},
                                          {u"path"_s, list({u"users"_s, u"{{id}}"_s, QString()})}};
    QTest::newRow("IPv6") << u"http://[::1]:8080/x"_s
                          << QJsonObject {{u"protocol"_s, u"http"_s},
                                 {u"host"_s, list({u"[::1]"_s})}, {u"port"_s, u"8080"_s},
                                 {u"path"_s, list({u"x"_s})}};
    QTest::newRow("user and password") << u"https://ana:pw@example.com"_s
                                       << QJsonObject {{u"protocol"_s, u"https"_s},
                                              {u"host"_s, list({u"ana:pw@example"_s, u"com"_s})}};
    QTest::newRow("no scheme, port")
        << u"localhost:3000"_s
        << QJsonObject {{u"host"_s, list({u"localhost"_s})}, {u"port"_s, u"3000"_s}};
}

void tst_Postman::exportsUrlParts()
{
    QFETCH(QString, url);
    QFETCH(QJsonObject, parts);
    CollectionItem item;
    item.request.url = url;
    item.request.params = {row(u"a"_s, u"1"_s), row(u"b"_s, u"2"_s, false)};
    Collection collection;
    collection.items = {item};
    const QJsonObject root = QJsonDocument::fromJson(exportPostmanCollection(collection)).object();
    QJsonObject exported = root[u"item"_s][0][u"request"_s][u"url"_s].toObject();
    QCOMPARE(exported.take(u"raw"_s).toString(), url + u"?a=1"_s);
    QCOMPARE(exported.take(u"query"_s).toArray().size(), 2);
    QCOMPARE(exported, parts);
}

void tst_Postman::exportsAssertionsAsTestScript()
{
    CollectionItem item;
    item.name = u"Checked"_s;
    item.request.url = u"https://example.com/"_s;
    using Kind = Assertion::Kind;
    item.request.assertions = {
        {Kind::StatusEquals, QString(), u"200"_s, true},
        {Kind::StatusInRange, QString(), u"200-299"_s, true},
        {Kind::HeaderExists, u"Content-Type"_s, QString(), true},
        {Kind::HeaderEquals, u"X-Mode"_s, u"fast \"really\""_s, true},
        {Kind::HeaderContains, u"Content-Type"_s, u"json"_s, true},
        {Kind::BodyContains, QString(), u"</script>\n"_s, true},
        {Kind::JsonPathExists, u"data.items[0].id"_s, QString(), true},
        {Kind::JsonPathEquals, u"data.count"_s, u"3"_s, true},
        {Kind::JsonPathEquals, u"data.name"_s, u"lamp"_s, true},
        {Kind::LatencyBelow, QString(), u"500"_s, true},
        {Kind::BodyContains, QString(), u"disabled"_s, false},
    };
    Collection collection;
    collection.items = {item};
    const QJsonObject root = QJsonDocument::fromJson(exportPostmanCollection(collection)).object();
    const QJsonArray events = root[u"item"_s][0][u"event"_s].toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0)[u"listen"_s].toString(), u"test"_s);
    const QJsonArray exec = events.at(0)[u"script"_s][u"exec"_s].toArray();
    QCOMPARE(exec.size(), item.request.assertions.size() - 1);
    QStringList lines;
    for (const QJsonValue &line : exec) {
        QVERIFY(line.toString().startsWith(u"pm.test("_s));
        lines.append(line.toString());
    }
    QVERIFY(lines.at(0).contains(u"pm.response.to.have.status(200)"_s));
    QVERIFY(lines.at(1).contains(u"within(200, 299)"_s));
    QVERIFY(lines.at(3).contains(u"\"fast \\\"really\\\"\""_s));
    QVERIFY(lines.at(7).contains(u"_.get(pm.response.json(), \"data.count\")).to.eql(3)"_s));
    QVERIFY(lines.at(8).contains(u".to.eql(\"lamp\")"_s));
    QVERIFY(!lines.join(u'\n').contains(u"disabled"_s));

    // The script must at least parse as JavaScript; checked where Node.js is installed.
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        return;
    QTemporaryDir dir;
    QFile script(dir.filePath(u"test.js"_s));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(lines.join(u'\n').toUtf8());
    script.close();
    QProcess check;
    check.start(node, {u"--check"_s, script.fileName()});
    QVERIFY(check.waitForFinished());
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
}

void tst_Postman::roundTripKeepsSupportedFields_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("v2.1 everything") << u"complete.postman_collection.json"_s;
    QTest::newRow("v2.0") << u"legacy-v2.0.postman_collection.json"_s;
    QTest::newRow("v2.1 supported only") << u"roundtrip.postman_collection.json"_s;
}

void tst_Postman::roundTripKeepsSupportedFields()
{
    QFETCH(QString, file);
    const auto first = importPostmanCollection(fixture(file), file);
    QVERIFY(first.ok());
    QStringList skipped;
    const auto second
        = importPostmanCollection(exportPostmanCollection(first.value()), file, &skipped);
    QVERIFY(second.ok());
    Collection expected = first.value();
    for (Variable &variable : expected.variables) { // secrets travel without their values
        if (variable.secret)
            variable.value.clear();
    }
    QCOMPARE(second.value().items, expected.items);
    QCOMPARE(second.value().variables, expected.variables);
    QCOMPARE(second.value(), expected);
    QCOMPARE(skipped, QStringList());
}

void tst_Postman::roundTripMatchesPostmanJson()
{
    const QByteArray original = fixture(u"roundtrip.postman_collection.json"_s);
    const auto parsed = importPostmanCollection(original, u"roundtrip.json"_s);
    QVERIFY(parsed.ok());
    QCOMPARE(canonical(exportPostmanCollection(parsed.value())), canonical(original));
}

QTEST_GUILESS_MAIN(tst_Postman)
#include "tst_postman.moc"
