// How a finished QNetworkReply reads as a result: its status, HTTP version, error and message.
#pragma once

#include "core/model/requestspec.h"
#include "core/model/result.h"

#include <QNetworkReply>
#include <QString>
#include <QStringList>

/// The status and HTTP version of a finished reply.
void readAnswer(const QNetworkReply &reply, Result &result);

/// Sets result.error from how the reply ended (result.status already read) and returns the message
/// to keep with it: empty only when there is no error. stopping: the run was stopped, so an abort
/// is a cancellation. tlsErrors: the verification errors Qt reported, joined as the message.
QString classifyOutcome(
    const QNetworkReply &reply, bool stopping, const QStringList &tlsErrors, Result &result);

/// Whether the checks of context (assertions, captures) read the response body.
bool checksReadBody(const RequestContext &context);

/// Checks context's assertions against the answer (verdicts into detail, the failures counted in
/// result) and, when the request succeeded, takes its captures into detail.
void checkAnswer(const RequestContext &context, Result &result, ResultDetail &detail,
    const HttpHeaders &headers, const QByteArray &body, qint64 latencyUs);
