#include "core/collection/collectionfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cmath>
#include <initializer_list>
#include <optional>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectionFile)
};

using Keys = std::initializer_list<QLatin1StringView>;
using namespace Qt::StringLiterals;

// Field names of each object, in the order they are written.
const Keys CollectionKeys = {"format"_L1, "version"_L1, "name"_L1, "description"_L1, "auth"_L1,
    "variables"_L1, "environments"_L1, "run"_L1, "items"_L1};
const Keys FolderKeys
    = {"type"_L1, "name"_L1, "description"_L1, "auth"_L1, "variables"_L1, "items"_L1};
const Keys RequestItemKeys = {"type"_L1, "name"_L1, "description"_L1, "request"_L1};
const Keys RequestKeys
    = {"method"_L1, "url"_L1, "params"_L1, "headers"_L1, "auth"_L1, "body"_L1, "assertions"_L1};
const Keys AuthKeys
    = {"type"_L1, "username"_L1, "password"_L1, "token"_L1, "key"_L1, "value"_L1, "in"_L1};
const Keys BodyKeys = {"mode"_L1, "contentType"_L1, "text"_L1, "form"_L1, "parts"_L1, "file"_L1};
const Keys RunKeys = {"concurrency"_L1, "rate"_L1, "iterations"_L1, "timeoutMs"_L1, "retries"_L1,
    "maxRedirects"_L1, "insecure"_L1, "dataFile"_L1, "environment"_L1};

bool isKnown(const Keys &keys, const QString &key)
{
    for (QLatin1StringView known : keys) {
        if (key == known)
            return true;
    }
    return false;
}

/// The fields of `object` not in `keys`.
QJsonObject unknownOf(const QJsonObject &object, const Keys &keys)
{
    QJsonObject unknown;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnown(keys, it.key()))
            unknown.insert(it.key(), it.value());
    }
    return unknown;
}

// Names of enum values in the file. The index is the enum's value.
const QLatin1StringView AuthTypes[]
    = {"inherit"_L1, "none"_L1, "basic"_L1, "bearer"_L1, "apikey"_L1};
const QLatin1StringView ApiKeyLocations[] = {"header"_L1, "query"_L1};
const QLatin1StringView BodyModes[]
    = {"none"_L1, "raw"_L1, "json"_L1, "urlencoded"_L1, "multipart"_L1, "file"_L1};
const QLatin1StringView AssertionKinds[] = {"statusEquals"_L1, "statusInRange"_L1,
    "headerExists"_L1, "headerEquals"_L1, "headerContains"_L1, "bodyContains"_L1,
    "jsonPathExists"_L1, "jsonPathEquals"_L1, "latencyBelow"_L1};

// ---- writing ---------------------------------------------------------------------------------

/// A streaming JSON writer with members in the order they are written (QJsonDocument would sort
/// them) and two-space indentation.
class JsonWriter
{
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(QStringView name)
    {
        separate();
        writeString(name);
        m_out += ": ";
        m_afterKey = true;
    }
    void value(const QJsonValue &value);
    void string(QLatin1StringView name, const QString &text)
    {
        key(QString(name));
        value(text);
    }
    /// Writes the member unless it has its default value.
    void optional(QLatin1StringView name, const QString &text)
    {
        if (!text.isEmpty())
            string(name, text);
    }
    void optional(QLatin1StringView name, bool flag, bool defaultValue)
    {
        if (flag != defaultValue) {
            key(QString(name));
            value(flag);
        }
    }
    void optional(QLatin1StringView name, int number, int defaultValue)
    {
        optional(name, double(number), double(defaultValue));
    }
    void optional(QLatin1StringView name, double number, double defaultValue)
    {
        if (number != defaultValue) {
            key(QString(name));
            value(number);
        }
    }
    /// The fields of `unknown` not in `known`, alphabetically.
    void unknown(const QJsonObject &unknown, const Keys &known)
    {
        for (auto it = unknown.begin(); it != unknown.end(); ++it) {
            if (!isKnown(known, it.key())) {
                key(it.key());
                value(it.value());
            }
        }
    }
    QByteArray finish() { return m_out + '\n'; }

private:
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_hasMembers.isEmpty())
            return;
        if (m_hasMembers.last())
            m_out += ',';
        m_hasMembers.last() = true;
        newLine();
    }
    void newLine()
    {
        m_out += '\n';
        m_out.append(2 * m_hasMembers.size(), ' ');
    }
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        m_hasMembers.append(false);
    }
    void close(char bracket)
    {
        if (m_hasMembers.takeLast())
            newLine();
        m_out += bracket;
    }
    void writeString(QStringView text);
    void writeNumber(double number);

    QByteArray m_out;
    QList<bool> m_hasMembers; ///< per open object or array
    bool m_afterKey = false;
};

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        beginObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            key(it.key());
            this->value(it.value());
        }
        endObject();
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        beginArray();
        for (const QJsonValue &element : array)
            this->value(element);
        endArray();
        return;
    }
    default:
        break;
    }
    separate();
    switch (value.type()) {
    case QJsonValue::Bool:
        m_out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(value.toDouble());
        break;
    case QJsonValue::String:
        writeString(value.toString());
        break;
    default:
        m_out += "null";
        break;
    }
}

