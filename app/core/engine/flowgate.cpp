#include "core/engine/flowgate.h"

#include <algorithm>

FlowGate::FlowGate(const RequestSource *source, const ResultStore &store)
    : m_source(source)
    , m_store(store)
    , m_lookup(store.lookup())
    , m_active(source && source->hasDependencies())
{ }

bool FlowGate::admit(qint64 index)
{
    if (!m_active)
        return true;
    for (qint64 dependency : m_source->dependencies(index)) {
        if (!m_store.isDone(dependency)) {
            m_waiting[dependency].append(index);
            m_waitingCount.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
    }
    return true;
}

void FlowGate::ended(qint64 index, qint64 nowUs)
{
    if (!m_active)
        return;
    const auto it = m_waiting.find(index);
    if (it == m_waiting.end())
        return;
    const QList<qint64> waiting = std::move(*it);
    m_waiting.erase(it);
    m_waitingCount.fetch_sub(waiting.size(), std::memory_order_relaxed);
    for (qint64 request : waiting) {
        if (admit(request))
            m_ready.emplace(request, nowUs);
    }
}

std::pair<qint64, qint64> FlowGate::takeReady()
{
    const auto first = m_ready.begin();
    const std::pair<qint64, qint64> ready = *first;
    m_ready.erase(first);
    return ready;
}

QList<qint64> FlowGate::takeAll()
{
    QList<qint64> all;
    for (const auto &[index, readyAt] : m_ready)
        all.append(index);
    for (const QList<qint64> &waiting : std::as_const(m_waiting))
        all += waiting;
    m_ready.clear();
    m_waiting.clear();
    m_waitingCount.store(0, std::memory_order_relaxed);
    std::sort(all.begin(), all.end());
    return all;
}

RequestSpec FlowGate::request(qint64 index) const
{
    return m_active ? m_source->build(index, m_lookup) : m_source->at(index);
}
