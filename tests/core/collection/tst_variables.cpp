// Variable substitution: precedence of the five layers, built-ins, unresolved names, nesting, and
// secret values kept in the user's settings.
#include "core/collection/dynamicvariables.h"
#include "core/collection/requestbuilder.h"
#include "core/collection/runplan.h"
#include "core/collection/secretstore.h"
#include "core/collection/variables.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
QList<Variable> vars(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QList<Variable> list;
    for (const auto &[name, value] : pairs)
        list.append({QString::fromUtf8(name), QString::fromUtf8(value)});
    return list;
}
} // namespace

class tst_Variables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void precedence_data();
    void precedence();
    void disabledVariablesDoNotCount();
    void builtIns();
    void postmanDynamicVariables();
    void environmentAndLiteralBraces();
    void environmentCredentialsAreSecret();
    void unresolvedNamesAreReported();
    void spacesInsideBraces();
    void textThatIsNotAVariable_data();
    void textThatIsNotAVariable();
    void valuesUseOtherVariables();
    void cyclesAreUnresolvedNotEndless();
    void referencedAndReachableNames();
    void secretsComeFromTheLookup();
    void secretStoreKeepsValuesApart();
    void secretStoreDefaultsToTheUsersSettings();

private:
    QTemporaryDir m_dir;
};

