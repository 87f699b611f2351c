// libFuzzer target for the native collection file and the {{variable}} templates in it: parsing
// must never crash; whatever parses must save to text that parses back to the same collection and
// saves to the same bytes; resolving any text must end, and without a crash.
#include "core/collection/collectionfile.h"
#include "core/collection/variables.h"

#include <cstdint>
#include <cstdlib>

namespace {
void resolveEverything(const Collection &collection, const QString &text)
{
    VariableResolver variables;
    variables.setCollectionVariables(collection.variables);
    // A value that uses itself twice over: nesting must stop, not run away.
    variables.setEnvironmentVariables({{QStringLiteral("a"), QStringLiteral("{{a}}{{b}}{{a}}")},
        {QStringLiteral("b"), text.left(64)}});
    variables.setDataRow({QStringLiteral("row")}, {text.left(16)});
    QStringList unresolved;
    variables.resolve(text, &unresolved);
    for (const QString &name : VariableResolver::referencedNames(text))
        variables.value(name);
    for (const CollectionItem &item : collection.items)
        variables.resolve(item.request.url, &unresolved);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Parsed<Collection> parsed = parseCollection(input, QStringLiteral("fuzz.rafaga.json"));
    if (!parsed.ok()) {
        if (parsed.error().toString().isEmpty())
            abort(); // every error says something
        resolveEverything(Collection(), QString::fromUtf8(input));
        return 0;
    }
    // The first save may normalise (key order, numbers, secrets' values dropped); from then on
    // the file is a fixed point.
    const QByteArray saved = serializeCollection(parsed.value());
    const Parsed<Collection> reloaded = parseCollection(saved);
    if (!reloaded.ok())
        abort();
    const QByteArray resaved = serializeCollection(reloaded.value());
    if (resaved != saved)
        abort();
    const Parsed<Collection> third = parseCollection(resaved);
    if (!third.ok() || !(third.value() == reloaded.value()))
        abort();
    resolveEverything(parsed.value(), QString::fromUtf8(input));
    return 0;
}
