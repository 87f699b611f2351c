#include "core/formats/curlexport.h"

#include "core/formats/shellwords.h"

#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace {
/// A {{NAME}} whose NAME a shell can spell.
const QRegularExpression &shellVariable()
{
    static const QRegularExpression variable(
        QStringLiteral("\\{\\{ *([A-Za-z_][A-Za-z0-9_]*) *\\}\\}"));
    return variable;
}

/// A template as shell words: each {{NAME}} a shell can name becomes "${NAME}", which a shell
/// fills from its environment and importCurl() reads back as the same variable; the text around
/// it is quoted as it is, {{$openBraces}} as the "{{" it stands for. Other {{...}} (built-ins,
/// names a shell cannot spell) stay as written.
QString quoted(const QString &text)
{
    const auto unescaped = [](QString piece) {
        return piece.replace(QLatin1String(TemplateLiteralOpenBraces), QLatin1String("{{"));
    };
    QStringList literals; // the text between the variables, one more than variables
    QStringList names;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &match : shellVariable().globalMatch(text)) {
        literals.append(unescaped(text.mid(done, match.capturedStart() - done)));
        names.append(match.captured(1));
        done = match.capturedEnd();
    }
    literals.append(unescaped(text.mid(done)));
    if (names.isEmpty())
        return ShellWords::quote(literals.first().toUtf8());
    // One "..." word reads best; it holds any text but $ ` " \ ! and control characters.
    static const QRegularExpression special(QStringLiteral("[$`\"\\\\!\\x00-\\x1f\\x7f]"));
    const bool plain = std::none_of(literals.cbegin(), literals.cend(),
        [](const QString &literal) { return literal.contains(special); });
    QString words = plain ? QStringLiteral("\"") : QString();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (plain)
            words += literals.at(i) + QLatin1String("${") + names.at(i) + QLatin1Char('}');
        else
            words += (literals.at(i).isEmpty() ? QString()
                                               : ShellWords::quote(literals.at(i).toUtf8()))
                + QLatin1String("\"${") + names.at(i) + QLatin1String("}\"");
    }
    if (plain)
        return words + literals.last() + QLatin1Char('"');
    return literals.last().isEmpty() ? words : words + ShellWords::quote(literals.last().toUtf8());
}

/// A byte string as a POSIX printf format that prints exactly those bytes (a leading '-' is
/// escaped too, or printf would take it for an option).
QString printfFormat(const QByteArray &bytes)
{
    QString format;
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (c == '%')
            format += QLatin1String("%%");
        else if (c == '\\')
            format += QLatin1String("\\\\");
        else if (c == '\'' || u < 0x20 || u >= 0x7F || (c == '-' && format.isEmpty()))
            format += QStringLiteral("\\%1").arg(u, 3, 8, QLatin1Char('0'));
        else
            format += QLatin1Char(c);
    }
    return QLatin1Char('\'') + format + QLatin1Char('\'');
}

/// The body as curl arguments; a NUL byte goes through standard input, set in *pipe.
QStringList bodyArguments(const QByteArray &body, QString *pipe)
{
    if (body.contains('\0')) {
        *pipe = QLatin1String("printf ") + printfFormat(body) + QLatin1String(" | ");
        return {QStringLiteral("--data-binary"), QStringLiteral("@-")};
    }
    // --data-binary would read "@name" as a file; --data-raw never does.
    const QString option
        = body.startsWith('@') ? QStringLiteral("--data-raw") : QStringLiteral("--data-binary");
    return {option, ShellWords::quote(body)};
}

/// A raw or JSON body's template as curl arguments, its variables as shell variables.
QStringList templateBodyArguments(const QString &text, QString *pipe)
{
    QString literal = text;
    literal.replace(QLatin1String(TemplateLiteralOpenBraces), QLatin1String("{{"));
    if (literal.contains(QChar(0)) || literal.startsWith(QLatin1Char('@')))
        return bodyArguments(literal.toUtf8(), pipe);
    return {QStringLiteral("--data-binary"), quoted(text)};
}

bool hasHeader(const QList<KeyValue> &headers, const QString &name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [&](const KeyValue &h) {
        return h.enabled && h.key.compare(name, Qt::CaseInsensitive) == 0;
    });
}

/// The Accept curl sends by itself (which a curl import writes in): an export leaves it to curl.
bool isCurlAccept(const QByteArray &name, const QByteArray &value)
{
    return name.compare("accept", Qt::CaseInsensitive) == 0 && value == "*/*";
}

QByteArray headerWord(const QByteArray &name, const QByteArray &value)
{
    // 'Name:' would tell curl to remove the header; 'Name;' sends it empty.
    return value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
}

QString headerArgument(const QString &name, const QString &value)
{
    return quoted(QString::fromUtf8(headerWord(name.toUtf8(), value.toUtf8())));
}

