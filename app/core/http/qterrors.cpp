#include "core/http/qterrors.h"

#include <QCoreApplication>
#include <QUrl>

#include <nghttp2/nghttp2.h>

QNetworkReply::NetworkError qtErrorForStatus(int status)
{
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status > 500 ? QNetworkReply::UnknownServerError
                            : QNetworkReply::UnknownContentError;
    }
}

QString qtStatusErrorText(const QUrl &url, const QByteArray &reason)
{
    return QCoreApplication::translate(
        "QNetworkReply", "Error transferring %1 - server replied: %2")
        .arg(url.toString(), QString::fromLatin1(reason));
}

QtError qtErrorForSocket(
    QAbstractSocket::SocketError error, const QString &socketMessage, const QUrl &url)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return {QNetworkReply::ConnectionRefusedError,
            QCoreApplication::translate("QHttp", "Connection refused")};
    case QAbstractSocket::RemoteHostClosedError:
        return {QNetworkReply::RemoteHostClosedError,
            QCoreApplication::translate("QHttp", "Connection closed")};
    case QAbstractSocket::HostNotFoundError:
        return {QNetworkReply::HostNotFoundError,
            QCoreApplication::translate("QHttp", "Host %1 not found").arg(url.host())};
    case QAbstractSocket::SslHandshakeFailedError: // the server's certificate, or an alert
        return {QNetworkReply::SslHandshakeFailedError,
            QCoreApplication::translate("QHttp", "SSL handshake failed") + QLatin1String(": ")
                + socketMessage};
    case QAbstractSocket::SocketTimeoutError:
        return {QNetworkReply::TimeoutError, socketMessage};
    default:
        return {QNetworkReply::UnknownNetworkError, socketMessage};
    }
}

QtError qtErrorForHttp2(uint32_t code)
{
    using E = QNetworkReply::NetworkError;
    switch (code) {
    case NGHTTP2_NO_ERROR:
        return {E::NoError, QString()};
    case NGHTTP2_PROTOCOL_ERROR:
        return {E::ProtocolFailure, QStringLiteral("HTTP/2 protocol error")};
    case NGHTTP2_INTERNAL_ERROR:
        return {E::InternalServerError, QStringLiteral("Internal server error")};
    case NGHTTP2_FLOW_CONTROL_ERROR:
        return {E::ProtocolFailure, QStringLiteral("Flow control error")};
    case NGHTTP2_SETTINGS_TIMEOUT:
        return {E::TimeoutError, QStringLiteral("SETTINGS ACK timeout error")};
    case NGHTTP2_STREAM_CLOSED:
        return {
            E::ProtocolFailure, QStringLiteral("Server received frame(s) on a half-closed stream")};
    case NGHTTP2_FRAME_SIZE_ERROR:
        return {E::ProtocolFailure, QStringLiteral("Server received a frame with an invalid size")};
    case NGHTTP2_REFUSED_STREAM:
        return {E::ProtocolFailure, QStringLiteral("Server refused a stream")};
    case NGHTTP2_CANCEL:
        return {E::ProtocolFailure, QStringLiteral("Stream is no longer needed")};
    case NGHTTP2_COMPRESSION_ERROR:
        return {E::ProtocolFailure,
            QStringLiteral("Server is unable to maintain the header compression context for "
                           "the connection")};
    case NGHTTP2_CONNECT_ERROR:
        return {E::UnknownNetworkError,
            QStringLiteral("The connection established in response to a CONNECT request was "
                           "reset or abnormally closed")};
    case NGHTTP2_ENHANCE_YOUR_CALM:
        return {E::UnknownServerError,
            QStringLiteral("Server dislikes our behavior, excessive load detected.")};
    case NGHTTP2_INADEQUATE_SECURITY:
        return {E::ContentAccessDenied,
            QStringLiteral("The underlying transport has properties that do not meet minimum "
                           "security requirements")};
    case NGHTTP2_HTTP_1_1_REQUIRED:
        return {E::ProtocolFailure,
            QStringLiteral("Server requires that HTTP/1.1 be used instead of HTTP/2.")};
    default:
        return {E::ProtocolFailure,
            QStringLiteral("RST_STREAM with unknown error code (%1)").arg(code)};
    }
}
