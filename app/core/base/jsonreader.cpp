#include "core/base/jsonreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QMetaType>
#include <QStringDecoder>
#include <QVariant>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)
};

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
    void skipValue();
    QString readKey()
    {
        const qsizetype start = m_pos;
        skipString();
        const QByteArray raw = m_text.mid(start, m_pos - start);
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw.mid(1, raw.size() - 2));
        return QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
    }
    bool enterKey(const QString &key);
    bool enterIndex(qsizetype index);

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

/// Past one value: a string, a scalar, or a whole object or array.
void JsonLocator::skipValue()
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

bool JsonLocator::enterKey(const QString &key)
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

bool JsonLocator::enterIndex(qsizetype index)
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

QString place(const QByteArray &text, qsizetype offset)
{
    const auto [line, column] = lineAndColumn(text, offset);
    return QString::number(line) + u':' + QString::number(column);
}

} // namespace

QByteArray utf8WithoutBom(const QByteArray &text)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        return text.mid(3);
    const bool little = text.startsWith("\xFF\xFE");
    if (!little && !text.startsWith("\xFE\xFF"))
        return text;
    QStringDecoder decoder(little ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
    const QString decoded = decoder.decode(QByteArrayView(text).sliced(2));
    return decoded.toUtf8();
}

Parsed<JsonDocument> parseJsonDocument(
    const QByteArray &input, const QString &fileName, const QString &notAnObject)
{
    const QByteArray text = utf8WithoutBom(input);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ParseError {fileName, place(text, parseError.offset),
            Tr::tr("invalid JSON: %1").arg(parseError.errorString())};
    }
    if (!document.isObject()) {
        return jsonErrorAt(text, fileName, {},
            notAnObject.isEmpty() ? Tr::tr("expected a JSON object") : notAnObject);
    }
    return JsonDocument {fileName, text, document.object()};
}

ParseError jsonErrorAt(
    const QByteArray &text, const QString &fileName, const QString &path, const QString &message)
{
    // A missing field is not in the text: point at the object that lacks it.
    QString found = path;
    qsizetype offset = JsonLocator(text).locate(found);
    while (offset < 0 && !found.isEmpty()) {
        found.truncate(qMax<qsizetype>(0, qMax(found.lastIndexOf(u'.'), found.lastIndexOf(u'['))));
        offset = JsonLocator(text).locate(found);
    }
    if (offset < 0)
        return {fileName, path, message};
    return {fileName, place(text, offset), path.isEmpty() ? message : path + u": " + message};
}

QString JsonPath::field(const QString &parent, QLatin1StringView key)
{
    return parent.isEmpty() ? QString(key) : parent + u'.' + key;
}

QString JsonPath::element(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

std::optional<QString> JsonReader::scalarText(const QJsonValue &value)
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

bool JsonReader::fail(const QString &path, const QString &message)
{
    if (!failed()) {
        m_errorPath = path;
        m_errorMessage = message;
    }
    return false;
}

void JsonReader::note(const QString &what, const QString &text)
{
    if (m_notes)
        m_notes->append(what.isEmpty() ? text : what + u": "_s + text);
}

bool JsonReader::text(const QJsonValue &value, const QString &path, QString *out)
{
    const std::optional<QString> scalar = scalarText(value);
    if (!scalar)
        return fail(path, Tr::tr("expected a string"));
    *out = *scalar;
    return true;
}

bool JsonReader::array(const QJsonValue &value, const QString &path, QJsonArray *out)
{
    if (isAbsent(value))
        *out = {};
    else if (value.isArray())
        *out = value.toArray();
    else
        return fail(path, Tr::tr("expected an array"));
    return true;
}

bool JsonReader::object(const QJsonValue &value, const QString &path, QJsonObject *out)
{
    if (!value.isObject())
        return fail(path, Tr::tr("expected an object"));
    *out = value.toObject();
    return true;
}

QString JsonReader::string(const QJsonObject &o, const QString &path, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (!isAbsent(v))
        fail(JsonPath::field(path, key), Tr::tr("expected a string"));
    return {};
}

bool JsonReader::boolean(
    const QJsonObject &o, const QString &path, QLatin1StringView key, bool fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isBool())
        return v.toBool();
    if (!isAbsent(v))
        fail(JsonPath::field(path, key), Tr::tr("expected true or false"));
    return fallback;
}

int JsonReader::integer(const QJsonObject &o, const QString &path, QLatin1StringView key,
    int fallback, int min, int max)
{
    const QJsonValue v = o.value(key);
    if (isAbsent(v))
        return fallback;
    const double d = v.toDouble(-1.5);
    if (!v.isDouble() || d != std::trunc(d) || d < min || d > max) {
        fail(JsonPath::field(path, key),
            Tr::tr("expected a whole number from %1 to %2").arg(min).arg(max));
        return fallback;
    }
    return int(d);
}

double JsonReader::number(
    const QJsonObject &o, const QString &path, QLatin1StringView key, double fallback)
{
    const QJsonValue v = o.value(key);
    if (isAbsent(v))
        return fallback;
    if (!v.isDouble() || !(v.toDouble() >= 0) || !std::isfinite(v.toDouble())) {
        fail(JsonPath::field(path, key), Tr::tr("expected a number, 0 or more"));
        return fallback;
    }
    return v.toDouble();
}

QJsonArray JsonReader::array(const QJsonObject &o, const QString &path, QLatin1StringView key)
{
    QJsonArray out;
    array(o.value(key), JsonPath::field(path, key), &out);
    return out;
}

QJsonObject JsonReader::object(const QJsonObject &o, const QString &path, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isObject())
        return v.toObject();
    if (!isAbsent(v))
        fail(JsonPath::field(path, key), Tr::tr("expected an object"));
    return {};
}

QJsonObject JsonReader::element(const QJsonValue &v, const QString &path)
{
    QJsonObject out;
    object(v, path, &out);
    return out;
}

int JsonReader::enumeration(const QJsonObject &o, const QString &path, QLatin1StringView key,
    const QLatin1StringView *names, std::size_t count, int fallback)
{
    const QJsonValue v = o.value(key);
    if (isAbsent(v))
        return fallback;
    for (std::size_t i = 0; i < count; ++i) {
        if (v.isString() && v.toString() == names[i])
            return int(i);
    }
    fail(JsonPath::field(path, key), choices(names, count));
    return fallback;
}

QString JsonReader::choices(const QLatin1StringView *names, std::size_t count)
{
    QStringList quoted;
    for (std::size_t i = 0; i < count; ++i)
        quoted.append(u'"' + names[i] + u'"');
    return Tr::tr("expected one of %1").arg(quoted.join(u", "));
}
