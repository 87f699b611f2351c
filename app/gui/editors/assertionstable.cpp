#include "gui/editors/assertionstable.h"
#include "gui/editors/tableediting.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Column { EnabledColumn, KindColumn, TargetColumn, ExpectedColumn, ColumnCount };

const Assertion::Kind Kinds[] = {
    Assertion::Kind::StatusEquals,
    Assertion::Kind::StatusInRange,
    Assertion::Kind::HeaderExists,
    Assertion::Kind::HeaderEquals,
    Assertion::Kind::HeaderContains,
    Assertion::Kind::BodyContains,
    Assertion::Kind::JsonPathExists,
    Assertion::Kind::JsonPathEquals,
    Assertion::Kind::LatencyBelow,
};
} // namespace

QString AssertionsTable::kindName(Assertion::Kind kind)
{
    switch (kind) {
    case Assertion::Kind::StatusEquals:
        return tr("Status equals");
    case Assertion::Kind::StatusInRange:
        return tr("Status in range");
    case Assertion::Kind::HeaderExists:
        return tr("Header exists");
    case Assertion::Kind::HeaderEquals:
        return tr("Header equals");
    case Assertion::Kind::HeaderContains:
        return tr("Header contains");
    case Assertion::Kind::BodyContains:
        return tr("Body contains");
    case Assertion::Kind::JsonPathExists:
        return tr("JSON path exists");
    case Assertion::Kind::JsonPathEquals:
        return tr("JSON path equals");
    case Assertion::Kind::LatencyBelow:
        return tr("Latency below (ms)");
    }
    return QString();
}

AssertionsTable::AssertionsTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    TableEditing::letTabLeave(m_table);
    m_table->setHorizontalHeaderLabels(
        {QString(), tr("Check"), tr("Header or JSON path"), tr("Expected")});
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ExpectedColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);

    auto *add = new QPushButton(tr("Add check"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *hint = new QLabel(tr("Checks run on every response; failures are counted and shown in "
                               "the results."),
        this);
    hint->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        Assertion assertion;
        assertion.kind = Assertion::Kind::StatusEquals;
        assertion.expected = QStringLiteral("200");
        addRow(assertion);
        Q_EMIT edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0) {
            m_table->removeRow(m_table->currentRow());
            Q_EMIT edited();
        }
    });
    connect(m_table, &QTableWidget::cellChanged, this, [this] {
        if (!m_updating)
            Q_EMIT edited();
    });
}

QList<Assertion> AssertionsTable::assertions() const
{
    QList<Assertion> list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Assertion assertion;
        const auto *kind = qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
        assertion.kind
            = kind ? Assertion::Kind(kind->currentData().toInt()) : Assertion::Kind::StatusEquals;
        const QTableWidgetItem *enabled = m_table->item(row, EnabledColumn);
        assertion.enabled = !enabled || enabled->checkState() == Qt::Checked;
        if (const QTableWidgetItem *target = m_table->item(row, TargetColumn))
            assertion.target = target->text();
        if (const QTableWidgetItem *expected = m_table->item(row, ExpectedColumn))
            assertion.expected = expected->text();
        list.append(assertion);
    }
    return list;
}

void AssertionsTable::setAssertions(const QList<Assertion> &assertions)
{
    if (assertions == this->assertions())
        return;
    m_updating = true;
    m_table->setRowCount(0);
    for (const Assertion &assertion : assertions)
        addRow(assertion);
    m_updating = false;
}

void AssertionsTable::addRow(const Assertion &assertion)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    enabled->setCheckState(assertion.enabled ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, EnabledColumn, enabled);
    auto *kind = new QComboBox(m_table);
    for (Assertion::Kind k : Kinds)
        kind->addItem(kindName(k), int(k));
    kind->setCurrentIndex(qMax(0, kind->findData(int(assertion.kind))));
    connect(kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            Q_EMIT edited();
    });
    m_table->setCellWidget(row, KindColumn, kind);
    m_table->setItem(row, TargetColumn, new QTableWidgetItem(assertion.target));
    m_table->setItem(row, ExpectedColumn, new QTableWidgetItem(assertion.expected));
    m_updating = wasUpdating;
}
