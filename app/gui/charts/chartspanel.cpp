// A run's live charts: latency scatter and histogram, throughput, status codes; PNG/PDF export.
#include "gui/charts/chartspanel.h"

#include "core/engine/runcontroller.h"
#include "core/stats/runstats.h"
#include "gui/charts/latencyhistogramchart.h"
#include "gui/charts/latencyscatterchart.h"
#include "gui/charts/statuscodechart.h"
#include "gui/charts/throughputchart.h"
#include "gui/run/summarystrip.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QImage>
#include <QLocale>
#include <QPdfWriter>

namespace {
constexpr int MinReplotGapMs = 33; // ~30 Hz
constexpr int ReplotBudgetFactor = 3; // replot at most a third of the time
constexpr QSize ExportSize(1400, 900); // logical pixels: four 700 × ~430 plots under a header
} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_latencyPlot(new LatencyScatterChart(this))
    , m_histogramPlot(new LatencyHistogramChart(this))
    , m_throughputPlot(new ThroughputChart(this))
    , m_statusPlot(new StatusCodeChart(this))
{
    m_plots = {m_latencyPlot, m_histogramPlot, m_throughputPlot, m_statusPlot};
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
    for (ChartPlot *plot : std::as_const(m_plots))
        plot->clearData();
    scheduleReplot();
}

void ChartsPanel::refresh()
{
    if (!m_controller || !m_controller->hasRun())
        return;
    m_latencyPlot->feed(*m_controller->results(), m_controller->options().rate > 0);
    const RunStats stats = m_controller->statsSnapshot();
    m_latencyPlot->updateStats(stats);
    m_histogramPlot->updateStats(stats);
    m_throughputPlot->updateStats(stats);
    m_statusPlot->updateStats(stats);
    scheduleReplot();
}

void ChartsPanel::setScatterThinningThreshold(int points)
{
    m_latencyPlot->setThinningThreshold(points);
}

int ChartsPanel::scatterThinningThreshold() const
{
    return m_latencyPlot->thinningThreshold();
}

QCustomPlot *ChartsPanel::latencyPlot() const
{
    return m_latencyPlot;
}

QCustomPlot *ChartsPanel::histogramPlot() const
{
    return m_histogramPlot;
}

QCustomPlot *ChartsPanel::throughputPlot() const
{
    return m_throughputPlot;
}

QCustomPlot *ChartsPanel::statusPlot() const
{
    return m_statusPlot;
}

QCPGraph *ChartsPanel::scatterGraph(StatusClass statusClass) const
{
    return m_latencyPlot->graph(statusClass);
}

qint64 ChartsPanel::scatterPointsReceived(StatusClass statusClass) const
{
    return m_latencyPlot->pointsReceived(statusClass);
}

bool ChartsPanel::isScatterThinned(StatusClass statusClass) const
{
    return m_latencyPlot->isThinned(statusClass);
}

QCPBars *ChartsPanel::histogramBars() const
{
    return m_histogramPlot->bars();
}

QCPBars *ChartsPanel::succeededPerSecondBars() const
{
    return m_throughputPlot->succeededBars();
}

QCPBars *ChartsPanel::failedPerSecondBars() const
{
    return m_throughputPlot->failedBars();
}

QCPGraph *ChartsPanel::inFlightGraph() const
{
    return m_throughputPlot->inFlightGraph();
}

QCPBars *ChartsPanel::statusBars(StatusClass statusClass) const
{
    return m_statusPlot->bars(statusClass);
}

QStringList ChartsPanel::statusRowLabels() const
{
    return m_statusPlot->rowLabels();
}

void ChartsPanel::applyColours()
{
    const QPalette palette = this->palette();
    for (ChartPlot *plot : std::as_const(m_plots)) {
        ChartPlot::applyPalette(plot, palette);
        plot->applyColours(palette);
    }
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
    if (!m_controller || !m_controller->hasRun())
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
