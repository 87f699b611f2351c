// The main window's geometry, toolbar state and splitter sizes, saved between sessions.
#pragma once

class QMainWindow;
class QRect;
class QString;

namespace WindowSettings {

/// Whether a window at geometry can be reached: the middle of its title bar is on a screen.
bool isOnAScreen(const QRect &geometry);
/// Sizes the window to 1360 × 860 or 95% of the primary screen, whichever is smaller (never
/// below its minimum), centred on it.
void fitToScreen(QMainWindow *window);
/// Restores what save() kept; geometry only when it lands on a screen that is there now.
void restore(QMainWindow *window);
/// Keeps the window's geometry, state and named splitters, and the open collection's path.
void save(QMainWindow *window, const QString &collectionPath);

} // namespace WindowSettings
