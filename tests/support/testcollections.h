// Builders of collection items for the tests that make collections by hand.
#pragma once

#include "core/model/collection.h"

inline CollectionItem requestItem(const QString &name, const QString &method, const QString &url)
{
    CollectionItem item;
    item.name = name;
    item.request.method = method;
    item.request.url = url;
    return item;
}

inline CollectionItem folderItem(const QString &name, const QList<CollectionItem> &children)
{
    CollectionItem folder;
    folder.kind = CollectionItem::Kind::Folder;
    folder.name = name;
    folder.children = children;
    return folder;
}
