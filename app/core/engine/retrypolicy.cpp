#include "core/engine/retrypolicy.h"

#include <QRandomGenerator>

namespace RetryPolicy {

bool isRetryable(ErrorCategory error, int status)
{
    switch (error) {
    case ErrorCategory::ConnectionRefused:
    case ErrorCategory::ConnectionClosed:
    case ErrorCategory::Timeout:
        return true;
    case ErrorCategory::None:
        return status == 429 || status == 502 || status == 503 || status == 504;
    default:
        return false;
    }
}

std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT", is the RFC 2822 form Qt parses.
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return qMax<qint64>(0, nowUtc.msecsTo(when));
}

qint64 backoffMs(int attempt, int baseMs, int maxMs)
{
    const int shift = qBound(0, attempt, 30);
    const qint64 ceiling = qMin<qint64>(qMax(0, maxMs), qint64(qMax(0, baseMs)) << shift);
    if (ceiling <= 0)
        return 0;
    return qint64(QRandomGenerator::global()->bounded(quint64(ceiling) + 1));
}

} // namespace RetryPolicy
