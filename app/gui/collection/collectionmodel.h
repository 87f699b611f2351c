// The collection as a tree for views: folders and requests, renamed in place, moved by drag.
#pragma once

#include "gui/collection/collectiondocument.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

class CollectionModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, ///< the item's ItemPath, as QVariant of QList<int>
        IsFolderRole,
        MethodRole,
        UrlRole,
        SearchTextRole, ///< name, method and URL: what the filter box matches
    };

    explicit CollectionModel(CollectionDocument *document, QObject *parent = nullptr);
    ~CollectionModel() override;

    QModelIndex indexForPath(const ItemPath &path) const;
    static ItemPath pathOf(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        ItemPath path;
        std::vector<std::unique_ptr<Node>> children;
    };

    void rebuild();
    void buildChildren(Node *node, const QList<CollectionItem> &items);
    Node *nodeFor(const QModelIndex &index) const;
    const CollectionItem *itemFor(const QModelIndex &index) const;

    CollectionDocument *m_document;
    std::unique_ptr<Node> m_root;
};
