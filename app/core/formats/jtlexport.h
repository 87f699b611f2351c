// JMeter's JTL export (its CSV results format with the default columns), so a run opens in
// JMeter's listeners and its HTML report generator (jmeter -g FILE -o DIR).
#pragma once

#include "core/formats/resultwriters.h"

#include <QDateTime>
#include <QStringList>

class QIODevice;
class ResultStore;

namespace JtlExport {

/// JMeter 5's default CSV columns in its order: timeStamp, elapsed, label, responseCode,
/// responseMessage, threadName, dataType, success, failureMessage, bytes, sentBytes, grpThreads,
/// allThreads, URL, Latency, IdleTime, Connect.
QStringList header();

/// One sample, as JMeter writes it with its shipped settings:
///  - timeStamp: the start (sampleresult.timestamp.start=true), epoch milliseconds: startedAt
///    (the run's wall-clock start) plus the result's dispatch time;
///  - elapsed, Latency (time to the response headers) and Connect (time to a usable new
///    connection: its TLS handshake done, or on cleartext the request sent, as Qt reports no
///    "connected" moment; 0 on a reused connection) in whole milliseconds from the dispatch;
///  - label: the request's name, else "METHOD /path";
///  - responseCode and responseMessage: the status and its reason phrase, or for a transport
///    error "Non HTTP response code: KEY" / "Non HTTP response message: MESSAGE" as JMeter says;
///  - threadName: always "rafaga" (JMeter names its threads "Group 1-N"; the engine keeps no
///    notion of which in-flight place sent a request);
///  - success: no transport error, a status below 400 and no failed assertion; failureMessage:
///    the error's message, else the first failed assertion as "LABEL (actual: VALUE)";
///  - bytes: response body bytes (JMeter counts headers too; Qt does not report their size);
///  - grpThreads and allThreads: the run's concurrency; IdleTime: 0.
QStringList row(const Result &result, const RequestSpec &spec, const RunOptions &options,
    const QDateTime &startedAt,
    const ResultWriters::SecretMask &mask = ResultWriters::SecretMask());

/// Writes the header and one row per result stored so far, in run order (comma-separated,
/// quoted where needed, CRLF, UTF-8). The label, URL and messages pass through mask.
bool write(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const RunOptions &options, const QDateTime &startedAt, const ResultWriters::SecretMask &mask,
    QString *error);
} // namespace JtlExport
