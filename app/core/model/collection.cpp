#include "core/model/collection.h"

bool operator==(const CollectionItem &a, const CollectionItem &b)
{
    return a.kind == b.kind && a.name == b.name && a.description == b.description
        && a.request == b.request && a.children == b.children && a.variables == b.variables
        && a.folderAuth == b.folderAuth && a.unknownFields == b.unknownFields;
}
