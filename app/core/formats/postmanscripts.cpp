#include "core/formats/postmanscripts.h"

#include "core/formats/postmanscriptsyntax.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <optional>

using namespace Qt::Literals::StringLiterals;

using namespace PostmanScriptSyntax;

namespace {

class Translator
{
public:
    void translate(int lineNumber, const Piece &piece);
    PostmanScriptTranslation result;

private:
    /// A block of the script and how what it holds is translated.
    struct Block
    {
        enum class Mode {
            Plain, ///< a test wrapper, or an `if` whose checks translate as they are
            Skipped, ///< a condition not understood, or an else branch: nothing translates
            CapturesOf, ///< if (tests["has x"]) {…}: only captures of x translate
        };
        Mode mode = Mode::Plain;
        QString name; ///< the pm.test name
        QString path; ///< CapturesOf's JSON path
        bool isIf = false;
    };
    bool translateStatement(const QString &text);
    bool opensBlock(const QString &statement);
    Block::Mode conditionMode(const QString &condition, QString *path) const;
    Block::Mode mode() const
    {
        return m_blocks.isEmpty() ? Block::Mode::Plain : m_blocks.last().mode;
    }
    std::optional<QString> jsonPath(const QString &expression) const;
    std::optional<Capture> captureOf(const QString &expression) const;
    bool alias(const QString &statement);
    bool setVariable(const QString &statement);
    bool responseAssertion(const QString &statement);
    /// pm.expect(subject).to.NAME(argument)
    struct Matcher
    {
        QString name;
        QString argument;
        bool equals() const { return name.startsWith(u"eq"_s); }
        bool includes() const { return name.startsWith(u"inc"_s) || name == u"contain"_s; }
    };
    bool expectation(const QString &statement);
    bool expectOnResponse(const QString &subject, const Matcher &how);
    bool expectOnJson(const QString &subject, const Matcher &how);
    bool legacyTest(const QString &statement);
    bool legacyCheck(const QString &check);
    void add(Assertion::Kind kind, const QString &target, const QString &expected = {})
    {
        result.assertions.append(Assertion {kind, target, expected, true});
        QString name = m_testName;
        for (qsizetype i = m_blocks.size() - 1; i >= 0 && name.isEmpty(); --i)
            name = m_blocks.at(i).name;
        result.assertionNames.append(name);
    }

    QHash<QString, QString> m_aliases; ///< a variable holding the body's JSON, or a part of it
    QHash<QString, QString> m_statusAliases; ///< var ok = responseCode.code === 200: "200"
    QList<Block> m_blocks;
    bool m_closedIf = false; ///< the last piece closed an `if`: an `else` may follow
    QString m_testName; ///< the tests["name"] being translated
};

/// The accessor chain `.a["b"][0]` as a path "a.b[0]"; nullopt when it is anything else.
std::optional<QString> accessorPath(const QString &chain)
{
    static const QRegularExpression step(
        uR"(^(?:\.([A-Za-z_$][\w$]*)|\[\s*(\d+)\s*\]|\[\s*(["'])([^"']*)\3\s*\]))"_s);
    QString path;
    QString rest = chain.trimmed();
    while (!rest.isEmpty()) {
        const QRegularExpressionMatch match = step.match(rest);
        if (!match.hasMatch())
            return std::nullopt;
        if (!match.captured(2).isEmpty())
            path += u'[' + match.captured(2) + u']';
        else
            path += (path.isEmpty() ? QString() : u"."_s)
                + (match.captured(1).isEmpty() ? match.captured(4) : match.captured(1));
        rest = rest.mid(match.capturedLength()).trimmed();
    }
    return path;
}

