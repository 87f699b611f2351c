// How a run is carried out: concurrency, pacing, deadlines, retries, protocol and TLS.
#pragma once

#include "core/model/transportoptions.h"

/// The transport fields (timeoutMs, httpVersion, fastHttpPath, insecure, proxy, client
/// certificate) come from TransportOptions.
struct RunOptions : TransportOptions
{
    static constexpr int MaxConcurrency = 1000;

    int concurrency = 1; ///< requests in flight at once, 1..MaxConcurrency
    double rate = 0; ///< target requests per second (open model); 0 = no pacing
    int retries = 0; ///< extra attempts after a retryable failure
    /// One request at a time in input order, none started while another waits out its backoff;
    /// concurrency is then 1.
    bool sequential = false;
    int retryBaseDelayMs = 100; ///< first backoff; doubles each attempt, full jitter
    int retryMaxDelayMs = 10000; ///< cap on one backoff, Retry-After included
    int maxRedirects = 10; ///< 0 = do not follow redirects
    int bodySampleBytes = 64 * 1024; ///< response body kept per result; the rest is counted
    bool keepResponseHeaders = true;
    /// Once the headers and body samples kept reach this many bytes, later results keep neither
    /// (their sizes, timings and assertion verdicts are still recorded): memory stays bounded on
    /// runs of millions of requests with large answers.
    qint64 detailBudgetBytes = 256 * 1024 * 1024;

    const TransportOptions &transport() const { return *this; }
    void setTransport(const TransportOptions &transport)
    {
        static_cast<TransportOptions &>(*this) = transport;
    }
};
