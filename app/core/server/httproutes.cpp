// The built-in server's test routes: /get, /echo, /status, /flaky, /delay, /bytes, /redirect...
#include "core/server/httpconnection.h"

#include "core/base/version.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

using namespace ServerDetail;

namespace {
constexpr qint64 MaxBytesRoute = qint64(1) << 30;
constexpr qint64 MaxDelayMs = 600000;
constexpr qint64 MaxRedirects = 1000000;
} // namespace

namespace ServerDetail {
bool parseNumber(const QByteArray &text, qint64 max, qint64 *value)
{
    if (text.isEmpty() || text.size() > 12)
        return false;
    qint64 result = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return result <= max;
}

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases {{200, "OK"}, {201, "Created"}, {202, "Accepted"},
        {204, "No Content"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
        {304, "Not Modified"}, {307, "Temporary Redirect"}, {308, "Permanent Redirect"},
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},
        {408, "Request Timeout"}, {409, "Conflict"}, {413, "Content Too Large"},
        {418, "I'm a teapot"}, {429, "Too Many Requests"}, {500, "Internal Server Error"},
        {502, "Bad Gateway"}, {503, "Service Unavailable"}, {504, "Gateway Timeout"}};
    return phrases.value(status, QByteArrayLiteral("Status"));
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace ServerDetail

void HttpConnection::route()
{
    const QByteArray &path = m_request.path;
    qint64 number = 0;
    if (path == "/get") {
        respondJson(200, describeRequest(false));
    } else if (path == "/echo") {
        respondEcho();
    } else if (path.startsWith("/status/")) {
        if (!parseNumber(path.mid(8), 599, &number) || number < 200)
            return respondError(
                400, QStringLiteral("status code must be a number from 200 to 599"));
        QByteArray extra;
        const QUrlQuery query(QString::fromUtf8(m_request.query));
        if (query.hasQueryItem(QStringLiteral("retry_after"))) {
            qint64 seconds = 0;
            const QString value = query.queryItemValue(QStringLiteral("retry_after"));
            if (!parseNumber(value.toLatin1(), 1000000000, &seconds))
                return respondError(400, QStringLiteral("retry_after must be whole seconds"));
            extra = "Retry-After: " + QByteArray::number(seconds) + "\r\n";
        }
        respond(int(number), "text/plain; charset=utf-8",
            QByteArray::number(number) + ' ' + reasonPhrase(int(number)) + '\n', extra);
    } else if (routeFlow(path)) {
        return;
    } else if (path.startsWith("/flaky/")) {
        routeFlaky(path.mid(7));
    } else if (path.startsWith("/delay/")) {
        if (!parseNumber(path.mid(7), MaxDelayMs, &number))
            return respondError(400, QStringLiteral("delay must be 0 to %1 ms").arg(MaxDelayMs));
        m_busy = true;
        // Precise: a coarse timer may fire up to 5% early, and clients measure against the delay.
        QTimer::singleShot(
            std::chrono::milliseconds(number), Qt::PreciseTimer, this, [this, number] {
                if (m_closing)
                    return;
                respondJson(200, {{QStringLiteral("delay_ms"), number}});
                resume();
            });
    } else if (path.startsWith("/bytes/")) {
        if (!parseNumber(path.mid(7), MaxBytesRoute, &number))
            return respondError(
                400, QStringLiteral("byte count must be 0 to %1").arg(MaxBytesRoute));
        startStream(number);
    } else if (path.startsWith("/redirect/")) {
        if (!parseNumber(path.mid(10), MaxRedirects, &number))
            return respondError(
                400, QStringLiteral("redirect count must be 0 to %1").arg(MaxRedirects));
        if (number == 0) // zero redirects left: this is the destination
            return respondJson(200, describeRequest(false));
        const QByteArray location
            = number == 1 ? QByteArray("/get") : "/redirect/" + QByteArray::number(number - 1);
        respond(302, "text/plain; charset=utf-8", "redirecting to " + location + '\n',
            "Location: " + location + "\r\n");
    } else if (path == "/drop") {
        m_closing = true;
        m_socket->abort();
    } else if (path == "/stats") {
        respondJson(200, statsJson());
    } else if (path == "/stats/reset") {
        m_server->resetStats();
        respondJson(200, statsJson());
    } else if (path == "/") {
        QJsonArray routes;
        for (const char *r : {"/get", "/echo", "/status/{code}?retry_after=S",
                 "/flaky/{k}/{code}?key=K", "/delay/{ms}", "/bytes/{n}", "/redirect/{n}", "/drop",
                 "/stats", "/stats/reset", "/login", "/items", "/items/{id}"})
            routes.append(QLatin1String(r));
        respondJson(200,
            {{QStringLiteral("server"), QString(QStringLiteral("rafaga/") + Rafaga::version())},
                {QStringLiteral("routes"), routes}});
    } else {
        respondJson(404,
            {{QStringLiteral("error"), QStringLiteral("not found")},
                {QStringLiteral("path"), QString::fromUtf8(path)}});
    }
}

void HttpConnection::routeFlaky(const QByteArray &rest)
{
    const QList<QByteArray> parts = rest.split('/');
    qint64 failures = 0;
    qint64 code = 0;
    if (parts.size() != 2 || !parseNumber(parts[0], 1000000, &failures))
        return respondError(400, QStringLiteral("failure count must be 0 to 1000000"));
    if (!parseNumber(parts[1], 599, &code) || code < 200)
        return respondError(400, QStringLiteral("status code must be a number from 200 to 599"));
    const QString key = QUrlQuery(QString::fromUtf8(m_request.query))
                            .queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
    const int attempt = m_server->flakyAttempt(key);
    const QJsonObject body {{QStringLiteral("key"), key}, {QStringLiteral("attempt"), attempt}};
    if (attempt > failures)
        return respondJson(200, body);
    respondJson(int(code), body, code == 429 || code == 503 ? "Retry-After: 0\r\n" : "");
}

QJsonObject HttpConnection::describeRequest(bool withBody) const
{
    QJsonObject query;
    const QUrlQuery urlQuery(QString::fromUtf8(m_request.query));
    for (const auto &[key, value] : urlQuery.queryItems(QUrl::FullyDecoded)) {
        const auto it = query.find(key);
        if (it == query.end()) {
            query.insert(key, value);
        } else {
            QJsonArray values = it->isArray() ? it->toArray() : QJsonArray {*it};
            values.append(value);
            *it = values;
        }
    }
    QJsonObject headers;
    for (const auto &[name, value] : m_request.headers) {
        const QString key = QString::fromLatin1(name);
        const QString text = QString::fromUtf8(value);
        const auto it = headers.find(key);
        if (it == headers.end())
            headers.insert(key, text);
        else
            *it = QString(it->toString() + QStringLiteral(", ") + text);
    }
    QJsonObject result {
        {QStringLiteral("method"),
            QLatin1String(http_method_str(static_cast<http_method>(m_request.method)))},
        {QStringLiteral("path"), QUrl::fromPercentEncoding(m_request.path)},
        {QStringLiteral("query"), query},
        {QStringLiteral("headers"), headers},
    };
    if (withBody) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        result.insert(QStringLiteral("body"), QString(decoder(m_request.body)));
        if (decoder.hasError())
            result.insert(QStringLiteral("body_base64"), QLatin1String(m_request.body.toBase64()));
        result.insert(QStringLiteral("body_length"), m_request.body.size());
    }
    return result;
}

