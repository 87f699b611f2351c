// Edits a request's assertions: a kind, what it looks at and what it expects, each switchable.
#include "gui/editors/assertionstable.h"

#include <QHeaderView>
#include <QTableWidget>

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
    : RowsTable({tr("Check"), tr("Header or JSON path"), tr("Expected")},
        tr("Checks run on every response; failures are counted and shown in the results."),
        tr("Add check"), parent)
{
    table()->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    table()->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    table()->horizontalHeader()->setSectionResizeMode(ExpectedColumn, QHeaderView::Stretch);
}

QList<Assertion> AssertionsTable::assertions() const
{
    QList<Assertion> list;
    for (int row = 0; row < table()->rowCount(); ++row) {
        Assertion assertion;
        assertion.kind
            = Assertion::Kind(choiceAt(row, KindColumn, int(Assertion::Kind::StatusEquals)));
        assertion.enabled = isRowEnabled(row);
        assertion.target = textAt(row, TargetColumn);
        assertion.expected = textAt(row, ExpectedColumn);
        list.append(assertion);
    }
    return list;
}

void AssertionsTable::setAssertions(const QList<Assertion> &assertions)
{
    if (assertions == this->assertions())
        return;
    const auto quiet = quietly();
    table()->setRowCount(0);
    for (const Assertion &assertion : assertions)
        addRow(assertion);
}

int AssertionsTable::appendNewRow()
{
    Assertion assertion;
    assertion.kind = Assertion::Kind::StatusEquals;
    assertion.expected = QStringLiteral("200");
    addRow(assertion);
    return KindColumn;
}

void AssertionsTable::addRow(const Assertion &assertion)
{
    const auto quiet = quietly();
    const int row = appendRow(assertion.enabled);
    Choices kinds;
    for (Assertion::Kind kind : Kinds)
        kinds.append({kindName(kind), int(kind)});
    setChoiceCell(row, KindColumn, kinds, int(assertion.kind));
    table()->setItem(row, TargetColumn, new QTableWidgetItem(assertion.target));
    table()->setItem(row, ExpectedColumn, new QTableWidgetItem(assertion.expected));
}
