#include "support/conduitserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

struct ConduitServer::Call
{
    QByteArray method;
    QStringList segments; ///< the path after /api, split at '/'
    QUrlQuery query;
    QJsonObject body;
    int user = 0; ///< 0: no valid token
    bool badToken = false; ///< a token was sent and it is not one this server gave
};

namespace {
using Response = ConduitServer::Response;

Response errors(int status, const QString &field, const QString &message)
{
    return {status, QJsonObject {{u"errors"_s, QJsonObject {{field, QJsonArray {message}}}}}};
}

Response unauthorized()
{
    return errors(401, u"body"_s, u"unauthorized"_s);
}

Response notFound()
{
    return errors(404, u"body"_s, u"not found"_s);
}

QString slugOf(const QString &title)
{
    QString slug;
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber())
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? u"article"_s : slug;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 422:
        return "Unprocessable Entity";
    default:
        return "Status";
    }
}
} // namespace

ConduitServer::ConduitServer()
{
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto *buffer = new QByteArray;
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                // Every whole request that arrived, in order (pipelined ones too); each takes its
                // bytes.
                for (int guard = 0; guard < 1000 && parseOne(socket, buffer); ++guard) { }
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                delete buffer;
                socket->deleteLater();
            });
        }
    });
}

bool ConduitServer::parseOne(QTcpSocket *socket, QByteArray *buffer)
{
    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    qint64 length = 0;
    QByteArray authorization;
    bool close = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "authorization")
            authorization = value;
        else if (name == "connection")
            close = value.toLower() == "close";
    }
    if (buffer->size() < headEnd + 4 + length)
        return false;
    const QByteArray body = buffer->mid(headEnd + 4, length);
    buffer->remove(0, headEnd + 4 + length);
    const QByteArray target = first.value(1);
    const qsizetype question = target.indexOf('?');
    const QString path = QString::fromUtf8(target.left(question < 0 ? target.size() : question));
    const QString query = question < 0 ? QString() : QString::fromUtf8(target.mid(question + 1));
    QString userName;
    const Response response = handle(first.value(0), path, query, authorization, body, &userName);
    const QByteArray content = response.status == 204
        ? QByteArray()
        : QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reason(response.status) + "\r\n";
    if (response.status != 204)
        head += "Content-Type: application/json; charset=utf-8\r\n";
    head += "Content-Length: " + QByteArray::number(content.size()) + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    socket->write(head + "\r\n" + content);
    if (onRequest)
        onRequest(first.value(0) + ' ' + target + ' ' + QByteArray::number(response.status)
            + " user=" + (userName.isEmpty() ? "-" : userName.toUtf8()));
    if (close)
        socket->disconnectFromHost();
    return !close;
}

Response ConduitServer::handle(const QByteArray &method, const QString &path, const QString &query,
    const QByteArray &authorization, const QByteArray &body, QString *userName)
{
    Call call;
    call.method = method;
    call.query = QUrlQuery(query);
    call.body = QJsonDocument::fromJson(body).object();
    if (!authorization.isEmpty()) {
        const QString token = QString::fromUtf8(authorization);
        for (qsizetype i = 0; i < m_users.size() && !call.user; ++i) {
            if (token == u"Token "_s + m_users.at(i).token)
                call.user = int(i + 1);
        }
        call.badToken = !call.user;
    }
    if (userName && call.user)
        *userName = m_users.at(call.user - 1).username;
    if (!path.startsWith(u"/api/"_s))
        return notFound();
    call.segments = path.mid(5).split(u'/');
    for (QString &segment : call.segments)
        segment = QUrl::fromPercentEncoding(segment.toUtf8());
    if (call.badToken)
        return unauthorized();
    const QString &head = call.segments.first();
    if (head == u"users"_s || head == u"user"_s)
        return users(call);
    if (head == u"profiles"_s)
        return profiles(call);
    if (head == u"articles"_s)
        return articles(call);
    if (head == u"tags"_s && call.segments.size() == 1 && method == "GET") {
        QStringList tags;
        for (const Article &article : std::as_const(m_articles))
            tags += article.tagList;
        tags.removeDuplicates();
        tags.sort();
        return {200, QJsonObject {{u"tags"_s, QJsonArray::fromStringList(tags)}}};
    }
    return notFound();
}

QString ConduitServer::now()
{
    const QDateTime epoch(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    return epoch.addSecs(++m_clock).toString(Qt::ISODateWithMs);
}

int ConduitServer::findUser(const QString &username) const
{
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        if (m_users.at(i).username == username)
            return int(i + 1);
    }
    return 0;
}

qsizetype ConduitServer::findArticle(const QString &slug) const
{
    for (qsizetype i = 0; i < m_articles.size(); ++i) {
        if (m_articles.at(i).slug == slug)
            return i;
    }
    return -1;
}

QJsonObject ConduitServer::userJson(int id) const
{
    const User &user = m_users.at(id - 1);
    return {{u"email"_s, user.email}, {u"token"_s, user.token}, {u"username"_s, user.username},
        {u"bio"_s, user.bio}, {u"image"_s, user.image.isEmpty() ? QJsonValue() : user.image}};
}