std::optional<QString> Translator::jsonPath(const QString &expression) const
{
    static const QRegularExpression root(
        uR"(^(pm\.response\.json\(\)|JSON\.parse\(\s*(?:responseBody|pm\.response\.text\(\))\s*\)|[A-Za-z_$][\w$]*))"_s);
    static const QRegularExpression lodash(
        exact(uR"(_\.get\(\s*(pm\.response\.json\(\)|[A-Za-z_$][\w$]*)\s*,\s*)"_s + Quoted
            + u"\\s*\\)"_s));
    const QString text = expression.trimmed();
    const QRegularExpressionMatch viaLodash = lodash.match(text);
    const QRegularExpressionMatch match = viaLodash.hasMatch() ? viaLodash : root.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString head = match.captured(1);
    QString prefix;
    if (m_aliases.contains(head))
        prefix = m_aliases.value(head);
    else if (!head.startsWith(u"pm.response.json"_s) && !head.startsWith(u"JSON.parse"_s))
        return std::nullopt;
    std::optional<QString> tail = viaLodash.hasMatch() ? std::optional(viaLodash.captured(3))
                                                       : accessorPath(text.mid(head.size()));
    if (!tail)
        return std::nullopt;
    if (prefix.isEmpty() || tail->isEmpty())
        return prefix + *tail;
    return prefix + (tail->startsWith(u'[') ? QString() : u"."_s) + *tail;
}

std::optional<Capture> Translator::captureOf(const QString &expression) const
{
    static const QRegularExpression header(
        exact(u"(?:pm\\.response\\.headers\\.get|postman\\.getResponseHeader)\\(\\s*"_s + Quoted
            + u"\\s*\\)"_s));
    static const QRegularExpression cookie(exact(u"(?:pm\\.cookies\\.get\\(\\s*"_s + Quoted
        + u"\\s*\\)|postman\\.getResponseCookie\\(\\s*"_s + Quoted + u"\\s*\\)\\.value)"_s));
    const QString text = expression.trimmed();
    if (const std::optional<QString> path = jsonPath(text); path && !path->isEmpty())
        return Capture {QString(), Capture::Source::JsonPath, *path, true};
    if (text == u"responseBody"_s || text == u"pm.response.text()"_s)
        return Capture {QString(), Capture::Source::Regex, u"^([\\s\\S]*)$"_s, true};
    static const QRegularExpression regex(exact(
        uR"(\(\(m\) => m && \(m\[1\] !== undefined \? m\[1\] : m\[0\]\)\)\(pm\.response\.text\(\)\.match\(new RegExp\()"_s
        + Quoted + uR"(\)\)\))"_s));
    if (const QRegularExpressionMatch match = regex.match(text); match.hasMatch())
        return Capture {QString(), Capture::Source::Regex, quotedText(match, 1), true};
    if (text == u"pm.response.code"_s || text == u"responseCode.code"_s)
        return Capture {QString(), Capture::Source::Status, QString(), true};
    if (const QRegularExpressionMatch match = header.match(text); match.hasMatch())
        return Capture {QString(), Capture::Source::Header, quotedText(match, 1), true};
    if (const QRegularExpressionMatch match = cookie.match(text); match.hasMatch()) {
        const QString name = match.captured(2).isNull() ? match.captured(4) : match.captured(2);
        return Capture {QString(), Capture::Source::Cookie, name, true};
    }
    return std::nullopt;
}

bool Translator::alias(const QString &statement)
{
    static const QRegularExpression declaration(
        exact(uR"((?:(?:var|let|const)\s+)?([A-Za-z_$][\w$]*)\s*=\s*(.+))"_s));
    static const QRegularExpression orEmpty(uR"(\s*\|\|\s*(?:\{\s*\}|\[\s*\]))"_s);
    static const QRegularExpression status(exact(uR"(responseCode\.code\s*===?\s*(\d{3}))"_s));
    const QRegularExpressionMatch match = declaration.match(statement);
    if (!match.hasMatch())
        return false;
    QString value = match.captured(2).trimmed();
    if (const QRegularExpressionMatch code = status.match(value); code.hasMatch()) {
        m_statusAliases.insert(match.captured(1), code.captured(1));
        return true;
    }
    if (const QRegularExpressionMatch fallback = orEmpty.match(value);
        fallback.hasMatch() && fallback.capturedEnd() == value.size())
        value.truncate(fallback.capturedStart());
    const std::optional<QString> path = jsonPath(value);
    if (!path)
        return false;
    m_aliases.insert(match.captured(1), *path);
    return true;
}

