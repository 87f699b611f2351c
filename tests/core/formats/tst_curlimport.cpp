// Importing curl command lines: shell quoting, every supported option, errors and warnings, and
// what the built-in server receives when the imported request is sent (compared with real curl
// where it is installed).
#include "core/collection/collectionsource.h"
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/formats/curlimport.h"
#include "core/formats/shellwords.h"
#include "core/server/httpserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QString headerLines(const QList<KeyValue> &headers)
{
    QStringList lines;
    for (const KeyValue &header : headers)
        lines << header.key + u": "_s + header.value;
    return lines.join(u'\n');
}

/// What /echo saw, with header names in lower case and a multipart boundary made neutral.
struct Echo
{
    int status = 0;
    QString method;
    QString path;
    QJsonObject query;
    QHash<QString, QString> headers;
    QByteArray body;
};

Echo parseEcho(int status, const QByteArray &json)
{
    Echo echo;
    echo.status = status;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    echo.method = object.value(u"method"_s).toString();
    echo.path = object.value(u"path"_s).toString();
    echo.query = object.value(u"query"_s).toObject();
    const QJsonObject headers = object.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        echo.headers.insert(it.key().toLower(), it.value().toString());
    echo.body = object.contains(u"body_base64"_s)
        ? QByteArray::fromBase64(object.value(u"body_base64"_s).toString().toLatin1())
        : object.value(u"body"_s).toString().toUtf8();
    const QString type = echo.headers.value(u"content-type"_s);
    const qsizetype at = type.indexOf(u"boundary="_s);
    if (at >= 0) {
        const QByteArray boundary = type.mid(at + 9).toUtf8();
        echo.body.replace(boundary, "BOUNDARY");
        echo.headers[u"content-type"_s] = type.left(at + 9) + u"BOUNDARY"_s;
    }
    return echo;
}

/// The request through buildRequest() and the real engine, as the CLI would send it.
Echo sendThroughEngine(const CurlImport &imported, const QString &baseDirectory)
{
    QStringList problems;
    // As an import into a collection does: each $NAME of the paste reads the environment.
    QList<Variable> shellVariables;
    for (const QString &name : imported.shellVariables)
        shellVariables.append(environmentVariable(name));
    VariableResolver variables;
    variables.setCollectionVariables(shellVariables);
    const RequestSpec spec = buildRequest(
        imported.item.request, imported.item.request.auth, variables, baseDirectory, &problems);
    if (!problems.isEmpty())
        qWarning() << "buildRequest:" << problems;
    RunOptions options;
    options.maxRedirects = imported.followRedirects ? 10 : 0;
    options.insecure = imported.insecure;
    options.bodySampleBytes = 1 << 20;
    Run run(std::make_shared<RequestList>(QList<RequestSpec> {spec}), options);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    if (finished.isEmpty() && !finished.wait(20000))
        return {};
    const Result &result = run.results().at(0);
    return parseEcho(result.status, result.detail ? result.detail->bodySample : QByteArray());
}

/// Headers that only say who the client is or how it talks, which differ between any two
/// clients and are not fields of the request. Qt adds the no-cache pair to every GET the engine
/// sends (it asks QNetworkAccessManager's cache to stay out of the way).
bool isClientHeader(const QString &name, const QString &value)
{
    static const QStringList names {u"host"_s, u"content-length"_s, u"connection"_s,
        u"accept-encoding"_s, u"accept-language"_s, u"expect"_s};
    return names.contains(name)
        || (name == u"user-agent"_s
            && (value.startsWith(u"curl/"_s) || value.startsWith(u"rafaga/"_s)))
        || (name == u"accept"_s && value == u"*/*"_s)
        || ((name == u"cache-control"_s || name == u"pragma"_s) && value == u"no-cache"_s);
}
} // namespace

class tst_CurlImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shellWords_data();
    void shellWords();
    void shellWarnings_data();
    void shellWarnings();
    void parsesCommandLines_data();
    void parsesCommandLines();
    void defaultAccept_data();
    void defaultAccept();
    void runSettings();
    void fileBodies();
    void errorsNameTheWord_data();
    void errorsNameTheWord();
    void ignoredOptionsAreWarnings_data();
    void ignoredOptionsAreWarnings();
    void serverReceives_data();
    void serverReceives();
    void matchesRealCurl_data();
    void matchesRealCurl();
    void insecureReachesTlsServer();

private:
    void wireCases();
    QString withServer(QString command) const;

    ServerThread m_server;
    ServerThread m_tlsServer {true};
    QTemporaryDir m_dir;
    QString m_oldCurrent;
};

