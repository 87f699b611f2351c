// A run's live charts: latency scatter and histogram, throughput, status codes; PNG/PDF export.
#pragma once

#include "gui/run/statuscolors.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <array>

class Histogram;
class QCPBars;
class QCPGraph;
class QCPGraphData;
class QCPItemStraightLine;
class QCPItemText;
class QCPPainter;
class QCustomPlot;
class ResultStore;
class RunController;
class RunStats;

/// Four QCustomPlot charts fed by a RunController in batches (on progressed(), never per result).
/// Each refresh reads only the results new since the last one and one statistics snapshot; the
/// plots are replotted at most ~30 times a second, less often when replotting is slow.
///
/// The scatter reads each result once, in completion batches rather than input order: a refresh
/// scans forward from where the last one stopped until it has seen as many results as the store
/// has completed, noting the slots still in flight, and looks at those again next time (they are
/// at most the concurrency plus requests waiting to retry). So a slow request at the head of the
/// run does not hold the rest back, as the ordered prefix would. Each batch is sorted by finish
/// time before it is appended. Requests a stop cancelled are left out, as in the histogram. Above
/// scatterThinningThreshold() points a status class keeps one point per cell of a grid
/// (ScatterColumns over the run's duration × ScatterRowsPerDecade of log latency): replotting a
/// million points takes seconds, and a cell is smaller than a marker, so what is hidden is
/// overdraw, never an outlier.
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
    void setScatterThinningThreshold(int points) { m_thinningThreshold = points; }
    int scatterThinningThreshold() const { return m_thinningThreshold; }

    // The plots and their plottables, for the main window's layout and for tests.
    QCustomPlot *latencyPlot() const { return m_latencyPlot; }
    QCustomPlot *histogramPlot() const { return m_histogramPlot; }
    QCustomPlot *throughputPlot() const { return m_throughputPlot; }
    QCustomPlot *statusPlot() const { return m_statusPlot; }
    QCPGraph *scatterGraph(StatusClass statusClass) const;
    /// Results of a class handed to the scatter, thinned or not.
    qint64 scatterPointsReceived(StatusClass statusClass) const;
    bool isScatterThinned(StatusClass statusClass) const;
    QCPBars *histogramBars() const { return m_histogramBars; }
    /// Per second: results without an error, and with one (stacked on top).
    QCPBars *succeededPerSecondBars() const { return m_okBars; }
    QCPBars *failedPerSecondBars() const { return m_errorBars; }
    QCPGraph *inFlightGraph() const { return m_inFlightGraph; }
    /// Status-code breakdown, one bar per code or transport error, keyed by row (0 = top).
    QCPBars *statusBars(StatusClass statusClass) const;
    /// The row labels of the breakdown: "200", "404", "connection refused", ...
    QStringList statusRowLabels() const { return m_statusLabels; }

    /// One bar of a latency histogram regrouped for display; edges in milliseconds.
    struct Bin
    {
        double lowerMs = 0;
        double upperMs = 0;
        qint64 count = 0;
    };
    /// Merges buckets [firstBucket, lastBucket] of a histogram into at most maxBins bins of equal
    /// width on a log scale. Empty bins are kept, so two histograms regrouped over the same range
    /// line up bin for bin.
    static QList<Bin> latencyBins(
        const Histogram &histogram, int firstBucket, int lastBucket, int maxBins);
    /// The first and last non-empty bucket; {-1, -1} for an empty histogram.
    static std::pair<int, int> usedBuckets(const Histogram &histogram);
    /// Colours a plot's background, axes, grid, legend and titles after a widget palette.
    static void applyPalette(QCustomPlot *plot, const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Scatter
    {
        QCPGraph *graph = nullptr;
        qint64 received = 0;
        bool thinned = false;
        double cellSeconds = 0; ///< width of a grid column once thinned
        QSet<quint64> cells; ///< grid cells holding a point
    };
    struct PercentileMark
    {
        double quantile;
        QCPItemStraightLine *line = nullptr;
        QCPItemText *label = nullptr;
    };

    QCustomPlot *createPlot(const QString &title);
    void setUpLatencyPlot();
    void setUpHistogramPlot();
    void setUpThroughputPlot();
    void setUpStatusPlot();
    void applyColours();

    void feedScatter(const ResultStore &store, bool rateModel);
    void addScatterPoints(Scatter &scatter, QList<QCPGraphData> &points);
    void thin(Scatter &scatter, double maxSeconds);
    quint64 cellOf(const Scatter &scatter, double seconds, double ms) const;
    void updateLatencyPlot(const RunStats &stats);
    void updateHistogram(const RunStats &stats);
    void updateThroughput(const RunStats &stats);
    void updateStatusBreakdown(const RunStats &stats);

    void scheduleReplot();
    void replotNow();
    /// Paints the export layout (summary line and the four plots) into a rect of that size.
    void paintExport(QCPPainter *painter, const QSize &size);
    QString summaryLine() const;

    QPointer<RunController> m_controller;
    QCustomPlot *m_latencyPlot = nullptr;
    QCustomPlot *m_histogramPlot = nullptr;
    QCustomPlot *m_throughputPlot = nullptr;
    QCustomPlot *m_statusPlot = nullptr;
    QList<QCustomPlot *> m_plots;

    std::array<Scatter, StatusClassCount> m_scatter;
    QList<PercentileMark> m_latencyMarks; ///< horizontal lines on the scatter
    QList<PercentileMark> m_histogramMarks; ///< vertical lines on the histogram
    QCPBars *m_histogramBars = nullptr;
    QCPBars *m_okBars = nullptr;
    QCPBars *m_errorBars = nullptr;
    QCPGraph *m_inFlightGraph = nullptr;
    std::array<QCPBars *, StatusClassCount> m_statusBars {};
    QStringList m_statusLabels;
    QList<QCPItemText *> m_statusCountLabels;

    qint64 m_scanned = 0; ///< slots [0, m_scanned) have been looked at
    qint64 m_seen = 0; ///< completed results taken from them
    QList<qint64> m_inFlight; ///< slots below m_scanned not completed when looked at
    qint64 m_secondsShown = 0; ///< seconds of the per-second series in the throughput chart
    double m_maxPerSecond = 0;
    int m_maxInFlight = 0;
    int m_thinningThreshold = DefaultScatterThinningThreshold;

    QElapsedTimer m_sinceReplot;
    QTimer m_replotTimer; ///< a replot deferred to keep under the frame budget
    bool m_replotPending = false; ///< data changed while hidden
};
