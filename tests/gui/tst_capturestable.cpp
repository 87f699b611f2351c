// The request editor's Captures tab (issue 13): captures shown as the file has them, edited into
// the document and the saved file, undone, and marked where the run would refuse them.
#include "core/checks/captures.h"
#include "core/collection/collectionfile.h"
#include "gui/collection/collectiondocument.h"
#include "gui/editors/capturestable.h"
#include "gui/editors/requesteditor.h"
#include "gui/editors/tableediting.h"
#include "gui/mainwindow.h"
#include "guitest.h"
#include "support/testcollections.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

namespace {
enum Column { EnabledColumn, VariableColumn, SourceColumn, ExpressionColumn };

/// "Login" captures the token and its status; "Me" uses the token.
Collection flowCollection()
{
    CollectionItem login = requestItem(
        QStringLiteral("Login"), QStringLiteral("POST"), QStringLiteral("{{rafagaServer}}/login"));
    login.request.captures = {
        Capture {QStringLiteral("token"), Capture::Source::JsonPath, QStringLiteral("data.token")},
        Capture {QStringLiteral("loginStatus"), Capture::Source::Status, QString(), false},
    };
    CollectionItem me = requestItem(
        QStringLiteral("Me"), QStringLiteral("GET"), QStringLiteral("{{rafagaServer}}/me"));
    Collection collection;
    collection.name = QStringLiteral("Flow");
    collection.items = {login, me};
    return collection;
}

QComboBox *sourceBox(QTableWidget *table, int row)
{
    return qobject_cast<QComboBox *>(table->cellWidget(row, SourceColumn));
}

bool isMarked(const QTableWidgetItem *item)
{
    return item && !item->icon().isNull();
}

} // namespace

class tst_CapturesTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void anOpenedCollectionShowsItsCaptures();
    void editsReachTheSavedFileAndUndoRestoresThem();
    void addFromTheKeyboardAndDelete();
    void aMalformedExpressionIsMarkedAsTheRunSaysIt();
    void theStatusCodeTakesNoExpression();

private:
    /// Opens the flow collection in window and selects Login; the Captures tab's table.
    QTableWidget *openLogin(MainWindow *window);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ModalGuard> m_guard;
};

void tst_CapturesTable::init()
{
    m_guard = std::make_unique<ModalGuard>();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("flow.rafaga.json"));
    QVERIFY(writeFile(m_path, serializeCollection(flowCollection())));
}

void tst_CapturesTable::cleanup()
{
    const QString dialogs = m_guard->unexpected();
    m_guard.reset();
    QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
}

QTableWidget *tst_CapturesTable::openLogin(MainWindow *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window) || !window->openCollection(m_path))
        return nullptr;
    window->selectItem({0});
    auto *editor = window->findChild<RequestEditor *>();
    auto *tabs = editor ? editor->findChild<QTabWidget *>() : nullptr;
    if (!tabs)
        return nullptr;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).remove(QLatin1Char('&')) == QStringLiteral("Captures")) {
            tabs->setCurrentIndex(i);
            return qobject_cast<CapturesTable *>(tabs->widget(i))->findChild<QTableWidget *>();
        }
    }
    return nullptr;
}

void tst_CapturesTable::anOpenedCollectionShowsItsCaptures()
{
    MainWindow window;
    QTableWidget *table = openLogin(&window);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->isVisible());
    // The tab says what a capture is for, in the words a user types.
    auto *hint = table->parentWidget()->findChild<QLabel *>();
    QVERIFY(hint && hint->text().contains(QStringLiteral("{{name}}")));

    QCOMPARE(table->item(0, EnabledColumn)->checkState(), Qt::Checked);
    QCOMPARE(table->item(0, VariableColumn)->text(), QStringLiteral("token"));
    QCOMPARE(sourceBox(table, 0)->currentText(), QStringLiteral("JSON path"));
    QCOMPARE(table->item(0, ExpressionColumn)->text(), QStringLiteral("data.token"));
    QVERIFY(!isMarked(table->item(0, VariableColumn)));
    QVERIFY(!isMarked(table->item(0, ExpressionColumn)));
    QCOMPARE(table->item(1, EnabledColumn)->checkState(), Qt::Unchecked);
    QCOMPARE(table->item(1, VariableColumn)->text(), QStringLiteral("loginStatus"));
    QCOMPARE(sourceBox(table, 1)->currentText(), QStringLiteral("Status code"));
    QVERIFY(!(table->item(1, ExpressionColumn)->flags() & Qt::ItemIsEditable));

    // Another request shows its own (none), and back again.
    window.selectItem({1});
    QCOMPARE(table->rowCount(), 0);
    window.selectItem({0});
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(window.findChild<RequestEditor *>()->item().request.captures,
        flowCollection().items.at(0).request.captures);
}

