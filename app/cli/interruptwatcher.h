// Turns SIGINT and SIGTERM into a Qt signal, so a command can stop cleanly from the event loop.
#pragma once

#include <QObject>

class QSocketNotifier;

/// One per process at a time. The POSIX handler only writes a byte to a pipe; everything else
/// happens in the event loop, where it is safe.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

Q_SIGNALS:
    /// SIGINT or SIGTERM arrived; count is how many so far (a second Ctrl+C may mean "now").
    void interrupted(int count);

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};
