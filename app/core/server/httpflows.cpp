// The built-in server's flow routes: POST /login gives a token, POST /items creates an item for
// the token's user, /items/{id} answers only that user and records the methods that reached it.
#include "core/server/httpconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUrlQuery>

using namespace ServerDetail;

namespace {
QString userOf(const Request &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QString user = body.value(QStringLiteral("user")).toString();
    if (user.isEmpty())
        user = QUrlQuery(QString::fromUtf8(request.query))
                   .queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded);
    return user.isEmpty() ? QStringLiteral("anonymous") : user;
}
} // namespace

bool HttpConnection::routeFlow(const QByteArray &path)
{
    if (path == "/login") {
        if (m_request.method != HTTP_POST) {
            respondError(405, QStringLiteral("POST /login"));
            return true;
        }
        const QString user = userOf(m_request);
        QString token;
        {
            QMutexLocker locker(&m_server->m_flowMutex);
            token = QStringLiteral("t%1.%2").arg(++m_server->m_logins).arg(user);
            m_server->m_tokens.insert(token, user);
        }
        const QByteArray cookie = "Set-Cookie: session=" + QUrl::toPercentEncoding(token)
            + "; Path=/; HttpOnly\r\nX-Token: " + QUrl::toPercentEncoding(token) + "\r\n";
        respondJson(
            200, {{QStringLiteral("token"), token}, {QStringLiteral("user"), user}}, cookie);
        return true;
    }
    if (path != "/items" && !path.startsWith("/items/"))
        return false;
    const QString user = bearerUser();
    if (user.isEmpty())
        return true;
    if (path == "/items") {
        if (m_request.method != HTTP_POST) {
            respondError(405, QStringLiteral("POST /items"));
            return true;
        }
        qint64 id = 0;
        {
            QMutexLocker locker(&m_server->m_flowMutex);
            id = ++m_server->m_itemsCreated;
            m_server->m_items.insert(id,
                {user, QString::fromUtf8(m_request.header("authorization").mid(7)),
                    {QStringLiteral("POST")}});
        }
        respondJson(201, {{QStringLiteral("id"), id}, {QStringLiteral("owner"), user}});
        return true;
    }
    qint64 id = 0;
    if (!parseNumber(path.mid(7), 1000000000000, &id)) {
        respondError(404, QStringLiteral("no such item"));
        return true;
    }
    routeItem(id, user);
    return true;
}

QString HttpConnection::bearerUser()
{
    const QByteArray authorization = m_request.header("authorization");
    QString user;
    if (authorization.startsWith("Bearer ")) {
        QMutexLocker locker(&m_server->m_flowMutex);
        user = m_server->m_tokens.value(QString::fromUtf8(authorization.mid(7)));
    }
    if (user.isEmpty())
        respondError(401, QStringLiteral("a bearer token from POST /login is required"));
    return user;
}

void HttpConnection::routeItem(qint64 id, const QString &user)
{
    const char *method = http_method_str(static_cast<http_method>(m_request.method));
    if (m_request.method != HTTP_GET && m_request.method != HTTP_PUT
        && m_request.method != HTTP_DELETE)
        return respondError(405, QStringLiteral("GET, PUT or DELETE /items/{id}"));
    QMutexLocker locker(&m_server->m_flowMutex);
    const auto it = m_server->m_items.find(id);
    if (it == m_server->m_items.end()) {
        locker.unlock();
        return respondError(404, QStringLiteral("no such item"));
    }
    // The item answers only the token that created it: another row's token is refused.
    if (it->owner != user
        || it->token != QString::fromUtf8(m_request.header("authorization").mid(7))) {
        locker.unlock();
        return respondError(403, QStringLiteral("the item belongs to another token"));
    }
    it->history.append(QLatin1String(method));
    const QJsonObject answer {{QStringLiteral("id"), id}, {QStringLiteral("owner"), it->owner},
        {QStringLiteral("history"), QJsonArray::fromStringList(it->history)}};
    if (m_request.method == HTTP_DELETE) {
        m_server->m_items.erase(it);
        ++m_server->m_itemsDeleted;
    }
    locker.unlock();
    respondJson(200, answer);
}

QJsonObject HttpConnection::flowStats() const
{
    QMutexLocker locker(&m_server->m_flowMutex);
    return {{QStringLiteral("logins"), m_server->m_logins},
        {QStringLiteral("items_created"), m_server->m_itemsCreated},
        {QStringLiteral("items_deleted"), m_server->m_itemsDeleted},
        {QStringLiteral("items_live"), m_server->m_items.size()}};
}
