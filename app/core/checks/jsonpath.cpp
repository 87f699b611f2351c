#include "core/checks/jsonpath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JsonPath)
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isBareKeyChar(QChar c)
{
    return c != u'.' && c != u'[' && c != u']' && c != u'"' && c != u'\'' && !c.isSpace();
}

/// Index digits kept below qint64's range with room to negate.
constexpr int MaxIndexDigits = 18;

class PathParser
{
public:
    explicit PathParser(const QString &text)
        : m_text(text)
    { }

    Parsed<JsonPath> parse()
    {
        if (m_text.isEmpty()) {
            return error(
                Tr::tr("the path is empty; expected a key like data.id, an index like [0], "
                       "or $ for the whole body"));
        }
        JsonPath path;
        if (m_text.at(0) == u'$' && (m_text.size() == 1 || !isBareKeyChar(m_text.at(1)))) {
            m_pos = 1;
        } else if (m_text.at(0) != u'[') {
            if (!readKey(&path))
                return *m_error;
        }
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            bool ok = false;
            if (c == u'.') {
                ++m_pos;
                ok = readKey(&path);
            } else if (c == u'[') {
                ok = readBracket(&path);
            } else {
                error(c.isSpace() ? Tr::tr("white space outside quotes; a key with spaces is "
                                           "written [\"like this\"]")
                                  : Tr::tr("expected '.' or '[', found '%1'").arg(c));
            }
            if (!ok)
                return *m_error;
        }
        return path;
    }

private:
    ParseError error(const QString &message)
    {
        m_error = ParseError {QString(), Tr::tr("column %1").arg(m_pos + 1), message};
        return *m_error;
    }

    bool readKey(JsonPath *path)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isBareKeyChar(m_text.at(m_pos)))
            ++m_pos;
        if (m_pos == start) {
            error(m_pos < m_text.size()
                    ? Tr::tr("expected a key, found '%1'; a key with special characters is "
                             "written [\"like.this\"]")
                          .arg(m_text.at(m_pos))
                    : Tr::tr("expected a key at the end of the path"));
            return false;
        }
        path->steps.append({m_text.sliced(start, m_pos - start), 0, false});
        return true;
    }

    bool readBracket(JsonPath *path)
    {
        ++m_pos; // '['
        const QChar c = m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
        JsonPath::Step step;
        if (c == u'"' || c == u'\'') {
            if (!readQuoted(c, &step.key))
                return false;
        } else if (c == u'-' || isAsciiDigit(c)) {
            if (!readIndex(&step.index))
                return false;
            step.isIndex = true;
        } else {
            error(Tr::tr("expected an index like [0] or a quoted key like [\"name\"] after '['"));
            return false;
        }
        if (m_pos >= m_text.size() || m_text.at(m_pos) != u']') {
            error(Tr::tr("expected ']'"));
            return false;
        }
        ++m_pos;
        path->steps.append(step);
        return true;
    }

    bool readQuoted(QChar quote, QString *key)
    {
        const qsizetype opening = m_pos++;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == quote) {
                ++m_pos;
                return true;
            }
            if (c == u'\\') {
                const QChar next = m_pos + 1 < m_text.size() ? m_text.at(m_pos + 1) : QChar();
                if (next != u'\\' && next != u'"' && next != u'\'') {
                    error(Tr::tr(
                        "unknown escape; inside quotes only \\\\, \\\" and \\' are escapes"));
                    return false;
                }
                key->append(next);
                m_pos += 2;
                continue;
            }
            key->append(c);
            ++m_pos;
        }
        m_pos = opening;
        error(Tr::tr("the quoted key is never closed; expected %1 and then ']'").arg(quote));
        return false;
    }

    bool readIndex(qint64 *index)
    {
        const bool negative = m_text.at(m_pos) == u'-';
        if (negative)
            ++m_pos;
        const qsizetype start = m_pos;
        qint64 value = 0;
        while (m_pos < m_text.size() && isAsciiDigit(m_text.at(m_pos))) {
            const int digit = m_text.at(m_pos).unicode() - u'0';
            if (m_pos - start >= MaxIndexDigits) {
                error(Tr::tr("expected a small whole number as the index"));
                return false;
            }
            value = value * 10 + digit;
            ++m_pos;
        }
        if (m_pos == start) {
            error(Tr::tr("expected a digit"));
            return false;
        }
        *index = negative ? -value : value;
        return true;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    std::optional<ParseError> m_error;
};

bool isBareKey(const QString &key, bool first)
{
    if (key.isEmpty() || (first && key == u'$'))
        return false;
    for (const QChar c : key) {
        if (!isBareKeyChar(c))
            return false;
    }
    return true;
}

} // namespace

std::optional<QJsonValue> JsonPath::evaluate(const QJsonValue &root) const
{
    QJsonValue current = root;
    for (const Step &step : steps) {
        if (step.isIndex) {
            if (!current.isArray())
                return std::nullopt;
            const QJsonArray array = current.toArray();
            const qint64 i = step.index < 0 ? array.size() + step.index : step.index;
            if (i < 0 || i >= array.size())
                return std::nullopt;
            current = array.at(qsizetype(i));
        } else {
            if (!current.isObject())
                return std::nullopt;
            const QJsonObject object = current.toObject();
            const auto found = object.constFind(step.key);
            if (found == object.constEnd())
                return std::nullopt;
            current = *found;
        }
    }
    if (current.isUndefined())
        return std::nullopt;
    return current;
}

QString JsonPath::toString() const
{
    if (steps.isEmpty())
        return QStringLiteral("$");
    QString text;
    for (const Step &step : steps) {
        if (step.isIndex) {
            text += QLatin1Char('[') + QString::number(step.index) + QLatin1Char(']');
        } else if (isBareKey(step.key, text.isEmpty())) {
            if (!text.isEmpty())
                text += u'.';
            text += step.key;
        } else {
            QString escaped = step.key;
            escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
            text += QLatin1String("[\"") + escaped + QLatin1String("\"]");
        }
    }
    return text;
}

Parsed<JsonPath> parseJsonPath(const QString &path)
{
    return PathParser(path).parse();
}

std::optional<QJsonValue> evaluateJsonPath(
    const QJsonValue &root, const QString &path, QString *error)
{
    const Parsed<JsonPath> parsed = parseJsonPath(path);
    if (error)
        *error = parsed ? QString() : parsed.error().toString();
    if (!parsed)
        return std::nullopt;
    return parsed.value().evaluate(root);
}

std::optional<QJsonValue> evaluateJsonPath(
    const QJsonDocument &document, const QString &path, QString *error)
{
    const QJsonValue root = document.isArray() ? QJsonValue(document.array())
        : document.isObject()                  ? QJsonValue(document.object())
                                               : QJsonValue(QJsonValue::Undefined);
    return evaluateJsonPath(root, path, error);
}
