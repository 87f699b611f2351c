// A run's live charts: latency scatter and histogram, throughput, status codes; PNG/PDF export.
#pragma once

#include "gui/run/statuscolors.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class ChartPlot;
class LatencyHistogramChart;
class LatencyScatterChart;
class QCPBars;
class QCPGraph;
class QCPPainter;
class QCustomPlot;
class RunController;
class StatusCodeChart;
class ThroughputChart;

/// Four charts fed by a RunController in batches (on progressed(), never per result). Each refresh
/// reads only the results new since the last one and one statistics snapshot; the plots are
/// replotted at most ~30 times a second, less often when replotting is slow. How the scatter reads
/// results and thins its points is in latencyscatterchart.h.
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DefaultScatterThinningThreshold = 10000;
    static constexpr int ScatterColumns = 300;
    static constexpr int ScatterRowsPerDecade = 30;
    /// At most this many bars in the latency histogram; neighbouring buckets are merged.
    static constexpr int HistogramMaxBins = 60;

    explicit ChartsPanel(QWidget *parent = nullptr);
    ~ChartsPanel() override;

    /// Follows the controller's runs: clears on started(), reads on progressed() and finished().
    void setController(RunController *controller);
    /// Empties every chart.
    void clear();
    /// Reads what is new in the controller's results and statistics, then schedules a replot.
    void refresh();

    /// All four charts in one picture (2 × 2 under a one-line summary), at twice the pixel size of
    /// the export layout, in the current palette. False and *error on failure.
    bool exportPng(const QString &path, QString *error = nullptr);
    /// The same layout as vector graphics on an A4 landscape page.
    bool exportPdf(const QString &path, QString *error = nullptr);

    /// Points per status class before thinning; set it before a run (tests use a small one).
    void setScatterThinningThreshold(int points);
    int scatterThinningThreshold() const;

    // The plots and their plottables, for the main window's layout and for tests.
    QCustomPlot *latencyPlot() const;
    QCustomPlot *histogramPlot() const;
    QCustomPlot *throughputPlot() const;
    QCustomPlot *statusPlot() const;
    QCPGraph *scatterGraph(StatusClass statusClass) const;
    /// Results of a class handed to the scatter, thinned or not.
    qint64 scatterPointsReceived(StatusClass statusClass) const;
    bool isScatterThinned(StatusClass statusClass) const;
    QCPBars *histogramBars() const;
    /// Per second: results without an error, and with one (stacked on top).
    QCPBars *succeededPerSecondBars() const;
    QCPBars *failedPerSecondBars() const;
    QCPGraph *inFlightGraph() const;
    /// Status-code breakdown, one bar per code or transport error, keyed by row (0 = top).
    QCPBars *statusBars(StatusClass statusClass) const;
    /// The row labels of the breakdown: "200", "404", "connection refused", ...
    QStringList statusRowLabels() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void applyColours();
    void scheduleReplot();
    void replotNow();
    /// Paints the export layout (summary line and the four plots) into a rect of that size.
    void paintExport(QCPPainter *painter, const QSize &size);
    QString summaryLine() const;

    QPointer<RunController> m_controller;
    LatencyScatterChart *m_latencyPlot = nullptr;
    LatencyHistogramChart *m_histogramPlot = nullptr;
    ThroughputChart *m_throughputPlot = nullptr;
    StatusCodeChart *m_statusPlot = nullptr;
    QList<ChartPlot *> m_plots;

    QElapsedTimer m_sinceReplot;
    QTimer m_replotTimer; ///< a replot deferred to keep under the frame budget
    bool m_replotPending = false; ///< data changed while hidden
};
