#include "core/engine/qtrequest.h"

#include "core/base/version.h"

#include <algorithm>

namespace {
const QByteArray DefaultUserAgent = "rafaga/" + Rafaga::version().toLatin1();

bool hasHeader(const HttpHeaders &headers, const QByteArray &name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [&](const HttpHeader &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}
} // namespace

QNetworkRequest requestTemplate(const RunOptions &options, const QSslConfiguration &tls, bool https)
{
    QNetworkRequest request;
    // No cache is set on the lanes, so nothing is cached; AlwaysNetwork would only add
    // Cache-Control and Pragma headers the user did not ask for.
    // Each request stands alone: a cookie set by one answer must not change another request.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (options.maxRedirects > 0) {
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setMaximumRedirectsAllowed(options.maxRedirects);
    } else {
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    }
    switch (options.httpVersion) {
    case HttpVersionPolicy::Http1Only:
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        break;
    case HttpVersionPolicy::Http2:
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
        if (!https)
            request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
        break;
    case HttpVersionPolicy::Auto:
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, https);
        break;
    }
    if (https)
        request.setSslConfiguration(tls);
    return request;
}

QNetworkRequest networkRequestFor(const QNetworkRequest &base, const RequestSpec &spec)
{
    QNetworkRequest request = base;
    request.setUrl(spec.url);
    for (const HttpHeader &header : spec.headers) {
        // Qt keeps one value per name: a repeated header is sent as one comma-joined line, which
        // HTTP defines as the same thing (cookies join with "; ").
        const QByteArray existing = request.rawHeader(header.first);
        if (existing.isEmpty())
            // A null value would remove the header: an empty one is sent as "Name: " (curl's
            // -H 'Name;').
            request.setRawHeader(header.first,
                header.second.isNull() ? QByteArray("", 0) : header.second);
        else
            request.setRawHeader(header.first,
                existing
                    + (header.first.compare("cookie", Qt::CaseInsensitive) == 0
                            ? QByteArrayLiteral("; ")
                            : QByteArrayLiteral(", "))
                    + header.second);
    }
    if (!hasHeader(spec.headers, "user-agent"))
        request.setRawHeader("User-Agent", DefaultUserAgent);
    return request;
}
