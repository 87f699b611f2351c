#include "core/checks/assertions.h"

#include "core/checks/jsonpath.h"
#include "core/checks/responsevalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>

using namespace ResponseValues;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Assertions)
};

QString missing()
{
    return Tr::tr("(missing)");
}

std::optional<int> parseStatus(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 3)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

struct StatusRange
{
    int low;
    int high;
};

/// "200-299", "2xx" or a single status.
std::optional<StatusRange> parseStatusRange(QStringView text)
{
    text = text.trimmed();
    if (text.size() == 3 && text.at(0) >= u'1' && text.at(0) <= u'9'
        && text.sliced(1).compare(u"xx", Qt::CaseInsensitive) == 0) {
        const int hundreds = (text.at(0).unicode() - u'0') * 100;
        return StatusRange {hundreds, hundreds + 99};
    }
    const qsizetype dash = text.indexOf(u'-');
    if (dash < 0) {
        const auto status = parseStatus(text);
        return status ? std::optional(StatusRange {*status, *status}) : std::nullopt;
    }
    const auto low = parseStatus(text.first(dash));
    const auto high = parseStatus(text.sliced(dash + 1));
    if (!low || !high || *low > *high)
        return std::nullopt;
    return StatusRange {*low, *high};
}

std::optional<double> parseMilliseconds(const QString &text)
{
    bool ok = false;
    const double ms = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(ms) || ms <= 0)
        return std::nullopt;
    return ms;
}

