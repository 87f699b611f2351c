// The collection tree's model and its filter proxy through every edit, drag and drop, and undo.
#include "gui/collection/collectiondocument.h"
#include "gui/collection/collectionmodel.h"
#include "support/testcollections.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

namespace {

CollectionItem makeRequest(const QString &name, const QString &method = QStringLiteral("GET"))
{
    return requestItem(name, method, QStringLiteral("{{rafagaServer}}/") + name);
}

/// Alpha, Folder A [a1, Nested [n1], a2], Folder B [b1], Omega.
Collection fixture()
{
    Collection collection;
    collection.name = QStringLiteral("Tree");
    collection.items = {
        makeRequest(QStringLiteral("Alpha")),
        folderItem(QStringLiteral("Folder A"),
            {makeRequest(QStringLiteral("a1"), QStringLiteral("POST")),
                folderItem(QStringLiteral("Nested"), {makeRequest(QStringLiteral("n1"))}),
                makeRequest(QStringLiteral("a2"))}),
        folderItem(QStringLiteral("Folder B"), {makeRequest(QStringLiteral("b1"))}),
        makeRequest(QStringLiteral("Omega"), QStringLiteral("DELETE")),
    };
    return collection;
}

const QString Original = QStringLiteral("Alpha, Folder A[a1, Nested[n1], a2], Folder B[b1], Omega");

/// The tree as a model shows it: "name" for requests, "name[children]" for folders.
QString dumpModel(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString part = index.data().toString();
        if (index.data(CollectionModel::IsFolderRole).toBool())
            part += QLatin1Char('[') + dumpModel(model, index) + QLatin1Char(']');
        parts.append(part);
    }
    return parts.join(QStringLiteral(", "));
}

/// The same for the document's collection, so the model can be checked against it.
QString dumpItems(const QList<CollectionItem> &items)
{
    QStringList parts;
    for (const CollectionItem &item : items)
        parts.append(item.isFolder()
                ? item.name + QLatin1Char('[') + dumpItems(item.children) + QLatin1Char(']')
                : item.name);
    return parts.join(QStringLiteral(", "));
}

/// Every index's PathRole is its real path, and indexForPath finds the index again.
bool pathsRoundTrip(const CollectionModel &model, const CollectionDocument &document,
    const QModelIndex &parent, const ItemPath &prefix, QString *failure)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const ItemPath path = prefix + ItemPath {row};
        if (CollectionModel::pathOf(index) != path || model.indexForPath(path) != index) {
            *failure = QStringLiteral("path of %1").arg(index.data().toString());
            return false;
        }
        const CollectionItem *item = document.itemAt(path);
        if (!item || item->name != index.data().toString()) {
            *failure = QStringLiteral("item at the path of %1").arg(index.data().toString());
            return false;
        }
        if (!pathsRoundTrip(model, document, index, path, failure))
            return false;
    }
    return true;
}

QModelIndex findByName(
    const QAbstractItemModel &model, const QString &name, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
        if (const QModelIndex found = findByName(model, name, index); found.isValid())
            return found;
    }
    return {};
}

} // namespace

class tst_CollectionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheTreeWithItsRoles();
    void pathsRoundTrip();
    void insertUndoRedo_data();
    void insertUndoRedo();
    void removeUndoRedo_data();
    void removeUndoRedo();
    void renameThroughSetData();
    void renameThroughTheFilterProxy();
    void itemEditIsDataChangedNotReset();
    void moveUndoRedo_data();
    void moveUndoRedo();
    void refusedMoves_data();
    void refusedMoves();
    void dragAndDrop_data();
    void dragAndDrop();
    void dragAndDropThroughTheFilterProxy();
    void refusedDrops();
    void recursiveFilterFollowsEdits();

