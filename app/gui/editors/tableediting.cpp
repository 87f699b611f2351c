// Tables in the editors as the keyboard expects them: Tab moves on to the next control, out of the
// table, also while a cell is being edited; the arrow keys move between cells.
#include "gui/editors/tableediting.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QPointer>
#include <QStyledItemDelegate>

namespace TableEditing {
namespace {

class TabLeavingDelegate : public QStyledItemDelegate
{
public:
    explicit TabLeavingDelegate(QAbstractItemView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    { }

protected:
    bool eventFilter(QObject *object, QEvent *event) override
    {
        auto *editor = qobject_cast<QWidget *>(object);
        if (editor && event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
            if (tab && !(key->modifiers() & Qt::ControlModifier)) {
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

} // namespace

void letTabLeave(QAbstractItemView *view)
{
    view->setTabKeyNavigation(false);
    view->setItemDelegate(new TabLeavingDelegate(view));
}

} // namespace TableEditing
