// What the editors' lists of rules share (assertions, captures): a line saying what they do, a
// table whose rows each have an enable box, and Add and Remove under it.
#include "gui/editors/rowstable.h"
#include "gui/editors/tableediting.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

RowsTable::RowsTable(
    const QStringList &columns, const QString &hint, const QString &addText, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, int(columns.size()) + 1, this))
{
    TableEditing::letTabLeave(m_table);
    m_table->setHorizontalHeaderLabels(QStringList {QString()} + columns);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *add = new QPushButton(addText, this);
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setToolTip(tr("Remove the selected rows (Delete)"));
    auto *label = new QLabel(hint, this);
    label->setWordWrap(true);
    label->setContentsMargins(6, 4, 6, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the table meets the tab's frame, as the others do
    layout->addWidget(label);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(TableEditing::addDeleteShortcut(m_table), &QAction::triggered, this,
        &RowsTable::removeSelected);

    connect(add, &QPushButton::clicked, this, &RowsTable::add);
    connect(remove, &QPushButton::clicked, this, &RowsTable::removeSelected);
    connect(m_table, &QTableWidget::cellChanged, this, &RowsTable::userChanged);
    m_table->installEventFilter(this);
}

bool RowsTable::eventFilter(QObject *watched, QEvent *event)
{
    // A choice is a widget over its cell, which the arrow keys pass by: the keys that edit a
    // cell open the choice instead.
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool opens = key->key() == Qt::Key_Space || key->key() == Qt::Key_F2
        || key->key() == Qt::Key_F4
        || (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier);
    auto *box = qobject_cast<QComboBox *>(
        m_table->cellWidget(m_table->currentRow(), m_table->currentColumn()));
    if (!opens || !box)
        return QWidget::eventFilter(watched, event);
    box->setFocus(Qt::TabFocusReason);
    box->showPopup();
    return true;
}

int RowsTable::appendRow(bool enabled)
{
    const auto quiet = quietly();
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, TableEditing::checkItem(enabled));
    return row;
}

bool RowsTable::isRowEnabled(int row) const
{
    const QTableWidgetItem *enabled = m_table->item(row, 0);
    return !enabled || enabled->checkState() == Qt::Checked;
}

QString RowsTable::textAt(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

void RowsTable::setChoiceCell(int row, int column, const Choices &choices, int current)
{
    auto *box = new QComboBox(m_table);
    for (const auto &[text, value] : choices)
        box->addItem(text, value);
    box->setCurrentIndex(qMax(0, box->findData(current)));
    connect(box, &QComboBox::currentIndexChanged, this, [this, box, column] {
        // Rows come and go: find the box's row when it changes.
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (m_table->cellWidget(r, column) == box)
                return userChanged(r);
        }
    });
    const auto quiet = quietly();
    m_table->setCellWidget(row, column, box);
}

int RowsTable::choiceAt(int row, int column, int fallback) const
{
    const auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, column));
    return box ? box->currentData().toInt() : fallback;
}

void RowsTable::add()
{
    int row = 0;
    int column = 0;
    {
        const auto quiet = quietly();
        column = appendNewRow();
        row = m_table->rowCount() - 1;
    }
    Q_EMIT edited();
    // Straight on to typing: the new row's first field has the focus.
    m_table->setCurrentCell(row, column);
    if (QWidget *widget = m_table->cellWidget(row, column)) {
        widget->setFocus(Qt::OtherFocusReason);
    } else if (QTableWidgetItem *item = m_table->item(row, column)) {
        m_table->setFocus(Qt::OtherFocusReason);
        if (item->flags() & Qt::ItemIsEditable)
            m_table->editItem(item);
    }
}

void RowsTable::removeSelected()
{
    QList<int> rows;
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    for (const QTableWidgetSelectionRange &range : ranges) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            rows.append(row);
    }
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    {
        const auto quiet = quietly();
        for (int row : std::as_const(rows))
            m_table->removeRow(row);
    }
    Q_EMIT edited();
}

void RowsTable::userChanged(int row)
{
    if (m_quiet)
        return;
    {
        const auto quiet = quietly();
        rowChanged(row);
    }
    Q_EMIT edited();
}