void tst_CurlImport::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY2(m_tlsServer.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    qputenv("RAFAGA_TEST_TOKEN", "t0k/en$'x");
    qputenv("RAFAGA_TEST_TERM", "a-b_c");
    // Files named in the command lines are relative to the folder the command runs in.
    m_oldCurrent = QDir::currentPath();
    QDir::setCurrent(m_dir.path());
    const QList<QPair<const char *, QByteArray>> files {
        {"form.txt", "a=1\nb=2\n"},
        {"data.bin", QByteArray("\x01\x02 binary\r\n\xff", 13)},
        {"message.txt", "hello world\n"},
        {"upload.txt", "uploaded text\n"},
        {"field.txt", "from a file"},
        {"body.json", "{\"from\":\"file\"}"},
    };
    for (const auto &[name, content] : files) {
        QFile file(m_dir.filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
}

void tst_CurlImport::cleanupTestCase()
{
    QDir::setCurrent(m_oldCurrent);
}

QString tst_CurlImport::withServer(QString command) const
{
    const QString base = m_server.baseUrl().toString();
    command.replace(u"%URL%"_s, base);
    command.replace(u"%TLS%"_s, m_tlsServer.baseUrl().toString());
    command.replace(u"%HOSTPORT%"_s, base.mid(base.indexOf(u"://"_s) + 3));
    return command;
}

void tst_CurlImport::shellWords_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QByteArrayList>("words");
    QTest::newRow("plain") << u"a b  c"_s << QByteArrayList {"a", "b", "c"};
    QTest::newRow("single quotes")
        << u"a 'b c' 'd\"e\\f'"_s << QByteArrayList {"a", "b c", "d\"e\\f"};
    QTest::newRow("double quotes escape only $`\"\\")
        << uR"("a\"b\$c\\d\e\`f")"_s << QByteArrayList {"a\"b$c\\d\\e`f"};
    QTest::newRow("backslash outside quotes") << u"a\\ b \\'c"_s << QByteArrayList {"a b", "'c"};
    QTest::newRow("quote inside single quotes") << u"'it'\\''s'"_s << QByteArrayList {"it's"};
    QTest::newRow("adjacent parts make one word") << u"a'b'\"c\"$'d'"_s << QByteArrayList {"abcd"};
    QTest::newRow("empty quotes are a word") << u"a '' \"\""_s << QByteArrayList {"a", "", ""};
    QTest::newRow("ANSI-C escapes") << uR"($'\n\t\\\'\"\a\e\x41\x4a2\u00e9\U0001F600\101\cA\q')"_s
                                    << QByteArrayList {"\n\t\\'\"\a\x1b"
                                                       "AJ2\xc3\xa9\xf0\x9f\x98\x80"
                                                       "A\x01\\q"};
    QTest::newRow("ANSI-C raw byte") << uR"($'\xff\xfe')"_s << QByteArrayList {"\xff\xfe"};
    QTest::newRow("ANSI-C stops at NUL") << uR"($'ab\0cd'x)"_s << QByteArrayList {"abx"};
    QTest::newRow("locale string") << u"$\"hi\""_s << QByteArrayList {"hi"};
    QTest::newRow("continuation") << u"a \\\n  b\\\nc"_s << QByteArrayList {"a", "bc"};
    QTest::newRow("CRLF continuation") << u"a \\\r\n b"_s << QByteArrayList {"a", "b"};
    QTest::newRow("continuation inside double quotes") << u"\"a\\\nb\""_s << QByteArrayList {"ab"};
    QTest::newRow("new line inside quotes stays") << u"'a\nb'"_s << QByteArrayList {"a\nb"};
    QTest::newRow("trailing backslash") << u"a b\\"_s << QByteArrayList {"a", "b"};
    QTest::newRow("comment") << u"a # b c\nd"_s << QByteArrayList {"a", "\n", "d"};
    QTest::newRow("hash inside a word") << u"a#b"_s << QByteArrayList {"a#b"};
    QTest::newRow("pipe") << u"a|b || c"_s << QByteArrayList {"a", "|", "b", "||", "c"};
    QTest::newRow("list operators")
        << u"a;b&&c & d"_s << QByteArrayList {"a", ";", "b", "&&", "c", "&", "d"};
    QTest::newRow("redirections") << u"a >out 2>/dev/null 2>&1 <in"_s
                                  << QByteArrayList {
                                         "a", ">", "out", "2>", "/dev/null", "2>&", "1", "<", "in"};
    QTest::newRow("quoted operators are text")
        << u"'|' \">\" \\;"_s << QByteArrayList {"|", ">", ";"};
    QTest::newRow("no expansion") << u"$HOME \"${X}\" $(date +%s) `id` $ $1"_s
                                  << QByteArrayList {
                                         "$HOME", "${X}", "$(date +%s)", "`id`", "$", "$1"};
    QTest::newRow("no globbing") << u"*.txt ? [a]"_s << QByteArrayList {"*.txt", "?", "[a]"};
    QTest::newRow("UTF-8") << u"'ñ😀' ü"_s
                           << QByteArrayList {"\xc3\xb1\xf0\x9f\x98\x80", "\xc3\xbc"};
}

void tst_CurlImport::shellWords()
{
    QFETCH(QString, line);
    QFETCH(QByteArrayList, words);
    const Parsed<ShellWords::Split> split = ShellWords::split(line);
    QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error().toString()));
    QByteArrayList actual;
    for (const ShellWords::Word &word : split.value().words)
        actual << word.text;
    QCOMPARE(actual, words);
}

void tst_CurlImport::shellWarnings_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("warning");
    QTest::newRow("variable") << u"curl $HOST/x"_s << u"$HOST is not expanded"_s;
    QTest::newRow("command") << u"curl \"$(cat url)\""_s << u"$(cat url) is not expanded"_s;
    QTest::newRow("tilde") << u"curl -d @x ~/a"_s << u"~ is not expanded"_s;
    QTest::newRow("NUL") << u"curl -d $'a\\0b' x"_s << u"\\0"_s;
}

void tst_CurlImport::shellWarnings()
{
    QFETCH(QString, line);
    QFETCH(QString, warning);
    const Parsed<ShellWords::Split> split = ShellWords::split(line);
    QVERIFY(split.ok());
    QVERIFY2(split.value().warnings.join(u'\n').contains(warning),
        qPrintable(split.value().warnings.join(u'\n')));
}

