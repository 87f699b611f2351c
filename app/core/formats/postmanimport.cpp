// Reads Postman collections v2.0 and v2.1 and environment files into the collection model.
#include "core/formats/postmanimport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PostmanImport)
};

/// "parent.key": where a field is, for error messages.
QString field(const QString &parent, const char *key)
{
    const QString name = QString::fromLatin1(key);
    return parent.isEmpty() ? name : parent + u'.' + name;
}

/// "parent[i]": where an element of an array is.
QString element(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

bool isMissing(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

/// A scalar as Postman means it (numbers and booleans appear where strings are expected); null and
/// absent are empty; objects and arrays have no text.
std::optional<QString> scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        if (value.toVariant().typeId() == QMetaType::LongLong)
            return QString::number(value.toInteger());
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    default:
        return std::nullopt;
    }
}

/// The base name of the file without Postman's ".postman_collection" style suffixes.
QString nameFromFile(const QString &fileName)
{
    QString name = QFileInfo(fileName).completeBaseName();
    for (const auto suffix :
        {".postman_collection"_L1, ".postman_environment"_L1, ".postman_globals"_L1}) {
        if (name.endsWith(suffix, Qt::CaseInsensitive))
            name.chop(suffix.size());
    }
    return name;
}

std::optional<QJsonObject> parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

/// Parses json as an object, or fills *error with the line:column where it is broken.
std::optional<QJsonObject> parseObject(
    const QByteArray &json, const QString &fileName, ParseError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        *error = {fileName, QString::number(line) + u':' + QString::number(column),
            Tr::tr("invalid JSON: %1").arg(parseError.errorString())};
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = {fileName, u"1:1"_s, Tr::tr("expected a JSON object at the top")};
        return std::nullopt;
    }
    return document.object();
}

/// Walks a collection, stopping at the first error; everything it leaves out goes to m_skipped.
class Importer
{
public:
    Importer(const QString &fileName, QStringList *skipped)
        : m_fileName(fileName)
        , m_skipped(skipped)
    { }

    bool readCollection(const QJsonObject &root, Collection *out);
    bool readEnvironment(const QJsonObject &root, Environment *out);
    const ParseError &error() const { return m_error; }

private:
    bool fail(const QString &place, const QString &message)
    {
        m_error = {m_fileName, place, message};
        return false;
    }
    void skip(const QString &what, const QString &text)
    {
        if (m_skipped)
            m_skipped->append(what + u": "_s + text);
    }

    bool text(const QJsonValue &value, const QString &place, QString *out);
    bool array(const QJsonValue &value, const QString &place, QJsonArray *out);
    bool readItems(const QJsonValue &value, const QString &place, const QString &folderPath,
        QList<CollectionItem> *out);
    bool readItem(const QJsonObject &item, const QString &place, const QString &folderPath,
        CollectionItem *out);
    bool readRequest(const QJsonValue &value, const QString &place, const QString &what,
        RequestItem *out, QString *description);
    bool readUrl(
        const QJsonValue &value, const QString &place, const QString &what, RequestItem *out);
    bool urlFromParts(const QJsonObject &url, const QString &place, QString *out);
    bool readHeaders(const QJsonValue &value, const QString &place, QList<KeyValue> *out);
    bool readKeyValues(const QJsonValue &value, const QString &place, QList<KeyValue> *out);
    bool readBody(const QJsonValue &value, const QString &place, const QString &what, Body *out);
    bool readFormData(
        const QJsonValue &value, const QString &place, const QString &what, QList<FormPart> *out);
    bool readGraphQl(
        const QJsonObject &graphql, const QString &place, const QString &what, Body *out);
    bool readAuth(const QJsonValue &value, const QString &place, const QString &what, Auth *out);
    bool readVariables(const QJsonValue &value, const QString &place, QList<Variable> *out);
    bool readDescription(const QJsonValue &value, const QString &place, QString *out);
    void noteScripts(const QJsonValue &events, const QString &what);
    void noteBehavior(const QJsonObject &object, const QString &what);

    QString m_fileName;
    QStringList *m_skipped;
    ParseError m_error;
};

