// Reads the native collection file, *.rafaga.json, with errors at their line and column.
#include "core/collection/collectionfile.h"

#include "core/base/jsonreader.h"
#include "core/collection/collectionfields.h"

#include <QCoreApplication>
#include <QFile>

#include <cmath>
#include <type_traits>

using namespace CollectionFields;
using JsonPath::element;
using JsonPath::field;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectionFile)
};

/// Reads parent[key], an array of objects, one element at a time: read(element, its path). Stops
/// at the first error.
template<typename Read>
auto readList(JsonReader &r, const QJsonObject &parent, const QString &parentPath,
    QLatin1StringView key, Read read)
{
    QList<std::invoke_result_t<Read, const QJsonObject &, const QString &>> list;
    const QString path = field(parentPath, key);
    const QJsonArray array = r.array(parent, parentPath, key);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString at = element(path, i);
        list.append(read(r.element(array.at(i), at), at));
    }
    return list;
}

/// The "name" of a variable, header, parameter or form field, which must be there: a row written
/// without one (Postman's files say "key") would otherwise be dropped without a word.
QString readName(JsonReader &r, const QJsonObject &o, const QString &at)
{
    if (!r.failed() && !o.contains("name"_L1)) {
        r.fail(field(at, "name"_L1),
            o.contains("key"_L1)
                ? Tr::tr("expected \"name\"; this entry has \"key\", Postman's spelling: rename "
                         "it to \"name\"")
                : Tr::tr("expected \"name\""));
    }
    return r.string(o, at, "name"_L1);
}

QList<Variable> readVariables(JsonReader &r, const QJsonObject &parent, const QString &parentPath)
{
    return readList(
        r, parent, parentPath, "variables"_L1, [&r](const QJsonObject &o, const QString &at) {
            Variable variable;
            variable.name = readName(r, o, at);
            variable.value = r.string(o, at, "value"_L1);
            variable.enabled = r.boolean(o, at, "enabled"_L1, true);
            variable.secret = r.boolean(o, at, "secret"_L1, false);
            return variable;
        });
}

QList<KeyValue> readKeyValues(
    JsonReader &r, const QJsonObject &parent, const QString &parentPath, QLatin1StringView key)
{
    return readList(r, parent, parentPath, key, [&r](const QJsonObject &o, const QString &at) {
        KeyValue row;
        row.key = readName(r, o, at);
        // null: a query key sent alone ("?pretty"); absent: an empty value ("?pretty=").
        if (!o.value("value"_L1).isNull()) {
            row.value = r.string(o, at, "value"_L1);
            if (row.value.isNull())
                row.value = u""_s;
        }
        row.description = r.string(o, at, "description"_L1);
        row.enabled = r.boolean(o, at, "enabled"_L1, true);
        return row;
    });
}

/// Reads parent["auth"]; its unknown fields go to parentUnknown["auth"].
Auth readAuth(
    JsonReader &r, const QJsonObject &parent, const QString &parentPath, QJsonObject &parentUnknown)
{
    Auth auth;
    const QString path = field(parentPath, "auth"_L1);
    const QJsonObject o = r.object(parent, parentPath, "auth"_L1);
    auth.type = Auth::Type(r.enumeration(o, path, "type"_L1, AuthTypes, 0));
    auth.username = r.string(o, path, "username"_L1);
    auth.password = r.string(o, path, "password"_L1);
    auth.token = r.string(o, path, "token"_L1);
    auth.key = r.string(o, path, "key"_L1);
    auth.value = r.string(o, path, "value"_L1);
    auth.location = Auth::ApiKeyLocation(r.enumeration(o, path, "in"_L1, ApiKeyLocations, 0));
    if (const QJsonObject unknown = unknownOf(o, AuthKeys); !unknown.isEmpty())
        parentUnknown.insert("auth"_L1, unknown);
    return auth;
}

