// libFuzzer target for the HAR importer: any input must give a collection or an error.
#include "core/formats/harimport.h"
#include "core/formats/postmanexport.h"
#include "core/formats/postmanimport.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    looksLikeHar(input);
    QStringList skipped;
    const auto collection = importHar(input, QStringLiteral("fuzz.har"), &skipped);
    if (!collection.ok())
        return 0;
    // What a HAR gives must be a collection like any other: it exports and reads back.
    if (!importPostmanCollection(exportPostmanCollection(collection.value()), QString()).ok())
        abort();
    return 0;
}