bool Importer::text(const QJsonValue &value, const QString &place, QString *out)
{
    const std::optional<QString> scalar = scalarText(value);
    if (!scalar)
        return fail(place, Tr::tr("expected a string"));
    *out = *scalar;
    return true;
}

bool Importer::array(const QJsonValue &value, const QString &place, QJsonArray *out)
{
    if (isMissing(value)) {
        *out = {};
        return true;
    }
    if (!value.isArray())
        return fail(place, Tr::tr("expected an array"));
    *out = value.toArray();
    return true;
}

bool Importer::readCollection(const QJsonObject &root, Collection *out)
{
    if (!root.contains("info"_L1) && root.value("requests"_L1).isArray()) {
        return fail(QString(),
            Tr::tr("this is a Postman collection in format v1, which is not "
                   "supported; export it from Postman as Collection v2.1"));
    }
    const QJsonValue infoValue = root.value("info"_L1);
    if (!isMissing(infoValue) && !infoValue.isObject())
        return fail(u"info"_s, Tr::tr("expected an object"));
    const QJsonObject info = infoValue.toObject();
    if (!text(info.value("name"_L1), u"info.name"_s, &out->name)
        || !readDescription(
            info.value("description"_L1), u"info.description"_s, &out->description)) {
        return false;
    }
    if (out->name.isEmpty())
        out->name = nameFromFile(m_fileName);
    const QString what = Tr::tr("collection");
    if (!readVariables(root.value("variable"_L1), u"variable"_s, &out->variables)
        || !readAuth(root.value("auth"_L1), u"auth"_s, what, &out->auth)) {
        return false;
    }
    noteScripts(root.value("event"_L1), what);
    noteBehavior(root, what);
    return readItems(root.value("item"_L1), u"item"_s, QString(), &out->items);
}

bool Importer::readItems(const QJsonValue &value, const QString &place, const QString &folderPath,
    QList<CollectionItem> *out)
{
    QJsonArray items;
    if (!array(value, place, &items))
        return false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPlace = element(place, i);
        if (!items.at(i).isObject())
            return fail(itemPlace, Tr::tr("expected an object (a request or a folder)"));
        CollectionItem item;
        if (!readItem(items.at(i).toObject(), itemPlace, folderPath, &item))
            return false;
        out->append(std::move(item));
    }
    return true;
}

bool Importer::readItem(
    const QJsonObject &item, const QString &place, const QString &folderPath, CollectionItem *out)
{
    if (!text(item.value("name"_L1), field(place, "name"), &out->name))
        return false;
    const QString path = folderPath.isEmpty() ? out->name : folderPath + u'/' + out->name;

    if (!isMissing(item.value("item"_L1))) {
        out->kind = CollectionItem::Kind::Folder;
        const QString what = Tr::tr("folder \"%1\"").arg(path);
        if (!readDescription(
                item.value("description"_L1), field(place, "description"), &out->description)
            || !readVariables(item.value("variable"_L1), field(place, "variable"), &out->variables)
            || !readAuth(item.value("auth"_L1), field(place, "auth"), what, &out->folderAuth)) {
            return false;
        }
        noteScripts(item.value("event"_L1), what);
        noteBehavior(item, what);
        return readItems(item.value("item"_L1), field(place, "item"), path, &out->children);
    }

    if (isMissing(item.value("request"_L1))) {
        return fail(place,
            Tr::tr("expected a \"request\" (for a request) or an \"item\" array (for a "
                   "folder)"));
    }
    out->kind = CollectionItem::Kind::Request;
    const QString what = Tr::tr("request \"%1\"").arg(path);
    if (!readRequest(item.value("request"_L1), field(place, "request"), what, &out->request,
            &out->description)) {
        return false;
    }
    if (out->description.isEmpty()
        && !readDescription(
            item.value("description"_L1), field(place, "description"), &out->description)) {
        return false;
    }
    noteScripts(item.value("event"_L1), what);
    noteBehavior(item, what);
    const QJsonValue variables = item.value("variable"_L1);
    if (variables.isArray() && !variables.toArray().isEmpty())
        skip(what, Tr::tr("request variables not imported"));
    const QJsonValue responses = item.value("response"_L1);
    if (responses.isArray() && !responses.toArray().isEmpty())
        skip(what,
            Tr::tr("%n saved example response(s) not imported", nullptr,
                int(responses.toArray().size())));
    return true;
}

