// The status-code breakdown: one horizontal bar per status code or transport error, with counts.
#include "gui/charts/statuscodechart.h"

#include "core/stats/runstats.h"

StatusCodeChart::StatusCodeChart(QWidget *parent)
    : ChartPlot(tr("Status codes"), parent)
{
    setObjectName(QStringLiteral("statusPlot"));
    // Horizontal bars: the rows' labels (codes and error names) read left to right.
    xAxis->setLabel(tr("Requests"));
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    yAxis->setRangeReversed(true);
    yAxis->grid()->setVisible(false);
    setNotAntialiasedElements(QCP::aePlottables); // bars, axis-aligned
    xAxis->setRange(0, 1);
    yAxis->setRange(-0.6, 0.6);
    for (int c = 0; c < StatusClassCount; ++c) {
        auto *bars = new QCPBars(yAxis, xAxis);
        bars->setName(StatusColors::label(StatusClass(c)));
        bars->setWidth(0.7);
        m_bars[size_t(c)] = bars;
    }
}

void StatusCodeChart::clearData()
{
    for (QCPBars *bars : m_bars)
        bars->data()->clear();
    for (QCPItemText *label : std::as_const(m_countLabels))
        label->setVisible(false);
    m_labels.clear();
    qSharedPointerCast<QCPAxisTickerText>(yAxis->ticker())->clear();
}

QList<StatusCodeChart::Row> StatusCodeChart::rowsOf(const RunStats &stats)
{
    QList<Row> rows;
    const QMap<int, qint64> &codes = stats.statusCodes();
    for (auto it = codes.cbegin(); it != codes.cend(); ++it) {
        Row row;
        row.label = QString::number(it.key());
        row.count = it.value();
        row.statusClass = StatusColors::classFor(it.key(), ErrorCategory::None);
        rows.append(row);
    }
    for (int category = 1; category < ErrorCategoryCount; ++category) {
        if (const qint64 count = stats.errorCount(ErrorCategory(category))) {
            Row row;
            row.label = errorCategoryName(ErrorCategory(category));
            row.count = count;
            row.statusClass = StatusClass::TransportError;
            rows.append(row);
        }
    }
    return rows;
}

void StatusCodeChart::setCountLabel(int row, qint64 count)
{
    if (row == m_countLabels.size()) {
        auto *label = new QCPItemText(this);
        label->position->setAxes(xAxis, yAxis);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setColor(palette().color(QPalette::Text));
        m_countLabels.append(label);
    }
    QCPItemText *countLabel = m_countLabels.at(row);
    countLabel->position->setCoords(double(count), row);
    countLabel->setText(QLatin1Char(' ') + QLocale().toString(count));
    countLabel->setVisible(true);
}

void StatusCodeChart::updateStats(const RunStats &stats)
{
    const QList<Row> rows = rowsOf(stats);
    std::array<QList<QCPBarsData>, StatusClassCount> data;
    QStringList labels;
    qint64 highest = 1;
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        data[size_t(row.statusClass)].append(QCPBarsData(i, double(row.count)));
        labels.append(row.label);
        highest = qMax(highest, row.count);
        setCountLabel(i, row.count);
    }
    for (qsizetype i = rows.size(); i < m_countLabels.size(); ++i)
        m_countLabels.at(i)->setVisible(false);
    for (int c = 0; c < StatusClassCount; ++c)
        m_bars[size_t(c)]->data()->set(data[size_t(c)], true);
    if (labels != m_labels) {
        m_labels = labels;
        auto ticker = qSharedPointerCast<QCPAxisTickerText>(yAxis->ticker());
        ticker->clear();
        for (int i = 0; i < labels.size(); ++i)
            ticker->addTick(i, labels.at(i));
    }
    // Room on the right for the count labels.
    xAxis->setRange(0, double(highest) * 1.25);
    yAxis->setRange(-0.6, qMax<double>(0.6, rows.size() - 0.4));
}

void StatusCodeChart::applyColours(const QPalette &palette)
{
    for (int c = 0; c < StatusClassCount; ++c) {
        const QColor colour = StatusColors::forClass(StatusClass(c), palette);
        QColor fill = colour;
        fill.setAlphaF(0.8f);
        m_bars[size_t(c)]->setPen(QPen(colour));
        m_bars[size_t(c)]->setBrush(fill);
    }
    for (QCPItemText *label : std::as_const(m_countLabels))
        label->setColor(palette.color(QPalette::Text));
}