void tst_CurlImport::parsesCommandLines_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headers"); // "Name: value" lines in order
    QTest::addColumn<int>("bodyMode");
    QTest::addColumn<QString>("bodyText"); // text, or the file for BinaryFile
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("auth"); // "none", "basic user:pass", "bearer token"

    const int none = int(Body::Mode::None);
    const int raw = int(Body::Mode::Raw);
    const int json = int(Body::Mode::Json);
    const int file = int(Body::Mode::BinaryFile);
    const QString form = u"application/x-www-form-urlencoded"_s;

    QTest::newRow("GET") << u"curl https://api.example.com/v1/users"_s << u"GET /v1/users"_s
                         << u"GET"_s << u"https://api.example.com/v1/users"_s << QString() << none
                         << QString() << QString() << u"none"_s;
    QTest::newRow("no curl word, no scheme")
        << u"example.com"_s << u"GET /"_s << u"GET"_s << u"http://example.com"_s << QString()
        << none << QString() << QString() << u"none"_s;
    QTest::newRow("prompt and path to curl")
        << u"$ /usr/bin/curl http://h/a?x=1#f"_s << u"GET /a"_s << u"GET"_s << u"http://h/a?x=1#f"_s
        << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("-X and -H") << u"curl -X DELETE -H 'X-A: 1' -H 'X-B:two  words ' http://h/i/7"_s
                               << u"DELETE /i/7"_s << u"DELETE"_s << u"http://h/i/7"_s
                               << u"X-A: 1\nX-B: two  words"_s << none << QString() << QString()
                               << u"none"_s;
    QTest::newRow("--request --header --url")
        << u"curl --request PATCH --url http://h/ --header 'A: b'"_s << u"PATCH /"_s << u"PATCH"_s
        << u"http://h/"_s << u"A: b"_s << none << QString() << QString() << u"none"_s;
    QTest::newRow("--opt=value") << u"curl --request=PUT --header='A: b' --data=x http://h/"_s
                                 << u"PUT /"_s << u"PUT"_s << u"http://h/"_s << u"A: b"_s << raw
                                 << u"x"_s << form << u"none"_s;
    QTest::newRow("combined short flags")
        << u"curl -sSLkXPOST http://h/p"_s << u"POST /p"_s << u"POST"_s << u"http://h/p"_s
        << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("attached values")
        << u"curl -H'A: 1' -d'x=1' -XPUT http://h/"_s << u"PUT /"_s << u"PUT"_s << u"http://h/"_s
        << u"A: 1"_s << raw << u"x=1"_s << form << u"none"_s;
    QTest::newRow("-d makes a POST")
        << u"curl http://h/ -d a=1 -d b=2"_s << u"POST /"_s << u"POST"_s << u"http://h/"_s
        << QString() << raw << u"a=1&b=2"_s << form << u"none"_s;
    QTest::newRow("all the -d kinds join with &")
        << u"curl http://h/ --data a --data-ascii b --data-raw @c --data-binary d --data-urlencode 'e=f g'"_s
        << u"POST /"_s << u"POST"_s << u"http://h/"_s << QString() << raw << u"a&b&@c&d&e=f+g"_s
        << form << u"none"_s;
    QTest::newRow("--data-urlencode forms")
        << u"curl http://h/ --data-urlencode 'n=a&b=c' --data-urlencode '=x y' --data-urlencode 'ü~*'"_s
        << u"POST /"_s << u"POST"_s << u"http://h/"_s << QString() << raw
        << u"n=a%26b%3Dc&x+y&%C3%BC~%2A"_s << form << u"none"_s;
    QTest::newRow("--url-query after a trailing &")
        << u"curl --url-query a=1 'http://h/?x=1&'"_s << u"GET /"_s << u"GET"_s
        << u"http://h/?x=1&a=1"_s << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("$variables are not encoded")
        << u"curl -G --data-urlencode \"k=$id x\" http://h/"_s << u"GET /"_s << u"GET"_s
        << u"http://h/?k={{id}}+x"_s << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("{{...}} in the body is text")
        << u"curl -G --data-urlencode 'k={{id}} x' http://h/"_s << u"GET /"_s << u"GET"_s
        << u"http://h/?k=%7B%7Bid%7D%7D+x"_s << QString() << none << QString() << QString()
        << u"none"_s;
    // Mailgun's API docs (templates): a Handlebars template goes out as it is written.
    QTest::newRow("Handlebars template in -F")
        << u"curl -s --user 'api:KEY' -X POST https://api.mailgun.net/v3/D/templates "
           u"-F template='{{fname}} {{lname}}' -F engine='handlebars'"_s
        << u"POST /v3/D/templates"_s << u"POST"_s << u"https://api.mailgun.net/v3/D/templates"_s
        << QString() << int(Body::Mode::Multipart) << QString() << QString() << u"basic api:KEY"_s;
    QTest::newRow("shell variables become variables")
        << u"curl \"$BASE/u/${ID}\" -H \"T: Bearer $TOKEN\" -u \"$KEY:\" -d \"id=$ID&s='$ID'\""_s
        << u"POST {{BASE}}/u/{{ID}}"_s << u"POST"_s << u"{{BASE}}/u/{{ID}}"_s
        << u"T: Bearer {{TOKEN}}"_s << raw << u"id={{ID}}&s='{{ID}}'"_s << form
        << u"basic {{KEY}}:"_s;
    QTest::newRow("single quotes keep $ and ${...} with an operator")
        << u"curl 'http://h/$A' -d \"${B:-x}\""_s << u"POST /$A"_s << u"POST"_s << u"http://h/$A"_s
        << QString() << raw << u"${B:-x}"_s << form << u"none"_s;
    QTest::newRow("Content-Type from -H wins")
        << u"curl -H 'content-type: text/csv' -d 'a,b' http://h/"_s << u"POST /"_s << u"POST"_s
        << u"http://h/"_s << u"content-type: text/csv"_s << raw << u"a,b"_s << QString()
        << u"none"_s;
    QTest::newRow("--json") << u"curl --json '{\"a\":1}' http://h/j"_s << u"POST /j"_s << u"POST"_s
                            << u"http://h/j"_s << u"Accept: application/json"_s << json
                            << u"{\"a\":1}"_s << u"application/json"_s << u"none"_s;
    QTest::newRow("--json pieces join without &")
        << u"curl --json '[1,' --json '2]' -H 'Accept: text/plain' http://h/"_s << u"POST /"_s
        << u"POST"_s << u"http://h/"_s << u"Accept: text/plain"_s << json << u"[1,2]"_s
        << u"application/json"_s << u"none"_s;
    QTest::newRow("-G moves data to the query")
        << u"curl -G -d a=1 --data-urlencode 'b=x y' 'http://h/s?z=0#top'"_s << u"GET /s"_s
        << u"GET"_s << u"http://h/s?z=0&a=1&b=x+y#top"_s << QString() << none << QString()
        << QString() << u"none"_s;
    QTest::newRow("--url-query") << u"curl --url-query 'q=a b' --url-query '+r=a%20b' http://h/"_s
                                 << u"GET /"_s << u"GET"_s << u"http://h/?q=a+b&r=a%20b"_s
                                 << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("-I is HEAD") << u"curl -I http://h/"_s << u"HEAD /"_s << u"HEAD"_s
                                << u"http://h/"_s << QString() << none << QString() << QString()
                                << u"none"_s;
    QTest::newRow("-I -G keeps HEAD")
        << u"curl -IG -d a=1 http://h/"_s << u"HEAD /"_s << u"HEAD"_s << u"http://h/?a=1"_s
        << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("-X wins over -G")
        << u"curl -X POST -G -d a=1 http://h/"_s << u"POST /"_s << u"POST"_s << u"http://h/?a=1"_s
        << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("-u basic") << u"curl -u 'bob:pa:ss' http://h/"_s << u"GET /"_s << u"GET"_s
                              << u"http://h/"_s << QString() << none << QString() << QString()
                              << u"basic bob:pa:ss"_s;
    QTest::newRow("credentials in the URL")
        << u"curl http://al%40x:p%3Aw@h/a"_s << u"GET /a"_s << u"GET"_s << u"http://h/a"_s
        << QString() << none << QString() << QString() << u"basic al@x:p:w"_s;
    QTest::newRow("--oauth2-bearer")
        << u"curl --oauth2-bearer t0k http://h/"_s << u"GET /"_s << u"GET"_s << u"http://h/"_s
        << QString() << none << QString() << QString() << u"bearer t0k"_s;
    QTest::newRow("-b -A -e -r")
        << u"curl -b 'a=1' --cookie 'b=2' -A 'agent/1' -e 'http://r/' -r 0-99 http://h/"_s
        << u"GET /"_s << u"GET"_s << u"http://h/"_s
        << u"User-Agent: agent/1\nReferer: http://r/\nRange: bytes=0-99\nCookie: a=1;b=2"_s << none
        << QString() << QString() << u"none"_s;
    QTest::newRow("--range 600: from byte 600 to the end")
        << u"curl --range 600 http://h/"_s << u"GET /"_s << u"GET"_s << u"http://h/"_s
        << u"Range: bytes=600-"_s << none << QString() << QString() << u"none"_s;
    QTest::newRow("-H wins over -A")
        << u"curl -A one -H 'User-Agent: two' http://h/"_s << u"GET /"_s << u"GET"_s
        << u"http://h/"_s << u"User-Agent: two"_s << none << QString() << QString() << u"none"_s;
    QTest::newRow("empty header and removal")
        << u"curl -H 'X-Empty;' -H 'X-Gone: 1' -H 'X-Gone:' -e r http://h/ -H 'Referer:'"_s
        << u"GET /"_s << u"GET"_s << u"http://h/"_s << u"X-Empty: "_s << none << QString()
        << QString() << u"none"_s;
    QTest::newRow("-d @file stays a file")
        << u"curl -d @form.txt http://h/"_s << u"POST /"_s << u"POST"_s << u"http://h/"_s
        << u"Content-Type: application/x-www-form-urlencoded"_s << file << u"form.txt"_s
        << QString() << u"none"_s;
    QTest::newRow("--json @file") << u"curl --json @body.json http://h/"_s << u"POST /"_s
                                  << u"POST"_s << u"http://h/"_s
                                  << u"Content-Type: application/json\nAccept: application/json"_s
                                  << file << u"body.json"_s << QString() << u"none"_s;
    QTest::newRow("-T is PUT of a file")
        << u"curl -T upload.txt http://h/dir/"_s << u"PUT /dir/upload.txt"_s << u"PUT"_s
        << u"http://h/dir/upload.txt"_s << QString() << file << u"upload.txt"_s << QString()
        << u"none"_s;
    QTest::newRow("-- ends the options")
        << u"curl -- -weird-host"_s << u"GET /"_s << u"GET"_s << u"http://-weird-host"_s
        << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("template variables kept")
        << u"curl '{{base}}/u/{{id}}' -H 'T: {{tok}}'"_s << u"GET {{base}}/u/{{id}}"_s << u"GET"_s
        << u"{{base}}/u/{{id}}"_s << u"T: {{tok}}"_s << none << QString() << QString() << u"none"_s;
    QTest::newRow("Chrome's copy as cURL (bash)")
        << "curl 'https://x.io/api' \\\n  -H 'accept: */*' \\\n  -H 'content-type: "
           "application/json' \\\n"
           u"  --data-raw $'{\"q\":\"it\\'s\\\\n\"}' \\\n  --compressed"_s
        << u"POST /api"_s << u"POST"_s << u"https://x.io/api"_s
        << u"accept: */*\ncontent-type: application/json"_s << raw << u"{\"q\":\"it's\\n\"}"_s
        << QString() << u"none"_s;
    QTest::newRow("piped into jq")
        << u"curl -s http://h/ | jq .name"_s << u"GET /"_s << u"GET"_s << u"http://h/"_s
        << QString() << none << QString() << QString() << u"none"_s;
    QTest::newRow("printf into @-")
        << u"printf 'a\\000b%%\\047' | curl --data-binary @- http://h/"_s << u"POST /"_s
        << u"POST"_s << u"http://h/"_s << QString() << raw << QString::fromUtf8("a\0b%'", 5) << form
        << u"none"_s;
    QTest::newRow("echo into @-") << u"echo -n hi there | curl -d @- http://h/"_s << u"POST /"_s
                                  << u"POST"_s << u"http://h/"_s << QString() << raw
                                  << u"hi there"_s << form << u"none"_s;
    QTest::newRow("cat into @-") << u"cat body.json | curl --data-binary @- http://h/"_s
                                 << u"POST /"_s << u"POST"_s << u"http://h/"_s
                                 << u"Content-Type: application/x-www-form-urlencoded"_s << file
                                 << u"body.json"_s << QString() << u"none"_s;
    QTest::newRow("< into @-") << u"curl --data-binary @- http://h/ < body.json > out 2>&1"_s
                               << u"POST /"_s << u"POST"_s << u"http://h/"_s
                               << u"Content-Type: application/x-www-form-urlencoded"_s << file
                               << u"body.json"_s << QString() << u"none"_s;
}

