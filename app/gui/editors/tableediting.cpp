// Tables in the editors as the keyboard expects them: Tab moves on to the next control, out of the
// table, also while a cell is being edited; the arrow keys, Ctrl+Tab and Ctrl+Shift+Tab move
// between cells.
#include "gui/editors/tableediting.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTableWidgetItem>

namespace TableEditing {
namespace {

class TabLeavingDelegate : public QStyledItemDelegate
{
public:
    explicit TabLeavingDelegate(QAbstractItemView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setPlaceholderText(index.data(PlaceholderRole).toString());
        return editor;
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString placeholder = index.data(PlaceholderRole).toString();
        if (!option->text.isEmpty() || placeholder.isEmpty())
            return;
        option->text = placeholder;
        option->features |= QStyleOptionViewItem::HasDisplay;
        const QColor grey = option->palette.color(QPalette::PlaceholderText);
        option->palette.setColor(QPalette::Text, grey);
        option->palette.setColor(QPalette::HighlightedText, grey);
        option->font.setItalic(true); // an example, not a value: also on a selected row
    }

    bool eventFilter(QObject *object, QEvent *event) override
    {
        auto *editor = qobject_cast<QWidget *>(object);
        if (editor && event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
            if (tab && (key->modifiers() & Qt::ControlModifier)) {
                // Within the table: commit, then edit the next (or previous) cell.
                Q_EMIT commitData(editor);
                Q_EMIT closeEditor(editor,
                    key->key() == Qt::Key_Tab ? QAbstractItemDelegate::EditNextItem
                                              : QAbstractItemDelegate::EditPreviousItem);
                return true;
            }
            if (tab) {
                Q_EMIT commitData(editor);
                Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
                // The view, without Tab navigation, passes the key to the focus chain.
                if (m_view)
                    QCoreApplication::postEvent(
                        m_view, new QKeyEvent(QEvent::KeyPress, key->key(), key->modifiers()));
                return true;
            }
        }
        return QStyledItemDelegate::eventFilter(object, event);
    }

private:
    QPointer<QAbstractItemView> m_view;
};

/// Ctrl+Tab and Ctrl+Shift+Tab on the view itself: the next or previous cell, row by row.
class CellStepper : public QObject
{
public:
    explicit CellStepper(QAbstractItemView *view)
        : QObject(view)
        , m_view(view)
    { }

protected:
    bool eventFilter(QObject *object, QEvent *event) override
    {
        if (object != m_view || event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        if (!tab || !(key->modifiers() & Qt::ControlModifier) || !m_view->model())
            return false;
        const QAbstractItemModel *model = m_view->model();
        const int columns = model->columnCount();
        const int cells = model->rowCount() * columns;
        if (cells == 0)
            return true;
        const QModelIndex current = m_view->currentIndex();
        const int at = current.isValid() ? current.row() * columns + current.column() : -1;
        const int step
            = key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier) ? 1 : -1;
        const int next = ((at + step) % cells + cells) % cells;
        m_view->setCurrentIndex(model->index(next / columns, next % columns));
        return true;
    }

private:
    QAbstractItemView *m_view;
};

} // namespace

QTableWidgetItem *checkItem(bool checked)
{
    auto *item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

QAction *addDeleteShortcut(QAbstractItemView *view)
{
    auto *action = new QAction(view);
    action->setShortcut(QKeySequence::Delete);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(action);
    return action;
}

void letTabLeave(QAbstractItemView *view)
{
    view->setTabKeyNavigation(false);
    view->setItemDelegate(new TabLeavingDelegate(view));
    view->installEventFilter(new CellStepper(view));
}

} // namespace TableEditing
