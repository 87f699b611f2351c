// Edits a request's captures: variables set from its response, for the later requests of the
// same data row.
#include "gui/editors/capturestable.h"
#include "gui/editors/tableediting.h"

#include "core/checks/captures.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyle>
#include <QTableWidget>

namespace {
enum Column { EnabledColumn, VariableColumn, SourceColumn, ExpressionColumn, ColumnCount };

const Capture::Source Sources[] = {
    Capture::Source::JsonPath,
    Capture::Source::Header,
    Capture::Source::Regex,
    Capture::Source::Status,
    Capture::Source::Cookie,
};

/// What a capture's problem is, as the run's plan would say it. An expression that uses
/// variables is checked at the run, row by row: here only its variable is.
QString problemOf(const Capture &capture)
{
    if (capture.expression.contains(u"{{")) {
        Capture nameOnly = capture;
        nameOnly.source = Capture::Source::Status;
        return captureProblem(nameOnly);
    }
    return captureProblem(capture);
}
} // namespace

QString CapturesTable::sourceName(Capture::Source source)
{
    switch (source) {
    case Capture::Source::JsonPath:
        return tr("JSON path");
    case Capture::Source::Header:
        return tr("Header");
    case Capture::Source::Regex:
        return tr("Regular expression");
    case Capture::Source::Status:
        return tr("Status code");
    case Capture::Source::Cookie:
        return tr("Cookie");
    }
    return QString();
}

namespace {
/// What the expression column takes for source, as an example to type.
QString placeholderFor(Capture::Source source)
{
    switch (source) {
    case Capture::Source::JsonPath:
        return QStringLiteral("data.token");
    case Capture::Source::Header:
        return QStringLiteral("Location");
    case Capture::Source::Regex:
        return QStringLiteral("id=(\\d+)");
    case Capture::Source::Status:
        return CapturesTable::tr("not needed: the status code is the value");
    case Capture::Source::Cookie:
        return QStringLiteral("session");
    }
    return QString();
}

/// What a source takes from the response, for tooltips.
QString descriptionOf(Capture::Source source)
{
    switch (source) {
    case Capture::Source::JsonPath:
        return CapturesTable::tr("A value of the JSON body at a path, like data.token or "
                                 "items[0].id; a string gives its text, other values their JSON");
    case Capture::Source::Header:
        return CapturesTable::tr("The value of a response header, by its name");
    case Capture::Source::Regex:
        return CapturesTable::tr(
            "A regular expression over the body: its first group, or the whole match");
    case Capture::Source::Status:
        return CapturesTable::tr("The response's status code, like 201");
    case Capture::Source::Cookie:
        return CapturesTable::tr("The value of a cookie the response sets (Set-Cookie), by its "
                                 "name");
    }
    return QString();
}
} // namespace

CapturesTable::CapturesTable(QWidget *parent)
    : RowsTable({tr("Variable"), tr("From"), tr("Expression")},
        tr("Set a variable from this request's response; later requests in the same data row "
           "use it as {{name}}."),
        tr("Add capture"), parent)
{
    QHeaderView *header = table()->horizontalHeader();
    header->setSectionResizeMode(VariableColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ExpressionColumn, QHeaderView::Stretch);
    table()->setColumnWidth(VariableColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 20);
    table()
        ->horizontalHeaderItem(VariableColumn)
        ->setToolTip(tr("The variable to set: later requests use it as {{name}}"));
    table()
        ->horizontalHeaderItem(SourceColumn)
        ->setToolTip(tr("The part of the response the value comes from"));
}

Capture CapturesTable::captureAt(int row) const
{
    Capture capture;
    capture.enabled = isRowEnabled(row);
    capture.variable = textAt(row, VariableColumn).trimmed();
    capture.source = Capture::Source(choiceAt(row, SourceColumn, int(Capture::Source::JsonPath)));
    capture.expression = textAt(row, ExpressionColumn);
    return capture;
}

QList<Capture> CapturesTable::captures() const
{
    QList<Capture> list;
    for (int row = 0; row < table()->rowCount(); ++row) {
        const Capture capture = captureAt(row);
        if (!capture.variable.isEmpty())
            list.append(capture);
    }
    return list;
}

void CapturesTable::setCaptures(const QList<Capture> &captures)
{
    if (captures == this->captures())
        return;
    const auto quiet = quietly();
    table()->setRowCount(0);
    for (const Capture &capture : captures)
        addRow(capture);
}

int CapturesTable::appendNewRow()
{
    addRow(Capture {});
    return VariableColumn;
}

void CapturesTable::addRow(const Capture &capture)
{
    const auto quiet = quietly();
    const int row = appendRow(capture.enabled);
    auto *variable = new QTableWidgetItem(capture.variable);
    variable->setData(TableEditing::PlaceholderRole, QStringLiteral("token"));
    table()->setItem(row, VariableColumn, variable);
    Choices sources;
    for (Capture::Source source : Sources)
        sources.append({sourceName(source), int(source)});
    setChoiceCell(row, SourceColumn, sources, int(capture.source));
    if (auto *box = qobject_cast<QComboBox *>(table()->cellWidget(row, SourceColumn))) {
        for (int i = 0; i < box->count(); ++i)
            box->setItemData(i, descriptionOf(Sources[i]), Qt::ToolTipRole);
    }
    table()->setItem(row, ExpressionColumn, new QTableWidgetItem(capture.expression));
    updateRow(row);
}

void CapturesTable::rowChanged(int row)
{
    // The status code needs no expression: one typed for another source goes with the choice.
    QTableWidgetItem *expression = table()->item(row, ExpressionColumn);
    if (expression && captureAt(row).source == Capture::Source::Status)
        expression->setText(QString());
    updateRow(row);
}

void CapturesTable::updateRow(int row)
{
    QTableWidgetItem *variable = table()->item(row, VariableColumn);
    QTableWidgetItem *expression = table()->item(row, ExpressionColumn);
    if (!variable || !expression)
        return;
    const Capture capture = captureAt(row);
    const bool takesExpression = capture.source != Capture::Source::Status;
    expression->setFlags(takesExpression
            ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
            : Qt::ItemIsSelectable);
    expression->setData(TableEditing::PlaceholderRole, placeholderFor(capture.source));

    const QString problem = problemOf(capture);
    const bool nameMissing = capture.variable.isEmpty();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    // A row just added, still blank, is not wrong yet: it only says what it needs.
    const bool blank = nameMissing && capture.expression.isEmpty();
    variable->setIcon(nameMissing && !blank ? warning : QIcon());
    variable->setToolTip(
        nameMissing ? problem : tr("Later requests use it as {{%1}}").arg(capture.variable));
    const bool expressionWrong = !problem.isEmpty() && !nameMissing;
    expression->setIcon(expressionWrong ? warning : QIcon());
    expression->setToolTip(expressionWrong ? problem : descriptionOf(capture.source));
}
