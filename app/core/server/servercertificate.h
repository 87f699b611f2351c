// A throwaway self-signed certificate for the built-in server's TLS mode, made in memory.
#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

/// A certificate and its private key. The certificate is for CN=localhost with the subject
/// alternative names DNS:localhost, IP:127.0.0.1 and IP:::1, valid for one year; clients must
/// either trust it explicitly or not verify the peer.
struct ServerCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    bool isNull() const { return certificate.isNull() || key.isNull(); }

    /// Makes a fresh EC P-256 key and self-signs a certificate with it through OpenSSL's libcrypto.
    /// Returns a null ServerCertificate and sets *error when OpenSSL fails.
    static ServerCertificate generate(QString *error = nullptr);
};
