// A run's TLS settings against real TLS servers on loopback: the client certificate checked before
// anything is sent, --insecure meaning "do not verify", and the fast path's https recording what
// Qt's stack records, failures included (tst_fasthttps: the fast path's reply itself, h2 by ALPN).
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/engine/tlsconfiguration.h"
#include "core/server/httpserver.h"
#include "core/server/servercertificate.h"
#include "support/pathcompare.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace {
std::shared_ptr<RequestList> repeat(const QUrl &url, qint64 count)
{
    RequestSpec spec;
    spec.url = url;
    return std::make_shared<RequestList>(QList<RequestSpec> {spec}, count);
}

bool runToEnd(Run &run, int timeoutMs = 60000)
{
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    return finished.count() > 0 || finished.wait(timeoutMs);
}

/// A self-signed certificate for CN=commonName (no alternative names) valid from
/// notBeforeSeconds to notAfterSeconds from now: negative for an expired one.
ServerCertificate makeCertificate(
    const char *commonName, long notBeforeSeconds, long notAfterSeconds)
{
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_EC_gen("P-256"), EVP_PKEY_free);
    const std::unique_ptr<X509, decltype(&X509_free)> x509(X509_new(), X509_free);
    if (!key || !x509)
        return ServerCertificate();
    X509_set_version(x509.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x509.get()), 7);
    X509_gmtime_adj(X509_getm_notBefore(x509.get()), notBeforeSeconds);
    X509_gmtime_adj(X509_getm_notAfter(x509.get()), notAfterSeconds);
    X509_NAME *name = X509_get_subject_name(x509.get());
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509_set_issuer_name(x509.get(), name);
    X509_set_pubkey(x509.get(), key.get());
    if (X509_sign(x509.get(), key.get(), EVP_sha256()) == 0)
        return ServerCertificate();
    const auto pem = [](auto write) {
        const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        write(bio.get());
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, size);
    };
    ServerCertificate made;
    made.certificate = QSslCertificate(pem([&](BIO *bio) { PEM_write_bio_X509(bio, x509.get()); }));
    made.key = QSslKey(pem([&](BIO *bio) {
        PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    }),
        QSsl::Ec);
    return made;
}

/// A TLS server in the test's thread answering every request on a connection with 200 "ok"; with
/// a client CA it requires a client certificate signed by it (over protocol: TLS 1.2 refuses
/// a client without one in the handshake, TLS 1.3 after it).
class TinyTlsServer : public QSslServer
{
public:
    explicit TinyTlsServer(const ServerCertificate &certificate,
        const QSslCertificate &clientCa = QSslCertificate(),
        QSsl::SslProtocol protocol = QSsl::SecureProtocols)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate.certificate);
        tls.setPrivateKey(certificate.key);
        tls.setPeerVerifyMode(clientCa.isNull() ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
        if (!clientCa.isNull())
            tls.setCaCertificates({clientCa});
        tls.setProtocol(protocol);
        setSslConfiguration(tls);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
    }
    QUrl url(const QString &host) const
    {
        return QUrl(QStringLiteral("https://%1:%2/").arg(host).arg(serverPort()));
    }

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto pendingBytes = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, pendingBytes] {
            QByteArray &pending = *pendingBytes;
            pending += socket->readAll();
            for (qsizetype end; (end = pending.indexOf("\r\n\r\n")) >= 0;) {
                pending.remove(0, end + 4);
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
    }
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

class tst_RunTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clientCertificateProblems_data();
    void clientCertificateProblems();
    void matchingClientCertificateIsUsed_data();
    void matchingClientCertificateIsUsed();
    void unusableCertificateSendsNothing();
    void insecureDoesNotVerify_data();
    void insecureDoesNotVerify();
    void insecureAcceptsAnyCertificate_data();
    void insecureAcceptsAnyCertificate();
    void tlsFailuresMatchQtPath_data();
    void tlsFailuresMatchQtPath();
    void clientCertificateRequired_data();
    void clientCertificateRequired();
    void servedOverTlsMatchesQtPath_data();
    void servedOverTlsMatchesQtPath();
    void sessionsResumeAcrossConnections();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void tst_RunTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    const ServerCertificate mine = ServerCertificate::generate(&error);
    QVERIFY2(!mine.isNull(), qPrintable(error));
    const ServerCertificate other = ServerCertificate::generate(&error);
    QVERIFY2(!other.isNull(), qPrintable(error));
    QVERIFY(writeFile(path(QStringLiteral("cert.pem")), mine.certificate.toPem()));
    QVERIFY(writeFile(path(QStringLiteral("key.pem")), mine.key.toPem()));
    QVERIFY(
        writeFile(path(QStringLiteral("both.pem")), mine.certificate.toPem() + mine.key.toPem()));
    QVERIFY(writeFile(path(QStringLiteral("other-key.pem")), other.key.toPem()));
    QVERIFY(writeFile(path(QStringLiteral("garbage.pem")), "not a certificate\n"));
}

