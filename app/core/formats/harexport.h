// HAR 1.2 export of a run's results: one entry per request, with phase timings, for browsers'
// developer tools and HAR viewers.
#pragma once

#include "core/formats/resultwriters.h"

#include <QDateTime>
#include <QJsonObject>

class QIODevice;
class ResultStore;

namespace HarExport {

/// The HAR "timings" of one result, in milliseconds, and its total "time". Built from the phase
/// times of the last attempt, cut at the points Qt reports and attributed as:
///  - blocked: from dispatch to the start of a new connection (-1 on a reused connection);
///    with retries, the earlier attempts and their backoff;
///  - connect: from the connection's start to the end of its TLS handshake (TCP and TLS
///    together, as HAR counts ssl inside connect); on cleartext Qt reports no "connected"
///    moment, so connect is -1 and the setup counts in send, unless nothing was ever sent (a
///    refused connection), when all of it is connect;
///  - send: up to the request sent; wait: up to the response headers; receive: up to the end.
/// dns and ssl are always -1: Qt reports neither a name lookup nor where TCP ends and TLS begins.
/// The phases that are not -1 add up to total, which is the result's latency (from the first
/// dispatch to the end). A phase time out of order (a redirect's hops mix) is clamped.
struct Timings
{
    double blocked = -1;
    double dns = -1;
    double connect = -1;
    double ssl = -1;
    double send = 0;
    double wait = 0;
    double receive = 0;
    double total = 0;
};
Timings timings(const Result &result);

/// One HAR entry. startedAt is the wall-clock time of the run's start (Run measures only
/// offsets from it): startedDateTime is startedAt plus the result's dispatch time.
QJsonObject entry(const Result &result, const RequestSpec &spec, const RunOptions &options,
    const QDateTime &startedAt,
    const ResultWriters::SecretMask &mask = ResultWriters::SecretMask());

/// Writes {"log": {"version": "1.2", "creator": {"name": "rafaga", ...}, "entries": [...]}} with
/// one entry per result stored so far, in run order, one entry per line, streaming. Header
/// values, the URL, query values, the request body and the response text pass through mask.
bool write(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const RunOptions &options, const QDateTime &startedAt, const ResultWriters::SecretMask &mask,
    QString *error);
} // namespace HarExport