void tst_Variables::initTestCase()
{
    // Never touch the real user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_Variables::precedence_data()
{
    // Which layers define {{v}}, as a bit mask: 1 collection, 2 outer folder, 4 inner folder,
    // 8 environment, 16 command line, 32 data row. The highest layer present wins.
    QTest::addColumn<int>("layers");
    QTest::addColumn<QString>("expected");
    QTest::newRow("collection only") << 1 << u"collection"_s;
    QTest::newRow("outer folder over collection") << 3 << u"outer"_s;
    QTest::newRow("inner folder over outer") << 7 << u"inner"_s;
    QTest::newRow("inner folder without outer") << 5 << u"inner"_s;
    QTest::newRow("environment over folders") << 15 << u"environment"_s;
    QTest::newRow("command line over environment") << 31 << u"cli"_s;
    QTest::newRow("data row over everything") << 63 << u"row"_s;
    QTest::newRow("data row over collection") << 33 << u"row"_s;
    QTest::newRow("command line alone") << 16 << u"cli"_s;
    QTest::newRow("nothing") << 0 << QString();
}

void tst_Variables::precedence()
{
    QFETCH(int, layers);
    QFETCH(QString, expected);
    VariableResolver r;
    // Set the layers in the reverse of their precedence: the order of calls must not matter.
    if (layers & 32)
        r.setDataRow({u"v"_s}, {u"row"_s});
    if (layers & 16)
        r.setCommandLineVariables({{u"v"_s, u"cli"_s}});
    if (layers & 8)
        r.setEnvironmentVariables(vars({{"v", "environment"}}));
    r.addFolderVariables((layers & 2) ? vars({{"v", "outer"}}) : QList<Variable>());
    r.addFolderVariables((layers & 4) ? vars({{"v", "inner"}}) : QList<Variable>());
    if (layers & 1)
        r.setCollectionVariables(vars({{"v", "collection"}}));

    QStringList unresolved;
    QCOMPARE(r.resolve(u"[{{v}}]"_s, &unresolved), u'[' + expected + u']');
    QCOMPARE(unresolved.isEmpty(), !expected.isNull());
    QCOMPARE(r.value(u"v"_s).has_value(), !expected.isNull());
}

void tst_Variables::disabledVariablesDoNotCount()
{
    VariableResolver r;
    r.setCollectionVariables(vars({{"v", "collection"}}));
    QList<Variable> environment = vars({{"v", "environment"}, {"w", "only here"}});
    environment[0].enabled = false;
    environment[1].enabled = false;
    r.setEnvironmentVariables(environment);
    QStringList unresolved;
    QCOMPARE(r.resolve(u"{{v}}{{w}}"_s, &unresolved), u"collection"_s);
    QCOMPARE(unresolved, QStringList {u"w"_s});
}

void tst_Variables::postmanDynamicVariables()
{
    // Postman's documented dynamic variables resolve, to values of their kind, new at each use.
    VariableResolver r;
    QStringList unresolved;
    const QString email = r.resolve(u"{{$randomEmail}}"_s, &unresolved);
    QVERIFY2(QRegularExpression(u"^[A-Za-z0-9.]+@[a-z.-]+\\.[a-z]+$"_s).match(email).hasMatch(),
        qPrintable(email));
    QVERIFY(!QUuid::fromString(r.resolve(u"{{$randomUUID}}"_s)).isNull());
    QCOMPARE(r.resolve(u"{{$randomAlphaNumeric}}"_s).size(), 1);
    QVERIFY(!r.resolve(u"{{$randomFirstName}}"_s).isEmpty());
    QVERIFY(QRegularExpression(u"^#[0-9a-f]{6}$"_s)
                .match(r.resolve(u"{{$randomHexColor}}"_s))
                .hasMatch());
    QVERIFY(QHostAddress().setAddress(r.resolve(u"{{$randomIP}}"_s)));
    QVERIFY(QHostAddress().setAddress(r.resolve(u"{{$randomIPV6}}"_s)));
    QVERIFY(unresolved.isEmpty());
    // Every name resolves to something, and an unknown $name is still refused.
    for (const QString &name : postmanDynamicVariableNames()) {
        QVERIFY2(!r.resolve(u"{{"_s + name + u"}}"_s, &unresolved).isEmpty(), qPrintable(name));
        QVERIFY2(VariableResolver::isBuiltIn(name), qPrintable(name));
    }
    QVERIFY(unresolved.isEmpty());
    QVERIFY(postmanDynamicVariableNames().size() >= 90);
    r.resolve(u"{{$randomNothing}}"_s, &unresolved);
    QCOMPARE(unresolved, QStringList {u"$randomNothing"_s});
}

void tst_Variables::environmentAndLiteralBraces()
{
    qputenv("RAFAGA_VARIABLES_TEST", "from the environment");
    qunsetenv("RAFAGA_VARIABLES_UNSET");
    VariableResolver r;
    // What a pasted curl command's $NAME becomes: a collection variable reading the environment.
    r.setCollectionVariables({{u"tok"_s, u"{{$env.RAFAGA_VARIABLES_TEST}}"_s, true, false},
        {u"gone"_s, u"{{$env.RAFAGA_VARIABLES_UNSET}}"_s, true, false}});
    QCOMPARE(r.resolve(u"Bearer {{tok}}"_s), u"Bearer from the environment"_s);
    QStringList unresolved;
    QCOMPARE(r.resolve(u"[{{gone}}]"_s, &unresolved), u"[]"_s);
    QCOMPARE(unresolved, QStringList {u"$env.RAFAGA_VARIABLES_UNSET"_s});
    QCOMPARE(unresolvedProblem(unresolved + QStringList {u"id"_s}),
        u"unresolved variable {{id}}; the environment variable RAFAGA_VARIABLES_UNSET is not set"_s);
    // The command line still wins over the environment, as --var should.
    r.setCommandLineVariables({{u"tok"_s, u"given"_s}});
    QCOMPARE(r.resolve(u"{{tok}}"_s), u"given"_s);
    QVERIFY(!VariableResolver::isBuiltIn(u"$env."_s));
    QVERIFY(!VariableResolver::isBuiltIn(u"$env.1X"_s));
    QVERIFY(!VariableResolver::isBuiltIn(u"$env.A-B"_s));
    // A literal "{{" is written {{$openBraces}}; what it makes is not read again.
    QCOMPARE(r.resolve(QLatin1String(TemplateLiteralOpenBraces) + u"tok}} {{tok}}"_s),
        u"{{tok}} given"_s);
    QCOMPARE(
        VariableResolver::referencedNames(u"{{$openBraces}}x}}"_s), QStringList {u"$openBraces"_s});
}

void tst_Variables::environmentCredentialsAreSecret()
{
    qputenv("RAFAGA_TEST_GH_TOKEN", "ghp_secret_value");
    qputenv("RAFAGA_TEST_BASE", "http://base.example");
    Collection collection;
    collection.variables
        = {{u"RAFAGA_TEST_GH_TOKEN"_s, u"{{$env.RAFAGA_TEST_GH_TOKEN}}"_s, true, false},
            {u"RAFAGA_TEST_BASE"_s, u"{{$env.RAFAGA_TEST_BASE}}"_s, true, false},
            {u"auth"_s, u"Bearer {{$env.RAFAGA_TEST_BASE}}"_s, true, false}};
    const QStringList secrets = secretValues(collection, {}, std::nullopt);
    // A token's value is masked; a base URL is not, unless the variable is named like a secret.
    QVERIFY(secrets.contains(u"ghp_secret_value"_s));
    QCOMPARE(secrets.count(u"http://base.example"_s), 1);
    collection.variables.removeLast();
    QVERIFY(!secretValues(collection, {}, std::nullopt).contains(u"http://base.example"_s));
}

void tst_Variables::builtIns()
{
    VariableResolver r;
    r.setIndex(41);
    r.setIteration(3);
    QCOMPARE(r.resolve(u"{{$index}}/{{$iteration}}"_s), u"41/3"_s);

    const QStringList uuids = r.resolve(u"{{$uuid}} {{$uuid}}"_s).split(u' ');
    QCOMPARE(uuids.size(), 2);
    QVERIFY(!QUuid::fromString(uuids[0]).isNull());
    QVERIFY(!QUuid::fromString(uuids[1]).isNull());
    QVERIFY(uuids[0] != uuids[1]); // a new one at each use

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const qint64 timestamp = r.resolve(u"{{$timestamp}}"_s).toLongLong();
    const QDateTime iso
        = QDateTime::fromString(r.resolve(u"{{$isoTimestamp}}"_s), Qt::ISODateWithMs);
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(timestamp >= before && timestamp <= after);
    QVERIFY(iso.isValid());
    QVERIFY(iso.toSecsSinceEpoch() >= before && iso.toSecsSinceEpoch() <= after);

    QSet<int> seen;
    for (int i = 0; i < 2000; ++i) {
        bool ok = false;
        const int value = r.resolve(u"{{$randomInt}}"_s).toInt(&ok);
        QVERIFY(ok);
        QVERIFY(value >= 0 && value <= 1000);
        seen.insert(value);
    }
    QVERIFY(seen.size() > 100);
}

void tst_Variables::unresolvedNamesAreReported()
{
    VariableResolver r;
    r.setCollectionVariables(vars({{"x", "X"}}));
    QStringList unresolved;
    // Not sent as literal braces: replaced by nothing, and each name reported once.
    QCOMPARE(r.resolve(u"a{{missing}}b{{x}}c{{missing}}{{$nope}}"_s, &unresolved), u"abXc"_s);
    QCOMPARE(unresolved, (QStringList {u"missing"_s, u"$nope"_s}));
    QVERIFY(!r.value(u"missing"_s));
}

void tst_Variables::spacesInsideBraces()
{
    VariableResolver r;
    r.setCollectionVariables(vars({{"user.id", "7"}}));
    QCOMPARE(r.resolve(u"{{ user.id }}|{{user.id  }}|{{\tuser.id}}"_s), u"7|7|7"_s);
    // Postman allows any character but braces in a name.
    r.setEnvironmentVariables(
        vars({{"fo/o", "alpha"}, {"b\\ar", "beta"}, {"my var", "gamma"}, {"a:b@c", "delta"}}));
    QStringList unresolved;
    QCOMPARE(r.resolve(u"{{fo/o}}|{{b\\ar}}|{{my var}}|{{a:b@c}}|{{no such/name}}"_s, &unresolved),
        u"alpha|beta|gamma|delta|"_s);
    QCOMPARE(unresolved, QStringList {u"no such/name"_s});
}

void tst_Variables::textThatIsNotAVariable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("JSON object in braces") << u"{{\"a\":1}}"_s << u"{{\"a\":1}}"_s;
    QTest::newRow("empty braces") << u"{{}}"_s << u"{{}}"_s;
    QTest::newRow("single braces") << u"{v}"_s << u"{v}"_s;
    QTest::newRow("line break inside") << u"{{a\nb}}"_s << u"{{a\nb}}"_s;
    QTest::newRow("unclosed") << u"{{v"_s << u"{{v"_s;
    QTest::newRow("extra brace around a variable") << u"{{{v}}}"_s << u"{V}"_s;
    QTest::newRow("lone dollar") << u"{{$}}"_s << u"{{$}}"_s;
}

