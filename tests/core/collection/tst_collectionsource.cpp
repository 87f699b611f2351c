// Expanding a collection into a run: order and count, folder selection, variables from every
// layer, checks before the run, and what the built-in server's /echo receives through the engine.
#include "core/collection/collectionsource.h"
#include "core/collection/secretstore.h"
#include "core/engine/run.h"
#include "core/server/httpserver.h"
#include "support/testcollections.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using namespace Qt::StringLiterals;

namespace {
using Setup = std::function<void(Collection &, CollectionSource::Plan &)>;

CollectionItem request(const QString &name, const QString &url, const QString &method = u"GET"_s)
{
    return requestItem(name, method, url);
}

Auth auth(Auth::Type type, const QString &token = {})
{
    Auth a;
    a.type = type;
    a.token = token;
    return a;
}

/// Users/List, Users/Admin/Audit, Orders/Create, Ping, Admin/Reset: every URL shows its index
/// and iteration.
Collection tree()
{
    const QString url = u"http://h/{{$index}}/{{$iteration}}"_s;
    Collection c;
    c.items = {folderItem(u"Users"_s,
                   {request(u"List"_s, url), folderItem(u"Admin"_s, {request(u"Audit"_s, url)})}),
        folderItem(u"Orders"_s, {request(u"Create"_s, url, u"POST"_s)}), request(u"Ping"_s, url),
        folderItem(u"Admin"_s, {request(u"Reset"_s, url)})};
    return c;
}

QList<QStringList> rowsOf(int count)
{
    QList<QStringList> rows;
    for (int i = 0; i < count; ++i)
        rows.append({QString::number(i), u"name "_s + QString::number(i)});
    return rows;
}

QString echoHeader(const QJsonObject &echo, const QString &name)
{
    const QJsonObject headers = echo.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().toString();
    }
    return QString();
}

/// application/x-www-form-urlencoded decoded as a server would.
QList<std::pair<QString, QString>> decodeForm(const QByteArray &body)
{
    QList<std::pair<QString, QString>> pairs;
    for (QByteArray pair : body.split('&')) {
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        pairs.append({QUrl::fromPercentEncoding(pair.left(eq)),
            QUrl::fromPercentEncoding(pair.mid(eq + 1))});
    }
    return pairs;
}

struct Part
{
    QString disposition;
    QString contentType;
    QByteArray data;
};

/// A multipart/form-data body split into its parts by the boundary of its Content-Type.
QList<Part> parseMultipart(const QString &contentType, const QByteArray &body)
{
    const QRegularExpressionMatch m
        = QRegularExpression(u"^multipart/form-data; boundary=(\\S+)$"_s).match(contentType);
    if (!m.hasMatch())
        return {};
    const QByteArray delimiter = "--" + m.captured(1).toLatin1();
    QList<Part> parts;
    if (!body.endsWith(QByteArray(delimiter + "--\r\n")))
        return {};
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), pos);
        const QByteArray chunk = body.mid(pos + 2, next - pos - 2); // skip the CRLF after it
        const qsizetype split = chunk.indexOf("\r\n\r\n");
        Part part;
        for (const QByteArray &line : chunk.left(split).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (trimmed.startsWith("Content-Disposition: "))
                part.disposition = QString::fromUtf8(trimmed.mid(21));
            else if (trimmed.startsWith("Content-Type: "))
                part.contentType = QString::fromUtf8(trimmed.mid(14));
        }
        part.data = chunk.mid(split + 4);
        parts.append(part);
        pos = next + 2;
    }
    return parts;
}
} // namespace

Q_DECLARE_METATYPE(Setup)

class tst_CollectionSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void effectiveAuthInherits_data();
    void effectiveAuthInherits();
    void expansionOrderAndCount_data();
    void expansionOrderAndCount();
    void contextCarriesRowAndAssertions();
    void everyLayerReachesTheRequest();
    void checksBeforeTheRun_data();
    void checksBeforeTheRun();
    void largeRunsAreBuiltLazily();
    void buildRequestReportsProblems();
    void queryIsEncodedOnce_data();
    void queryIsEncodedOnce();
    void relativeFilesFromTheWorkingDirectoryToo();
    void headersAndParamsArrive();
    void bodiesArrive_data();
    void bodiesArrive();
    void multipartArrives();
    void binaryFileArrives();
    void authArrives_data();
    void authArrives();
    void dataRowsReachTheServerInOrder();

private:
    /// Runs the requests through the engine against /echo and returns what the server saw.
    QList<QJsonObject> runEcho(
        const Collection &collection, CollectionSource::Plan plan, QStringList *paths = nullptr);
    QJsonObject echoOf(const QString &name);

    ServerThread m_server;
    QTemporaryDir m_dir;
    QByteArray m_blob;
    QHash<QString, QJsonObject> m_echoes; ///< by request name, from one run of echoCollection()
};

