// An open collection: its contents, file, unsaved state and undo history. Every edit goes through
// an undoable command here, so views never change the collection behind its back.
#pragma once

#include "core/model/collection.h"

#include <QObject>
#include <QUndoStack>

/// A path from the root to an item: the row at each level.
using ItemPath = QList<int>;

class CollectionDocument : public QObject
{
    Q_OBJECT
public:
    explicit CollectionDocument(QObject *parent = nullptr);
    ~CollectionDocument() override;

    const Collection &collection() const { return m_collection; }
    QString filePath() const { return m_filePath; }
    /// The name shown in titles: the collection's name, else the file's, else "Untitled".
    QString displayName() const;
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    /// Replaces everything (after New, Open or Import); clears the history.
    void reset(const Collection &collection, const QString &filePath);
    /// Marks the current state as saved under filePath.
    void markSaved(const QString &filePath);

    /// The item at path, or null when the path does not exist.
    const CollectionItem *itemAt(const ItemPath &path) const;
    /// The items along path, outermost first (folders), for inheritance of auth and variables.
    QList<const CollectionItem *> ancestors(const ItemPath &path) const;
    /// "Folder/Sub/Request" for path.
    QString pathName(const ItemPath &path) const;
    /// Every request's path, in tree order.
    QList<ItemPath> requestPaths(const ItemPath &under = {}) const;

    // Undoable edits. text names the step in the Edit menu ("Rename", "Edit headers").
    void replaceItem(const ItemPath &path, const CollectionItem &item, const QString &text);
    void insertItem(
        const ItemPath &parent, int row, const CollectionItem &item, const QString &text);
    void removeItem(const ItemPath &path, const QString &text);
    /// Moves the item at from into parent at row (row counted before the move).
    bool moveItem(const ItemPath &from, const ItemPath &parent, int row);
    /// Collection-level fields: name, variables, auth, environments, run settings.
    void setCollectionSettings(const Collection &withSettings, const QString &text);

Q_SIGNALS:
    /// Items were added, removed or moved: tree views rebuild.
    void structureChanged();
    /// One item's contents changed (its path is still valid).
    void itemChanged(const ItemPath &path);
    /// Collection-level settings changed.
    void settingsChanged();
    void modifiedChanged(bool modified);

private:
    friend class CollectionCommand;
    /// Swaps in a new collection; structural tells views whether to rebuild.
    void apply(const Collection &collection, bool structural, const ItemPath &changed);
    CollectionItem *mutableItemAt(Collection &collection, const ItemPath &path) const;
    QList<CollectionItem> *childrenOf(Collection &collection, const ItemPath &parent) const;

    Collection m_collection;
    QString m_filePath;
    QUndoStack m_undo;
};