private:
    void checkConsistent();

    std::unique_ptr<CollectionDocument> m_document;
    std::unique_ptr<CollectionModel> m_model;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void tst_CollectionModel::init()
{
    m_document = std::make_unique<CollectionDocument>();
    m_document->reset(fixture(), QString());
    m_model = std::make_unique<CollectionModel>(m_document.get());
    // The proxy is configured as the main window's tree filter.
    m_proxy = std::make_unique<QSortFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(CollectionModel::SearchTextRole);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_CollectionModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
    m_document.reset();
}

void tst_CollectionModel::checkConsistent()
{
    QCOMPARE(dumpModel(*m_model), dumpItems(m_document->collection().items));
    QString failure;
    QVERIFY2(::pathsRoundTrip(*m_model, *m_document, {}, {}, &failure), qPrintable(failure));
}

void tst_CollectionModel::showsTheTreeWithItsRoles()
{
    QCOMPARE(dumpModel(*m_model), Original);
    QCOMPARE(dumpModel(*m_proxy), Original);
    QCOMPARE(m_model->columnCount(), 1);

    const QModelIndex a1 = m_model->indexForPath({1, 0});
    QCOMPARE(a1.data().toString(), QStringLiteral("a1"));
    QCOMPARE(a1.data(Qt::EditRole).toString(), QStringLiteral("a1"));
    QCOMPARE(a1.data(CollectionModel::MethodRole).toString(), QStringLiteral("POST"));
    QCOMPARE(a1.data(CollectionModel::UrlRole).toString(), QStringLiteral("{{rafagaServer}}/a1"));
    QCOMPARE(a1.data(CollectionModel::IsFolderRole).toBool(), false);
    const QString search = a1.data(CollectionModel::SearchTextRole).toString();
    QVERIFY(search.contains(QStringLiteral("a1")) && search.contains(QStringLiteral("POST")));
    QVERIFY(a1.data(Qt::DecorationRole).isValid());
    QCOMPARE(a1.parent(), m_model->indexForPath({1}));

    const QModelIndex folder = m_model->indexForPath({1});
    QCOMPARE(folder.data(CollectionModel::IsFolderRole).toBool(), true);
    QCOMPARE(folder.data(CollectionModel::MethodRole).toString(), QString());
    QCOMPARE(m_model->rowCount(folder), 3);

    // Requests are dragged, renamed and selected; only folders (and the top) take drops.
    QVERIFY(m_model->flags(a1).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(m_model->flags(a1).testFlag(Qt::ItemIsEditable));
    QVERIFY(!m_model->flags(a1).testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(m_model->flags(folder).testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(m_model->flags(folder).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(m_model->flags({}).testFlag(Qt::ItemIsDropEnabled));
    QCOMPARE(m_model->supportedDropActions(), Qt::MoveAction);
}

void tst_CollectionModel::pathsRoundTrip()
{
    checkConsistent();
    QCOMPARE(m_model->indexForPath({1, 1, 0}).data().toString(), QStringLiteral("n1"));
    QCOMPARE(CollectionModel::pathOf(m_model->indexForPath({1, 1, 0})), (ItemPath {1, 1, 0}));
    // Paths that lead nowhere: past the end, below a request, negative.
    QVERIFY(!m_model->indexForPath({4}).isValid());
    QVERIFY(!m_model->indexForPath({1, 3}).isValid());
    QVERIFY(!m_model->indexForPath({0, 0}).isValid());
    QVERIFY(!m_model->indexForPath({-1}).isValid());
    QVERIFY(!m_model->indexForPath({}).isValid());
    QCOMPARE(CollectionModel::pathOf({}), ItemPath());
    // Through the proxy too: the window maps the tree's indexes back this way.
    const QModelIndex proxied = m_proxy->mapFromSource(m_model->indexForPath({2, 0}));
    QCOMPARE(CollectionModel::pathOf(proxied), (ItemPath {2, 0}));
}

void tst_CollectionModel::insertUndoRedo_data()
{
    QTest::addColumn<ItemPath>("parent");
    QTest::addColumn<int>("row");
    QTest::addColumn<bool>("folder");
    QTest::addColumn<QString>("expected");

    QTest::newRow("top, first") << ItemPath {} << 0 << false << QStringLiteral("New, ") + Original;
    QTest::newRow("top, last") << ItemPath {} << 4 << true << Original + QStringLiteral(", New[]");
    QTest::newRow("into a folder")
        << ItemPath {2} << 1 << false
        << QStringLiteral("Alpha, Folder A[a1, Nested[n1], a2], Folder B[b1, New], Omega");
    QTest::newRow("into a nested folder")
        << ItemPath {1, 1} << 0 << true
        << QStringLiteral("Alpha, Folder A[a1, Nested[New[], n1], a2], Folder B[b1], Omega");
}

void tst_CollectionModel::insertUndoRedo()
{
    QFETCH(ItemPath, parent);
    QFETCH(int, row);
    QFETCH(bool, folder);
    QFETCH(QString, expected);

    const CollectionItem item
        = folder ? folderItem(QStringLiteral("New"), {}) : makeRequest(QStringLiteral("New"));
    m_document->insertItem(parent, row, item, QStringLiteral("Add"));
    QCOMPARE(dumpModel(*m_model), expected);
    checkConsistent();
    const QModelIndex inserted = m_model->indexForPath(parent + ItemPath {row});
    QCOMPARE(inserted.data().toString(), QStringLiteral("New"));
    QCOMPARE(inserted.data(CollectionModel::IsFolderRole).toBool(), folder);
    QVERIFY(m_document->isModified());

    m_document->undoStack()->undo();
    QCOMPARE(dumpModel(*m_model), Original);
    checkConsistent();
    QVERIFY(!m_document->isModified());
    m_document->undoStack()->redo();
    QCOMPARE(dumpModel(*m_model), expected);
    QCOMPARE(dumpModel(*m_proxy), expected);
    checkConsistent();
}

void tst_CollectionModel::removeUndoRedo_data()
{
    QTest::addColumn<ItemPath>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a top request")
        << ItemPath {0} << QStringLiteral("Folder A[a1, Nested[n1], a2], Folder B[b1], Omega");
    QTest::newRow("a folder with contents")
        << ItemPath {1} << QStringLiteral("Alpha, Folder B[b1], Omega");
    QTest::newRow("a nested request") << ItemPath {
        1, 1, 0} << QStringLiteral("Alpha, Folder A[a1, Nested[], a2], Folder B[b1], Omega");
    QTest::newRow("the last one") << ItemPath {
        3} << QStringLiteral("Alpha, Folder A[a1, Nested[n1], a2], Folder B[b1]");
}

void tst_CollectionModel::removeUndoRedo()
{
    QFETCH(ItemPath, path);
    QFETCH(QString, expected);

    m_document->removeItem(path, QStringLiteral("Delete"));
    QCOMPARE(dumpModel(*m_model), expected);
    checkConsistent();
    m_document->undoStack()->undo();
    QCOMPARE(dumpModel(*m_model), Original);
    QCOMPARE(m_document->collection(), fixture()); // contents of a removed folder come back too
    checkConsistent();
    m_document->undoStack()->redo();
    QCOMPARE(dumpModel(*m_model), expected);
    checkConsistent();

    // A path that does not exist removes nothing and adds no step.
    const int steps = m_document->undoStack()->count();
    m_document->removeItem({9}, QStringLiteral("Delete"));
    QCOMPARE(m_document->undoStack()->count(), steps);
}

void tst_CollectionModel::renameThroughSetData()
{
    const QModelIndex a2 = m_model->indexForPath({1, 2});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    QVERIFY(m_model->setData(a2, QStringLiteral("  Renamed  ")));
    QCOMPARE(m_document->itemAt({1, 2})->name, QStringLiteral("Renamed")); // trimmed
    QCOMPARE(a2.data().toString(), QStringLiteral("Renamed"));
    // In place: the index stays valid and only it changed.
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), a2);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), a2);
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Rename"));

    // Empty names, the same name and other roles are refused without an undo step.
    const int steps = m_document->undoStack()->count();
    QVERIFY(!m_model->setData(a2, QStringLiteral("   ")));
    QVERIFY(!m_model->setData(a2, QStringLiteral("Renamed")));
    QVERIFY(!m_model->setData(a2, QStringLiteral("Other"), Qt::ToolTipRole));
    QVERIFY(!m_model->setData(QModelIndex(), QStringLiteral("Root")));
    QCOMPARE(m_document->undoStack()->count(), steps);

    // A folder renames the same way.
    QVERIFY(m_model->setData(m_model->indexForPath({2}), QStringLiteral("Folder Z")));
    QCOMPARE(dumpModel(*m_model),
        QStringLiteral("Alpha, Folder A[a1, Nested[n1], Renamed], Folder Z[b1], Omega"));

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(dumpModel(*m_model), Original);
    QCOMPARE(a2.data().toString(), QStringLiteral("a2"));
    QCOMPARE(m_document->collection(), fixture());
    m_document->undoStack()->redo();
    QCOMPARE(a2.data().toString(), QStringLiteral("Renamed"));
    checkConsistent();
}

