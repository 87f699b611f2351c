#include "gui/editors/keyvaluetable.h"
#include "gui/editors/tableediting.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { EnabledColumn, KeyColumn, ValueColumn, DescriptionColumn, ColumnCount };
} // namespace

using TableEditing::checkItem;

KeyValueTable::KeyValueTable(
    const QString &keyTitle, const QString &valueTitle, QWidget *parent, Kind kind)
    : QWidget(parent)
    , m_kind(kind)
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    TableEditing::letTabLeave(m_table);
    m_table->setHorizontalHeaderLabels({QString(), keyTitle, valueTitle,
        kind == Kind::Variables ? tr("Secret") : tr("Description")});
    if (kind == Kind::Variables)
        m_table->horizontalHeaderItem(DescriptionColumn)
            ->setToolTip(tr("A secret's value is kept in your local settings, never in the "
                            "collection file or an export"));
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(KeyColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);

    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setToolTip(tr("Remove the selected rows (Delete)"));
    connect(remove, &QPushButton::clicked, this, &KeyValueTable::removeSelected);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addWidget(remove, 0, Qt::AlignRight);

    connect(TableEditing::addDeleteShortcut(m_table), &QAction::triggered, this,
        &KeyValueTable::removeSelected);

    connect(m_table, &QTableWidget::cellChanged, this, &KeyValueTable::onCellChanged);
    appendEmptyRow();
}

QList<KeyValue> KeyValueTable::rows() const
{
    QList<KeyValue> rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->text() : QString();
        };
        KeyValue kv {text(KeyColumn), text(ValueColumn), true,
            m_kind == Kind::KeyValues ? text(DescriptionColumn) : QString()};
        if (kv.key.isEmpty() && kv.value.isEmpty() && kv.description.isEmpty())
            continue; // the empty row for adding
        const QTableWidgetItem *check = m_table->item(row, EnabledColumn);
        kv.enabled = !check || check->checkState() == Qt::Checked;
        rows.append(kv);
    }
    return rows;
}

void KeyValueTable::setRows(const QList<KeyValue> &rows)
{
    if (rows == this->rows())
        return;
    m_table->setRowCount(0);
    for (const KeyValue &kv : rows)
        appendRow(kv, false);
    appendEmptyRow();
}

QList<Variable> KeyValueTable::variables() const
{
    QList<Variable> variables;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto checked = [&](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item && item->checkState() == Qt::Checked;
        };
        const QTableWidgetItem *name = m_table->item(row, KeyColumn);
        const QTableWidgetItem *value = m_table->item(row, ValueColumn);
        if (!name || name->text().isEmpty())
            continue; // a variable needs a name; the empty last row is for adding
        variables.append(Variable {name->text(), value ? value->text() : QString(),
            checked(EnabledColumn), checked(DescriptionColumn)});
    }
    return variables;
}

void KeyValueTable::setVariables(const QList<Variable> &variables)
{
    if (variables == this->variables())
        return;
    m_table->setRowCount(0);
    for (const Variable &variable : variables) {
        KeyValue row;
        row.key = variable.name;
        row.value = variable.value;
        row.enabled = variable.enabled;
        appendRow(row, variable.secret);
    }
    appendEmptyRow();
}

void KeyValueTable::appendRow(const KeyValue &kv, bool secret)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, EnabledColumn, checkItem(kv.enabled));
    m_table->setItem(row, KeyColumn, new QTableWidgetItem(kv.key));
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(kv.value));
    m_table->setItem(row, DescriptionColumn,
        m_kind == Kind::Variables ? checkItem(secret) : new QTableWidgetItem(kv.description));
    m_updating = wasUpdating;
}

void KeyValueTable::appendEmptyRow()
{
    appendRow(KeyValue {}, false);
}

void KeyValueTable::onCellChanged(int row, int column)
{
    if (m_updating)
        return;
    // Typing into the last row makes it a real row and offers a new empty one.
    if (row == m_table->rowCount() - 1 && column != EnabledColumn)
        appendEmptyRow();
    Q_EMIT edited();
}

void KeyValueTable::removeSelected()
{
    QList<int> rows;
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    for (const QTableWidgetSelectionRange &range : ranges) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    if (rows.isEmpty())
        return;
    m_updating = true;
    for (int row : std::as_const(rows)) {
        if (row < m_table->rowCount() - 1) // never the empty row for adding
            m_table->removeRow(row);
    }
    m_updating = false;
    Q_EMIT edited();
}
