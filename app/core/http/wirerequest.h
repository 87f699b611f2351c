// One request of the fast path as it goes on the wire: method, path, authority, headers and body,
// built once from a QNetworkRequest the way Qt builds it, then written as an HTTP/1.1 head or
// given to nghttp2 as HTTP/2 fields.
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>

#include <utility>
#include <vector>

class QNetworkRequest;

struct WireRequest
{
    using Field = std::pair<QByteArray, QByteArray>;

    QByteArray method;
    QByteArray path; ///< with its query, fully encoded; "/" at least
    QByteArray host; ///< the Host header Qt writes for HTTP/1.1 (none when the caller set one)
    QByteArray authority; ///< HTTP/2's :authority: the URL's host (IPv6 in brackets) and port
    /// The caller's headers in their order, then Qt's defaults (Content-Type, Content-Length,
    /// Connection, Accept-Encoding, User-Agent) where the caller named none; never Qt's
    /// Accept-Language.
    std::vector<Field> headers;
    QByteArray body;

    /// hasUpload: the request came with an upload device (Qt then sends a length, even 0).
    static WireRequest build(const QNetworkRequest &request,
        QNetworkAccessManager::Operation operation, QByteArray method, QByteArray body,
        bool hasUpload);

    bool isHead() const { return method == "HEAD"; }
    /// Whether sending it twice means the same as once (RFC 9110, 9.2.2): only such a request is
    /// sent again by the fast path when a kept-alive connection closes under it.
    bool isIdempotent() const
    {
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE"
            || method == "OPTIONS" || method == "TRACE";
    }
    /// The HTTP/1.1 request: head in Qt's order (Host first), then the body.
    QByteArray http1() const;
    /// The headers for HTTP/2, lower-case, without those that mean something only to HTTP/1.1
    /// (RFC 9113, 8.2.2; Qt drops them too), pseudo-headers not included.
    std::vector<Field> http2Headers() const;
};