bool Importer::readRequest(const QJsonValue &value, const QString &place, const QString &what,
    RequestItem *out, QString *description)
{
    if (value.isString())
        return readUrl(value, place, what, out);
    if (!value.isObject())
        return fail(place, Tr::tr("expected a string or an object"));
    const QJsonObject request = value.toObject();
    if (!text(request.value("method"_L1), field(place, "method"), &out->method))
        return false;
    out->method = out->method.trimmed();
    if (out->method.isEmpty())
        out->method = u"GET"_s;
    if (!readUrl(request.value("url"_L1), field(place, "url"), what, out)
        || !readHeaders(request.value("header"_L1), field(place, "header"), &out->headers)
        || !readBody(request.value("body"_L1), field(place, "body"), what, &out->body)
        || !readAuth(request.value("auth"_L1), field(place, "auth"), what, &out->auth)
        || !readDescription(
            request.value("description"_L1), field(place, "description"), description)) {
        return false;
    }
    if (!isMissing(request.value("proxy"_L1)))
        skip(what, Tr::tr("proxy settings not imported"));
    if (!isMissing(request.value("certificate"_L1)))
        skip(what, Tr::tr("client certificate not imported"));
    return true;
}

/// Replaces each path segment `:name` whose name is in values: by the value, or by {{name}} when
/// the value is empty so that a variable can supply it.
QString substitutePathVariables(const QString &url, const QHash<QString, QString> &values)
{
    if (values.isEmpty())
        return url;
    const qsizetype scheme = url.indexOf("://"_L1);
    const qsizetype pathStart = url.indexOf(u'/', scheme < 0 ? 0 : scheme + 3);
    if (pathStart < 0)
        return url;
    QStringList segments = url.mid(pathStart).split(u'/');
    for (QString &segment : segments) {
        if (segment.size() < 2 || !segment.startsWith(u':'))
            continue;
        const QString name = segment.mid(1);
        const auto it = values.constFind(name);
        if (it != values.cend())
            segment = it->isEmpty() ? u"{{"_s + name + u"}}"_s : *it;
    }
    return url.left(pathStart) + segments.join(u'/');
}

/// The query string of a raw URL as rows, kept percent-encoded as Postman keeps them.
QList<KeyValue> splitQuery(const QString &query)
{
    QList<KeyValue> params;
    const QStringList pairs = query.split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        KeyValue param;
        param.key = equals < 0 ? pair : pair.left(equals);
        param.value = equals < 0 ? QString() : pair.mid(equals + 1);
        params.append(param);
    }
    return params;
}

bool Importer::readUrl(
    const QJsonValue &value, const QString &place, const QString &what, RequestItem *out)
{
    QString raw;
    QJsonArray query;
    QJsonArray pathVariables;
    bool hasQueryArray = false;
    if (isMissing(value)) {
        return true;
    } else if (value.isString()) {
        raw = value.toString();
    } else if (value.isObject()) {
        const QJsonObject url = value.toObject();
        if (!text(url.value("raw"_L1), field(place, "raw"), &raw)
            || (raw.isEmpty() && !urlFromParts(url, place, &raw))
            || !array(url.value("query"_L1), field(place, "query"), &query)
            || !array(url.value("variable"_L1), field(place, "variable"), &pathVariables)) {
            return false;
        }
        hasQueryArray = url.value("query"_L1).isArray();
    } else {
        return fail(place, Tr::tr("expected a string or an object"));
    }

    const qsizetype hash = raw.indexOf(u'#');
    if (hash >= 0) {
        if (hash + 1 < raw.size())
            skip(what,
                Tr::tr("URL fragment \"%1\" not imported (it is never sent)").arg(raw.mid(hash)));
        raw.truncate(hash);
    }
    QString queryText;
    const qsizetype question = raw.indexOf(u'?');
    if (question >= 0) {
        queryText = raw.mid(question + 1);
        raw.truncate(question);
    }
    if (hasQueryArray) {
        if (!readKeyValues(query, field(place, "query"), &out->params))
            return false;
    } else {
        out->params = splitQuery(queryText);
    }

    QHash<QString, QString> values;
    for (qsizetype i = 0; i < pathVariables.size(); ++i) {
        const QString variablePlace = element(field(place, "variable"), i);
        if (!pathVariables.at(i).isObject())
            return fail(variablePlace, Tr::tr("expected an object"));
        const QJsonObject variable = pathVariables.at(i).toObject();
        QString name;
        QString variableValue;
        const QJsonValue key
            = variable.contains("key"_L1) ? variable.value("key"_L1) : variable.value("id"_L1);
        if (!text(key, field(variablePlace, "key"), &name)
            || !text(variable.value("value"_L1), field(variablePlace, "value"), &variableValue)) {
            return false;
        }
        values.insert(name, variableValue);
    }
    out->url = substitutePathVariables(raw, values);
    return true;
}