void JsonWriter::writeNumber(double number)
{
    if (!std::isfinite(number)) {
        m_out += "null"; // JSON has no NaN or infinity
    } else if (number == std::trunc(number) && std::abs(number) < 9007199254740992.0) {
        m_out += QByteArray::number(qint64(number)); // whole numbers without a fraction
    } else {
        m_out += QString::number(number, 'g', QLocale::FloatingPointShortest).toLatin1();
    }
}

void JsonWriter::writeString(QStringView text)
{
    m_out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            m_out += '\\';
            m_out += char(u);
        } else if (u == u'\n') {
            m_out += "\\n";
        } else if (u == u'\t') {
            m_out += "\\t";
        } else if (u == u'\r') {
            m_out += "\\r";
        } else if (u < 0x20
            || (c.isSurrogate()
                && !(c.isHighSurrogate() && i + 1 < text.size()
                    && text.at(i + 1).isLowSurrogate()))) {
            // Control characters and lone surrogates (which UTF-8 cannot carry) as escapes.
            m_out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        } else if (c.isHighSurrogate()) {
            m_out += text.mid(i, 2).toUtf8();
            ++i;
        } else if (u < 0x80) {
            m_out += char(u);
        } else {
            m_out += text.mid(i, 1).toUtf8();
        }
    }
    m_out += '"';
}

template<std::size_t N>
QString nameOf(const QLatin1StringView (&names)[N], auto value)
{
    const auto index = std::size_t(value);
    return index < N ? QString(names[index]) : QString();
}

void writeVariables(JsonWriter &w, QLatin1StringView key, const QList<Variable> &variables)
{
    if (variables.isEmpty())
        return;
    w.key(QString(key));
    w.beginArray();
    for (const Variable &variable : variables) {
        w.beginObject();
        w.string("name"_L1, variable.name);
        if (!variable.secret) // a secret's value lives in the user's settings, never here
            w.optional("value"_L1, variable.value);
        w.optional("enabled"_L1, variable.enabled, true);
        w.optional("secret"_L1, variable.secret, false);
        w.endObject();
    }
    w.endArray();
}

void writeKeyValues(JsonWriter &w, QLatin1StringView key, const QList<KeyValue> &rows)
{
    if (rows.isEmpty())
        return;
    w.key(QString(key));
    w.beginArray();
    for (const KeyValue &row : rows) {
        w.beginObject();
        w.string("name"_L1, row.key);
        w.optional("value"_L1, row.value);
        w.optional("description"_L1, row.description);
        w.optional("enabled"_L1, row.enabled, true);
        w.endObject();
    }
    w.endArray();
}

void writeAuth(JsonWriter &w, const Auth &auth, const QJsonObject &unknown)
{
    if (auth == Auth() && unknown.isEmpty())
        return;
    w.key(u"auth");
    w.beginObject();
    w.string("type"_L1, nameOf(AuthTypes, auth.type));
    w.optional("username"_L1, auth.username);
    w.optional("password"_L1, auth.password);
    w.optional("token"_L1, auth.token);
    w.optional("key"_L1, auth.key);
    w.optional("value"_L1, auth.value);
    if (auth.location != Auth::ApiKeyLocation::Header)
        w.string("in"_L1, nameOf(ApiKeyLocations, auth.location));
    w.unknown(unknown, AuthKeys);
    w.endObject();
}

