// How requests reach the server: HTTP version, which HTTP stack, TLS trust, client certificate,
// proxy and the deadline of one attempt. The command line's flags and the workbench's run
// settings fill it; RunOptions carries it to the engine.
#pragma once

#include <QString>

enum class HttpVersionPolicy {
    Auto, ///< HTTP/1.1 on cleartext; HTTP/2 when TLS ALPN offers it
    Http1Only, ///< never HTTP/2
    Http2, ///< HTTP/2 everywhere: ALPN on TLS, prior knowledge (h2c) on cleartext
};

/// A value type; copying one into a RunOptions (RunOptions::setTransport) sets all its fields at
/// once, so no caller copies them one by one.
struct TransportOptions
{
    int timeoutMs = 30000; ///< total deadline of one attempt; 0 = none
    HttpVersionPolicy httpVersion = HttpVersionPolicy::Auto;
    /// Plain http:// with no proxy (HTTP/1.1, or h2c with prior knowledge) goes through Rafaga's
    /// fast path (FastHttpManager: bulk reads, libhttp-parser, libnghttp2) instead of Qt's HTTP
    /// thread; false, or the environment variable RAFAGA_QT_HTTP=1, sends everything through
    /// Qt's own stack.
    bool fastHttpPath = true;
    bool insecure = false; ///< accept any TLS certificate, on purpose
    QString proxy; ///< proxy URL; empty = the system's settings
    QString clientCertificateFile; ///< PEM client certificate, optional
    QString clientKeyFile; ///< PEM private key of the client certificate

    friend bool operator==(const TransportOptions &, const TransportOptions &) = default;
};
