#include "core/formats/importer.h"

#include "core/base/jsonreader.h"
#include "core/collection/collectionfile.h"
#include "core/formats/curlimport.h"
#include "core/formats/harimport.h"
#include "core/formats/postmanimport.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Importer)
};

} // namespace

QString importFormatName(ImportResult::Format format)
{
    switch (format) {
    case ImportResult::Format::Native:
        return Tr::tr("Rafaga collection");
    case ImportResult::Format::Postman:
        return Tr::tr("Postman collection");
    case ImportResult::Format::Har:
        return Tr::tr("HAR file");
    case ImportResult::Format::Curl:
        return Tr::tr("curl command");
    }
    return QString();
}

Parsed<ImportResult> importCollection(const QByteArray &data, const QString &fileName)
{
    ImportResult result;
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty())
        return ParseError {fileName, QString(), Tr::tr("the input is empty")};

    if (trimmed.startsWith("curl") || trimmed.startsWith("$ curl")) {
        const QString command
            = QString::fromUtf8(trimmed.startsWith("$ ") ? trimmed.mid(2) : trimmed);
        Parsed<CurlImport> curl = importCurl(command);
        if (!curl)
            return ParseError {fileName, curl.error().place, curl.error().message};
        result.format = ImportResult::Format::Curl;
        result.collection.name = Tr::tr("Imported from curl");
        result.collection.items.append(curl.value().item);
        result.collection.run.insecure = curl.value().insecure;
        result.collection.run.maxRedirects = curl.value().maxRedirects >= 0
            ? curl.value().maxRedirects
            : (curl.value().followRedirects ? 10 : 0);
        if (curl.value().timeoutMs > 0)
            result.collection.run.timeoutMs = curl.value().timeoutMs;
        if (curl.value().retries >= 0)
            result.collection.run.retries = curl.value().retries;
        result.notes = curl.value().warnings;
        return result;
    }

    if (!trimmed.startsWith('{'))
        return ParseError {fileName, QString(),
            Tr::tr("not a collection: expected JSON (a Rafaga or Postman collection, a "
                   "HAR file) or a curl command")};

    // Parsed once; each reader walks the same document. Broken JSON fails here, at its place.
    const Parsed<JsonDocument> parsed = parseJsonDocument(data, fileName);
    if (!parsed)
        return parsed.error();
    const JsonDocument &document = parsed.value();
    const QJsonObject &root = document.root;
    if (root.value(QLatin1String("format")).toString()
        == QLatin1String(CollectionFile::FormatTag)) {
        Parsed<Collection> native = readCollection(document);
        if (!native)
            return native.error();
        result.collection = std::move(native).value();
        return result;
    }
    if (looksLikeHar(root)) {
        Parsed<Collection> har = importHar(document, &result.notes);
        if (!har)
            return har.error();
        result.format = ImportResult::Format::Har;
        result.collection = std::move(har).value();
        return result;
    }
    if (looksLikePostmanCollection(root) || root.isEmpty()) {
        Parsed<Collection> postman = importPostmanCollection(document, &result.notes);
        if (!postman)
            return postman.error();
        result.format = ImportResult::Format::Postman;
        result.collection = std::move(postman).value();
        return result;
    }
    return ParseError {fileName, QString(),
        Tr::tr("unrecognised JSON: expected a Rafaga collection (\"format\": "
               "\"rafaga-collection\"), a Postman collection (\"info\" and \"item\") or "
               "a HAR file (\"log\" with \"entries\")")};
}
