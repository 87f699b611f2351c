// The main window's geometry, toolbar state and splitter sizes, saved between sessions.
#pragma once

class QMainWindow;
class QString;

namespace WindowSettings {

/// Restores what save() kept; geometry only when it lands on a screen that is there now.
void restore(QMainWindow *window);
/// Keeps the window's geometry, state and named splitters, and the open collection's path.
void save(QMainWindow *window, const QString &collectionPath);

} // namespace WindowSettings
