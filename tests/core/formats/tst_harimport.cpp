// HAR 1.2 import: browser recordings become requests, without the headers Qt writes itself.
#include "core/formats/harimport.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

char *toString(const KeyValue &row)
{
    return QTest::toString(
        u"{%1=%2 enabled=%3}"_s.arg(row.key, row.value, row.enabled ? u"yes"_s : u"no"_s));
}

char *toString(const FormPart &part)
{
    return QTest::toString(u"{%1=%2 file=%3 type=%4}"_s.arg(
        part.name, part.value, part.isFile ? u"yes"_s : u"no"_s, part.contentType));
}

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(RAFAGA_TESTDATA_DIR "/har/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList names(const QList<CollectionItem> &items)
{
    QStringList list;
    for (const CollectionItem &item : items)
        list.append(item.name);
    return list;
}

KeyValue header(const QString &name, const QString &value)
{
    return {name, value, true, QString()};
}

} // namespace

class tst_HarImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsHar_data();
    void detectsHar();
    void browserExportOverHttp2();
    void formsAndCookies();
    void skipsAnEntryWithoutUrl();
    void bareRequestIsOneEntry();
    void dropsHeaderNamesHttpCannotSend();
    void paramsAreEncodedOnce();
    void reportsErrors_data();
    void reportsErrors();
};

void tst_HarImport::detectsHar_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("har");
    QTest::newRow("Chrome") << fixture(u"chrome-http2.har"_s) << true;
    QTest::newRow("Firefox") << fixture(u"firefox-forms.har"_s) << true;
    QTest::newRow("no entries array") << R"({"log":{"version":"1.2"}})"_ba << false;
    QTest::newRow("Postman") << R"({"info":{"name":"x"},"item":[]})"_ba << false;
    QTest::newRow("not JSON") << "GET / HTTP/1.1"_ba << false;
}

void tst_HarImport::detectsHar()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, har);
    QCOMPARE(looksLikeHar(json), har);
}

void tst_HarImport::browserExportOverHttp2()
{
    QStringList skipped;
    const auto parsed = importHar(fixture(u"chrome-http2.har"_s), u"chrome-http2.har"_s, &skipped);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const Collection &collection = parsed.value();
    QCOMPARE(collection.name, u"https://shop.example.com/products?q=lamp"_s);
    QVERIFY(collection.description.contains(u"WebInspector"_s));

    // Two hosts, still in the recorded order (a run sends them so); the websocket is left out.
    QCOMPARE(names(collection.items),
        (QStringList {u"GET /api/products"_s, u"POST /api/cart"_s, u"GET /img/lamp.png"_s,
            u"POST /login"_s}));
    QVERIFY(!collection.items.at(0).isFolder());

    const RequestItem &products = collection.items.at(0).request;
    QCOMPARE(products.method, u"GET"_s);
    QCOMPARE(products.url, u"https://shop.example.com/api/products?q=lamp&page=2"_s);
    QVERIFY(products.params.isEmpty());
    // Sent as recorded, Accept-Encoding too (the fast path decodes gzip and deflate whoever
    // asked for them).
    const QList<KeyValue> productHeaders {
        header(u"accept"_s, u"application/json"_s),
        header(u"accept-encoding"_s, u"gzip, deflate, br, zstd"_s),
        header(u"accept-language"_s, u"es-ES,es;q=0.9,en;q=0.8"_s),
        header(u"cookie"_s, u"session=abc123; theme=dark"_s),
        header(u"referer"_s, u"https://shop.example.com/products?q=lamp"_s),
        header(u"sec-fetch-mode"_s, u"cors"_s),
        header(u"user-agent"_s,
            u"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/124.0.0.0 Safari/537.36"_s),
    };
    QCOMPARE(products.headers, productHeaders);
    QCOMPARE(products.body.mode, Body::Mode::None);

    const RequestItem &cart = collection.items.at(1).request;
    QCOMPARE(cart.method, u"POST"_s);
    QCOMPARE(cart.headers,
        (QList<KeyValue> {header(u"content-type"_s, u"application/json"_s),
            header(u"origin"_s, u"https://shop.example.com"_s)}));
    QCOMPARE(cart.body.mode, Body::Mode::Json);
    QCOMPARE(cart.body.text, u"{\"sku\":\"LAMP-1\",\"qty\":2}"_s);

    // The urlencoded text is decoded into fields; the sender encodes them again.
    const Body &login = collection.items.at(3).request.body;
    QCOMPARE(login.mode, Body::Mode::FormUrlEncoded);
    QCOMPARE(login.form,
        (QList<KeyValue> {header(u"email"_s, u"ana@example.com"_s),
            header(u"password"_s, u"p&ss word"_s), header(u"remember"_s, QString())}));

    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.at(0),
        u"log.entries[3]: wss://shop.example.com/live is not an HTTP request; skipped"_s);
}