void tst_CollectionSource::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(u"files"_s));
    QFile hello(m_dir.filePath(u"files/hello.txt"_s));
    QVERIFY(hello.open(QIODevice::WriteOnly));
    hello.write("hello file\n");
    hello.close();
    for (int i = 0; i < 256; ++i)
        m_blob.append(char(i));
    QFile blob(m_dir.filePath(u"files/blob.bin"_s));
    QVERIFY(blob.open(QIODevice::WriteOnly));
    blob.write(m_blob);
}

void tst_CollectionSource::effectiveAuthInherits_data()
{
    QTest::addColumn<QList<int>>("path");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("type");
    // Collection: bearer "c". Outer folder: bearer "outer"; inside it a folder that inherits, and
    // one with auth none.
    QTest::newRow("own auth") << QList<int> {0, 0} << u"own"_s << int(Auth::Type::Bearer);
    QTest::newRow("from its folder") << QList<int> {0, 1} << u"outer"_s << int(Auth::Type::Bearer);
    QTest::newRow("through an inheriting folder")
        << QList<int> {0, 2, 0} << u"outer"_s << int(Auth::Type::Bearer);
    QTest::newRow("folder says none") << QList<int> {0, 3, 0} << QString() << int(Auth::Type::None);
    QTest::newRow("from the collection") << QList<int> {1} << u"c"_s << int(Auth::Type::Bearer);
}

void tst_CollectionSource::effectiveAuthInherits()
{
    QFETCH(QList<int>, path);
    QFETCH(QString, token);
    QFETCH(int, type);
    CollectionItem own = request(u"own"_s, u"http://h/"_s);
    own.request.auth = auth(Auth::Type::Bearer, u"own"_s);
    CollectionItem none = folderItem(u"none"_s, {request(u"r"_s, u"http://h/"_s)});
    none.folderAuth = auth(Auth::Type::None);
    CollectionItem outer = folderItem(u"outer"_s,
        {own, request(u"r"_s, u"http://h/"_s),
            folderItem(u"inherits"_s, {request(u"r"_s, u"http://h/"_s)}), none});
    outer.folderAuth = auth(Auth::Type::Bearer, u"outer"_s);
    Collection c;
    c.auth = auth(Auth::Type::Bearer, u"c"_s);
    c.items = {outer, request(u"top"_s, u"http://h/"_s)};

    const Auth effective = effectiveAuth(c, path);
    QCOMPARE(int(effective.type), type);
    QCOMPARE(effective.token, token);

    // A collection that inherits means none.
    c.auth = Auth();
    QCOMPARE(effectiveAuth(c, {1}).type, Auth::Type::None);
}

void tst_CollectionSource::expansionOrderAndCount_data()
{
    QTest::addColumn<QStringList>("folders");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<int>("rows"); // -1: no data set
    QTest::addColumn<int>("iterations");
    const QStringList all {
        u"Users/List"_s, u"Users/Admin/Audit"_s, u"Orders/Create"_s, u"Ping"_s, u"Admin/Reset"_s};
    QTest::newRow("all, once") << QStringList() << all << -1 << 1;
    QTest::newRow("all, rows x iterations") << QStringList() << all << 3 << 2;
    QTest::newRow("one folder") << QStringList {u"Users"_s} << all.mid(0, 2) << 4 << 1;
    QTest::newRow("a name matches every folder so named")
        << QStringList {u"Admin"_s} << QStringList {u"Users/Admin/Audit"_s, u"Admin/Reset"_s} << -1
        << 3;
    QTest::newRow("a path matches one folder")
        << QStringList {u"Users/Admin"_s} << QStringList {u"Users/Admin/Audit"_s} << 2 << 2;
    QTest::newRow("tree order, not the order asked")
        << QStringList {u"Orders"_s, u"Users"_s} << all.mid(0, 3) << 2 << 1;
    QTest::newRow("overlapping folders run each request once")
        << QStringList {u"Users"_s, u"Users/Admin"_s} << all.mid(0, 2) << -1 << 1;
    QTest::newRow("zero iterations") << QStringList() << all << 2 << 0;
    QTest::newRow("a data set without rows") << QStringList() << all << 0 << 3;
}