Body readBody(
    JsonReader &r, const QJsonObject &parent, const QString &parentPath, QJsonObject &parentUnknown)
{
    Body body;
    const QString path = field(parentPath, "body"_L1);
    const QJsonObject o = r.object(parent, parentPath, "body"_L1);
    body.mode = Body::Mode(r.enumeration(o, path, "mode"_L1, BodyModes, 0));
    body.contentType = r.string(o, path, "contentType"_L1);
    body.text = r.string(o, path, "text"_L1);
    body.form = readKeyValues(r, o, path, "form"_L1);
    body.parts = readList(r, o, path, "parts"_L1, [&r](const QJsonObject &p, const QString &at) {
        FormPart part;
        part.name = readName(r, p, at);
        part.isFile = p.contains("file"_L1);
        if (part.isFile && p.contains("value"_L1))
            r.fail(at, Tr::tr("expected either \"value\" or \"file\", not both"));
        part.value = r.string(p, at, part.isFile ? "file"_L1 : "value"_L1);
        part.contentType = r.string(p, at, "contentType"_L1);
        part.enabled = r.boolean(p, at, "enabled"_L1, true);
        return part;
    });
    body.filePath = r.string(o, path, "file"_L1);
    if (const QJsonObject unknown = unknownOf(o, BodyKeys); !unknown.isEmpty())
        parentUnknown.insert("body"_L1, unknown);
    return body;
}

/// An enumeration that must be there: absent, the error lists its names.
template<std::size_t N>
int requiredEnumeration(JsonReader &r, const QJsonObject &o, const QString &at,
    QLatin1StringView key, const QLatin1StringView (&names)[N])
{
    if (!o.contains(key))
        r.fail(field(at, key), JsonReader::choices(names, N));
    return r.enumeration(o, at, key, names, 0);
}

QList<Assertion> readAssertions(JsonReader &r, const QJsonObject &parent, const QString &parentPath)
{
    return readList(
        r, parent, parentPath, "assertions"_L1, [&r](const QJsonObject &o, const QString &at) {
            Assertion assertion;
            assertion.kind
                = Assertion::Kind(requiredEnumeration(r, o, at, "type"_L1, AssertionKinds));
            assertion.target = r.string(o, at, "target"_L1);
            assertion.expected = r.string(o, at, "expected"_L1);
            assertion.enabled = r.boolean(o, at, "enabled"_L1, true);
            return assertion;
        });
}

QList<Capture> readCaptures(JsonReader &r, const QJsonObject &parent, const QString &parentPath)
{
    return readList(
        r, parent, parentPath, "captures"_L1, [&r](const QJsonObject &o, const QString &at) {
            Capture capture;
            capture.variable = r.string(o, at, "variable"_L1);
            if (!r.failed() && capture.variable.trimmed().isEmpty())
                r.fail(field(at, "variable"_L1), Tr::tr("expected the name of a variable"));
            capture.source
                = Capture::Source(requiredEnumeration(r, o, at, "from"_L1, CaptureSources));
            capture.expression = r.string(o, at, "expression"_L1);
            capture.enabled = r.boolean(o, at, "enabled"_L1, true);
            return capture;
        });
}

RequestItem readRequest(
    JsonReader &r, const QJsonObject &item, const QString &itemPath, QJsonObject &itemUnknown)
{
    RequestItem request;
    const QString path = field(itemPath, "request"_L1);
    const QJsonObject o = r.object(item, itemPath, "request"_L1);
    if (o.contains("method"_L1))
        request.method = r.string(o, path, "method"_L1);
    request.url = r.string(o, path, "url"_L1);
    request.params = readKeyValues(r, o, path, "params"_L1);
    request.headers = readKeyValues(r, o, path, "headers"_L1);
    QJsonObject unknown = unknownOf(o, RequestKeys);
    request.auth = readAuth(r, o, path, unknown);
    request.body = readBody(r, o, path, unknown);
    request.assertions = readAssertions(r, o, path);
    request.captures = readCaptures(r, o, path);
    if (!unknown.isEmpty())
        itemUnknown.insert("request"_L1, unknown);
    return request;
}

QList<CollectionItem> readItems(JsonReader &r, const QJsonObject &parent, const QString &parentPath)
{
    return readList(
        r, parent, parentPath, "items"_L1, [&r](const QJsonObject &o, const QString &at) {
            CollectionItem item;
            const QString type = o.value("type"_L1).toString();
            if (r.failed())
                return item;
            if (type != u"folder" && type != u"request") {
                r.fail(field(at, "type"_L1), Tr::tr("expected \"folder\" or \"request\""));
                return item;
            }
            item.kind
                = type == u"folder" ? CollectionItem::Kind::Folder : CollectionItem::Kind::Request;
            item.name = r.string(o, at, "name"_L1);
            item.description = r.string(o, at, "description"_L1);
            if (item.isFolder()) {
                item.unknownFields = unknownOf(o, FolderKeys);
                item.folderAuth = readAuth(r, o, at, item.unknownFields);
                item.variables = readVariables(r, o, at);
                item.children = readItems(r, o, at);
            } else {
                item.unknownFields = unknownOf(o, RequestItemKeys);
                item.request = readRequest(r, o, at, item.unknownFields);
            }
            return item;
        });
}