void writeBody(JsonWriter &w, const Body &body, const QJsonObject &unknown)
{
    if (body == Body() && unknown.isEmpty())
        return;
    w.key(u"body");
    w.beginObject();
    w.string("mode"_L1, nameOf(BodyModes, body.mode));
    w.optional("contentType"_L1, body.contentType);
    w.optional("text"_L1, body.text);
    writeKeyValues(w, "form"_L1, body.form);
    if (!body.parts.isEmpty()) {
        w.key(u"parts");
        w.beginArray();
        for (const FormPart &part : body.parts) {
            w.beginObject();
            w.string("name"_L1, part.name);
            w.string(part.isFile ? "file"_L1 : "value"_L1, part.value);
            w.optional("contentType"_L1, part.contentType);
            w.optional("enabled"_L1, part.enabled, true);
            w.endObject();
        }
        w.endArray();
    }
    w.optional("file"_L1, body.filePath);
    w.unknown(unknown, BodyKeys);
    w.endObject();
}

void writeRequest(JsonWriter &w, const RequestItem &request, const QJsonObject &unknown)
{
    w.key(u"request");
    w.beginObject();
    w.string("method"_L1, request.method);
    w.string("url"_L1, request.url);
    writeKeyValues(w, "params"_L1, request.params);
    writeKeyValues(w, "headers"_L1, request.headers);
    writeAuth(w, request.auth, unknown.value("auth"_L1).toObject());
    writeBody(w, request.body, unknown.value("body"_L1).toObject());
    if (!request.assertions.isEmpty()) {
        w.key(u"assertions");
        w.beginArray();
        for (const Assertion &assertion : request.assertions) {
            w.beginObject();
            w.string("type"_L1, nameOf(AssertionKinds, assertion.kind));
            w.optional("target"_L1, assertion.target);
            w.optional("expected"_L1, assertion.expected);
            w.optional("enabled"_L1, assertion.enabled, true);
            w.endObject();
        }
        w.endArray();
    }
    w.unknown(unknown, RequestKeys);
    w.endObject();
}

void writeItems(JsonWriter &w, const QList<CollectionItem> &items)
{
    if (items.isEmpty())
        return;
    w.key(u"items");
    w.beginArray();
    for (const CollectionItem &item : items) {
        w.beginObject();
        w.string("type"_L1, item.isFolder() ? u"folder"_s : u"request"_s);
        w.string("name"_L1, item.name);
        w.optional("description"_L1, item.description);
        if (item.isFolder()) {
            writeAuth(w, item.folderAuth, item.unknownFields.value("auth"_L1).toObject());
            writeVariables(w, "variables"_L1, item.variables);
            writeItems(w, item.children);
            w.unknown(item.unknownFields, FolderKeys);
        } else {
            writeRequest(w, item.request, item.unknownFields.value("request"_L1).toObject());
            w.unknown(item.unknownFields, RequestItemKeys);
        }
        w.endObject();
    }
    w.endArray();
}

void writeRun(JsonWriter &w, const RunSettings &run, const QJsonObject &unknown)
{
    const RunSettings defaults;
    if (run == defaults && unknown.isEmpty())
        return;
    w.key(u"run");
    w.beginObject();
    w.optional("concurrency"_L1, run.concurrency, defaults.concurrency);
    w.optional("rate"_L1, run.rate, defaults.rate);
    w.optional("iterations"_L1, run.iterations, defaults.iterations);
    w.optional("timeoutMs"_L1, run.timeoutMs, defaults.timeoutMs);
    w.optional("retries"_L1, run.retries, defaults.retries);
    w.optional("maxRedirects"_L1, run.maxRedirects, defaults.maxRedirects);
    w.optional("insecure"_L1, run.insecure, defaults.insecure);
    w.optional("dataFile"_L1, run.dataFile);
    w.optional("environment"_L1, run.environment);
    w.unknown(unknown, RunKeys);
    w.endObject();
}

// ---- reading ---------------------------------------------------------------------------------