void tst_CollectionSource::expansionOrderAndCount()
{
    QFETCH(QStringList, folders);
    QFETCH(QStringList, paths);
    QFETCH(int, rows);
    QFETCH(int, iterations);
    CollectionSource::Plan plan;
    plan.folders = folders;
    plan.iterations = iterations;
    if (rows >= 0) {
        plan.dataColumns = {u"id"_s, u"name"_s};
        plan.dataRows = rowsOf(rows);
    }
    const auto source = CollectionSource::create(tree(), plan);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().toString()));
    QCOMPARE(source.value()->requestPaths(), paths);

    // For each iteration, for each row, for each selected request.
    qint64 index = 0;
    for (int iteration = 0; iteration < iterations; ++iteration) {
        for (int row = rows < 0 ? -1 : 0; row < qMax(rows, 0) || (rows < 0 && row < 0); ++row) {
            for (const QString &path : std::as_const(paths)) {
                const RequestSpec spec = source.value()->at(index);
                QCOMPARE(spec.name, path.section(u'/', -1));
                QVERIFY(spec.context);
                QCOMPARE(spec.context->path, path);
                QCOMPARE(spec.context->iteration, iteration);
                QCOMPARE(spec.context->row, qint64(row));
                QCOMPARE(spec.url.path(), u"/%1/%2"_s.arg(index).arg(iteration));
                ++index;
            }
        }
    }
    QCOMPARE(source.value()->size(), index);
}

void tst_CollectionSource::contextCarriesRowAndAssertions()
{
    Collection c;
    CollectionItem item = request(u"Get"_s, u"http://h/users/{{id}}"_s);
    item.request.assertions = {{Assertion::Kind::StatusEquals, {}, u"200"_s, false},
        {Assertion::Kind::JsonPathEquals, u"id"_s, u"{{id}}"_s, true}};
    c.items = {item};
    CollectionSource::Plan plan;
    plan.dataColumns = {u"id"_s, u"name"_s};
    plan.dataRows = rowsOf(2);
    const auto source = CollectionSource::create(c, plan);
    QVERIFY(source.ok());
    const RequestSpec spec = source.value()->at(1);
    QCOMPARE(spec.context->dataColumns, plan.dataColumns);
    QCOMPARE(spec.context->dataValues, plan.dataRows[1]);
    // Only the enabled assertion, with the row's value in it.
    QCOMPARE(spec.context->assertions.size(), 1);
    QCOMPARE(spec.context->assertions[0].kind, Assertion::Kind::JsonPathEquals);
    QCOMPARE(spec.context->assertions[0].expected, u"1"_s);
}

void tst_CollectionSource::everyLayerReachesTheRequest()
{
    Collection c;
    c.variables = {{u"a"_s, u"col"_s, true, false}, {u"shadow"_s, u"col"_s, true, false},
        {u"token"_s, QString(), true, true}};
    CollectionItem f = folderItem(u"F"_s,
        {request(u"R"_s,
            u"http://h/{{a}}/{{b}}/{{c}}/{{d}}/{{e}}/"
            u"{{shadow}}?t={{token}}&f={{fsecret}}"_s)});
    f.variables = {{u"b"_s, u"folder"_s, true, false}, {u"shadow"_s, u"folder"_s, true, false},
        {u"fsecret"_s, QString(), true, true}};
    c.items = {f};
    c.environments
        = {{u"Env"_s, {{u"c"_s, u"env"_s, true, false}, {u"shadow"_s, u"env"_s, true, false}}}};

    CollectionSource::Plan plan;
    plan.environmentName = u"Env"_s;
    plan.variables = {{u"d"_s, u"cli"_s}, {u"shadow"_s, u"cli"_s}};
    plan.dataColumns = {u"e"_s, u"shadow"_s};
    plan.dataRows = {{u"row"_s, u"row"_s}, {u"row2"_s, QString()}};
    QTemporaryDir settingsDir;
    SecretStore secrets(settingsDir.filePath(u"s.ini"_s));
    const QString file = m_dir.filePath(u"c.rafaga.json"_s);
    QVERIFY(secrets.setValue(file, SecretStore::collectionScope(), u"token"_s, u"sec"_s));
    QVERIFY(secrets.setValue(file, SecretStore::folderScope({u"F"_s}), u"fsecret"_s, u"fs"_s));
    plan.secrets = secrets.lookupFor(file);

    auto source = CollectionSource::create(c, plan);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().toString()));
    QCOMPARE(
        source.value()->at(0).url.toString(), u"http://h/col/folder/env/cli/row/row?t=sec&f=fs"_s);
    // Row 2 leaves "shadow" undefined, so the command line's value shows through.
    QCOMPARE(
        source.value()->at(1).url.toString(), u"http://h/col/folder/env/cli/row2/cli?t=sec&f=fs"_s);

    // An environment from a file wins over the one named.
    plan.environment = Environment {u"FromFile"_s, {{u"c"_s, u"file"_s, true, false}}};
    source = CollectionSource::create(c, plan);
    QVERIFY(source.ok());
    QVERIFY(source.value()->at(0).url.path().contains(u"/file/"_s));
}