void tst_CurlImport::parsesCommandLines()
{
    QFETCH(QString, command);
    QFETCH(QString, name);
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QString, headers);
    QFETCH(int, bodyMode);
    QFETCH(QString, bodyText);
    QFETCH(QString, contentType);
    QFETCH(QString, auth);

    const Parsed<CurlImport> imported = importCurl(command);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const CollectionItem &item = imported.value().item;
    const RequestItem &request = item.request;
    QCOMPARE(item.kind, CollectionItem::Kind::Request);
    QCOMPARE(item.name, name);
    QCOMPARE(request.method, method);
    QCOMPARE(request.url, url);
    // "Accept: */*" is curl's own default, written in first (defaultAccept() checks it).
    QStringList lines = headerLines(request.headers).split(u'\n', Qt::SkipEmptyParts);
    if (!headers.contains("Accept"_L1, Qt::CaseInsensitive))
        QVERIFY(lines.removeOne(u"Accept: */*"_s));
    QCOMPARE(lines.join(u'\n'), headers);
    QCOMPARE(int(request.body.mode), bodyMode);
    if (request.body.mode == Body::Mode::BinaryFile)
        QCOMPARE(request.body.filePath, bodyText);
    else
        QCOMPARE(request.body.text, bodyText);
    if (request.body.mode == Body::Mode::Raw || request.body.mode == Body::Mode::Json) {
        QCOMPARE(request.body.contentType, contentType);
        QCOMPARE(imported.value().body, bodyText.toUtf8());
    }
    QString actualAuth = u"none"_s;
    if (request.auth.type == Auth::Type::Basic)
        actualAuth = u"basic "_s + request.auth.username + u':' + request.auth.password;
    else if (request.auth.type == Auth::Type::Bearer)
        actualAuth = u"bearer "_s + request.auth.token;
    else
        QCOMPARE(request.auth.type, Auth::Type::None);
    QCOMPARE(actualAuth, auth);
}