void tst_Variables::textThatIsNotAVariable()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    VariableResolver r;
    r.setCollectionVariables(vars({{"v", "V"}}));
    QStringList unresolved;
    QCOMPARE(r.resolve(text, &unresolved), expected);
    QVERIFY(unresolved.isEmpty());
}

void tst_Variables::valuesUseOtherVariables()
{
    VariableResolver r;
    r.setCollectionVariables(vars({{"host", "example.org"}}));
    r.setEnvironmentVariables(vars({{"base", "https://{{host}}/{{version}}"}}));
    r.setDataRow({u"version"_s, u"raw"_s}, {u"v2"_s, u"{{host}}"_s});
    QCOMPARE(r.resolve(u"{{base}}/users"_s), u"https://example.org/v2/users"_s);
    // A row's value is data: braces in it are sent as they are.
    QCOMPARE(r.resolve(u"{{raw}}"_s), u"{{host}}"_s);
    r.setCommandLineVariables({{u"cli"_s, u"{{host}}"_s}});
    QCOMPARE(r.resolve(u"{{cli}}"_s), u"{{host}}"_s);
}

void tst_Variables::cyclesAreUnresolvedNotEndless()
{
    VariableResolver r;
    r.setCollectionVariables(vars({{"a", "<{{b}}>"}, {"b", "({{a}})"}, {"self", "{{self}}"}}));
    QStringList unresolved;
    r.resolve(u"{{a}}{{self}}"_s, &unresolved);
    QVERIFY(unresolved.contains(u"a"_s));
    QVERIFY(unresolved.contains(u"self"_s));

    // Doubling at each level would need 2^40 characters: it stops instead of eating the memory.
    QList<Variable> doubling;
    for (int i = 0; i < 40; ++i)
        doubling.append({u"d"_s + QString::number(i), QStringLiteral("{{d%1}}{{d%1}}").arg(i + 1)});
    doubling.append({u"d40"_s, u"xxxxxxxx"_s});
    r.setCollectionVariables(doubling);
    unresolved.clear();
    const QString huge = r.resolve(u"{{d0}}"_s, &unresolved);
    QVERIFY(!unresolved.isEmpty());
    QVERIFY(huge.size() <= 16 * 1024 * 1024);
}

