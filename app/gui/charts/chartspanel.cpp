// A run's live charts: latency scatter and histogram, throughput, status codes; PNG/PDF export.
#include "gui/charts/chartspanel.h"

#include "core/engine/runcontroller.h"
#include "core/stats/runstats.h"
#include "gui/run/summarystrip.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QImage>
#include <QLocale>
#include <QPdfWriter>

#include "gui/charts/qcustomplot.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr double Gamma = (1.0 + Histogram::RelativeAccuracy) / (1.0 - Histogram::RelativeAccuracy);
constexpr int MinReplotGapMs = 33; // ~30 Hz
constexpr int ReplotBudgetFactor = 3; // replot at most a third of the time
constexpr double MinLatencyMs = 0.001; // a log axis cannot show 0; 1 µs is the histogram's floor
constexpr QSize ExportSize(1400, 900); // logical pixels: four 700 × ~430 plots under a header

/// Upper edge of histogram bucket i in milliseconds: bucket i holds (gamma^(i-1), gamma^i] µs.
double bucketEdgeMs(int bucket)
{
    return std::pow(Gamma, bucket) / 1000.0;
}

/// Where the scatter's n-th percentile label ends, as a share of the plot's width: the labels
/// step leftwards, so that close percentiles do not cover each other.
double labelX(qsizetype n)
{
    return 0.995 - 0.15 * double(n);
}

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

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

void moveLegendToHeader(QCustomPlot *plot)
{
    plot->axisRect()->insetLayout()->take(plot->legend);
    auto *header = qobject_cast<QCPLayoutGrid *>(plot->plotLayout()->element(0, 0));
    header->addElement(0, 1, plot->legend);
    header->setColumnStretchFactor(0, 1);
    header->setColumnStretchFactor(1, 0.001);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setVisible(true);
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

QString quantileName(double quantile)
{
    return ChartsPanel::tr("p%1").arg(QLocale().toString(quantile * 100, 'g', 4));
}

} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
{
    setUpLatencyPlot();
    setUpHistogramPlot();
    setUpThroughputPlot();
    setUpStatusPlot();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_latencyPlot, 0, 0);
    layout->addWidget(m_histogramPlot, 0, 1);
    layout->addWidget(m_throughputPlot, 1, 0);
    layout->addWidget(m_statusPlot, 1, 1);

    m_replotTimer.setSingleShot(true);
    connect(&m_replotTimer, &QTimer::timeout, this, &ChartsPanel::replotNow);
    applyColours();
}

ChartsPanel::~ChartsPanel() = default;

QCustomPlot *ChartsPanel::createPlot(const QString &title)
{
    auto *plot = new QCustomPlot(this);
    const QFontMetrics metrics = fontMetrics();
    plot->setMinimumSize(metrics.averageCharWidth() * 40, metrics.height() * 14);
    plot->setFont(font());
    // A header row: the title on the left, the legend (if any) beside it, outside the data.
    plot->plotLayout()->insertRow(0);
    auto *header = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 0, header);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    QFont titleFont = font();
    titleFont.setBold(true);
    auto *titleElement = new QCPTextElement(plot, title, titleFont);
    titleElement->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    header->addElement(0, 0, titleElement);
    plot->legend->setFont(font());
    const QList<QCPAxis *> axes = plot->axisRect()->axes();
    for (QCPAxis *axis : axes) {
        axis->setTickLabelFont(font());
        axis->setLabelFont(font());
    }
    m_plots.append(plot);
    return plot;
}

