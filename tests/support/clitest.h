// Support for end-to-end tests of the command line: run `rafaga` as a process and start
// `rafaga serve` beside it.
#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace CliTest {

inline QString rafagaBinary()
{
    return qEnvironmentVariable("RAFAGA_BIN");
}

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs rafaga with arguments, feeding input on standard input; -1 as exit code when it crashed
/// or did not finish in time.
inline Outcome rafaga(
    const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess process;
    process.start(rafagaBinary(), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError()};
}

/// Writes data to path (a test's input file) and returns the path.
inline QString writeInput(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(data);
    return path;
}

/// The bytes of path (an output a run wrote), or none when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// `rafaga serve` on a free port, stopped when this goes away.
class ServeProcess
{
public:
    ~ServeProcess()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    /// Starts it (with more options, e.g. --log FILE) and reads the base URL from its first line.
    bool start(const QStringList &options = {})
    {
        m_process.start(rafagaBinary(),
            QStringList {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")}
                + options);
        if (!m_process.waitForStarted())
            return false;
        QElapsedTimer waited;
        waited.start();
        while (!m_process.canReadLine() && waited.elapsed() < 10000)
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("listening on "))
            return false;
        m_base = QString::fromLatin1(line.mid(int(qstrlen("listening on "))));
        return true;
    }
    QString baseUrl() const { return m_base; }

private:
    QProcess m_process;
    QString m_base;
};

} // namespace CliTest
