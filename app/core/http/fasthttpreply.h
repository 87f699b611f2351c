// The reply of FastHttpManager's fast path: one request (HTTP/1.1, h2c with prior knowledge, or
// over TLS either one by ALPN), answered over a pooled connection or stream, with the signals,
// attributes and errors Qt's own reply would give.
#pragma once

#include "core/http/contentdecoder.h"
#include "core/http/qterrors.h"
#include "core/http/wirerequest.h"

#include <QAbstractSocket>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include <cstdint>
#include <utility>
#include <vector>

class FastHttpPool;
class FastHttpTransport;

/// Lives in its manager's thread. Signals as Qt's reply emits them: socketStartedConnecting (a
/// new connection only), requestSent, redirected (each redirect followed), metaDataChanged (the
/// final answer's headers), readyRead, then finished exactly once, after errorOccurred on
/// failure; over TLS also encrypted (after socketStartedConnecting) and sslErrors. Redirects are
/// followed by the request's redirect policy (the manager's when it names none); one that leaves
/// the fast path (to https) continues in a Qt reply behind this one.
///
/// Its public functions below the QNetworkReply overrides are the transports' interface: a
/// connection or stream reports what it parsed, in order, and this reply emits it.
class FastHttpReply : public QNetworkReply
{
    Q_OBJECT
public:
    FastHttpReply(FastHttpPool *pool, QNetworkAccessManager::Operation operation,
        const QNetworkRequest &request, QNetworkRequest::RedirectPolicy redirectPolicy,
        WireRequest wire, bool hasUpload);
    ~FastHttpReply() override;

    void abort() override;
    void close() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }
    void setReadBufferSize(qint64 size) override;
    /// From a slot of sslErrors(): the handshake goes on.
    void ignoreSslErrors() override { m_ignoreAllSslErrors = true; }

    // The transports' side, in the order they call it.
    /// The request as it goes on the wire (rebuilt when a redirect is followed).
    const WireRequest &wire() const { return m_wire; }
    /// Whether the request goes over HTTP/2: h2c with prior knowledge, or over TLS h2 offered by
    /// ALPN (Qt 6 allows it unless the request says otherwise).
    bool wantsHttp2() const;
    /// transport carries this reply from now on; stream: its HTTP/2 stream id (0 for HTTP/1.1).
    void attach(FastHttpTransport *transport, int32_t stream = 0)
    {
        m_transport = transport;
        m_stream = stream;
    }
    /// The transport let go of this reply (it closed, or the answer is complete).
    void detach() { m_transport = nullptr; }
    int32_t stream() const { return m_stream; }
    void connectionStarted();
    void requestWritten();
    void onHeader(QByteArray name, QByteArray value);
    /// The head is parsed again from its start: forgets the fields taken so far.
    void restartHead() { m_headers.clear(); }
    /// Returns whether a body follows (false for HEAD and interim answers).
    bool onHeadersComplete(int status, QByteArray reason);
    void onBody(const char *data, qsizetype size);
    /// Emits what parsing produced (metaDataChanged, readyRead), outside the parser's callbacks:
    /// a slot may abort this reply or start another request.
    void deliver();
    void emitPending(); // headers and body that arrived, without acting on a failure
    /// The whole answer arrived; the connection is already back in the pool.
    void onComplete();
    /// The connection failed before the answer was complete.
    void onConnectionError(QAbstractSocket::SocketError error, const QString &socketMessage);
    void onMalformed(const QByteArray &why);
    void fail(NetworkError code, const QString &message);
    bool wantsMoreBody() const;
    bool mayRetry() const { return !m_retried; }
    /// Sends the request again (once) on a fresh connection; counted in ResendsAttribute.
    void markRetried();
    /// Whether a slot of sslErrors() let the handshake go on past errors (ignoreSslErrors()).
    bool ignoresSslErrors(const QList<QSslError> &errors) const;
    /// The manager is being deleted: this reply is on its own.
    void poolGone() { m_pool = nullptr; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 skipData(qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }
    void ignoreSslErrorsImplementation(const QList<QSslError> &errors) override
    {
        m_ignoredSslErrors = errors;
    }

private:
    /// Lets go of the connection or stream carrying this reply (it closes or is cancelled).
    void abandonTransport();
    /// The reader took some of the body: the connection or stream may read more.
    void resumeTransport();
    /// A redirect to follow: keeps its Location and returns true, or marks one too many.
    bool takeRedirect(int status);
    /// Starts decoding the answer's Content-Encoding when it is gzip or deflate.
    void startDecoding();
    /// Decodes what waits, within the read-buffer limit.
    void decodeSome();
    /// Decodes more from the event loop (the reader made room).
    void decodeLater();
    void setHeaders(int status, QByteArray reason);
    void followRedirect();
    void continueInQt(const QNetworkRequest &request);
    void connectQtReply(QNetworkReply *qt);
    void finishNow();
    void appendBody(const char *data, qsizetype size);

    FastHttpPool *m_pool;
    FastHttpTransport *m_transport = nullptr;
    int32_t m_stream = 0;
    QNetworkReply *m_qtReply = nullptr; ///< set once a redirect left the fast path
    WireRequest m_wire;
    QByteArray m_buffer; ///< response body not read yet, from m_readPos
    qsizetype m_readPos = 0;
    std::vector<std::pair<QByteArray, QByteArray>> m_headers; ///< of the answer being parsed
    QByteArray m_reason;
    QByteArray m_redirectTo; ///< Location of a redirect being followed
    int m_redirectStatus = 0; ///< of the redirect being followed; 0 = none
    int m_status = 0;
    QtError m_failure; ///< found while parsing, reported at the end (undecodable body)
    bool m_metaDataPending = false;
    bool m_bodyPending = false;
    ContentDecoder m_decoder; ///< decoding gzip/deflate, whoever asked for them
    int m_redirectsLeft = 0;
    QNetworkRequest::RedirectPolicy m_redirectPolicy;
    bool m_hasUpload; ///< the request came with an upload device (Qt then sends a length)
    bool m_retried = false;
    bool m_tooManyRedirects = false; ///< the answer is a redirect beyond the allowed count
    bool m_failFast = false; ///< m_failure ends the reply at once (a decompression bomb)
    bool m_decodePosted = false;
    bool m_completeWhenDecoded = false; ///< the answer is complete; the decoder still has input
    bool m_done = false;
    bool m_http2 = false; ///< Http2DirectAttribute: h2c with prior knowledge
    bool m_ignoreAllSslErrors = false;
    QList<QSslError> m_ignoredSslErrors; ///< ignoreSslErrors(errors): these only
};
