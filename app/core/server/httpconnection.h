// One client connection of the built-in server: parsing, routing and writing answers in order.
#pragma once

#include "core/server/httpserver.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>

#include <http_parser.h>

#include <deque>

class QSslSocket;
class QTcpSocket;
class QTimer;

namespace ServerDetail {
struct Request
{
    QByteArray url;
    QByteArray path; // as sent, still percent-encoded
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased once headers are complete
    QByteArray body;
    int method = HTTP_GET;
    bool http10 = false;
    bool keepAlive = true;
    bool counted = false; // counts toward in-flight until its response is written
    bool bodyTooLarge = false;
    bool overBudget = false; // the body did not fit the server-wide budget
    bool keepBody = false; // only /echo needs the body; the others count it
    qint64 bodyLength = 0;
    bool lastWasValue = true; // http_parser may split one header name over several callbacks

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
};

/// Digits only, at most max: QByteArray::toLongLong would also take "+5", " 5" and "0x5".
bool parseNumber(const QByteArray &text, qint64 max, qint64 *value);
/// The reason phrase the server writes for status.
QByteArray reasonPhrase(int status);
QByteArray toJson(const QJsonObject &object);
} // namespace ServerDetail

/// One client connection. Parsing pauses after each complete request so that requests are
/// answered strictly in order: while a response waits (/delay) or streams (/bytes), later
/// pipelined requests stay unparsed in the buffer.
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server);
    ~HttpConnection() override;

private:
    static const http_parser_settings &parserSettings();
    static HttpConnection *self(http_parser *parser)
    {
        return static_cast<HttpConnection *>(parser->data);
    }
    void headersCompleted();
    /// The body bytes of on_body: counted, and kept (within both limits) when the route needs them.
    bool bodyReceived(const char *at, qint64 length);
    void releaseBody();
    void parseError(int error);

    void readInput();
    void route();
    void routeFlaky(const QByteArray &rest);
    /// /login, /items, /items/{id}: false when path is none of them.
    bool routeFlow(const QByteArray &path);
    /// The user whose bearer token the request carries; empty (after a 401) when none is valid.
    QString bearerUser();
    void routeItem(qint64 id, const QString &user);
    QJsonObject describeRequest(bool withBody) const;
    /// /echo: the request described, with its body.
    void respondEcho();
    QJsonObject statsJson() const;
    /// /stats' "flows": logins, items created and deleted.
    QJsonObject flowStats() const;

    QByteArray responseHead(int status, const QByteArray &contentType, qint64 length,
        const QByteArray &extraHeaders) const;
    void respond(int status, const QByteArray &contentType, const QByteArray &body,
        const QByteArray &extraHeaders = {});
    void respondJson(int status, const QJsonObject &object, const QByteArray &extraHeaders = {})
    {
        respond(status, "application/json", ServerDetail::toJson(object), extraHeaders);
    }
    void respondError(int status, const QString &message);
    void startStream(qint64 length);
    void pumpStream();
    void send(const QByteArray &bytes);
    void responseQueued(qint64 bytes);
    void requestAnswered();
    void continueStream();
    void resume();
    void onBytesWritten(qint64 bytes);
    void onClosed();
    /// Bytes handed to the socket and not sent yet.
    qint64 unsent() const;
    /// Too many answers not read by the client: parse no more until they drain.
    bool backlogged() const;
    /// Restarts the idle timer, shortened to the header deadline while headers arrive.
    void rearm();
    void onTimeout();

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QSslSocket *m_sslSocket; // m_socket in TLS mode, else null
    http_parser m_parser;
    QByteArray m_input;
    ServerDetail::Request m_request;
    bool m_busy = false; // a /delay or /bytes response is not fully queued yet
    bool m_closing = false;
    bool m_parsing = false;
    qint64 m_queued = 0; // bytes handed to the socket
    qint64 m_written = 0; // bytes the socket reported written
    std::deque<qint64> m_responseEnds; // where each counted, queued response ends in the stream
    qint64 m_streamLeft = 0;
    qint64 m_streamOffset = 0;
    qint64 m_bodyHeld = 0; // bytes of the server's body budget this connection holds
    bool m_headersPending = false; // a request has begun and its headers have not all arrived
    bool m_inBody = false; // headers complete, body not yet
    QDeadlineTimer m_headerDeadline;
    QTimer *m_timer;
};
