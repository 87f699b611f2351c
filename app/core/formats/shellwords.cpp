#include "core/formats/shellwords.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <algorithm>

namespace {
constexpr qint32 End = -1;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ShellWords)
};

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6)));
        out.append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)));
        out.append(char(0x80 | ((c >> 12) & 0x3F)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    }
}

bool isBlank(qint32 c)
{
    // A CR is whitespace too, so that text pasted with Windows line ends still splits.
    return c == ' ' || c == '\t' || c == '\r';
}

bool isOperatorChar(qint32 c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
}

bool isNameStart(qint32 c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isNameChar(qint32 c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

int hexValue(qint32 c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

class Splitter
{
public:
    Splitter(const QString &line, ShellWords::Expansions expansions)
        : m_text(line.toUcs4())
        , m_asVariables(expansions == ShellWords::Expansions::AsVariables)
    {
        // A shell drops NUL characters from what it reads; no argument can hold one anyway.
        if (m_text.removeAll(0) > 0)
            m_result.warnings.append(Tr::tr("NUL characters in the command line were dropped"));
    }

    Parsed<ShellWords::Split> run();

private:
    qint32 at(qsizetype i) const { return i < m_text.size() ? qint32(m_text.at(i)) : End; }
    void startWord(qsizetype offset);
    void finishWord();
    void append(qint32 c);
    ParseError error(qsizetype offset, const QString &message) const;
    bool isLineEnd(qsizetype i, qsizetype *length) const;
    /// Consumes a $ expansion or `command` at m_pos: a variable as variableExpansion() does,
    /// anything else kept as written.
    bool keepExpansion(ParseError *failure);
    /// AsVariables: consumes $NAME or ${NAME} at m_pos as {{NAME}}; false (nothing consumed) for
    /// any other expansion.
    bool variableExpansion();
    bool singleQuoted(ParseError *failure);
    bool doubleQuoted(ParseError *failure);
    bool ansiC(ParseError *failure);
    QByteArray ansiCEscape(qint32 e);
    void readOperator();

    QList<uint> m_text;
    const bool m_asVariables;
    /// AsVariables: where the current word's {{NAME}} variables are in m_word.text (start, end).
    QList<std::pair<qsizetype, qsizetype>> m_variableSpans;
    qsizetype m_pos = 0;
    ShellWords::Split m_result;
    ShellWords::Word m_word;
    bool m_inWord = false;
    bool m_onlyDigits = true; ///< the word so far is unquoted digits: "2" of 2>file
};

void Splitter::startWord(qsizetype offset)
{
    if (m_inWord)
        return;
    m_inWord = true;
    m_onlyDigits = true;
    m_word = ShellWords::Word {{}, offset, false};
}

/// text with each literal "{{" written as the template escape {{$openBraces}}.
QByteArray escapedBraces(QByteArrayView text)
{
    QByteArray out = text.toByteArray();
    return out.replace("{{", TemplateLiteralOpenBraces);
}

void Splitter::finishWord()
{
    if (!m_inWord)
        return;
    if (m_asVariables) {
        QByteArray text;
        qsizetype done = 0;
        for (const auto &[start, end] : std::as_const(m_variableSpans)) {
            text += escapedBraces(QByteArrayView(m_word.text).sliced(done, start - done));
            text += QByteArrayView(m_word.text).sliced(start, end - start);
            done = end;
        }
        m_word.text = text + escapedBraces(QByteArrayView(m_word.text).sliced(done));
        m_variableSpans.clear();
    }
    m_result.words.append(m_word);
    m_inWord = false;
}

void Splitter::append(qint32 c)
{
    appendUtf8(m_word.text, char32_t(c));
}

ParseError Splitter::error(qsizetype offset, const QString &message) const
{
    const qsizetype word = m_result.words.size() + 1;
    return ParseError {
        QString(), Tr::tr("word %1, character %2").arg(word).arg(offset + 1), message};
}

bool Splitter::isLineEnd(qsizetype i, qsizetype *length) const
{
    if (at(i) == '\n') {
        *length = 1;
        return true;
    }
    if (at(i) == '\r' && at(i + 1) == '\n') {
        *length = 2;
        return true;
    }
    return false;
}

Parsed<ShellWords::Split> Splitter::run()
{
    ParseError failure;
    while (m_pos < m_text.size()) {
        const qint32 c = at(m_pos);
        qsizetype lineEnd = 0;
        if (c == '\n') {
            finishWord();
            m_result.words.append(ShellWords::Word {"\n", m_pos, true});
            ++m_pos;
        } else if (isBlank(c)) {
            finishWord();
            ++m_pos;
        } else if (c == '#' && !m_inWord) {
            while (m_pos < m_text.size() && at(m_pos) != '\n')
                ++m_pos;
        } else if (c == '\\') {
            if (isLineEnd(m_pos + 1, &lineEnd)) {
                m_pos += 1 + lineEnd; // a continuation joins the lines, even inside a word
            } else if (m_pos + 1 >= m_text.size()) {
                ++m_pos; // a trailing backslash of a pasted continuation: nothing follows
            } else {
                startWord(m_pos);
                m_onlyDigits = false;
                append(at(m_pos + 1));
                m_pos += 2;
            }
        } else if (c == '\'') {
            if (!singleQuoted(&failure))
                return failure;
        } else if (c == '"') {
            if (!doubleQuoted(&failure))
                return failure;
        } else if (c == '$' && at(m_pos + 1) == '\'') {
            if (!ansiC(&failure))
                return failure;
        } else if (c == '$' && at(m_pos + 1) == '"') {
            ++m_pos; // bash's locale-translated string: no translation here, a plain "..."
            if (!doubleQuoted(&failure))
                return failure;
        } else if (c == '$' || c == '`') {
            if (!keepExpansion(&failure))
                return failure;
        } else if (isOperatorChar(c)) {
            readOperator();
        } else {
            if (!m_inWord && c == '~')
                m_result.warnings.append(
                    Tr::tr("character %1: ~ is not expanded to a home folder").arg(m_pos + 1));
            startWord(m_pos);
            if (c < '0' || c > '9')
                m_onlyDigits = false;
            append(c);
            ++m_pos;
        }
    }
    finishWord();
    return m_result;
}

bool Splitter::singleQuoted(ParseError *failure)
{
    const qsizetype open = m_pos;
    startWord(open);
    m_onlyDigits = false;
    const qsizetype close = m_text.indexOf(uint('\''), open + 1);
    if (close < 0) {
        *failure = error(open, Tr::tr("unterminated single quote: expected a closing '"));
        return false;
    }
    for (qsizetype i = open + 1; i < close; ++i)
        append(at(i));
    m_pos = close + 1;
    return true;
}

bool Splitter::doubleQuoted(ParseError *failure)
{
    const qsizetype open = m_pos;
    startWord(open);
    m_onlyDigits = false;
    ++m_pos;
    while (m_pos < m_text.size()) {
        const qint32 c = at(m_pos);
        qsizetype lineEnd = 0;
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            const qint32 next = at(m_pos + 1);
            if (isLineEnd(m_pos + 1, &lineEnd)) {
                m_pos += 1 + lineEnd;
            } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
                append(next);
                m_pos += 2;
            } else {
                append('\\'); // any other backslash stays, as POSIX says
                ++m_pos;
            }
        } else if (c == '$' || c == '`') {
            if (!keepExpansion(failure))
                return false;
        } else {
            append(c);
            ++m_pos;
        }
    }
    *failure = error(open, Tr::tr("unterminated double quote: expected a closing \""));
    return false;
}

/// The bytes of the escape \e in $'...', reading any digits after it.
QByteArray Splitter::ansiCEscape(qint32 e)
{
    QByteArray piece;
    switch (e) {
    case 'a':
        piece = "\a";
        break;
    case 'b':
        piece = "\b";
        break;
    case 'e':
    case 'E':
        piece = "\x1b";
        break;
    case 'f':
        piece = "\f";
        break;
    case 'n':
        piece = "\n";
        break;
    case 'r':
        piece = "\r";
        break;
    case 't':
        piece = "\t";
        break;
    case 'v':
        piece = "\v";
        break;
    case '\\':
    case '\'':
    case '"':
    case '?':
        piece = QByteArray(1, char(e));
        break;
    case 'c': {
        const qint32 x = at(m_pos);
        if (x == End)
            return {};
        ++m_pos;
        piece = QByteArray(1, char((x == '?' ? 0x7F : x & 0x1F)));
        break;
    }
    case 'x':
    case 'u':
    case 'U': {
        const int maxDigits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        quint32 value = 0;
        int digits = 0;
        while (digits < maxDigits && hexValue(at(m_pos)) >= 0) {
            value = value * 16 + quint32(hexValue(at(m_pos)));
            ++m_pos;
            ++digits;
        }
        if (digits == 0)
            piece = QByteArray("\\") + char(e);
        else if (e == 'x')
            piece = QByteArray(1, char(value)); // a raw byte, not a character
        else
            appendUtf8(piece, char32_t(value));
        break;
    }
    default:
        if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int digits = 1; digits < 3 && at(m_pos) >= '0' && at(m_pos) <= '7'; ++digits)
                value = value * 8 + (at(m_pos++) - '0');
            piece = QByteArray(1, char(value & 0xFF));
        } else {
            piece = "\\";
            appendUtf8(piece, char32_t(e));
        }
    }
    return piece;
}

