// Runs a Run in a worker thread and reports its progress to the thread that owns the controller
// (the GUI's) in batches, about 30 times a second, never per result.
#pragma once

#include "core/engine/run.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

/// Owns the worker thread and the run living in it. Readers in the owner's thread use results()
/// (lock-free, only completed slots) and statsSnapshot() (a copy) when progressed() says so.
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

    bool isActive() const;
    Run::State state() const { return m_state; }
    /// The current (or last) run; null before the first start.
    const Run *run() const { return m_run; }
    std::shared_ptr<const RequestSource> requests() const { return m_requests; }
    const ResultStore *results() const { return m_run ? &m_run->results() : nullptr; }
    RunStats statsSnapshot() const;
    qint64 elapsedUs() const { return m_run ? m_run->elapsedUs() : 0; }
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
    std::shared_ptr<const RequestSource> m_requests;
    QTimer m_timer;
    qint64 m_reported = 0;
    Run::State m_state = Run::State::Idle;
};