void tst_CapturesTable::editsReachTheSavedFileAndUndoRestoresThem()
{
    MainWindow window;
    QTableWidget *table = openLogin(&window);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    const Collection original = window.document()->collection();
    QUndoStack *undo = window.document()->undoStack();
    const int steps = undo->count();

    table->item(0, VariableColumn)->setText(QStringLiteral("jwt"));
    sourceBox(table, 0)->setCurrentIndex(sourceBox(table, 0)->findText(QStringLiteral("Header")));
    table->item(0, ExpressionColumn)->setText(QStringLiteral("X-Token"));
    table->item(1, EnabledColumn)->setCheckState(Qt::Checked);
    // Edits of one request's captures in a row make one step, as typing into one field does.
    QCOMPARE(undo->count(), steps + 1);
    const QList<Capture> edited = {
        Capture {QStringLiteral("jwt"), Capture::Source::Header, QStringLiteral("X-Token")},
        Capture {QStringLiteral("loginStatus"), Capture::Source::Status, QString()},
    };
    QCOMPARE(window.document()->itemAt({0})->request.captures, edited);
    QVERIFY(window.document()->isModified());

    QString error;
    QVERIFY2(window.saveTo(m_path, &error), qPrintable(error));
    const Parsed<Collection> saved = loadCollection(m_path);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QCOMPARE(saved.value().items.at(0).request.captures, edited);

    // Undo goes back to the captures as they were, in the document and in the table.
    undo->undo();
    QCOMPARE(window.document()->collection().items.at(0).request.captures,
        original.items.at(0).request.captures);
    QCOMPARE(table->item(0, VariableColumn)->text(), QStringLiteral("token"));
    QCOMPARE(sourceBox(table, 0)->currentText(), QStringLiteral("JSON path"));
    QCOMPARE(table->item(0, ExpressionColumn)->text(), QStringLiteral("data.token"));
    QCOMPARE(table->item(1, EnabledColumn)->checkState(), Qt::Unchecked);
    undo->redo();
    QCOMPARE(table->item(0, VariableColumn)->text(), QStringLiteral("jwt"));
}

void tst_CapturesTable::addFromTheKeyboardAndDelete()
{
    MainWindow window;
    QTableWidget *table = openLogin(&window);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    QPushButton *add = nullptr;
    for (QPushButton *button : table->parentWidget()->findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("Add capture"))
            add = button;
    }
    QVERIFY(add);
    const int steps = window.document()->undoStack()->count();

    // Add goes straight to the new row's name; a row without one is not a capture yet.
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->currentRow(), 2);
    QCOMPARE(table->currentColumn(), int(VariableColumn));
    QTRY_VERIFY(QApplication::focusWidget() && table->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(!isMarked(table->item(2, VariableColumn))); // blank, not wrong yet
    QCOMPARE(table->item(2, VariableColumn)->toolTip(), captureProblem(Capture {}));
    QCOMPARE(table->item(2, VariableColumn)->data(TableEditing::PlaceholderRole).toString(),
        QStringLiteral("token"));
    QCOMPARE(window.document()->itemAt({0})->request.captures.size(), 2);
    QCOMPARE(window.document()->undoStack()->count(), steps);

    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("slug"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(table->item(2, VariableColumn)->text(), QStringLiteral("slug")); // committed
    QVERIFY(!isMarked(table->item(2, VariableColumn)));
    QCOMPARE(window.document()->itemAt({0})->request.captures.size(), 3);
    QCOMPARE(
        window.document()->itemAt({0})->request.captures.last().variable, QStringLiteral("slug"));
    QCOMPARE(window.document()->undoStack()->count(), steps + 1);

    // Space on a From cell opens its choices.
    table->setFocus();
    table->setCurrentCell(2, SourceColumn);
    QTest::keyClick(table, Qt::Key_Space);
    QTRY_VERIFY(sourceBox(table, 2)->view()->isVisible());
    sourceBox(table, 2)->hidePopup();

    // Delete removes the selected row.
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(table->rowCount(), 2);
    const QList<Capture> left = window.document()->itemAt({0})->request.captures;
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.first().variable, QStringLiteral("loginStatus"));
    window.document()->undoStack()->undo();
    QCOMPARE(table->item(0, VariableColumn)->text(), QStringLiteral("token"));
    QCOMPARE(
        window.document()->itemAt({0})->request.captures.first().variable, QStringLiteral("token"));
}