/// Rebuilds a URL from protocol, host, port and path, for URL objects without "raw".
bool Importer::urlFromParts(const QJsonObject &url, const QString &place, QString *out)
{
    // host and path are a string or an array of parts (strings, or {"value": ...} in v2.0).
    auto joined = [this](const QJsonValue &value, const QString &partPlace, QChar separator,
                      QString *result) {
        if (!value.isArray())
            return text(value, partPlace, result);
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString part;
            const QJsonValue item
                = array.at(i).isObject() ? array.at(i).toObject().value("value"_L1) : array.at(i);
            if (!text(item, element(partPlace, i), &part))
                return false;
            parts.append(part);
        }
        *result = parts.join(separator);
        return true;
    };
    QString protocol;
    QString host;
    QString port;
    QString path;
    if (!text(url.value("protocol"_L1), field(place, "protocol"), &protocol)
        || !joined(url.value("host"_L1), field(place, "host"), u'.', &host)
        || !text(url.value("port"_L1), field(place, "port"), &port)
        || !joined(url.value("path"_L1), field(place, "path"), u'/', &path)) {
        return false;
    }
    *out = (protocol.isEmpty() ? QString() : protocol + u"://"_s) + host
        + (port.isEmpty() ? QString() : u':' + port)
        + (path.isEmpty() || path.startsWith(u'/') ? path : u'/' + path);
    return true;
}

bool Importer::readHeaders(const QJsonValue &value, const QString &place, QList<KeyValue> *out)
{
    if (!value.isString())
        return readKeyValues(value, place, out);
    // The v1 style that v2.0 still allows: "Name: value" lines, "//" before a disabled one.
    const QStringList lines = value.toString().split(u'\n');
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        KeyValue header;
        if (line.startsWith("//"_L1)) {
            header.enabled = false;
            line = line.mid(2).trimmed();
        }
        const qsizetype colon = line.indexOf(u':');
        header.key = (colon < 0 ? line : line.left(colon)).trimmed();
        header.value = colon < 0 ? QString() : line.mid(colon + 1).trimmed();
        out->append(header);
    }
    return true;
}

bool Importer::readKeyValues(const QJsonValue &value, const QString &place, QList<KeyValue> *out)
{
    QJsonArray rows;
    if (!array(value, place, &rows))
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPlace = element(place, i);
        if (!rows.at(i).isObject())
            return fail(rowPlace, Tr::tr("expected an object with \"key\" and \"value\""));
        const QJsonObject row = rows.at(i).toObject();
        KeyValue keyValue;
        const QJsonValue key = row.contains("key"_L1) ? row.value("key"_L1) : row.value("name"_L1);
        if (!text(key, field(rowPlace, "key"), &keyValue.key)
            || !text(row.value("value"_L1), field(rowPlace, "value"), &keyValue.value)
            || !readDescription(row.value("description"_L1), field(rowPlace, "description"),
                &keyValue.description)) {
            return false;
        }
        keyValue.enabled = !row.value("disabled"_L1).toBool();
        out->append(keyValue);
    }
    return true;
}

/// The Content-Type Postman sends for a raw body's language; json has a body mode of its own.
QString contentTypeForLanguage(const QString &language)
{
    static const QHash<QString, QString> types = {
        {u"text"_s, u"text/plain"_s},
        {u"javascript"_s, u"application/javascript"_s},
        {u"html"_s, u"text/html"_s},
        {u"xml"_s, u"application/xml"_s},
    };
    return types.value(language);
}

