// The errors Qt's HTTP stack reports (codes and texts), so that the fast path reports the same for
// the same status, socket error or HTTP/2 error code.
#pragma once

#include <QAbstractSocket>
#include <QNetworkReply>
#include <QString>

#include <cstdint>

class QUrl;

struct QtError
{
    QNetworkReply::NetworkError code = QNetworkReply::NoError;
    QString message;
};

/// The error Qt reports for an answer with status >= 400 (the answer itself is kept).
QNetworkReply::NetworkError qtErrorForStatus(int status);
/// Its text: "Error transferring URL - server replied: REASON".
QString qtStatusErrorText(const QUrl &url, const QByteArray &reason);
/// The error Qt reports when the socket fails with error (socketMessage: the socket's text).
QtError qtErrorForSocket(
    QAbstractSocket::SocketError error, const QString &socketMessage, const QUrl &url);
/// The error Qt 6.4's HTTP/2 stack reports for an RST_STREAM or GOAWAY error code.
QtError qtErrorForHttp2(uint32_t code);
