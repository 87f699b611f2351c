// What the built-in server's tests share: a QNetworkAccessManager fetch and a raw-socket client
// that reads responses by their Content-Length.
#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpSocket>

#include <memory>

namespace ServerTest {
inline constexpr int Timeout = 10000;

struct Reply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QUrl url;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline Reply fetch(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &method = "GET",
    const QByteArray &body = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
    const QSslConfiguration &ssl = {})
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!ssl.isNull())
        request.setSslConfiguration(ssl);
    QNetworkReply *sent = method == "HEAD"  ? nam.head(request)
        : method == "GET" && body.isEmpty() ? nam.get(request)
                                            : nam.sendCustomRequest(request, method, body);
    std::unique_ptr<QNetworkReply> reply(sent);
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Reply result;
    if (!reply->isFinished() && !finished.wait(Timeout)) {
        result.error = QNetworkReply::TimeoutError;
        return result;
    }
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.url = reply->url();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    return result;
}

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

/// A client socket that reads responses by Content-Length framing, which the server always sends.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(Timeout);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    /// The next response, or status 0 when the connection closed or timed out first.
    RawResponse next(bool headRequest = false)
    {
        RawResponse response;
        qsizetype end;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill())
                return response;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        response.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            response.headers.insert(
                lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qint64 length
            = headRequest ? 0 : response.headers.value("content-length").toLongLong();
        while (m_buffer.size() < end + 4 + length) {
            if (!fill())
                return RawResponse {};
        }
        response.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return response;
    }
    /// True when the server closes the connection with nothing more to read.
    bool closesWithoutData()
    {
        while (fill()) { }
        return m_buffer.isEmpty() && m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    bool fill()
    {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(Timeout))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

inline QByteArray expectedBytes(qint64 n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    for (qint64 i = 0; i < n; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}
} // namespace ServerTest
