// The record of one finished request: what happened, when, and a capped sample of the answer.
#pragma once

#include "core/model/errorcategory.h"
#include "core/model/requestspec.h"

#include <QSharedData>
#include <QUrl>

/// One assertion's verdict on one response, with the value it saw.
struct AssertionOutcome
{
    bool passed = false;
    QString actual; ///< e.g. "404", a header's value, "(missing)"

    friend bool operator==(const AssertionOutcome &, const AssertionOutcome &) = default;
};

/// One capture's value taken from one response, or why there is none.
struct CaptureOutcome
{
    QString variable;
    QString value;
    QString problem; ///< empty when captured; e.g. "no match for data.slug"
    bool secret = false; ///< the variable is secret: outputs show ***

    bool captured() const { return problem.isEmpty(); }
    friend bool operator==(const CaptureOutcome &, const CaptureOutcome &) = default;
};

/// What only some results need; kept out of line so a plain result stays small.
struct ResultDetail : QSharedData
{
    QUrl finalUrl; ///< set only when redirects moved the request
    QString errorMessage;
    HttpHeaders responseHeaders;
    QByteArray bodySample; ///< at most RunOptions::bodySampleBytes
    QList<AssertionOutcome> assertions; ///< one per enabled assertion of the request, in order
    /// One per capture of the request, in order, when the response succeeded; kept whatever the
    /// run's detail budget, since later requests of the row need them.
    QList<CaptureOutcome> captures;
};

/// One request's outcome. Times are microseconds from the run's start; -1 means the phase did not
/// happen (no new connection on a reused one, no TLS on cleartext, no headers on a refused one).
struct Result
{
    enum HttpVersion : quint8 { UnknownVersion, Http1, Http2 };

    qint64 scheduledUs = -1; ///< when the request became due (rate mode: its slot in the schedule)
    qint64 dispatchedUs = -1; ///< when its first attempt was handed to the network stack
    qint64 connectStartUs = -1; ///< a new connection was started for the last attempt
    qint64 tlsDoneUs = -1; ///< the TLS handshake of that connection finished
    qint64 requestSentUs = -1;
    qint64 headersUs = -1; ///< response headers received: time to first byte
    qint64 finishedUs = -1;
    qint64 bytesSent = 0; ///< request body bytes
    qint64 bytesReceived = 0; ///< response body bytes, all of them, kept or not
    quint32 requestIndex = 0; ///< which request of the run this is (position in input order)
    quint16 status = 0; ///< HTTP status; 0 when no answer came
    ErrorCategory error = ErrorCategory::None;
    HttpVersion httpVersion = UnknownVersion;
    quint8 retries = 0; ///< attempts made beyond the first
    quint8 redirects = 0;
    quint8 resends = 0; ///< times the fast path sent the last attempt's request again by itself
    quint16 assertionsFailed = 0;
    /// The request asserts its status and every such assertion passed: a status of 400 or more is
    /// then the answer it expects (reading a deleted item: 404), not a failure.
    bool statusAsserted = false;
    QExplicitlySharedDataPointer<ResultDetail> detail; ///< null when there is nothing to keep

    bool isDone() const { return finishedUs >= 0; }
    /// No transport error, and a status below 400 or one the request's assertions expect.
    bool succeeded() const
    {
        return error == ErrorCategory::None && status > 0 && (status < 400 || statusAsserted);
    }
    /// Closed-model latency: from the first dispatch to the end, retries and backoff included.
    qint64 latencyUs() const { return dispatchedUs < 0 ? -1 : finishedUs - dispatchedUs; }
    /// Open-model latency: from when it was due, so queueing behind a slow server counts.
    qint64 latencyFromScheduleUs() const { return scheduledUs < 0 ? -1 : finishedUs - scheduledUs; }
    /// Time to first byte of the last attempt's answer, from its dispatch; -1 without an answer.
    qint64 ttfbUs() const
    {
        return headersUs < 0 || dispatchedUs < 0 ? -1 : headersUs - dispatchedUs;
    }

    QString errorMessage() const { return detail ? detail->errorMessage : QString(); }
    QUrl finalUrl() const { return detail ? detail->finalUrl : QUrl(); }
};
