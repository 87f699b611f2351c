// A Locust master and its workers as processes on this machine, for `rafaga run --locust-workers`:
// started together, watched, and stopped without leaving any behind.
#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <vector>

class QProcess;
class QTimer;

class LocustCluster : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        QString program; ///< the locust executable
        QString locustfile;
        QString directory; ///< working directory; each process's output goes to a log file here
        int workers = 1;
        QProcessEnvironment environment; ///< secrets and RAFAGA_RESULTS included
    };

    /// How long processes get to end after being asked (SIGTERM) before they are killed, and how
    /// long the workers get to connect to the master before it gives up.
    static constexpr int StopGraceMs = 10000;
    static constexpr int ConnectWaitS = 60;
    /// How long the master may outlive its last worker before it is stopped (at a run's end the
    /// workers quit a moment before it).
    static constexpr int MasterAloneMs = 5000;

    explicit LocustCluster(const Setup &setup, QObject *parent = nullptr);
    /// Kills whatever still runs and waits for it (bounded).
    ~LocustCluster() override;

    /// Starts the master on a free loopback port, then the workers.
    void start();
    /// Asks every process to end, the workers first; those still running after StopGraceMs are
    /// killed.
    void stop();
    /// Kills every process at once.
    void kill();

    /// Why the cluster ended early (a process could not start, every worker quit before the
    /// master); empty when it ran to its end or was stopped.
    QString problem() const { return m_problem; }
    /// The master's output, its last lines (for a problem) or the lines the locustfile wrote
    /// ("Rafaga: ...").
    QString masterLog() const;

Q_SIGNALS:
    /// Every process has ended.
    void finished();

private:
    std::unique_ptr<QProcess> makeProcess(const QString &logName);
    void onMasterFinished();
    void onWorkerFinished();
    void onFailedToStart(const QString &error);
    void checkFinished();
    /// SIGTERM to every running process now, SIGKILL to those left in graceMs.
    void terminateAll(int graceMs);

    Setup m_setup;
    std::unique_ptr<QProcess> m_master;
    std::vector<std::unique_ptr<QProcess>> m_workers;
    QTimer *m_escalate;
    QTimer *m_orphanedMaster;
    QString m_problem;
    bool m_finished = false;
    bool m_stopping = false; ///< stop() was called
};