void tst_HarImport::formsAndCookies()
{
    QStringList skipped;
    const auto parsed
        = importHar(fixture(u"firefox-forms.har"_s), u"firefox-forms.har"_s, &skipped);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const Collection &collection = parsed.value();
    QCOMPARE(collection.name, u"Lamp admin"_s);

    // One host: no folders.
    QCOMPARE(names(collection.items),
        (QStringList {u"GET /admin/status"_s, u"POST /admin/products"_s, u"POST /admin/notes"_s,
            u"POST /admin/search"_s, u"DELETE /admin/products/17"_s}));

    // No Cookie header was recorded: one is made from the cookies array. Host goes.
    const RequestItem &status = collection.items.at(0).request;
    QCOMPARE(status.url, u"http://localhost:8080/admin/status"_s);
    QCOMPARE(status.headers,
        (QList<KeyValue> {header(u"User-Agent"_s,
                              u"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 "
                              "Firefox/125.0"_s),
            header(u"Accept"_s, u"*/*"_s), header(u"Accept-Encoding"_s, u"gzip, deflate, br"_s),
            header(u"Connection"_s, u"keep-alive"_s),
            header(u"Cookie"_s, u"sid=xyz789; lang=es"_s)}));

    // Multipart params become parts; the recorded boundary's Content-Type goes.
    const CollectionItem &product = collection.items.at(1);
    QCOMPARE(product.description, u"Adding a product with its photo"_s);
    QCOMPARE(
        product.request.headers, QList<KeyValue> {header(u"Origin"_s, u"http://localhost:8080"_s)});
    QCOMPARE(product.request.body.mode, Body::Mode::Multipart);
    const QList<FormPart> parts {{u"title"_s, u"Desk lamp"_s, false, QString(), true},
        {u"photo"_s, u"lamp.png"_s, true, u"image/png"_s, true}};
    QCOMPARE(product.request.body.parts, parts);

    // A recorded Cookie header wins over the cookies array.
    const RequestItem &notes = collection.items.at(2).request;
    QCOMPARE(notes.url, u"http://localhost:8080/admin/notes?draft=1"_s);
    QCOMPARE(notes.headers,
        (QList<KeyValue> {header(u"Content-Type"_s, u"text/plain;charset=UTF-8"_s),
            header(u"Cookie"_s, u"sid=xyz789"_s)}));
    QCOMPARE(notes.body.mode, Body::Mode::Raw);
    QCOMPARE(notes.body.text, u"hello\nworld"_s);
    QCOMPARE(notes.body.contentType, u"text/plain;charset=UTF-8"_s);

    const Body &search = collection.items.at(3).request.body;
    QCOMPARE(search.mode, Body::Mode::FormUrlEncoded);
    QCOMPARE(search.form,
        (QList<KeyValue> {header(u"q"_s, u"desk lamp"_s), header(u"in"_s, u"titles"_s)}));

    const RequestItem &remove = collection.items.at(4).request;
    QCOMPARE(remove.method, u"DELETE"_s);
    QCOMPARE(remove.body.mode, Body::Mode::None);
    QCOMPARE(remove.headers, QList<KeyValue> {header(u"X-Requested-With"_s, u"XMLHttpRequest"_s)});

    QStringList expected {
        u"log.entries[0] \"GET /admin/status\": Cookie header made from the recorded cookies"_s,
        u"log.entries[1] \"POST /admin/products\": form part \"photo\" refers to the file "
        "\"lamp.png\", whose content a HAR does not hold"_s,
    };
    QCOMPARE(skipped, expected);
}

