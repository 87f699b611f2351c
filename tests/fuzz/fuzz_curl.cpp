// libFuzzer target: the curl importer (and the shell splitter under it) on arbitrary text, plus
// the exporter on what it imports, which must import again.
#include "core/formats/curlexport.h"
#include "core/formats/curlimport.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Parsed<CurlImport> imported = importCurl(text);
    if (!imported.ok()) {
        if (imported.error().message.isEmpty())
            std::abort(); // an error must say what was expected
        return 0;
    }
    // Whatever was understood can be written back as a command that imports again.
    const Parsed<CurlImport> again = importCurl(exportCurl(imported.value().item.request));
    if (!again.ok() && !again.error().message.contains(QLatin1String("file")))
        std::abort();
    return 0;
}