bool Translator::setVariable(const QString &statement)
{
    static const QRegularExpression setter(exact(
        u"(?:pm\\.(?:environment|collectionVariables|globals|variables)\\.set|postman\\.set(?:Environment|Global)Variable)\\(\\s*"_s
        + Quoted + u"\\s*,\\s*(.+)\\)"_s));
    const QRegularExpressionMatch match = setter.match(statement);
    if (!match.hasMatch())
        return false;
    std::optional<Capture> capture = captureOf(match.captured(3));
    if (!capture)
        return false;
    capture->variable = quotedText(match, 1);
    result.captures.append(*capture);
    return true;
}

bool Translator::responseAssertion(const QString &statement)
{
    static const QRegularExpression status(
        exact(u"pm\\.response\\.to\\.have\\.status\\((\\d{3})\\)"_s));
    static const QRegularExpression header(exact(
        u"pm\\.response\\.to\\.have\\.header\\(\\s*"_s + Quoted + u"\\s*(?:,\\s*(.+))?\\)"_s));
    if (const QRegularExpressionMatch match = status.match(statement); match.hasMatch()) {
        add(Assertion::Kind::StatusEquals, QString(), match.captured(1));
        return true;
    }
    if (statement == u"pm.response.to.be.ok"_s) {
        add(Assertion::Kind::StatusEquals, QString(), u"200"_s);
        return true;
    }
    if (statement == u"pm.response.to.be.success"_s) {
        add(Assertion::Kind::StatusInRange, QString(), u"200-299"_s);
        return true;
    }
    const QRegularExpressionMatch match = header.match(statement);
    if (!match.hasMatch())
        return false;
    const QString name = match.captured(2);
    if (match.captured(3).isEmpty()) {
        add(Assertion::Kind::HeaderExists, name);
        return true;
    }
    const std::optional<QString> value = stringLiteral(match.captured(3));
    if (!value)
        return false;
    add(Assertion::Kind::HeaderEquals, name, *value);
    return true;
}

bool Translator::expectation(const QString &statement)
{
    if (!statement.startsWith(u"pm.expect("_s))
        return false;
    const qsizetype close = closingParen(statement, 9);
    if (close < 0)
        return false;
    const QString subject = statement.mid(10, close - 10).trimmed();
    static const QRegularExpression matcher(exact(
        uR"(\.to(?:\.be|\.have)?\.(eql|equal|eq|equals|include|includes|contain|below|lessThan|within|exist|true|property)(?:\((.*)\))?)"_s));
    const QRegularExpressionMatch match = matcher.match(statement.mid(close + 1).trimmed());
    if (!match.hasMatch())
        return false;
    const Matcher how {match.captured(1), match.captured(2).trimmed()};
    return expectOnResponse(subject, how) || expectOnJson(subject, how);
}

