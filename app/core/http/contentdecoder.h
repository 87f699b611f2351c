// Decoding a response body's Content-Encoding (gzip, deflate) on the fast path, as Qt decodes it
// when the request's Accept-Encoding was Qt's own.
#pragma once

#include <QByteArray>

#include <memory>

struct z_stream_s;

class ContentDecoder
{
public:
    ContentDecoder();
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    /// Starts decoding encoding (lower-case, trimmed). True for gzip, x-gzip and deflate (then
    /// isActive()), and for identity or none (nothing to decode); false for any other.
    bool start(const QByteArray &encoding);
    bool isActive() const { return m_zlib != nullptr; }
    /// Decodes size bytes of the encoded body, appending what they decode to into out. False
    /// once the encoded data is corrupt.
    bool decode(const char *data, qsizetype size, QByteArray &out);

private:
    std::unique_ptr<z_stream_s> m_zlib;
};