void tst_CurlImport::defaultAccept_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("accept"); // the Accept lines of the imported request
    QTest::newRow("curl's default") << u"curl http://h/"_s << u"Accept: */*"_s;
    QTest::newRow("-H sets it") << u"curl -H 'accept: text/html' http://h/"_s
                                << u"accept: text/html"_s;
    QTest::newRow("-H removes it") << u"curl -H 'Accept:' http://h/"_s << QString();
    QTest::newRow("--json") << u"curl --json '{}' http://h/"_s << u"Accept: application/json"_s;
}

void tst_CurlImport::defaultAccept()
{
    // curl sends "Accept: */*" unless told otherwise; the import writes it in, so that Rafaga,
    // which sends only the request's headers, sends it too.
    QFETCH(QString, command);
    QFETCH(QString, accept);
    const Parsed<CurlImport> imported = importCurl(command);
    QVERIFY(imported.ok());
    QStringList lines;
    for (const KeyValue &header : imported.value().item.request.headers) {
        if (header.key.compare("accept"_L1, Qt::CaseInsensitive) == 0)
            lines << header.key + u": "_s + header.value;
    }
    QCOMPARE(lines.join(u'\n'), accept);
}

void tst_CurlImport::runSettings()
{
    const Parsed<CurlImport> plain = importCurl(u"curl http://h/"_s);
    QVERIFY(plain.ok());
    QCOMPARE(plain.value().insecure, false);
    QCOMPARE(plain.value().followRedirects, false);
    QCOMPARE(plain.value().maxRedirects, -1);
    QCOMPARE(plain.value().timeoutMs, 0);
    QCOMPARE(plain.value().retries, -1);

    const Parsed<CurlImport> all
        = importCurl(u"curl -kL --max-redirs 3 -m 2.5 --retry 4 http://h/"_s);
    QVERIFY(all.ok());
    QCOMPARE(all.value().insecure, true);
    QCOMPARE(all.value().followRedirects, true);
    QCOMPARE(all.value().maxRedirects, 3);
    QCOMPARE(all.value().timeoutMs, 2500);
    QCOMPARE(all.value().retries, 4);

    const Parsed<CurlImport> off
        = importCurl(u"curl -k -L --no-insecure --no-location http://h/"_s);
    QVERIFY(off.ok());
    QCOMPARE(off.value().insecure, false);
    QCOMPARE(off.value().followRedirects, false);

    // The plain overload puts what it cannot return into the warnings.
    QStringList warnings;
    const Parsed<CollectionItem> item = importCurl(u"curl -k -L http://h/"_s, &warnings);
    QVERIFY(item.ok());
    QCOMPARE(item.value().request.url, u"http://h/"_s);
    QVERIFY(warnings.join(u'\n').contains(u"-k"_s));
    QVERIFY(warnings.join(u'\n').contains(u"-L"_s));
}

void tst_CurlImport::fileBodies()
{
    // Combined with other data, a -d file is read now with its line breaks dropped, as curl does.
    const Parsed<CurlImport> joined = importCurl(u"curl -d x=0 -d @form.txt http://h/"_s);
    QVERIFY2(joined.ok(), qPrintable(joined.ok() ? QString() : joined.error().toString()));
    QCOMPARE(joined.value().body, QByteArray("x=0&a=1b=2"));
    QCOMPARE(joined.value().item.request.body.mode, Body::Mode::Raw);

    const Parsed<CurlImport> encoded = importCurl(
        u"curl --data-urlencode msg@message.txt --data-urlencode @field.txt http://h/"_s);
    QVERIFY(encoded.ok());
    QCOMPARE(encoded.value().body, QByteArray("msg=hello+world%0A&from+a+file"));
    QVERIFY(encoded.value().warnings.join(u'\n').contains(u"message.txt"_s));

    const Parsed<CurlImport> form
        = importCurl("curl -F 'a=<field.txt' -F 'b=@upload.txt;type=text/plain' -F 'c=\"x;y\"' "
                     u"--form-string 'd=@literal' -F 'e=v;type=text/x;charset=utf-8' http://h/"_s);
    QVERIFY2(form.ok(), qPrintable(form.ok() ? QString() : form.error().toString()));
    const Body &body = form.value().item.request.body;
    QCOMPARE(body.mode, Body::Mode::Multipart);
    const QList<FormPart> expected {
        {u"a"_s, u"from a file"_s, false, QString(), true},
        {u"b"_s, u"upload.txt"_s, true, u"text/plain"_s, true},
        {u"c"_s, u"x;y"_s, false, QString(), true},
        {u"d"_s, u"@literal"_s, false, QString(), true},
        {u"e"_s, u"v"_s, false, u"text/x; charset=utf-8"_s, true},
    };
    QCOMPARE(body.parts, expected);
    QCOMPARE(form.value().item.request.method, u"POST"_s);

    const Parsed<CurlImport> binary = importCurl(u"curl --data-binary $'\\xff\\x00' http://h/"_s);
    QVERIFY(binary.ok());
    QCOMPARE(binary.value().body, QByteArray("\xff")); // a shell ends the argument at the NUL
    QVERIFY(binary.value().warnings.join(u'\n').contains(u"UTF-8"_s));
}