QString childPath(const QString &path, QLatin1StringView key)
{
    return path.isEmpty() ? QString(key) : path + u'.' + key;
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

template<std::size_t N>
QString choices(const QLatin1StringView (&names)[N])
{
    QStringList quoted;
    for (QLatin1StringView name : names)
        quoted.append(u'"' + name + u'"');
    return Tr::tr("expected one of %1").arg(quoted.join(u", "));
}

/// Typed access to the fields of the document that remembers the first error and where it was.
/// An absent or null field reads as its default.
class Reader
{
public:
    bool failed() const { return !m_errorMessage.isNull(); }
    const QString &errorPath() const { return m_errorPath; }
    const QString &errorMessage() const { return m_errorMessage; }
    void fail(const QString &path, const QString &message)
    {
        if (!failed()) {
            m_errorPath = path;
            m_errorMessage = message;
        }
    }

    QString string(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = o.value(key);
        if (v.isString())
            return v.toString();
        if (!isAbsent(v))
            fail(childPath(path, key), Tr::tr("expected a string"));
        return {};
    }
    bool boolean(const QJsonObject &o, const QString &path, QLatin1StringView key, bool fallback)
    {
        const QJsonValue v = o.value(key);
        if (v.isBool())
            return v.toBool();
        if (!isAbsent(v))
            fail(childPath(path, key), Tr::tr("expected true or false"));
        return fallback;
    }
    int integer(const QJsonObject &o, const QString &path, QLatin1StringView key, int fallback,
        int min, int max)
    {
        const QJsonValue v = o.value(key);
        if (isAbsent(v))
            return fallback;
        const double d = v.toDouble(-1.5);
        if (!v.isDouble() || d != std::trunc(d) || d < min || d > max) {
            fail(childPath(path, key),
                Tr::tr("expected a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return int(d);
    }
    double number(const QJsonObject &o, const QString &path, QLatin1StringView key, double fallback)
    {
        const QJsonValue v = o.value(key);
        if (isAbsent(v))
            return fallback;
        if (!v.isDouble() || !(v.toDouble() >= 0) || !std::isfinite(v.toDouble())) {
            fail(childPath(path, key), Tr::tr("expected a number, 0 or more"));
            return fallback;
        }
        return v.toDouble();
    }
    QJsonArray array(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = o.value(key);
        if (v.isArray())
            return v.toArray();
        if (!isAbsent(v))
            fail(childPath(path, key), Tr::tr("expected an array"));
        return {};
    }
    QJsonObject object(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        return object(o.value(key), childPath(path, key));
    }
    QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (v.isObject())
            return v.toObject();
        if (!isAbsent(v))
            fail(path, Tr::tr("expected an object"));
        return {};
    }
    /// An array element that must be an object.
    QJsonObject element(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            fail(path, Tr::tr("expected an object"));
        return v.toObject();
    }
    template<std::size_t N>
    int enumeration(const QJsonObject &o, const QString &path, QLatin1StringView key,
        const QLatin1StringView (&names)[N], int fallback)
    {
        const QJsonValue v = o.value(key);
        if (isAbsent(v))
            return fallback;
        for (std::size_t i = 0; i < N; ++i) {
            if (v.isString() && v.toString() == names[i])
                return int(i);
        }
        fail(childPath(path, key), choices(names));
        return fallback;
    }

private:
    static bool isAbsent(const QJsonValue &v) { return v.isUndefined() || v.isNull(); }

    QString m_errorPath;
    QString m_errorMessage;
};

QList<Variable> readVariables(Reader &r, const QJsonObject &parent, const QString &parentPath)
{
    QList<Variable> variables;
    const QString path = childPath(parentPath, "variables"_L1);
    const QJsonArray array = r.array(parent, parentPath, "variables"_L1);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString at = indexPath(path, i);
        const QJsonObject o = r.element(array.at(i), at);
        Variable variable;
        variable.name = r.string(o, at, "name"_L1);
        variable.value = r.string(o, at, "value"_L1);
        variable.enabled = r.boolean(o, at, "enabled"_L1, true);
        variable.secret = r.boolean(o, at, "secret"_L1, false);
        variables.append(variable);
    }
    return variables;
}

QList<KeyValue> readKeyValues(
    Reader &r, const QJsonObject &parent, const QString &parentPath, QLatin1StringView key)
{
    QList<KeyValue> rows;
    const QString path = childPath(parentPath, key);
    const QJsonArray array = r.array(parent, parentPath, key);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString at = indexPath(path, i);
        const QJsonObject o = r.element(array.at(i), at);
        KeyValue row;
        row.key = r.string(o, at, "name"_L1);
        row.value = r.string(o, at, "value"_L1);
        row.description = r.string(o, at, "description"_L1);
        row.enabled = r.boolean(o, at, "enabled"_L1, true);
        rows.append(row);
    }
    return rows;
}

/// Reads parent["auth"]; its unknown fields go to parentUnknown["auth"].
Auth readAuth(
    Reader &r, const QJsonObject &parent, const QString &parentPath, QJsonObject &parentUnknown)
{
    Auth auth;
    const QString path = childPath(parentPath, "auth"_L1);
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
    Reader &r, const QJsonObject &parent, const QString &parentPath, QJsonObject &parentUnknown)
{
    Body body;
    const QString path = childPath(parentPath, "body"_L1);
    const QJsonObject o = r.object(parent, parentPath, "body"_L1);
    body.mode = Body::Mode(r.enumeration(o, path, "mode"_L1, BodyModes, 0));
    body.contentType = r.string(o, path, "contentType"_L1);
    body.text = r.string(o, path, "text"_L1);
    body.form = readKeyValues(r, o, path, "form"_L1);
    const QJsonArray parts = r.array(o, path, "parts"_L1);
    for (qsizetype i = 0; i < parts.size() && !r.failed(); ++i) {
        const QString at = indexPath(childPath(path, "parts"_L1), i);
        const QJsonObject p = r.element(parts.at(i), at);
        FormPart part;
        part.name = r.string(p, at, "name"_L1);
        part.isFile = p.contains("file"_L1);
        if (part.isFile && p.contains("value"_L1))
            r.fail(at, Tr::tr("expected either \"value\" or \"file\", not both"));
        part.value = r.string(p, at, part.isFile ? "file"_L1 : "value"_L1);
        part.contentType = r.string(p, at, "contentType"_L1);
        part.enabled = r.boolean(p, at, "enabled"_L1, true);
        body.parts.append(part);
    }
    body.filePath = r.string(o, path, "file"_L1);
    if (const QJsonObject unknown = unknownOf(o, BodyKeys); !unknown.isEmpty())
        parentUnknown.insert("body"_L1, unknown);
    return body;
}

QList<Assertion> readAssertions(Reader &r, const QJsonObject &parent, const QString &parentPath)
{
    QList<Assertion> assertions;
    const QString path = childPath(parentPath, "assertions"_L1);
    const QJsonArray array = r.array(parent, parentPath, "assertions"_L1);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString at = indexPath(path, i);
        const QJsonObject o = r.element(array.at(i), at);
        Assertion assertion;
        if (!o.contains("type"_L1))
            r.fail(childPath(at, "type"_L1), choices(AssertionKinds));
        assertion.kind = Assertion::Kind(r.enumeration(o, at, "type"_L1, AssertionKinds, 0));
        assertion.target = r.string(o, at, "target"_L1);
        assertion.expected = r.string(o, at, "expected"_L1);
        assertion.enabled = r.boolean(o, at, "enabled"_L1, true);
        assertions.append(assertion);
    }
    return assertions;
}

