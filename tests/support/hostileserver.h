// A hostile server for the fast path's tests, on loopback only: raw bytes for HTTP/1.1 (a script
// answers each request head with whatever bytes it likes) and raw frames for h2c (the script
// answers each HEADERS frame from the client). Helpers build HTTP/2 frames, HPACK fields and a
// gzip bomb that inflates 1,000 to 1 without compressing gigabytes first.
#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <zlib.h>

#include <cstring>
#include <functional>
#include <memory>

class HostileServer : public QObject
{
public:
    enum class Mode { Http1, Http2 };
    /// HTTP/1.1: called per request head, with its index over all connections (stream 0).
    /// HTTP/2: called per HEADERS frame from the client, with its stream id; the server's
    /// SETTINGS and the ACK of the client's go out before.
    using Answer = std::function<void(QTcpSocket *socket, int request, qint32 stream)>;

    HostileServer(Mode mode, Answer answer)
        : m_mode(mode)
        , m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
    }
    QUrl url(const QString &path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }
    /// The request heads received (HTTP/1.1).
    const QList<QByteArray> &heads() const { return m_heads; }

private:
    void accept(QTcpSocket *socket)
    {
        ++m_connections;
        auto buffer = std::make_shared<QByteArray>();
        auto prefaceLeft = std::make_shared<int>(m_mode == Mode::Http2 ? 24 : 0);
        if (m_mode == Mode::Http2)
            socket->write(frame(4, 0, 0, {})); // SETTINGS, none changed
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, prefaceLeft] {
            buffer->append(socket->readAll());
            if (m_mode == Mode::Http1)
                return takeHeads(socket, *buffer);
            const int skip = qMin(*prefaceLeft, int(buffer->size()));
            buffer->remove(0, skip);
            *prefaceLeft -= skip;
            takeFrames(socket, *buffer);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
    void takeHeads(QTcpSocket *socket, QByteArray &buffer)
    {
        qsizetype end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            m_heads.append(buffer.left(end + 4));
            buffer.remove(0, end + 4);
            // A body announced by Content-Length is skipped when it is all there (tests send
            // small ones in one piece).
            const QByteArray head = m_heads.last().toLower();
            const qsizetype at = head.indexOf("content-length:");
            if (at >= 0) {
                const qsizetype length
                    = head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                buffer.remove(0, qMin(length, buffer.size()));
            }
            m_answer(socket, m_requests++, 0);
        }
    }
    void takeFrames(QTcpSocket *socket, QByteArray &buffer)
    {
        while (buffer.size() >= 9) {
            const auto *b = reinterpret_cast<const uchar *>(buffer.constData());
            const int length = (b[0] << 16) | (b[1] << 8) | b[2];
            if (buffer.size() < 9 + length)
                return;
            const uchar type = b[3], flags = b[4];
            const qint32 stream = qint32(((b[5] & 0x7f) << 24) | (b[6] << 16) | (b[7] << 8) | b[8]);
            buffer.remove(0, 9 + length);
            if (type == 4 && !(flags & 1))
                socket->write(frame(4, 1, 0, {})); // SETTINGS ACK
            else if (type == 1)
                m_answer(socket, m_requests++, stream);
        }
    }

