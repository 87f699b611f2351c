// The status-code breakdown: one horizontal bar per status code or transport error, with counts.
#pragma once

#include "gui/charts/chartplot.h"
#include "gui/run/statuscolors.h"

#include <array>

class RunStats;

class StatusCodeChart : public ChartPlot
{
    Q_OBJECT
public:
    explicit StatusCodeChart(QWidget *parent = nullptr);

    void updateStats(const RunStats &stats);
    void clearData() override;
    void applyColours(const QPalette &palette) override;

    /// Bars of one status class, keyed by row (0 = top).
    QCPBars *bars(StatusClass statusClass) const { return m_bars[size_t(statusClass)]; }
    /// The row labels: "200", "404", "connection refused", ...
    QStringList rowLabels() const { return m_labels; }

private:
    struct Row
    {
        QString label;
        qint64 count = 0;
        StatusClass statusClass = StatusClass::Success;
    };
    static QList<Row> rowsOf(const RunStats &stats);
    void setCountLabel(int row, qint64 count);

    std::array<QCPBars *, StatusClassCount> m_bars {};
    QStringList m_labels;
    QList<QCPItemText *> m_countLabels;
};
