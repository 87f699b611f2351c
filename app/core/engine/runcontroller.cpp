#include "core/engine/runcontroller.h"

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("rafaga-run"));
    m_thread.start();
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &RunController::report);
}

RunController::~RunController()
{
    deleteRun();
    m_thread.quit();
    m_thread.wait();
}

void RunController::start(std::shared_ptr<const RequestSource> requests, const RunOptions &options)
{
    if (isActive())
        return;
    deleteRun();
    m_requests = std::move(requests);
    m_reported = 0;
    auto *run = new Run(m_requests, options);
    run->moveToThread(&m_thread);
    m_run = run;
    // A report of an earlier run, still queued when it was replaced, must not count for this one.
    connect(
        run, &Run::stateChanged, this,
        [this, run](Run::State state) {
            if (run == m_run)
                onRunStateChanged(state);
        },
        Qt::QueuedConnection);
    m_state = Run::State::Running;
    m_timer.start();
    QMetaObject::invokeMethod(run, &Run::start, Qt::QueuedConnection);
    Q_EMIT started();
    Q_EMIT stateChanged(m_state);
}

void RunController::pause()
{
    if (m_run)
        QMetaObject::invokeMethod(m_run, &Run::pause, Qt::QueuedConnection);
}

void RunController::resume()
{
    if (m_run)
        QMetaObject::invokeMethod(m_run, &Run::resume, Qt::QueuedConnection);
}

void RunController::stop()
{
    if (m_run)
        QMetaObject::invokeMethod(m_run, &Run::stop, Qt::QueuedConnection);
}

void RunController::showFinished(FinishedRun run)
{
    if (isActive())
        return;
    deleteRun();
    m_requests = run.requests;
    m_finished = std::make_unique<const FinishedRun>(std::move(run));
    m_reported = 0;
    m_state = Run::State::Finished;
    Q_EMIT started();
    report();
    Q_EMIT stateChanged(m_state);
    Q_EMIT finished();
}

bool RunController::isActive() const
{
    return m_run && m_state != Run::State::Finished;
}

const ResultStore *RunController::results() const
{
    if (m_run)
        return &m_run->results();
    return m_finished ? m_finished->results.get() : nullptr;
}

RunStats RunController::statsSnapshot() const
{
    if (m_run)
        return m_run->statsSnapshot();
    return m_finished ? m_finished->stats : RunStats();
}

qint64 RunController::elapsedUs() const
{
    if (m_run)
        return m_run->elapsedUs();
    return m_finished ? m_finished->elapsedUs : 0;
}

const RunOptions &RunController::options() const
{
    static const RunOptions defaults;
    if (m_run)
        return m_run->options();
    return m_finished ? m_finished->options : defaults;
}

qint64 RunController::size() const
{
    const ResultStore *store = results();
    return store ? store->size() : 0;
}

QDateTime RunController::startedAt() const
{
    if (m_run)
        return m_run->startedAt();
    return m_finished ? m_finished->startedAt : QDateTime();
}

void RunController::report()
{
    const ResultStore *store = results();
    if (!store)
        return;
    const qint64 completed = store->completedCount();
    // Nothing new: still a report now and then, so the elapsed time and the count of requests
    // waiting on a capture move while every request waits on a slow one.
    if (completed == m_reported && ++m_quietReports < QuietReportsPerReport)
        return;
    m_quietReports = 0;
    m_reported = completed;
    Q_EMIT progressed(completed, store->orderedCount());
}

void RunController::onRunStateChanged(Run::State state)
{
    if (state == Run::State::Idle)
        return;
    m_state = state;
    if (state == Run::State::Finished) {
        m_timer.stop();
        report();
    }
    Q_EMIT stateChanged(state);
    if (state == Run::State::Finished)
        Q_EMIT finished();
}

void RunController::deleteRun()
{
    m_finished.reset();
    if (!m_run)
        return;
    Run *run = m_run;
    m_run = nullptr;
    // The run's managers and replies belong to the worker thread: end them there.
    QMetaObject::invokeMethod(
        run, [run] { delete run; }, Qt::BlockingQueuedConnection);
}
