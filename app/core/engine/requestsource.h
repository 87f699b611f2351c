// The ordered list of concrete requests a run sends, produced on demand so a million-request run
// holds one template, not a million copies.
#pragma once

#include "core/model/requestspec.h"

#include <QList>

/// Request i of a run. Implementations are immutable once a run starts and are read from the
/// engine's thread only.
class RequestSource
{
public:
    virtual ~RequestSource() = default;
    virtual qint64 size() const = 0;
    virtual RequestSpec at(qint64 index) const = 0;
};

/// A fixed list of requests sent in order, the whole list repeated `repeat` times.
class RequestList : public RequestSource
{
public:
    explicit RequestList(QList<RequestSpec> requests, qint64 repeat = 1);
    qint64 size() const override;
    RequestSpec at(qint64 index) const override;

private:
    QList<RequestSpec> m_requests;
    qint64 m_repeat;
};