void tst_CurlImport::errorsNameTheWord_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown long option")
        << u"curl --frobnicate http://h/"_s << u"word 2 (--frobnicate)"_s << u"unknown"_s;
    QTest::newRow("unknown letter") << u"curl -s% http://h/"_s << u"word 2 (-%)"_s << u"unknown"_s;
    QTest::newRow("open single quote")
        << u"curl 'http://h/"_s << u"word 2, character 6"_s << u"single quote"_s;
    QTest::newRow("open double quote")
        << u"curl -H \"A: b"_s << u"word 3, character 9"_s << u"double quote"_s;
    QTest::newRow("open $'") << u"curl -d $'abc"_s << u"word 3, character 9"_s << u"$'"_s;
    QTest::newRow("open $(") << u"curl $(date"_s << u"word 2, character 6"_s << u"$("_s;
    QTest::newRow("missing value") << u"curl http://h/ -H"_s << u"word 3 (-H)"_s << u"value"_s;
    QTest::newRow("value is an operator")
        << u"curl http://h/ -d | x"_s << u"word 3 (-d)"_s << u"value"_s;
    QTest::newRow("not a header") << u"curl -H NoColon http://h/"_s << u"word 3 (-H)"_s
                                  << u"Name: value"_s;
    QTest::newRow("headers from a file")
        << u"curl -H @h.txt http://h/"_s << u"word 3 (-H)"_s << u"file"_s;
    QTest::newRow("second URL") << u"curl http://a/ http://b/"_s << u"word 3 (http://b/)"_s
                                << u"second URL"_s;
    QTest::newRow("no URL") << u"curl -s"_s << QString() << u"no URL"_s;
    QTest::newRow("empty") << u"  \n "_s << QString() << u"empty"_s;
    QTest::newRow("-d with -F") << u"curl -d a -F b=c http://h/"_s << u"word 5 (-F)"_s
                                << u"-F cannot"_s;
    QTest::newRow("-I with -d") << u"curl -I -d a http://h/"_s << u"word 4 (-I)"_s << u"-I"_s;
    QTest::newRow("-T with -d") << u"curl -T upload.txt -d a http://h/"_s << u"word 3 (-T)"_s
                                << u"-T"_s;
    QTest::newRow("config file") << u"curl -K opts http://h/"_s << u"word 3 (-K)"_s << u"file"_s;
    QTest::newRow("--next") << u"curl http://a/ --next http://b/"_s << u"word 3 (--next)"_s
                            << u"second request"_s;
    QTest::newRow("two commands") << u"curl http://a/; curl http://b/"_s << u"word 4 (curl)"_s
                                  << u"second command"_s;
    QTest::newRow("lines without continuation")
        << u"curl http://a/\n  -H 'A: b'"_s << u"word 4 (-H)"_s << u"second command"_s;
    QTest::newRow("subshell") << u"(curl http://a/)"_s << u"word 1 (()"_s << u"subshell"_s;
    QTest::newRow("--no- on a value option")
        << u"curl --no-data x http://h/"_s << u"word 2 (--no-data)"_s << u"--no-"_s;
    QTest::newRow("value given to a flag")
        << u"curl --insecure=yes http://h/"_s << u"word 2 (--insecure)"_s << u"no value"_s;
    QTest::newRow("stdin nobody feeds")
        << u"curl -d @- http://h/"_s << u"word 3 (-d)"_s << u"standard input"_s;
    QTest::newRow("stdin from a program")
        << u"date | curl -d @- http://h/"_s << u"word 5 (-d)"_s << u"date"_s;
    QTest::newRow("missing file") << u"curl -d a -d @nope.txt http://h/"_s << u"word 5 (-d)"_s
                                  << u"nope.txt"_s;
    QTest::newRow("several files in a field")
        << u"curl -F 'f=@a,b' http://h/"_s << u"word 3 (-F)"_s << u"several files"_s;
    QTest::newRow("bad number") << u"curl --max-time soon http://h/"_s << u"word 3 (--max-time)"_s
                                << u"number"_s;
    QTest::newRow("pipe from nothing") << u"| curl http://h/"_s << u"word 1 (|)"_s << u"pipe"_s;
    QTest::newRow("pipe into nothing")
        << u"curl http://h/ | | jq"_s << u"word 3 (|)"_s << u"pipe"_s;
    QTest::newRow("redirection without a file")
        << u"curl http://h/ >"_s << u"word 3 (>)"_s << u"redirection"_s;
}

void tst_CurlImport::errorsNameTheWord()
{
    QFETCH(QString, command);
    QFETCH(QString, place);
    QFETCH(QString, message);
    const Parsed<CurlImport> imported = importCurl(command);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().place, place);
    QVERIFY2(imported.error().message.contains(message), qPrintable(imported.error().message));
}

void tst_CurlImport::ignoredOptionsAreWarnings_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("warning");
    QTest::newRow("output options") << u"curl -sSv -o out.json -w '%{http_code}' -i http://h/"_s
                                    << u"-s, -S, -v, -o out.json, -w %{http_code}, -i"_s;
    QTest::newRow("connection options")
        << u"curl --max-filesize 1 --http2 --connect-timeout 3 http://h/"_s
        << u"--max-filesize 1, --http2, --connect-timeout 3"_s;
    QTest::newRow("--compressed") << u"curl --compressed http://h/"_s << u"decompresses"_s;
    QTest::newRow("proxy") << u"curl -x http://proxy:3128 http://h/"_s << u"ignored -x"_s;
    QTest::newRow("digest") << u"curl --digest -u a:b http://h/"_s << u"--digest"_s;
    QTest::newRow("cookie file") << u"curl -b jar.txt http://h/"_s << u"jar.txt"_s;
    QTest::newRow("no password") << u"curl -u bob http://h/"_s << u"password"_s;
    QTest::newRow("-d @file line breaks") << u"curl -d @form.txt http://h/"_s << u"line breaks"_s;
    QTest::newRow("pipe") << u"curl http://h/ | jq ."_s << u"jq"_s;
    QTest::newRow("output redirection") << u"curl http://h/ > out.json"_s << u"> out.json"_s;
    QTest::newRow("variable") << u"curl \"$BASE/x\""_s << u"$BASE"_s;
    QTest::newRow("auto referer") << u"curl -e 'http://r/;auto' http://h/"_s << u";auto"_s;
    QTest::newRow("no content type")
        << u"curl -H 'Content-Type:' -d a http://h/"_s << u"text/plain"_s;
    QTest::newRow("-T without a type") << u"curl -T upload.txt http://h/"_s << u"extension"_s;
    QTest::newRow("form filename")
        << u"curl -F 'f=@upload.txt;filename=x.txt' http://h/"_s << u"filename="_s;
}

void tst_CurlImport::ignoredOptionsAreWarnings()
{
    QFETCH(QString, command);
    QFETCH(QString, warning);
    const Parsed<CurlImport> imported = importCurl(command);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const QString warnings = imported.value().warnings.join(u'\n');
    QVERIFY2(warnings.contains(warning), qPrintable(warnings));
}