void tst_Variables::referencedAndReachableNames()
{
    QCOMPARE(VariableResolver::referencedNames(u"{{a}}/{{ b }}/{{a}}/{{$uuid}}/{{\"no\"}}"_s),
        (QStringList {u"a"_s, u"b"_s, u"$uuid"_s}));
    QVERIFY(VariableResolver::referencedNames(u"plain"_s).isEmpty());

    VariableResolver r;
    r.setCollectionVariables(vars({{"base", "{{scheme}}://{{host}}"}, {"host", "{{name}}.org"}}));
    r.setDataRow({u"base"_s}, {u"shadowing"_s});
    // The row may shadow "base", but a row lacking it falls back to the collection's, so the
    // names behind it are still reachable.
    QCOMPARE(r.reachableNames({u"base"_s, u"$index"_s}),
        (QSet<QString> {u"base"_s, u"scheme"_s, u"host"_s, u"name"_s, u"$index"_s}));
}

void tst_Variables::secretsComeFromTheLookup()
{
    QList<Variable> collection {{u"token"_s, QString(), true, true},
        {u"inMemory"_s, u"typed"_s, true, true}, {u"notStored"_s, QString(), true, true}};
    QList<Variable> environment {{u"token"_s, QString(), true, true}};
    QStringList asked;
    const SecretLookup lookup = [&asked](const QString &scope, const QString &name) {
        asked.append(scope + u'/' + name);
        if (name == u"token")
            return std::optional<QString>(scope == u"env" ? u"env-secret"_s : u"col-secret"_s);
        return std::optional<QString>();
    };
    VariableResolver r;
    r.setCollectionVariables(collection, lookup, u"col"_s);
    QCOMPARE(r.resolve(u"{{token}}"_s), u"col-secret"_s);
    QCOMPARE(r.resolve(u"{{inMemory}}"_s), u"typed"_s);
    // A secret with no value on this machine is reported, not sent empty.
    QStringList unresolved;
    r.resolve(u"{{notStored}}"_s, &unresolved);
    QCOMPARE(unresolved, QStringList {u"notStored"_s});
    r.setEnvironmentVariables(environment, lookup, u"env"_s);
    QCOMPARE(r.resolve(u"{{token}}"_s), u"env-secret"_s);
    QVERIFY(asked.contains(u"col/token"_s));
    QVERIFY(asked.contains(u"env/token"_s));
}