void tst_RunTls::clientCertificateProblems_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("named"); ///< the file the error must name
    QTest::addColumn<QString>("says");
    QTest::newRow("missing certificate") << "missing.pem"
                                         << "key.pem"
                                         << "missing.pem"
                                         << "cannot read the client certificate";
    QTest::newRow("not a certificate") << "garbage.pem"
                                       << "key.pem"
                                       << "garbage.pem"
                                       << "not a PEM client certificate";
    QTest::newRow("missing key") << "cert.pem"
                                 << "missing.pem"
                                 << "missing.pem"
                                 << "cannot read the client key";
    QTest::newRow("not a key") << "cert.pem"
                               << "garbage.pem"
                               << "garbage.pem"
                               << "private key";
    QTest::newRow("no key beside the certificate") << "cert.pem"
                                                   << ""
                                                   << "cert.pem"
                                                   << "private key";
    QTest::newRow("key of another certificate") << "cert.pem"
                                                << "other-key.pem"
                                                << "other-key.pem"
                                                << "does not belong";
    QTest::newRow("key without certificate") << ""
                                             << "key.pem"
                                             << "key.pem"
                                             << "--cert";
}

void tst_RunTls::clientCertificateProblems()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, named);
    QFETCH(QString, says);
    RunOptions options;
    options.clientCertificateFile = certificate.isEmpty() ? QString() : path(certificate);
    options.clientKeyFile = key.isEmpty() ? QString() : path(key);
    const Parsed<QSslConfiguration> tls = tlsConfigurationFor(options);
    QVERIFY(!tls);
    const QString message = tls.error().toString();
    QVERIFY2(message.startsWith(path(named)), qPrintable(message));
    QVERIFY2(message.contains(says), qPrintable(message));
}

void tst_RunTls::matchingClientCertificateIsUsed_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::newRow("two files") << "cert.pem"
                               << "key.pem";
    QTest::newRow("one file") << "both.pem"
                              << "";
}

void tst_RunTls::matchingClientCertificateIsUsed()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    RunOptions options;
    options.clientCertificateFile = path(certificate);
    options.clientKeyFile = key.isEmpty() ? QString() : path(key);
    const Parsed<QSslConfiguration> tls = tlsConfigurationFor(options);
    QVERIFY2(tls, qPrintable(tls ? QString() : tls.error().toString()));
    QVERIFY(!tls.value().localCertificate().isNull());
    QVERIFY(!tls.value().privateKey().isNull());
    QCOMPARE(
        tls.value().peerVerifyMode(), QSslConfiguration::defaultConfiguration().peerVerifyMode());
}

void tst_RunTls::unusableCertificateSendsNothing()
{
    // A run handed options nobody checked still sends nothing without the identity asked for.
    ServerThread server(true);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    RunOptions options;
    options.insecure = true;
    options.clientCertificateFile = path(QStringLiteral("missing.pem"));
    Run run(repeat(server.baseUrl().resolved(QUrl(QStringLiteral("/get"))), 3), options);
    QVERIFY(runToEnd(run));
    QCOMPARE(server.server()->requestCount(), qint64(0));
    for (int i = 0; i < 3; ++i) {
        const Result &result = run.results().at(i);
        QCOMPARE(result.error, ErrorCategory::Tls);
        QCOMPARE(result.dispatchedUs, qint64(-1));
        QVERIFY2(result.errorMessage().contains(path(QStringLiteral("missing.pem"))),
            qPrintable(result.errorMessage()));
    }
}

void tst_RunTls::insecureDoesNotVerify_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("qtHttp");
    // The server's certificate names localhost, 127.0.0.1 and ::1 and is signed by nobody.
    QTest::newRow("by address") << "127.0.0.1" << false;
    QTest::newRow("by name") << "localhost" << false;
    QTest::newRow("by address, Qt's stack") << "127.0.0.1" << true;
}

