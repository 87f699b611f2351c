// The JavaScript a Postman test script is written in, as far as its translation reads it: string
// literals, parentheses and statements found outside quotes and comments, test wrappers and
// blocks. Internal to the Postman script translation.
#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace PostmanScriptSyntax {

/// A quoted JavaScript string: "…", '…' or `…` (without ${} in it), as two groups: the quote,
/// then the text. Its back references are relative, so it works wherever it sits in a pattern.
extern const QString Quoted;

/// pattern anchored at both ends.
QRegularExpression exact(const QString &pattern);

/// The text of a quoted string literal, escapes undone; nullopt when text is not one.
std::optional<QString> stringLiteral(const QString &text);

/// The text of the string a Quoted pattern matched, its quote in group `quoteGroup`.
QString quotedText(const QRegularExpressionMatch &match, int quoteGroup);

/// A literal as Assertion::expected takes it: JSON text (numbers, true, false, null, objects,
/// arrays) or a bare string; nullopt for anything computed.
std::optional<QString> jsonLiteral(const QString &text);

/// The first position from `from` on, outside JavaScript strings, where found(i) holds; -1 if
/// none. A string's quotes and escapes are skipped, never shown to found().
template<typename Found>
qsizetype findUnquoted(const QString &text, qsizetype from, Found found)
{
    QChar quote;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            quote = c;
        } else if (found(i)) {
            return i;
        }
    }
    return -1;
}

/// Where the closing parenthesis matching the one at `open` is; -1 if none.
qsizetype closingParen(const QString &text, qsizetype open);

/// A piece of a script line: a statement, or a block opening (a pm.test wrapper, with the
/// test's name; an `if`'s brace is part of its statement) or closing.
struct Piece
{
    enum class Kind { Statement, Open, Close };
    Kind kind = Kind::Statement;
    QString text; ///< the statement; the test's name for an Open
};

/// The pieces of a line: comments taken out, pm.test wrappers as blocks named after the test.
QList<Piece> piecesOf(const QString &line);

} // namespace PostmanScriptSyntax
