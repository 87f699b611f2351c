// curl's -F and --form-string: multipart parts with their type= and filename= attributes.
#include "core/formats/curlparser.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};

/// One ;-separated word of a -F value: "quoted \"text\"" or plain up to ';' or endChar.
QByteArray formWord(const QByteArray &text, qsizetype *pos, char endChar)
{
    qsizetype p = *pos;
    if (p < text.size() && text.at(p) == '"') {
        QByteArray word;
        for (qsizetype i = p + 1; i < text.size(); ++i) {
            const char c = text.at(i);
            if (c == '\\' && i + 1 < text.size()
                && (text.at(i + 1) == '\\' || text.at(i + 1) == '"')) {
                word.append(text.at(++i));
            } else if (c == '"') {
                // Closed: what follows up to the next separator is dropped, as curl does.
                for (p = i + 1; p < text.size() && text.at(p) != ';' && text.at(p) != endChar;
                     ++p) { }
                *pos = p;
                return word;
            } else {
                word.append(c);
            }
        }
        // No closing quote: curl reads the text as if it were not quoted.
    }
    const qsizetype start = p;
    while (p < text.size() && text.at(p) != ';' && text.at(p) != endChar)
        ++p;
    *pos = p;
    return text.mid(start, p - start).trimmed();
}

struct FormField
{
    QByteArray data;
    QByteArray type;
    QByteArray filename;
    QStringList ignored; ///< headers=, encoder=, unknown attributes
    char separator = 0; ///< ',' when more files follow
};

/// curl's get_param_part(): data;type=a/b;filename=x;headers=...;encoder=...
FormField formField(const QByteArray &text, qsizetype pos, char endChar)
{
    FormField field;
    while (pos < text.size() && text.at(pos) == ' ')
        ++pos;
    field.data = formWord(text, &pos, endChar);
    bool inType = false; // attributes after type= that curl does not know extend the type
    while (pos < text.size() && text.at(pos) == ';') {
        ++pos;
        while (pos < text.size() && text.at(pos) == ' ')
            ++pos;
        const QByteArray rest = text.mid(pos);
        const auto take = [&](int skip) {
            pos += skip;
            return formWord(text, &pos, endChar);
        };
        if (!inType && rest.startsWith("type=")) {
            field.type = take(5);
            inType = true;
        } else if (rest.startsWith("filename=")) {
            field.filename = take(9);
            inType = false;
        } else if (rest.startsWith("headers=") || rest.startsWith("encoder=")) {
            field.ignored.append(QString::fromUtf8(rest.left(7)));
            take(8);
            inType = false;
        } else if (inType) {
            field.type += "; " + take(0);
        } else {
            const QByteArray unknown = take(0);
            if (!unknown.isEmpty())
                field.ignored.append(QString::fromUtf8(unknown));
        }
    }
    field.separator = pos < text.size() ? text.at(pos) : 0;
    return field;
}

} // namespace

std::optional<ParseError> CurlParser::addFormPart(
    const QString &option, const QByteArray &value, bool literal, int word)
{
    const qsizetype equals = value.indexOf('=');
    if (equals < 0)
        return fail(word, option, Tr::tr("expected name=content after %1").arg(option));
    FormPart part;
    part.name = QString::fromUtf8(value.left(equals));
    const QByteArray content = value.mid(equals + 1);
    if (literal) {
        part.value = QString::fromUtf8(content);
        m_parts.append(part);
        return std::nullopt;
    }
    if (content.startsWith('('))
        return fail(word, option, Tr::tr("nested multipart parts are not supported"));
    const bool isFile = content.startsWith('@');
    const bool readNow = content.startsWith('<');
    const FormField field = formField(content, isFile || readNow ? 1 : 0, isFile ? ',' : '\0');
    if (field.separator == ',')
        return fail(word, option,
            Tr::tr("several files in one field are not supported; give each "
                   "file its own %1")
                .arg(option));
    if (!field.type.isEmpty() && !field.type.contains('/'))
        return fail(word, option,
            Tr::tr("expected a content type like text/plain after type=, not "
                   "\"%1\"")
                .arg(QString::fromUtf8(field.type)));
    part.contentType = QString::fromUtf8(field.type);
    if (!field.filename.isEmpty())
        m_result.warnings.append(Tr::tr("%1 %2: filename= is not supported; the file's own name is "
                                        "sent")
                                     .arg(option, part.name));
    if (!field.ignored.isEmpty())
        m_result.warnings.append(
            Tr::tr("%1 %2: ignored %3")
                .arg(option, part.name, field.ignored.join(QLatin1String(", "))));
    if (isFile) {
        if (field.data == "-")
            return fail(word, option, Tr::tr("a form part from standard input is not supported"));
        part.isFile = true;
        part.value = QString::fromUtf8(field.data);
    } else if (readNow) {
        QByteArray bytes;
        DataPiece piece;
        piece.file = QString::fromUtf8(field.data);
        piece.option = option;
        piece.word = word;
        if (auto error = resolve(piece, &bytes))
            return error;
        if (!isValidUtf8(bytes))
            return fail(word, option,
                Tr::tr("%1 is not UTF-8 text; send it as a file with name=@%1").arg(*piece.file));
        part.value = QString::fromUtf8(bytes);
    } else {
        part.value = QString::fromUtf8(field.data);
    }
    m_parts.append(part);
    return std::nullopt;
}
