#include "core/engine/tlsconfiguration.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Run)
};

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};

/// Whether the PEM private key belongs to the PEM certificate: OpenSSL compares the public halves.
bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
    const BioPtr certificateBio(
        BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    const BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!certificateBio || !keyBio)
        return false;
    const std::unique_ptr<X509, Deleter<X509, X509_free>> certificate(
        PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    const std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    return certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
}

/// The whole file, or an error naming it.
Parsed<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseError {
            path, {}, Tr::tr("cannot read the %1: %2").arg(what, file.errorString())};
    return file.readAll();
}

QSslKey privateKeyFrom(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return QSslKey();
}
} // namespace

Parsed<QSslConfiguration> tlsConfigurationFor(const RunOptions &options)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (options.insecure)
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (options.clientCertificateFile.isEmpty()) {
        if (!options.clientKeyFile.isEmpty())
            return ParseError {
                options.clientKeyFile, {}, Tr::tr("a client key needs its certificate (--cert)")};
        return configuration;
    }
    const QString &certificatePath = options.clientCertificateFile;
    const Parsed<QByteArray> certificatePem
        = readFile(certificatePath, Tr::tr("client certificate"));
    if (!certificatePem)
        return certificatePem.error();
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromData(certificatePem.value(), QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull())
        return ParseError {certificatePath, {}, Tr::tr("not a PEM client certificate")};

    const QString keyPath
        = options.clientKeyFile.isEmpty() ? certificatePath : options.clientKeyFile;
    const Parsed<QByteArray> keyPem
        = keyPath == certificatePath ? certificatePem : readFile(keyPath, Tr::tr("client key"));
    if (!keyPem)
        return keyPem.error();
    const QSslKey key = privateKeyFrom(keyPem.value());
    if (key.isNull())
        return ParseError {keyPath, {},
            Tr::tr("no unencrypted PEM private key (RSA, EC or DSA) for the client certificate")};
    if (!keyMatchesCertificate(certificatePem.value(), keyPem.value()))
        return ParseError {keyPath, {},
            Tr::tr("the private key does not belong to the client certificate %1")
                .arg(certificatePath)};
    configuration.setLocalCertificate(certificates.first());
    configuration.setPrivateKey(key);
    return configuration;
}
