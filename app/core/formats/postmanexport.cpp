// Writes collections as Postman collection v2.1 and environments as Postman environment files.
#include "core/formats/postmanexport.h"

#include "core/formats/postmanscripts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto schemaUrl = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_L1;

/// A v2.1 auth parameter list: [{"key", "value", "type": "string"}].
QJsonArray authParameters(std::initializer_list<std::pair<QString, QString>> parameters)
{
    QJsonArray list;
    for (const auto &[key, value] : parameters)
        list.append(QJsonObject {{u"key"_s, key}, {u"value"_s, value}, {u"type"_s, u"string"_s}});
    return list;
}

/// The auth object, or nothing for Inherit (Postman's "inherit auth from parent" is no auth key).
QJsonValue authJson(const Auth &auth)
{
    switch (auth.type) {
    case Auth::Type::Inherit:
        return QJsonValue::Undefined;
    case Auth::Type::None:
        return QJsonObject {{u"type"_s, u"noauth"_s}};
    case Auth::Type::Basic:
        return QJsonObject {{u"type"_s, u"basic"_s},
            {u"basic"_s,
                authParameters({{u"username"_s, auth.username}, {u"password"_s, auth.password}})}};
    case Auth::Type::Bearer:
        return QJsonObject {
            {u"type"_s, u"bearer"_s}, {u"bearer"_s, authParameters({{u"token"_s, auth.token}})}};
    case Auth::Type::ApiKey: {
        const QString in = auth.location == Auth::ApiKeyLocation::Query ? u"query"_s : u"header"_s;
        return QJsonObject {{u"type"_s, u"apikey"_s},
            {u"apikey"_s,
                authParameters({{u"key"_s, auth.key}, {u"value"_s, auth.value}, {u"in"_s, in}})}};
    }
    }
    return QJsonValue::Undefined;
}

void insertIfSet(QJsonObject *object, const QString &key, const QJsonValue &value)
{
    if (!value.isUndefined())
        object->insert(key, value);
}

void insertIfNotEmpty(QJsonObject *object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object->insert(key, value);
}

/// Headers, query parameters and urlencoded fields: [{"key", "value", "disabled"?, ...}].
QJsonArray keyValuesJson(const QList<KeyValue> &rows, bool typed)
{
    QJsonArray list;
    for (const KeyValue &row : rows) {
        QJsonObject object {{u"key"_s, row.key}, {u"value"_s, row.value}};
        if (typed)
            object.insert(u"type"_s, u"text"_s);
        if (!row.enabled)
            object.insert(u"disabled"_s, true);
        insertIfNotEmpty(&object, u"description"_s, row.description);
        list.append(object);
    }
    return list;
}

QJsonArray variablesJson(const QList<Variable> &variables)
{
    QJsonArray list;
    for (const Variable &variable : variables) {
        // Postman marks secrets with type "secret" (the v2.1 schema predates it); the value
        // stays behind either way.
        QJsonObject object {{u"key"_s, variable.name},
            {u"value"_s, variable.secret ? QString() : variable.value},
            {u"type"_s, variable.secret ? u"secret"_s : u"string"_s}};
        if (!variable.enabled)
            object.insert(u"disabled"_s, true);
        list.append(object);
    }
    return list;
}

/// The URL object Postman writes: raw plus protocol, host labels, port and path segments, which
/// Postman's own tools read instead of raw.
QJsonObject urlJson(const QString &url, const QList<KeyValue> &params)
{
    QStringList enabled;
    for (const KeyValue &param : params) {
        if (param.enabled)
            enabled.append(param.key + u'=' + param.value);
    }
    QJsonObject object {{u"raw"_s, enabled.isEmpty() ? url : url + u'?' + enabled.join(u'&')}};
    if (!params.isEmpty())
        object.insert(u"query"_s, keyValuesJson(params, false));
    if (url.isEmpty())
        return object;

    QString rest = url;
    const qsizetype scheme = rest.indexOf("://"_L1);
    if (scheme > 0) {
        object.insert(u"protocol"_s, rest.left(scheme));
        rest = rest.mid(scheme + 3);
    }
    const qsizetype slash = rest.indexOf(u'/');
    QString hostPort = slash < 0 ? rest : rest.left(slash);
    // Colons also appear in user:password@ and in IPv6 literals; the port's is after both.
    const qsizetype before = std::max(hostPort.lastIndexOf(u']'), hostPort.lastIndexOf(u'@'));
    const qsizetype colon = hostPort.lastIndexOf(u':');
    if (colon > before && colon + 1 < hostPort.size()) {
        object.insert(u"port"_s, hostPort.mid(colon + 1));
        hostPort.truncate(colon);
    }
    if (!hostPort.isEmpty())
        object.insert(u"host"_s, QJsonArray::fromStringList(hostPort.split(u'.')));
    if (slash >= 0)
        object.insert(u"path"_s, QJsonArray::fromStringList(rest.mid(slash + 1).split(u'/')));
    return object;
}