void tst_CollectionSource::checksBeforeTheRun_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("expected");
    const auto url = [](const QString &u) {
        return [u](Collection &c, CollectionSource::Plan &) {
            c.items[0].children[0].request.url = u;
        };
    };
    QTest::newRow("unresolved, no data")
        << Setup(url(u"http://h/{{nope}}"_s))
        << u"request \"Users/Get user\": unresolved variable {{nope}}"_s;
    QTest::newRow("unresolved in one row") << Setup([](Collection &c, CollectionSource::Plan &p) {
        c.items[0].children[0].request.url = u"http://h/users/{{userId}}"_s;
        p.dataColumns = {u"userId"_s};
        p.dataRows = {{u"1"_s}, {u""_s}, {QString()}, {u"4"_s}};
    }) << u"request \"Users/Get user\", row 3: unresolved variable {{userId}}"_s;
    QTest::newRow("row shorter than the columns") << Setup(
        [](Collection &c, CollectionSource::Plan &p) {
            c.items[0].children[0].request.headers = {{u"X-Id"_s, u"{{userId}}"_s, true, {}}};
            p.dataColumns = {u"a"_s, u"userId"_s};
            p.dataRows = {{u"1"_s, u"2"_s}, {u"1"_s}};
        }) << u"request \"Users/Get user\", row 2: unresolved variable {{userId}}"_s;
    // Every distinct problem once, each name on its line with the requests that use it.
    QTest::newRow("several names") << Setup(url(u"http://h/{{a}}/{{b}}"_s))
                                   << u"unresolved variable {{a}}: request \"Users/Get user\"\n"
                                      "  unresolved variable {{b}}: request \"Users/Get user\""_s;
    QTest::newRow("every failing row is counted")
        << Setup([](Collection &c, CollectionSource::Plan &p) {
               c.items[0].children[0].request.url = u"http://h/{{x}}"_s;
               p.dataColumns = {u"x"_s};
               p.dataRows = {{QString()}, {u"1"_s}, {QString()}, {QString()}};
           })
        << u"unresolved variable {{x}}: request \"Users/Get user\", row 1; request "
           "\"Users/Get user\", row 3; request \"Users/Get user\", row 4"_s;
    QTest::newRow("invalid URL after substitution") << Setup(
        [](Collection &c, CollectionSource::Plan &p) {
            c.items[0].children[0].request.url = u"http://{{host}}/x"_s;
            p.dataColumns = {u"host"_s};
            p.dataRows = {{u"good.example"_s}, {u"bad host"_s}};
        }) << u"request \"Users/Get user\", row 2: invalid URL \"http://bad host/x\""_s;
    QTest::newRow("not http") << Setup(url(u"ftp://h/x"_s)) << u"expected http:// or https://"_s;
    QTest::newRow("unknown folder") << Setup([](Collection &, CollectionSource::Plan &p) {
        p.folders = {u"Users"_s, u"Nope"_s};
    }) << u"no folder named \"Nope\""_s;
    QTest::newRow("unknown environment")
        << Setup([](Collection &, CollectionSource::Plan &p) { p.environmentName = u"Prod"_s; })
        << u"no environment named \"Prod\" in the collection (it has \"Local\")"_s;
    QTest::newRow("missing body file") << Setup([](Collection &c, CollectionSource::Plan &) {
        c.items[0].children[0].request.body.mode = Body::Mode::BinaryFile;
        c.items[0].children[0].request.body.filePath = u"files/missing.bin"_s;
    }) << u"request \"Users/Get user\": the body file: cannot read the file \"files/missing.bin\""_s;
    QTest::newRow("missing part file in one row") << Setup(
        [](Collection &c, CollectionSource::Plan &p) {
            Body &body = c.items[0].children[0].request.body;
            body.mode = Body::Mode::Multipart;
            body.parts = {{u"upload"_s, u"files/{{file}}"_s, true, {}, true}};
            p.dataColumns = {u"file"_s};
            p.dataRows = {{u"hello.txt"_s}, {u"blob.bin"_s}, {u"gone.txt"_s}};
        }) << u"row 3: form part \"upload\": cannot read the file \"files/gone.txt\""_s;
    QTest::newRow("unresolved in an assertion") << Setup(
        [](Collection &c, CollectionSource::Plan &) {
            c.items[0].children[0].request.assertions
                = {{Assertion::Kind::JsonPathEquals, u"id"_s, u"{{expectedId}}"_s, true}};
        }) << u"unresolved variable {{expectedId}}"_s;
    QTest::newRow("invalid header name") << Setup([](Collection &c, CollectionSource::Plan &) {
        c.items[0].children[0].request.headers = {{u"Bad Name"_s, u"x"_s, true, {}}};
    }) << u"the header name \"Bad Name\" is not valid"_s;
    QTest::newRow("nothing to run")
        << Setup([](Collection &c, CollectionSource::Plan &) { c.items[0].children.clear(); })
        << u"nothing to run"_s;
    QTest::newRow("too many requests") << Setup([](Collection &, CollectionSource::Plan &p) {
        p.dataColumns = {u"x"_s};
        p.dataRows = QList<QStringList>(100000, {u"1"_s});
        p.iterations = 100000;
    }) << u"at most 4294967295"_s;
}

