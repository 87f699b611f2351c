// The reply of FastHttpManager's fast path: one plain HTTP/1.1 request, answered over a pooled
// connection, with the signals, attributes and errors Qt's own reply would give.
#pragma once

#include <QAbstractSocket>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>
#include <utility>
#include <vector>

class FastHttp2Connection;
class FastHttpConnection;
class FastHttpManager;
struct z_stream_s;

/// Lives in its manager's thread. Signals as Qt's reply emits them: socketStartedConnecting (a
/// new connection only), requestSent, redirected (each redirect followed), metaDataChanged (the
/// final answer's headers), readyRead, then finished exactly once, after errorOccurred on
/// failure. Redirects are followed as Qt's NoLessSafeRedirectPolicy does; one that leaves the
/// fast path (to https) continues in a Qt reply behind this one.
class FastHttpReply : public QNetworkReply
{
    Q_OBJECT
public:
    FastHttpReply(FastHttpManager *manager, QNetworkAccessManager::Operation operation,
        const QNetworkRequest &request, QByteArray verb, QByteArray body, bool hasUpload);
    ~FastHttpReply() override;

    void abort() override;
    void close() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }
    void setReadBufferSize(qint64 size) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 skipData(qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    friend class FastHttpConnection;
    friend class FastHttp2Connection;
    friend struct FastHttp2Callbacks;
    friend class FastHttpManager;

    // What the connection reports, in order.
    void connectionStarted();
    void attach(FastHttpConnection *connection) { m_connection = connection; }
    const QByteArray &wireRequest() const { return m_wire; }
    bool isHead() const { return m_verb == "HEAD"; }
    void requestWritten();
    void onHeader(QByteArray name, QByteArray value);
    /// Returns whether a body follows (false for HEAD and interim answers).
    bool onHeadersComplete(int status, QByteArray reason);
    void onBody(const char *data, qsizetype size);
    /// Emits what parsing produced (metaDataChanged, readyRead), outside the parser's callbacks:
    /// a slot may abort this reply or start another request.
    void deliver();
    /// The whole answer arrived; the connection is already back in the pool.
    void onComplete();
    /// The connection failed before the answer was complete.
    void onConnectionError(QAbstractSocket::SocketError error, const QString &socketMessage);
    void onMalformed(const QByteArray &why);
    bool wantsMoreBody() const;
    bool mayRetry() const { return !m_retried; }
    void markRetried() { m_retried = true; }
    void detach() { m_connection = nullptr; }
    /// Whether the request goes over HTTP/2 (h2c with prior knowledge).
    bool wantsHttp2() const { return m_http2; }
    /// Lets go of the connection or stream carrying this reply (it closes or is cancelled).
    void abandonTransport();
    /// The reader took some of the body: the connection or stream may read more.
    void resumeTransport();
    void managerGone()
    {
        m_manager = nullptr;
        m_queued = false;
    }

    void buildWireRequest();
    void followRedirect();
    void continueInQt(const QNetworkRequest &request);
    void fail(NetworkError code, const QString &message);
    void finishNow();
    void appendBody(const char *data, qsizetype size);
    bool startDecoding(const QByteArray &encoding);

    FastHttpManager *m_manager;
    FastHttpConnection *m_connection = nullptr;
    FastHttp2Connection *m_h2 = nullptr; ///< the HTTP/2 connection carrying this reply's stream
    int m_streamId = 0;
    QNetworkReply *m_qtReply = nullptr; ///< set once a redirect left the fast path
    QByteArray m_verb;
    QByteArray m_body; ///< of the request
    QByteArray m_wire; ///< the request as sent: head and body
    QByteArray m_buffer; ///< response body not read yet, from m_readPos
    qsizetype m_readPos = 0;
    std::vector<std::pair<QByteArray, QByteArray>> m_headers; ///< of the answer being parsed
    QByteArray m_reason;
    QByteArray m_redirectTo; ///< Location of a redirect being followed
    int m_redirectStatus = 0; ///< of the redirect being followed; 0 = none
    int m_status = 0;
    struct Failure
    {
        NetworkError code = NoError;
        QString message;
    } m_failure; ///< found while parsing, reported at the end (undecodable body)
    bool m_metaDataPending = false;
    bool m_bodyPending = false;
    std::unique_ptr<z_stream_s> m_inflate; ///< decoding gzip/deflate, as Qt does when it asked
    int m_redirectsLeft = 0;
    bool m_followRedirects = false;
    bool m_hasUpload; ///< the request came with an upload device (Qt then sends a length)
    bool m_askedForEncoding = false; ///< Accept-Encoding was ours, so decoding is ours too
    bool m_queued = false; ///< submitted or waiting at the manager
    bool m_retried = false;
    bool m_tooManyRedirects = false; ///< the answer is a redirect beyond the allowed count
    bool m_reissueInQt = false; ///< an encoding only Qt decodes: fetch again through Qt
    bool m_done = false;
    bool m_http2 = false; ///< Http2DirectAttribute: h2c with prior knowledge
};