bool Splitter::ansiC(ParseError *failure)
{
    const qsizetype open = m_pos;
    startWord(open);
    m_onlyDigits = false;
    m_pos += 2;
    bool truncated = false; // after \0 a shell passes nothing more of this string
    QByteArray bytes;
    while (m_pos < m_text.size()) {
        const qint32 c = at(m_pos);
        if (c == '\'') {
            ++m_pos;
            m_word.text.append(bytes);
            if (truncated)
                m_result.warnings.append(
                    Tr::tr("character %1: a shell ends an argument at \\0; the rest of the $'...' "
                           "string is dropped as it would be")
                        .arg(open + 1));
            return true;
        }
        if (c != '\\') {
            if (!truncated)
                appendUtf8(bytes, char32_t(c));
            ++m_pos;
            continue;
        }
        const qint32 e = at(m_pos + 1);
        if (e == End)
            break;
        m_pos += 2;
        QByteArray piece = ansiCEscape(e);
        if (truncated)
            continue;
        const qsizetype nul = piece.indexOf('\0');
        if (nul >= 0) {
            truncated = true;
            piece.truncate(nul);
        }
        bytes.append(piece);
    }
    *failure = error(open, Tr::tr("unterminated $'...' string: expected a closing '"));
    return false;
}

bool Splitter::variableExpansion()
{
    const qint32 next = at(m_pos + 1);
    qsizetype nameStart = m_pos + 1;
    if (next == '{')
        ++nameStart;
    if (!isNameStart(at(nameStart)))
        return false;
    qsizetype nameEnd = nameStart;
    while (isNameChar(at(nameEnd)))
        ++nameEnd;
    if (next == '{' && at(nameEnd) != '}')
        return false; // ${NAME:-default}, ${NAME#x}, ...: not a plain variable
    QString name;
    for (qsizetype i = nameStart; i < nameEnd; ++i)
        name += QChar(char16_t(at(i)));
    startWord(m_pos);
    m_onlyDigits = false;
    const qsizetype spanStart = m_word.text.size();
    m_word.text += "{{" + name.toLatin1() + "}}";
    m_variableSpans.append({spanStart, m_word.text.size()});
    if (!m_result.variables.contains(name))
        m_result.variables.append(name);
    m_pos = next == '{' ? nameEnd + 1 : nameEnd;
    return true;
}

