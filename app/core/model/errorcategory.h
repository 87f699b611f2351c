// The kinds of failure a request can end in, as reported in summaries, CSV and JSON.
#pragma once

#include <QNetworkReply>
#include <QString>

enum class ErrorCategory : quint8 {
    None,
    ConnectionRefused,
    HostNotFound,
    Timeout,
    ConnectionClosed,
    Tls,
    TooManyRedirects,
    Cancelled, ///< aborted in flight: the run was stopped while it was on its way
    Other,
    NotSent, ///< the run was stopped before this request was sent: not a failure of it
    Skipped, ///< not sent because it cannot be built (--skip-invalid): the message says why
};
constexpr int ErrorCategoryCount = int(ErrorCategory::Skipped) + 1;

/// The stable machine name used in JSON and CSV ("connection_refused", ...).
QString errorCategoryKey(ErrorCategory category);
/// A short human description ("connection refused", ...), translated.
QString errorCategoryName(ErrorCategory category);
/// Maps a transport error of Qt's network stack onto a category; HTTP statuses map to None.
ErrorCategory errorCategoryFor(QNetworkReply::NetworkError error);
