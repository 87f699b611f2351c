// One keep-alive HTTP/1.1 connection of the fast path: a QTcpSocket (a QSslSocket over https) read
// in bulk, one request at a time, the response parsed by libhttp-parser straight into the reply.
#pragma once

#include "core/http/fastendpoint.h"
#include "core/http/fasthttptransport.h"
#include "core/http/responselimits.h"

#include <QAbstractSocket>
#include <QByteArray>

#include <http_parser.h>

class FastHttpReply;
class QTcpSocket;

class FastHttpConnection : public FastHttpTransport
{
public:
    FastHttpConnection(FastHttpPool *pool, const FastEndpoint &endpoint);
    /// Takes over socket, connected (and encrypted) to endpoint by another connection.
    FastHttpConnection(FastHttpPool *pool, const FastEndpoint &endpoint, QTcpSocket *socket);
    ~FastHttpConnection() override;
    FastHttpConnection(const FastHttpConnection &) = delete;
    FastHttpConnection &operator=(const FastHttpConnection &) = delete;

    const QByteArray &poolKey() const { return m_poolKey; }
    /// Whether this connection has answered a request already (then the server may close it
    /// under the next one, and that one may be retried).
    bool wasUsed() const { return m_responses > 0; }
    bool isConnected() const;

    /// Sends reply's request: at once when connected, else once connected.
    void send(FastHttpReply *reply);
    /// Closes the connection (the pool makes room, or its reply gave up).
    void abandon();
    void release(FastHttpReply *) override { abandon(); }
    /// The reply's read buffer has room again.
    void resume(FastHttpReply *) override;

private:
    friend struct FastEndpoint; // handlersOf() wires the socket to the on...() slots

    enum class State { Connecting, Idle, Busy, Closed };

    FastEndpoint::Handlers handlers();
    void onConnected();
    /// The handshake found the server's certificate wanting: the reply hears why.
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    /// The peer closed and everything it sent has been parsed.
    void finishAtEnd();
    void onSocketError(QAbstractSocket::SocketError error);
    void writeRequest();
    /// Feeds one read to the parser, then lets the reply emit what it produced.
    void feed(const char *data, qsizetype size);
    /// The parser stopped on an error: a second parse of a head with repeated identical
    /// Content-Length fields, or the reply fails.
    void parseFailed(http_errno error);
    /// Starts parsing a response: a new one, or the same one again.
    void resetParser();
    /// Checks that the CRLF after a chunk's data is there (from at, up to the end of the bytes
    /// being parsed; the rest in the next ones): http_parser skips any two bytes.
    bool checkChunkEnd(const char *at);
    void responseComplete(bool bytesLeft);
    /// Hands the header field parsed to the reply, within the head's budget.
    bool takeField();
    /// A field alone is over the budget: stops the parser.
    int overBudget();
    void fail(QAbstractSocket::SocketError error);
    /// Closes the socket for good and tells the manager; deletes this later.
    void close();

    static const http_parser_settings &parserSettings();
    static FastHttpConnection *self(http_parser *parser)
    {
        return static_cast<FastHttpConnection *>(parser->data);
    }

    FastHttpPool *m_pool;
    FastEndpoint m_endpoint;
    QTcpSocket *m_socket;
    QByteArray m_poolKey;
    State m_state = State::Connecting;
    FastHttpReply *m_reply = nullptr;
    http_parser m_parser;
    QByteArray m_field; ///< the header name being parsed (http_parser may split it)
    QByteArray m_value;
    QByteArray m_reason; ///< of the status line
    QByteArray m_head; ///< the response's bytes until its head was parsed (for a second parse)
    ResponseLimits::HeaderBudget m_budget; ///< of the head being parsed
    QString m_error; ///< why a callback stopped the parser
    const char *m_feedEnd = nullptr; ///< end of the bytes being parsed
    int m_chunkEndLeft = 0; ///< bytes of a chunk's CRLF still to check
    bool m_headDone = false;
    bool m_reparsed = false;
    bool m_lastWasValue = false;
    bool m_messageComplete = false;
    bool m_requestSentPending = false;
    bool m_readingPaused = false;
    bool m_peerClosed = false; ///< the server closed its side; buffered bytes may remain
    qint64 m_responseBytes = 0; ///< of the current response, so far
    int m_responses = 0;
};
