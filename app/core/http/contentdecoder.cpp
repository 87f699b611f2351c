#include "core/http/contentdecoder.h"

#include <QCoreApplication>

#include <cstring>
#include <zlib.h>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ContentDecoder)
};

constexpr qsizetype StepBytes = 32 * 1024;
} // namespace

ContentDecoder::ContentDecoder() = default;

ContentDecoder::~ContentDecoder()
{
    if (m_zlib)
        inflateEnd(m_zlib.get());
}

bool ContentDecoder::start(const QByteArray &encoding, qint64 bombThreshold)
{
    if (encoding.isEmpty() || encoding == "identity")
        return true;
    if (encoding != "gzip" && encoding != "deflate" && encoding != "x-gzip")
        return false;
    if (m_zlib)
        inflateEnd(m_zlib.get());
    m_zlib = std::make_unique<z_stream>();
    std::memset(m_zlib.get(), 0, sizeof(z_stream));
    // 32 + 15: gzip or zlib, told by the header.
    if (inflateInit2(m_zlib.get(), 32 + 15) != Z_OK) {
        m_zlib.reset();
        return false;
    }
    m_bombThreshold = bombThreshold;
    return true;
}

void ContentDecoder::push(const char *data, qsizetype size)
{
    if (!m_error.isEmpty() || m_ended || size <= 0)
        return; // nothing more is decoded: no need to keep it
    if (m_inputPos == m_input.size()) {
        m_input.resize(0); // all taken: start over, keeping the capacity
        m_inputPos = 0;
    }
    m_input.append(data, size);
}

bool ContentDecoder::decode(QByteArray &out, qsizetype room)
{
    if (!m_error.isEmpty())
        return false;
    z_stream *z = m_zlib.get();
    const qsizetype start = out.size();
    // Bounded: each step takes input or makes output, and stops at room.
    while (!m_ended && pending() > 0 && (room < 0 || out.size() - start < room)) {
        const qsizetype before = out.size();
        out.resize(before + StepBytes);
        z->next_in = reinterpret_cast<Bytef *>(m_input.data() + m_inputPos);
        z->avail_in = uInt(pending());
        z->next_out = reinterpret_cast<Bytef *>(out.data() + before);
        z->avail_out = uInt(StepBytes);
        const int rc = inflate(z, Z_NO_FLUSH);
        const qsizetype taken = pending() - qsizetype(z->avail_in);
        m_inputPos += taken;
        m_encoded += taken;
        out.resize(before + (StepBytes - qsizetype(z->avail_out)));
        m_decoded += out.size() - before;
        if (taken == 0 && out.size() == before && rc != Z_STREAM_END)
            break; // no progress: zlib wants what has not come yet
        if (rc == Z_STREAM_END) {
            m_ended = true; // anything after the stream is ignored, as zlib leaves it
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_error = Tr::tr("Decompression failed");
        } else if (m_bombThreshold >= 0 && m_decoded > m_bombThreshold
            && m_decoded > MaxRatio * m_encoded) {
            m_error = Tr::tr("Decompression bomb: the body inflated to more than %1 times its "
                             "encoded size beyond %2 bytes (the limit)")
                          .arg(MaxRatio)
                          .arg(m_bombThreshold);
        }
        if (!m_error.isEmpty()) {
            m_input = QByteArray();
            m_inputPos = 0;
            return false;
        }
    }
    if (m_ended) {
        m_input = QByteArray();
        m_inputPos = 0;
    }
    return true;
}