RunSettings readRun(JsonReader &r, const QJsonObject &parent, QJsonObject &parentUnknown)
{
    RunSettings run;
    const QString path = u"run"_s;
    const QJsonObject o = r.object(parent, {}, "run"_L1);
    run.concurrency = r.integer(o, path, "concurrency"_L1, run.concurrency, 1, 1000);
    run.rate = r.number(o, path, "rate"_L1, run.rate);
    run.iterations = r.integer(o, path, "iterations"_L1, run.iterations, 0, 1000000000);
    run.timeoutMs = r.integer(o, path, "timeoutMs"_L1, run.timeoutMs, 0, 1000000000);
    run.retries = r.integer(o, path, "retries"_L1, run.retries, 0, 255);
    run.maxRedirects = r.integer(o, path, "maxRedirects"_L1, run.maxRedirects, 0, 255);
    run.insecure = r.boolean(o, path, "insecure"_L1, run.insecure);
    run.sequential = r.boolean(o, path, "sequential"_L1, run.sequential);
    run.rowOrder = r.boolean(o, path, "rowOrder"_L1, run.rowOrder);
    run.dataFile = r.string(o, path, "dataFile"_L1);
    run.environment = r.string(o, path, "environment"_L1);
    if (const QJsonObject unknown = unknownOf(o, RunKeys); !unknown.isEmpty())
        parentUnknown.insert("run"_L1, unknown);
    return run;
}

} // namespace

Parsed<Collection> parseCollection(const QByteArray &json, const QString &fileName)
{
    Parsed<JsonDocument> document = parseJsonDocument(json, fileName);
    if (!document)
        return document.error();
    return readCollection(document.value());
}

Parsed<Collection> readCollection(const JsonDocument &document)
{
    const QByteArray &json = document.text;
    const QString &fileName = document.fileName;
    const QJsonObject &root = document.root;
    if (root.value("format"_L1).toString() != QLatin1StringView(CollectionFile::FormatTag)) {
        return jsonErrorAt(json, fileName, root.contains("format"_L1) ? u"format"_s : QString(),
            Tr::tr("not a Rafaga collection: expected \"format\": \"%1\"")
                .arg(QLatin1StringView(CollectionFile::FormatTag)));
    }
    const QJsonValue version = root.value("version"_L1);
    const double number = version.toDouble(-1);
    if (!version.isDouble() || number < 1 || number != std::trunc(number)) {
        return jsonErrorAt(json, fileName, root.contains("version"_L1) ? u"version"_s : QString(),
            Tr::tr("expected \"version\": %1").arg(CollectionFile::FormatVersion));
    }
    if (number > CollectionFile::FormatVersion) {
        return jsonErrorAt(json, fileName, u"version"_s,
            Tr::tr("the file is format version %1, written by a newer Rafaga; this version "
                   "reads version %2 at most")
                .arg(number)
                .arg(CollectionFile::FormatVersion));
    }

    JsonReader r(fileName);
    Collection collection;
    collection.unknownFields = unknownOf(root, CollectionKeys);
    collection.name = r.string(root, {}, "name"_L1);
    collection.description = r.string(root, {}, "description"_L1);
    collection.auth = readAuth(r, root, {}, collection.unknownFields);
    collection.variables = readVariables(r, root, {});
    collection.environments
        = readList(r, root, {}, "environments"_L1, [&r](const QJsonObject &o, const QString &at) {
              Environment environment;
              environment.name = r.string(o, at, "name"_L1);
              environment.variables = readVariables(r, o, at);
              return environment;
          });
    collection.run = readRun(r, root, collection.unknownFields);
    collection.items = readItems(r, root, {});
    if (r.failed())
        return jsonErrorAt(json, fileName, r.errorPath(), r.errorMessage());
    return collection;
}

Parsed<Collection> loadCollection(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseError {path, {}, Tr::tr("cannot read the file: %1").arg(file.errorString())};
    return parseCollection(file.readAll(), path);
}