void tst_CollectionSource::checksBeforeTheRun()
{
    QFETCH(Setup, setup);
    QFETCH(QString, expected);
    Collection c;
    c.items = {folderItem(u"Users"_s, {request(u"Get user"_s, u"http://h/users"_s)})};
    c.environments = {{u"Local"_s, {}}};
    CollectionSource::Plan plan;
    plan.baseDirectory = m_dir.path();
    plan.collectionFile = u"api.rafaga.json"_s;
    setup(c, plan);
    const auto source = CollectionSource::create(c, plan);
    QVERIFY(!source.ok());
    QCOMPARE(source.error().file, u"api.rafaga.json"_s);
    QVERIFY2(source.error().message.contains(expected), qPrintable(source.error().message));
}

void tst_CollectionSource::largeRunsAreBuiltLazily()
{
    Collection c;
    CollectionItem item = request(u"Get"_s, u"http://h/{{id}}"_s, u"POST"_s);
    item.request.body.mode = Body::Mode::Json;
    item.request.body.text = u"{\"name\": \"{{name}}\", \"i\": {{$index}}}"_s;
    c.items = {item};
    CollectionSource::Plan plan;
    plan.dataColumns = {u"id"_s, u"name"_s};
    plan.dataRows = rowsOf(1000);
    plan.iterations = 1000;
    const auto source = CollectionSource::create(c, plan);
    QVERIFY(source.ok());
    QCOMPARE(source.value()->size(), 1000000);
    const RequestSpec last = source.value()->at(999999);
    QCOMPARE(last.context->row, 999);
    QCOMPARE(last.context->iteration, 999);
    QCOMPARE(last.url.path(), u"/999"_s);
    QCOMPARE(last.body, QByteArray("{\"name\": \"name 999\", \"i\": 999999}"));
}

void tst_CollectionSource::buildRequestReportsProblems()
{
    RequestItem item;
    item.url = u"http://h/{{missing}}"_s;
    item.headers
        = {{u"Bad:Name"_s, u"x"_s, true, {}}, {u"X-Split"_s, u"a\r\nInjected: 1"_s, true, {}}};
    item.body.mode = Body::Mode::Multipart;
    item.body.parts
        = {{u"f"_s, u"nowhere.txt"_s, true, {}, true}, {u"t"_s, u"text"_s, false, {}, true}};
    QStringList problems;
    const RequestSpec spec
        = buildRequest(item, Auth(), VariableResolver(), m_dir.path(), &problems);
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems[0].contains(u"{{missing}}"_s));
    // What could be built still is: the text part, the header with its line break defused.
    QVERIFY(spec.body.contains("text"));
    QVERIFY(!spec.body.contains("nowhere"));
    for (const HttpHeader &header : spec.headers) {
        QVERIFY(!header.second.contains('\n'));
        QVERIFY(header.first != "Bad:Name");
    }
}

void tst_CollectionSource::queryIsEncodedOnce_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("already encoded")
        << u"q"_s << u"hello%20world"_s << QByteArray("q=hello%20world");
    QTest::newRow("encoded URL") << u"redirect_uri"_s << u"https%3A%2F%2Fa.example%2Fcb"_s
                                 << QByteArray("redirect_uri=https%3A%2F%2Fa.example%2Fcb");
    QTest::newRow("what a query cannot hold")
        << u"a b"_s << u"x&y#z\"<é"_s << QByteArray("a%20b=x%26y%23z%22%3C%C3%A9");
    QTest::newRow("a lone percent") << u"p"_s << u"100%"_s << QByteArray("p=100%25");
    QTest::newRow("= in a key, not in a value") << u"a=b"_s << u"c=d"_s << QByteArray("a%3Db=c=d");
    QTest::newRow("kept as written")
        << u"f"_s << u"a/b?c:d@e,f;g+h"_s << QByteArray("f=a/b?c:d@e,f;g+h");
    QTest::newRow("empty value") << u"k"_s << u""_s << QByteArray("k=");
    QTest::newRow("null value: the key alone") << u"k"_s << QString() << QByteArray("k");
}