bool Translator::expectOnResponse(const QString &subject, const Matcher &how)
{
    static const QRegularExpression header(
        exact(u"(?:pm\\.response\\.headers\\.get|postman\\.getResponseHeader)\\(\\s*"_s + Quoted
            + u"\\s*\\)"_s));
    static const QRegularExpression range(exact(uR"((\d{3})\s*,\s*(\d{3}))"_s));
    static const QRegularExpression code = exact(u"\\d{3}"_s);
    static const QRegularExpression number = exact(u"\\d+"_s);
    const std::optional<QString> text = stringLiteral(how.argument);
    if (subject == u"pm.response.code"_s || subject == u"responseCode.code"_s) {
        const QRegularExpressionMatch bounds = range.match(how.argument);
        if (how.equals() && code.match(how.argument).hasMatch())
            add(Assertion::Kind::StatusEquals, QString(), how.argument);
        else if (how.name == u"within"_s && bounds.hasMatch())
            add(Assertion::Kind::StatusInRange, QString(),
                bounds.captured(1) + u'-' + bounds.captured(2));
        else
            return false;
        return true;
    }
    if (subject == u"pm.response.responseTime"_s || subject == u"responseTime"_s) {
        if ((how.name != u"below"_s && how.name != u"lessThan"_s)
            || !number.match(how.argument).hasMatch())
            return false;
        add(Assertion::Kind::LatencyBelow, QString(), how.argument);
        return true;
    }
    if (const QRegularExpressionMatch name = header.match(subject); name.hasMatch()) {
        if (how.name == u"exist"_s)
            add(Assertion::Kind::HeaderExists, name.captured(2));
        else if (text && (how.equals() || how.includes()))
            add(how.equals() ? Assertion::Kind::HeaderEquals : Assertion::Kind::HeaderContains,
                name.captured(2), *text);
        else
            return false;
        return true;
    }
    if (subject != u"pm.response.text()"_s && subject != u"responseBody"_s)
        return false;
    if (!how.includes() || !text)
        return false;
    add(Assertion::Kind::BodyContains, QString(), *text);
    return true;
}

bool Translator::expectOnJson(const QString &subject, const Matcher &how)
{
    static const QRegularExpression has(
        exact(u"_\\.has\\(\\s*(pm\\.response\\.json\\(\\)|[A-Za-z_$][\\w$]*)\\s*,\\s*"_s + Quoted
            + u"\\s*\\)"_s));
    const auto joined = [](const QString &base, const QString &key) {
        return base.isEmpty() ? key : base + u'.' + key;
    };
    if (const QRegularExpressionMatch path = has.match(subject); path.hasMatch()) {
        const std::optional<QString> base = jsonPath(path.captured(1));
        if (how.name != u"true"_s || !base)
            return false;
        add(Assertion::Kind::JsonPathExists, joined(*base, path.captured(3)));
        return true;
    }
    const std::optional<QString> path = jsonPath(subject);
    if (!path)
        return false;
    if (how.name == u"property"_s) {
        const std::optional<QString> key = stringLiteral(how.argument);
        if (!key)
            return false;
        add(Assertion::Kind::JsonPathExists, joined(*path, *key));
        return true;
    }
    if (how.name == u"exist"_s && !path->isEmpty()) {
        add(Assertion::Kind::JsonPathExists, *path);
        return true;
    }
    const std::optional<QString> expected = jsonLiteral(how.argument);
    if (!how.equals() || !expected || path->isEmpty())
        return false;
    add(Assertion::Kind::JsonPathEquals, *path, *expected);
    return true;
}

bool Translator::legacyTest(const QString &statement)
{
    static const QRegularExpression test(
        exact(u"tests\\[\\s*"_s + Quoted + u"\\s*\\]\\s*=\\s*(.+)"_s));
    const QRegularExpressionMatch match = test.match(statement);
    if (!match.hasMatch())
        return false;
    m_testName = quotedText(match, 1);
    const bool translated = legacyCheck(match.captured(3).trimmed());
    m_testName.clear();
    return translated;
}

