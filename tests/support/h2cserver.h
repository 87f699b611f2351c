// A small h2c (prior knowledge) server for the fast HTTP/2 path's tests, on libnghttp2's server
// session: the built-in server speaks HTTP/1.1 only. Routes: /get (the request as JSON),
// /echo (the body back), /status/{code}, /bytes/{n}, /redirect/{n} (to /get at 0), /gzip,
// /rst/{code} (RST_STREAM), /drop (closes the connection). goAwayAfter(k): each connection
// answers k requests, then sends GOAWAY naming the last and closes once they are done. Given a TLS
// configuration with a certificate it speaks h2 over TLS instead, offering only h2 by ALPN.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <nghttp2/nghttp2.h>
#include <zlib.h>

#include <map>
#include <memory>

class H2cServer : public QObject
{
public:
    explicit H2cServer(const QHostAddress &address = QHostAddress::LocalHost,
        QSslConfiguration tls = QSslConfiguration())
    {
        if (tls.localCertificate().isNull()) {
            m_server = std::make_unique<QTcpServer>();
        } else {
            auto secure = std::make_unique<QSslServer>();
            tls.setAllowedNextProtocols({QByteArrayLiteral("h2")});
            secure->setSslConfiguration(tls);
            // A TLS connection is pending once its handshake is done.
            connect(
                secure.get(), &QTcpServer::pendingConnectionAvailable, this, [this] { accept(); });
            m_server = std::move(secure);
            m_scheme = QStringLiteral("https");
        }
        m_server->listen(address);
        connect(m_server.get(), &QTcpServer::newConnection, this, [this] { accept(); });
    }
    bool isListening() const { return m_server->isListening(); }
    QUrl url(const QString &path) const
    {
        const QString host = m_server->serverAddress().protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[::1]")
            : QStringLiteral("127.0.0.1");
        return QUrl(QStringLiteral("%1://%2:%3%4")
                        .arg(m_scheme, host)
                        .arg(m_server->serverPort())
                        .arg(path));
    }
    /// The first connections (at most `connections`) answer `requests` requests each, then GOAWAY.
    void goAwayAfter(int requests, int connections = 1 << 30)
    {
        m_goAwayAfter = requests;
        m_goAwayConnections = connections;
    }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }
    int maxConcurrentStreams() const { return m_maxStreams; }
    /// DATA bytes sent so far on the last stream of /bytes.
    qint64 bytesSent() const { return m_bytesSent; }