void tst_Variables::secretStoreKeepsValuesApart()
{
    const QString settings = m_dir.filePath(u"secrets.ini"_s);
    SecretStore store(settings);
    const QString fileA = m_dir.filePath(u"a.rafaga.json"_s);
    const QString fileB = m_dir.filePath(u"b.rafaga.json"_s);
    const QString folder = SecretStore::folderScope({u"Users"_s, u"Admin/Ops"_s});
    const QString env = SecretStore::environmentScope(u"Staging"_s);

    QVERIFY(!store.value(fileA, env, u"token"_s));
    QVERIFY(store.setValue(fileA, env, u"token"_s, u"A-env"_s));
    QVERIFY(store.setValue(fileA, folder, u"token"_s, u"A-folder"_s));
    QVERIFY(store.setValue(fileA, SecretStore::collectionScope(), u"token"_s, u"A-col"_s));
    QVERIFY(store.setValue(fileB, env, u"token"_s, u"B-env"_s));
    QVERIFY(store.setValue(fileA, env, u"odd/name=x"_s, u"ünï cødé"_s));

    // A fresh store on the same file reads what the first wrote; nothing collides.
    SecretStore other(settings);
    QCOMPARE(other.value(fileA, env, u"token"_s), u"A-env"_s);
    QCOMPARE(other.value(fileA, folder, u"token"_s), u"A-folder"_s);
    QCOMPARE(other.value(fileA, SecretStore::collectionScope(), u"token"_s), u"A-col"_s);
    QCOMPARE(other.value(fileB, env, u"token"_s), u"B-env"_s);
    QCOMPARE(other.value(fileA, env, u"odd/name=x"_s), u"ünï cødé"_s);
    // The same file named by a relative path is the same collection.
    QCOMPARE(other.value(QDir::current().relativeFilePath(fileA), env, u"token"_s), u"A-env"_s);
    QCOMPARE(other.lookupFor(fileB)(env, u"token"_s), u"B-env"_s);

    QVERIFY(other.remove(fileA, env, u"token"_s));
    QVERIFY(!store.value(fileA, env, u"token"_s));
    QCOMPARE(store.value(fileB, env, u"token"_s), u"B-env"_s);

    // Credentials: readable by the owner only.
    QCOMPARE(QFileInfo(settings).permissions() & (QFile::ReadGroup | QFile::ReadOther),
        QFile::Permissions());
}

void tst_Variables::secretStoreDefaultsToTheUsersSettings()
{
    const QString testConfig
        = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    SecretStore store;
    QVERIFY2(store.fileName().startsWith(testConfig), qPrintable(store.fileName()));
    const QString file = m_dir.filePath(u"c.rafaga.json"_s);
    QVERIFY(store.setValue(file, SecretStore::collectionScope(), u"k"_s, u"v"_s));
    QCOMPARE(SecretStore().value(file, SecretStore::collectionScope(), u"k"_s), u"v"_s);
    QVERIFY(store.remove(file, SecretStore::collectionScope(), u"k"_s));
}

QTEST_GUILESS_MAIN(tst_Variables)
#include "tst_variables.moc"
