// Which failures are worth another attempt, and how long to wait before it.
#pragma once

#include "core/model/errorcategory.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace RetryPolicy {
/// Connection failures, timeouts and the statuses that mean "try again later" (429, 502, 503,
/// 504). Not DNS, TLS or redirect failures: another attempt would fail the same way.
bool isRetryable(ErrorCategory error, int status);

/// The wait a Retry-After header asks for, in milliseconds: delay-seconds or an HTTP-date.
std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &nowUtc);

/// Exponential backoff with full jitter: uniform in [0, min(maxMs, baseMs * 2^attempt)].
/// attempt counts from 0 for the first retry.
qint64 backoffMs(int attempt, int baseMs, int maxMs);
} // namespace RetryPolicy
