// Tables in the editors as the keyboard expects them: Tab moves on to the next control, out of the
// table, also while a cell is being edited; the arrow keys move between cells.
#pragma once

class QAbstractItemView;

namespace TableEditing {

/// Turns the view's Tab navigation off and gives it a delegate whose editors hand Tab and
/// Shift+Tab to the window's focus chain after committing the cell; Ctrl+Tab and Ctrl+Shift+Tab
/// step to the next and previous cell, in the view and in an editor.
void letTabLeave(QAbstractItemView *view);

} // namespace TableEditing