/// RFC 9110 token characters.
bool isHeaderName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool alnum
            = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!alnum && !QStringView(u"!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

bool isWholeNumber(const QJsonValue &value)
{
    return value.toInteger(0) == value.toInteger(1);
}

bool jsonEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        // Integers compare exactly, so that large ids do not match their neighbours as doubles.
        if (isWholeNumber(a) && isWholeNumber(b))
            return a.toInteger() == b.toInteger();
        return a.toDouble() == b.toDouble();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEquals(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            const auto other = y.constFind(it.key());
            if (other == y.constEnd() || !jsonEquals(it.value(), *other))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

QString bodyExcerpt(const QByteArray &body)
{
    constexpr qsizetype MaxChars = 80;
    if (body.isEmpty())
        return Tr::tr("(empty body)");
    // Four bytes per character at most, so this holds MaxChars characters whenever the body does.
    QString text = QString::fromUtf8(body.first(qMin(body.size(), MaxChars * 4))).simplified();
    if (text.size() <= MaxChars && body.size() <= MaxChars * 4)
        return text;
    text.truncate(MaxChars);
    if (!text.isEmpty() && text.back().isHighSurrogate())
        text.chop(1);
    return text + QChar(0x2026); // …
}

AssertionOutcome evaluate(const Assertion &assertion, int status, const HttpHeaders &headers,
    const QByteArray &body, qint64 latencyUs, LazyJsonBody &json)
{
    const QString problem = assertionProblem(assertion);
    if (!problem.isEmpty())
        return {false, Tr::tr("invalid assertion: %1").arg(problem)};

    const QString statusText = status > 0 ? QString::number(status) : Tr::tr("(no response)");
    switch (assertion.kind) {
    case Assertion::Kind::StatusEquals:
        return {status > 0 && status == parseStatus(assertion.expected), statusText};
    case Assertion::Kind::StatusInRange: {
        const StatusRange range = *parseStatusRange(assertion.expected);
        return {status > 0 && status >= range.low && status <= range.high, statusText};
    }
    case Assertion::Kind::HeaderExists:
    case Assertion::Kind::HeaderEquals:
    case Assertion::Kind::HeaderContains: {
        const QStringList values = headerValues(headers, assertion.target);
        if (values.isEmpty())
            return {false, missing()};
        // A repeated header shows as HTTP joins repeated fields; equals passes when the joined
        // value or any one of them matches.
        const QString joined = values.join(QLatin1String(", "));
        bool passed = true;
        if (assertion.kind == Assertion::Kind::HeaderEquals)
            passed = joined == assertion.expected || values.contains(assertion.expected);
        else if (assertion.kind == Assertion::Kind::HeaderContains)
            passed = joined.contains(assertion.expected);
        return {passed, joined};
    }
    case Assertion::Kind::BodyContains:
        return {body.contains(assertion.expected.toUtf8()), bodyExcerpt(body)};
    case Assertion::Kind::JsonPathExists:
    case Assertion::Kind::JsonPathEquals: {
        const std::optional<QJsonValue> &root = json.root();
        if (!root)
            return {false, Tr::tr("invalid JSON body")};
        const auto found = parseJsonPath(assertion.target).value().evaluate(*root);
        if (!found)
            return {false, missing()};
        if (assertion.kind == Assertion::Kind::JsonPathExists)
            return {true, compactJson(*found)};
        const auto expected = parseJsonValue(assertion.expected.toUtf8());
        // A string equal to the expected text passes too: `query.id == {{id}}` with id 7 means
        // the text "7" that query strings, headers and form values carry, not only the number.
        const bool passed = (expected && jsonEquals(*found, *expected))
            || (found->isString() && found->toString() == assertion.expected);
        return {passed, compactJson(*found)};
    }
    case Assertion::Kind::LatencyBelow: {
        if (latencyUs < 0)
            return {false, Tr::tr("(unknown)")};
        const double limitUs = *parseMilliseconds(assertion.expected) * 1000.0;
        return {double(latencyUs) < limitUs, QString::number(double(latencyUs) / 1000.0, 'f', 3)};
    }
    }
    return {false, Tr::tr("unknown kind of assertion")};
}

QString withValue(const QString &prefix, const QString &value)
{
    return value.isEmpty() ? prefix : prefix + QLatin1Char(' ') + value;
}

/// Reads the text form of an assertion, token by token.
class AssertionParser
{
public:
    explicit AssertionParser(const QString &text)
        : m_text(text)
    { }

    Parsed<Assertion> parse()
    {
        Assertion assertion;
        skipSpace();
        const qsizetype keywordAt = m_pos;
        const QString keyword = word().toLower();
        qsizetype valueAt = m_pos;
        if (keyword == QLatin1String("status")) {
            const QString op = nextWord();
            if (op == QLatin1String("=="))
                assertion.kind = Assertion::Kind::StatusEquals;
            else if (op == QLatin1String("in"))
                assertion.kind = Assertion::Kind::StatusInRange;
            else
                return error(m_wordAt, Tr::tr("expected == or in after status"));
            skipSpace();
            valueAt = m_pos;
            assertion.expected = m_text.sliced(m_pos).trimmed();
        } else if (keyword == QLatin1String("header")) {
            skipSpace();
            valueAt = m_pos;
            assertion.target = word();
            if (assertion.target.isEmpty())
                return error(m_pos, Tr::tr("expected a header name after header"));
            const QString op = nextWord();
            if (op == QLatin1String("exists")) {
                assertion.kind = Assertion::Kind::HeaderExists;
                if (!expectEnd())
                    return *m_error;
            } else if (op == QLatin1String("==") || op == QLatin1String("contains")) {
                assertion.kind = op == QLatin1String("==") ? Assertion::Kind::HeaderEquals
                                                           : Assertion::Kind::HeaderContains;
                assertion.expected = value();
            } else {
                return error(
                    m_wordAt, Tr::tr("expected exists, == or contains after the header name"));
            }
        } else if (keyword == QLatin1String("body")) {
            if (nextWord() != QLatin1String("contains"))
                return error(m_wordAt, Tr::tr("expected contains after body"));
            assertion.kind = Assertion::Kind::BodyContains;
            assertion.expected = value();
        } else if (keyword == QLatin1String("json")) {
            skipSpace();
            valueAt = m_pos;
            assertion.target = path();
            if (assertion.target.isEmpty())
                return error(
                    m_pos, Tr::tr("expected a JSON path like data.items[0].id after json"));
            const QString op = nextWord();
            if (op == QLatin1String("exists")) {
                assertion.kind = Assertion::Kind::JsonPathExists;
                if (!expectEnd())
                    return *m_error;
            } else if (op == QLatin1String("==")) {
                assertion.kind = Assertion::Kind::JsonPathEquals;
                assertion.expected = value();
            } else {
                return error(m_wordAt, Tr::tr("expected exists or == after the JSON path"));
            }
        } else if (keyword == QLatin1String("latency")) {
            if (nextWord() != QLatin1String("<"))
                return error(m_wordAt, Tr::tr("expected < after latency"));
            assertion.kind = Assertion::Kind::LatencyBelow;
            skipSpace();
            valueAt = m_pos;
            QString limit = m_text.sliced(m_pos).trimmed();
            if (limit.endsWith(QLatin1String("ms"), Qt::CaseInsensitive))
                limit = limit.chopped(2).trimmed();
            assertion.expected = limit;
        } else {
            return error(keywordAt,
                Tr::tr("expected an assertion starting with status, header, "
                       "body, json or latency"));
        }
        const QString problem = assertionProblem(assertion);
        if (!problem.isEmpty())
            return error(valueAt, problem);
        return assertion;
    }

private:
    ParseError error(qsizetype at, const QString &message)
    {
        m_error = ParseError {QString(), Tr::tr("column %1").arg(at + 1), message};
        return *m_error;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    QString word()
    {
        m_wordAt = m_pos;
        while (m_pos < m_text.size() && !m_text.at(m_pos).isSpace())
            ++m_pos;
        return m_text.sliced(m_wordAt, m_pos - m_wordAt);
    }

    QString nextWord()
    {
        skipSpace();
        return word();
    }

    /// A JSON path ends at white space outside quotes: ["a b"] is one path.
    QString path()
    {
        const qsizetype start = m_pos;
        QChar quote;
        for (; m_pos < m_text.size(); ++m_pos) {
            const QChar c = m_text.at(m_pos);
            if (!quote.isNull()) {
                if (c == u'\\')
                    ++m_pos;
                else if (c == quote)
                    quote = QChar();
            } else if (c.isSpace()) {
                break;
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            }
        }
        m_pos = qMin(m_pos, m_text.size());
        return m_text.sliced(start, m_pos - start);
    }

    /// Everything after the one white-space character that follows an operator.
    QString value()
    {
        if (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        return m_text.sliced(m_pos);
    }

    bool expectEnd()
    {
        skipSpace();
        if (m_pos == m_text.size())
            return true;
        error(m_pos, Tr::tr("unexpected text after exists"));
        return false;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    qsizetype m_wordAt = 0;
    std::optional<ParseError> m_error;
};

} // namespace

QString assertionProblem(const Assertion &assertion)
{
    switch (assertion.kind) {
    case Assertion::Kind::StatusEquals:
        if (!parseStatus(assertion.expected))
            return Tr::tr("expected a status code like 200, found \"%1\"").arg(assertion.expected);
        return QString();
    case Assertion::Kind::StatusInRange:
        if (!parseStatusRange(assertion.expected)) {
            return Tr::tr("expected a status range like 200-299 or 2xx, found \"%1\"")
                .arg(assertion.expected);
        }
        return QString();
    case Assertion::Kind::HeaderExists:
    case Assertion::Kind::HeaderEquals:
    case Assertion::Kind::HeaderContains:
        if (!isHeaderName(assertion.target))
            return Tr::tr("expected a header name like Content-Type, found \"%1\"")
                .arg(assertion.target);
        return QString();
    case Assertion::Kind::BodyContains:
        return QString();
    case Assertion::Kind::JsonPathExists:
    case Assertion::Kind::JsonPathEquals: {
        const Parsed<JsonPath> path = parseJsonPath(assertion.target);
        if (!path)
            return Tr::tr("invalid JSON path \"%1\": %2")
                .arg(assertion.target, path.error().toString());
        return QString();
    }
    case Assertion::Kind::LatencyBelow:
        if (!parseMilliseconds(assertion.expected)) {
            return Tr::tr("expected a number of milliseconds above 0, found \"%1\"")
                .arg(assertion.expected);
        }
        return QString();
    }
    return Tr::tr("unknown kind of assertion");
}

AssertionOutcome evaluateAssertion(const Assertion &assertion, int status,
    const HttpHeaders &headers, const QByteArray &body, qint64 latencyUs)
{
    LazyJsonBody json(body);
    return evaluate(assertion, status, headers, body, latencyUs, json);
}

QList<AssertionOutcome> evaluateAssertions(const QList<Assertion> &assertions, int status,
    const HttpHeaders &headers, const QByteArray &body, qint64 latencyUs)
{
    LazyJsonBody json(body);
    QList<AssertionOutcome> outcomes;
    outcomes.reserve(assertions.size());
    for (const Assertion &assertion : assertions) {
        if (assertion.enabled)
            outcomes.append(evaluate(assertion, status, headers, body, latencyUs, json));
    }
    return outcomes;
}

bool statusAsserted(const QList<Assertion> &assertions, const QList<AssertionOutcome> &outcomes)
{
    bool any = false;
    qsizetype outcome = 0;
    for (const Assertion &assertion : assertions) {
        if (!assertion.enabled)
            continue;
        if (outcome >= outcomes.size())
            return false;
        const bool passed = outcomes.at(outcome++).passed;
        if (assertion.kind == Assertion::Kind::StatusEquals
            || assertion.kind == Assertion::Kind::StatusInRange) {
            if (!passed)
                return false;
            any = true;
        }
    }
    return any;
}

QString assertionLabel(const Assertion &assertion)
{
    const QString &target = assertion.target;
    const QString &expected = assertion.expected;
    switch (assertion.kind) {
    case Assertion::Kind::StatusEquals:
        return withValue(QStringLiteral("status =="), expected);
    case Assertion::Kind::StatusInRange:
        return withValue(QStringLiteral("status in"), expected);
    case Assertion::Kind::HeaderExists:
        return QLatin1String("header ") + target + QLatin1String(" exists");
    case Assertion::Kind::HeaderEquals:
        return withValue(QLatin1String("header ") + target + QLatin1String(" =="), expected);
    case Assertion::Kind::HeaderContains:
        return withValue(QLatin1String("header ") + target + QLatin1String(" contains"), expected);
    case Assertion::Kind::BodyContains:
        return withValue(QStringLiteral("body contains"), expected);
    case Assertion::Kind::JsonPathExists:
        return QLatin1String("json ") + target + QLatin1String(" exists");
    case Assertion::Kind::JsonPathEquals:
        return withValue(QLatin1String("json ") + target + QLatin1String(" =="), expected);
    case Assertion::Kind::LatencyBelow:
        return QLatin1String("latency < ") + expected + QLatin1String(" ms");
    }
    return QString();
}

Parsed<Assertion> parseAssertion(const QString &text)
{
    return AssertionParser(text).parse();
}
