#include "gui/collection/collectionmodel.h"

#include "gui/collection/methodbadge.h"

#include <QApplication>
#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>

namespace {
const QString PathMimeType = QStringLiteral("application/x-rafaga-item-path");
}

CollectionModel::CollectionModel(CollectionDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_root(std::make_unique<Node>())
{
    rebuild();
    connect(document, &CollectionDocument::structureChanged, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    connect(document, &CollectionDocument::itemChanged, this, [this](const ItemPath &path) {
        const QModelIndex changed = indexForPath(path);
        if (changed.isValid())
            Q_EMIT dataChanged(changed, changed);
    });
}

CollectionModel::~CollectionModel() = default;

void CollectionModel::rebuild()
{
    m_root = std::make_unique<Node>();
    buildChildren(m_root.get(), m_document->collection().items);
}

void CollectionModel::buildChildren(Node *node, const QList<CollectionItem> &items)
{
    node->children.reserve(size_t(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = row;
        child->path = node->path + ItemPath {row};
        if (items.at(row).isFolder())
            buildChildren(child.get(), items.at(row).children);
        node->children.push_back(std::move(child));
    }
}

CollectionModel::Node *CollectionModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

const CollectionItem *CollectionModel::itemFor(const QModelIndex &index) const
{
    return index.isValid() ? m_document->itemAt(nodeFor(index)->path) : nullptr;
}

QModelIndex CollectionModel::indexForPath(const ItemPath &path) const
{
    QModelIndex index;
    for (int row : path) {
        index = this->index(row, 0, index);
        if (!index.isValid())
            return {};
    }
    return index;
}

ItemPath CollectionModel::pathOf(const QModelIndex &index)
{
    return index.data(PathRole).value<ItemPath>();
}

QModelIndex CollectionModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeFor(parent);
    if (column != 0 || row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex CollectionModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parent = nodeFor(child)->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, const_cast<Node *>(parent));
}

int CollectionModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CollectionModel::columnCount(const QModelIndex &) const
{
    return 1;
}

/// The variables a request captures (enabled captures), in order.
static QStringList capturedNames(const CollectionItem &item)
{
    QStringList names;
    if (item.isFolder())
        return names;
    for (const Capture &capture : item.request.captures) {
        if (capture.enabled && !names.contains(capture.variable))
            names.append(capture.variable);
    }
    return names;
}

QVariant CollectionModel::data(const QModelIndex &index, int role) const
{
    const CollectionItem *item = itemFor(index);
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        // A request that captures says what, after its name: "Login ⇢ token".
        const QStringList names = capturedNames(*item);
        return names.isEmpty() ? item->name
                               : item->name + QStringLiteral("  \u21e2 ") + names.join(u", ");
    }
    case Qt::EditRole:
        return item->name;
    case Qt::ToolTipRole: {
        if (item->isFolder())
            return tr("%n item(s)", nullptr, int(item->children.size()));
        QString tip = item->request.method + QLatin1Char(' ') + item->request.url;
        if (const QStringList names = capturedNames(*item); !names.isEmpty())
            tip += u'\n'
                + tr("Captures %1 from its response, for the requests after it")
                      .arg(names.join(u", "));
        return tip;
    }
    case Qt::DecorationRole:
        if (item->isFolder())
            return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        return MethodBadge::icon(item->request.method, QApplication::palette());
    case PathRole:
        return QVariant::fromValue(nodeFor(index)->path);
    case IsFolderRole:
        return item->isFolder();
    case MethodRole:
        return item->isFolder() ? QString() : item->request.method;
    case UrlRole:
        return item->isFolder() ? QString() : item->request.url;
    case SearchTextRole:
        return item->isFolder() ? item->name
                                : item->name + QLatin1Char(' ') + item->request.method
                + QLatin1Char(' ') + item->request.url;
    default:
        return {};
    }
}

bool CollectionModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const CollectionItem *item = itemFor(index);
    const QString name = value.toString().trimmed();
    if (!item || role != Qt::EditRole || name.isEmpty() || name == item->name)
        return false;
    CollectionItem renamed = *item;
    renamed.name = name;
    m_document->replaceItem(nodeFor(index)->path, renamed, tr("Rename"));
    return true;
}

Qt::ItemFlags CollectionModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags
        = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    if (data(index, IsFolderRole).toBool())
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

Qt::DropActions CollectionModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList CollectionModel::mimeTypes() const
{
    return {PathMimeType};
}

QMimeData *CollectionModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << nodeFor(indexes.first())->path;
    auto *mime = new QMimeData;
    mime->setData(PathMimeType, encoded);
    return mime;
}

bool CollectionModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || !data->hasFormat(PathMimeType))
        return false;
    return !parent.isValid() || this->data(parent, IsFolderRole).toBool();
}

bool CollectionModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    ItemPath from;
    QDataStream stream(data->data(PathMimeType));
    stream >> from;
    const ItemPath target = parent.isValid() ? nodeFor(parent)->path : ItemPath();
    const int at = row < 0 ? rowCount(parent) : row;
    // Rebuild after the view has finished its drop handling, not in the middle of it; and
    // answer false so the view does not also remove the source rows itself.
    QMetaObject::invokeMethod(
        this, [this, from, target, at] { m_document->moveItem(from, target, at); },
        Qt::QueuedConnection);
    return false;
}
