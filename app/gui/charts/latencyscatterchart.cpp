// Latency over time: one point per result, coloured by status class, with p50/p95/p99 lines.
#include "gui/charts/latencyscatterchart.h"

#include "core/engine/resultstore.h"
#include "core/stats/latencybins.h"
#include "core/stats/runstats.h"
#include "gui/run/summarystrip.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr double MinLatencyMs = 0.001; // a log axis cannot show 0; 1 µs is the histogram's floor

QPixmap markerPixmap(const QColor &colour, qreal diameter, qreal devicePixelRatio)
{
    const int side = qCeil(diameter * devicePixelRatio);
    QPixmap pixmap(side, side);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(0, 0, diameter, diameter));
    return pixmap;
}

/// A scatter graph whose legend shows a marker big enough to tell the class colours apart.
class ScatterGraph : public QCPGraph
{
public:
    using QCPGraph::QCPGraph;

protected:
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override
    {
        const double diameter = qMin(rect.width(), rect.height()) * 0.6;
        painter->setAntialiasing(true);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen().color());
        painter->drawEllipse(
            QRectF(rect.center() - QPointF(diameter, diameter) / 2, QSizeF(diameter, diameter)));
    }
};

} // namespace

LatencyScatterChart::LatencyScatterChart(QWidget *parent)
    : ChartPlot(tr("Latency over time"), parent)
{
    setObjectName(QStringLiteral("latencyPlot"));
    xAxis->setLabel(tr("Time since start (s)"));
    yAxis->setLabel(tr("Latency (ms, log scale)"));
    makeLogAxis(yAxis);
    xAxis->setRange(0, 1);
    yAxis->setRange(0.1, 100);
    moveLegendToHeader();
    for (int c = 0; c < StatusClassCount; ++c) {
        QCPGraph *graph = new ScatterGraph(xAxis, yAxis);
        graph->setName(StatusColors::label(StatusClass(c)));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->removeFromLegend();
        m_scatter[size_t(c)].graph = graph;
    }
    m_marks = createMarks({0.50, 0.95, 0.99});
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        mark.line->point1->setCoords(0, 1);
        mark.line->point2->setCoords(1, 1);
        mark.label->position->setType(QCPItemPosition::ptAbsolute);
        mark.label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    }
    // Label places depend on the pixel layout: worked out before every replot, resizes included.
    connect(this, &QCustomPlot::beforeReplot, this, &LatencyScatterChart::placeLabels);
}

void LatencyScatterChart::placeLabels()
{
    // Each label sits on its line's right end, but never on the one below it (the percentiles
    // rise from p50 to p99) and never over the top edge: then the stack moves down as a whole.
    const QRect rect = axisRect()->rect();
    const int height = markLabelHeight();
    QList<double> bottoms;
    double ceiling = rect.bottom();
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        const double lineY = yAxis->coordToPixel(mark.line->point1->coords().y());
        const double bottom = qMin(lineY, ceiling);
        bottoms.append(bottom);
        ceiling = bottom - height;
    }
    const double overflow = rect.top() - ceiling;
    for (qsizetype i = 0; i < m_marks.size(); ++i) {
        const double bottom = bottoms.at(i) + qMax(0.0, overflow);
        m_marks.at(i).label->position->setCoords(
            rect.right() - 4, qMin(bottom, double(rect.bottom())));
    }
}

QList<QCPItemText *> LatencyScatterChart::percentileLabels() const
{
    QList<QCPItemText *> labels;
    for (const PercentileMark &mark : m_marks)
        labels.append(mark.label);
    return labels;
}

void LatencyScatterChart::clearData()
{
    for (Scatter &scatter : m_scatter) {
        scatter.graph->data()->clear();
        scatter.graph->removeFromLegend();
        scatter.received = 0;
        scatter.thinned = false;
        scatter.cells.clear();
    }
    hideMarks(m_marks);
    m_scanned = 0;
    m_seen = 0;
    m_inFlight.clear();
    xAxis->setRange(0, 1);
}

void LatencyScatterChart::feed(const ResultStore &store, bool rateModel)
{
    std::array<QList<QCPGraphData>, StatusClassCount> batches;
    const auto take = [&](qint64 index) {
        ++m_seen;
        const Result &result = store.at(index);
        const qint64 latencyUs = rateModel ? result.latencyFromScheduleUs() : result.latencyUs();
        // As in RunStats: unsent requests have no latency, and a stop's abort says nothing of it.
        if (latencyUs < 0 || result.error == ErrorCategory::Cancelled)
            return;
        const StatusClass statusClass = StatusColors::classFor(result.status, result.error);
        batches[size_t(statusClass)].append(QCPGraphData(
            double(result.finishedUs) / 1e6, qMax(double(latencyUs) / 1000.0, MinLatencyMs)));
    };
    // Those in flight last time, then new slots until every completed result has been seen: the
    // engine dispatches in input order, so the slots passed over are only those still in flight.
    qsizetype kept = 0;
    for (qsizetype i = 0; i < m_inFlight.size(); ++i) {
        if (store.isDone(m_inFlight.at(i)))
            take(m_inFlight.at(i));
        else
            m_inFlight[kept++] = m_inFlight.at(i);
    }
    m_inFlight.resize(kept);
    const qint64 completed = store.completedCount();
    for (; m_seen < completed && m_scanned < store.size(); ++m_scanned) {
        if (store.isDone(m_scanned))
            take(m_scanned);
        else
            m_inFlight.append(m_scanned);
    }

    bool legendChanged = false;
    for (int c = 0; c < StatusClassCount; ++c) {
        QList<QCPGraphData> &batch = batches[size_t(c)];
        if (batch.isEmpty())
            continue;
        // Input order is not finish order: sort the batch so it can be appended as sorted
        // (QCPDataContainer then merges only the tail it overlaps).
        std::sort(batch.begin(), batch.end(), qcpLessThanSortKey<QCPGraphData>);
        Scatter &scatter = m_scatter[size_t(c)];
        legendChanged = legendChanged || scatter.received == 0;
        addPoints(scatter, batch);
    }
    if (legendChanged)
        updateLegend();
}