/// Postman's raw body language for a Content-Type, or empty when it has none.
QString languageForContentType(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    if (type == "text/plain"_L1)
        return u"text"_s;
    if (type == "application/json"_L1)
        return u"json"_s;
    if (type == "application/javascript"_L1 || type == "text/javascript"_L1)
        return u"javascript"_s;
    if (type == "text/html"_L1)
        return u"html"_s;
    if (type == "application/xml"_L1 || type == "text/xml"_L1)
        return u"xml"_s;
    return {};
}

QJsonObject rawBody(const QString &text, const QString &language)
{
    QJsonObject body {{u"mode"_s, u"raw"_s}, {u"raw"_s, text}};
    if (!language.isEmpty()) {
        body.insert(
            u"options"_s, QJsonObject {{u"raw"_s, QJsonObject {{u"language"_s, language}}}});
    }
    return body;
}

QJsonValue bodyJson(const Body &body)
{
    switch (body.mode) {
    case Body::Mode::None:
        return QJsonValue::Undefined;
    case Body::Mode::Raw:
        return rawBody(body.text, languageForContentType(body.contentType));
    case Body::Mode::Json:
        return rawBody(body.text, u"json"_s);
    case Body::Mode::FormUrlEncoded:
        return QJsonObject {
            {u"mode"_s, u"urlencoded"_s}, {u"urlencoded"_s, keyValuesJson(body.form, true)}};
    case Body::Mode::Multipart: {
        QJsonArray parts;
        for (const FormPart &part : body.parts) {
            QJsonObject object {{u"key"_s, part.name},
                {u"type"_s, part.isFile ? u"file"_s : u"text"_s},
                {part.isFile ? u"src"_s : u"value"_s, part.value}};
            insertIfNotEmpty(&object, u"contentType"_s, part.contentType);
            if (!part.enabled)
                object.insert(u"disabled"_s, true);
            parts.append(object);
        }
        return QJsonObject {{u"mode"_s, u"formdata"_s}, {u"formdata"_s, parts}};
    }
    case Body::Mode::BinaryFile:
        return QJsonObject {
            {u"mode"_s, u"file"_s}, {u"file"_s, QJsonObject {{u"src"_s, body.filePath}}}};
    }
    return QJsonValue::Undefined;
}

bool hasHeader(const QList<KeyValue> &headers, QLatin1StringView name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const KeyValue &header) {
        return header.enabled && header.key.compare(name, Qt::CaseInsensitive) == 0;
    });
}

/// expected as a JavaScript literal: itself when it is JSON (a number, true, an object...), else a
/// string, as JsonPathEquals compares.
QString jsLiteral(const QString &expected)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + expected.toUtf8() + ']', &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1)
        return expected.trimmed();
    return javaScriptString(expected);
}

/// One pm.test line per enabled assertion, so the checks keep working in Postman.
QStringList assertionScript(const QList<Assertion> &assertions)
{
    QStringList lines;
    for (const Assertion &assertion : assertions) {
        if (!assertion.enabled)
            continue;
        const QString target = javaScriptString(assertion.target);
        const QString expected = javaScriptString(assertion.expected);
        const QString json = u"pm.response.json()"_s;
        QString name;
        QString check;
        switch (assertion.kind) {
        case Assertion::Kind::StatusEquals:
            name = u"status is "_s + assertion.expected;
            check = u"pm.response.to.have.status(%1);"_s.arg(jsLiteral(assertion.expected));
            break;
        case Assertion::Kind::StatusInRange: {
            const QStringList bounds = assertion.expected.split(u'-');
            name = u"status in "_s + assertion.expected;
            check = u"pm.expect(pm.response.code).to.be.within(%1, %2);"_s.arg(
                jsLiteral(bounds.value(0).trimmed()), jsLiteral(bounds.value(1).trimmed()));
            break;
        }
        case Assertion::Kind::HeaderExists:
            name = u"header "_s + assertion.target + u" exists"_s;
            check = u"pm.response.to.have.header(%1);"_s.arg(target);
            break;
        case Assertion::Kind::HeaderEquals:
            name = u"header "_s + assertion.target + u" equals "_s + assertion.expected;
            check = u"pm.expect(pm.response.headers.get(%1)).to.eql(%2);"_s.arg(target, expected);
            break;
        case Assertion::Kind::HeaderContains:
            name = u"header "_s + assertion.target + u" contains "_s + assertion.expected;
            check
                = u"pm.expect(pm.response.headers.get(%1)).to.include(%2);"_s.arg(target, expected);
            break;
        case Assertion::Kind::BodyContains:
            name = u"body contains "_s + assertion.expected;
            check = u"pm.expect(pm.response.text()).to.include(%1);"_s.arg(expected);
            break;
        case Assertion::Kind::JsonPathExists:
            name = assertion.target + u" exists"_s;
            check = u"pm.expect(_.has(%1, %2)).to.be.true;"_s.arg(json, target);
            break;
        case Assertion::Kind::JsonPathEquals:
            name = assertion.target + u" equals "_s + assertion.expected;
            check = u"pm.expect(_.get(%1, %2)).to.eql(%3);"_s.arg(
                json, target, jsLiteral(assertion.expected));
            break;
        case Assertion::Kind::LatencyBelow:
            name = u"responds within "_s + assertion.expected + u" ms"_s;
            check = u"pm.expect(pm.response.responseTime).to.be.below(%1);"_s.arg(
                jsLiteral(assertion.expected));
            break;
        }
        lines.append(u"pm.test(%1, function () { %2 });"_s.arg(javaScriptString(name), check));
    }
    return lines;
}

