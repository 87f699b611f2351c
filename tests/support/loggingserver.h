// A raw HTTP/1.1 server on loopback that records every request exactly as it arrived (method,
// target, headers in order, de-chunked body) and answers 200 {"ok":true}; for tests that compare
// what a client put on the wire.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <QTcpSocket>

struct LoggedRequest
{
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names as sent, values trimmed
    QByteArray body;
};

class LoggingServer
{
public:
    LoggingServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    while (parseOne(socket, buffer)) { }
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                    delete buffer;
                    socket->deleteLater();
                });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    const QList<LoggedRequest> &requests() const { return m_requests; }
    void clear() { m_requests.clear(); }

private:
    /// Takes one whole request off the front of buffer and answers it; false when incomplete.
    bool parseOne(QTcpSocket *socket, QByteArray *buffer)
    {
        const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
        LoggedRequest request;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        qint64 length = 0;
        bool chunked = false;
        bool expectContinue = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            const QByteArray lower = name.toLower();
            if (lower == "content-length")
                length = value.toLongLong();
            else if (lower == "transfer-encoding" && value.toLower().contains("chunked"))
                chunked = true;
            else if (lower == "expect" && value.toLower() == "100-continue")
                expectContinue = true;
        }
        qsizetype pos = headEnd + 4;
        if (chunked) {
            QByteArray body;
            for (int guard = 0; guard < 100000; ++guard) {
                const qsizetype lineEnd = buffer->indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return false;
                bool ok = false;
                const qint64 size = buffer->mid(pos, lineEnd - pos)
                                        .split(';')
                                        .first()
                                        .trimmed()
                                        .toLongLong(&ok, 16);
                if (!ok)
                    return false;
                if (buffer->size() < lineEnd + 2 + size + 2)
                    return false;
                body += buffer->mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
                if (size == 0)
                    break;
            }
            request.body = body;
        } else {
            if (expectContinue && buffer->size() < pos + length && !m_continued.contains(socket)) {
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_continued.append(socket);
            }
            if (buffer->size() < pos + length)
                return false;
            request.body = buffer->mid(pos, length);
            pos += length;
        }
        m_continued.removeAll(socket);
        buffer->remove(0, pos);
        m_requests.append(request);
        const QByteArray body
            = request.method == "HEAD" ? QByteArray() : QByteArray("{\"ok\":true}");
        socket->write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
            + body);
        return true;
    }

    QTcpServer m_server;
    QList<LoggedRequest> m_requests;
    QList<QTcpSocket *> m_continued;
};