bool Translator::legacyCheck(const QString &check)
{
    static const QRegularExpression status(exact(uR"(responseCode\.code\s*===?\s*(\d{3}))"_s));
    static const QRegularExpression time(exact(uR"(responseTime\s*<\s*(\d+))"_s));
    static const QRegularExpression body(
        exact(u"responseBody\\.has\\(\\s*"_s + Quoted + u"\\s*\\)"_s));
    static const QRegularExpression header(
        exact(u"postman\\.getResponseHeader\\(\\s*"_s + Quoted + u"\\s*\\)"_s));
    static const QRegularExpression equalsLiteral(exact(uR"((.+?)\s*===?\s*(.+))"_s));
    static const QRegularExpression defined(exact(uR"((.+?)\s*!==\s*undefined)"_s));
    static const QRegularExpression property(
        exact(u"(.+)\\.hasOwnProperty\\(\\s*"_s + Quoted + u"\\s*\\)"_s));
    if (const QRegularExpressionMatch m = status.match(check); m.hasMatch())
        add(Assertion::Kind::StatusEquals, QString(), m.captured(1));
    else if (m_statusAliases.contains(check))
        add(Assertion::Kind::StatusEquals, QString(), m_statusAliases.value(check));
    else if (const QRegularExpressionMatch m = property.match(check);
             m.hasMatch() && jsonPath(m.captured(1))) {
        const QString base = *jsonPath(m.captured(1));
        add(Assertion::Kind::JsonPathExists,
            base.isEmpty() ? m.captured(3) : base + u'.' + m.captured(3));
    } else if (const QRegularExpressionMatch m = time.match(check); m.hasMatch())
        add(Assertion::Kind::LatencyBelow, QString(), m.captured(1));
    else if (const QRegularExpressionMatch m = body.match(check); m.hasMatch())
        add(Assertion::Kind::BodyContains, QString(), quotedText(m, 1));
    else if (const QRegularExpressionMatch m = header.match(check); m.hasMatch())
        add(Assertion::Kind::HeaderExists, m.captured(2));
    else if (const QRegularExpressionMatch m = defined.match(check);
             m.hasMatch() && jsonPath(m.captured(1)) && !jsonPath(m.captured(1))->isEmpty())
        add(Assertion::Kind::JsonPathExists, *jsonPath(m.captured(1)));
    else if (const QRegularExpressionMatch m = equalsLiteral.match(check); m.hasMatch()) {
        const std::optional<QString> path = jsonPath(m.captured(1));
        const std::optional<QString> expected = jsonLiteral(m.captured(2));
        if (!path || path->isEmpty() || !expected)
            return false;
        add(Assertion::Kind::JsonPathEquals, *path, *expected);
    } else {
        return false;
    }
    return true;
}

Translator::Block::Mode Translator::conditionMode(const QString &condition, QString *path) const
{
    static const QRegularExpression status(
        exact(uR"((?:responseCode|pm\.response)\.code\s*===?\s*(\d{3}))"_s));
    static const QRegularExpression test(exact(u"tests\\[\\s*"_s + Quoted + u"\\s*\\]"_s));
    QString code = m_statusAliases.value(condition);
    if (const QRegularExpressionMatch match = status.match(condition); match.hasMatch())
        code = match.captured(1);
    if (!code.isEmpty()) {
        // Checks that only run on status N translate when the status N is checked too: a
        // response with another status then fails in both, in Rafaga with these checks as well.
        const Assertion checked {Assertion::Kind::StatusEquals, QString(), code, true};
        return result.assertions.contains(checked) ? Block::Mode::Plain : Block::Mode::Skipped;
    }
    if (const QRegularExpressionMatch match = test.match(condition); match.hasMatch()) {
        // Under "the test that x exists passed", setting a variable from x is a capture of x:
        // one that does not match sets nothing, as the script would not.
        const qsizetype i = result.assertionNames.lastIndexOf(quotedText(match, 1));
        if (i >= 0 && result.assertions.at(i).kind == Assertion::Kind::JsonPathExists) {
            *path = result.assertions.at(i).target;
            return Block::Mode::CapturesOf;
        }
    }
    return Block::Mode::Skipped;
}

bool Translator::opensBlock(const QString &statement)
{
    static const QRegularExpression opening(uR"(^(\}?\s*else\s+)?if\s*\()"_s);
    static const QRegularExpression otherwise(uR"(^else\s*\{$)"_s);
    const QRegularExpressionMatch match = opening.match(statement);
    const bool isElse
        = match.hasMatch() ? !match.captured(1).isEmpty() : otherwise.match(statement).hasMatch();
    Block block {Block::Mode::Skipped, QString(), QString(), true};
    QString rest;
    if (match.hasMatch()) {
        const qsizetype close = closingParen(statement, match.capturedEnd() - 1);
        rest = close < 0 ? QString() : statement.mid(close + 1).trimmed();
        if (close < 0 || !rest.startsWith(u'{'))
            return false; // if (…) check; without braces: not translated
        QString condition = statement.mid(match.capturedEnd(), close - match.capturedEnd());
        if (!isElse && mode() == Block::Mode::Plain)
            block.mode = conditionMode(condition.trimmed(), &block.path);
        rest = rest.mid(1).trimmed();
    } else if (!isElse && !statement.endsWith(u'{')) {
        return false;
    }
    if (isElse && !m_closedIf)
        return false;
    m_blocks.append(block);
    m_closedIf = false;
    if (block.mode == Block::Mode::Skipped)
        return false;
    return rest.isEmpty() || translateStatement(rest);
}

