// The main window's geometry, toolbar state and splitter sizes, saved between sessions.
#include "gui/windowsettings.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace WindowSettings {

void restore(QMainWindow *window)
{
    QSettings settings;
    if (!window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        window->resize(1360, 860);
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