void tst_CollectionModel::renameThroughTheFilterProxy()
{
    // What the tree's inline editor does: setData on the proxy's index.
    m_proxy->setFilterFixedString(QStringLiteral("n1"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1]]"));
    const QModelIndex n1 = findByName(*m_proxy, QStringLiteral("n1"));
    QVERIFY(n1.isValid());
    QVERIFY(m_proxy->setData(n1, QStringLiteral("n1 renamed")));
    QCOMPARE(m_document->itemAt({1, 1, 0})->name, QStringLiteral("n1 renamed"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1 renamed]]"));
    // Renamed so it no longer matches (the filter sees names, methods and URLs): the filter drops
    // it and its now empty ancestors; undo brings them back.
    m_proxy->setFilterFixedString(QStringLiteral("renamed"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1 renamed]]"));
    // Another edit in between, so the next rename is an undo step of its own.
    QVERIFY(m_model->setData(m_model->indexForPath({0}), QStringLiteral("Alpha 2")));
    QVERIFY(m_proxy->setData(
        findByName(*m_proxy, QStringLiteral("n1 renamed")), QStringLiteral("other")));
    QCOMPARE(m_document->itemAt({1, 1, 0})->name, QStringLiteral("other"));
    QCOMPARE(dumpModel(*m_proxy), QString());
    m_document->undoStack()->undo();
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1 renamed]]"));
}

