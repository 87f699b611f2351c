// Runs a Run in a worker thread and reports its progress to the thread that owns the controller
// (the GUI's) in batches, about 30 times a second, never per result.
#pragma once

#include "core/engine/finishedrun.h"
#include "core/engine/run.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

/// Owns the worker thread and the run living in it. Readers in the owner's thread use results()
/// (lock-free, only completed slots) and statsSnapshot() (a copy) when progressed() says so.
/// The current run may instead be one that ended elsewhere (showFinished()): views follow it
/// through the same signals and accessors, and run() is then null.
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    /// Starts a new run; a previous one must have finished (or be stopped first).
    void start(std::shared_ptr<const RequestSource> requests, const RunOptions &options);
    void pause();
    void resume();
    void stop();
    /// Makes a run that ended elsewhere (a results file read back) the current one, replacing
    /// the last: no thread, no network. Emits started(), progressed(), stateChanged(Finished)
    /// and finished() at once, so every view shows it as it shows a live run that ended. Does
    /// nothing while a run is active.
    void showFinished(FinishedRun run);

    bool isActive() const;
    /// A current run, made here or shown with showFinished().
    bool hasRun() const { return m_run || m_finished; }
    /// Where the current run was read from (showFinished()); empty for a run made here.
    QString origin() const { return m_finished ? m_finished->origin : QString(); }
    Run::State state() const { return m_state; }
    /// The current (or last) run made here; null before the first start and while a run read
    /// back is shown.
    const Run *run() const { return m_run; }
    std::shared_ptr<const RequestSource> requests() const { return m_requests; }
    const ResultStore *results() const;
    RunStats statsSnapshot() const;
    /// Requests of the current run waiting for the captures of earlier ones (Run::waitingCount).
    qint64 waitingCount() const { return m_run ? m_run->waitingCount() : 0; }
    qint64 elapsedUs() const;
    /// The current run's options, size and start (defaults, 0 and invalid without one).
    const RunOptions &options() const;
    qint64 size() const;
    QDateTime startedAt() const;
    /// Results completed when progressed() was last emitted.
    qint64 reportedCount() const { return m_reported; }

    /// How often progress is reported while running, in ms (default 33).
    void setReportInterval(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    void started();
    /// New results since the last report: completed count now, ordered prefix now.
    void progressed(qint64 completed, qint64 ordered);
    void stateChanged(Run::State state);
    /// The run ended (all done, or stopped); a last progressed() came just before.
    void finished();

private:
    void report();
    void onRunStateChanged(Run::State state);

    QThread m_thread;
    void deleteRun();

    Run *m_run = nullptr; ///< lives in m_thread
    std::unique_ptr<const FinishedRun> m_finished; ///< the run shown instead, when not null
    std::shared_ptr<const RequestSource> m_requests;
    QTimer m_timer;
    qint64 m_reported = 0;
    /// Timer ticks without a new result since the last report; at QuietReportsPerReport
    /// (a quarter of a second) progressed() comes anyway.
    int m_quietReports = 0;
    static constexpr int QuietReportsPerReport = 8;
    Run::State m_state = Run::State::Idle;
};