QJsonObject ConduitServer::profileJson(int id, int viewer) const
{
    const User &user = m_users.at(id - 1);
    const bool following = viewer && m_users.at(viewer - 1).following.contains(id);
    return {{u"username"_s, user.username}, {u"bio"_s, user.bio},
        {u"image"_s, user.image.isEmpty() ? QJsonValue() : user.image},
        {u"following"_s, following}};
}

QJsonObject ConduitServer::articleJson(const Article &article, int viewer, bool withBody) const
{
    QJsonObject json {{u"slug"_s, article.slug}, {u"title"_s, article.title},
        {u"description"_s, article.description},
        {u"tagList"_s, QJsonArray::fromStringList(article.tagList)},
        {u"createdAt"_s, article.createdAt}, {u"updatedAt"_s, article.updatedAt},
        {u"favorited"_s, viewer && article.favoritedBy.contains(viewer)},
        {u"favoritesCount"_s, int(article.favoritedBy.size())},
        {u"author"_s, profileJson(article.author, viewer)}};
    if (withBody)
        json.insert(u"body"_s, article.body);
    return json;
}

QJsonObject ConduitServer::commentJson(const Comment &comment, int viewer) const
{
    return {{u"id"_s, comment.id}, {u"createdAt"_s, comment.createdAt},
        {u"updatedAt"_s, comment.updatedAt}, {u"body"_s, comment.body},
        {u"author"_s, profileJson(comment.author, viewer)}};
}

Response ConduitServer::users(Call &call)
{
    const QJsonObject given = call.body.value(u"user"_s).toObject();
    const QString email = given.value(u"email"_s).toString();
    const QString password = given.value(u"password"_s).toString();
    const QStringList &s = call.segments;
    if (s == QStringList {u"users"_s} && call.method == "POST") {
        const QString username = given.value(u"username"_s).toString();
        if (email.isEmpty() || password.isEmpty() || username.isEmpty())
            return errors(422, u"user"_s, u"needs email, password and username"_s);
        for (const User &user : std::as_const(m_users)) {
            if (user.username == username)
                return errors(422, u"username"_s, u"has already been taken"_s);
            if (user.email == email)
                return errors(422, u"email"_s, u"has already been taken"_s);
        }
        const QByteArray seed = "conduit:" + QByteArray::number(m_users.size()) + username.toUtf8();
        const QString token = QString::fromLatin1(
            QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(32));
        m_users.append(User {email, username, password, QString(), QString(), token, {}});
        return {201, QJsonObject {{u"user"_s, userJson(int(m_users.size()))}}};
    }
    if (s == QStringList {u"users"_s, u"login"_s} && call.method == "POST") {
        for (qsizetype i = 0; i < m_users.size(); ++i) {
            if (m_users.at(i).email == email && m_users.at(i).password == password)
                return {200, QJsonObject {{u"user"_s, userJson(int(i + 1))}}};
        }
        return errors(401, u"credentials"_s, u"invalid"_s);
    }
    if (s != QStringList {u"user"_s} || (call.method != "GET" && call.method != "PUT"))
        return notFound();
    if (!call.user)
        return unauthorized();
    User &user = m_users[call.user - 1];
    if (call.method == "PUT") {
        for (const auto &[key, field] :
            {std::pair(u"email"_s, &user.email), std::pair(u"password"_s, &user.password),
                std::pair(u"bio"_s, &user.bio), std::pair(u"image"_s, &user.image)}) {
            if (given.contains(key))
                *field = given.value(key).toString();
        }
    }
    return {200, QJsonObject {{u"user"_s, userJson(call.user)}}};
}

Response ConduitServer::profiles(Call &call)
{
    const QStringList &s = call.segments;
    const int id = findUser(s.value(1));
    const bool follow = s.size() == 3 && s.at(2) == u"follow"_s;
    if (!id || s.size() > 3 || (s.size() == 3 && !follow))
        return notFound();
    if (follow) {
        if (call.method != "POST" && call.method != "DELETE")
            return notFound();
        if (!call.user)
            return unauthorized();
        QSet<int> &following = m_users[call.user - 1].following;
        if (call.method == "POST")
            following.insert(id);
        else
            following.remove(id);
    } else if (call.method != "GET") {
        return notFound();
    }
    return {200, QJsonObject {{u"profile"_s, profileJson(id, call.user)}}};
}