private:
    struct Request
    {
        QByteArray method, path, body;
        QJsonObject headers;
        QByteArray answer;
        qint64 sent = 0;
    };
    struct Session
    {
        H2cServer *server = nullptr;
        QTcpSocket *socket = nullptr;
        nghttp2_session *session = nullptr;
        std::map<int32_t, Request> streams;
        int index = 0; ///< of the connection, from 0
        int answered = 0;
        int32_t lastId = 0; ///< of the GOAWAY sent
        bool goingAway = false;
        ~Session() { nghttp2_session_del(session); }
    };

    static Session *self(void *data) { return static_cast<Session *>(data); }

    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto s = std::make_shared<Session>();
            s->index = m_connections++;
            s->server = this;
            s->socket = socket;
            nghttp2_session_callbacks *cb = nullptr;
            nghttp2_session_callbacks_new(&cb);
            nghttp2_session_callbacks_set_on_begin_headers_callback(
                cb, [](nghttp2_session *, const nghttp2_frame *frame, void *data) {
                    if (frame->hd.type == NGHTTP2_HEADERS)
                        self(data)->streams[frame->hd.stream_id] = Request();
                    return 0;
                });
            nghttp2_session_callbacks_set_on_header_callback(cb,
                [](nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nl,
                    const uint8_t *value, size_t vl, uint8_t, void *data) {
                    Request &r = self(data)->streams[frame->hd.stream_id];
                    const QByteArray n(reinterpret_cast<const char *>(name), qsizetype(nl));
                    const QByteArray v(reinterpret_cast<const char *>(value), qsizetype(vl));
                    if (n == ":method")
                        r.method = v;
                    else if (n == ":path")
                        r.path = v;
                    r.headers.insert(QString::fromLatin1(n), QString::fromLatin1(v));
                    return 0;
                });
            nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cb,
                [](nghttp2_session *, uint8_t, int32_t id, const uint8_t *data, size_t len,
                    void *user) {
                    self(user)->streams[id].body.append(
                        reinterpret_cast<const char *>(data), qsizetype(len));
                    return 0;
                });
            nghttp2_session_callbacks_set_on_frame_recv_callback(
                cb, [](nghttp2_session *, const nghttp2_frame *frame, void *data) {
                    if ((frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA)
                        && (frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
                        self(data)->server->answer(self(data), frame->hd.stream_id);
                    return 0;
                });
            nghttp2_session_callbacks_set_on_stream_close_callback(
                cb, [](nghttp2_session *, int32_t id, uint32_t, void *data) {
                    self(data)->streams.erase(id);
                    return 0;
                });
            nghttp2_session_server_new(&s->session, cb, s.get());
            nghttp2_session_callbacks_del(cb);
            const nghttp2_settings_entry settings[]
                = {{NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100}};
            nghttp2_submit_settings(s->session, NGHTTP2_FLAG_NONE, settings, 1);
            connect(socket, &QTcpSocket::readyRead, socket, [this, s] {
                const QByteArray in = s->socket->readAll();
                if (nghttp2_session_mem_recv(s->session,
                        reinterpret_cast<const uint8_t *>(in.constData()), size_t(in.size()))
                    < 0) {
                    s->socket->abort();
                    return;
                }
                flush(s.get());
            });
            connect(socket, &QTcpSocket::disconnected, socket, [socket, s]() mutable {
                socket->deleteLater();
                s.reset(); // the session goes with its socket
            });
            flush(s.get());
        }
    }

    void flush(Session *s)
    {
        if (!s->socket->isOpen())
            return;
        for (int i = 0; i < 1 << 16; ++i) {
            const uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(s->session, &data);
            if (n <= 0)
                break;
            s->socket->write(reinterpret_cast<const char *>(data), qint64(n));
        }
        if (s->socket->state() == QAbstractSocket::ConnectedState
            && !nghttp2_session_want_read(s->session) && !nghttp2_session_want_write(s->session))
            s->socket->disconnectFromHost();
    }

    static QByteArray gzip(const QByteArray &plain)
    {
        z_stream z {};
        deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
        QByteArray out(int(deflateBound(&z, uLong(plain.size()))) + 32, '\0');
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
        z.avail_in = uInt(plain.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        deflate(&z, Z_FINISH);
        out.resize(qsizetype(z.total_out));
        deflateEnd(&z);
        return out;
    }

    void answer(Session *s, int32_t id)
    {
        if (s->goingAway && id > s->lastId)
            return; // never processed: the client may send it elsewhere
        ++m_requests;
        m_maxStreams = qMax(m_maxStreams, int(s->streams.size()));
        Request &r = s->streams[id];
        const QByteArray path
            = r.path.left(r.path.indexOf('?') >= 0 ? r.path.indexOf('?') : r.path.size());
        QByteArray status = "200";
        QByteArray type = "text/plain";
        QByteArray location;
        QByteArray encoding;
        if (path == "/get") {
            QJsonObject o;
            o.insert(QStringLiteral("method"), QString::fromLatin1(r.method));
            o.insert(QStringLiteral("headers"), r.headers);
            r.answer = QJsonDocument(o).toJson(QJsonDocument::Compact);
            type = "application/json";
        } else if (path == "/echo") {
            r.answer = r.body;
        } else if (path.startsWith("/status/")) {
            status = path.mid(8);
            if (status != "204" && status != "304")
                r.answer = "status " + status;
        } else if (path.startsWith("/bytes/")) {
            r.answer = QByteArray(path.mid(7).toLongLong(), 'b');
            m_bytesSent = 0;
        } else if (path.startsWith("/redirect/")) {
            const int n = path.mid(10).toInt();
            status = "302";
            location = n > 1 ? "/redirect/" + QByteArray::number(n - 1) : QByteArray("/get");
        } else if (path == "/gzip") {
            r.answer = gzip(QByteArray(5000, 'z'));
            encoding = "gzip";
        } else if (path.startsWith("/rst/")) {
            nghttp2_submit_rst_stream(s->session, NGHTTP2_FLAG_NONE, id, path.mid(5).toUInt());
            return;
        } else if (path == "/drop") {
            s->socket->abort();
            return;
        } else {
            status = "404";
            r.answer = "no route";
        }
        if (r.method == "HEAD")
            r.answer.clear();
        const QByteArray length = QByteArray::number(
            path.startsWith("/bytes/") && r.method == "HEAD" ? path.mid(7).toLongLong()
                                                             : r.answer.size());
        std::vector<nghttp2_nv> nv;
        const auto add = [&nv](const QByteArray &n, const QByteArray &v) {
            nv.push_back({reinterpret_cast<uint8_t *>(const_cast<char *>(n.constData())),
                reinterpret_cast<uint8_t *>(const_cast<char *>(v.constData())), size_t(n.size()),
                size_t(v.size()), NGHTTP2_NV_FLAG_NONE});
        };
        static const QByteArray Status(":status"), Type("content-type"), Length("content-length"),
            Location("location"), Encoding("content-encoding"), Server("server"), Name("h2cserver");
        add(Status, status);
        add(Server, Name);
        add(Type, type);
        if (status != "204" && status != "304")
            add(Length, length);
        if (!location.isEmpty())
            add(Location, location);
        if (!encoding.isEmpty())
            add(Encoding, encoding);
        nghttp2_data_provider provider;
        provider.source.ptr = this;
        provider.read_callback = [](nghttp2_session *, int32_t sid, uint8_t *buf, size_t len,
                                     uint32_t *flags, nghttp2_data_source *src, void *data) {
            Request &q = self(data)->streams[sid];
            const qint64 n = qMin(qint64(len), q.answer.size() - q.sent);
            memcpy(buf, q.answer.constData() + q.sent, size_t(n));
            q.sent += n;
            static_cast<H2cServer *>(src->ptr)->m_bytesSent += n;
            if (q.sent >= q.answer.size())
                *flags |= NGHTTP2_DATA_FLAG_EOF;
            return ssize_t(n);
        };
        nghttp2_submit_response(
            s->session, id, nv.data(), nv.size(), r.answer.isEmpty() ? nullptr : &provider);
        if (m_goAwayAfter > 0 && ++s->answered == m_goAwayAfter && !s->goingAway
            && s->index < m_goAwayConnections) {
            s->goingAway = true;
            s->lastId = id;
            nghttp2_submit_goaway(s->session, NGHTTP2_FLAG_NONE, id, NGHTTP2_NO_ERROR, nullptr, 0);
        }
    }

    std::unique_ptr<QTcpServer> m_server;
    QString m_scheme = QStringLiteral("http");
    int m_goAwayAfter = 0;
    int m_goAwayConnections = 0;
    int m_connections = 0;
    int m_requests = 0;
    int m_maxStreams = 0;
    qint64 m_bytesSent = 0;
};
