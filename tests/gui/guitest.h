// What the workbench's GUI tests share: a guard that closes any modal dialog (and says which
// opened), and finding an action by its text.
#pragma once

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>

#include <utility>

/// A modal dialog would block a test forever: this notes any that opens and closes it, so the
/// test fails with the dialog's text instead of hanging.
class ModalGuard : public QObject
{
public:
    ModalGuard()
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            QString text = modal->windowTitle();
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                text += QStringLiteral(": ") + box->text();
            m_seen.append(text);
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            else
                modal->close();
        });
        m_timer.start();
    }
    /// The dialogs closed so far ("title: text"), forgetting them.
    QStringList takeSeen() { return std::exchange(m_seen, {}); }

private:
    QTimer m_timer;
    QStringList m_seen;
};

inline QAction *findAction(const QWidget *window, const QString &text)
{
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}
