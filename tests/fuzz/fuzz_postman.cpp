// libFuzzer target for the Postman importers: any input must give a collection or an error, and
// a collection that imports must export to Postman JSON that imports again.
#include "core/formats/postmanexport.h"
#include "core/formats/postmanimport.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    looksLikePostmanCollection(input);
    looksLikePostmanEnvironment(input);
    if (const auto environment = importPostmanEnvironment(input, QStringLiteral("fuzz.json")))
        exportPostmanEnvironment(environment.value());

    QStringList skipped;
    const auto collection = importPostmanCollection(input, QStringLiteral("fuzz.json"), &skipped);
    if (!collection.ok())
        return 0;
    const auto again
        = importPostmanCollection(exportPostmanCollection(collection.value()), QString());
    if (!again.ok())
        abort(); // our own export must always read back
    return 0;
}