void ChartsPanel::setUpLatencyPlot()
{
    m_latencyPlot = createPlot(tr("Latency over time"));
    m_latencyPlot->setObjectName(QStringLiteral("latencyPlot"));
    QCustomPlot *plot = m_latencyPlot;
    plot->xAxis->setLabel(tr("Time since start (s)"));
    plot->yAxis->setLabel(tr("Latency (ms, log scale)"));
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0.1, 100);
    moveLegendToHeader(plot);
    for (int c = 0; c < StatusClassCount; ++c) {
        QCPGraph *graph = new ScatterGraph(plot->xAxis, plot->yAxis);
        graph->setName(StatusColors::label(StatusClass(c)));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->removeFromLegend();
        m_scatter[size_t(c)].graph = graph;
    }
    for (double quantile : {0.50, 0.95, 0.99}) {
        PercentileMark mark {quantile, new QCPItemStraightLine(plot), new QCPItemText(plot)};
        mark.line->point1->setCoords(0, 1);
        mark.line->point2->setCoords(1, 1);
        mark.label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        mark.label->position->setTypeY(QCPItemPosition::ptPlotCoords);
        mark.label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        mark.label->position->setCoords(labelX(m_latencyMarks.size()), 1);
        mark.line->setVisible(false);
        mark.label->setVisible(false);
        m_latencyMarks.append(mark);
    }
}

void ChartsPanel::setUpHistogramPlot()
{
    m_histogramPlot = createPlot(tr("Latency histogram"));
    m_histogramPlot->setObjectName(QStringLiteral("histogramPlot"));
    QCustomPlot *plot = m_histogramPlot;
    plot->xAxis->setLabel(tr("Latency (ms, log scale)"));
    plot->yAxis->setLabel(tr("Requests"));
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    plot->xAxis->setRange(0.1, 100);
    plot->yAxis->setRange(0, 1);
    // Bars are axis-aligned: antialiasing them changes nothing visible and doubles the replot time.
    plot->setNotAntialiasedElements(QCP::aePlottables);
    m_histogramBars = new QCPBars(plot->xAxis, plot->yAxis);
    m_histogramBars->setName(tr("Requests"));
    m_histogramBars->setWidthType(QCPBars::wtAxisRectRatio);
    for (double quantile : {0.50, 0.90, 0.99}) {
        PercentileMark mark {quantile, new QCPItemStraightLine(plot), new QCPItemText(plot)};
        mark.line->point1->setCoords(1, 0);
        mark.line->point2->setCoords(1, 1);
        mark.label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        mark.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        mark.line->setVisible(false);
        mark.label->setVisible(false);
        m_histogramMarks.append(mark);
    }
}

void ChartsPanel::setUpThroughputPlot()
{
    m_throughputPlot = createPlot(tr("Throughput"));
    m_throughputPlot->setObjectName(QStringLiteral("throughputPlot"));
    QCustomPlot *plot = m_throughputPlot;
    plot->xAxis->setLabel(tr("Time since start (s)"));
    plot->yAxis->setLabel(tr("Requests per second"));
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setLabel(tr("In flight"));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1);
    plot->yAxis2->setRange(0, 1);
    moveLegendToHeader(plot);
    plot->setNotAntialiasedElements(QCP::aePlottables); // bars and steps, axis-aligned
    m_okBars = new QCPBars(plot->xAxis, plot->yAxis);
    m_okBars->setName(tr("Succeeded"));
    m_okBars->setWidth(0.8);
    m_errorBars = new QCPBars(plot->xAxis, plot->yAxis);
    m_errorBars->setName(tr("Failed"));
    m_errorBars->setWidth(0.8);
    m_errorBars->moveAbove(m_okBars);
    m_inFlightGraph = new QCPGraph(plot->xAxis, plot->yAxis2);
    m_inFlightGraph->setName(tr("In flight (max)"));
    m_inFlightGraph->setLineStyle(QCPGraph::lsStepLeft);
}

void ChartsPanel::setUpStatusPlot()
{
    m_statusPlot = createPlot(tr("Status codes"));
    m_statusPlot->setObjectName(QStringLiteral("statusPlot"));
    QCustomPlot *plot = m_statusPlot;
    // Horizontal bars: the rows' labels (codes and error names) read left to right.
    plot->xAxis->setLabel(tr("Requests"));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->grid()->setVisible(false);
    plot->setNotAntialiasedElements(QCP::aePlottables); // bars, axis-aligned
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(-0.6, 0.6);
    for (int c = 0; c < StatusClassCount; ++c) {
        auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
        bars->setName(StatusColors::label(StatusClass(c)));
        bars->setWidth(0.7);
        m_statusBars[size_t(c)] = bars;
    }
}

