// Postman bodies (raw, urlencoded, form data, file, GraphQL) and auth.
#include "core/formats/postmanreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;
using JsonPath::element;
using JsonPath::field;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PostmanImport)
};

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

/// A JSON body without its // and /* */ comments, which Postman allows in raw JSON and takes out
/// before sending; text in strings is left alone.
QString withoutJsonComments(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (inString) {
            out += c;
            if (c == u'\\' && i + 1 < text.size())
                out += text.at(++i);
            else if (c == u'"')
                inString = false;
        } else if (c == u'/' && next == u'/') {
            while (i + 1 < text.size() && text.at(i + 1) != u'\n')
                ++i;
        } else if (c == u'/' && next == u'*') {
            const qsizetype end = text.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? text.size() : end + 1;
        } else {
            inString = c == u'"';
            out += c;
        }
    }
    return out;
}

/// Postman's auth parameters: v2.1 writes [{"key", "value", "type"}], v2.0 {"key": value}.
QHash<QString, QString> authParameters(const QJsonValue &value)
{
    QHash<QString, QString> parameters;
    if (value.isArray()) {
        const QJsonArray rows = value.toArray();
        for (const QJsonValue &row : rows) {
            const QJsonObject object = row.toObject();
            if (const auto text = JsonReader::scalarText(object.value("value"_L1)))
                parameters.insert(object.value("key"_L1).toString(), *text);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const auto text = JsonReader::scalarText(it.value()))
                parameters.insert(it.key(), *text);
        }
    }
    return parameters;
}

} // namespace

bool PostmanReader::readBody(
    const QJsonValue &value, const QString &place, const QString &what, Body *out)
{
    if (JsonReader::isAbsent(value))
        return true;
    if (!value.isObject())
        return m_r.fail(place, Tr::tr("expected an object"));
    const QJsonObject body = value.toObject();
    QString mode;
    if (!m_r.text(body.value("mode"_L1), field(place, "mode"_L1), &mode))
        return false;
    if (mode.isEmpty() && body.contains("raw"_L1))
        mode = u"raw"_s;
    if (mode.isEmpty())
        return true;
    if (body.value("disabled"_L1).toBool()) {
        m_r.note(what, Tr::tr("body is disabled in Postman; not imported"));
        return true;
    }

    if (mode == "raw"_L1) {
        if (!m_r.text(body.value("raw"_L1), field(place, "raw"_L1), &out->text))
            return false;
        const QString language = body.value("options"_L1)
                                     .toObject()
                                     .value("raw"_L1)
                                     .toObject()
                                     .value("language"_L1)
                                     .toString();
        out->mode = language == "json"_L1 ? Body::Mode::Json : Body::Mode::Raw;
        if (out->mode == Body::Mode::Json && out->text.contains(u'/'))
            out->text = withoutJsonComments(out->text);
        out->contentType = contentTypeForLanguage(language);
    } else if (mode == "urlencoded"_L1) {
        out->mode = Body::Mode::FormUrlEncoded;
        return readKeyValues(
            body.value("urlencoded"_L1), field(place, "urlencoded"_L1), &out->form);
    } else if (mode == "formdata"_L1) {
        out->mode = Body::Mode::Multipart;
        return readFormData(
            body.value("formdata"_L1), field(place, "formdata"_L1), what, &out->parts);
    } else if (mode == "file"_L1) {
        const QJsonValue file = body.value("file"_L1);
        if (!JsonReader::isAbsent(file) && !file.isObject())
            return m_r.fail(field(place, "file"_L1), Tr::tr("expected an object"));
        out->mode = Body::Mode::BinaryFile;
        if (!m_r.text(file.toObject().value("src"_L1), field(place, "file.src"_L1), &out->filePath))
            return false;
        const QJsonValue content = file.toObject().value("content"_L1);
        if (out->filePath.isEmpty() && content.isString()) {
            out->mode = Body::Mode::Raw;
            out->text = content.toString();
        } else if (out->filePath.isEmpty()) {
            m_r.note(what, Tr::tr("binary body has no file chosen"));
        }
    } else if (mode == "graphql"_L1) {
        const QJsonValue graphql = body.value("graphql"_L1);
        if (!JsonReader::isAbsent(graphql) && !graphql.isObject())
            return m_r.fail(field(place, "graphql"_L1), Tr::tr("expected an object"));
        return readGraphQl(graphql.toObject(), field(place, "graphql"_L1), what, out);
    } else {
        m_r.note(what, Tr::tr("body of mode \"%1\" not imported").arg(mode));
    }
    return true;
}

bool PostmanReader::readFormData(
    const QJsonValue &value, const QString &place, const QString &what, QList<FormPart> *out)
{
    QJsonArray rows;
    if (!m_r.array(value, place, &rows))
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPlace = element(place, i);
        if (!rows.at(i).isObject())
            return m_r.fail(
                rowPlace, Tr::tr("expected an object with \"key\" and \"value\" or \"src\""));
        const QJsonObject row = rows.at(i).toObject();
        FormPart part;
        if (!m_r.text(row.value("key"_L1), field(rowPlace, "key"_L1), &part.name)
            || !m_r.text(row.value("contentType"_L1), field(rowPlace, "contentType"_L1),
                &part.contentType)) {
            return false;
        }
        part.enabled = !row.value("disabled"_L1).toBool();
        part.isFile = row.value("type"_L1).toString() == "file"_L1;
        QJsonValue source = part.isFile ? row.value("src"_L1) : row.value("value"_L1);
        if (source.isArray()) { // several files in one part: we send one
            const QJsonArray files = source.toArray();
            if (files.size() > 1)
                m_r.note(what,
                    Tr::tr("form part \"%1\": only the first of %n files imported", nullptr,
                        int(files.size()))
                        .arg(part.name));
            source = files.isEmpty() ? QJsonValue() : files.first();
        }
        if (part.isFile && JsonReader::isAbsent(source))
            source = row.value("value"_L1); // older exports kept the path in value
        if (!m_r.text(source, field(rowPlace, part.isFile ? "src"_L1 : "value"_L1), &part.value))
            return false;
        if (part.isFile && part.value.isEmpty())
            m_r.note(what, Tr::tr("form part \"%1\" has no file chosen").arg(part.name));
        out->append(part);
    }
    return true;
}

bool PostmanReader::readGraphQl(
    const QJsonObject &graphql, const QString &place, const QString &what, Body *out)
{
    QString query;
    if (!m_r.text(graphql.value("query"_L1), field(place, "query"_L1), &query))
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
            m_r.note(what, Tr::tr("GraphQL variables are not a JSON object; sent as text"));
            payload.insert(u"variables"_s, variables);
        }
    } else {
        payload.insert(u"variables"_s, QJsonObject());
    }
    out->mode = Body::Mode::Json;
    out->text = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented)).trimmed();
    return true;
}

bool PostmanReader::readAuth(
    const QJsonValue &value, const QString &place, const QString &what, Auth *out)
{
    *out = Auth();
    if (JsonReader::isAbsent(value))
        return true;
    if (!value.isObject())
        return m_r.fail(place, Tr::tr("expected an object"));
    const QJsonObject auth = value.toObject();
    QString type;
    if (!m_r.text(auth.value("type"_L1), field(place, "type"_L1), &type))
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
        m_r.note(what, Tr::tr("%1 auth not supported; imported as no auth").arg(type));
    }
    return true;
}
