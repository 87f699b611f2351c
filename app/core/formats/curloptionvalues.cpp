// What each curl option does to the request being built: headers, data pieces, files.
#include "core/formats/curlparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};
} // namespace

std::optional<ParseError> CurlParser::apply(
    Opt id, const QString &option, const QByteArray &value, bool toggle, int word)
{
    const QString text = QString::fromUtf8(value);
    switch (id) {
    case Opt::Request:
        if (text.trimmed().isEmpty())
            return fail(word, option, Tr::tr("expected a method name after %1").arg(option));
        m_method = text;
        break;
    case Opt::Header:
        return addHeader(option, value, word);
    case Opt::Data:
    case Opt::DataAscii:
    case Opt::DataRaw:
    case Opt::DataBinary:
    case Opt::DataUrlencode:
    case Opt::Json:
        return addData(id, option, value, word);
    case Opt::Form:
    case Opt::FormString:
        if (m_formWord == 0)
            m_formWord = word;
        return addFormPart(option, value, id == Opt::FormString, word);
    case Opt::User:
    case Opt::OAuth2Bearer:
    case Opt::AuthScheme:
        return applyAuth(id, option, text, toggle);
    case Opt::Cookie:
    case Opt::UserAgent:
    case Opt::Referer:
    case Opt::Range:
        applyDefaultHeader(id, option, text);
        break;
    case Opt::Get:
        m_get = toggle;
        break;
    case Opt::Head:
        m_head = toggle;
        break;
    case Opt::Url:
        return setUrl(value, word);
    case Opt::UrlQuery:
        return addUrlQuery(option, value, word);
    case Opt::UploadFile:
        if (text == QLatin1String("-") || text == QLatin1String("."))
            return fail(word, option, Tr::tr("uploading standard input is not supported"));
        m_uploadFile = text;
        m_uploadWord = word;
        break;
    case Opt::Config:
        return fail(word, option,
            Tr::tr("%1 reads more options from a file, which is not "
                   "supported; paste those options instead")
                .arg(option));
    case Opt::Next:
        return fail(word, option,
            Tr::tr("%1 starts a second request; import one request at a time").arg(option));
    case Opt::Quiet:
        m_quiet.append(value.isEmpty() ? option : option + QLatin1Char(' ') + text.left(40));
        break;
    default:
        return applySetting(id, option, text, toggle, word);
    }
    return std::nullopt;
}

std::optional<ParseError> CurlParser::applyAuth(
    Opt id, const QString &option, const QString &text, bool toggle)
{
    Auth auth;
    if (id == Opt::User) {
        auth.type = Auth::Type::Basic;
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        auth.username = colon < 0 ? text : text.left(colon);
        auth.password = colon < 0 ? QString() : text.mid(colon + 1);
        if (colon < 0)
            m_result.warnings.append(Tr::tr("%1 gives no password (curl would ask for one); the "
                                            "password is left empty")
                                         .arg(option));
        m_auth = auth;
    } else if (id == Opt::OAuth2Bearer) {
        auth.type = Auth::Type::Bearer;
        auth.token = text;
        m_auth = auth;
    } else if (toggle && option != QLatin1String("--basic")) {
        m_authScheme = option;
    }
    return std::nullopt;
}

void CurlParser::applyDefaultHeader(Opt id, const QString &option, const QString &text)
{
    if (id == Opt::Cookie) {
        if (text.contains(QLatin1Char('=')))
            m_cookies.append(text);
        else
            m_result.warnings.append(
                Tr::tr("ignored %1 %2: reading cookies from a file is not supported")
                    .arg(option, text));
    } else if (id == Opt::UserAgent) {
        if (text.isEmpty())
            m_result.warnings.append(
                Tr::tr("%1 '' leaves the User-Agent out in curl; Rafaga always "
                       "sends one")
                    .arg(option));
        else
            setDefaultHeader(QStringLiteral("User-Agent"), text);
    } else if (id == Opt::Referer) {
        QString referer = text;
        if (referer.endsWith(QLatin1String(";auto"))) {
            referer.chop(5);
            m_result.warnings.append(
                Tr::tr("%1 ;auto (a Referer on redirects) is not supported").arg(option));
        }
        if (!referer.isEmpty())
            setDefaultHeader(QStringLiteral("Referer"), referer);
    } else if (id == Opt::Range) {
        // curl reads a lone start ("600") as the range from there to the end.
        setDefaultHeader(QStringLiteral("Range"),
            QLatin1String("bytes=") + text
                + (text.contains(QLatin1Char('-')) ? QString() : QStringLiteral("-")));
    }
}

