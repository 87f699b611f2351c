// Postman URLs (raw or in parts, query rows, path variables), headers and key-value rows.
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

/// Replaces each path segment `:name` whose name has a value in values by the value; one with no
/// value is sent as written (":name"), as newman sends it.
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
        if (it != values.cend() && !it->isEmpty())
            segment = *it;
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

} // namespace

bool PostmanReader::readUrl(
    const QJsonValue &value, const QString &place, const QString &what, RequestItem *out)
{
    QString raw;
    QJsonArray query;
    QJsonArray pathVariables;
    bool hasQueryArray = false;
    if (JsonReader::isAbsent(value)) {
        return true;
    } else if (value.isString()) {
        raw = value.toString();
    } else if (value.isObject()) {
        const QJsonObject url = value.toObject();
        if (!m_r.text(url.value("raw"_L1), field(place, "raw"_L1), &raw)
            || (raw.isEmpty() && !urlFromParts(url, place, &raw))
            || !m_r.array(url.value("query"_L1), field(place, "query"_L1), &query)
            || !m_r.array(url.value("variable"_L1), field(place, "variable"_L1), &pathVariables)) {
            return false;
        }
        hasQueryArray = url.value("query"_L1).isArray();
    } else {
        return m_r.fail(place, Tr::tr("expected a string or an object"));
    }

    const qsizetype hash = raw.indexOf(u'#');
    if (hash >= 0) {
        if (hash + 1 < raw.size())
            m_r.note(what,
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
        if (!readKeyValues(query, field(place, "query"_L1), &out->params))
            return false;
    } else {
        out->params = splitQuery(queryText);
    }

    QHash<QString, QString> values;
    for (qsizetype i = 0; i < pathVariables.size(); ++i) {
        const QString variablePlace = element(field(place, "variable"_L1), i);
        if (!pathVariables.at(i).isObject())
            return m_r.fail(variablePlace, Tr::tr("expected an object"));
        const QJsonObject variable = pathVariables.at(i).toObject();
        QString name;
        QString variableValue;
        const QJsonValue key
            = variable.contains("key"_L1) ? variable.value("key"_L1) : variable.value("id"_L1);
        if (!m_r.text(key, field(variablePlace, "key"_L1), &name)
            || !m_r.text(
                variable.value("value"_L1), field(variablePlace, "value"_L1), &variableValue)) {
            return false;
        }
        values.insert(name, variableValue);
    }
    out->url = substitutePathVariables(raw, values);
    return true;
}

/// Rebuilds a URL from protocol, host, port and path, for URL objects without "raw".
bool PostmanReader::urlFromParts(const QJsonObject &url, const QString &place, QString *out)
{
    // host and path are a string or an array of parts (strings, or {"value": ...} in v2.0).
    auto joined = [this](const QJsonValue &value, const QString &partPlace, QChar separator,
                      QString *result) {
        if (!value.isArray())
            return m_r.text(value, partPlace, result);
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString part;
            const QJsonValue item
                = array.at(i).isObject() ? array.at(i).toObject().value("value"_L1) : array.at(i);
            if (!m_r.text(item, element(partPlace, i), &part))
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
    if (!m_r.text(url.value("protocol"_L1), field(place, "protocol"_L1), &protocol)
        || !joined(url.value("host"_L1), field(place, "host"_L1), u'.', &host)
        || !m_r.text(url.value("port"_L1), field(place, "port"_L1), &port)
        || !joined(url.value("path"_L1), field(place, "path"_L1), u'/', &path)) {
        return false;
    }
    *out = (protocol.isEmpty() ? QString() : protocol + u"://"_s) + host
        + (port.isEmpty() ? QString() : u':' + port)
        + (path.isEmpty() || path.startsWith(u'/') ? path : u'/' + path);
    return true;
}

bool PostmanReader::readHeaders(const QJsonValue &value, const QString &place, QList<KeyValue> *out)
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

bool PostmanReader::readKeyValues(
    const QJsonValue &value, const QString &place, QList<KeyValue> *out)
{
    QJsonArray rows;
    if (!m_r.array(value, place, &rows))
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPlace = element(place, i);
        if (!rows.at(i).isObject())
            return m_r.fail(rowPlace, Tr::tr("expected an object with \"key\" and \"value\""));
        const QJsonObject row = rows.at(i).toObject();
        KeyValue keyValue;
        const QJsonValue key = row.contains("key"_L1) ? row.value("key"_L1) : row.value("name"_L1);
        if (!m_r.text(key, field(rowPlace, "key"_L1), &keyValue.key)
            || !m_r.text(row.value("value"_L1), field(rowPlace, "value"_L1), &keyValue.value)
            || !readDescription(row.value("description"_L1), field(rowPlace, "description"_L1),
                &keyValue.description)) {
            return false;
        }
        keyValue.enabled = !row.value("disabled"_L1).toBool();
        out->append(keyValue);
    }
    return true;
}