RequestItem readRequest(
    Reader &r, const QJsonObject &item, const QString &itemPath, QJsonObject &itemUnknown)
{
    RequestItem request;
    const QString path = childPath(itemPath, "request"_L1);
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
    if (!unknown.isEmpty())
        itemUnknown.insert("request"_L1, unknown);
    return request;
}

QList<CollectionItem> readItems(Reader &r, const QJsonObject &parent, const QString &parentPath)
{
    QList<CollectionItem> items;
    const QString path = childPath(parentPath, "items"_L1);
    const QJsonArray array = r.array(parent, parentPath, "items"_L1);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const QString at = indexPath(path, i);
        const QJsonObject o = r.element(array.at(i), at);
        if (r.failed())
            break;
        CollectionItem item;
        const QString type = o.value("type"_L1).toString();
        if (type != u"folder" && type != u"request") {
            r.fail(childPath(at, "type"_L1), Tr::tr("expected \"folder\" or \"request\""));
            break;
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
        items.append(item);
    }
    return items;
}

RunSettings readRun(Reader &r, const QJsonObject &parent, QJsonObject &parentUnknown)
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
    run.dataFile = r.string(o, path, "dataFile"_L1);
    run.environment = r.string(o, path, "environment"_L1);
    if (const QJsonObject unknown = unknownOf(o, RunKeys); !unknown.isEmpty())
        parentUnknown.insert("run"_L1, unknown);
    return run;
}

