// One compact row over a run: done/total with a progress bar, req/s, percentiles, errors, what a
// flow skipped or holds back, elapsed.
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class RunController;
class RunStats;

/// Follows a RunController (updated on its progressed() batches) or shows given numbers.
class SummaryStrip : public QWidget
{
    Q_OBJECT
public:
    explicit SummaryStrip(QWidget *parent = nullptr);

    /// Follows the controller's runs; clears on started().
    void setController(RunController *controller);
    /// Reads the controller's statistics snapshot and elapsed time.
    void refresh();
    /// Shows a run's numbers: stats so far, the run's size, the time since its start, and how
    /// many requests wait for an earlier request's capture.
    void showStats(const RunStats &stats, qint64 total, qint64 elapsedUs, qint64 waiting = 0);
    void clear();

    // The texts shown, for tests and accessibility.
    QString doneText() const;
    QString rateText() const;
    QString percentilesText() const;
    QString errorsText() const;
    /// "2 skipped · 5 waiting"; empty (and hidden) when a run has neither.
    QString unsentText() const;
    QString elapsedText() const;
    QProgressBar *progressBar() const { return m_progress; }

    /// "850 µs", "5.12 ms", "48.3 ms", "1.25 s": three significant digits or so, translated.
    static QString formatLatencyUs(double us);
    /// "0:07.4", "12:03.0", "1:02:03": minutes and seconds, hours when needed.
    static QString formatElapsedUs(qint64 us);
    /// Requests per second over a duration; 0 when the duration is not positive.
    static double ratePerSecond(qint64 count, qint64 durationUs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void colourErrors();

    QPointer<RunController> m_controller;
    QLabel *m_done = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_percentiles = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_unsent = nullptr;
    QLabel *m_elapsed = nullptr;
    qint64 m_errorCount = 0;
};
