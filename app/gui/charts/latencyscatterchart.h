// Latency over time: one point per result, coloured by status class, with p50/p95/p99 lines.
#pragma once

#include "gui/charts/chartplot.h"
#include "gui/run/statuscolors.h"

#include <QSet>

#include <array>

class ResultStore;
class RunStats;

/// The scatter reads each result once, in completion batches rather than input order: feed()
/// scans forward from where the last call stopped until it has seen as many results as the store
/// has completed, noting the slots still in flight, and looks at those again next time (they are
/// at most the concurrency plus requests waiting to retry). So a slow request at the head of the
/// run does not hold the rest back, as the ordered prefix would. Each batch is sorted by finish
/// time before it is appended. Requests a stop cancelled are left out, as in the histogram. Above
/// thinningThreshold() points a status class keeps one point per cell of a grid (ScatterColumns
/// over the run's duration × ScatterRowsPerDecade of log latency): replotting a million points
/// takes seconds, and a cell is smaller than a marker, so what is hidden is overdraw, never an
/// outlier.
class LatencyScatterChart : public ChartPlot
{
    Q_OBJECT
public:
    static constexpr int DefaultThinningThreshold = 10000;
    static constexpr int ScatterColumns = 300;
    static constexpr int ScatterRowsPerDecade = 30;

    explicit LatencyScatterChart(QWidget *parent = nullptr);

    /// Takes the results completed since the last call; rateModel measures latency from the
    /// scheduled start (a rate-limited run) rather than the actual one.
    void feed(const ResultStore &store, bool rateModel);
    /// Axes and percentile lines after the run's statistics.
    void updateStats(const RunStats &stats);
    void clearData() override;
    void applyColours(const QPalette &palette) override;

    void setThinningThreshold(int points) { m_thinningThreshold = points; }
    int thinningThreshold() const { return m_thinningThreshold; }
    QCPGraph *graph(StatusClass statusClass) const { return at(statusClass).graph; }
    /// Results of a class handed to the scatter, thinned or not.
    qint64 pointsReceived(StatusClass statusClass) const { return at(statusClass).received; }
    bool isThinned(StatusClass statusClass) const { return at(statusClass).thinned; }
    /// The percentile labels, p50 first.
    QList<QCPItemText *> percentileLabels() const;

private:
    struct Scatter
    {
        QCPGraph *graph = nullptr;
        qint64 received = 0;
        bool thinned = false;
        double cellSeconds = 0; ///< width of a grid column once thinned
        QSet<quint64> cells; ///< grid cells holding a point
    };

    const Scatter &at(StatusClass statusClass) const { return m_scatter[size_t(statusClass)]; }
    void addPoints(Scatter &scatter, QList<QCPGraphData> &points);
    void thin(Scatter &scatter, double maxSeconds);
    quint64 cellOf(const Scatter &scatter, double seconds, double ms) const;
    void updateLegend();
    void placeLabels();

    std::array<Scatter, StatusClassCount> m_scatter;
    QList<PercentileMark> m_marks; ///< horizontal lines
    qint64 m_scanned = 0; ///< slots [0, m_scanned) have been looked at
    qint64 m_seen = 0; ///< completed results taken from them
    QList<qint64> m_inFlight; ///< slots below m_scanned not completed when looked at
    int m_thinningThreshold = DefaultThinningThreshold;
};