void tst_RunTls::insecureDoesNotVerify()
{
    QFETCH(QString, host);
    QFETCH(bool, qtHttp);
    ServerThread server(true);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QUrl target = server.baseUrl().resolved(QUrl(QStringLiteral("/get")));
    target.setHost(host);
    for (const bool insecure : {true, false}) {
        RunOptions options;
        options.concurrency = 4;
        options.insecure = insecure;
        options.fastHttpPath = !qtHttp;
        Run run(repeat(target, 8), options);
        QVERIFY(runToEnd(run));
        for (int i = 0; i < 8; ++i) {
            const Result &result = run.results().at(i);
            if (insecure) {
                QVERIFY2(result.error == ErrorCategory::None, qPrintable(result.errorMessage()));
                QCOMPARE(result.status, quint16(200));
                QVERIFY(result.succeeded());
            } else {
                // Verified, the same certificate fails every request with Qt's reason.
                QCOMPARE(result.error, ErrorCategory::Tls);
                QCOMPARE(result.status, quint16(0));
                QVERIFY2(result.errorMessage().contains(
                             QLatin1String("self-signed"), Qt::CaseInsensitive),
                    qPrintable(result.errorMessage()));
            }
        }
        if (insecure) {
            // The handshakes happened and are timed (Qt may credit a connection to another
            // request than the one that started it, so no pairing is checked here).
            bool handshaken = false;
            for (int i = 0; i < 8; ++i)
                handshaken = handshaken || run.results().at(i).tlsDoneUs >= 0;
            QVERIFY(handshaken);
        }
    }
}

void tst_RunTls::insecureAcceptsAnyCertificate_data()
{
    QTest::addColumn<long>("notAfter");
    QTest::addColumn<QString>("reason"); ///< in Qt's words, without --insecure
    // CN=localhost, reached as 127.0.0.1: the name does not match.
    QTest::newRow("another name") << 86400L << "host name did not match";
    QTest::newRow("expired") << -3600L << "expired";
}

void tst_RunTls::insecureAcceptsAnyCertificate()
{
    QFETCH(long, notAfter);
    QFETCH(QString, reason);
    const ServerCertificate certificate
        = makeCertificate("localhost", qMin(0L, notAfter) - 86400, notAfter);
    QVERIFY(!certificate.isNull());
    TinyTlsServer server(certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    for (const bool insecure : {true, false}) {
        RunOptions options;
        options.concurrency = 2;
        options.insecure = insecure;
        Run run(repeat(server.url(QStringLiteral("127.0.0.1")), 4), options);
        QVERIFY(runToEnd(run));
        for (int i = 0; i < 4; ++i) {
            const Result &result = run.results().at(i);
            if (insecure) {
                QVERIFY2(result.succeeded(), qPrintable(result.errorMessage()));
                QCOMPARE(result.status, quint16(200));
            } else {
                QCOMPARE(result.error, ErrorCategory::Tls);
                QVERIFY2(result.errorMessage().contains(reason, Qt::CaseInsensitive),
                    qPrintable(result.errorMessage()));
            }
        }
    }
}

void tst_RunTls::tlsFailuresMatchQtPath_data()
{
    QTest::addColumn<QString>("commonName"); ///< empty: the built-in server's own certificate
    QTest::addColumn<long>("notAfter");
    QTest::addColumn<bool>("insecure");
    QTest::newRow("self-signed") << QString() << 0L << false;
    QTest::newRow("self-signed, -k") << QString() << 0L << true;
    QTest::newRow("another name") << "localhost" << 86400L << false;
    QTest::newRow("another name, -k") << "localhost" << 86400L << true;
    QTest::newRow("expired") << "127.0.0.1" << -3600L << false;
    QTest::newRow("expired, -k") << "127.0.0.1" << -3600L << true;
}

void tst_RunTls::tlsFailuresMatchQtPath()
{
    // Each certificate through both paths: the same status, error class and Qt's words.
    QFETCH(QString, commonName);
    QFETCH(long, notAfter);
    QFETCH(bool, insecure);
    RunOptions options;
    options.insecure = insecure;
    if (commonName.isEmpty()) {
        ServerThread server(true);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QUrl target = server.baseUrl().resolved(QUrl(QStringLiteral("/get")));
        compareRunPaths(QList<RequestSpec>(8, specFor(target)), options);
        return;
    }
    const ServerCertificate certificate
        = makeCertificate(qPrintable(commonName), qMin(0L, notAfter) - 86400, notAfter);
    QVERIFY(!certificate.isNull());
    TinyTlsServer server(certificate);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    compareRunPaths(
        QList<RequestSpec>(8, specFor(server.url(QStringLiteral("127.0.0.1")))), options);
}

void tst_RunTls::clientCertificateRequired_data()
{
    QTest::addColumn<int>("protocol");
    QTest::newRow("TLS 1.3") << int(QSsl::SecureProtocols);
    QTest::newRow("TLS 1.2") << int(QSsl::TlsV1_2);
}

void tst_RunTls::clientCertificateRequired()
{
    QFETCH(int, protocol);
    // A server that wants a client certificate: with the right one both paths get in, without
    // one both fail alike.
    // (Not the built-in server's kind of certificate: that one is for servers only.)
    const ServerCertificate client = makeCertificate("client", -86400, 86400);
    QVERIFY(!client.isNull());
    QVERIFY(writeFile(
        path(QStringLiteral("client.pem")), client.certificate.toPem() + client.key.toPem()));
    const ServerCertificate certificate = makeCertificate("127.0.0.1", -86400, 86400);
    TinyTlsServer server(certificate, client.certificate, QSsl::SslProtocol(protocol));
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QList<RequestSpec> requests(6, specFor(server.url(QStringLiteral("127.0.0.1"))));
    RunOptions options;
    options.insecure = true;
    compareRunPaths(requests, options);
    options.clientCertificateFile = path(QStringLiteral("client.pem"));
    compareRunPaths(requests, options);
    options.fastHttpPath = true;
    Run run(std::make_shared<RequestList>(requests), options);
    QVERIFY(runToEnd(run));
    for (int i = 0; i < requests.size(); ++i)
        QVERIFY2(run.results().at(i).succeeded(), qPrintable(run.results().at(i).errorMessage()));
}

void tst_RunTls::servedOverTlsMatchesQtPath_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("HTTP/1.1 only") << int(HttpVersionPolicy::Http1Only);
    // The built-in server picks no protocol by ALPN: the offer of h2 ends in HTTP/1.1.
    QTest::newRow("h2 offered") << int(HttpVersionPolicy::Auto);
}