void tst_HarImport::skipsAnEntryWithoutUrl()
{
    QStringList notes;
    const Parsed<Collection> imported = importHar(
        R"({"log":{"entries":[{"request":{"method":"GET","url":""}},
            {"request":{"method":"GET"}},
            {"request":{"method":"POST","url":"http://a/b","headers":[]}}]}})"_ba,
        u"x.har"_s, &notes);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported.value().items.size(), 1);
    QCOMPARE(imported.value().items.first().name, u"POST /b"_s);
    QCOMPARE(notes,
        QStringList({u"log.entries[0]: the entry has no URL; skipped"_s,
            u"log.entries[1]: the entry has no URL; skipped"_s}));
}

void tst_HarImport::bareRequestIsOneEntry()
{
    // Insomnia imports a HAR request object on its own; so does Rafaga, with a note.
    const QByteArray bare = R"({"method":"PUT","url":"http://a/b?x=1","httpVersion":"HTTP/1.1",
        "headers":[{"name":"Accept-Encoding","value":"gzip"}],
        "postData":{"mimeType":"text/plain","text":"hi"}})"_ba;
    QVERIFY(looksLikeHar(bare));
    QVERIFY(!looksLikeHar(R"({"method":"PUT","url":"http://a/b","item":[]})"_ba));
    QStringList notes;
    const Parsed<Collection> imported = importHar(bare, u"x.har"_s, &notes);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    QCOMPARE(imported.value().items.size(), 1);
    const RequestItem &request = imported.value().items.first().request;
    QCOMPARE(request.method, u"PUT"_s);
    QCOMPARE(request.url, u"http://a/b?x=1"_s);
    QCOMPARE(request.headers,
        QList<KeyValue>({KeyValue {u"Accept-Encoding"_s, u"gzip"_s, true, {}}}));
    QCOMPARE(request.body.text, u"hi"_s);
    QCOMPARE(notes, QStringList {u"a bare HAR request, read as the one entry of a HAR file"_s});
}

void tst_HarImport::dropsHeaderNamesHttpCannotSend()
{
    // Seen in a WebPageTest HAR: request lines among the headers. They are left out (each named
    // once) instead of refusing the whole run later.
    QStringList notes;
    const Parsed<Collection> imported = importHar(
        R"({"log":{"entries":[{"request":{"method":"GET","url":"http://a/1","headers":[
            {"name":"GET /1 HTTP/1.1","value":""},{"name":"Bad Name","value":"x"},
            {"name":"a:b","value":"y"},{"name":":authority","value":"a"},{"name":"X-Ok","value":"1"}]}},
            {"request":{"method":"GET","url":"http://a/2","headers":[{"name":"Bad Name","value":"z"}]}}]}})"_ba,
        u"x.har"_s, &notes);
    QVERIFY(imported.ok());
    QCOMPARE(imported.value().items.at(0).request.headers,
        QList<KeyValue>({KeyValue {u"X-Ok"_s, u"1"_s, true, {}}}));
    QVERIFY(imported.value().items.at(1).request.headers.isEmpty());
    QCOMPARE(notes.size(), 3);
    QVERIFY2(notes.join(u'\n').contains(u"\"Bad Name\""_s), qPrintable(notes.join(u'\n')));
}