void tst_CollectionSource::queryIsEncodedOnce()
{
    // As Postman: only what is not valid in a query is encoded, so a value written already
    // percent-encoded is sent as written; a null value ("value": null) sends the key alone.
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, query);
    RequestItem item;
    item.url = u"http://h/p"_s;
    item.params = {KeyValue {key, value, true, {}}};
    QStringList problems;
    const RequestSpec spec
        = buildRequest(item, Auth(), VariableResolver(), m_dir.path(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(spec.url.query(QUrl::FullyEncoded).toLatin1(), query);
}

void tst_CollectionSource::relativeFilesFromTheWorkingDirectoryToo()
{
    // A relative path is looked for in the collection's folder, then (as newman does) in the
    // working directory; when neither has it, the error names both places tried.
    QTemporaryDir collectionDir;
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir.path()));
    RequestItem item;
    item.method = u"POST"_s;
    item.url = u"http://h/p"_s;
    item.body.mode = Body::Mode::BinaryFile;
    item.body.filePath = u"files/hello.txt"_s;
    QStringList problems;
    const RequestSpec spec
        = buildRequest(item, Auth(), VariableResolver(), collectionDir.path(), &problems);
    // The run's check says which folder it was read from.
    Collection collection;
    collection.name = u"c"_s;
    CollectionItem request;
    request.kind = CollectionItem::Kind::Request;
    request.name = u"Upload"_s;
    request.request = item;
    collection.items = {request};
    CollectionSource::Plan plan;
    plan.baseDirectory = collectionDir.path();
    const auto source = CollectionSource::create(collection, plan);
    item.body.filePath = u"files/none.txt"_s;
    QStringList missing;
    buildRequest(item, Auth(), VariableResolver(), collectionDir.path(), &missing);
    QDir::setCurrent(before);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().toString()));
    QCOMPARE(source.value()->notes(),
        QStringList {u"request \"Upload\": the body file: \"files/hello.txt\" is read from the "
                     "working directory (%1): the collection's folder has no such file"_s.arg(
                         m_dir.filePath(u"files/hello.txt"_s))});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(!spec.body.isEmpty());
    QCOMPARE(missing.size(), 1);
    QVERIFY2(missing.first().contains(QDir(collectionDir.path()).filePath(u"files/none.txt"_s))
            && missing.first().contains(m_dir.filePath(u"files/none.txt"_s)),
        qPrintable(missing.first()));
}

QList<QJsonObject> tst_CollectionSource::runEcho(
    const Collection &collection, CollectionSource::Plan plan, QStringList *paths)
{
    plan.baseDirectory = m_dir.path();
    plan.variables.insert(u"base"_s, m_server.baseUrl().toString());
    const auto source = CollectionSource::create(collection, plan);
    if (!source.ok()) {
        qWarning() << source.error().toString();
        return {};
    }
    if (paths)
        *paths = source.value()->requestPaths();
    RunOptions options;
    options.concurrency = 4;
    Run run(source.value(), options);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    if (!finished.wait(30000))
        return {};
    QList<QJsonObject> echoes;
    for (qint64 i = 0; i < run.size(); ++i) {
        const Result &result = run.results().at(i);
        echoes.append(result.detail ? QJsonDocument::fromJson(result.detail->bodySample).object()
                                    : QJsonObject());
    }
    return echoes;
}

