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
    makeLogAxis(xAxis);
    xAxis->setRange(0.1, 100);
    yAxis->setRange(0, 1);
    // Bars are axis-aligned: antialiasing them changes nothing visible and doubles the replot time.
    setNotAntialiasedElements(QCP::aePlottables);
    m_bars = new QCPBars(xAxis, yAxis);
    m_bars->setName(tr("Requests"));
    m_bars->setWidthType(QCPBars::wtAxisRectRatio);
    // The same percentiles as the summary, the scatter and the export: p50, p95, p99.
    m_marks = createMarks({0.50, 0.95, 0.99});
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        mark.line->point1->setCoords(1, 0);
        mark.line->point2->setCoords(1, 1);
        mark.label->position->setType(QCPItemPosition::ptAbsolute);
    }
    connect(this, &QCustomPlot::beforeReplot, this, &LatencyHistogramChart::placeLabels);
}

void LatencyHistogramChart::placeLabels()
{
    // One row per label from the top down, each beside its line on the side with room: close
    // percentiles never share a row, and no label leaves the plot.
    const QRect rect = axisRect()->rect();
    const int height = markLabelHeight();
    int row = 0;
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        const double x = xAxis->coordToPixel(mark.line->point1->coords().x());
        const bool leftOfLine = x > rect.left() + rect.width() * 0.6;
        mark.label->setPositionAlignment(
            (leftOfLine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        mark.label->position->setCoords(
            leftOfLine ? x - 2 : x + 2, rect.top() + 2 + row++ * (height + 2));
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

    // Fitted to the bins with 1-2-5 ticks, wide enough that one bar does not fill the plot.
    const auto [lower, upper]
        = LatencyBins::fittedLogRange(bins.constFirst().lowerMs, bins.constLast().upperMs);
    xAxis->setRange(lower, upper);
    yAxis->setRange(0, double(highest) * 1.15);
    // Bars as wide as their bins: on a log axis every bin has the same share of the width.
    const double binShare
        = std::log(bins.constFirst().upperMs / bins.constFirst().lowerMs) / std::log(upper / lower);
    m_bars->setWidth(binShare * 0.9);

    for (const PercentileMark &mark : std::as_const(m_marks)) {
        const double us = latency.quantile(mark.quantile);
        const double ms = qMax(us / 1000.0, MinLatencyMs);
        mark.line->point1->setCoords(ms, 0);
        mark.line->point2->setCoords(ms, 1);
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
