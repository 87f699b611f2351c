// A QNetworkAccessManager whose direct http and https requests (HTTP/1.1, h2c with prior
// knowledge, h2 by ALPN) skip Qt's HTTP thread: see FastHttpReply.
#pragma once

#include "core/http/fastendpoint.h"
#include "core/http/fasthttptransport.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class FastHttp2Connection;
class FastHttpConnection;
class FastHttpReply;

/// Qt 6.4 reads HTTP/1.1 response headers one byte per read() system call in a thread of its own,
/// which costs more CPU than everything else a small request needs. This manager answers the
/// requests it can take itself, in its own thread: keep-alive QTcpSocket connections per host
/// and port (at most connectionsPerHost of them, like Qt's six), read in bulk and parsed by
/// libhttp-parser. It takes http:// and https:// requests with no proxy in effect, no cache,
/// cookies under manual control, no transfer timeout and no Expect or Upgrade header. Such a
/// request with Http2DirectAttribute (h2c with prior knowledge) goes over one HTTP/2 connection
/// per host and port instead, libnghttp2's client session multiplexing its streams (Qt 6.4's own
/// HTTP/2 stack costs ~430k instructions per request). Over https the same connections run on
/// QSslSocket with the request's QSslConfiguration: a request that allows HTTP/2 (Qt's default)
/// offers h2 and http/1.1 by ALPN on the host's HTTP/2 connection, which hands its requests to
/// HTTP/1.1 connections when the server picks http/1.1 (and the host's later connections offer
/// http/1.1 only); one that does not offers http/1.1 only. A pool's connections share the TLS
/// session (its last ticket); the settings of a pool's first request of each connection apply
/// (a run gives all its requests the same). Everything else (proxies, HTTP/2 by upgrade,
/// CONNECT, ...) goes to Qt's own stack untouched.
class FastHttpManager : public QNetworkAccessManager, private FastHttpPool
{
    Q_OBJECT
public:
    static constexpr int DefaultConnectionsPerHost = 6;
    /// On a fast-path reply: how many times the request was sent again by the fast path itself
    /// (int; absent = 0). That happens once at most, and only when the server cannot have acted
    /// on the first send's request: an idempotent request whose kept-alive HTTP/1.1 connection
    /// closed before any byte of the answer, or an HTTP/2 stream above a GOAWAY's last stream id.
    static constexpr QNetworkRequest::Attribute ResendsAttribute
        = QNetworkRequest::Attribute(QNetworkRequest::User + 0x5253);

    explicit FastHttpManager(
        QObject *parent = nullptr, int connectionsPerHost = DefaultConnectionsPerHost);
    ~FastHttpManager() override;

    /// Off: every request goes through Qt's stack. On by default unless the environment sets
    /// RAFAGA_QT_HTTP=1.
    void setFastPathEnabled(bool enabled) { m_enabled = enabled; }
    bool isFastPathEnabled() const { return m_enabled; }
    static bool disabledByEnvironment();

    /// Sends request with verb and body (none when empty, for GET and HEAD). Unlike get() and
    /// sendCustomRequest(), a reply of the fast path skips the two string-based connections
    /// QNetworkAccessManager makes per reply (~16k instructions); such a reply is not reported
    /// by this manager's finished() signal. Anything else goes through get(), head() or
    /// sendCustomRequest() as usual.
    QNetworkReply *send(
        const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body);

    /// Whether a request would be answered by the fast path (for tests and diagnostics).
    bool takes(Operation operation, const QNetworkRequest &request,
        const QIODevice *outgoingData = nullptr) const;
    /// Connections open now, idle or busy, over all hosts.
    int openConnectionCount() const;

protected:
    QNetworkReply *createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    struct HostPool
    {
        QByteArray host;
        quint16 port = 0;
        std::vector<FastHttpConnection *> idle;
        int open = 0; ///< idle, busy and connecting
        std::deque<FastHttpReply *> waiting; ///< for a connection, in arrival order
        FastHttp2Connection *h2 = nullptr; ///< the one taking new HTTP/2 streams
        bool tls = false;
        bool declinedHttp2 = false; ///< the server picked http/1.1 when offered h2
        QByteArray sessionTicket; ///< the last one the server sent (TLS 1.3: after a handshake)
    };

    /// The request's redirect policy, or this manager's when it names none.
    QNetworkRequest::RedirectPolicy redirectPolicyOf(const QNetworkRequest &request) const;
    FastHttpReply *createReply(Operation operation, const QNetworkRequest &request, QByteArray verb,
        QByteArray body, bool hasUpload);
    bool isDirect(const QUrl &url) const;
    HostPool &poolFor(const QUrl &url);
    /// Where a new connection of pool goes, with reply's TLS settings.
    FastEndpoint endpointFor(
        const HostPool &pool, const FastHttpReply *reply, bool offerHttp2) const;
    void startSubmitted();
    /// Gives an HTTP/2 reply a stream on the host's connection, opening one when there is none
    /// (or it is going away).
    void assignHttp2(FastHttpReply *reply);
    void reapLater();

    // FastHttpPool: what replies and connections ask of this manager.
    QObject *owner() override { return this; }
    bool takesRequest(Operation operation, const QNetworkRequest &request) const override
    {
        return takes(operation, request);
    }
    void submit(FastHttpReply *reply) override;
    void withdraw(FastHttpReply *reply) override;
    QNetworkReply *createQtReply(
        Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override;
    void assign(FastHttpReply *reply, bool freshOnly) override;
    void connectionReleased(FastHttpConnection *connection) override;
    void connectionClosed(FastHttpConnection *connection) override;
    void http2GoingAway(FastHttp2Connection *connection) override;
    void http2Closed(FastHttp2Connection *connection) override;
    void http2Declined(FastHttp2Connection *connection, QTcpSocket *socket,
        const std::vector<FastHttpReply *> &replies) override;
    void keepSessionTicket(const QByteArray &key, const QByteArray &ticket) override;

    const int m_connectionsPerHost;
    bool m_enabled;
    bool m_startPosted = false;
    bool m_reapPosted = false;
    std::vector<FastHttpReply *> m_submitted; ///< not started yet
    std::vector<FastHttpReply *> m_starting; ///< being started now; withdrawn ones are null
    std::vector<FastHttpConnection *> m_connections; ///< open or connecting
    std::vector<FastHttpConnection *> m_closed; ///< to delete from the event loop
    std::vector<FastHttp2Connection *> m_http2Connections; ///< open, connecting or going away
    std::vector<FastHttp2Connection *> m_http2Closed; ///< to delete from the event loop
    std::unordered_map<QByteArray, HostPool> m_pools; ///< by "host:port"
    std::unordered_set<const FastHttpReply *> m_queued; ///< submitted or waiting for a connection
    mutable std::unordered_map<QByteArray, bool> m_direct; ///< per "host:port": no proxy applies
};