void tst_HarImport::paramsAreEncodedOnce()
{
    // A browser records an urlencoded body's params as they were in the body: percent-encoded.
    const Parsed<Collection> imported = importHar(
        R"({"log":{"entries":[{"request":{"method":"POST","url":"http://a/p","headers":[],
            "postData":{"mimeType":"application/x-www-form-urlencoded",
            "params":[{"name":"q","value":"hello%20world"},{"name":"r","value":"a+b%26c"}]}}}]}})"_ba,
        u"x.har"_s);
    QVERIFY(imported.ok());
    const Body &body = imported.value().items.at(0).request.body;
    QCOMPARE(body.mode, Body::Mode::FormUrlEncoded);
    QCOMPARE(body.form,
        QList<KeyValue>({KeyValue {u"q"_s, u"hello world"_s, true, {}},
            KeyValue {u"r"_s, u"a b&c"_s, true, {}}}));
}

void tst_HarImport::reportsErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken JSON") << "{\"log\": {\n\"entries\": [,]}}"_ba << u"2:"_s
                                 << u"invalid JSON"_s;
    QTest::newRow("array at the top") << "[]"_ba << u"1:1"_s << u"\"log\""_s;
    QTest::newRow("no log") << R"({"entries":[]})"_ba << u"log"_s << u"expected an object"_s;
    QTest::newRow("entries not an array")
        << R"({"log":{"entries":{}}})"_ba << u"log.entries"_s << u"expected an array"_s;
    QTest::newRow("entry not an object")
        << R"({"log":{"entries":[{"request":{"method":"GET","url":"http://a/"}},"x"]}})"_ba
        << u"log.entries[1]"_s << u"expected an object"_s;
    QTest::newRow("no request") << R"({"log":{"entries":[{"response":{}}]}})"_ba
                                << u"log.entries[0].request"_s << u"expected an object"_s;
    QTest::newRow("url of a wrong type")
        << R"({"log":{"entries":[{"request":{"method":"GET","url":[]}}]}})"_ba
        << u"log.entries[0].request.url"_s << u"expected a string"_s;
    QTest::newRow("no method") << R"({"log":{"entries":[{"request":{"url":"http://a/"}}]}})"_ba
                               << u"log.entries[0].request.method"_s << u"method"_s;
    QTest::newRow("headers not an array")
        << R"({"log":{"entries":[{"request":{"method":"GET","url":"http://a/","headers":{}}}]}})"_ba
        << u"log.entries[0].request.headers"_s << u"expected an array"_s;
    QTest::newRow("header value of a wrong type")
        << R"({"log":{"entries":[{"request":{"method":"GET","url":"http://a/",
              "headers":[{"name":"A","value":"1"},{"name":"B","value":{}}]}}]}})"_ba
        << u"log.entries[0].request.headers[1].value"_s << u"expected a string"_s;
    QTest::newRow("cookie not an object")
        << R"({"log":{"entries":[{"request":{"method":"GET","url":"http://a/","cookies":[1]}}]}})"_ba
        << u"log.entries[0].request.cookies[0]"_s << u"expected an object"_s;
    QTest::newRow("postData not an object")
        << R"({"log":{"entries":[{"request":{"method":"POST","url":"http://a/","postData":"x"}}]}})"_ba
        << u"log.entries[0].request.postData"_s << u"expected an object"_s;
    QTest::newRow("param not an object")
        << R"({"log":{"entries":[{"request":{"method":"POST","url":"http://a/",
              "postData":{"mimeType":"multipart/form-data","params":[null]}}}]}})"_ba
        << u"log.entries[0].request.postData.params[0]"_s << u"expected an object"_s;
}

void tst_HarImport::reportsErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QFETCH(QString, message);
    QStringList skipped;
    const auto parsed = importHar(json, u"bad.har"_s, &skipped);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, u"bad.har"_s);
    if (place.endsWith(u':'))
        QVERIFY2(parsed.error().place.startsWith(place), qPrintable(parsed.error().place));
    else
        QCOMPARE(parsed.error().place, place);
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    QVERIFY(skipped.isEmpty());
}

QTEST_GUILESS_MAIN(tst_HarImport)
#include "tst_harimport.moc"
