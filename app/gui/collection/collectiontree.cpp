// The collection as a tree with a filter above it, and the edits made from it: add, duplicate,
// rename, delete, drag to move.
#include "gui/collection/collectiontree.h"

#include "gui/collection/collectionmodel.h"
#include "gui/collection/methodbadge.h"
#include "gui/fileflows.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

CollectionTree::CollectionTree(CollectionDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new CollectionModel(document, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_filterEdit(new QLineEdit(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterRole(CollectionModel::SearchTextRole);
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    m_tree->setIconSize(MethodBadge::size()); // at full size: a squeezed badge is unreadable
    connect(m_tree, &QWidget::customContextMenuRequested, this, &CollectionTree::showMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this] { Q_EMIT currentPathChanged(currentPath()); });
    m_filterEdit->setPlaceholderText(tr("Filter requests"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_document, &CollectionDocument::structureChanged, this,
        [this] { m_tree->expandToDepth(0); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_tree, 1);
    createActions();
}

void CollectionTree::createActions()
{
    m_addRequestAction = new QAction(tr("Add &Request"), this);
    m_addRequestAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_addRequestAction, &QAction::triggered, this, [this] { addItem(false); });
    m_addFolderAction = new QAction(tr("Add &Folder"), this);
    connect(m_addFolderAction, &QAction::triggered, this, [this] { addItem(true); });
    m_duplicateAction = new QAction(tr("&Duplicate"), this);
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicateAction, &QAction::triggered, this, &CollectionTree::duplicateItem);
    m_renameAction = new QAction(tr("Re&name"), this);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_renameAction, &QAction::triggered, this, &CollectionTree::renameItem);
    m_deleteAction = new QAction(tr("De&lete"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &CollectionTree::deleteItem);
    m_tree->addAction(m_deleteAction);
}

void CollectionTree::setRunActions(QAction *runFolder, QAction *send)
{
    m_runFolderAction = runFolder;
    m_sendAction = send;
}

ItemPath CollectionTree::currentPath() const
{
    return CollectionModel::pathOf(m_filter->mapToSource(m_tree->currentIndex()));
}

void CollectionTree::setCurrentPath(const ItemPath &path)
{
    m_tree->setCurrentIndex(m_filter->mapFromSource(m_model->indexForPath(path)));
}

void CollectionTree::addItem(bool folder)
{
    // New items go into the selected folder, or beside the selected request.
    ItemPath parent = currentPath();
    const CollectionItem *current = m_document->itemAt(parent);
    if (current && !current->isFolder())
        parent.removeLast();
    const CollectionItem *container = m_document->itemAt(parent);
    const int row = parent.isEmpty() ? int(m_document->collection().items.size())
                                     : int(container ? container->children.size() : 0);
    CollectionItem item = folder ? CollectionItem {} : FileFlows::starterRequest();
    if (folder) {
        item.kind = CollectionItem::Kind::Folder;
        item.name = tr("New folder");
    }
    m_document->insertItem(parent, row, item, folder ? tr("Add folder") : tr("Add request"));
    setCurrentPath(parent + ItemPath {row});
    m_tree->edit(m_tree->currentIndex());
}

void CollectionTree::duplicateItem()
{
    const ItemPath path = currentPath();
    const CollectionItem *item = m_document->itemAt(path);
    if (!item)
        return;
    CollectionItem copy = *item;
    copy.name = tr("%1 (copy)").arg(item->name);
    m_document->insertItem(path.mid(0, path.size() - 1), path.last() + 1, copy, tr("Duplicate"));
    ItemPath copied = path;
    ++copied.last();
    setCurrentPath(copied);
}

void CollectionTree::renameItem()
{
    if (m_tree->currentIndex().isValid())
        m_tree->edit(m_tree->currentIndex());
}

void CollectionTree::deleteItem()
{
    const ItemPath path = currentPath();
    const CollectionItem *item = m_document->itemAt(path);
    if (!item)
        return;
    // Undo brings it back, so only a folder with contents asks first.
    if (item->isFolder() && !item->children.isEmpty()
        && QMessageBox::question(this, tr("Delete Folder"),
               tr("Delete “%1” and the %n item(s) in it?", nullptr, int(item->children.size()))
                   .arg(item->name))
            != QMessageBox::Yes)
        return;
    m_document->removeItem(path, tr("Delete"));
}

void CollectionTree::showMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_addRequestAction);
    menu.addAction(m_addFolderAction);
    if (index.isValid()) {
        menu.addSeparator();
        menu.addAction(m_duplicateAction);
        menu.addAction(m_renameAction);
        menu.addAction(m_deleteAction);
        menu.addSeparator();
        QAction *run
            = index.data(CollectionModel::IsFolderRole).toBool() ? m_runFolderAction : m_sendAction;
        if (run)
            menu.addAction(run);
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}