Response ConduitServer::articleList(Call &call)
{
    const bool feed = call.segments.size() == 2;
    if (feed && !call.user)
        return unauthorized();
    const QString tag = call.query.queryItemValue(u"tag"_s, QUrl::FullyDecoded);
    const QString author = call.query.queryItemValue(u"author"_s, QUrl::FullyDecoded);
    const QString favorited = call.query.queryItemValue(u"favorited"_s, QUrl::FullyDecoded);
    const int limit
        = call.query.hasQueryItem(u"limit"_s) ? call.query.queryItemValue(u"limit"_s).toInt() : 20;
    const int offset = call.query.queryItemValue(u"offset"_s).toInt();
    QJsonArray list;
    int count = 0;
    for (qsizetype i = m_articles.size() - 1; i >= 0; --i) {
        const Article &article = m_articles.at(i);
        if ((feed && !m_users.at(call.user - 1).following.contains(article.author))
            || (!tag.isEmpty() && !article.tagList.contains(tag))
            || (!author.isEmpty() && m_users.at(article.author - 1).username != author)
            || (!favorited.isEmpty() && !article.favoritedBy.contains(findUser(favorited))))
            continue;
        if (count >= offset && list.size() < limit)
            list.append(articleJson(article, call.user, false));
        ++count;
    }
    return {200, QJsonObject {{u"articles"_s, list}, {u"articlesCount"_s, count}}};
}

Response ConduitServer::articles(Call &call)
{
    const QStringList &s = call.segments;
    if (call.method == "GET" && (s.size() == 1 || (s.size() == 2 && s.at(1) == u"feed"_s)))
        return articleList(call);
    if (s.size() == 1 && call.method == "POST") {
        if (!call.user)
            return unauthorized();
        const QJsonObject given = call.body.value(u"article"_s).toObject();
        Article article;
        article.title = given.value(u"title"_s).toString();
        article.description = given.value(u"description"_s).toString();
        article.body = given.value(u"body"_s).toString();
        if (article.title.isEmpty() || article.description.isEmpty() || article.body.isEmpty())
            return errors(422, u"article"_s, u"needs title, description and body"_s);
        for (const QJsonValue &tag : given.value(u"tagList"_s).toArray())
            article.tagList.append(tag.toString());
        article.slug = slugOf(article.title);
        for (int n = 2; findArticle(article.slug) >= 0 && n < 10000; ++n)
            article.slug = slugOf(article.title) + u'-' + QString::number(n);
        article.createdAt = article.updatedAt = now();
        article.author = call.user;
        m_articles.append(article);
        return {201, QJsonObject {{u"article"_s, articleJson(article, call.user, true)}}};
    }
    const qsizetype index = s.size() >= 2 ? findArticle(s.at(1)) : -1;
    if (index < 0)
        return notFound();
    if (s.size() >= 3 && s.at(2) == u"comments"_s)
        return comments(call, index);
    Article &article = m_articles[index];
    const bool favorite = s.size() == 3 && s.at(2) == u"favorite"_s;
    if ((s.size() == 2 && call.method == "GET") || s.size() > 3 || (s.size() == 3 && !favorite))
        return s.size() == 2
            ? Response {200, {{u"article"_s, articleJson(article, call.user, true)}}}
            : notFound();
    if (!call.user)
        return unauthorized();
    if (favorite && (call.method == "POST" || call.method == "DELETE")) {
        if (call.method == "POST")
            article.favoritedBy.insert(call.user);
        else
            article.favoritedBy.remove(call.user);
        return {200, QJsonObject {{u"article"_s, articleJson(article, call.user, true)}}};
    }
    if (favorite || (call.method != "PUT" && call.method != "DELETE"))
        return notFound();
    if (article.author != call.user)
        return errors(403, u"article"_s, u"forbidden"_s);
    if (call.method == "DELETE") {
        m_comments.remove(article.slug);
        m_articles.removeAt(index);
        return {204, {}};
    }
    const QJsonObject given = call.body.value(u"article"_s).toObject();
    for (const auto &[key, field] :
        {std::pair(u"title"_s, &article.title), std::pair(u"description"_s, &article.description),
            std::pair(u"body"_s, &article.body)}) {
        if (given.contains(key))
            *field = given.value(key).toString();
    }
    article.updatedAt = now();
    return {200, QJsonObject {{u"article"_s, articleJson(article, call.user, true)}}};
}

Response ConduitServer::comments(Call &call, qsizetype article)
{
    const QStringList &s = call.segments;
    QList<Comment> &list = m_comments[m_articles.at(article).slug];
    if (s.size() == 3 && call.method == "GET") {
        QJsonArray json;
        for (const Comment &comment : std::as_const(list))
            json.append(commentJson(comment, call.user));
        return {200, QJsonObject {{u"comments"_s, json}}};
    }
    if (!call.user)
        return unauthorized();
    if (s.size() == 3 && call.method == "POST") {
        const QString body = call.body.value(u"comment"_s).toObject().value(u"body"_s).toString();
        if (body.isEmpty())
            return errors(422, u"comment"_s, u"needs a body"_s);
        const QString at = now();
        list.append(Comment {m_nextComment++, body, at, at, call.user});
        return {200, QJsonObject {{u"comment"_s, commentJson(list.last(), call.user)}}};
    }
    if (s.size() != 4 || call.method != "DELETE")
        return notFound();
    const auto found = std::find_if(list.begin(), list.end(),
        [&](const Comment &comment) { return QString::number(comment.id) == s.at(3); });
    if (found == list.end())
        return notFound();
    if (found->author != call.user)
        return errors(403, u"comment"_s, u"forbidden"_s);
    list.erase(found);
    return {204, {}};
}