void tst_CollectionModel::itemEditIsDataChangedNotReset()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const QPersistentModelIndex b1 = m_model->indexForPath({2, 0});
    CollectionItem edited = *m_document->itemAt({2, 0});
    edited.request.method = QStringLiteral("PATCH");
    edited.request.url = QStringLiteral("https://example.com/changed");
    m_document->replaceItem({2, 0}, edited, QStringLiteral("Edit URL"));
    QCOMPARE(reset.count(), 0);
    QVERIFY(b1.isValid());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), QModelIndex(b1));
    QCOMPARE(b1.data(CollectionModel::MethodRole).toString(), QStringLiteral("PATCH"));
    QCOMPARE(b1.data(CollectionModel::UrlRole).toString(),
        QStringLiteral("https://example.com/changed"));

    m_document->undoStack()->undo();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(b1.data(CollectionModel::UrlRole).toString(), QStringLiteral("{{rafagaServer}}/b1"));
}

void tst_CollectionModel::moveUndoRedo_data()
{
    QTest::addColumn<ItemPath>("from");
    QTest::addColumn<ItemPath>("parent");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<ItemPath>("movedTo");

    // Rows count before the move, as a drop indicator shows them.
    QTest::newRow("down at the top")
        << ItemPath {0} << ItemPath {} << 3
        << QStringLiteral("Folder A[a1, Nested[n1], a2], Folder B[b1], Alpha, Omega")
        << ItemPath {2};
    QTest::newRow("to the end of the top")
        << ItemPath {0} << ItemPath {} << 4
        << QStringLiteral("Folder A[a1, Nested[n1], a2], Folder B[b1], Omega, Alpha")
        << ItemPath {3};
    QTest::newRow("up at the top")
        << ItemPath {3} << ItemPath {} << 0
        << QStringLiteral("Omega, Alpha, Folder A[a1, Nested[n1], a2], Folder B[b1]")
        << ItemPath {0};
    QTest::newRow("within a folder")
        << ItemPath {1, 0} << ItemPath {1} << 3
        << QStringLiteral("Alpha, Folder A[Nested[n1], a2, a1], Folder B[b1], Omega")
        << ItemPath {1, 2};
    QTest::newRow("into a later folder")
        << ItemPath {0} << ItemPath {2} << 0
        << QStringLiteral("Folder A[a1, Nested[n1], a2], Folder B[Alpha, b1], Omega")
        << ItemPath {1, 0};
    QTest::newRow("into an earlier folder")
        << ItemPath {3} << ItemPath {2} << 1
        << QStringLiteral("Alpha, Folder A[a1, Nested[n1], a2], Folder B[b1, Omega]")
        << ItemPath {2, 1};
    QTest::newRow("across folders")
        << ItemPath {1, 0} << ItemPath {2} << 1
        << QStringLiteral("Alpha, Folder A[Nested[n1], a2], Folder B[b1, a1], Omega")
        << ItemPath {2, 1};
    QTest::newRow("into a nested folder from the top")
        << ItemPath {0} << ItemPath {1, 1} << 1
        << QStringLiteral("Folder A[a1, Nested[n1, Alpha], a2], Folder B[b1], Omega")
        << ItemPath {0, 1, 1};
    QTest::newRow("into a later sibling folder")
        << ItemPath {1, 0} << ItemPath {1, 1} << 0
        << QStringLiteral("Alpha, Folder A[Nested[a1, n1], a2], Folder B[b1], Omega")
        << ItemPath {1, 0, 0};
    QTest::newRow("from a nested folder to the top")
        << ItemPath {1, 1, 0} << ItemPath {} << 0
        << QStringLiteral("n1, Alpha, Folder A[a1, Nested[], a2], Folder B[b1], Omega")
        << ItemPath {0};
    QTest::newRow("from a nested folder to the top's end")
        << ItemPath {1, 1, 0} << ItemPath {} << 4
        << QStringLiteral("Alpha, Folder A[a1, Nested[], a2], Folder B[b1], Omega, n1")
        << ItemPath {4};
    QTest::newRow("a folder into a later folder")
        << ItemPath {1} << ItemPath {2} << 0
        << QStringLiteral("Alpha, Folder B[Folder A[a1, Nested[n1], a2], b1], Omega")
        << ItemPath {1, 0};
    QTest::newRow("a folder out to the top")
        << ItemPath {1, 1} << ItemPath {} << 1
        << QStringLiteral("Alpha, Nested[n1], Folder A[a1, a2], Folder B[b1], Omega")
        << ItemPath {1};
    QTest::newRow("a row past the end appends")
        << ItemPath {0} << ItemPath {2} << 99
        << QStringLiteral("Folder A[a1, Nested[n1], a2], Folder B[b1, Alpha], Omega")
        << ItemPath {1, 1};
}