bool Importer::readBody(
    const QJsonValue &value, const QString &place, const QString &what, Body *out)
{
    if (isMissing(value))
        return true;
    if (!value.isObject())
        return fail(place, Tr::tr("expected an object"));
    const QJsonObject body = value.toObject();
    QString mode;
    if (!text(body.value("mode"_L1), field(place, "mode"), &mode))
        return false;
    if (mode.isEmpty() && body.contains("raw"_L1))
        mode = u"raw"_s;
    if (mode.isEmpty())
        return true;
    if (body.value("disabled"_L1).toBool()) {
        skip(what, Tr::tr("body is disabled in Postman; not imported"));
        return true;
    }

    if (mode == "raw"_L1) {
        if (!text(body.value("raw"_L1), field(place, "raw"), &out->text))
            return false;
        const QString language = body.value("options"_L1)
                                     .toObject()
                                     .value("raw"_L1)
                                     .toObject()
                                     .value("language"_L1)
                                     .toString();
        out->mode = language == "json"_L1 ? Body::Mode::Json : Body::Mode::Raw;
        out->contentType = contentTypeForLanguage(language);
    } else if (mode == "urlencoded"_L1) {
        out->mode = Body::Mode::FormUrlEncoded;
        return readKeyValues(body.value("urlencoded"_L1), field(place, "urlencoded"), &out->form);
    } else if (mode == "formdata"_L1) {
        out->mode = Body::Mode::Multipart;
        return readFormData(body.value("formdata"_L1), field(place, "formdata"), what, &out->parts);
    } else if (mode == "file"_L1) {
        const QJsonValue file = body.value("file"_L1);
        if (!isMissing(file) && !file.isObject())
            return fail(field(place, "file"), Tr::tr("expected an object"));
        out->mode = Body::Mode::BinaryFile;
        if (!text(file.toObject().value("src"_L1), field(place, "file.src"), &out->filePath))
            return false;
        const QJsonValue content = file.toObject().value("content"_L1);
        if (out->filePath.isEmpty() && content.isString()) {
            out->mode = Body::Mode::Raw;
            out->text = content.toString();
        } else if (out->filePath.isEmpty()) {
            skip(what, Tr::tr("binary body has no file chosen"));
        }
    } else if (mode == "graphql"_L1) {
        const QJsonValue graphql = body.value("graphql"_L1);
        if (!isMissing(graphql) && !graphql.isObject())
            return fail(field(place, "graphql"), Tr::tr("expected an object"));
        return readGraphQl(graphql.toObject(), field(place, "graphql"), what, out);
    } else {
        skip(what, Tr::tr("body of mode \"%1\" not imported").arg(mode));
    }
    return true;
}

bool Importer::readFormData(
    const QJsonValue &value, const QString &place, const QString &what, QList<FormPart> *out)
{
    QJsonArray rows;
    if (!array(value, place, &rows))
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPlace = element(place, i);
        if (!rows.at(i).isObject())
            return fail(
                rowPlace, Tr::tr("expected an object with \"key\" and \"value\" or \"src\""));
        const QJsonObject row = rows.at(i).toObject();
        FormPart part;
        if (!text(row.value("key"_L1), field(rowPlace, "key"), &part.name)
            || !text(
                row.value("contentType"_L1), field(rowPlace, "contentType"), &part.contentType)) {
            return false;
        }
        part.enabled = !row.value("disabled"_L1).toBool();
        part.isFile = row.value("type"_L1).toString() == "file"_L1;
        QJsonValue source = part.isFile ? row.value("src"_L1) : row.value("value"_L1);
        if (source.isArray()) { // several files in one part: we send one
            const QJsonArray files = source.toArray();
            if (files.size() > 1)
                skip(what,
                    Tr::tr("form part \"%1\": only the first of %n files imported", nullptr,
                        int(files.size()))
                        .arg(part.name));
            source = files.isEmpty() ? QJsonValue() : files.first();
        }
        if (part.isFile && isMissing(source))
            source = row.value("value"_L1); // older exports kept the path in value
        if (!text(source, field(rowPlace, part.isFile ? "src" : "value"), &part.value))
            return false;
        if (part.isFile && part.value.isEmpty())
            skip(what, Tr::tr("form part \"%1\" has no file chosen").arg(part.name));
        out->append(part);
    }
    return true;
}