/// Options that change how the run goes, not the request: numbers, TLS, redirects.
std::optional<ParseError> CurlParser::applySetting(
    Opt id, const QString &option, const QString &text, bool toggle, int word)
{
    double n = 0;
    if (id == Opt::MaxRedirs || id == Opt::MaxTime || id == Opt::Retry) {
        bool ok = false;
        n = text.trimmed().toDouble(&ok);
        if (!ok || n < -1 || n > 1e9)
            return fail(word, option,
                Tr::tr("expected a number after %1, not \"%2\"").arg(option, text.left(40)));
    }
    switch (id) {
    case Opt::Compressed:
        if (toggle)
            m_result.warnings.append(
                Tr::tr("%1 needs no header: Rafaga asks for gzip and deflate by itself and "
                       "decompresses the answer (an explicit Accept-Encoding header would turn "
                       "that off)")
                    .arg(option));
        break;
    case Opt::Insecure:
        m_result.insecure = toggle;
        break;
    case Opt::Location:
        m_result.followRedirects = toggle;
        break;
    case Opt::MaxRedirs:
        m_result.maxRedirects = int(n);
        break;
    case Opt::MaxTime:
        m_result.timeoutMs = qMax(1, int(n * 1000));
        break;
    case Opt::Retry:
        m_result.retries = qMax(0, int(n));
        break;
    default: // Opt::Unsupported
        // Without the value: --cert file:password, -U user:password and -x with credentials
        // would put secrets into the warnings.
        m_result.warnings.append(
            Tr::tr("ignored %1: not supported, so the request may differ from what curl sends")
                .arg(option));
        break;
    }
    return std::nullopt;
}

std::optional<ParseError> CurlParser::addUrlQuery(
    const QString &option, const QByteArray &value, int word)
{
    if (value.startsWith('+')) {
        m_query.append(value.mid(1));
        return std::nullopt;
    }
    // The same forms as --data-urlencode, appended to the URL's query instead.
    const qsizetype before = m_data.size();
    if (auto error = addData(Opt::DataUrlencode, option, value, word))
        return error;
    QByteArray piece;
    if (auto error = resolve(m_data.at(before), &piece))
        return error;
    m_data.removeAt(before);
    m_query.append(piece);
    return std::nullopt;
}

std::optional<ParseError> CurlParser::addHeader(
    const QString &option, const QByteArray &value, int word)
{
    if (value.startsWith('@'))
        return fail(word, option,
            Tr::tr("reading headers from a file (%1 @file) is not supported").arg(option));
    const QString text = QString::fromUtf8(value);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    QString name;
    QString headerValue;
    if (colon >= 0) {
        name = text.left(colon).trimmed();
        headerValue = text.mid(colon + 1).trimmed();
    } else if (text.trimmed().endsWith(QLatin1Char(';'))) {
        name = text.trimmed().chopped(1).trimmed(); // curl's way to send a header with no value
    }
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        return fail(word, option,
            Tr::tr("expected a header as 'Name: value', not \"%1\"").arg(text.left(60)));
    if (colon >= 0 && headerValue.isEmpty()) {
        // 'Name:' removes a header curl would add; there is nothing to send.
        const QString lower = name.toLower();
        m_removed.append(lower);
        if (lower == QLatin1String("user-agent"))
            m_result.warnings.append(Tr::tr("%1 'User-Agent:' removes the header in curl; Rafaga "
                                            "always sends one")
                                         .arg(option));
        m_headers.removeIf([&](const KeyValue &h) { return h.key.toLower() == lower; });
        return std::nullopt;
    }
    m_headers.append(KeyValue {name, headerValue, true, {}});
    return std::nullopt;
}

