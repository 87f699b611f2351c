// Two finished runs side by side: overlaid latency histograms and percentiles with differences.
#pragma once

#include "core/model/runoptions.h"
#include "core/stats/runstats.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QTableWidget;

/// Keeps the statistics of the session's last runs (copies of RunStats, never their results) and
/// compares two of them: a baseline (A) and a candidate (B), "before and after a change".
/// Histograms are drawn as shares of each run's requests, so runs of different sizes compare.
/// A difference is coloured better or worse only when it exceeds the histogram's 1% accuracy
/// (latencies, req/s) or is non-zero (errors).
class CompareWidget : public QWidget
{
    Q_OBJECT
public:
    enum Row {
        RequestsRow,
        MinRow,
        P50Row,
        P90Row,
        P95Row,
        P99Row,
        P999Row,
        MaxRow,
        MeanRow,
        RateRow,
        ErrorsRow,
        RowCount
    };
    enum Column { BaselineColumn, CandidateColumn, DifferenceColumn, ChangeColumn, ColumnCount };
    static constexpr int DefaultMaxRuns = 20;

    explicit CompareWidget(QWidget *parent = nullptr);

    /// Keeps a finished run for comparing and selects it as the candidate, with the run before it
    /// as the baseline. durationUs is the run's elapsed time for req/s; -1 uses its last
    /// completion. Beyond maxRuns() the oldest run is forgotten.
    void addRun(const QString &label, const RunStats &stats, const RunOptions &options,
        qint64 durationUs = -1);
    void clearRuns();
    int runCount() const { return int(m_runs.size()); }
    QString runLabel(int index) const { return m_runs.at(index).label; }
    void setMaxRuns(int count);
    int maxRuns() const { return m_maxRuns; }

    /// Compares run `baseline` (A) with run `candidate` (B), by position (0 = oldest kept).
    void setComparedRuns(int baseline, int candidate);
    int baselineRun() const;
    int candidateRun() const;

    /// The table: RowCount rows, ColumnCount columns; each value cell's Qt::UserRole holds the raw
    /// number (µs for latencies, requests per second, counts; the change column in percent).
    QTableWidget *table() const { return m_table; }
    QCustomPlot *plot() const { return m_plot; }
    QCPGraph *histogramGraph(Column run) const;

    /// A row's raw value for a run: what the table shows before formatting.
    static double rowValue(Row row, const RunStats &stats, qint64 durationUs);
    static QString rowName(Row row);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Entry
    {
        QString label;
        RunStats stats;
        RunOptions options;
        qint64 durationUs = 0;
    };

    void createPlot();
    void createTable();
    void fillCombos();
    void updateComparison();
    void updateHistograms(const Entry *baseline, const Entry *candidate);
    void updateTable(const Entry *baseline, const Entry *candidate);
    void applyColours();
    QString formatValue(Row row, double value) const;
    static QString describe(const Entry &entry);

    QList<Entry> m_runs; ///< oldest first
    int m_maxRuns = DefaultMaxRuns;
    QComboBox *m_baseline = nullptr;
    QComboBox *m_candidate = nullptr;
    QLabel *m_details = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_graphs[2] = {};
    QTableWidget *m_table = nullptr;
};
