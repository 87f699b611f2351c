// libFuzzer target for the fast path's content decoder: any bytes, pushed in pieces and decoded
// with any room, decode or fail with an error; never more than the room asked for per call
// (plus one step), never a crash, and a bomb stops with its error.
#include "core/http/contentdecoder.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // First byte: the encoding and the bomb threshold; second: the room per call (KiB).
    const QByteArray encoding = (data[0] & 1) ? QByteArray("gzip") : QByteArray("deflate");
    const qint64 threshold = (data[0] & 2) ? 64 * 1024 : -1;
    const qsizetype room = (data[1] == 0) ? -1 : qsizetype(data[1]) * 1024;
    ContentDecoder decoder;
    if (!decoder.start(encoding, threshold) || !decoder.isActive())
        std::abort();
    const char *bytes = reinterpret_cast<const char *>(data) + 2;
    size_t left = size - 2;
    QByteArray out;
    // Pieces of 1 to 64 bytes, told by the bytes themselves; bounded by the input's size.
    while (left > 0) {
        const size_t piece = qMin(left, size_t(1 + (uint8_t(bytes[0]) & 63)));
        decoder.push(bytes, qsizetype(piece));
        bytes += piece;
        left -= piece;
        for (int call = 0; call < 1 << 12 && decoder.pending() > 0; ++call) {
            const qsizetype before = out.size();
            if (!decoder.decode(out, room)) {
                if (decoder.error().isEmpty())
                    std::abort();
                return 0;
            }
            if (room >= 0 && out.size() - before > room + 32 * 1024)
                std::abort();
            if (out.size() == before)
                break; // waits for more input
            out.clear(); // counted, not kept, as the reader does
        }
    }
    return 0;
}