void tst_CollectionModel::moveUndoRedo()
{
    QFETCH(ItemPath, from);
    QFETCH(ItemPath, parent);
    QFETCH(int, row);
    QFETCH(QString, expected);
    QFETCH(ItemPath, movedTo);

    const CollectionItem moving = *m_document->itemAt(from);
    QVERIFY(m_document->moveItem(from, parent, row));
    QCOMPARE(dumpModel(*m_model), expected);
    QCOMPARE(dumpModel(*m_proxy), expected);
    checkConsistent();
    // The item moved whole: its request, or its folder's contents.
    QVERIFY(m_document->itemAt(movedTo));
    QCOMPARE(*m_document->itemAt(movedTo), moving);
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Move"));

    m_document->undoStack()->undo();
    QCOMPARE(m_document->collection(), fixture());
    QCOMPARE(dumpModel(*m_model), Original);
    checkConsistent();
    m_document->undoStack()->redo();
    QCOMPARE(dumpModel(*m_model), expected);
    checkConsistent();
}

void tst_CollectionModel::refusedMoves_data()
{
    QTest::addColumn<ItemPath>("from");
    QTest::addColumn<ItemPath>("parent");
    QTest::addColumn<int>("row");

    QTest::newRow("a folder into itself") << ItemPath {1} << ItemPath {1} << 0;
    QTest::newRow("a folder into its child folder") << ItemPath {1} << ItemPath {1, 1} << 0;
    QTest::newRow("a nested folder into itself") << ItemPath {1, 1} << ItemPath {1, 1} << 1;
    QTest::newRow("into a request") << ItemPath {0} << ItemPath {3} << 0;
    QTest::newRow("from nowhere") << ItemPath {7} << ItemPath {} << 0;
    QTest::newRow("from the root") << ItemPath {} << ItemPath {2} << 0;
    QTest::newRow("into a folder that does not exist") << ItemPath {0} << ItemPath {9} << 0;
    QTest::newRow("to where it is") << ItemPath {1, 0} << ItemPath {1} << 0;
    QTest::newRow("to just after itself") << ItemPath {1, 0} << ItemPath {1} << 1;
}

