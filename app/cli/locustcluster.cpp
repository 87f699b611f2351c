#include "cli/locustcluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LocustCluster)
};

/// A port that was free a moment ago, for the master to bind.
quint16 freeLoopbackPort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

bool running(const QProcess *process)
{
    return process && process->state() != QProcess::NotRunning;
}

bool anyRunning(const std::vector<std::unique_ptr<QProcess>> &processes)
{
    return std::any_of(processes.begin(), processes.end(),
        [](const std::unique_ptr<QProcess> &process) { return running(process.get()); });
}
} // namespace

LocustCluster::LocustCluster(const Setup &setup, QObject *parent)
    : QObject(parent)
    , m_setup(setup)
    , m_escalate(new QTimer(this))
    , m_orphanedMaster(new QTimer(this))
{
    m_escalate->setSingleShot(true);
    connect(m_escalate, &QTimer::timeout, this, &LocustCluster::kill);
    m_orphanedMaster->setSingleShot(true);
    connect(m_orphanedMaster, &QTimer::timeout, this, [this] {
        if (m_problem.isEmpty())
            m_problem = Tr::tr("every Locust worker quit before the run ended");
        terminateAll(StopGraceMs);
    });
}

LocustCluster::~LocustCluster()
{
    kill();
    if (m_master)
        m_master->waitForFinished(StopGraceMs);
    for (const auto &worker : m_workers)
        worker->waitForFinished(StopGraceMs);
}

std::unique_ptr<QProcess> LocustCluster::makeProcess(const QString &logName)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(m_setup.program);
    process->setWorkingDirectory(m_setup.directory);
    process->setProcessEnvironment(m_setup.environment);
    process->setStandardInputFile(QProcess::nullDevice());
    // Files, not pipes: Locust's output cannot fill a pipe nobody reads, nor this process.
    const QString log = QDir(m_setup.directory).filePath(logName);
    process->setProcessChannelMode(QProcess::MergedChannels); // one file, one offset
    process->setStandardOutputFile(log);
    // Should this process die without stopping them (SIGKILL), the children go too: no orphans.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QProcess *raw = process.get();
    connect(raw, &QProcess::errorOccurred, this, [this, raw](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFailedToStart(raw->errorString());
    });
    return process;
}

void LocustCluster::start()
{
    const QString port = QString::number(freeLoopbackPort());
    const QString loopback = QStringLiteral("127.0.0.1");
    m_master = makeProcess(QStringLiteral("master.log"));
    m_master->setArguments({QStringLiteral("-f"), m_setup.locustfile, QStringLiteral("--master"),
        QStringLiteral("--headless"), QStringLiteral("--only-summary"),
        QStringLiteral("--expect-workers"), QString::number(m_setup.workers),
        QStringLiteral("--expect-workers-max-wait"), QString::number(ConnectWaitS),
        QStringLiteral("--master-bind-host"), loopback, QStringLiteral("--master-bind-port"),
        port});
    connect(m_master.get(), &QProcess::finished, this, &LocustCluster::onMasterFinished);
    m_master->start();
    for (int i = 0; i < m_setup.workers; ++i) {
        m_workers.push_back(makeProcess(QStringLiteral("worker%1.log").arg(i + 1)));
        QProcess &worker = *m_workers.back();
        worker.setArguments({QStringLiteral("-f"), m_setup.locustfile, QStringLiteral("--worker"),
            QStringLiteral("--master-host"), loopback, QStringLiteral("--master-port"), port});
        connect(&worker, &QProcess::finished, this, &LocustCluster::onWorkerFinished);
        worker.start();
    }
}

void LocustCluster::stop()
{
    // The workers first: stopping, they send the master the results they hold; the master is
    // stopped once they are gone (onWorkerFinished), or with them should they linger.
    m_stopping = true;
    for (const auto &worker : m_workers) {
        if (running(worker.get()))
            worker->terminate();
    }
    if (!anyRunning(m_workers) && running(m_master.get()))
        m_master->terminate();
    if (!m_escalate->isActive())
        m_escalate->start(StopGraceMs);
}

void LocustCluster::kill()
{
    m_escalate->stop();
    if (running(m_master.get()))
        m_master->kill();
    for (const auto &worker : m_workers) {
        if (running(worker.get()))
            worker->kill();
    }
}

void LocustCluster::terminateAll(int graceMs)
{
    if (running(m_master.get()))
        m_master->terminate();
    for (const auto &worker : m_workers) {
        if (running(worker.get()))
            worker->terminate();
    }
    if (!m_escalate->isActive())
        m_escalate->start(graceMs);
}

void LocustCluster::onMasterFinished()
{
    // The master tells its workers to quit when the run is done; give them the time to.
    if (anyRunning(m_workers))
        terminateAll(StopGraceMs);
    checkFinished();
}

void LocustCluster::onWorkerFinished()
{
    // At the end of a run the workers quit on the master's word, a moment before it does.
    if (!anyRunning(m_workers) && running(m_master.get())) {
        if (m_stopping)
            m_master->terminate();
        else
            m_orphanedMaster->start(MasterAloneMs);
    }
    checkFinished();
}

void LocustCluster::onFailedToStart(const QString &error)
{
    if (m_problem.isEmpty())
        m_problem = Tr::tr("cannot start %1: %2").arg(m_setup.program, error);
    terminateAll(StopGraceMs);
    checkFinished();
}

void LocustCluster::checkFinished()
{
    if (m_finished || running(m_master.get()))
        return;
    if (anyRunning(m_workers))
        return;
    m_finished = true;
    m_orphanedMaster->stop();
    m_escalate->stop();
    Q_EMIT finished();
}

QString LocustCluster::masterLog() const
{
    QFile file(QDir(m_setup.directory).filePath(QStringLiteral("master.log")));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    // The end is what tells why it ended; a bounded read of it.
    constexpr qint64 Tail = 64 * 1024;
    if (file.size() > Tail)
        file.seek(file.size() - Tail);
    return QString::fromUtf8(file.readAll());
}
