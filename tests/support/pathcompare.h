// Runs one request list through Run twice, through the fast path and through Qt's own stack,
// and checks that every recorded field but the times agrees (tst_fasthttp, tst_fasthttp2).
#pragma once

#include "core/engine/requestsource.h"
#include "core/engine/run.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

/// A request for a run: method and body (text/plain) as given.
inline RequestSpec specFor(
    const QUrl &url, const QByteArray &method = "GET", const QByteArray &body = {})
{
    RequestSpec spec;
    spec.url = url;
    spec.method = method;
    spec.body = body;
    if (!body.isEmpty())
        spec.headers.append(HttpHeader("Content-Type", "text/plain"));
    return spec;
}

/// options: what both runs share (HTTP version, timeout); concurrency, the path and the body
/// sample size are set here.
inline void compareRunPaths(QList<RequestSpec> requests, RunOptions options)
{
    // Qt's stack adds an Accept-Language the fast path leaves out, unless the request has one:
    // each names one, so that both send the same request (/get echoes it).
    for (RequestSpec &spec : requests)
        spec.headers.append(HttpHeader("Accept-Language", "en"));
    const auto runWith = [&](bool fastPath) {
        options.concurrency = 4;
        options.fastHttpPath = fastPath;
        options.bodySampleBytes = 1024 * 1024;
        auto run = std::make_unique<Run>(std::make_shared<RequestList>(requests), options);
        QSignalSpy finished(run.get(), &Run::finished);
        run->start();
        finished.wait(60000);
        return run;
    };
    const auto fast = runWith(true);
    const auto qt = runWith(false);
    QVERIFY(fast->state() == Run::State::Finished && qt->state() == Run::State::Finished);
    for (qint64 i = 0; i < qint64(requests.size()); ++i) {
        const Result a = fast->results().at(i);
        const Result b = qt->results().at(i);
        const QString where
            = QString::fromLatin1(requests[int(i)].method + ' ' + requests[int(i)].url.toEncoded());
        QVERIFY2(a.status == b.status,
            qPrintable(where + QStringLiteral(": %1 vs %2").arg(a.status).arg(b.status)));
        QVERIFY2(a.error == b.error,
            qPrintable(where + QStringLiteral(": %1 vs %2").arg(int(a.error)).arg(int(b.error))));
        // Qt words a reset HTTP/2 stream as the HTTP status its code resembles ("Internal server
        // error" for INTERNAL_ERROR); the fast path names the code. The category must agree.
        const bool namedReset
            = a.errorMessage().startsWith(QLatin1String("HTTP/2 stream reset by the server: "));
        QVERIFY2(a.errorMessage() == b.errorMessage() || namedReset,
            qPrintable(where + QStringLiteral(": ") + a.errorMessage() + QStringLiteral(" | ")
                + b.errorMessage()));
        QVERIFY2(a.bytesSent == b.bytesSent,
            qPrintable(where + QStringLiteral(": %1 vs %2").arg(a.bytesSent).arg(b.bytesSent)));
        QVERIFY2(a.bytesReceived == b.bytesReceived,
            qPrintable(
                where + QStringLiteral(": %1 vs %2").arg(a.bytesReceived).arg(b.bytesReceived)));
        QVERIFY2(a.redirects == b.redirects, qPrintable(where));
        QVERIFY2(a.retries == b.retries, qPrintable(where));
        QVERIFY2(a.httpVersion == b.httpVersion, qPrintable(where));
        QVERIFY2(a.finalUrl() == b.finalUrl(), qPrintable(where));
        const QByteArray sampleA = a.detail ? a.detail->bodySample : QByteArray();
        const QByteArray sampleB = b.detail ? b.detail->bodySample : QByteArray();
        QVERIFY2(sampleA == sampleB,
            qPrintable(where + QStringLiteral(": ") + QString::fromLatin1(sampleA.left(400))
                + QStringLiteral(" | ") + QString::fromLatin1(sampleB.left(400))));
        const HttpHeaders ha = a.detail ? a.detail->responseHeaders : HttpHeaders();
        const HttpHeaders hb = b.detail ? b.detail->responseHeaders : HttpHeaders();
        QString shown;
        for (const HttpHeaders *headers : {&ha, &hb}) {
            shown += QStringLiteral(" |");
            for (const auto &[name, value] : *headers)
                shown += QLatin1Char(' ') + QString::fromLatin1(name + ": " + value + ';');
        }
        // After redirects Qt 6.4 now and then merges the redirect's headers into the final
        // answer's ("Server: x, x", its Location): a race in its HTTP thread. The fast path keeps
        // the final answer's only, which is what Qt gives when the race goes the other way.
        if (b.redirects == 0)
            QVERIFY2(ha == hb, qPrintable(where + shown));
        // Phases in order, whichever happened; over TLS a new connection's handshake is timed.
        if (a.connectStartUs >= 0 && a.status > 0
            && requests[int(i)].url.scheme() == QLatin1String("https"))
            QVERIFY2(a.tlsDoneUs >= 0, qPrintable(where));
        qint64 last = a.dispatchedUs;
        for (const qint64 t :
            {a.connectStartUs, a.tlsDoneUs, a.requestSentUs, a.headersUs, a.finishedUs}) {
            if (t < 0)
                continue;
            QVERIFY2(t >= last, qPrintable(where));
            last = t;
        }
    }
}