void tst_CurlImport::wireCases()
{
    // What the server must receive. Headers: "name: value" must be there, "!name" must not.
    // sameAsCurl: real curl sends the same (false where Rafaga knowingly differs).
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query"); // compact JSON of the decoded query
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("sameAsCurl");
    const QString ct = u"content-type: application/x-www-form-urlencoded"_s;
    const QString get = u"GET"_s;
    const QString post = u"POST"_s;
    const QString echo = u"/echo"_s;
    const QString noQuery = u"{}"_s;

    QTest::newRow("GET") << u"curl -s %URL%/echo"_s << get << echo << noQuery
                         << QStringList {u"!content-type"_s} << QByteArray() << true;
    QTest::newRow("-X -d") << u"curl -s -X PUT %URL%/echo -d 'a=1 2'"_s << u"PUT"_s << echo
                           << noQuery << QStringList {ct} << QByteArray("a=1 2") << true;
    QTest::newRow("-H several") << u"curl -s -H 'X-One: 1' -H'X-Two: two words' %URL%/echo"_s << get
                                << echo << noQuery
                                << QStringList {u"x-one: 1"_s, u"x-two: two words"_s}
                                << QByteArray() << true;
    QTest::newRow("-d joined") << u"curl -s %URL%/echo -d a=1 --data b=2 --data-ascii c=3"_s << post
                               << echo << noQuery << QStringList {ct} << QByteArray("a=1&b=2&c=3")
                               << true;
    QTest::newRow("--data-raw @") << u"curl -s %URL%/echo --data-raw @notafile"_s << post << echo
                                  << noQuery << QStringList {ct} << QByteArray("@notafile") << true;
    QTest::newRow("--data-binary $''")
        << u"curl -s %URL%/echo --data-binary $'line1\\nline2\\tcaf\\u00e9 \\x41'"_s << post << echo
        << noQuery << QStringList {ct} << QByteArray("line1\nline2\tcaf\xc3\xa9 A") << true;
    QTest::newRow("--data-binary @file")
        << u"curl -s %URL%/echo --data-binary @data.bin"_s << post << echo << noQuery
        << QStringList {ct} << QByteArray("\x01\x02 binary\r\n\xff", 13) << true;
    // Shell variables come from the environment (initTestCase sets these two), as in a shell;
    // single quotes keep them literal, and so is a {{...}} in the body.
    QTest::newRow("$VAR in a header")
        << u"curl -s -H \"Authorization: Bearer $RAFAGA_TEST_TOKEN\" %URL%/echo"_s << get << echo
        << noQuery << QStringList {u"authorization: Bearer t0k/en$'x"_s} << QByteArray() << true;
    QTest::newRow("-u \"${VAR}:\"")
        << u"curl -s -u \"${RAFAGA_TEST_TOKEN}:\" %URL%/echo"_s << get << echo << noQuery
        << QStringList {u"authorization: Basic dDBrL2VuJCd4Og=="_s} << QByteArray() << true;
    QTest::newRow("'$VAR' and {{...}} are text")
        << u"curl -s -H 'X-Literal: $RAFAGA_TEST_TOKEN' %URL%/echo -d '{\"t\":\"{{name}}\"}'"_s
        << post << echo << noQuery << QStringList {u"x-literal: $RAFAGA_TEST_TOKEN"_s, ct}
        << QByteArray("{\"t\":\"{{name}}\"}") << true;
    QTest::newRow("$VAR in --data-urlencode and the URL")
        << u"curl -s -G --data-urlencode \"q=$RAFAGA_TEST_TERM\" --data-urlencode 'b={{x}}' "
           u"%URL%/echo?from=$RAFAGA_TEST_TERM"_s
        << get << echo << u"{\"b\":\"{{x}}\",\"from\":\"a-b_c\",\"q\":\"a-b_c\"}"_s
        << QStringList {} << QByteArray() << true;
    QTest::newRow("-d @file") << u"curl -s %URL%/echo -d @form.txt"_s << post << echo << noQuery
                              << QStringList {ct} << QByteArray("a=1\nb=2\n") << false;
    QTest::newRow("--data-urlencode")
        << u"curl -s %URL%/echo --data-urlencode 'q=a b&c' --data-urlencode '=x y' "
           "--data-urlencode msg@message.txt"_s
        << post << echo << noQuery << QStringList {ct}
        << QByteArray("q=a+b%26c&x+y&msg=hello+world%0A") << true;
    QTest::newRow("--json") << u"curl -s %URL%/echo --json '{\"a\":1}'"_s << post << echo << noQuery
                            << QStringList {u"content-type: application/json"_s,
                                   u"accept: application/json"_s}
                            << QByteArray("{\"a\":1}") << true;
    QTest::newRow("-F")
        << u"curl -s %URL%/echo -F 'name=value' -F 'f=@upload.txt;type=text/plain'"_s << post
        << echo << noQuery
        << QStringList {u"content-type: multipart/form-data; boundary=BOUNDARY"_s}
        << QByteArray("--BOUNDARY\r\nContent-Disposition: form-data; name=\"name\""
                      "\r\n\r\nvalue\r\n--BOUNDARY\r\nContent-Disposition: "
                      "form-data; name=\"f\"; filename=\"upload.txt\"\r\n"
                      "Content-Type: text/plain\r\n\r\nuploaded text\n\r\n"
                      "--BOUNDARY--\r\n")
        << true;
    QTest::newRow("-u") << u"curl -s -u 'bob:s3 cret' %URL%/echo"_s << get << echo << noQuery
                        << QStringList {u"authorization: Basic Ym9iOnMzIGNyZXQ="_s} << QByteArray()
                        << true;
    QTest::newRow("--oauth2-bearer")
        << u"curl -s --oauth2-bearer tok %URL%/echo"_s << get << echo << noQuery
        << QStringList {u"authorization: Bearer tok"_s} << QByteArray() << true;
    QTest::newRow("-b -A -e -r")
        << u"curl -s -b a=1 -b b=2 -A agent/1 -e http://ref/ -r 0-9 %URL%/echo"_s << get << echo
        << noQuery
        << QStringList {u"cookie: a=1;b=2"_s, u"user-agent: agent/1"_s, u"referer: http://ref/"_s,
               u"range: bytes=0-9"_s}
        << QByteArray() << true;
    QTest::newRow("-G") << u"curl -s -G -d a=1 --data-urlencode 'b=x y' '%URL%/echo?z=0'"_s << get
                        << echo << uR"({"a":"1","b":"x+y","z":"0"})"_s
                        << QStringList {u"!content-type"_s} << QByteArray() << true;
    QTest::newRow("--url-query") << u"curl -s --url-query 'q=a b' %URL%/echo"_s << get << echo
                                 << uR"({"q":"a+b"})"_s << QStringList() << QByteArray() << true;
    QTest::newRow("--compressed") << u"curl -s --compressed %URL%/echo"_s << get << echo << noQuery
                                  << QStringList() << QByteArray() << true;
    QTest::newRow("-L") << u"curl -sL %URL%/redirect/2"_s << get << u"/get"_s << noQuery
                        << QStringList() << QByteArray() << true;
    QTest::newRow("--url, -sSLXPOST") << u"curl -sSLXPOST --url %URL%/echo"_s << post << echo
                                      << noQuery << QStringList() << QByteArray() << true;
    QTest::newRow("--opt=value") << u"curl -s --header='X-A: 1' --data=b %URL%/echo"_s << post
                                 << echo << noQuery << QStringList {u"x-a: 1"_s} << QByteArray("b")
                                 << false; // curl 7.88 has no --opt=value yet
    QTest::newRow("no scheme") << u"curl -s %HOSTPORT%/echo"_s << get << echo << noQuery
                               << QStringList() << QByteArray() << true;
    QTest::newRow("continuations")
        << u"curl -s \\\n  %URL%/echo \\\n  -H 'X-A: 1' \\\n  -d x"_s << post << echo << noQuery
        << QStringList {u"x-a: 1"_s} << QByteArray("x") << true;
    QTest::newRow("Content-Type from -H")
        << u"curl -s -H 'Content-Type: text/csv' -d 'a,b' %URL%/echo"_s << post << echo << noQuery
        << QStringList {u"content-type: text/csv"_s} << QByteArray("a,b") << true;
    // curl's way to send a header with an empty value (a null value would make Qt drop it).
    QTest::newRow("empty header") << u"curl -s -H 'X-Empty;' %URL%/echo"_s << get << echo << noQuery
                                  << QStringList {u"x-empty: "_s} << QByteArray() << true;
    QTest::newRow("credentials in the URL")
        << u"curl -s http://u:p@%HOSTPORT%/echo"_s << get << echo << noQuery
        << QStringList {u"authorization: Basic dTpw"_s} << QByteArray() << true;
    QTest::newRow("printf pipe")
        << u"printf 'a%%b\\047\\001' | curl -s --data-binary @- %URL%/echo"_s << post << echo
        << noQuery << QStringList {ct} << QByteArray("a%b'\x01") << true;
    QTest::newRow("< file") << u"curl -s --data-binary @- %URL%/echo < data.bin"_s << post << echo
                            << noQuery << QStringList {ct}
                            << QByteArray("\x01\x02 binary\r\n\xff", 13) << true;
    // curl sends no Content-Type with -T; a file body is labelled by its extension here.
    QTest::newRow("-T") << u"curl -s -T upload.txt %URL%/echo"_s << u"PUT"_s << echo << noQuery
                        << QStringList() << QByteArray("uploaded text\n") << false;
    QTest::newRow("empty -d") << u"curl -s -d '' %URL%/echo"_s << post << echo << noQuery
                              << QStringList {ct} << QByteArray() << true;
}

