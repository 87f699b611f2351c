// How a run is carried out: concurrency, pacing, deadlines, retries, protocol and TLS.
#pragma once

#include <QString>

enum class HttpVersionPolicy {
    Auto, ///< HTTP/1.1 on cleartext; HTTP/2 when TLS ALPN offers it
    Http1Only, ///< never HTTP/2
    Http2, ///< HTTP/2 everywhere: ALPN on TLS, prior knowledge (h2c) on cleartext
};

struct RunOptions
{
    static constexpr int MaxConcurrency = 1000;

    int concurrency = 1; ///< requests in flight at once, 1..MaxConcurrency
    double rate = 0; ///< target requests per second (open model); 0 = no pacing
    int timeoutMs = 30000; ///< total deadline of one attempt; 0 = none
    int retries = 0; ///< extra attempts after a retryable failure
    int retryBaseDelayMs = 100; ///< first backoff; doubles each attempt, full jitter
    int retryMaxDelayMs = 10000; ///< cap on one backoff, Retry-After included
    int maxRedirects = 10; ///< 0 = do not follow redirects
    HttpVersionPolicy httpVersion = HttpVersionPolicy::Auto;
    /// Plain http:// with no proxy (HTTP/1.1, or h2c with prior knowledge) goes through Rafaga's
    /// fast path (FastHttpManager: bulk reads, libhttp-parser, libnghttp2) instead of Qt's HTTP
    /// thread; false, or the environment
    /// variable RAFAGA_QT_HTTP=1, sends everything through Qt's own stack.
    bool fastHttpPath = true;
    bool insecure = false; ///< accept any TLS certificate, on purpose
    QString proxy; ///< proxy URL; empty = the system's settings
    QString clientCertificateFile; ///< PEM client certificate, optional
    QString clientKeyFile; ///< PEM private key of the client certificate
    int bodySampleBytes = 64 * 1024; ///< response body kept per result; the rest is counted
    bool keepResponseHeaders = true;
    /// Once the headers and body samples kept reach this many bytes, later results keep neither
    /// (their sizes, timings and assertion verdicts are still recorded): memory stays bounded on
    /// runs of millions of requests with large answers.
    qint64 detailBudgetBytes = 256 * 1024 * 1024;
};