bool Splitter::keepExpansion(ParseError *failure)
{
    if (m_asVariables && at(m_pos) == '$' && variableExpansion())
        return true;
    const qsizetype start = m_pos;
    startWord(start);
    m_onlyDigits = false;
    const qint32 c = at(m_pos);
    const qint32 next = at(m_pos + 1);
    qsizetype end = -1; // one past the expansion
    QString what;
    if (c == '`') {
        for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
            if (at(i) == '\\') {
                ++i;
            } else if (at(i) == '`') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            *failure = error(start, Tr::tr("unterminated `...` command: expected a closing `"));
            return false;
        }
        what = Tr::tr("command substitution");
    } else if (next == '(' || next == '{') {
        const qint32 close = next == '(' ? ')' : '}';
        int depth = 0;
        for (qsizetype i = m_pos + 1; i < m_text.size(); ++i) {
            if (at(i) == next) {
                ++depth;
            } else if (at(i) == close && --depth == 0) {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            *failure = error(start,
                next == '(' ? Tr::tr("unterminated $(...): expected a closing )")
                            : Tr::tr("unterminated ${...}: expected a closing }"));
            return false;
        }
        what = next == '(' ? Tr::tr("command substitution") : Tr::tr("variable");
    } else if (isNameStart(next)) {
        end = m_pos + 2;
        while (isNameChar(at(end)))
            ++end;
        what = Tr::tr("variable");
    } else if (next != End && QByteArrayView("0123456789@*#?$!-").contains(char(next))) {
        end = m_pos + 2;
        what = Tr::tr("variable");
    } else {
        append('$'); // a lone $ is just a dollar sign
        ++m_pos;
        return true;
    }
    QString written;
    for (qsizetype i = start; i < end; ++i) {
        append(at(i));
        written += QString::fromUcs4(reinterpret_cast<const char32_t *>(&m_text[i]), 1);
    }
    m_result.warnings.append(Tr::tr("character %1: %2 %3 is not expanded; it is kept as written")
                                 .arg(start + 1)
                                 .arg(what, written));
    m_pos = end;
    return true;
}

