// Decoding a response body's Content-Encoding (gzip, deflate) on the fast path, as Qt decodes it
// when the request's Accept-Encoding was Qt's own: in steps, as the reader makes room, and
// stopped when the body inflates like a decompression bomb.
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct z_stream_s;

class ContentDecoder
{
public:
    /// Qt's rule for gzip and deflate (QDecompressHelper): beyond the request's
    /// decompressedSafetyCheckThreshold (10 MiB by default), a body that has inflated to more
    /// than this many times its encoded size is a decompression bomb.
    static constexpr qint64 MaxRatio = 40;

    ContentDecoder();
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    /// Starts decoding encoding (lower-case, trimmed). True for gzip, x-gzip and deflate (then
    /// isActive()), and for identity or none (nothing to decode); false for any other.
    /// bombThreshold: decoded bytes before the ratio counts; -1: never.
    bool start(const QByteArray &encoding, qint64 bombThreshold = 10 * 1024 * 1024);
    bool isActive() const { return m_zlib != nullptr; }
    /// Takes size bytes of the encoded body; they wait here until decoded.
    void push(const char *data, qsizetype size);
    /// Encoded bytes not decoded yet.
    qsizetype pending() const { return m_input.size() - m_inputPos; }
    /// Decodes waiting input, appending to out until it grew by room bytes (at least one step;
    /// room < 0: no limit) or the input ran out. False once the data is corrupt or a bomb: then
    /// error() says which, and nothing more is decoded.
    bool decode(QByteArray &out, qsizetype room);
    const QString &error() const { return m_error; }
    qint64 decodedBytes() const { return m_decoded; }

private:
    std::unique_ptr<z_stream_s> m_zlib;
    QByteArray m_input;
    qsizetype m_inputPos = 0;
    qint64 m_encoded = 0;
    qint64 m_decoded = 0;
    qint64 m_bombThreshold = -1;
    bool m_ended = false;
    QString m_error;
};
