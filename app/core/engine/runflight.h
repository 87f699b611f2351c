// A run's request on the wire (internal to the run's sources).
#pragma once

#include "core/engine/run.h"

#include <QNetworkReply>

/// One request on the wire. Flights are reused: the generation tells a late signal of an earlier
/// occupant from the current one.
struct Run::Flight
{
    QNetworkReply *reply = nullptr;
    LanePool::Lane *lane = nullptr;
    qint64 index = -1;
    int attempt = 0;
    quint64 generation = 0;
    Result result;
    std::shared_ptr<const RequestContext> context; ///< assertions and captures, at the end
    qint64 sampleCap = 0; ///< body bytes to keep: the run's cap, or more when checks read it
    QByteArray bodySample;
    QStringList tlsErrors;
    bool timedOut = false;
};