void tst_CurlImport::serverReceives_data()
{
    wireCases();
}

void tst_CurlImport::serverReceives()
{
    QFETCH(QString, command);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QStringList, headers);
    QFETCH(QByteArray, body);

    const Parsed<CurlImport> imported = importCurl(withServer(command));
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const Echo echo = sendThroughEngine(imported.value(), m_dir.path());
    QCOMPARE(echo.status, 200);
    QCOMPARE(echo.method, method);
    QCOMPARE(echo.path, path);
    QCOMPARE(QString::fromUtf8(QJsonDocument(echo.query).toJson(QJsonDocument::Compact)), query);
    for (const QString &expected : std::as_const(headers)) {
        if (expected.startsWith(u'!')) {
            QVERIFY2(!echo.headers.contains(expected.mid(1)), qPrintable(expected));
            continue;
        }
        const qsizetype colon = expected.indexOf(u':');
        QCOMPARE(echo.headers.value(expected.left(colon)), expected.mid(colon + 2));
    }
    if (path == u"/echo"_s)
        QCOMPARE(echo.body, body);
}

void tst_CurlImport::matchesRealCurl_data()
{
    wireCases();
}

void tst_CurlImport::matchesRealCurl()
{
    QFETCH(QString, command);
    QFETCH(bool, sameAsCurl);
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty() || bash.isEmpty())
        QSKIP("curl and bash are needed to compare with real curl");
    if (!sameAsCurl)
        QSKIP("Rafaga and this curl knowingly differ here (see the comment on the row)");

    // The same text through a real shell and real curl...
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(bash, {u"-c"_s, withServer(command)});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const Echo curl = parseEcho(200, process.readAllStandardOutput());
    // ...and through the importer and the engine.
    const Parsed<CurlImport> imported = importCurl(withServer(command));
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const Echo rafaga = sendThroughEngine(imported.value(), m_dir.path());

    QCOMPARE(rafaga.method, curl.method);
    QCOMPARE(rafaga.path, curl.path);
    QCOMPARE(rafaga.query, curl.query);
    QCOMPARE(rafaga.body, curl.body);
    QStringList fromCurl;
    QStringList fromRafaga;
    for (auto it = curl.headers.cbegin(); it != curl.headers.cend(); ++it) {
        if (!isClientHeader(it.key(), it.value()))
            fromCurl << it.key() + u": "_s + it.value();
    }
    for (auto it = rafaga.headers.cbegin(); it != rafaga.headers.cend(); ++it) {
        if (!isClientHeader(it.key(), it.value()))
            fromRafaga << it.key() + u": "_s + it.value();
    }
    fromCurl.sort();
    fromRafaga.sort();
    QCOMPARE(fromRafaga.join(u'\n'), fromCurl.join(u'\n'));
}

void tst_CurlImport::insecureReachesTlsServer()
{
    // The server's certificate is self-signed: only -k lets the request through.
    for (const bool insecure : {false, true}) {
        const QString command
            = withServer(insecure ? u"curl -k %TLS%/echo"_s : u"curl %TLS%/echo"_s);
        const Parsed<CurlImport> imported = importCurl(command);
        QVERIFY(imported.ok());
        QCOMPARE(imported.value().insecure, insecure);
        const Echo echo = sendThroughEngine(imported.value(), m_dir.path());
        QCOMPARE(echo.status, insecure ? 200 : 0);
    }
}

QTEST_GUILESS_MAIN(tst_CurlImport)
#include "tst_curlimport.moc"
