// The main window's geometry, toolbar state and splitter sizes, saved between sessions.
#include "gui/windowsettings.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

namespace WindowSettings {

bool isOnAScreen(const QRect &geometry)
{
    // Most of the title bar must be on some screen, or the window cannot be moved back.
    const QPoint top(geometry.center().x(), geometry.top() + 10);
    return QGuiApplication::screenAt(top) != nullptr;
}

void fitToScreen(QMainWindow *window)
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1360, 860);
    const QSize size
        = QSize(1360, 860).boundedTo(available.size() * 0.95).expandedTo(window->minimumSizeHint());
    window->resize(size);
    window->move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void restore(QMainWindow *window)
{
    QSettings settings;
    // A saved place on a screen that is gone (or a scale that makes it too big) is not reused.
    if (!window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())
        || !isOnAScreen(window->geometry()))
        fitToScreen(window);
    window->restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(
                settings.value(QStringLiteral("window/") + splitter->objectName()).toByteArray());
    }
}

void save(QMainWindow *window, const QString &collectionPath)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window->saveState());
    const QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(
                QStringLiteral("window/") + splitter->objectName(), splitter->saveState());
    }
    settings.setValue(QStringLiteral("files/last"), collectionPath);
}

} // namespace WindowSettings
