// Throughput: requests finished per second (succeeded and failed, stacked) and the most in flight.
#pragma once

#include "gui/charts/chartplot.h"

class RunStats;

class ThroughputChart : public ChartPlot
{
    Q_OBJECT
public:
    explicit ThroughputChart(QWidget *parent = nullptr);

    void updateStats(const RunStats &stats);
    void clearData() override;
    void applyColours(const QPalette &palette) override;

    /// Per second: results without an error, and with one (stacked on top).
    QCPBars *succeededBars() const { return m_okBars; }
    QCPBars *failedBars() const { return m_errorBars; }
    QCPGraph *inFlightGraph() const { return m_inFlightGraph; }
    /// The last second had not fully passed at the last completion, and is shaded as partial.
    bool isLastSecondMarkedPartial() const;

private:
    void markPartialSecond(const RunStats &stats);

    QCPBars *m_okBars = nullptr;
    QCPBars *m_errorBars = nullptr;
    QCPGraph *m_inFlightGraph = nullptr;
    QCPItemRect *m_partialShade = nullptr;
    QCPItemText *m_partialLabel = nullptr;
    qint64 m_secondsShown = 0; ///< seconds of the per-second series shown
    double m_maxPerSecond = 0;
    int m_maxInFlight = 0;
};
