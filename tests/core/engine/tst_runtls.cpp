// A run's TLS settings against real TLS servers on loopback: the client certificate checked before
// anything is sent, and --insecure meaning "do not verify".
#include "core/engine/requestsource.h"
#include "core/engine/run.h"
#include "core/engine/tlsconfiguration.h"
#include "core/server/httpserver.h"
#include "core/server/servercertificate.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_GUILESS_MAIN(tst_RunTls)
#include "tst_runtls.moc"
