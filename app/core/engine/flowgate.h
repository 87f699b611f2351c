// Holds back the requests of a flow until the requests whose captures they use have ended.
#pragma once

#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"

#include <QHash>
#include <QList>

#include <atomic>

#include <map>

/// The run's waiting room for requests with dependencies (RequestSource::dependencies). Engine
/// thread only. Inactive, it costs nothing: a source without dependencies never waits.
class FlowGate
{
public:
    FlowGate(const RequestSource *source, const ResultStore &store);

    bool isActive() const { return m_active; }
    /// How many requests wait for a dependency that has not ended; any thread may read it.
    qint64 waitingCount() const { return m_waitingCount.load(std::memory_order_relaxed); }
    /// Whether request index can be built now; otherwise it waits for its first dependency that
    /// has not ended, and comes back through takeReady().
    bool admit(qint64 index);
    /// Request index has ended: those waiting only on it become ready (at nowUs).
    void ended(qint64 index, qint64 nowUs);
    bool hasReady() const { return !m_ready.empty(); }
    /// The lowest-indexed ready request and when it became ready: a row's flow goes on before
    /// new rows start.
    std::pair<qint64, qint64> takeReady();
    /// Takes every request still waiting or ready out (a stop records them as not sent).
    QList<qint64> takeAll();
    /// The request to send for index: built with its dependencies' captures when it has any.
    RequestSpec request(qint64 index) const;

private:
    const RequestSource *m_source;
    const ResultStore &m_store;
    ResultLookup m_lookup;
    bool m_active = false;
    QHash<qint64, QList<qint64>> m_waiting; ///< a dependency's index to those waiting on it
    std::map<qint64, qint64> m_ready; ///< index to the time it became ready
    std::atomic<qint64> m_waitingCount {0}; ///< the requests m_waiting holds
};
