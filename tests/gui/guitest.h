// What the workbench's GUI tests share: reading and writing test files, a guard that closes any
// modal dialog (and says which opened), finding an action by its text or a label by its start,
// and a main() in a throwaway home.
#pragma once

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <utility>

/// Writes bytes to path; false when it could not, whole.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The bytes of path, or none when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

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
    /// For a test's cleanup(): "a modal dialog opened: ..." when any did, else empty.
    QString unexpected()
    {
        const QStringList seen = takeSeen();
        return seen.isEmpty()
            ? QString()
            : QStringLiteral("a modal dialog opened: ") + seen.join(QStringLiteral(" | "));
    }

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

/// The text of the first label under parent that starts with `start` ("Run will send"), or none.
inline QString labelStartingWith(const QWidget *parent, const QString &start)
{
    const QList<QLabel *> labels = parent->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->text().startsWith(start))
            return label->text();
    }
    return QString();
}

/// What the run panel says the run will send ("Run will send 3 requests, 10 at a time."), found
/// under parent (the panel or the window), or none.
inline QString planText(const QWidget *parent)
{
    return labelStartingWith(parent, QStringLiteral("Run will send"));
}

/// A GUI test's main(): settings, recent files and the demo's copy go to a throwaway home, never
/// the user's.
template<typename Test>
int runGuiTest(int argc, char *argv[], const QString &name)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("HOME", home.path().toLocal8Bit());
    for (const char *variable :
        {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qunsetenv(variable);
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("rafaga-tests"));
    QApplication::setApplicationName(name);
    Test test;
    return QTest::qExec(&test, argc, argv);
}
