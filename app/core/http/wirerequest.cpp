#include "core/http/wirerequest.h"

#include <QNetworkRequest>

#include <cstring>

namespace {
// What Qt 6.4 (Debian's build) adds when the request does not say otherwise, captured from its
// own stack, so that a server sees the same request whichever path carries it. Not Qt's
// Accept-Language (its locale, "en,*"): no reference client (curl, newman, a browser's recorded
// request) sends one the request did not ask for.
const QByteArray QtAcceptEncoding = "zstd, br, gzip, deflate";

bool requestHas(const QNetworkRequest &request, const char *name)
{
    return request.hasRawHeader(QByteArray::fromRawData(name, qsizetype(std::strlen(name))));
}

bool isConnectionSpecific(const QByteArray &lowerName)
{
    return lowerName == "host" || lowerName == "connection" || lowerName == "keep-alive"
        || lowerName == "proxy-connection" || lowerName == "transfer-encoding"
        || lowerName == "upgrade";
}

QByteArray hostHeader(const QUrl &target)
{
    const QByteArray host = target.host(QUrl::FullyEncoded).toLatin1();
    // An IPv6 address goes in brackets, as Qt writes it.
    QByteArray value = host.contains(':') ? '[' + host + ']' : host;
    if (target.port() != -1 && target.port() != 80)
        value += ':' + QByteArray::number(target.port());
    return value;
}
} // namespace

WireRequest WireRequest::build(const QNetworkRequest &req,
    QNetworkAccessManager::Operation operation, QByteArray method, QByteArray body, bool hasUpload)
{
    WireRequest wire;
    const QUrl target = req.url();
    wire.method = std::move(method);
    wire.body = std::move(body);
    wire.path = target.path(QUrl::FullyEncoded).toLatin1();
    if (wire.path.isEmpty())
        wire.path = "/";
    if (target.hasQuery())
        wire.path += '?' + target.query(QUrl::FullyEncoded).toLatin1();
    if (!requestHas(req, "Host"))
        wire.host = hostHeader(target);
    // As Qt: host (an IPv6 address in brackets) and the port when the URL names one.
    wire.authority = target.authority(QUrl::FullyEncoded | QUrl::RemoveUserInfo).toLatin1();
    const QList<QByteArray> names = req.rawHeaderList();
    wire.headers.reserve(size_t(names.size()) + 6);
    for (const QByteArray &name : names)
        wire.headers.emplace_back(name, req.rawHeader(name));
    if (hasUpload) {
        // Qt: a length whenever there is an upload device, even an empty one; a default type
        // only for a non-empty post() that names none (not for PUT, nor any custom verb, POST
        // included).
        if (!requestHas(req, "Content-Type") && !wire.body.isEmpty()
            && operation == QNetworkAccessManager::PostOperation)
            wire.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        if (!requestHas(req, "Content-Length"))
            wire.headers.emplace_back("Content-Length", QByteArray::number(wire.body.size()));
    }
    if (!requestHas(req, "Connection"))
        wire.headers.emplace_back("Connection", "Keep-Alive");
    if (!requestHas(req, "Accept-Encoding"))
        wire.headers.emplace_back("Accept-Encoding", QtAcceptEncoding);
    if (!requestHas(req, "User-Agent"))
        wire.headers.emplace_back("User-Agent", "Mozilla/5.0");
    return wire;
}

QByteArray WireRequest::http1() const
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += method + ' ' + path + " HTTP/1.1\r\n";
    if (!host.isEmpty())
        out += "Host: " + host + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

std::vector<WireRequest::Field> WireRequest::http2Headers() const
{
    std::vector<Field> fields;
    fields.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        QByteArray lower = name.toLower();
        if (!isConnectionSpecific(lower))
            fields.emplace_back(std::move(lower), value.trimmed());
    }
    return fields;
}