void LatencyScatterChart::updateLegend()
{
    // Legend entries in class order, only for classes that have points.
    legend->clearItems();
    for (const Scatter &scatter : m_scatter) {
        if (scatter.received > 0)
            scatter.graph->addToLegend();
    }
}

void LatencyScatterChart::addPoints(Scatter &scatter, QList<QCPGraphData> &points)
{
    scatter.received += points.size();
    const double lastSeconds = points.constLast().key;
    if (!scatter.thinned) {
        scatter.graph->data()->add(points, true);
        if (scatter.graph->data()->size() > m_thinningThreshold)
            thin(scatter, lastSeconds);
        return;
    }
    // The grid's columns span the run so far; a longer run widens them and thins again.
    if (lastSeconds >= scatter.cellSeconds * ScatterColumns)
        thin(scatter, lastSeconds);
    QList<QCPGraphData> kept;
    for (const QCPGraphData &point : std::as_const(points)) {
        const quint64 cell = cellOf(scatter, point.key, point.value);
        if (!scatter.cells.contains(cell)) {
            scatter.cells.insert(cell);
            kept.append(point);
        }
    }
    scatter.graph->data()->add(kept, true);
}

void LatencyScatterChart::thin(Scatter &scatter, double maxSeconds)
{
    scatter.thinned = true;
    // Powers of two, so a wider grid's cells are whole unions of the narrower grid's.
    double cellSeconds = 1.0 / 1024;
    while (maxSeconds >= cellSeconds * ScatterColumns)
        cellSeconds *= 2;
    scatter.cellSeconds = cellSeconds;
    scatter.cells.clear();
    QList<QCPGraphData> kept;
    const QSharedPointer<QCPGraphDataContainer> data = scatter.graph->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        const quint64 cell = cellOf(scatter, it->key, it->value);
        if (!scatter.cells.contains(cell)) {
            scatter.cells.insert(cell);
            kept.append(*it);
        }
    }
    data->set(kept, true);
}

quint64 LatencyScatterChart::cellOf(const Scatter &scatter, double seconds, double ms) const
{
    const auto column = quint64(qMax(0.0, seconds / scatter.cellSeconds));
    // Rows of equal height on the log axis; the offset keeps latencies down to 1 µs positive.
    const auto row = quint64(qMax(0.0, std::floor(std::log10(ms) * ScatterRowsPerDecade) + 1000));
    return (column << 20) | row;
}

void LatencyScatterChart::updateStats(const RunStats &stats)
{
    const Histogram &latency = stats.latency();
    const double seconds = qMax(1.0, double(stats.lastFinishedUs()) / 1e6);
    xAxis->setRange(0, seconds * 1.02);
    if (latency.count() == 0)
        return;
    // Exact min and max from the statistics: scanning the points for them would be O(n). The axis
    // fits them, with 1-2-5 ticks, instead of squeezing the data into a decade's bottom.
    const double low = qMax(double(latency.min()) / 1000.0, MinLatencyMs);
    const double high = qMax(double(latency.max()) / 1000.0, low);
    const auto [lower, upper] = LatencyBins::fittedLogRange(low, high);
    yAxis->setRange(lower, upper);
    for (const PercentileMark &mark : std::as_const(m_marks)) {
        const double us = latency.quantile(mark.quantile);
        const double ms = qMax(us / 1000.0, MinLatencyMs);
        mark.line->point1->setCoords(0, ms);
        mark.line->point2->setCoords(1, ms);
        mark.label->setText(
            tr("%1 %2").arg(quantileName(mark.quantile), SummaryStrip::formatLatencyUs(us)));
        mark.line->setVisible(true);
        mark.label->setVisible(true);
    }
}

void LatencyScatterChart::applyColours(const QPalette &palette)
{
    const qreal markerSize = qMax(3.0, fontMetrics().height() / 5.0);
    for (int c = 0; c < StatusClassCount; ++c) {
        const QColor colour = StatusColors::forClass(StatusClass(c), palette);
        QCPGraph *graph = m_scatter[size_t(c)].graph;
        graph->setPen(QPen(colour));
        // A pixmap marker draws several times faster than a vector one (measured: 100k points,
        // 23 ms against 230 ms for a 3 px disc), and looks the same at this size.
        graph->setScatterStyle(
            QCPScatterStyle(markerPixmap(colour, markerSize, devicePixelRatioF())));
    }
    colourMarks(m_marks, palette);
}