QJsonObject tst_CollectionSource::echoOf(const QString &name)
{
    if (m_echoes.isEmpty()) {
        Collection c;
        c.variables = {{u"who"_s, u"Zoë"_s, true, false}, {u"token"_s, u"t0k"_s, true, false}};
        const QString echo = u"{{base}}/echo"_s;
        QList<CollectionItem> items;
        CollectionItem headers = request(u"headers"_s, echo);
        headers.request.headers = {{u"X-One"_s, u"1"_s, true, {}}, {u"X-Off"_s, u"no"_s, false, {}},
            {u"X-Who"_s, u"{{who}}"_s, true, {}}};
        headers.request.params = {{u"q"_s, u"a+b c&d=e/ü"_s, true, {}},
            {u"empty"_s, QString(), true, {}}, {u"off"_s, u"x"_s, false, {}}};
        headers.request.url = echo + u"?pre=1"_s;
        items << headers;
        CollectionItem raw = request(u"raw"_s, echo, u"POST"_s);
        raw.request.body.mode = Body::Mode::Raw;
        raw.request.body.text = u"plain {{who}}\n"_s;
        raw.request.body.contentType = u"text/x-custom"_s;
        CollectionItem rawDefault = raw;
        rawDefault.name = u"raw without a type"_s;
        rawDefault.request.body.contentType.clear();
        CollectionItem rawHeader = raw;
        rawHeader.name = u"raw with a header"_s;
        rawHeader.request.headers = {{u"content-type"_s, u"text/override"_s, true, {}}};
        CollectionItem json = request(u"json"_s, echo, u"PATCH"_s);
        json.request.body.mode = Body::Mode::Json;
        json.request.body.text = u"{\"who\": \"{{who}}\"}"_s;
        CollectionItem form = request(u"form"_s, echo, u"POST"_s);
        form.request.body.mode = Body::Mode::FormUrlEncoded;
        form.request.body.form = {{u"a"_s, u"1 2"_s, true, {}}, {u"b"_s, u"x&y=z+ü~*"_s, true, {}},
            {u"off"_s, u"no"_s, false, {}}};
        CollectionItem multipart = request(u"multipart"_s, echo, u"POST"_s);
        multipart.request.headers = {{u"Content-Type"_s, u"multipart/form-data"_s, true, {}}};
        multipart.request.body.mode = Body::Mode::Multipart;
        multipart.request.body.parts = {{u"title"_s, u"hello {{who}}"_s, false, {}, true},
            {u"off"_s, u"x"_s, false, {}, false},
            {u"upload"_s, u"files/hello.txt"_s, true, {}, true},
            {u"typed \"q\""_s, u"{}"_s, false, u"application/json"_s, true}};
        CollectionItem binary = request(u"binary"_s, echo, u"PUT"_s);
        binary.request.body.mode = Body::Mode::BinaryFile;
        binary.request.body.filePath = u"files/blob.bin"_s;
        CollectionItem purge = request(u"custom method"_s, echo, u"PURGE"_s);
        items << raw << rawDefault << rawHeader << json << form << multipart << binary << purge;

        Auth basic = auth(Auth::Type::Basic);
        basic.username = u"ana"_s;
        basic.password = u"p:ss ü"_s;
        Auth key = auth(Auth::Type::ApiKey);
        key.key = u"X-Api-Key"_s;
        key.value = u"k-{{who}}"_s;
        Auth queryKey = key;
        queryKey.key = u"api_key"_s;
        queryKey.value = u"k&v"_s;
        queryKey.location = Auth::ApiKeyLocation::Query;
        const QList<std::pair<QString, Auth>> auths {{u"basic"_s, basic},
            {u"bearer"_s, auth(Auth::Type::Bearer, u"{{token}}"_s)}, {u"key in header"_s, key},
            {u"key in query"_s, queryKey}, {u"none"_s, auth(Auth::Type::None)},
            {u"inherited"_s, Auth()}, {u"own header wins"_s, basic}};
        for (const auto &[name, a] : auths) {
            CollectionItem item = request(name, echo);
            item.request.auth = a;
            if (name == u"own header wins")
                item.request.headers = {{u"authorization"_s, u"Custom x"_s, true, {}}};
            items << item;
        }
        CollectionItem authFolder = folderItem(u"Auth"_s, items.mid(items.size() - auths.size()));
        authFolder.folderAuth = auth(Auth::Type::Bearer, u"from-folder"_s);
        c.items = items.mid(0, items.size() - auths.size());
        c.items << authFolder;

        QStringList paths;
        const QList<QJsonObject> echoes = runEcho(c, {}, &paths);
        for (qsizetype i = 0; i < echoes.size(); ++i)
            m_echoes.insert(paths[i].section(u'/', -1), echoes[i]);
    }
    return m_echoes.value(name);
}

void tst_CollectionSource::headersAndParamsArrive()
{
    const QJsonObject echo = echoOf(u"headers"_s);
    QCOMPARE(echo.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(echoHeader(echo, u"X-One"_s), u"1"_s);
    QCOMPARE(echoHeader(echo, u"X-Who"_s), u"Zoë"_s);
    QVERIFY(echoHeader(echo, u"X-Off"_s).isNull());
    const QJsonObject query = echo.value(u"query"_s).toObject();
    QCOMPARE(
        query, (QJsonObject {{u"pre"_s, u"1"_s}, {u"q"_s, u"a+b c&d=e/ü"_s}, {u"empty"_s, u""_s}}));
    QCOMPARE(echoOf(u"custom method"_s).value(u"method"_s).toString(), u"PURGE"_s);
}

void tst_CollectionSource::bodiesArrive_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("body");
    QTest::newRow("raw") << u"raw"_s << u"POST"_s << u"text/x-custom"_s << u"plain Zoë\n"_s;
    QTest::newRow("raw without a type") << u"raw without a type"_s << u"POST"_s << u"text/plain"_s
                                        << u"plain Zoë\n"_s; // as Postman
    QTest::newRow("a header's type wins")
        << u"raw with a header"_s << u"POST"_s << u"text/override"_s << u"plain Zoë\n"_s;
    QTest::newRow("json") << u"json"_s << u"PATCH"_s << u"application/json"_s
                          << u"{\"who\": \"Zoë\"}"_s;
    QTest::newRow("none") << u"headers"_s << u"GET"_s << QString() << QString();
}

void tst_CollectionSource::bodiesArrive()
{
    QFETCH(QString, name);
    QFETCH(QString, method);
    QFETCH(QString, contentType);
    QFETCH(QString, body);
    const QJsonObject echo = echoOf(name);
    QCOMPARE(echo.value(u"method"_s).toString(), method);
    QCOMPARE(echoHeader(echo, u"Content-Type"_s), contentType);
    QCOMPARE(echo.value(u"body"_s).toString(), body);
}