public:
    // HTTP/2 frames (RFC 9113, 4.1) and HPACK fields (RFC 7541), as a hostile server writes them.
    static QByteArray frame(uchar type, uchar flags, qint32 stream, const QByteArray &payload)
    {
        QByteArray out(9, '\0');
        const auto length = quint32(payload.size());
        out[0] = char(length >> 16);
        out[1] = char(length >> 8);
        out[2] = char(length);
        out[3] = char(type);
        out[4] = char(flags);
        for (int i = 0; i < 4; ++i)
            out[5 + i] = char(quint32(stream) >> (24 - 8 * i));
        return out + payload;
    }
    /// HEADERS (END_HEADERS unless more follows in CONTINUATION frames).
    static QByteArray headers(
        qint32 stream, const QByteArray &block, bool endStream, bool endHeaders = true)
    {
        return frame(1, uchar((endStream ? 1 : 0) | (endHeaders ? 4 : 0)), stream, block);
    }
    static QByteArray continuation(qint32 stream, const QByteArray &block, bool endHeaders)
    {
        return frame(9, endHeaders ? 4 : 0, stream, block);
    }
    static QByteArray data(qint32 stream, const QByteArray &payload, bool endStream)
    {
        return frame(0, endStream ? 1 : 0, stream, payload);
    }
    static QByteArray rstStream(qint32 stream, quint32 code)
    {
        return frame(3, 0, stream, be32(code));
    }
    static QByteArray goAway(qint32 lastStream, quint32 code)
    {
        return frame(7, 0, 0, be32(quint32(lastStream)) + be32(code));
    }
    /// An HPACK integer with an n-bit prefix, flags in the first byte's other bits.
    static QByteArray hpackInt(quint32 value, int prefixBits, uchar flags)
    {
        const quint32 max = (1u << prefixBits) - 1;
        QByteArray out;
        if (value < max) {
            out += char(flags | value);
            return out;
        }
        out += char(flags | max);
        for (value -= max; value >= 128; value >>= 7)
            out += char((value & 0x7f) | 0x80);
        out += char(value);
        return out;
    }
    /// ":status" (static name 8) with a literal value, not indexed.
    static QByteArray status(const QByteArray &code)
    {
        return hpackInt(8, 4, 0x00) + hpackInt(quint32(code.size()), 7, 0) + code;
    }
    /// A literal field with a new name: into the dynamic table (incremental indexing) or not.
    static QByteArray literal(const QByteArray &name, const QByteArray &value, bool index)
    {
        return hpackInt(0, index ? 6 : 4, index ? 0x40 : 0x00)
            + hpackInt(quint32(name.size()), 7, 0) + name + hpackInt(quint32(value.size()), 7, 0)
            + value;
    }
    /// A field from the table: 62 is the newest dynamic entry.
    static QByteArray indexed(quint32 index) { return hpackInt(index, 7, 0x80); }

    /// A gzip body of zeros in pieces: head, then as many copies of block as wanted, each
    /// inflating to blockInflated bytes; never finished (no trailer).
    struct GzipBomb
    {
        QByteArray head;
        QByteArray block;
        qint64 blockInflated = 0;
    };
    static GzipBomb gzipBomb(qint64 blockInflated = 1 << 20)
    {
        GzipBomb bomb;
        bomb.blockInflated = blockInflated;
        z_stream z;
        std::memset(&z, 0, sizeof z);
        deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY);
        const QByteArray zeros(qsizetype(blockInflated), '\0');
        const auto pass = [&] {
            QByteArray out(qsizetype(blockInflated / 100 + 1024), '\0');
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
            z.avail_in = uInt(zeros.size());
            z.next_out = reinterpret_cast<Bytef *>(out.data());
            z.avail_out = uInt(out.size());
            deflate(&z, Z_FULL_FLUSH); // a fresh start after each: every block is the same
            out.resize(out.size() - qsizetype(z.avail_out));
            return out;
        };
        bomb.head = pass();
        bomb.block = pass();
        deflateEnd(&z);
        return bomb;
    }
    /// Writes head, then copies of bomb's block until wireBytes went out (or the peer left),
    /// never more than 1 MiB ahead of the socket.
    static void serveBomb(
        QTcpSocket *socket, const QByteArray &head, const GzipBomb &bomb, qint64 wireBytes)
    {
        socket->write(head + bomb.head);
        auto left = std::make_shared<qint64>(wireBytes);
        const auto more = [socket, bomb, left] {
            while (*left > 0 && socket->bytesToWrite() < (1 << 20)
                && socket->state() == QAbstractSocket::ConnectedState) {
                socket->write(bomb.block);
                *left -= bomb.block.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
    }

private:
    static QByteArray be32(quint32 v)
    {
        QByteArray out(4, '\0');
        for (int i = 0; i < 4; ++i)
            out[i] = char(v >> (24 - 8 * i));
        return out;
    }

    QTcpServer m_server;
    Mode m_mode;
    Answer m_answer;
    int m_connections = 0;
    int m_requests = 0;
    QList<QByteArray> m_heads;
};
