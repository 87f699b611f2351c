// Tables in the editors as the keyboard expects them: Tab moves on to the next control, out of the
// table, also while a cell is being edited; the arrow keys move between cells.
#pragma once

#include <Qt>

class QAbstractItemView;
class QAction;
class QTableWidgetItem;

namespace TableEditing {

/// An item's text shown greyed while the cell is empty, and in its line editor, saying what to
/// type there ("data.token"); drawn by the delegate letTabLeave() sets.
constexpr int PlaceholderRole = Qt::UserRole + 0x100;

/// A cell holding only a check box (a row's "enabled").
QTableWidgetItem *checkItem(bool checked);

/// Delete in the view (not in a cell's editor, which keeps the key): connect it to removing the
/// selected rows.
QAction *addDeleteShortcut(QAbstractItemView *view);

/// Turns the view's Tab navigation off and gives it a delegate whose editors hand Tab and
/// Shift+Tab to the window's focus chain after committing the cell; Ctrl+Tab and Ctrl+Shift+Tab
/// step to the next and previous cell, in the view and in an editor. The delegate also shows each
/// empty cell's PlaceholderRole.
void letTabLeave(QAbstractItemView *view);

} // namespace TableEditing
