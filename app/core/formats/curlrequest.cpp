// The request a parsed curl command sends: URL, method, body and headers, as curl builds them.
#include "core/formats/curlparser.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};
} // namespace

std::optional<ParseError> CurlParser::finish()
{
    if (auto error = checkCombinations())
        return error;
    RequestItem &request = m_result.item.request;
    QString url = m_url;
    // curl assumes http:// without a scheme; a {{variable}} may hold the scheme itself.
    if (!url.contains(QLatin1String("://")) && !url.startsWith(QLatin1String("{{")))
        url.prepend(QLatin1String("http://"));
    takeUserInfo(&url);

    const std::optional<QString> file = bodyFile();
    QByteArray data;
    if (!m_data.isEmpty() && !file) {
        if (auto error = joinData(&data))
            return error;
    }
    QList<QByteArray> query = m_query;
    if (m_get && !m_data.isEmpty())
        query.prepend(data);
    query.removeAll(QByteArray());
    if (!query.isEmpty()) {
        const qsizetype hash = url.indexOf(QLatin1Char('#'));
        const qsizetype end = hash < 0 ? url.size() : hash;
        const bool hasQuery = url.left(end).contains(QLatin1Char('?'));
        // A query that already ends with '&' (or is just '?') takes the rest as it is, as curl's.
        const bool joined = hasQuery && (url.at(end - 1) == u'&' || url.at(end - 1) == u'?');
        url.insert(end,
            (joined ? QString() : QString(hasQuery ? u'&' : u'?'))
                + QString::fromUtf8(query.join('&')));
    }
    request.url = url;
    request.method = method();
    setBody(data, file);
    setHeadersAndAuth();
    keepPlaceholdersOutsideBody();
    m_result.item.kind = CollectionItem::Kind::Request;
    m_result.item.name = request.method + QLatin1Char(' ') + urlPath(request.url);
    return std::nullopt;
}

void CurlParser::keepPlaceholdersOutsideBody()
{
    const auto unescape = [](QString &text) {
        text.replace(QLatin1String(TemplateLiteralOpenBraces), QLatin1String("{{"));
    };
    RequestItem &request = m_result.item.request;
    unescape(request.url);
    unescape(request.method);
    for (KeyValue &header : request.headers) {
        unescape(header.key);
        unescape(header.value);
    }
    for (QString *field : {&request.auth.username, &request.auth.password, &request.auth.token,
             &request.auth.key, &request.auth.value})
        unescape(*field);
    // The body's bytes as curl sends them; its text keeps literal braces escaped.
    m_result.body.replace(TemplateLiteralOpenBraces, "{{");
}

std::optional<ParseError> CurlParser::checkCombinations() const
{
    const bool hasData = !m_data.isEmpty();
    const bool hasForm = !m_parts.isEmpty();
    if (m_url.isEmpty())
        return ParseError {QString(), QString(), Tr::tr("no URL: expected one after curl")};
    if (hasData && hasForm)
        return fail(m_formWord, QStringLiteral("-F"),
            Tr::tr("-F cannot be combined with -d, --data-* or --json (curl refuses too)"));
    if (m_get && hasForm)
        return fail(m_formWord, QStringLiteral("-F"), Tr::tr("-F cannot be combined with -G"));
    if (m_uploadFile && (hasForm || (hasData && !m_get)))
        return fail(m_uploadWord, QStringLiteral("-T"),
            Tr::tr("-T cannot be combined with -d, --data-*, --json or -F"));
    if (m_head && !m_get && (hasForm || hasData))
        return fail(hasData ? m_data.first().word : m_formWord, QStringLiteral("-I"),
            Tr::tr("-I sends no body: data needs -G to go into the URL (curl refuses too)"));
    return std::nullopt;
}

void CurlParser::takeUserInfo(QString *url)
{
    const qsizetype authorityStart = url->indexOf(QLatin1String("://"));
    if (authorityStart < 0)
        return;
    qsizetype authorityEnd = url->size();
    for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = url->indexOf(stop, authorityStart + 3);
        if (at >= 0 && at < authorityEnd)
            authorityEnd = at;
    }
    const qsizetype at = url->lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    if (at <= authorityStart)
        return;
    const QString userInfo = url->mid(authorityStart + 3, at - authorityStart - 3);
    url->remove(authorityStart + 3, at - authorityStart - 2);
    if (m_auth)
        return;
    Auth auth;
    auth.type = Auth::Type::Basic;
    const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
    auth.username = QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8());
    auth.password
        = colon < 0 ? QString() : QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    m_auth = auth;
}

// A lone file of -d or --data-binary stays a reference to the file; anything combined is read now.
std::optional<QString> CurlParser::bodyFile()
{
    const DataPiece *single = m_data.size() == 1 ? &m_data.first() : nullptr;
    std::optional<QString> file;
    if (!single || !single->file || single->urlencode || m_get)
        return file;
    if (*single->file != QLatin1String("-"))
        file = *single->file;
    else if (m_stdin.kind == StandardInput::Kind::File)
        file = m_stdin.path;
    if (file && single->stripNewlines)
        m_result.warnings.append(
            Tr::tr("%1 @%2: curl leaves out the file's line breaks, Rafaga sends the file as it "
                   "is (as --data-binary would)")
                .arg(single->option, *file));
    return file;
}

