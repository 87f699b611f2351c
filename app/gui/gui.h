// The desktop front: creates the QApplication and the main window.
#pragma once

namespace Gui {
/// Runs the desktop workbench; returns the process exit code.
int main(int argc, char *argv[]);
} // namespace Gui
