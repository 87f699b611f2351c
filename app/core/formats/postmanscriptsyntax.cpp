#include "core/formats/postmanscriptsyntax.h"

#include "core/formats/postmanscripts.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace PostmanScriptSyntax {

const QString Quoted = uR"((["'`])((?:\\.|(?!\g{-2}).)*)\g{-2})"_s;

QRegularExpression exact(const QString &pattern)
{
    return QRegularExpression(u"^(?:"_s + pattern + u")$"_s);
}

std::optional<QString> stringLiteral(const QString &text)
{
    static const QRegularExpression literal = exact(Quoted);
    const QRegularExpressionMatch match = literal.match(text.trimmed());
    if (!match.hasMatch() || (match.captured(1) == u"`"_s && match.captured(2).contains(u"${")))
        return std::nullopt;
    QString value;
    const QString body = match.captured(2);
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body.at(i) == u'\\' && i + 1 < body.size()) {
            const QChar next = body.at(++i);
            value += next == u'n' ? u'\n' : next == u't' ? u'\t' : next;
        } else {
            value += body.at(i);
        }
    }
    return value;
}

QString quotedText(const QRegularExpressionMatch &match, int quoteGroup)
{
    const QString quote = match.captured(quoteGroup);
    return *stringLiteral(quote + match.captured(quoteGroup + 1) + quote);
}

std::optional<QString> jsonLiteral(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto isJson = [](const QString &text) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson('[' + text.toUtf8() + ']', &error);
        return error.error == QJsonParseError::NoError && document.array().size() == 1;
    };
    if (const std::optional<QString> string = stringLiteral(trimmed)) {
        // A string as Assertion::expected writes it: bare, unless it would read as other JSON.
        if (!isJson(*string))
            return *string;
        return javaScriptString(*string); // JSON string syntax
    }
    if (isJson(trimmed))
        return trimmed;
    return std::nullopt;
}

qsizetype closingParen(const QString &text, qsizetype open)
{
    int depth = 0;
    return findUnquoted(text, open, [&](qsizetype i) {
        if (text.at(i) == u'(')
            ++depth;
        return text.at(i) == u')' && --depth == 0;
    });
}

/// The statements of text (no wrapper in it), split at ';' outside quotes; a leading '}' (as in
/// "} else {" or "});") closes a block.
static void appendStatements(const QString &text, QList<Piece> *pieces)
{
    qsizetype start = 0;
    for (qsizetype end = 0; end >= 0; start = end + 1) {
        end = findUnquoted(text, start, [&text](qsizetype i) { return text.at(i) == u';'; });
        QString statement = text.mid(start, end < 0 ? -1 : end - start).trimmed();
        for (int guard = 0; guard < 100 && statement.startsWith(u'}'); ++guard) {
            pieces->append({Piece::Kind::Close, QString()});
            statement = statement.mid(1).trimmed();
            if (statement.startsWith(u')'))
                statement = statement.mid(1).trimmed();
        }
        if (statement == u"{"_s)
            pieces->append({Piece::Kind::Open, QString()});
        else if (!statement.isEmpty() && statement != u"\"use strict\""_s)
            pieces->append({Piece::Kind::Statement, statement});
    }
}

QList<Piece> piecesOf(const QString &line)
{
    static const QRegularExpression wrapper(u"pm\\.test\\(\\s*"_s + Quoted
        + u"\\s*,\\s*(?:function\\s*\\(\\s*\\)|\\(\\s*\\)\\s*=>)\\s*\\{"_s);
    QString text = line;
    const qsizetype comment = findUnquoted(text, 0,
        [&text](qsizetype i) { return text.at(i) == u'/' && text.mid(i + 1, 1) == u"/"_s; });
    if (comment >= 0)
        text.truncate(comment);
    QList<Piece> pieces;
    qsizetype from = 0;
    for (QRegularExpressionMatch match = wrapper.match(text); match.hasMatch();
         match = wrapper.match(text, from)) {
        appendStatements(text.mid(from, match.capturedStart() - from), &pieces);
        pieces.append({Piece::Kind::Open, quotedText(match, 1)});
        from = match.capturedEnd();
    }
    appendStatements(text.mid(from), &pieces);
    return pieces;
}
} // namespace PostmanScriptSyntax
