// JSON layout and colours: small scanners, no parse into objects, no regular expressions.
#include "gui/editors/jsonhighlighter.h"

#include "gui/run/statuscolors.h"

JsonHighlighter::JsonHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = StatusColors::isDark(palette);
    // Hues of common editor themes, each shade readable on its own background.
    m_key.setForeground(QColor::fromRgb(dark ? 0x79c0ff : 0x0550ae));
    m_string.setForeground(QColor::fromRgb(dark ? 0x7ee787 : 0x116329));
    m_number.setForeground(QColor::fromRgb(dark ? 0xffa657 : 0x953800));
    m_literal.setForeground(QColor::fromRgb(dark ? 0xd2a8ff : 0x8250df));
    m_literal.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(palette.color(QPalette::PlaceholderText));
    if (m_enabled)
        rehighlight();
}

QString JsonHighlighter::reindent(const QString &text)
{
    QString out;
    out.reserve(text.size() * 2);
    int depth = 0;
    bool inString = false;
    const auto newline = [&] {
        out += QLatin1Char('\n');
        out += QString(depth * 2, QLatin1Char(' '));
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (c == u'\\' && i + 1 < n)
                out += text.at(++i);
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            qsizetype next = i + 1;
            while (next < n && text.at(next).isSpace())
                ++next;
            if (next < n && (text.at(next) == u'}' || text.at(next) == u']')) {
                out += c;
                out += text.at(next);
                i = next;
            } else {
                out += c;
                ++depth;
                newline();
            }
            break;
        }
        case u'}':
        case u']':
            depth = qMax(0, depth - 1);
            newline();
            out += c;
            break;
        case u',':
            out += c;
            newline();
            break;
        case u':':
            out += QLatin1String(": ");
            break;
        default:
            if (!c.isSpace())
                out += c;
        }
    }
    return out;
}

void JsonHighlighter::setEnabled(bool enabled)
{
    m_enabled = enabled;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    if (!m_enabled)
        return;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < n && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = qMin(end + 1, n);
            // A string followed by a colon is a key.
            qsizetype next = end;
            while (next < n && text.at(next).isSpace())
                ++next;
            const bool isKey = next < n && text.at(next) == u':';
            setFormat(int(i), int(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < n
                && (text.at(end).isDigit() || text.at(end) == u'.' || text.at(end) == u'e'
                    || text.at(end) == u'E' || text.at(end) == u'+' || text.at(end) == u'-'))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < n && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(end - i), m_literal);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}
