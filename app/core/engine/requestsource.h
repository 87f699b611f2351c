// The ordered list of concrete requests a run sends, produced on demand so a million-request run
// holds one template, not a million copies.
#pragma once

#include "core/model/requestspec.h"
#include "core/model/result.h"

#include <QList>

#include <functional>

/// The result of request i of the run when it has one, else null.
using ResultLookup = std::function<const Result *(qint64 index)>;

/// A variable a request of a flow takes from the capture of an earlier request, `from`.
struct FlowInput
{
    QString variable;
    qint64 from = 0;

    friend bool operator==(const FlowInput &, const FlowInput &) = default;
};

/// Request i of a run. Implementations are immutable once a run starts and are read from the
/// engine's thread only.
class RequestSource
{
public:
    virtual ~RequestSource() = default;
    virtual qint64 size() const = 0;
    /// Request i as it is known before the run: one that waits on captures (see dependencies())
    /// lacks their values; build() has them.
    virtual RequestSpec at(qint64 index) const = 0;

    /// Flows: the earlier requests of the run whose captures request i uses, in index order; it
    /// is not sent before they have ended. None by default.
    virtual QList<qint64> dependencies(qint64 index) const
    {
        Q_UNUSED(index);
        return {};
    }
    /// Flows: what request i takes from captures, each from one of its dependencies(), in the
    /// order of first use. None by default.
    virtual QList<FlowInput> flowInputs(qint64 index) const
    {
        Q_UNUSED(index);
        return {};
    }
    /// Request i with the captures of its dependencies, which `results` gives (all ended). One
    /// whose dependency failed or captured nothing comes back with a skipReason saying which.
    virtual RequestSpec build(qint64 index, const ResultLookup &results) const
    {
        Q_UNUSED(results);
        return at(index);
    }
    /// Whether any request has dependencies.
    virtual bool hasDependencies() const { return false; }
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
