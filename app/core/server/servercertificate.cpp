// Self-signed certificate generation with libcrypto: nothing touches the disk.
#include "core/server/servercertificate.h"

#include <QByteArray>
#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServerCertificate)
};

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

constexpr long ValiditySeconds = 365L * 24 * 3600;
// Started an hour back so a client whose clock is slightly behind still accepts it.
constexpr long BackdateSeconds = 3600;

/// what: a QT_TRANSLATE_NOOP message; OpenSSL's own text follows it untranslated.
QString opensslError(const char *what)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1: %2").arg(Tr::tr(what), QLatin1String(text));
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

QByteArray toPem(const std::function<int(BIO *)> &write)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

ServerCertificate fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return ServerCertificate();
}
} // namespace

ServerCertificate ServerCertificate::generate(QString *error)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return fail(error,
            opensslError(QT_TRANSLATE_NOOP("ServerCertificate", "EC key generation failed")));

    X509Ptr cert(X509_new());
    unsigned char serialBytes[16];
    if (!cert || RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return fail(error,
            opensslError(QT_TRANSLATE_NOOP("ServerCertificate", "certificate allocation failed")));
    serialBytes[0] &= 0x7f; // a positive serial number, as RFC 5280 asks
    BignumPtr serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return fail(
            error, opensslError(QT_TRANSLATE_NOOP("ServerCertificate", "serial number failed")));

    X509_set_version(cert.get(), X509_VERSION_3);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -BackdateSeconds);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), ValiditySeconds);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const auto text = [](const char *s) {
        return reinterpret_cast<const unsigned char *>(s);
    };
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, text("Rafaga test server"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, text("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());

    // Clients match the host against the SAN, not the CN, so the SAN is what makes it usable.
    const bool extended
        = addExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1")
        && addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        && addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        && addExtension(cert.get(), NID_subject_key_identifier, "hash");
    if (!extended)
        return fail(error,
            opensslError(QT_TRANSLATE_NOOP("ServerCertificate", "certificate extensions failed")));
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return fail(error,
            opensslError(QT_TRANSLATE_NOOP("ServerCertificate", "certificate signing failed")));

    const QByteArray certPem = toPem([&](BIO *bio) { return PEM_write_bio_X509(bio, cert.get()); });
    // The traditional "EC PRIVATE KEY" form: the one QSslKey's Ec type reads in every backend.
    const QByteArray keyPem = toPem([&](BIO *bio) {
        return PEM_write_bio_PrivateKey_traditional(
            bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    ServerCertificate result;
    result.certificate = QSslCertificate(certPem, QSsl::Pem);
    result.key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (result.isNull())
        return fail(error, Tr::tr("Qt could not read the generated certificate or key"));
    return result;
}