/// Encodes text as encode() would, leaving {{variables}} readable for the shell user to fill in.
QByteArray encodeKeepingVariables(const QString &text, QByteArray (*encode)(const QString &))
{
    static const QRegularExpression variable(QStringLiteral("\\{\\{[^{}]*\\}\\}"));
    QByteArray out;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &match : variable.globalMatch(text)) {
        out += encode(text.mid(done, match.capturedStart() - done)) + match.captured().toUtf8();
        done = match.capturedEnd();
    }
    return out + encode(text.mid(done));
}

/// A query parameter as buildRequest() encodes it.
QByteArray queryEncode(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

/// A form field as buildRequest() encodes it: '*' kept, '~' encoded, space as '+'.
QByteArray formEncode(const QString &text)
{
    QByteArray encoded = QUrl::toPercentEncoding(text, "*", "~");
    encoded.replace("%20", "+");
    return encoded;
}

/// curl globs URLs with [] and {}; -g turns that off.
bool needsGlobOff(const QString &url)
{
    return url.contains(QLatin1Char('[')) || url.contains(QLatin1Char('{'));
}

/// A -F value: name=value, with curl's "..." quoting where the value needs it.
QString formText(const QString &name, const QString &value, const QString &contentType)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return name + QLatin1String("=\"") + escaped + QLatin1Char('"')
        + (contentType.isEmpty() ? QString() : QLatin1String(";type=") + contentType);
}

bool isPlainFormValue(const QString &value)
{
    return !value.startsWith(QLatin1Char('@')) && !value.startsWith(QLatin1Char('<'))
        && !value.startsWith(QLatin1Char('"')) && !value.startsWith(QLatin1Char('('))
        && !value.contains(QLatin1Char(';')) && value == value.trimmed();
}

QStringList formArguments(const FormPart &part)
{
    if (part.isFile) {
        const bool plain = !part.value.contains(QLatin1Char(';'))
            && !part.value.contains(QLatin1Char(',')) && !part.value.startsWith(QLatin1Char('"'));
        QString path = part.value;
        if (!plain) {
            path.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            path.replace(QLatin1Char('"'), QLatin1String("\\\""));
            path = QLatin1Char('"') + path + QLatin1Char('"');
        }
        return {QStringLiteral("-F"),
            quoted(part.name + QLatin1String("=@") + path
                + (part.contentType.isEmpty() ? QString()
                                              : QLatin1String(";type=") + part.contentType))};
    }
    if (!part.contentType.isEmpty())
        return {QStringLiteral("-F"), quoted(formText(part.name, part.value, part.contentType))};
    if (isPlainFormValue(part.value))
        return {QStringLiteral("-F"), quoted(part.name + QLatin1Char('=') + part.value)};
    return {QStringLiteral("--form-string"), quoted(part.name + QLatin1Char('=') + part.value)};
}
} // namespace

