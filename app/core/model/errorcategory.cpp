#include "core/model/errorcategory.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ErrorCategory)
};
} // namespace

QString errorCategoryKey(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::None:
        return QStringLiteral("none");
    case ErrorCategory::ConnectionRefused:
        return QStringLiteral("connection_refused");
    case ErrorCategory::HostNotFound:
        return QStringLiteral("host_not_found");
    case ErrorCategory::Timeout:
        return QStringLiteral("timeout");
    case ErrorCategory::ConnectionClosed:
        return QStringLiteral("connection_closed");
    case ErrorCategory::Tls:
        return QStringLiteral("tls");
    case ErrorCategory::TooManyRedirects:
        return QStringLiteral("too_many_redirects");
    case ErrorCategory::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCategory::NotSent:
        return QStringLiteral("not_sent");
    case ErrorCategory::Skipped:
        return QStringLiteral("skipped");
    case ErrorCategory::Other:
        break;
    }
    return QStringLiteral("other");
}

QString errorCategoryName(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::None:
        return Tr::tr("no error");
    case ErrorCategory::ConnectionRefused:
        return Tr::tr("connection refused");
    case ErrorCategory::HostNotFound:
        return Tr::tr("host not found");
    case ErrorCategory::Timeout:
        return Tr::tr("timeout");
    case ErrorCategory::ConnectionClosed:
        return Tr::tr("connection closed or reset");
    case ErrorCategory::Tls:
        return Tr::tr("TLS error");
    case ErrorCategory::TooManyRedirects:
        return Tr::tr("too many redirects");
    case ErrorCategory::Cancelled:
        return Tr::tr("cancelled");
    case ErrorCategory::NotSent:
        return Tr::tr("not sent");
    case ErrorCategory::Skipped:
        return Tr::tr("skipped: cannot be built");
    case ErrorCategory::Other:
        break;
    }
    return Tr::tr("other error");
}

ErrorCategory errorCategoryFor(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return ErrorCategory::None;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::ProxyConnectionRefusedError:
        return ErrorCategory::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyNotFoundError:
        return ErrorCategory::HostNotFound;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return ErrorCategory::Timeout;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return ErrorCategory::ConnectionClosed;
    case QNetworkReply::SslHandshakeFailedError:
        return ErrorCategory::Tls;
    case QNetworkReply::TooManyRedirectsError:
        return ErrorCategory::TooManyRedirects;
    case QNetworkReply::OperationCanceledError:
        return ErrorCategory::Cancelled;
    default:
        break;
    }
    // Errors that carry an HTTP status (404, 500, ...) are answers, not transport failures.
    if (error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownContentError)
        return ErrorCategory::None;
    if (error >= QNetworkReply::ProtocolUnknownError && error <= QNetworkReply::ProtocolFailure)
        return ErrorCategory::Other;
    if (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError)
        return ErrorCategory::None;
    return ErrorCategory::Other;
}