bool Translator::translateStatement(const QString &text)
{
    if (mode() == Block::Mode::Skipped)
        return false;
    if (mode() == Block::Mode::CapturesOf) {
        const qsizetype before = result.captures.size();
        if (!setVariable(text))
            return false;
        if (result.captures.last().source == Capture::Source::JsonPath
            && result.captures.last().expression == m_blocks.last().path)
            return true;
        result.captures.resize(before);
        return false;
    }
    return alias(text) || setVariable(text) || responseAssertion(text) || expectation(text)
        || legacyTest(text);
}

void Translator::translate(int lineNumber, const Piece &piece)
{
    bool translated = true;
    if (piece.kind == Piece::Kind::Open) {
        m_blocks.append({mode() == Block::Mode::Plain ? Block::Mode::Plain : mode(), piece.text,
            m_blocks.isEmpty() ? QString() : m_blocks.last().path, false});
        m_closedIf = false;
    } else if (piece.kind == Piece::Kind::Close) {
        m_closedIf = !m_blocks.isEmpty() && m_blocks.last().isIf;
        if (!m_blocks.isEmpty())
            m_blocks.removeLast();
    } else {
        static const QRegularExpression conditional(uR"(^(?:else\b|if\s*\())"_s);
        const bool opens = piece.text.endsWith(u'{') || conditional.match(piece.text).hasMatch();
        const qsizetype depth = m_blocks.size();
        translated = opens ? opensBlock(piece.text) : translateStatement(piece.text);
        if (opens && m_blocks.size() == depth && piece.text.endsWith(u'{'))
            m_blocks.append({Block::Mode::Skipped, QString(), QString(), false});
        m_closedIf = false;
    }
    if (translated)
        return;
    if (result.untranslated.isEmpty() || result.untranslated.last().first != lineNumber)
        result.untranslated.append({lineNumber, piece.text});
}
} // namespace

PostmanScriptTranslation translatePostmanTestScript(const QStringList &lines)
{
    Translator translator;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        for (const Piece &piece : piecesOf(lines.at(i)))
            translator.translate(int(i + 1), piece);
    }
    // Report the whole line, as the user wrote it.
    for (auto &[line, text] : translator.result.untranslated)
        text = lines.at(line - 1).trimmed();
    return translator.result;
}

QString javaScriptString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QStringList postmanCaptureScript(const QList<Capture> &captures)
{
    const auto js = javaScriptString;
    QStringList lines;
    for (const Capture &capture : captures) {
        if (!capture.enabled)
            continue;
        QString value;
        switch (capture.source) {
        case Capture::Source::JsonPath:
            value = u"_.get(pm.response.json(), %1)"_s.arg(js(capture.expression));
            break;
        case Capture::Source::Header:
            value = u"pm.response.headers.get(%1)"_s.arg(js(capture.expression));
            break;
        case Capture::Source::Regex:
            value
                = u"((m) => m && (m[1] !== undefined ? m[1] : m[0]))(pm.response.text().match(new RegExp(%1)))"_s
                      .arg(js(capture.expression));
            break;
        case Capture::Source::Status:
            value = u"pm.response.code"_s;
            break;
        case Capture::Source::Cookie:
            value = u"pm.cookies.get(%1)"_s.arg(js(capture.expression));
            break;
        }
        lines.append(u"pm.environment.set(%1, %2);"_s.arg(js(capture.variable), value));
    }
    return lines;
}