void tst_RunTls::servedOverTlsMatchesQtPath()
{
    QFETCH(int, version);
    ServerThread server(true);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const auto at = [&](const char *path) {
        return server.baseUrl().resolved(QUrl(QString::fromLatin1(path)));
    };
    // No /drop here: after it Qt's stack over TLS now and then fails another request of the list
    // (a redirect chain) with "Connection closed", a race of its own.
    const QList<RequestSpec> requests {specFor(at("/get?x=1")), specFor(at("/status/404")),
        specFor(at("/status/204")), specFor(at("/redirect/2")), specFor(at("/redirect/20")),
        specFor(at("/echo"), "POST", "a body"),
        specFor(at("/echo"), "PUT", QByteArray(100000, 'x')), specFor(at("/bytes/300000")),
        specFor(at("/get"), "HEAD"), specFor(at("/get"))};
    RunOptions options;
    options.insecure = true;
    options.timeoutMs = 5000;
    options.httpVersion = HttpVersionPolicy(version);
    compareRunPaths(requests, options);
}

void tst_RunTls::sessionsResumeAcrossConnections()
{
    // openssl s_server -www answers each connection once with a page saying whether the session
    // was new or resumed; a lane's later connections resume the first one's session.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("no openssl command (Debian's openssl package) to serve TLS sessions");
    QTcpServer probe; // a free port, given back for the server to take
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess server;
    server.setStandardOutputFile(QProcess::nullDevice());
    server.setStandardErrorFile(QProcess::nullDevice());
    server.start(openssl,
        {QStringLiteral("s_server"), QStringLiteral("-www"), QStringLiteral("-accept"),
            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
            path(QStringLiteral("cert.pem")), QStringLiteral("-key"),
            path(QStringLiteral("key.pem"))});
    QVERIFY(server.waitForStarted());
    bool up = false;
    for (int attempt = 0; attempt < 100 && !up; ++attempt) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        up = socket.waitForConnected(1000);
        if (!up)
            QTest::qWait(50);
    }
    QVERIFY2(up, "openssl s_server did not start");
    RunOptions options;
    options.insecure = true;
    options.concurrency = 1;
    Run run(repeat(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port)), 4), options);
    QVERIFY(runToEnd(run));
    server.kill();
    server.waitForFinished();
    for (int i = 0; i < 4; ++i) {
        const Result &result = run.results().at(i);
        QVERIFY2(result.succeeded(), qPrintable(result.errorMessage()));
        const QByteArray page = result.detail ? result.detail->bodySample : QByteArray();
        QVERIFY2(page.contains(i == 0 ? "\nNew, " : "\nReused, "), page.constData());
    }
}

QTEST_GUILESS_MAIN(tst_RunTls)
#include "tst_runtls.moc"