void ChartsPanel::setController(RunController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    clear();
    if (!controller)
        return;
    connect(controller, &RunController::started, this, &ChartsPanel::clear);
    connect(controller, &RunController::progressed, this, &ChartsPanel::refresh);
    connect(controller, &RunController::finished, this, [this] {
        refresh();
        replotNow(); // the final picture without waiting for the frame budget
    });
    refresh();
}

void ChartsPanel::clear()
{
    for (Scatter &scatter : m_scatter) {
        scatter.graph->data()->clear();
        scatter.graph->removeFromLegend();
        scatter.received = 0;
        scatter.thinned = false;
        scatter.cells.clear();
    }
    for (const PercentileMark &mark : std::as_const(m_latencyMarks)) {
        mark.line->setVisible(false);
        mark.label->setVisible(false);
    }
    for (const PercentileMark &mark : std::as_const(m_histogramMarks)) {
        mark.line->setVisible(false);
        mark.label->setVisible(false);
    }
    m_histogramBars->data()->clear();
    m_okBars->data()->clear();
    m_errorBars->data()->clear();
    m_inFlightGraph->data()->clear();
    for (QCPBars *bars : m_statusBars)
        bars->data()->clear();
    for (QCPItemText *label : std::as_const(m_statusCountLabels))
        label->setVisible(false);
    m_statusLabels.clear();
    qSharedPointerCast<QCPAxisTickerText>(m_statusPlot->yAxis->ticker())->clear();
    m_scanned = 0;
    m_seen = 0;
    m_inFlight.clear();
    m_secondsShown = 0;
    m_maxPerSecond = 0;
    m_maxInFlight = 0;
    m_latencyPlot->xAxis->setRange(0, 1);
    m_throughputPlot->xAxis->setRange(0, 1);
    scheduleReplot();
}

void ChartsPanel::refresh()
{
    if (!m_controller || !m_controller->run())
        return;
    const ResultStore &store = *m_controller->results();
    feedScatter(store, m_controller->run()->options().rate > 0);
    const RunStats stats = m_controller->statsSnapshot();
    updateLatencyPlot(stats);
    updateHistogram(stats);
    updateThroughput(stats);
    updateStatusBreakdown(stats);
    scheduleReplot();
}

QCPGraph *ChartsPanel::scatterGraph(StatusClass statusClass) const
{
    return m_scatter[size_t(statusClass)].graph;
}

qint64 ChartsPanel::scatterPointsReceived(StatusClass statusClass) const
{
    return m_scatter[size_t(statusClass)].received;
}

bool ChartsPanel::isScatterThinned(StatusClass statusClass) const
{
    return m_scatter[size_t(statusClass)].thinned;
}

QCPBars *ChartsPanel::statusBars(StatusClass statusClass) const
{
    return m_statusBars[size_t(statusClass)];
}

void ChartsPanel::feedScatter(const ResultStore &store, bool rateModel)
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
        addScatterPoints(scatter, batch);
    }
    if (legendChanged) {
        // Legend entries in class order, only for classes that have points.
        m_latencyPlot->legend->clearItems();
        for (const Scatter &scatter : m_scatter) {
            if (scatter.received > 0)
                scatter.graph->addToLegend();
        }
    }
}

void ChartsPanel::addScatterPoints(Scatter &scatter, QList<QCPGraphData> &points)
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

void ChartsPanel::thin(Scatter &scatter, double maxSeconds)
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

quint64 ChartsPanel::cellOf(const Scatter &scatter, double seconds, double ms) const
{
    const auto column = quint64(qMax(0.0, seconds / scatter.cellSeconds));
    // Rows of equal height on the log axis; the offset keeps latencies down to 1 µs positive.
    const auto row = quint64(qMax(0.0, std::floor(std::log10(ms) * ScatterRowsPerDecade) + 1000));
    return (column << 20) | row;
}