/// The pieces joined as curl joins them: '&' between pieces, none before a --json piece.
std::optional<ParseError> CurlParser::joinData(QByteArray *data)
{
    for (qsizetype i = 0; i < m_data.size(); ++i) {
        QByteArray piece;
        if (auto error = resolve(m_data.at(i), &piece))
            return error;
        if (i > 0 && m_data.at(i).kind != Opt::Json)
            *data += '&';
        *data += piece;
    }
    return std::nullopt;
}

QString CurlParser::method() const
{
    if (!m_method.isEmpty())
        return m_method;
    if (m_head)
        return QStringLiteral("HEAD");
    if (m_get)
        return QStringLiteral("GET");
    if (m_uploadFile)
        return QStringLiteral("PUT");
    if (!m_data.isEmpty() || !m_parts.isEmpty())
        return QStringLiteral("POST");
    return QStringLiteral("GET");
}

void CurlParser::setBody(const QByteArray &data, const std::optional<QString> &bodyFile)
{
    RequestItem &request = m_result.item.request;
    const bool explicitType = hasHeader(QStringLiteral("Content-Type"))
        || m_removed.contains(QLatin1String("content-type"));
    // curl labels every -d body form-urlencoded unless told otherwise; keeping the bytes as Raw
    // text with that type sends exactly what curl sends, where FormUrlEncoded would re-encode.
    const QString defaultType = m_json ? QStringLiteral("application/json")
                                       : QStringLiteral("application/x-www-form-urlencoded");
    Body &body = request.body;
    if (!m_parts.isEmpty()) {
        body.mode = Body::Mode::Multipart;
        body.parts = m_parts;
    } else if (m_uploadFile) {
        body.mode = Body::Mode::BinaryFile;
        body.filePath = *m_uploadFile;
        if (!explicitType)
            m_result.warnings.append(Tr::tr("-T sends no Content-Type in curl; Rafaga labels the "
                                            "file by its extension"));
        // PUT to a URL ending in / names the file after the upload, as curl does.
        if (urlPath(request.url).endsWith(QLatin1Char('/'))
            && !request.url.contains(QLatin1Char('?')))
            request.url += QFileInfo(*m_uploadFile).fileName();
    } else if (bodyFile) {
        body.mode = Body::Mode::BinaryFile;
        body.filePath = *bodyFile;
        // A file body would otherwise be labelled by its extension; curl labels it as above.
        setDefaultHeader(QStringLiteral("Content-Type"), defaultType);
    } else if (!m_data.isEmpty() && !m_get) {
        if (m_removed.contains(QLatin1String("content-type")))
            m_result.warnings.append(Tr::tr("-H 'Content-Type:' sends the body without a "
                                            "Content-Type in curl; Rafaga labels a raw body "
                                            "text/plain and a JSON body application/json"));
        body.mode = m_json ? Body::Mode::Json : Body::Mode::Raw;
        body.text = QString::fromUtf8(data);
        body.contentType = explicitType ? QString() : defaultType;
        m_result.body = data;
        if (!isValidUtf8(data))
            m_result.warnings.append(Tr::tr("the body is not UTF-8 text, so the collection cannot "
                                            "hold it exactly; save it to a file and use "
                                            "--data-binary @file"));
    }
}

void CurlParser::setHeadersAndAuth()
{
    RequestItem &request = m_result.item.request;
    // curl asks for anything unless -H sets or removes Accept; --json asks for JSON.
    setDefaultHeader(QStringLiteral("Accept"),
        m_json ? QStringLiteral("application/json") : QStringLiteral("*/*"));
    if (!m_cookies.isEmpty())
        setDefaultHeader(QStringLiteral("Cookie"), m_cookies.join(QLatin1Char(';')));
    for (const KeyValue &header : std::as_const(m_defaults)) {
        if (!hasHeader(header.key) && !m_removed.contains(header.key.toLower()))
            request.headers.append(header);
    }
    request.headers.append(m_headers);

    if (m_auth) {
        request.auth = *m_auth;
        if (!m_authScheme.isEmpty() && m_auth->type == Auth::Type::Basic)
            m_result.warnings.append(Tr::tr("%1 is not supported; the credentials are sent with "
                                            "basic auth")
                                         .arg(m_authScheme));
    } else {
        // The command stands alone: it sends no credentials of a collection it lands in.
        request.auth.type = Auth::Type::None;
    }
}

bool CurlParser::hasHeader(const QString &name) const
{
    return std::any_of(m_headers.cbegin(), m_headers.cend(),
        [&](const KeyValue &h) { return h.key.compare(name, Qt::CaseInsensitive) == 0; });
}