void HttpConnection::respondEcho()
{
    const QByteArray &body = m_request.body;
    if (!QUtf8StringView(body).isValidUtf8())
        return respondJson(200, describeRequest(true));
    // A UTF-8 body is escaped straight into the answer: no UTF-16 copy and no JSON document of
    // it, so a large body costs about twice its size, not five times.
    QByteArray json = toJson(describeRequest(false));
    json.chop(1); // the closing brace
    json.reserve(json.size() + body.size() + body.size() / 8 + 64);
    json += ",\"body\":\"";
    static const char hex[] = "0123456789abcdef";
    for (const char c : body) {
        const auto byte = uchar(c);
        if (byte == '"' || byte == '\\') {
            json += '\\';
            json += c;
        } else if (byte < 0x20) {
            json += "\\u00";
            json += hex[byte >> 4];
            json += hex[byte & 15];
        } else {
            json += c;
        }
    }
    json += "\",\"body_length\":" + QByteArray::number(body.size()) + '}';
    respond(200, "application/json", json);
}

QJsonObject HttpConnection::statsJson() const
{
    return {{QStringLiteral("requests"), m_server->requestCount()},
        {QStringLiteral("in_flight"), m_server->inFlight()},
        {QStringLiteral("max_in_flight"), m_server->maxInFlight()},
        {QStringLiteral("flows"), flowStats()}};
}