bool Importer::readGraphQl(
    const QJsonObject &graphql, const QString &place, const QString &what, Body *out)
{
    QString query;
    if (!text(graphql.value("query"_L1), field(place, "query"), &query))
        return false;
    QJsonObject payload {{u"query"_s, query}};
    const QJsonValue variables = graphql.value("variables"_L1);
    if (variables.isObject()) {
        payload.insert(u"variables"_s, variables);
    } else if (variables.isString() && !variables.toString().trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(variables.toString().toUtf8(), &error);
        if (parsed.isObject()) {
            payload.insert(u"variables"_s, parsed.object());
        } else {
            skip(what, Tr::tr("GraphQL variables are not a JSON object; sent as text"));
            payload.insert(u"variables"_s, variables);
        }
    } else {
        payload.insert(u"variables"_s, QJsonObject());
    }
    out->mode = Body::Mode::Json;
    out->text = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)).trimmed();
    return true;
}

/// Postman's auth parameters: v2.1 writes [{"key", "value", "type"}], v2.0 {"key": value}.
QHash<QString, QString> authParameters(const QJsonValue &value)
{
    QHash<QString, QString> parameters;
    if (value.isArray()) {
        const QJsonArray rows = value.toArray();
        for (const QJsonValue &row : rows) {
            const QJsonObject object = row.toObject();
            if (const auto text = scalarText(object.value("value"_L1)))
                parameters.insert(object.value("key"_L1).toString(), *text);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const auto text = scalarText(it.value()))
                parameters.insert(it.key(), *text);
        }
    }
    return parameters;
}

bool Importer::readAuth(
    const QJsonValue &value, const QString &place, const QString &what, Auth *out)
{
    *out = Auth();
    if (isMissing(value))
        return true;
    if (!value.isObject())
        return fail(place, Tr::tr("expected an object"));
    const QJsonObject auth = value.toObject();
    QString type;
    if (!text(auth.value("type"_L1), field(place, "type"), &type))
        return false;
    const QHash<QString, QString> parameters = authParameters(auth.value(type));
    if (type.isEmpty() || type == "inherit"_L1) {
        out->type = Auth::Type::Inherit;
    } else if (type == "noauth"_L1) {
        out->type = Auth::Type::None;
    } else if (type == "basic"_L1) {
        out->type = Auth::Type::Basic;
        out->username = parameters.value(u"username"_s);
        out->password = parameters.value(u"password"_s);
    } else if (type == "bearer"_L1) {
        out->type = Auth::Type::Bearer;
        out->token = parameters.value(u"token"_s);
    } else if (type == "apikey"_L1) {
        out->type = Auth::Type::ApiKey;
        out->key = parameters.value(u"key"_s);
        out->value = parameters.value(u"value"_s);
        out->location = parameters.value(u"in"_s) == "query"_L1 ? Auth::ApiKeyLocation::Query
                                                                : Auth::ApiKeyLocation::Header;
    } else {
        out->type = Auth::Type::None;
        skip(what, Tr::tr("%1 auth not supported; imported as no auth").arg(type));
    }
    return true;
}

bool Importer::readVariables(const QJsonValue &value, const QString &place, QList<Variable> *out)
{
    QJsonArray rows;
    if (!array(value, place, &rows))
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPlace = element(place, i);
        if (!rows.at(i).isObject())
            return fail(rowPlace, Tr::tr("expected an object with \"key\" and \"value\""));
        const QJsonObject row = rows.at(i).toObject();
        Variable variable;
        const QJsonValue key = row.contains("key"_L1) ? row.value("key"_L1) : row.value("id"_L1);
        if (!text(key, field(rowPlace, "key"), &variable.name))
            return false;
        const QJsonValue variableValue = row.value("value"_L1);
        if (variableValue.isObject() || variableValue.isArray()) { // type "any"
            const QJsonDocument document = variableValue.isObject()
                ? QJsonDocument(variableValue.toObject())
                : QJsonDocument(variableValue.toArray());
            variable.value = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
        } else {
            variable.value = scalarText(variableValue).value_or(QString());
        }
        // Collections write "disabled"; environments write "enabled".
        variable.enabled
            = !row.value("disabled"_L1).toBool() && row.value("enabled"_L1).toBool(true);
        variable.secret = row.value("type"_L1).toString() == "secret"_L1;
        out->append(variable);
    }
    return true;
}