// ---- finding the line of an error --------------------------------------------------------------

/// Finds where the value at a path like `items[2].request.headers[0]` starts in JSON text that has
/// already parsed, so errors found in the parsed document can name a line and column.
class JsonLocator
{
public:
    explicit JsonLocator(const QByteArray &text)
        : m_text(text)
    { }

    qsizetype locate(const QString &path)
    {
        m_pos = m_text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        skipSpace();
        qsizetype i = 0;
        while (i < path.size()) {
            if (path.at(i) == u'.') {
                ++i;
            } else if (path.at(i) == u'[') {
                const qsizetype close = path.indexOf(u']', i);
                if (close < 0
                    || !enterIndex(QStringView(path).mid(i + 1, close - i - 1).toLongLong()))
                    return -1;
                i = close + 1;
            } else {
                qsizetype end = i;
                while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[')
                    ++end;
                if (!enterKey(path.mid(i, end - i)))
                    return -1;
                i = end;
            }
        }
        return m_pos;
    }

private:
    bool at(char c) const { return m_pos < m_text.size() && m_text.at(m_pos) == c; }
    void skipSpace()
    {
        while (m_pos < m_text.size() && QByteArrayView(" \t\r\n").contains(m_text.at(m_pos)))
            ++m_pos;
    }
    void skipString()
    {
        for (++m_pos; m_pos < m_text.size(); ++m_pos) {
            if (m_text.at(m_pos) == '\\')
                ++m_pos;
            else if (m_text.at(m_pos) == '"')
                break;
        }
        ++m_pos;
    }
    /// Past one value: a string, a scalar, or a whole object or array.
    void skipValue()
    {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text.at(m_pos);
            if (c == '"') {
                skipString();
                if (depth == 0)
                    return;
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    return; // the end of the container holding a scalar
                if (--depth == 0) {
                    ++m_pos;
                    return;
                }
            } else if (depth == 0 && QByteArrayView(", \t\r\n").contains(c)) {
                return;
            }
            ++m_pos;
        }
    }
    QString readKey()
    {
        const qsizetype start = m_pos;
        skipString();
        const QByteArray raw = m_text.mid(start, m_pos - start);
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw.mid(1, raw.size() - 2));
        return QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
    }
    bool enterKey(const QString &key)
    {
        if (!at('{'))
            return false;
        ++m_pos;
        qsizetype found = -1; // the last of duplicate keys is the one the parser kept
        for (;;) {
            skipSpace();
            if (!at('"'))
                break;
            const QString name = readKey();
            skipSpace();
            if (!at(':'))
                return false;
            ++m_pos;
            skipSpace();
            if (name == key)
                found = m_pos;
            skipValue();
            skipSpace();
            if (!at(','))
                break;
            ++m_pos;
        }
        m_pos = found;
        return found >= 0;
    }
    bool enterIndex(qsizetype index)
    {
        if (!at('['))
            return false;
        ++m_pos;
        for (qsizetype i = 0;; ++i) {
            skipSpace();
            if (m_pos >= m_text.size() || at(']'))
                return false;
            if (i == index)
                return true;
            skipValue();
            skipSpace();
            if (!at(','))
                return false;
            ++m_pos;
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

ParseError errorAt(
    const QByteArray &json, const QString &fileName, const QString &path, const QString &message)
{
    // A missing field is not in the text: point at the object that lacks it.
    QString found = path;
    qsizetype offset = JsonLocator(json).locate(found);
    while (offset < 0 && !found.isEmpty()) {
        found.truncate(qMax<qsizetype>(0, qMax(found.lastIndexOf(u'.'), found.lastIndexOf(u'['))));
        offset = JsonLocator(json).locate(found);
    }
    if (offset < 0)
        return {fileName, path, message};
    const auto [line, column] = lineAndColumn(json, offset);
    return {fileName, QString::number(line) + u':' + QString::number(column),
        path.isEmpty() ? message : path + u": " + message};
}
} // namespace

Parsed<Collection> parseCollection(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return ParseError {fileName, QString::number(line) + u':' + QString::number(column),
            Tr::tr("invalid JSON: %1").arg(parseError.errorString())};
    }
    if (!document.isObject())
        return errorAt(json, fileName, {}, Tr::tr("expected a JSON object"));
    const QJsonObject root = document.object();
    if (root.value("format"_L1).toString() != QLatin1StringView(CollectionFile::FormatTag)) {
        return errorAt(json, fileName, root.contains("format"_L1) ? u"format"_s : QString(),
            Tr::tr("not a Rafaga collection: expected \"format\": \"%1\"")
                .arg(QLatin1StringView(CollectionFile::FormatTag)));
    }
    const QJsonValue version = root.value("version"_L1);
    const double number = version.toDouble(-1);
    if (!version.isDouble() || number < 1 || number != std::trunc(number)) {
        return errorAt(json, fileName, root.contains("version"_L1) ? u"version"_s : QString(),
            Tr::tr("expected \"version\": %1").arg(CollectionFile::FormatVersion));
    }
    if (number > CollectionFile::FormatVersion) {
        return errorAt(json, fileName, u"version"_s,
            Tr::tr("the file is format version %1, written by a newer Rafaga; this version "
                   "reads version %2 at most")
                .arg(number)
                .arg(CollectionFile::FormatVersion));
    }

    Reader r;
    Collection collection;
    collection.unknownFields = unknownOf(root, CollectionKeys);
    collection.name = r.string(root, {}, "name"_L1);
    collection.description = r.string(root, {}, "description"_L1);
    collection.auth = readAuth(r, root, {}, collection.unknownFields);
    collection.variables = readVariables(r, root, {});
    const QJsonArray environments = r.array(root, {}, "environments"_L1);
    for (qsizetype i = 0; i < environments.size() && !r.failed(); ++i) {
        const QString at = indexPath(u"environments"_s, i);
        const QJsonObject o = r.element(environments.at(i), at);
        Environment environment;
        environment.name = r.string(o, at, "name"_L1);
        environment.variables = readVariables(r, o, at);
        collection.environments.append(environment);
    }
    collection.run = readRun(r, root, collection.unknownFields);
    collection.items = readItems(r, root, {});
    if (r.failed())
        return errorAt(json, fileName, r.errorPath(), r.errorMessage());
    return collection;
}

