// The latency histogram: the run's latencies in equal-width bins on a log axis, with percentiles.
#include "gui/charts/latencyhistogramchart.h"

#include "core/stats/latencybins.h"
#include "core/stats/runstats.h"
#include "gui/run/summarystrip.h"

#include <cmath>

namespace {
constexpr double MinLatencyMs = 0.001; // a log axis cannot show 0; 1 µs is the histogram's floor
} // namespace

LatencyHistogramChart::LatencyHistogramChart(QWidget *parent)
    : ChartPlot(tr("Latency histogram"), parent)
{
    setObjectName(QStringLiteral("histogramPlot"));
    xAxis->setLabel(tr("Latency (ms, log scale)"));
    yAxis->setLabel(tr("Requests"));
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    xAxis->setNumberFormat(QStringLiteral("gb"));
    xAxis->setRange(0.1, 100);
    yAxis->setRange(0, 1);
    // Bars are axis-aligned: antialiasing them changes nothing visible and doubles the replot time.
    setNotAntialiasedElements(QCP::aePlottables);
    m_bars = new QCPBars(xAxis, yAxis);
    m_bars->setName(tr("Requests"));
    m_bars->setWidthType(QCPBars::wtAxisRectRatio);
    m_marks = createMarks({0.50, 0.90, 0.99});
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        mark.line->point1->setCoords(1, 0);
        mark.line->point2->setCoords(1, 1);
        mark.label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        mark.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
}

QList<QCPItemText *> LatencyHistogramChart::percentileLabels() const
{
    QList<QCPItemText *> labels;
    for (const PercentileMark &mark : m_marks)
        labels.append(mark.label);
    return labels;
}

void LatencyHistogramChart::clearData()
{
    m_bars->data()->clear();
    hideMarks(m_marks);
}

void LatencyHistogramChart::updateStats(const RunStats &stats)
{
    const Histogram &latency = stats.latency();
    const auto [first, last] = LatencyBins::usedBuckets(latency);
    if (first < 0) {
        m_bars->data()->clear();
        return;
    }
    const QList<LatencyBins::Bin> bins
        = LatencyBins::regroup(latency, first, last, LatencyBins::DefaultMaxBins);
    QList<QCPBarsData> data;
    data.reserve(bins.size());
    qint64 highest = 1;
    for (const LatencyBins::Bin &bin : bins) {
        // Geometric centre: the middle of the bin on the log axis.
        data.append(QCPBarsData(std::sqrt(bin.lowerMs * bin.upperMs), double(bin.count)));
        highest = qMax(highest, bin.count);
    }
    m_bars->data()->set(data, true);

    // At least a decade across, so a narrow distribution does not fill the plot with one bar.
    double lower = bins.constFirst().lowerMs / 1.3;
    double upper = bins.constLast().upperMs * 1.3;
    if (upper / lower < 10) {
        const double widen = std::sqrt(10 / (upper / lower));
        lower /= widen;
        upper *= widen;
    }
    xAxis->setRange(lower, upper);
    yAxis->setRange(0, double(highest) * 1.15);
    // Bars as wide as their bins: on a log axis every bin has the same share of the width.
    const double binShare
        = std::log(bins.constFirst().upperMs / bins.constFirst().lowerMs) / std::log(upper / lower);
    m_bars->setWidth(binShare * 0.9);

    int row = 0;
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        const double us = latency.quantile(mark.quantile);
        const double ms = qMax(us / 1000.0, MinLatencyMs);
        mark.line->point1->setCoords(ms, 0);
        mark.line->point2->setCoords(ms, 1);
        // Labels stacked downwards so that close percentiles do not overwrite each other, on
        // the side of the line with room for them.
        const bool leftOfLine = std::log(ms / lower) / std::log(upper / lower) > 0.7;
        mark.label->setPositionAlignment(
            (leftOfLine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        mark.label->position->setCoords(ms, 0.02 + 0.1 * row++);
        mark.label->setText(
            tr("%1 %2").arg(quantileName(mark.quantile), SummaryStrip::formatLatencyUs(us)));
        mark.line->setVisible(true);
        mark.label->setVisible(true);
    }
}

void LatencyHistogramChart::applyColours(const QPalette &palette)
{
    colourMarks(m_marks, palette);
    QColor colour = palette.color(QPalette::Highlight);
    m_bars->setPen(QPen(colour));
    colour.setAlphaF(0.7f);
    m_bars->setBrush(colour);
}
