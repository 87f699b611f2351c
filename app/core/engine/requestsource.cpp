#include "core/engine/requestsource.h"

RequestList::RequestList(QList<RequestSpec> requests, qint64 repeat)
    : m_requests(std::move(requests))
    , m_repeat(qMax<qint64>(0, repeat))
{ }

qint64 RequestList::size() const
{
    return m_requests.size() * m_repeat;
}

RequestSpec RequestList::at(qint64 index) const
{
    return m_requests.at(index % m_requests.size());
}
