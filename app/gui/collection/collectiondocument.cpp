#include "gui/collection/collectiondocument.h"

#include <QFileInfo>
#include <QUndoCommand>

/// One undo step: the collection before and after. Collections are small value trees (hundreds of
/// items), so whole snapshots keep every command trivially correct.
class CollectionCommand : public QUndoCommand
{
public:
    CollectionCommand(CollectionDocument *document, Collection before, Collection after,
        bool structural, ItemPath changed, const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_structural(structural)
        , m_changed(std::move(changed))
    { }
    void redo() override { m_document->apply(m_after, m_structural, m_changed); }
    void undo() override { m_document->apply(m_before, m_structural, m_changed); }
    int id() const override { return m_structural ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        // Typing into one field makes one step, not one per key.
        const auto *next = static_cast<const CollectionCommand *>(other);
        if (next->m_changed != m_changed || next->text() != text())
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    CollectionDocument *m_document;
    Collection m_before;
    Collection m_after;
    bool m_structural;
    ItemPath m_changed;
};

CollectionDocument::CollectionDocument(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this,
        [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

CollectionDocument::~CollectionDocument()
{
    // The undo stack is cleared as it is destroyed; that is no edit for our listeners to see,
    // and they may be half destroyed themselves by now.
    m_undo.disconnect(this);
}

QString CollectionDocument::displayName() const
{
    if (!m_collection.name.isEmpty())
        return m_collection.name;
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return tr("Untitled");
}

void CollectionDocument::reset(const Collection &collection, const QString &filePath)
{
    m_collection = collection;
    m_filePath = filePath;
    m_undo.clear();
    m_undo.setClean();
    Q_EMIT structureChanged();
    Q_EMIT settingsChanged();
    Q_EMIT modifiedChanged(false);
}

void CollectionDocument::markSaved(const QString &filePath)
{
    m_filePath = filePath;
    m_undo.setClean();
}

CollectionItem *CollectionDocument::mutableItemAt(
    Collection &collection, const ItemPath &path) const
{
    QList<CollectionItem> *level = &collection.items;
    CollectionItem *item = nullptr;
    for (int row : path) {
        if (!level || row < 0 || row >= level->size())
            return nullptr;
        item = &(*level)[row];
        level = item->isFolder() ? &item->children : nullptr;
    }
    return item;
}

QList<CollectionItem> *CollectionDocument::childrenOf(
    Collection &collection, const ItemPath &parent) const
{
    if (parent.isEmpty())
        return &collection.items;
    CollectionItem *folder = mutableItemAt(collection, parent);
    return folder && folder->isFolder() ? &folder->children : nullptr;
}

const CollectionItem *CollectionDocument::itemAt(const ItemPath &path) const
{
    return mutableItemAt(const_cast<Collection &>(m_collection), path);
}

QList<const CollectionItem *> CollectionDocument::ancestors(const ItemPath &path) const
{
    QList<const CollectionItem *> chain;
    for (int depth = 1; depth < path.size(); ++depth) {
        if (const CollectionItem *item = itemAt(path.mid(0, depth)))
            chain.append(item);
    }
    return chain;
}

QString CollectionDocument::pathName(const ItemPath &path) const
{
    QStringList names;
    for (int depth = 1; depth <= path.size(); ++depth) {
        if (const CollectionItem *item = itemAt(path.mid(0, depth)))
            names.append(item->name);
    }
    return names.join(QLatin1Char('/'));
}

QList<ItemPath> CollectionDocument::requestPaths(const ItemPath &under) const
{
    QList<ItemPath> paths;
    const std::function<void(const QList<CollectionItem> &, const ItemPath &)> walk
        = [&](const QList<CollectionItem> &items, const ItemPath &prefix) {
              for (int row = 0; row < items.size(); ++row) {
                  const ItemPath path = prefix + ItemPath {row};
                  if (items.at(row).isFolder())
                      walk(items.at(row).children, path);
                  else
                      paths.append(path);
              }
          };
    if (under.isEmpty()) {
        walk(m_collection.items, {});
    } else if (const CollectionItem *item = itemAt(under)) {
        if (item->isFolder())
            walk(item->children, under);
        else
            paths.append(under);
    }
    return paths;
}

void CollectionDocument::replaceItem(
    const ItemPath &path, const CollectionItem &item, const QString &text)
{
    Collection after = m_collection;
    CollectionItem *target = mutableItemAt(after, path);
    if (!target || *target == item)
        return;
    *target = item;
    m_undo.push(new CollectionCommand(this, m_collection, after, false, path, text));
}

void CollectionDocument::insertItem(
    const ItemPath &parent, int row, const CollectionItem &item, const QString &text)
{
    Collection after = m_collection;
    QList<CollectionItem> *siblings = childrenOf(after, parent);
    if (!siblings)
        return;
    siblings->insert(qBound(0, row, int(siblings->size())), item);
    m_undo.push(new CollectionCommand(this, m_collection, after, true, parent, text));
}

void CollectionDocument::removeItem(const ItemPath &path, const QString &text)
{
    if (path.isEmpty())
        return;
    Collection after = m_collection;
    QList<CollectionItem> *siblings = childrenOf(after, path.mid(0, path.size() - 1));
    if (!siblings || path.last() >= siblings->size())
        return;
    siblings->removeAt(path.last());
    m_undo.push(new CollectionCommand(this, m_collection, after, true, path, text));
}

bool CollectionDocument::moveItem(const ItemPath &from, const ItemPath &parent, int row)
{
    // A folder cannot move into itself or below itself.
    if (from.isEmpty() || (parent.size() >= from.size() && parent.mid(0, from.size()) == from))
        return false;
    Collection after = m_collection;
    const ItemPath fromParent = from.mid(0, from.size() - 1);
    QList<CollectionItem> *source = childrenOf(after, fromParent);
    if (!source || from.last() >= source->size())
        return false;
    const CollectionItem moving = source->takeAt(from.last());
    // Removing the item shifts what comes after it at its level, the parent path included.
    ItemPath target = parent;
    if (target.size() > fromParent.size() && target.mid(0, fromParent.size()) == fromParent
        && target.at(fromParent.size()) > from.last())
        --target[fromParent.size()];
    if (target == fromParent && row > from.last())
        --row;
    QList<CollectionItem> *destination = childrenOf(after, target);
    if (!destination)
        return false;
    destination->insert(qBound(0, row, int(destination->size())), moving);
    if (after == m_collection)
        return false;
    m_undo.push(new CollectionCommand(this, m_collection, after, true, from, tr("Move")));
    return true;
}

void CollectionDocument::setCollectionSettings(const Collection &withSettings, const QString &text)
{
    Collection after = m_collection;
    after.name = withSettings.name;
    after.description = withSettings.description;
    after.variables = withSettings.variables;
    after.auth = withSettings.auth;
    after.environments = withSettings.environments;
    after.run = withSettings.run;
    if (after == m_collection)
        return;
    m_undo.push(new CollectionCommand(this, m_collection, after, false, {}, text));
}

void CollectionDocument::apply(
    const Collection &collection, bool structural, const ItemPath &changed)
{
    const bool settings = collection.name != m_collection.name
        || collection.variables != m_collection.variables || collection.auth != m_collection.auth
        || collection.environments != m_collection.environments
        || collection.run != m_collection.run || collection.description != m_collection.description;
    m_collection = collection;
    if (structural)
        Q_EMIT structureChanged();
    else if (!changed.isEmpty())
        Q_EMIT itemChanged(changed);
    if (settings)
        Q_EMIT settingsChanged();
}