void Splitter::readOperator()
{
    static const char *const operators[] = {"&>>", "<<<", "&&", "||", ";;", "<<", ">>", "<&", ">&",
        "<>", ">|", "&>", "|&", "|", "&", ";", "<", ">", "(", ")"};
    QByteArray prefix;
    qsizetype offset = m_pos;
    // "2>file": digits right before a redirection belong to the operator, as in a shell.
    if ((at(m_pos) == '<' || at(m_pos) == '>') && m_inWord && m_onlyDigits) {
        prefix = m_word.text;
        offset = m_word.offset;
        m_inWord = false;
    }
    finishWord();
    for (const char *op : operators) {
        const qsizetype length = qsizetype(qstrlen(op));
        bool matches = true;
        for (qsizetype i = 0; i < length && matches; ++i)
            matches = at(m_pos + i) == op[i];
        if (matches) {
            m_result.words.append(ShellWords::Word {prefix + op, offset, true});
            m_pos += length;
            return;
        }
    }
}

bool isSafeBare(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("_@%+=:,./-").contains(c);
}
} // namespace

namespace ShellWords {

Parsed<Split> split(const QString &commandLine, Expansions expansions)
{
    return Splitter(commandLine, expansions).run();
}

bool needsAnsiC(const QByteArray &word)
{
    for (const char c : word) {
        const uchar u = uchar(c);
        if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F)
            return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(word);
    Q_UNUSED(decoded)
    return decoder.hasError();
}

QString quote(const QByteArray &word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    if (std::all_of(word.cbegin(), word.cend(), isSafeBare))
        return QString::fromLatin1(word);
    if (!needsAnsiC(word)) {
        QString text = QString::fromUtf8(word);
        text.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    QString text = QStringLiteral("$'");
    for (const char c : word) {
        const uchar u = uchar(c);
        switch (c) {
        case '\\':
            text += QLatin1String("\\\\");
            break;
        case '\'':
            text += QLatin1String("\\'");
            break;
        case '\n':
            text += QLatin1String("\\n");
            break;
        case '\r':
            text += QLatin1String("\\r");
            break;
        case '\t':
            text += QLatin1String("\\t");
            break;
        default:
            if (u < 0x20 || u >= 0x7F)
                text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
            else
                text += QLatin1Char(c);
        }
    }
    return text + QLatin1Char('\'');
}

} // namespace ShellWords
