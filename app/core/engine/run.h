// The run engine: dispatches a request list with a concurrency cap and optional pacing, keeps
// results in input order and statistics as they arrive.
#pragma once

#include "core/engine/flowgate.h"
#include "core/engine/lanepool.h"
#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"
#include "core/model/runoptions.h"
#include "core/stats/runstats.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QTimer>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

class QNetworkReply;

/// One run of a request list. It lives in one thread (the CLI's main thread, or a worker thread
/// under the GUI): call start/pause/resume/stop there, or through QMetaObject::invokeMethod from
/// elsewhere. results() and statsSnapshot() may be read from any thread.
///
/// Exactly min(concurrency, requests left) requests are in flight while the run is running and
/// not paused; a request waiting out a retry backoff does not hold a place, nor does one waiting
/// for the requests whose captures it uses (a flow): the requests after it go meanwhile. Results
/// land in the store at their input index; orderedAdvanced reports the growth of the in-order
/// prefix.
class Run : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Finished };
    Q_ENUM(State)

    Run(std::shared_ptr<const RequestSource> requests, const RunOptions &options,
        QObject *parent = nullptr);
    ~Run() override;

    const RunOptions &options() const { return m_options; }
    qint64 size() const { return m_results.size(); }
    const ResultStore &results() const { return m_results; }
    /// A copy of the statistics so far, consistent at one moment.
    RunStats statsSnapshot() const;
    State state() const { return m_state; }
    int inFlight() const { return m_inFlight; }
    /// Requests held back for the captures of earlier ones that have not ended (a flow); any
    /// thread may read it.
    qint64 waitingCount() const { return m_flows.waitingCount(); }
    int laneCount() const { return m_lanes.laneCount(); }
    /// Microseconds since start(); frozen once finished.
    qint64 elapsedUs() const;
    /// The wall-clock time of start() (UTC), for exports that print dates; invalid before.
    QDateTime startedAt() const;

public Q_SLOTS:
    void start();
    /// Stops dispatching; what is in flight finishes and is kept.
    void pause();
    void resume();
    /// Aborts what is in flight and records it, and everything not yet sent, as cancelled.
    void stop();

Q_SIGNALS:
    /// The result at index has been stored.
    void resultAdded(qint64 index);
    /// Results [0, orderedCount) are all stored: the ordered stream grew.
    void orderedAdvanced(qint64 orderedCount);
    void stateChanged(Run::State state);
    /// Every request has a result. Emitted once.
    void finished();

private:
    struct Flight;
    struct PendingRetry
    {
        qint64 dueUs;
        qint64 index;
        int attempt;
        Result partial;
    };
    struct Deadline
    {
        qint64 atUs;
        int flight;
        quint64 generation;
    };

    qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }
    void pump();
    void dispatch(qint64 index, int attempt, Result &&partial);
    /// Records every request not dispatched yet as failed with error and message.
    void recordUnsent(ErrorCategory error, const QString &message);
    Result unsentResult(qint64 index, ErrorCategory error, const QString &message) const;
    void connectReply(int flightId, bool https);
    /// Moves what the reply has buffered into the flight: the sample, and the byte count.
    void takeBody(Flight &flight);
    void onReplyFinished(int flightId);
    /// What the result keeps beyond its numbers (message, headers, sample, verdicts), within the
    /// run's detail budget; null when there is nothing. Moves the flight's body sample out.
    QExplicitlySharedDataPointer<ResultDetail> detailFor(
        Flight &flight, Result &result, const QString &message);
    void retryOrComplete(qint64 index, int attempt, Result &&result, const QByteArray &retryAfter);
    void complete(qint64 index, Result &&result);
    void armDeadlineTimer();
    void onDeadlineTimer();
    qint64 scheduledUsFor(qint64 index) const;
    void finishIfDone();
    void setState(State state);

    std::shared_ptr<const RequestSource> m_requests;
    RunOptions m_options;
    ResultStore m_results;
    LanePool m_lanes;
    FlowGate m_flows; ///< requests waiting on the captures of earlier ones
    QSslConfiguration m_sslConfiguration;
    QString m_setupError; ///< why nothing can be sent (an unreadable client certificate, ...)
    QNetworkRequest m_requestTemplates[2]; ///< cleartext, https

    mutable QMutex m_statsMutex;
    RunStats m_stats;

    QElapsedTimer m_clock;
    // Read by other threads through elapsedUs().
    std::atomic<qint64> m_startedAtNs {-1}; ///< steady clock at start()
    std::atomic<qint64> m_finishedAtUs {-1};
    std::atomic<qint64> m_startedAtMsSinceEpoch {-1};
    qint64 m_pausedAtUs = -1;
    qint64 m_scheduleShiftUs = 0; ///< time spent paused, moved out of the rate schedule
    qint64 m_next = 0; ///< next index never dispatched
    int m_inFlight = 0;
    qint64 m_detailBytes = 0; ///< headers and body samples kept so far
    State m_state = State::Idle;
    bool m_stopping = false;
    bool m_finishedEmitted = false;

    std::vector<std::unique_ptr<Flight>> m_flights;
    std::vector<int> m_freeFlights;
    std::deque<PendingRetry> m_retries; ///< sorted by dueUs
    std::deque<Deadline> m_deadlines; ///< in dispatch order, so also in deadline order
    QTimer m_pumpTimer; ///< wakes the pump for the next paced request or retry
    QTimer m_deadlineTimer;
};