Parsed<Collection> loadCollection(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseError {path, {}, Tr::tr("cannot read the file: %1").arg(file.errorString())};
    return parseCollection(file.readAll(), path);
}

QByteArray serializeCollection(const Collection &collection)
{
    JsonWriter w;
    w.beginObject();
    w.string("format"_L1, QLatin1StringView(CollectionFile::FormatTag));
    w.key(u"version");
    w.value(CollectionFile::FormatVersion);
    w.string("name"_L1, collection.name);
    w.optional("description"_L1, collection.description);
    writeAuth(w, collection.auth, collection.unknownFields.value("auth"_L1).toObject());
    writeVariables(w, "variables"_L1, collection.variables);
    if (!collection.environments.isEmpty()) {
        w.key(u"environments");
        w.beginArray();
        for (const Environment &environment : collection.environments) {
            w.beginObject();
            w.string("name"_L1, environment.name);
            writeVariables(w, "variables"_L1, environment.variables);
            w.endObject();
        }
        w.endArray();
    }
    writeRun(w, collection.run, collection.unknownFields.value("run"_L1).toObject());
    writeItems(w, collection.items);
    w.unknown(collection.unknownFields, CollectionKeys);
    w.endObject();
    return w.finish();
}

bool saveCollection(const Collection &collection, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(serializeCollection(collection));
        if (file.commit())
            return true;
    }
    if (error)
        *error = Tr::tr("cannot save %1: %2").arg(path, file.errorString());
    return false;
}
