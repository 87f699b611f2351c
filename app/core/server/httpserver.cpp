// The built-in server: listening (plain or TLS), counters, and its own thread for tests.
#include "core/server/httpserver.h"

#include "core/server/httpconnection.h"
#include "core/server/servercertificate.h"

#include <QMutexLocker>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_acceptRetry(new QTimer(this))
{
    m_acceptRetry->setSingleShot(true);
    connect(m_acceptRetry, &QTimer::timeout, this, [this] {
        if (m_server)
            m_server->resumeAccepting();
    });
}

HttpServer::~HttpServer()
{
    m_log.flush();
}

bool HttpServer::openRequestLog(const QString &path, QString *error)
{
    if (!m_log.open(path, error))
        return false;
    if (!m_logFlush) {
        m_logFlush = new QTimer(this);
        connect(m_logFlush, &QTimer::timeout, this, &HttpServer::flushRequestLog);
        m_logFlush->start(200);
    }
    return true;
}

void HttpServer::flushRequestLog()
{
    if (m_log.isOpen() && !m_log.flush())
        Q_EMIT requestLogFailed(m_log.error());
}

void HttpServer::setTlsEnabled(bool enabled)
{
    m_tls = enabled;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_server)
        return fail(tr("already listening"));
    if (m_tls) {
        if (!QSslSocket::supportsSsl())
            return fail(tr("TLS is not available (%1)").arg(QSslSocket::sslLibraryVersionString()));
        if (m_certificate.isNull()) {
            QString certificateError;
            const ServerCertificate generated = ServerCertificate::generate(&certificateError);
            if (generated.isNull())
                return fail(certificateError);
            m_certificate = generated.certificate;
            m_key = generated.key;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_certificate);
        configuration.setPrivateKey(m_key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        // Only HTTP/1.1 is spoken here: ALPN keeps clients that prefer h2 from trying it.
        configuration.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(configuration);
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    // Tests open hundreds of connections at once; the default backlog of 50 would make the kernel
    // drop SYNs and the client retry a second later.
    m_server->setListenBacklogSize(1024);
    m_server->setMaxPendingConnections(1024);
    // Not newConnection: QSslServer emits that before the TLS handshake, with nothing pending yet.
    connect(
        m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptConnections);
    // Out of file descriptors (EMFILE), QTcpServer pauses accepting and nothing resumes it: try
    // again soon. The open connections are served meanwhile and free descriptors as they close.
    connect(m_server, &QTcpServer::acceptError, this, [this] {
        if (!m_acceptRetry->isActive())
            m_acceptRetry->start(m_limits.acceptRetryMs);
    });
    if (!m_server->listen(address, port)) {
        const QString message = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return fail(message);
    }
    m_address = address;
    m_port = m_server->serverPort();
    return true;
}

QUrl HttpServer::baseUrl() const
{
    QHostAddress host = m_address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(m_port);
    return url;
}

void HttpServer::resetStats()
{
    m_requests = 0;
    m_maxInFlight = m_inFlight.load();
    {
        QMutexLocker locker(&m_flakyMutex);
        m_flakyAttempts.clear();
    }
    QMutexLocker locker(&m_flowMutex);
    m_tokens.clear();
    m_items.clear();
    m_logins = m_itemsCreated = m_itemsDeleted = 0;
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        new HttpConnection(socket, this);
}

void HttpServer::requestStarted(bool countedInFlight, const char *method, const QByteArray &target)
{
    ++m_requests;
    if (countedInFlight) {
        const int now = ++m_inFlight;
        int max = m_maxInFlight.load();
        while (now > max && !m_maxInFlight.compare_exchange_weak(max, now)) { }
    }
    if (m_log.isOpen()) {
        m_log.add(m_inFlight.load(), method, target);
        if (!m_log.isOpen())
            Q_EMIT requestLogFailed(m_log.error());
    }
}

void HttpServer::requestsFinished(int count)
{
    m_inFlight -= count;
}

bool HttpServer::reserveBodyBytes(qint64 bytes)
{
    if (m_bodyBytesHeld + bytes > m_limits.maxBodyBytesTotal)
        return false;
    m_bodyBytesHeld += bytes;
    return true;
}

int HttpServer::flakyAttempt(const QString &key)
{
    QMutexLocker locker(&m_flakyMutex);
    return ++m_flakyAttempts[key];
}

ServerThread::ServerThread(bool tls, const HttpServerLimits &limits)
    : m_tls(tls)
    , m_limits(limits)
{ }

ServerThread::~ServerThread()
{
    if (!m_thread)
        return;
    // Deleted in its own thread, where its sockets and timers live.
    QMetaObject::invokeMethod(
        m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool ServerThread::start(QString *error)
{
    if (m_thread) {
        if (error)
            *error = HttpServer::tr("already started");
        return false;
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("rafaga-server"));
    m_server = new HttpServer;
    m_server->setTlsEnabled(m_tls);
    m_server->setLimits(m_limits);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_server,
        [this, &listening, error] {
            listening = m_server->listen(QHostAddress::LocalHost, 0, error);
        },
        Qt::BlockingQueuedConnection);
    if (listening)
        m_baseUrl = m_server->baseUrl();
    return listening;
}
