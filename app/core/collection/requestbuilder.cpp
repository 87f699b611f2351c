#include "core/collection/requestbuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUuid>

#include <algorithm>
#include <cctype>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectionSource)
};

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

QByteArray formEncode(const QString &text)
{
    // application/x-www-form-urlencoded as browsers send it: '*' kept, '~' encoded, space as '+'.
    QByteArray encoded = QUrl::toPercentEncoding(text, "*", "~");
    encoded.replace("%20", "+");
    return encoded;
}

/// A query key or value as Postman encodes it: only what is not valid in a query (controls,
/// space, quotes, '#', '<', '>', '&', '=' in a key, non-ASCII; and what QUrl refuses in a query,
/// such as '{' and '\'); a '%' that starts an escape is
/// kept, so a value given already encoded ("a%20b") is not encoded twice.
QByteArray queryEncode(const QString &text, bool isKey)
{
    const QByteArray bytes = text.toUtf8();
    const auto isHex = [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
    };
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar c = uchar(bytes.at(i));
        const bool escape
            = c == '%' && i + 2 < bytes.size() && isHex(bytes.at(i + 1)) && isHex(bytes.at(i + 2));
        if (escape
            || (c > 0x20 && c < 0x7F && !QByteArrayView("\"#&'<>%\\^`{|}").contains(char(c))
                && !(isKey && c == '=')))
            out += char(c);
        else
            out += '%' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

/// A name or file name inside Content-Disposition quotes, escaped as browsers do.
QByteArray dispositionQuoted(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    return '"' + bytes + '"';
}

bool hasHeader(const HttpHeaders &headers, QByteArrayView name)
{
    for (const HttpHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

QString unresolvedProblem(const QStringList &names)
{
    QStringList braced;
    QStringList unset; // {{$env.NAME}}: the process environment has no NAME
    for (const QString &name : names) {
        const QString variable = VariableResolver::environmentName(name);
        if (variable.isEmpty())
            braced.append(QStringLiteral("{{") + name + QStringLiteral("}}"));
        else
            unset.append(variable);
    }
    QStringList problems;
    if (!braced.isEmpty())
        problems.append((braced.size() == 1 ? Tr::tr("unresolved variable %1")
                                            : Tr::tr("unresolved variables %1"))
                            .arg(braced.join(u", ")));
    if (!unset.isEmpty())
        problems.append((unset.size() == 1 ? Tr::tr("the environment variable %1 is not set")
                                           : Tr::tr("the environment variables %1 are not set"))
                            .arg(unset.join(u", ")));
    return problems.join(u"; ");
}

RequestSpec RequestBuilder::build(const RequestItem &item, const Auth &auth)
{
    RequestSpec spec;
    spec.url = buildUrl(item, auth);
    if (m_mode == BuildMode::CheckUrlAndFiles) {
        checkFiles(item.body);
        return spec;
    }
    const QString method = resolve(item.method).trimmed();
    spec.method = method.toUtf8();
    if (!isToken(spec.method))
        problem(Tr::tr("the method \"%1\" is not a valid HTTP method name").arg(method));
    for (const KeyValue &header : item.headers) {
        if (header.enabled)
            addHeader(spec.headers, resolve(header.key).trimmed(), resolve(header.value));
    }
    addAuth(spec.headers, auth);
    addBody(spec, item.body);
    return spec;
}

void RequestBuilder::problem(const QString &text) const
{
    if (m_problems)
        m_problems->append(text);
}

QUrl RequestBuilder::buildUrl(const RequestItem &item, const Auth &auth) const
{
    QString text = resolve(item.url).trimmed();
    if (!text.contains(u"://"))
        text.prepend(QStringLiteral("http://")); // what people type: "localhost:8080/users"
    QUrl url(text, QUrl::TolerantMode);
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    // A null value (Postman's "value": null, "?key" in a URL) sends the key alone.
    const auto append = [&query](const QString &key, const QString &value) {
        if (!query.isEmpty())
            query += '&';
        query += queryEncode(key, true);
        if (!value.isNull())
            query += '=' + queryEncode(value, false);
    };
    for (const KeyValue &param : item.params) {
        if (!param.enabled)
            continue;
        const QString key = resolve(param.key);
        const QString value = param.value.isNull() ? QString() : resolve(param.value);
        if (!key.isEmpty() || !value.isEmpty())
            append(key, value);
    }
    if (auth.type == Auth::Type::ApiKey && auth.location == Auth::ApiKeyLocation::Query) {
        const QString key = resolve(auth.key);
        if (key.isEmpty())
            problem(Tr::tr("the API key has no parameter name"));
        else
            append(key, resolve(auth.value));
    }
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);

    if (!url.isValid())
        problem(Tr::tr("invalid URL \"%1\": %2").arg(text, url.errorString()));
    else if (url.scheme() != u"http" && url.scheme() != u"https")
        problem(Tr::tr("invalid URL \"%1\": expected http:// or https://").arg(text));
    else if (url.host().isEmpty())
        problem(Tr::tr("invalid URL \"%1\": no host").arg(text));
    return url;
}

void RequestBuilder::addHeader(
    HttpHeaders &headers, const QString &name, const QString &value) const
{
    if (name.isEmpty())
        return; // an empty row of the table
    const QByteArray key = name.toUtf8();
    if (!isToken(key)) {
        problem(Tr::tr("the header name \"%1\" is not valid").arg(name));
        return;
    }
    QByteArray bytes = value.toUtf8();
    if (bytes.contains('\r') || bytes.contains('\n') || bytes.contains('\0')) {
        // A line break would let a value smuggle in headers of its own.
        problem(Tr::tr("the value of header \"%1\" contains a line break").arg(name));
        bytes.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
    }
    headers.append({key, bytes});
}

void RequestBuilder::addAuth(HttpHeaders &headers, const Auth &auth) const
{
    const bool ownAuthorization = hasHeader(headers, "Authorization");
    switch (auth.type) {
    case Auth::Type::Basic:
        if (!ownAuthorization) {
            const QString credentials = resolve(auth.username) + u':' + resolve(auth.password);
            headers.append({"Authorization", "Basic " + credentials.toUtf8().toBase64()});
        }
        break;
    case Auth::Type::Bearer:
        if (!ownAuthorization)
            addHeader(headers, QStringLiteral("Authorization"),
                QStringLiteral("Bearer ") + resolve(auth.token));
        break;
    case Auth::Type::ApiKey:
        if (auth.location == Auth::ApiKeyLocation::Header) {
            const QString key = resolve(auth.key).trimmed();
            if (key.isEmpty())
                problem(Tr::tr("the API key has no header name"));
            else if (!hasHeader(headers, key.toUtf8()))
                addHeader(headers, key, resolve(auth.value));
        }
        break;
    case Auth::Type::Inherit:
    case Auth::Type::None:
        break;
    }
}

std::optional<QByteArray> RequestBuilder::readFile(
    const QString &pathTemplate, const QString &what, QString *absolutePath) const
{
    const QString path = resolve(pathTemplate);
    if (path.isEmpty()) {
        problem(Tr::tr("%1: no file given").arg(what));
        return std::nullopt;
    }
    // A relative path: from the collection's folder, else (as newman) the working directory.
    QStringList tried {QDir(m_baseDirectory).absoluteFilePath(path)};
    if (QDir::isRelativePath(path) && !tried.contains(QDir::current().absoluteFilePath(path)))
        tried.append(QDir::current().absoluteFilePath(path));
    const auto found = std::find_if(tried.cbegin(), tried.cend(), [](const QString &candidate) {
        const QFileInfo info(candidate);
        return info.isFile() && info.isReadable();
    });
    const QString absolute = found != tried.cend() ? *found : tried.first();
    if (absolutePath)
        *absolutePath = absolute;
    if (found != tried.cend() && found != tried.cbegin() && m_notes) {
        const QString note
            = Tr::tr("%1: \"%2\" is read from the working directory (%3): the collection's folder "
                     "has no such file")
                  .arg(what, path, *found);
        if (!m_notes->contains(note))
            m_notes->append(note);
    }
    if (found == tried.cend()) {
        problem(tried.size() == 1 && tried.first() == path
                ? Tr::tr("%1: cannot read the file \"%2\"").arg(what, path)
                : Tr::tr("%1: cannot read the file \"%2\" (tried %3)")
                      .arg(what, path, tried.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (m_mode != BuildMode::Send)
        return QByteArray();
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly)) {
        problem(Tr::tr("%1: cannot read the file \"%2\": %3").arg(what, path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

QByteArray RequestBuilder::guessContentType(const QString &path)
{
    return QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension).name().toUtf8();
}

void RequestBuilder::checkFiles(const Body &body) const
{
    if (body.mode == Body::Mode::BinaryFile)
        readFile(body.filePath, Tr::tr("the body file"));
    if (body.mode != Body::Mode::Multipart)
        return;
    for (const FormPart &part : body.parts) {
        if (part.enabled && part.isFile)
            readFile(part.value, Tr::tr("form part \"%1\"").arg(part.name));
    }
}

QByteArray RequestBuilder::multipart(const Body &body, QByteArray *contentType) const
{
    const QByteArray boundary = "RafagaBoundary" + QUuid::createUuid().toByteArray(QUuid::Id128);
    *contentType = "multipart/form-data; boundary=" + boundary;
    QByteArray out;
    for (const FormPart &part : body.parts) {
        if (!part.enabled)
            continue;
        const QString name = resolve(part.name);
        QByteArray partType = resolve(part.contentType).trimmed().toUtf8();
        QByteArray data;
        QByteArray disposition = "form-data; name=" + dispositionQuoted(name);
        if (part.isFile) {
            QString absolute;
            const std::optional<QByteArray> file
                = readFile(part.value, Tr::tr("form part \"%1\"").arg(name), &absolute);
            if (!file)
                continue;
            data = *file;
            disposition += "; filename=" + dispositionQuoted(QFileInfo(absolute).fileName());
            if (partType.isEmpty())
                partType = guessContentType(absolute);
        } else {
            data = resolve(part.value).toUtf8();
        }
        out += "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n";
        if (!partType.isEmpty())
            out += "Content-Type: " + partType + "\r\n";
        out += "\r\n" + data + "\r\n";
    }
    return out + "--" + boundary + "--\r\n";
}

void RequestBuilder::addBody(RequestSpec &spec, const Body &body) const
{
    QByteArray contentType;
    switch (body.mode) {
    case Body::Mode::None:
        return;
    case Body::Mode::Raw:
        spec.body = resolve(body.text).toUtf8();
        contentType = resolve(body.contentType).trimmed().toUtf8();
        if (contentType.isEmpty())
            contentType = "text/plain"; // as Postman sends a raw body of no language
        break;
    case Body::Mode::Json:
        spec.body = resolve(body.text).toUtf8();
        contentType = "application/json";
        break;
    case Body::Mode::FormUrlEncoded:
        for (const KeyValue &field : body.form) {
            if (!field.enabled)
                continue;
            const QString key = resolve(field.key);
            const QString value = resolve(field.value);
            if (key.isEmpty() && value.isEmpty())
                continue;
            if (!spec.body.isEmpty())
                spec.body += '&';
            spec.body += formEncode(key) + '=' + formEncode(value);
        }
        contentType = "application/x-www-form-urlencoded";
        break;
    case Body::Mode::Multipart:
        spec.body = multipart(body, &contentType);
        // The boundary is ours, so any Content-Type the request sets would not match it.
        spec.headers.removeIf([](const HttpHeader &h) {
            return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        });
        break;
    case Body::Mode::BinaryFile: {
        QString absolute;
        spec.body
            = readFile(body.filePath, Tr::tr("the body file"), &absolute).value_or(QByteArray());
        contentType = guessContentType(absolute);
        break;
    }
    }
    if (!contentType.isEmpty() && !hasHeader(spec.headers, "Content-Type"))
        spec.headers.append({"Content-Type", contentType});
}

RequestSpec buildRequest(const RequestItem &item, const Auth &effectiveAuth,
    const VariableResolver &variables, const QString &baseDirectory, QStringList *problems)
{
    QStringList unresolved;
    RequestSpec spec
        = RequestBuilder(variables, baseDirectory, BuildMode::Send, problems, &unresolved)
              .build(item, effectiveAuth);
    if (problems && !unresolved.isEmpty())
        problems->prepend(unresolvedProblem(unresolved));
    return spec;
}
