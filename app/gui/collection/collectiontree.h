// The collection as a tree with a filter above it, and the edits made from it: add, duplicate,
// rename, delete, drag to move.
#pragma once

#include "gui/collection/collectiondocument.h"

#include <QWidget>

class CollectionModel;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

class CollectionTree : public QWidget
{
    Q_OBJECT
public:
    CollectionTree(CollectionDocument *document, QWidget *parent = nullptr);

    /// The item under the cursor in the tree; empty when none.
    ItemPath currentPath() const;
    /// Makes path the current item (currentPathChanged() follows when it changes).
    void setCurrentPath(const ItemPath &path);
    QTreeView *view() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }

    QAction *addRequestAction() const { return m_addRequestAction; }
    QAction *addFolderAction() const { return m_addFolderAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    /// What the context menu offers to run a folder and to send a request.
    void setRunActions(QAction *runFolder, QAction *send);

    /// Adds a request (or a folder) into the current folder, or beside the current request, and
    /// starts editing its name.
    void addItem(bool folder);
    void duplicateItem();
    void renameItem();
    void deleteItem();

Q_SIGNALS:
    void currentPathChanged(const ItemPath &path);

private:
    void createActions();
    void showMenu(const QPoint &position);

    CollectionDocument *m_document;
    CollectionModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTreeView *m_tree;
    QLineEdit *m_filterEdit;
    QAction *m_addRequestAction = nullptr;
    QAction *m_addFolderAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_runFolderAction = nullptr;
    QAction *m_sendAction = nullptr;
};