void ChartsPanel::updateLatencyPlot(const RunStats &stats)
{
    const Histogram &latency = stats.latency();
    const double seconds = qMax(1.0, double(stats.lastFinishedUs()) / 1e6);
    m_latencyPlot->xAxis->setRange(0, seconds * 1.02);
    if (latency.count() == 0)
        return;
    // Exact min and max from the statistics: scanning the points for them would be O(n).
    const double low = qMax(double(latency.min()) / 1000.0, MinLatencyMs);
    const double high = qMax(double(latency.max()) / 1000.0, low * 10);
    m_latencyPlot->yAxis->setRange(low / 1.5, high * 1.5);
    int row = 0;
    for (const PercentileMark &mark : std::as_const(m_latencyMarks)) {
        const double us = latency.quantile(mark.quantile);
        const double ms = qMax(us / 1000.0, MinLatencyMs);
        mark.line->point1->setCoords(0, ms);
        mark.line->point2->setCoords(1, ms);
        mark.label->position->setCoords(labelX(row++), ms);
        mark.label->setText(
            tr("%1 %2").arg(quantileName(mark.quantile), SummaryStrip::formatLatencyUs(us)));
        mark.line->setVisible(true);
        mark.label->setVisible(true);
    }
}

void ChartsPanel::updateHistogram(const RunStats &stats)
{
    const Histogram &latency = stats.latency();
    const auto [first, last] = usedBuckets(latency);
    if (first < 0) {
        m_histogramBars->data()->clear();
        return;
    }
    const QList<Bin> bins = latencyBins(latency, first, last, HistogramMaxBins);
    QList<QCPBarsData> data;
    data.reserve(bins.size());
    qint64 highest = 1;
    for (const Bin &bin : bins) {
        // Geometric centre: the middle of the bin on the log axis.
        data.append(QCPBarsData(std::sqrt(bin.lowerMs * bin.upperMs), double(bin.count)));
        highest = qMax(highest, bin.count);
    }
    m_histogramBars->data()->set(data, true);

    // At least a decade across, so a narrow distribution does not fill the plot with one bar.
    double lower = bins.constFirst().lowerMs / 1.3;
    double upper = bins.constLast().upperMs * 1.3;
    if (upper / lower < 10) {
        const double widen = std::sqrt(10 / (upper / lower));
        lower /= widen;
        upper *= widen;
    }
    m_histogramPlot->xAxis->setRange(lower, upper);
    m_histogramPlot->yAxis->setRange(0, double(highest) * 1.15);
    // Bars as wide as their bins: on a log axis every bin has the same share of the width.
    const double binShare
        = std::log(bins.constFirst().upperMs / bins.constFirst().lowerMs) / std::log(upper / lower);
    m_histogramBars->setWidth(binShare * 0.9);

    int row = 0;
    for (const PercentileMark &mark : std::as_const(m_histogramMarks)) {
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

void ChartsPanel::updateThroughput(const RunStats &stats)
{
    const QList<SecondSample> &seconds = stats.perSecond();
    // Only the last seconds still change (results land in the second they finish in).
    const qint64 from = qMax<qint64>(0, m_secondsShown - 2);
    const double end = std::numeric_limits<double>::max();
    m_okBars->data()->remove(double(from), end);
    m_errorBars->data()->remove(double(from), end);
    m_inFlightGraph->data()->remove(double(from), end);
    QList<QCPBarsData> ok;
    QList<QCPBarsData> errors;
    QList<QCPGraphData> inFlight;
    for (qint64 s = from; s < seconds.size(); ++s) {
        const SecondSample &sample = seconds.at(s);
        const double key = double(s) + 0.5; // the bar covers [s, s + 1)
        ok.append(QCPBarsData(key, double(sample.completed - sample.errors)));
        errors.append(QCPBarsData(key, double(sample.errors)));
        inFlight.append(QCPGraphData(double(s), sample.maxInFlight));
        m_maxPerSecond = qMax(m_maxPerSecond, double(sample.completed));
        m_maxInFlight = qMax(m_maxInFlight, sample.maxInFlight);
    }
    if (!seconds.isEmpty()) // the last step needs an end
        inFlight.append(QCPGraphData(double(seconds.size()), seconds.constLast().maxInFlight));
    m_okBars->data()->add(ok, true);
    m_errorBars->data()->add(errors, true);
    m_inFlightGraph->data()->add(inFlight, true);
    m_secondsShown = seconds.size();
    m_throughputPlot->xAxis->setRange(0, qMax<double>(1, double(seconds.size())));
    m_throughputPlot->yAxis->setRange(0, qMax(1.0, m_maxPerSecond * 1.1));
    m_throughputPlot->yAxis2->setRange(0, qMax(1.0, m_maxInFlight * 1.1));
}

void ChartsPanel::updateStatusBreakdown(const RunStats &stats)
{
    struct Row
    {
        QString label;
        qint64 count;
        StatusClass statusClass;
    };
    QList<Row> rows;
    const QMap<int, qint64> &codes = stats.statusCodes();
    for (auto it = codes.cbegin(); it != codes.cend(); ++it)
        rows.append({QString::number(it.key()), it.value(),
            StatusColors::classFor(it.key(), ErrorCategory::None)});
    for (int category = 1; category < ErrorCategoryCount; ++category) {
        if (const qint64 count = stats.errorCount(ErrorCategory(category)))
            rows.append(
                {errorCategoryName(ErrorCategory(category)), count, StatusClass::TransportError});
    }

    std::array<QList<QCPBarsData>, StatusClassCount> data;
    QStringList labels;
    qint64 highest = 1;
    const QLocale locale;
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        data[size_t(row.statusClass)].append(QCPBarsData(i, double(row.count)));
        labels.append(row.label);
        highest = qMax(highest, row.count);
        if (i == m_statusCountLabels.size()) {
            auto *label = new QCPItemText(m_statusPlot);
            label->position->setAxes(m_statusPlot->xAxis, m_statusPlot->yAxis);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setColor(palette().color(QPalette::Text));
            m_statusCountLabels.append(label);
        }
        QCPItemText *countLabel = m_statusCountLabels.at(i);
        countLabel->position->setCoords(double(row.count), i);
        countLabel->setText(QLatin1Char(' ') + locale.toString(row.count));
        countLabel->setVisible(true);
    }
    for (qsizetype i = rows.size(); i < m_statusCountLabels.size(); ++i)
        m_statusCountLabels.at(i)->setVisible(false);
    for (int c = 0; c < StatusClassCount; ++c)
        m_statusBars[size_t(c)]->data()->set(data[size_t(c)], true);
    if (labels != m_statusLabels) {
        m_statusLabels = labels;
        auto ticker = qSharedPointerCast<QCPAxisTickerText>(m_statusPlot->yAxis->ticker());
        ticker->clear();
        for (int i = 0; i < labels.size(); ++i)
            ticker->addTick(i, labels.at(i));
    }
    // Room on the right for the count labels.
    m_statusPlot->xAxis->setRange(0, double(highest) * 1.25);
    m_statusPlot->yAxis->setRange(-0.6, qMax<double>(0.6, rows.size() - 0.4));
}

std::pair<int, int> ChartsPanel::usedBuckets(const Histogram &histogram)
{
    if (histogram.count() == 0)
        return {-1, -1};
    // The exact min and max say where the non-empty buckets begin and end.
    return {Histogram::bucketFor(histogram.min()), Histogram::bucketFor(histogram.max())};
}

QList<ChartsPanel::Bin> ChartsPanel::latencyBins(
    const Histogram &histogram, int firstBucket, int lastBucket, int maxBins)
{
    QList<Bin> bins;
    if (firstBucket < 0 || lastBucket < firstBucket || maxBins < 1)
        return bins;
    const int buckets = lastBucket - firstBucket + 1;
    const int group = (buckets + maxBins - 1) / maxBins;
    for (int start = firstBucket; start <= lastBucket; start += group) {
        // Every bin spans `group` buckets, the last one included, so all bins are equally wide.
        const int end = start + group - 1;
        Bin bin {bucketEdgeMs(start - 1), bucketEdgeMs(end), 0};
        for (int b = start; b <= qMin(end, lastBucket); ++b)
            bin.count += histogram.bucketCountAt(b);
        bins.append(bin);
    }
    return bins;
}

void ChartsPanel::applyPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor windowText = palette.color(QPalette::WindowText);
    const QColor base = palette.color(QPalette::Base);
    const QColor grid = mix(base, palette.color(QPalette::Text), 0.15);
    plot->setBackground(palette.brush(QPalette::Window));
    const QList<QCPAxisRect *> rects = plot->axisRects();
    for (QCPAxisRect *rect : rects) {
        rect->setBackground(palette.brush(QPalette::Base));
        const QList<QCPAxis *> axes = rect->axes();
        for (QCPAxis *axis : axes) {
            axis->setBasePen(QPen(windowText, 1));
            axis->setTickPen(QPen(windowText, 1));
            axis->setSubTickPen(QPen(windowText, 1));
            axis->setTickLabelColor(windowText);
            axis->setLabelColor(windowText);
            axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
            axis->grid()->setSubGridPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
        }
    }
    plot->legend->setBrush(palette.brush(QPalette::Window));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setTextColor(windowText);
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        auto *header = qobject_cast<QCPLayoutGrid *>(plot->plotLayout()->elementAt(i));
        if (!header)
            continue;
        for (int j = 0; j < header->elementCount(); ++j) {
            if (auto *title = qobject_cast<QCPTextElement *>(header->elementAt(j)))
                title->setTextColor(windowText);
        }
    }
}