bool Importer::readDescription(const QJsonValue &value, const QString &place, QString *out)
{
    if (value.isObject()) // {"content": ..., "type": "text/markdown"}
        return text(value.toObject().value("content"_L1), field(place, "content"), out);
    if (!scalarText(value))
        return fail(place, Tr::tr("expected a string or an object with \"content\""));
    *out = *scalarText(value);
    return true;
}

void Importer::noteScripts(const QJsonValue &events, const QString &what)
{
    const QJsonArray list = events.toArray();
    for (const QJsonValue &event : list) {
        const QJsonObject script = event.toObject().value("script"_L1).toObject();
        const QJsonValue exec = script.value("exec"_L1);
        QString code = exec.toString();
        const QJsonArray lines = exec.toArray();
        for (const QJsonValue &line : lines)
            code += line.toString();
        // Postman writes empty scripts ([""]) for every request it has opened.
        if (code.trimmed().isEmpty() && !script.contains("src"_L1))
            continue;
        const QString listen = event.toObject().value("listen"_L1).toString();
        if (listen == "prerequest"_L1)
            skip(what, Tr::tr("pre-request script not imported"));
        else if (listen == "test"_L1)
            skip(what, Tr::tr("test script not imported"));
        else
            skip(what, Tr::tr("\"%1\" script not imported").arg(listen));
    }
}

void Importer::noteBehavior(const QJsonObject &object, const QString &what)
{
    const QJsonValue behavior = object.value("protocolProfileBehavior"_L1);
    if (behavior.isObject() && !behavior.toObject().isEmpty()) {
        skip(what,
            Tr::tr("protocol profile behavior (%1) not imported")
                .arg(behavior.toObject().keys().join(u", "_s)));
    }
}

bool Importer::readEnvironment(const QJsonObject &root, Environment *out)
{
    if (root.value("info"_L1).isObject() && root.value("item"_L1).isArray())
        return fail(QString(), Tr::tr("this is a Postman collection, not an environment"));
    if (!root.value("values"_L1).isArray())
        return fail(u"values"_s, Tr::tr("expected an array of variables (a Postman environment)"));
    if (!text(root.value("name"_L1), u"name"_s, &out->name))
        return false;
    if (out->name.isEmpty())
        out->name = nameFromFile(m_fileName);
    return readVariables(root.value("values"_L1), u"values"_s, &out->variables);
}

} // namespace

bool looksLikePostmanCollection(const QByteArray &json)
{
    const std::optional<QJsonObject> root = parseObject(json);
    if (!root)
        return false;
    const QJsonValue info = root->value("info"_L1);
    return info.toObject().value("schema"_L1).toString().contains("getpostman.com"_L1)
        || (info.isObject() && root->value("item"_L1).isArray());
}

bool looksLikePostmanEnvironment(const QByteArray &json)
{
    const std::optional<QJsonObject> root = parseObject(json);
    return root && root->value("values"_L1).isArray() && !root->contains("info"_L1)
        && !root->contains("log"_L1);
}

Parsed<Collection> importPostmanCollection(
    const QByteArray &json, const QString &fileName, QStringList *skipped)
{
    ParseError error;
    const std::optional<QJsonObject> root = parseObject(json, fileName, &error);
    if (!root)
        return error;
    // Notes go out only with a successful import, so a caller never sees half a list.
    QStringList notes;
    Importer importer(fileName, &notes);
    Collection collection;
    if (!importer.readCollection(*root, &collection))
        return importer.error();
    if (skipped)
        skipped->append(notes);
    return collection;
}

Parsed<Environment> importPostmanEnvironment(const QByteArray &json, const QString &fileName)
{
    ParseError error;
    const std::optional<QJsonObject> root = parseObject(json, fileName, &error);
    if (!root)
        return error;
    Importer importer(fileName, nullptr);
    Environment environment;
    if (!importer.readEnvironment(*root, &environment))
        return importer.error();
    return environment;
}