QJsonObject requestJson(const CollectionItem &item)
{
    const RequestItem &request = item.request;
    QList<KeyValue> headers = request.headers;
    // Postman sends "Accept: */*" by itself (a system header), as the importer writes it in.
    headers.removeIf([](const KeyValue &h) {
        return h.enabled && h.key.compare("accept"_L1, Qt::CaseInsensitive) == 0
            && h.value == "*/*"_L1;
    });
    // A raw body type Postman has no language for travels as a header.
    if (request.body.mode == Body::Mode::Raw && !request.body.contentType.isEmpty()
        && languageForContentType(request.body.contentType).isEmpty()
        && !hasHeader(headers, "Content-Type"_L1)) {
        headers.append({u"Content-Type"_s, request.body.contentType, true, QString()});
    }
    QJsonObject object {{u"method"_s, request.method}, {u"header"_s, keyValuesJson(headers, true)},
        {u"url"_s, urlJson(request.url, request.params)}};
    insertIfSet(&object, u"body"_s, bodyJson(request.body));
    insertIfSet(&object, u"auth"_s, authJson(request.auth));
    insertIfNotEmpty(&object, u"description"_s, item.description);
    return object;
}

QJsonObject itemJson(const CollectionItem &item)
{
    QJsonObject object {{u"name"_s, item.name}};
    if (item.isFolder()) {
        QJsonArray children;
        for (const CollectionItem &child : item.children)
            children.append(itemJson(child));
        object.insert(u"item"_s, children);
        insertIfNotEmpty(&object, u"description"_s, item.description);
        insertIfSet(&object, u"auth"_s, authJson(item.folderAuth));
        if (!item.variables.isEmpty())
            object.insert(u"variable"_s, variablesJson(item.variables));
        return object;
    }
    object.insert(u"request"_s, requestJson(item));
    object.insert(u"response"_s, QJsonArray());
    // Captures first: an assertion of the same request may not use them, but later requests do.
    const QStringList script
        = postmanCaptureScript(item.request.captures) + assertionScript(item.request.assertions);
    if (!script.isEmpty()) {
        const QJsonObject exec {
            {u"type"_s, u"text/javascript"_s}, {u"exec"_s, QJsonArray::fromStringList(script)}};
        object.insert(
            u"event"_s, QJsonArray {QJsonObject {{u"listen"_s, u"test"_s}, {u"script"_s, exec}}});
    }
    return object;
}

} // namespace

QByteArray exportPostmanCollection(const Collection &collection)
{
    QJsonObject info {{u"name"_s, collection.name}, {u"schema"_s, QString(schemaUrl)}};
    insertIfNotEmpty(&info, u"description"_s, collection.description);
    QJsonArray items;
    for (const CollectionItem &item : collection.items)
        items.append(itemJson(item));
    QJsonObject root {{u"info"_s, info}, {u"item"_s, items}};
    insertIfSet(&root, u"auth"_s, authJson(collection.auth));
    if (!collection.variables.isEmpty())
        root.insert(u"variable"_s, variablesJson(collection.variables));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray exportPostmanEnvironment(const Environment &environment)
{
    QJsonArray values;
    for (const Variable &variable : environment.variables) {
        values.append(QJsonObject {{u"key"_s, variable.name},
            {u"value"_s, variable.secret ? QString() : variable.value},
            {u"type"_s, variable.secret ? u"secret"_s : u"default"_s},
            {u"enabled"_s, variable.enabled}});
    }
    const QJsonObject root {{u"name"_s, environment.name}, {u"values"_s, values},
        {u"_postman_variable_scope"_s, u"environment"_s}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