void tst_CollectionModel::refusedMoves()
{
    QFETCH(ItemPath, from);
    QFETCH(ItemPath, parent);
    QFETCH(int, row);

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(!m_document->moveItem(from, parent, row));
    QCOMPARE(m_document->collection(), fixture());
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(!m_document->isModified());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dumpModel(*m_model), Original);
}

void tst_CollectionModel::dragAndDrop_data()
{
    QTest::addColumn<ItemPath>("dragged");
    QTest::addColumn<ItemPath>("onto"); // the drop's parent; empty for the top level
    QTest::addColumn<int>("row"); // -1: onto the parent itself
    QTest::addColumn<QString>("expected");

    QTest::newRow("onto a folder appends")
        << ItemPath {1, 0} << ItemPath {2} << -1
        << QStringLiteral("Alpha, Folder A[Nested[n1], a2], Folder B[b1, a1], Omega");
    QTest::newRow("between rows of a folder")
        << ItemPath {1, 1, 0} << ItemPath {1} << 1
        << QStringLiteral("Alpha, Folder A[a1, n1, Nested[], a2], Folder B[b1], Omega");
    QTest::newRow("to the top's first row")
        << ItemPath {3} << ItemPath {} << 0
        << QStringLiteral("Omega, Alpha, Folder A[a1, Nested[n1], a2], Folder B[b1]");
    QTest::newRow("onto empty space appends at the top")
        << ItemPath {1, 2} << ItemPath {} << -1
        << QStringLiteral("Alpha, Folder A[a1, Nested[n1]], Folder B[b1], Omega, a2");
    QTest::newRow("a folder onto a nested folder")
        << ItemPath {2} << ItemPath {1, 1} << -1
        << QStringLiteral("Alpha, Folder A[a1, Nested[n1, Folder B[b1]], a2], Omega");
}

void tst_CollectionModel::dragAndDrop()
{
    QFETCH(ItemPath, dragged);
    QFETCH(ItemPath, onto);
    QFETCH(int, row);
    QFETCH(QString, expected);

    const QModelIndex source = m_model->indexForPath(dragged);
    QVERIFY(source.isValid());
    std::unique_ptr<QMimeData> mime(m_model->mimeData({source}));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(m_model->mimeTypes().value(0)));
    const QModelIndex parent = m_model->indexForPath(onto);
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, row, 0, parent));
    // The move happens after the view's drop handling; false keeps the view from removing rows.
    QVERIFY(!m_model->dropMimeData(mime.get(), Qt::MoveAction, row, 0, parent));
    QCOMPARE(dumpModel(*m_model), Original);
    QTRY_COMPARE(dumpModel(*m_model), expected);
    checkConsistent();
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->collection(), fixture());
    checkConsistent();
}