QString exportCurl(const RequestSpec &spec, bool insecure)
{
    QStringList words {QStringLiteral("curl")};
    if (insecure)
        words << QStringLiteral("-k");
    const QByteArray implied = spec.body.isEmpty() ? "GET" : "POST";
    if (spec.method == "HEAD" && spec.body.isEmpty())
        words << QStringLiteral("-I"); // -X HEAD would leave curl waiting for a body
    else if (spec.method != implied)
        words << QStringLiteral("-X") << ShellWords::quote(spec.method);
    const QByteArray url = spec.url.toEncoded();
    if (needsGlobOff(QString::fromLatin1(url)))
        words << QStringLiteral("-g");
    words << ShellWords::quote(url);
    bool hasContentType = false;
    for (const HttpHeader &header : spec.headers) {
        if (!isCurlAccept(header.first, header.second))
            words << QStringLiteral("-H")
                  << ShellWords::quote(headerWord(header.first, header.second));
        hasContentType
            = hasContentType || header.first.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    QString pipe;
    if (!spec.body.isEmpty()) {
        // Rafaga sends no Content-Type it was not given; curl would add a form-urlencoded one.
        if (!hasContentType)
            words << QStringLiteral("-H") << QStringLiteral("'Content-Type:'");
        words << bodyArguments(spec.body, &pipe);
    }
    return pipe + words.join(QLatin1Char(' '));
}

namespace {
/// The URL with the enabled params (and a query API key) in its query.
QString urlWithQuery(const RequestItem &item)
{
    QString url = item.url;
    QStringList query;
    const auto param = [](const QString &key, const QString &value) {
        return QString::fromUtf8(encodeKeepingVariables(key, queryEncode) + '='
            + encodeKeepingVariables(value, queryEncode));
    };
    for (const KeyValue &p : item.params) {
        if (p.enabled && (!p.key.isEmpty() || !p.value.isEmpty()))
            query << param(p.key, p.value);
    }
    if (item.auth.type == Auth::Type::ApiKey && item.auth.location == Auth::ApiKeyLocation::Query)
        query << param(item.auth.key, item.auth.value);
    if (!query.isEmpty()) {
        const qsizetype hash = url.indexOf(QLatin1Char('#'));
        const qsizetype end = hash < 0 ? url.size() : hash;
        url.insert(end,
            (url.left(end).contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
                + query.join(QLatin1Char('&')));
    }
    return url;
}

QStringList authAndHeaderArguments(const RequestItem &item)
{
    QStringList words;
    switch (item.auth.type) {
    case Auth::Type::Basic:
        words << QStringLiteral("-u")
              << quoted(item.auth.username + QLatin1Char(':') + item.auth.password);
        break;
    case Auth::Type::Bearer:
        words << QStringLiteral("--oauth2-bearer") << quoted(item.auth.token);
        break;
    case Auth::Type::ApiKey: // a header, after the request's own as buildRequest() puts it
    case Auth::Type::Inherit:
    case Auth::Type::None:
        break;
    }
    for (const KeyValue &header : item.headers) {
        if (header.enabled && !isCurlAccept(header.key.toUtf8(), header.value.toUtf8()))
            words << QStringLiteral("-H") << headerArgument(header.key, header.value);
    }
    if (item.auth.type == Auth::Type::ApiKey && item.auth.location == Auth::ApiKeyLocation::Header
        && !hasHeader(item.headers, item.auth.key))
        words << QStringLiteral("-H") << headerArgument(item.auth.key, item.auth.value);
    return words;
}

QStringList formUrlEncodedArguments(const QList<KeyValue> &form)
{
    QStringList words;
    for (const KeyValue &field : form) {
        if (!field.enabled || (field.key.isEmpty() && field.value.isEmpty()))
            continue;
        const QByteArray key = encodeKeepingVariables(field.key, formEncode);
        // curl encodes a --data-urlencode value as buildRequest() does except for ~ and *,
        // and leaves out the '=' of an empty name: those go pre-encoded.
        if (key.isEmpty() || field.value.contains(QLatin1Char('~'))
            || field.value.contains(QLatin1Char('*')))
            words << QStringLiteral("--data-raw")
                  << quoted(QString::fromUtf8(
                         key + '=' + encodeKeepingVariables(field.value, formEncode)));
        else
            words << QStringLiteral("--data-urlencode")
                  << quoted(QString::fromUtf8(key) + u'=' + field.value);
    }
    return words;
}

/// The body's arguments; *pipe gets a printf for a body the shell cannot quote.
QStringList requestBodyArguments(const RequestItem &item, QString *pipe)
{
    const Body &body = item.body;
    QStringList words;
    // The Content-Type buildRequest() gives the body when no header sets one.
    QString contentType = body.contentType;
    if (body.mode == Body::Mode::Json)
        contentType = QStringLiteral("application/json");
    else if (body.mode == Body::Mode::Raw && contentType.trimmed().isEmpty())
        contentType = QStringLiteral("text/plain");
    else if (body.mode == Body::Mode::BinaryFile)
        contentType
            = QMimeDatabase().mimeTypeForFile(body.filePath, QMimeDatabase::MatchExtension).name();
    const bool typeInHeaders = hasHeader(item.headers, QStringLiteral("Content-Type"));
    switch (body.mode) {
    case Body::Mode::None:
        break;
    case Body::Mode::Raw:
    case Body::Mode::Json:
        if (!typeInHeaders)
            words << QStringLiteral("-H")
                  << headerArgument(QStringLiteral("Content-Type"), contentType);
        words << templateBodyArguments(body.text, pipe);
        break;
    case Body::Mode::FormUrlEncoded:
        words << formUrlEncodedArguments(body.form);
        break;
    case Body::Mode::Multipart:
        for (const FormPart &part : body.parts) {
            if (part.enabled)
                words << formArguments(part);
        }
        break;
    case Body::Mode::BinaryFile:
        if (!typeInHeaders && !contentType.isEmpty())
            words << QStringLiteral("-H")
                  << headerArgument(QStringLiteral("Content-Type"), contentType);
        words << QStringLiteral("--data-binary") << quoted(QLatin1Char('@') + body.filePath);
        break;
    }
    return words;
}
} // namespace

QString exportCurl(const RequestItem &item)
{
    QStringList words {QStringLiteral("curl")};
    const bool hasBody = item.body.mode != Body::Mode::None;
    const QString implied = hasBody ? QStringLiteral("POST") : QStringLiteral("GET");
    if (item.method == QLatin1String("HEAD") && !hasBody)
        words << QStringLiteral("-I");
    else if (item.method != implied)
        words << QStringLiteral("-X") << quoted(item.method);
    const QString url = urlWithQuery(item);
    if (needsGlobOff(QString(url).remove(shellVariable())))
        words << QStringLiteral("-g");
    words << quoted(url);
    words << authAndHeaderArguments(item);
    QString pipe;
    words << requestBodyArguments(item, &pipe);
    return pipe + words.join(QLatin1Char(' '));
}
