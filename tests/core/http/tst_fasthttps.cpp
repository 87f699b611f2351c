// The fast path over TLS against real servers on loopback: its own reply (encrypted once per
// connection, sslErrors() and ignoreSslErrors() as Qt's), and h2 by ALPN against h2cserver over TLS
// recorded as Qt's stack records it.
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/http/fasthttpmanager.h"
#include "core/server/httpserver.h"
#include "core/server/servercertificate.h"
#include "support/h2cserver.h"
#include "support/pathcompare.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

#include <memory>

namespace {
bool runToEnd(Run &run)
{
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    return finished.count() > 0 || finished.wait(60000);
}

/// The built-in server over TLS (HTTP/1.1) and h2cserver over TLS (h2 only, by ALPN), both with a
/// certificate nobody signed, and a fast-path request for either.
class TlsServers
{
public:
    TlsServers()
        : m_certificate(ServerCertificate::generate(&m_error))
        , m_h2(QHostAddress::LocalHost, configuration(m_certificate))
    {
        m_ready = !m_certificate.isNull() && m_h2.isListening() && m_h1.start(&m_error);
    }
    bool isReady() const { return m_ready; }
    const QString &error() const { return m_error; }
    QNetworkRequest request(bool http2) const
    {
        QNetworkRequest request(http2 ? m_h2.url(QStringLiteral("/get"))
                                      : m_h1.baseUrl().resolved(QUrl(QStringLiteral("/get"))));
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, http2);
        return request;
    }

private:
    static QSslConfiguration configuration(const ServerCertificate &certificate)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate.certificate);
        tls.setPrivateKey(certificate.key);
        return tls;
    }

    QString m_error;
    ServerCertificate m_certificate;
    H2cServer m_h2;
    ServerThread m_h1 {true};
    bool m_ready = false;
};

} // namespace

class tst_FastHttps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void http2ByAlpnMatchesQtPath();
    void fastPathCarriesHttps_data();
    void fastPathCarriesHttps();
    void slotMayIgnoreSslErrors_data();
    void slotMayIgnoreSslErrors();
};

void tst_FastHttps::http2ByAlpnMatchesQtPath()
{
    QString error;
    const ServerCertificate certificate = ServerCertificate::generate(&error);
    QVERIFY2(!certificate.isNull(), qPrintable(error));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate.certificate);
    tls.setPrivateKey(certificate.key);
    H2cServer server(QHostAddress::LocalHost, tls);
    QVERIFY(server.isListening());
    const auto at = [&](const char *path) {
        return server.url(QString::fromLatin1(path));
    };
    const QList<RequestSpec> requests {specFor(at("/get?x=1")), specFor(at("/status/404")),
        specFor(at("/redirect/2")), specFor(at("/echo"), "POST", "a body"),
        specFor(at("/bytes/300000")), specFor(at("/gzip")), specFor(at("/get"), "HEAD")};
    RunOptions options;
    options.insecure = true;
    options.httpVersion = HttpVersionPolicy::Http2;
    compareRunPaths(requests, options);
    options.concurrency = 4;
    Run run(std::make_shared<RequestList>(requests), options);
    QVERIFY(runToEnd(run));
    for (int i = 0; i < requests.size(); ++i)
        QCOMPARE(run.results().at(i).httpVersion, Result::Http2);
}

void tst_FastHttps::fastPathCarriesHttps_data()
{
    QTest::addColumn<bool>("http2");
    QTest::newRow("HTTP/1.1") << false;
    QTest::newRow("h2 by ALPN") << true;
}

void tst_FastHttps::fastPathCarriesHttps()
{
    // Not Qt's stack: the fast path's reply, encrypted once per connection, which it keeps.
    QFETCH(bool, http2);
    const TlsServers servers;
    QVERIFY2(servers.isReady(), qPrintable(servers.error()));
    FastHttpManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request = servers.request(http2);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    request.setSslConfiguration(tls);
    for (const int expectEncrypted : {1, 0}) {
        QNetworkReply *reply = manager.get(request);
        QVERIFY(reply->inherits("FastHttpReply"));
        QSignalSpy encrypted(reply, &QNetworkReply::encrypted);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->attribute(QNetworkRequest::ConnectionEncryptedAttribute).toBool(), true);
        QCOMPARE(reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool(), http2);
        QCOMPARE(encrypted.count(), expectEncrypted);
        delete reply;
    }
    QCOMPARE(manager.openConnectionCount(), 1);
}

void tst_FastHttps::slotMayIgnoreSslErrors_data()
{
    fastPathCarriesHttps_data();
}

void tst_FastHttps::slotMayIgnoreSslErrors()
{
    // As with Qt's reply: verified, the self-signed certificate fails the request unless a slot
    // of sslErrors() calls ignoreSslErrors().
    QFETCH(bool, http2);
    const TlsServers servers;
    QVERIFY2(servers.isReady(), qPrintable(servers.error()));
    FastHttpManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    const QNetworkRequest request = servers.request(http2);
    for (const bool ignore : {false, true}) {
        QNetworkReply *reply = manager.get(request);
        QVERIFY(reply->inherits("FastHttpReply"));
        QSignalSpy sslErrors(reply, &QNetworkReply::sslErrors);
        if (ignore)
            connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(sslErrors.count(), 1);
        QCOMPARE(reply->error(),
            ignore ? QNetworkReply::NoError : QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), ignore ? 200 : 0);
        delete reply;
    }
}

QTEST_GUILESS_MAIN(tst_FastHttps)
#include "tst_fasthttps.moc"
