// What the editors' lists of rules share (assertions, captures): a line saying what they do, a
// table whose rows each have an enable box, and Add and Remove under it; Delete removes the
// selected rows; Space, F2 or F4 on a choice opens it. Cell edits become edited(); rows the code
// fills in do not.
#pragma once

#include <QList>
#include <QScopedValueRollback>
#include <QWidget>

#include <utility>

class QComboBox;
class QTableWidget;

class RowsTable : public QWidget
{
    Q_OBJECT
public:
    /// The choices of a cell's combo box: the text shown and the value it stands for.
    using Choices = QList<std::pair<QString, int>>;

Q_SIGNALS:
    /// The user changed a row, added or removed one.
    void edited();

protected:
    /// columns names the columns after the first, the enable box's.
    RowsTable(const QStringList &columns, const QString &hint, const QString &addText,
        QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// While the guard lives, changes to cells are the code's: no edited(), no rowChanged().
    [[nodiscard]] QScopedValueRollback<bool> quietly()
    {
        return QScopedValueRollback<bool>(m_quiet, true);
    }
    /// Appends a row with only its enable box, quietly; returns its index.
    int appendRow(bool enabled);
    bool isRowEnabled(int row) const;
    QString textAt(int row, int column) const;
    /// Puts a combo box of choices in the cell, showing the one whose value is current.
    void setChoiceCell(int row, int column, const Choices &choices, int current);
    /// The value chosen in the cell's combo box, or fallback when it has none.
    int choiceAt(int row, int column, int fallback) const;

    /// Appends the row Add makes (the table is quiet meanwhile); returns the column to go to.
    virtual int appendNewRow() = 0;
    /// The user changed row (a cell or a choice); called quietly, before edited().
    virtual void rowChanged(int row) { Q_UNUSED(row) }

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void add();
    void removeSelected();
    void userChanged(int row);

    QTableWidget *m_table;
    bool m_quiet = false;
};