void tst_CapturesTable::aMalformedExpressionIsMarkedAsTheRunSaysIt()
{
    MainWindow window;
    QTableWidget *table = openLogin(&window);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    sourceBox(table, 0)->setCurrentIndex(
        sourceBox(table, 0)->findText(QStringLiteral("Regular expression")));
    QTableWidgetItem *expression = table->item(0, ExpressionColumn);
    QCOMPARE(
        expression->data(TableEditing::PlaceholderRole).toString(), QStringLiteral("id=(\\d+)"));
    expression->setText(QStringLiteral("id=(\\d+"));
    const Capture malformed = window.document()->itemAt({0})->request.captures.first();
    QCOMPARE(malformed.expression, QStringLiteral("id=(\\d+"));
    const QString problem = captureProblem(malformed);
    QVERIFY(!problem.isEmpty());
    QVERIFY(isMarked(expression));
    QCOMPARE(expression->toolTip(), problem);
    QVERIFY(!isMarked(table->item(0, VariableColumn)));

    expression->setText(QStringLiteral("id=(\\d+)"));
    QVERIFY(!isMarked(expression));
    QVERIFY(expression->toolTip() != problem);

    // A malformed JSON path too; one that uses a variable is checked at the run, row by row.
    sourceBox(table, 0)->setCurrentIndex(
        sourceBox(table, 0)->findText(QStringLiteral("JSON path")));
    expression->setText(QStringLiteral("data[1"));
    QVERIFY(isMarked(expression));
    QCOMPARE(expression->toolTip(),
        captureProblem(window.document()->itemAt({0})->request.captures.first()));
    expression->setText(QStringLiteral("data.{{field}}"));
    QVERIFY(!isMarked(expression));

    // A name cleared: the row is marked and leaves the request until it has one.
    table->item(0, VariableColumn)->setText(QStringLiteral("  "));
    QVERIFY(isMarked(table->item(0, VariableColumn)));
    QCOMPARE(table->item(0, VariableColumn)->toolTip(), captureProblem(Capture {}));
    QCOMPARE(window.document()->itemAt({0})->request.captures.size(), 1);
}

void tst_CapturesTable::theStatusCodeTakesNoExpression()
{
    MainWindow window;
    QTableWidget *table = openLogin(&window);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 2);
    QTableWidgetItem *expression = table->item(0, ExpressionColumn);
    QVERIFY(expression->flags() & Qt::ItemIsEditable);
    sourceBox(table, 0)->setCurrentIndex(
        sourceBox(table, 0)->findText(QStringLiteral("Status code")));
    QVERIFY(!(expression->flags() & Qt::ItemIsEditable));
    QVERIFY(!(expression->flags() & Qt::ItemIsEnabled));
    QCOMPARE(expression->text(), QString());
    QVERIFY(!expression->data(TableEditing::PlaceholderRole).toString().isEmpty());
    QVERIFY(!isMarked(expression));
    QCOMPARE(window.document()->itemAt({0})->request.captures.first(),
        (Capture {QStringLiteral("token"), Capture::Source::Status, QString()}));

    // Back to a source that takes one: editable again, and marked while it is empty.
    sourceBox(table, 0)->setCurrentIndex(sourceBox(table, 0)->findText(QStringLiteral("Cookie")));
    QVERIFY(expression->flags() & Qt::ItemIsEditable);
    QCOMPARE(expression->data(TableEditing::PlaceholderRole).toString(), QStringLiteral("session"));
    QVERIFY(isMarked(expression));
}

int main(int argc, char *argv[])
{
    return runGuiTest<tst_CapturesTable>(argc, argv, QStringLiteral("tst_capturestable"));
}

#include "tst_capturestable.moc"