void ChartsPanel::applyColours()
{
    const QPalette palette = this->palette();
    for (QCustomPlot *plot : std::as_const(m_plots))
        applyPalette(plot, palette);
    const QColor text = palette.color(QPalette::Text);
    const qreal markerSize = qMax(3.0, fontMetrics().height() / 5.0);
    for (int c = 0; c < StatusClassCount; ++c) {
        const QColor colour = StatusColors::forClass(StatusClass(c), palette);
        QCPGraph *graph = m_scatter[size_t(c)].graph;
        graph->setPen(QPen(colour));
        // A pixmap marker draws several times faster than a vector one (measured: 100k points,
        // 23 ms against 230 ms for a 3 px disc), and looks the same at this size.
        graph->setScatterStyle(
            QCPScatterStyle(markerPixmap(colour, markerSize, devicePixelRatioF())));
        QColor fill = colour;
        fill.setAlphaF(0.8f);
        m_statusBars[size_t(c)]->setPen(QPen(colour));
        m_statusBars[size_t(c)]->setBrush(fill);
    }
    const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DashDotLine, Qt::DotLine};
    for (QList<PercentileMark> *marks : {&m_latencyMarks, &m_histogramMarks}) {
        for (int i = 0; i < marks->size(); ++i) {
            const PercentileMark &mark = marks->at(i);
            mark.line->setPen(QPen(text, 1.5, styles[i % 3]));
            mark.label->setColor(text);
            QColor backdrop = palette.color(QPalette::Base);
            backdrop.setAlphaF(0.75f);
            mark.label->setBrush(backdrop); // readable over the points
            mark.label->setPadding(QMargins(2, 1, 2, 1));
        }
    }
    QColor histogramColour = palette.color(QPalette::Highlight);
    m_histogramBars->setPen(QPen(histogramColour));
    histogramColour.setAlphaF(0.7f);
    m_histogramBars->setBrush(histogramColour);
    const QColor okColour = StatusColors::forClass(StatusClass::Success, palette);
    const QColor errorColour = StatusColors::forClass(StatusClass::ServerError, palette);
    m_okBars->setPen(QPen(okColour));
    m_okBars->setBrush(okColour);
    m_errorBars->setPen(QPen(errorColour));
    m_errorBars->setBrush(errorColour);
    m_inFlightGraph->setPen(QPen(text, 2));
    for (QCPItemText *label : std::as_const(m_statusCountLabels))
        label->setColor(text);
}

void ChartsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        scheduleReplot();
    }
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_replotPending)
        replotNow();
}

void ChartsPanel::scheduleReplot()
{
    // Hidden (another tab): keep the data current, draw when shown.
    if (!isVisible()) {
        m_replotPending = true;
        return;
    }
    double lastCostMs = 0;
    for (QCustomPlot *plot : std::as_const(m_plots))
        lastCostMs += plot->replotTime();
    const int gapMs = qMax(MinReplotGapMs, int(lastCostMs * ReplotBudgetFactor));
    const qint64 sinceMs = m_sinceReplot.isValid() ? m_sinceReplot.elapsed() : gapMs;
    if (sinceMs >= gapMs)
        replotNow();
    else if (!m_replotTimer.isActive())
        m_replotTimer.start(int(gapMs - sinceMs));
}

void ChartsPanel::replotNow()
{
    m_replotTimer.stop();
    m_replotPending = false;
    m_sinceReplot.start();
    for (QCustomPlot *plot : std::as_const(m_plots))
        plot->replot(QCustomPlot::rpQueuedReplot);
}

QString ChartsPanel::summaryLine() const
{
    if (!m_controller || !m_controller->run())
        return tr("No run");
    const RunStats stats = m_controller->statsSnapshot();
    const QLocale locale;
    const Histogram &latency = stats.latency();
    return tr("Requests: %1 · failed: %2 · p50 %3 · p95 %4 · p99 %5 · %6 req/s · %7")
        .arg(locale.toString(stats.completed()), locale.toString(stats.failed()),
            SummaryStrip::formatLatencyUs(latency.quantile(0.50)),
            SummaryStrip::formatLatencyUs(latency.quantile(0.95)),
            SummaryStrip::formatLatencyUs(latency.quantile(0.99)),
            locale.toString(
                SummaryStrip::ratePerSecond(stats.completed(), m_controller->elapsedUs()), 'f', 0),
            locale.toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
}

void ChartsPanel::paintExport(QCPPainter *painter, const QSize &size)
{
    painter->fillRect(QRect(QPoint(0, 0), size), palette().brush(QPalette::Window));
    const int headerHeight = fontMetrics().height() * 2;
    painter->setPen(palette().color(QPalette::WindowText));
    painter->setFont(font());
    painter->drawText(QRect(fontMetrics().averageCharWidth(), 0, size.width(), headerHeight),
        Qt::AlignLeft | Qt::AlignVCenter, summaryLine());
    const int cellWidth = size.width() / 2;
    const int cellHeight = (size.height() - headerHeight) / 2;
    const int padding = fontMetrics().averageCharWidth();
    QCustomPlot *const grid[2][2]
        = {{m_latencyPlot, m_histogramPlot}, {m_throughputPlot, m_statusPlot}};
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 2; ++column) {
            painter->save();
            painter->translate(column * cellWidth + padding, headerHeight + row * cellHeight);
            grid[row][column]->toPainter(painter, cellWidth - 2 * padding, cellHeight - padding);
            painter->restore();
        }
    }
    // toPainter() laid the plots out for the export size; lay them out for the screen again.
    replotNow();
}

bool ChartsPanel::exportPng(const QString &path, QString *error)
{
    constexpr qreal Scale = 2; // sharp on high-DPI screens and in documents
    QImage image(ExportSize * Scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(Scale);
    {
        QCPPainter painter(&image);
        painter.setMode(QCPPainter::pmNonCosmetic);
        paintExport(&painter, ExportSize);
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool ChartsPanel::exportPdf(const QString &path, QString *error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    writer.setResolution(96); // one export pixel per 1/96 inch, as on a standard screen
    writer.setCreator(tr("Rafaga"));
    writer.setTitle(tr("Rafaga run charts"));
    QCPPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("Could not write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNonCosmetic);
    // The export layout's width, and a height that fills the page.
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const double scale = double(page.width()) / ExportSize.width();
    painter.scale(scale, scale);
    paintExport(&painter, QSize(ExportSize.width(), int(page.height() / scale)));
    if (!painter.end()) {
        if (error)
            *error = tr("Could not write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}