void tst_CollectionSource::multipartArrives()
{
    const QJsonObject echo = echoOf(u"multipart"_s);
    const QList<Part> parts = parseMultipart(
        echoHeader(echo, u"Content-Type"_s), echo.value(u"body"_s).toString().toUtf8());
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts[0].disposition, u"form-data; name=\"title\""_s);
    QCOMPARE(parts[0].data, QByteArray("hello Zo\xc3\xab"));
    QCOMPARE(parts[1].disposition, u"form-data; name=\"upload\"; filename=\"hello.txt\""_s);
    QCOMPARE(parts[1].contentType, u"text/plain"_s);
    QCOMPARE(parts[1].data, QByteArray("hello file\n"));
    QCOMPARE(parts[2].disposition, u"form-data; name=\"typed %22q%22\""_s);
    QCOMPARE(parts[2].contentType, u"application/json"_s);
    QCOMPARE(parts[2].data, QByteArray("{}"));

    const QJsonObject form = echoOf(u"form"_s);
    QCOMPARE(echoHeader(form, u"Content-Type"_s), u"application/x-www-form-urlencoded"_s);
    const QList<std::pair<QString, QString>> expected {
        {u"a"_s, u"1 2"_s}, {u"b"_s, u"x&y=z+ü~*"_s}};
    QCOMPARE(decodeForm(form.value(u"body"_s).toString().toUtf8()), expected);
}

void tst_CollectionSource::binaryFileArrives()
{
    const QJsonObject echo = echoOf(u"binary"_s);
    QCOMPARE(echo.value(u"method"_s).toString(), u"PUT"_s);
    QCOMPARE(echo.value(u"body_length"_s).toInt(), m_blob.size());
    QCOMPARE(QByteArray::fromBase64(echo.value(u"body_base64"_s).toString().toLatin1()), m_blob);
    QCOMPARE(echoHeader(echo, u"Content-Type"_s), u"application/octet-stream"_s);
}

void tst_CollectionSource::authArrives_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("value");
    QTest::newRow("basic") << u"basic"_s << u"Authorization"_s
                           << u"Basic "_s
            + QString::fromLatin1(QByteArray("ana:p:ss \xc3\xbc").toBase64());
    QTest::newRow("bearer") << u"bearer"_s << u"Authorization"_s << u"Bearer t0k"_s;
    QTest::newRow("key in header") << u"key in header"_s << u"X-Api-Key"_s << u"k-Zoë"_s;
    QTest::newRow("key in query") << u"key in query"_s << u"Authorization"_s << QString();
    QTest::newRow("none") << u"none"_s << u"Authorization"_s << QString();
    QTest::newRow("inherited from the folder")
        << u"inherited"_s << u"Authorization"_s << u"Bearer from-folder"_s;
    QTest::newRow("the request's own header wins")
        << u"own header wins"_s << u"Authorization"_s << u"Custom x"_s;
}

void tst_CollectionSource::authArrives()
{
    QFETCH(QString, name);
    QFETCH(QString, header);
    QFETCH(QString, value);
    const QJsonObject echo = echoOf(name);
    QVERIFY(!echo.isEmpty());
    QCOMPARE(echoHeader(echo, header), value);
    if (name == u"key in query")
        QCOMPARE(echo.value(u"query"_s).toObject().value(u"api_key"_s).toString(), u"k&v"_s);
}

void tst_CollectionSource::dataRowsReachTheServerInOrder()
{
    Collection c;
    CollectionItem item = request(u"Get"_s, u"{{base}}/echo?id={{id}}&it={{$iteration}}"_s);
    item.request.headers = {{u"X-Name"_s, u"{{name}}"_s, true, {}}};
    CollectionItem post = request(u"Post"_s, u"{{base}}/echo"_s, u"POST"_s);
    post.request.body.mode = Body::Mode::Json;
    post.request.body.text = u"{\"id\": {{id}}}"_s;
    c.items = {item, post};
    CollectionSource::Plan plan;
    plan.dataColumns = {u"id"_s, u"name"_s};
    plan.dataRows = rowsOf(5);
    plan.iterations = 2;
    const QList<QJsonObject> echoes = runEcho(c, plan);
    QCOMPARE(echoes.size(), 20);
    qsizetype i = 0;
    for (int iteration = 0; iteration < 2; ++iteration) {
        for (const QStringList &row : std::as_const(plan.dataRows)) {
            const QJsonObject get = echoes[i++];
            QCOMPARE(get.value(u"query"_s).toObject().value(u"id"_s).toString(), row[0]);
            QCOMPARE(get.value(u"query"_s).toObject().value(u"it"_s).toString(),
                QString::number(iteration));
            QCOMPARE(echoHeader(get, u"X-Name"_s), row[1]);
            const QJsonObject posted = echoes[i++];
            QCOMPARE(posted.value(u"body"_s).toString(), u"{\"id\": "_s + row[0] + u'}');
        }
    }
}

QTEST_GUILESS_MAIN(tst_CollectionSource)
#include "tst_collectionsource.moc"
