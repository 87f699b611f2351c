#include "core/http/contentdecoder.h"

#include <cstring>
#include <zlib.h>

namespace {
constexpr qsizetype StepBytes = 32 * 1024;
} // namespace

ContentDecoder::ContentDecoder() = default;

ContentDecoder::~ContentDecoder()
{
    if (m_zlib)
        inflateEnd(m_zlib.get());
}

bool ContentDecoder::start(const QByteArray &encoding)
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
    return true;
}

bool ContentDecoder::decode(const char *data, qsizetype size, QByteArray &out)
{
    z_stream *z = m_zlib.get();
    z->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    z->avail_in = uInt(size);
    int rc = Z_OK;
    // Inflates in steps into the buffer's spare room.
    for (int passes = 0; z->avail_in > 0 && rc == Z_OK && passes < 1 << 20; ++passes) {
        const qsizetype before = out.size();
        out.resize(before + StepBytes);
        z->next_out = reinterpret_cast<Bytef *>(out.data() + before);
        z->avail_out = uInt(StepBytes);
        rc = inflate(z, Z_NO_FLUSH);
        out.resize(before + (StepBytes - qsizetype(z->avail_out)));
    }
    return rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR;
}