std::optional<ParseError> CurlParser::addData(
    Opt id, const QString &option, const QByteArray &value, int word)
{
    DataPiece piece;
    piece.kind = id;
    piece.word = word;
    piece.option = option;
    if (id == Opt::DataUrlencode) {
        // curl looks for '=' first and only then for '@': "name=content", "=content",
        // "name@file", "@file" or "content".
        const qsizetype equals = value.indexOf('=');
        const qsizetype at = equals < 0 ? value.indexOf('@') : -1;
        if (equals >= 0) {
            const QByteArray name = value.left(equals);
            const QByteArray encoded = curlUrlEncode(value.mid(equals + 1));
            piece.bytes = name.isEmpty() ? encoded : name + '=' + encoded;
        } else if (at >= 0) {
            piece.name = value.left(at);
            piece.file = QString::fromUtf8(value.mid(at + 1));
            piece.urlencode = true;
        } else {
            piece.bytes = curlUrlEncode(value);
        }
    } else if (id != Opt::DataRaw && value.startsWith('@')) {
        piece.file = QString::fromUtf8(value.mid(1));
        piece.stripNewlines = id == Opt::Data || id == Opt::DataAscii;
    } else {
        piece.bytes = value;
    }
    if (id == Opt::Json)
        m_json = true;
    m_data.append(piece);
    return std::nullopt;
}

std::optional<ParseError> CurlParser::readFile(
    const QString &path, const QString &option, int word, QByteArray *bytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(word, option, Tr::tr("cannot read %1: no such file").arg(path));
    if (!info.isFile())
        return fail(word, option, Tr::tr("cannot read %1: not a regular file").arg(path));
    if (info.size() > MaxFileBytes)
        return fail(word, option,
            Tr::tr("cannot read %1: larger than %2 MiB")
                .arg(path)
                .arg(MaxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(word, option, Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    *bytes = file.read(MaxFileBytes + 1);
    if (bytes->size() > MaxFileBytes)
        return fail(word, option,
            Tr::tr("cannot read %1: larger than %2 MiB")
                .arg(path)
                .arg(MaxFileBytes / (1024 * 1024)));
    m_result.warnings.append(
        Tr::tr("%1 read %2 now: the request keeps its content, not the file").arg(option, path));
    return std::nullopt;
}

std::optional<ParseError> CurlParser::resolve(const DataPiece &piece, QByteArray *bytes)
{
    if (!piece.file) {
        *bytes = piece.bytes;
        return std::nullopt;
    }
    if (*piece.file != QLatin1String("-")) {
        if (auto error = readFile(*piece.file, piece.option, piece.word, bytes))
            return error;
    } else {
        switch (m_stdin.kind) {
        case StandardInput::Kind::Bytes:
            *bytes = m_stdin.bytes;
            break;
        case StandardInput::Kind::File:
            if (auto error = readFile(m_stdin.path, piece.option, piece.word, bytes))
                return error;
            break;
        case StandardInput::Kind::Command:
            return fail(piece.word, piece.option,
                Tr::tr("@- reads the output of %1, which an import cannot run; save it to "
                       "a file and use @file")
                    .arg(m_stdin.command));
        case StandardInput::Kind::Terminal:
            return fail(piece.word, piece.option,
                Tr::tr("@- reads standard input, which an import cannot see; save it to a "
                       "file and use @file"));
        }
    }
    if (piece.stripNewlines) {
        bytes->replace("\r", "");
        bytes->replace("\n", "");
    }
    if (piece.urlencode)
        *bytes = (piece.name.isEmpty() ? QByteArray() : piece.name + '=') + curlUrlEncode(*bytes);
    return std::nullopt;
}
