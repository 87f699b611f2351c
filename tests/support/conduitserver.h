// Just enough of the RealWorld "Conduit" API (users, profiles, articles, favorites, comments,
// tags under /api) for its public Postman collection, in memory on loopback, deterministic:
// the same requests in the same order get the same answers, byte for byte. Auth is enforced
// (`Authorization: Token …`), so a request that carries a wrong token fails with 401.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTcpServer>

#include <functional>

class ConduitServer
{
public:
    struct Response
    {
        int status = 200;
        QJsonObject body; ///< none for 204
    };

    ConduitServer();
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    /// Called with one line per answered request: "METHOD TARGET STATUS user=NAME" (user=- when
    /// the request carried no valid token).
    std::function<void(const QByteArray &)> onRequest;

    /// Answers one request; public so that it can be tested without a socket.
    Response handle(const QByteArray &method, const QString &path, const QString &query,
        const QByteArray &authorization, const QByteArray &body, QString *userName = nullptr);

private:
    struct User
    {
        QString email, username, password, bio, image, token;
        QSet<int> following;
    };
    struct Article
    {
        QString slug, title, description, body, createdAt, updatedAt;
        QStringList tagList;
        int author = 0;
        QSet<int> favoritedBy;
    };
    struct Comment
    {
        int id = 0;
        QString body, createdAt, updatedAt;
        int author = 0;
    };
    struct Call; // one request being answered

    bool parseOne(class QTcpSocket *socket, QByteArray *buffer);
    QString now();
    QJsonObject userJson(int id) const;
    QJsonObject profileJson(int id, int viewer) const;
    QJsonObject articleJson(const Article &article, int viewer, bool withBody) const;
    QJsonObject commentJson(const Comment &comment, int viewer) const;
    Response users(Call &call);
    Response profiles(Call &call);
    Response articleList(Call &call);
    Response articles(Call &call);
    Response comments(Call &call, qsizetype article);
    int findUser(const QString &username) const;
    qsizetype findArticle(const QString &slug) const;

    QTcpServer m_server;
    QList<User> m_users; ///< id = index + 1
    QList<Article> m_articles; ///< newest last; deleted ones are removed
    QHash<QString, QList<Comment>> m_comments; ///< by article slug
    int m_nextComment = 1;
    int m_clock = 0; ///< seconds after 2026-01-01T00:00:00Z, one per change
};
