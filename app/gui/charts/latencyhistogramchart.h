// The latency histogram: the run's latencies in equal-width bins on a log axis, with percentiles.
#pragma once

#include "gui/charts/chartplot.h"

class RunStats;

class LatencyHistogramChart : public ChartPlot
{
    Q_OBJECT
public:
    explicit LatencyHistogramChart(QWidget *parent = nullptr);

    void updateStats(const RunStats &stats);
    void clearData() override;
    void applyColours(const QPalette &palette) override;

    QCPBars *bars() const { return m_bars; }
    /// The percentile labels, p50 first.
    QList<QCPItemText *> percentileLabels() const;

private:
    void placeLabels();

    QCPBars *m_bars = nullptr;
    QList<PercentileMark> m_marks; ///< vertical lines
};
