// The built-in HTTP/1.1 test server behind `rafaga serve` and the network tests.
#pragma once

// Hand-written over QTcpServer/QSslServer + libhttp-parser: QtHttpServer 6.4 cannot answer
// asynchronously, drop a connection mid-request or count in-flight requests per connection.

#include "core/server/requestlog.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>

class HttpConnection;
class QTcpServer;
class QThread;
class QTimer;

/// The bounds that keep clients from exhausting the server; the defaults suit `rafaga serve`.
struct HttpServerLimits
{
    qint64 maxBodyBytes = qint64(64) << 20; ///< one request's body (/echo keeps it); over: 413
    qint64 maxBodyBytesTotal = qint64(128) << 20; ///< bodies held at once, all connections: 413
    qint64 maxUnsentBytes = qint64(1) << 20; ///< answers not read yet: no more parsing above it
    qint64 readBufferBytes = 256 * 1024; ///< input read ahead of the parser per connection
    int headerTimeoutMs = 10000; ///< a request's first byte to its headers' end; then 408
    int idleTimeoutMs = 60000; ///< nothing read or written for this long (a /delay aside): closed
    int acceptRetryMs = 100; ///< out of file descriptors: accept again after this
};

/// Answers the test routes (/get, /echo, /status/{code}, /flaky/{k}/{code}, /delay/{ms},
/// /bytes/{n}, /redirect/{n}, /drop, /stats, /stats/reset, and for flows /login, /items and
/// /items/{id}) over HTTP/1.1 with keep-alive and
/// pipelining, optionally over TLS with a self-signed certificate. It works in the thread it lives
/// in; the counters may be read from any thread.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    /// Serve HTTPS with a self-signed certificate made on the first listen(). Call before listen().
    void setTlsEnabled(bool enabled);
    bool isTlsEnabled() const { return m_tls; }

    /// Starts listening; port 0 picks a free port. On failure returns false and sets *error.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
        QString *error = nullptr);
    quint16 port() const { return m_port; }
    /// Where a client on this machine reaches the server, e.g. http://127.0.0.1:PORT; a wildcard
    /// bind address is shown as the matching loopback address.
    QUrl baseUrl() const;
    /// The self-signed certificate served in TLS mode; null before listen() or without TLS.
    QSslCertificate certificate() const { return m_certificate; }

    /// Requests whose headers have arrived since start or the last reset, /stats included.
    qint64 requestCount() const { return m_requests.load(); }
    /// Requests from headers-complete until their response is written or their connection closes.
    int inFlight() const { return m_inFlight.load(); }
    /// The highest inFlight() since start or the last reset.
    int maxInFlight() const { return m_maxInFlight.load(); }
    /// Zeroes requestCount(), lowers maxInFlight() to inFlight(), forgets /flaky attempts and the
    /// flow routes' tokens and items.
    void resetStats();

    /// Logs every request from now on to path (see RequestLog); false with *error when it cannot
    /// be written. What is logged reaches the file within a fifth of a second, and at the end.
    bool openRequestLog(const QString &path, QString *error);

    /// Call before listen().
    void setLimits(const HttpServerLimits &limits) { m_limits = limits; }
    const HttpServerLimits &limits() const { return m_limits; }

Q_SIGNALS:
    /// Writing the request log failed (a full disk): it is closed, the server goes on.
    void requestLogFailed(const QString &error);

private:
    friend class HttpConnection;
    void acceptConnections();
    void requestStarted(bool countedInFlight, const char *method, const QByteArray &target);
    void flushRequestLog();
    void requestsFinished(int count);
    /// Counts one more attempt for a /flaky key and returns its number, starting at 1.
    int flakyAttempt(const QString &key);
    /// Takes bytes from the server-wide body budget; false when that would go over it.
    bool reserveBodyBytes(qint64 bytes);
    void releaseBodyBytes(qint64 bytes) { m_bodyBytesHeld -= bytes; }

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::atomic<qint64> m_requests {0};
    std::atomic<int> m_inFlight {0};
    std::atomic<int> m_maxInFlight {0};
    HttpServerLimits m_limits;
    QTimer *m_acceptRetry = nullptr;
    RequestLog m_log; // only the server's thread touches it
    QTimer *m_logFlush = nullptr;
    qint64 m_bodyBytesHeld = 0; // only the server's thread touches it
    QMutex m_flakyMutex;
    QHash<QString, int> m_flakyAttempts;

    /// The state of the flow routes (/login, /items): who holds which token, and each item's
    /// owner and the methods that reached it, in order.
    struct FlowItem
    {
        QString owner;
        QString token;
        QStringList history;
    };
    QMutex m_flowMutex;
    QHash<QString, QString> m_tokens; ///< token to user
    QHash<qint64, FlowItem> m_items;
    qint64 m_logins = 0;
    qint64 m_itemsCreated = 0;
    qint64 m_itemsDeleted = 0;
};

/// Runs an HttpServer on 127.0.0.1 in a thread of its own, so that a client's event loop in the
/// calling thread never shares a loop with the server. The destructor stops it.
class ServerThread
{
public:
    explicit ServerThread(bool tls = false, const HttpServerLimits &limits = {});
    ~ServerThread();
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    /// Starts the thread and blocks until the server listens on a free port (or failed to).
    bool start(QString *error = nullptr);
    QUrl baseUrl() const { return m_baseUrl; }
    /// The server, living in the worker thread. From other threads, use only its counters and what
    /// start() fixed: port(), baseUrl(), certificate().
    HttpServer *server() const { return m_server; }

private:
    bool m_tls;
    HttpServerLimits m_limits;
    std::unique_ptr<QThread> m_thread;
    HttpServer *m_server = nullptr;
    QUrl m_baseUrl;
};
