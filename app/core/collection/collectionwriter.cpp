// Writes the native collection file: members in a fixed order, two-space indentation, defaults
// left out, unknown fields written back.
#include "core/collection/collectionfields.h"
#include "core/collection/collectionfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>

#include <cmath>

using namespace CollectionFields;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectionFile)
};

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
        if (row.value.isNull()) { // a query key alone ("?pretty"); absent means empty
            w.key(u"value");
            w.value(QJsonValue::Null);
        } else {
            w.optional("value"_L1, row.value);
        }
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
    if (!request.captures.isEmpty()) {
        w.key(u"captures");
        w.beginArray();
        for (const Capture &capture : request.captures) {
            w.beginObject();
            w.string("variable"_L1, capture.variable);
            w.string("from"_L1, nameOf(CaptureSources, capture.source));
            w.optional("expression"_L1, capture.expression);
            w.optional("enabled"_L1, capture.enabled, true);
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
    w.optional("sequential"_L1, run.sequential, defaults.sequential);
    w.optional("rowOrder"_L1, run.rowOrder, defaults.rowOrder);
    w.optional("dataFile"_L1, run.dataFile);
    w.optional("environment"_L1, run.environment);
    w.unknown(unknown, RunKeys);
    w.endObject();
}
} // namespace

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