void tst_CollectionModel::dragAndDropThroughTheFilterProxy()
{
    // The tree view talks to the proxy: drags and drops map through it while a filter is active.
    m_proxy->setFilterFixedString(QStringLiteral("1")); // a1, n1, b1 and their folders
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[a1, Nested[n1]], Folder B[b1]"));
    const QModelIndex b1 = findByName(*m_proxy, QStringLiteral("b1"));
    const QModelIndex nested = findByName(*m_proxy, QStringLiteral("Nested"));
    QVERIFY(b1.isValid() && nested.isValid());
    std::unique_ptr<QMimeData> mime(m_proxy->mimeData({b1}));
    QVERIFY(mime);
    QVERIFY(m_proxy->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, nested));
    m_proxy->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, nested);
    QTRY_COMPARE(dumpModel(*m_model),
        QStringLiteral("Alpha, Folder A[a1, Nested[b1, n1], a2], Folder B[], Omega"));
    // Folder B keeps showing only while something in it matches.
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[a1, Nested[b1, n1]]"));
    checkConsistent();
}

void tst_CollectionModel::refusedDrops()
{
    const QModelIndex folderA = m_model->indexForPath({1});
    const QModelIndex nested = m_model->indexForPath({1, 1});
    const QModelIndex omega = m_model->indexForPath({3});
    std::unique_ptr<QMimeData> folderMime(m_model->mimeData({folderA}));
    std::unique_ptr<QMimeData> requestMime(m_model->mimeData({m_model->indexForPath({0})}));

    // Only moves, only our own data, only onto folders or the top.
    QVERIFY(!m_model->canDropMimeData(requestMime.get(), Qt::MoveAction, -1, 0, omega));
    QVERIFY(!m_model->canDropMimeData(requestMime.get(), Qt::CopyAction, -1, 0, folderA));
    QMimeData text;
    text.setText(QStringLiteral("{1}"));
    QVERIFY(!m_model->canDropMimeData(&text, Qt::MoveAction, -1, 0, folderA));
    QVERIFY(!m_model->dropMimeData(requestMime.get(), Qt::MoveAction, -1, 0, omega));

    // A folder dropped into itself or below itself is refused: nothing moves, no undo step.
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->dropMimeData(folderMime.get(), Qt::MoveAction, -1, 0, folderA);
    m_model->dropMimeData(folderMime.get(), Qt::MoveAction, 0, 0, nested);
    QCoreApplication::processEvents();
    QTest::qWait(50);
    QCoreApplication::processEvents();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_document->collection(), fixture());
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(dumpModel(*m_model), Original);
}

void tst_CollectionModel::recursiveFilterFollowsEdits()
{
    // Folders show while anything below them matches, by name, method or URL.
    m_proxy->setFilterFixedString(QStringLiteral("post"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[a1]"));
    m_proxy->setFilterFixedString(QStringLiteral("/n1"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1]]"));
    m_proxy->setFilterFixedString(QStringLiteral("folder b"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder B[]")); // a matching folder, not its rows

    // Edits while filtered: an insert that matches appears, a move carries it along.
    m_proxy->setFilterFixedString(QStringLiteral("n1"));
    m_document->insertItem({2}, 1, makeRequest(QStringLiteral("n1 too")), QStringLiteral("Add"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1]], Folder B[n1 too]"));
    QVERIFY(m_document->moveItem({2, 1}, {}, 0));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("n1 too, Folder A[Nested[n1]]"));
    m_document->removeItem({2, 1, 0}, QStringLiteral("Delete"));
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("n1 too"));
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(dumpModel(*m_proxy), QStringLiteral("Folder A[Nested[n1]]"));
    QCOMPARE(m_document->collection(), fixture());
    m_proxy->setFilterFixedString(QString());
    QCOMPARE(dumpModel(*m_proxy), Original);
}

QTEST_MAIN(tst_CollectionModel)
#include "tst_collectionmodel.moc"
