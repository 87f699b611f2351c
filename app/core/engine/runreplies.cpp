// How a reply's signals feed its flight: phase times, TLS errors, the body as it streams.
#include "core/engine/run.h"

#include "core/engine/runflight.h"

namespace {
// Big enough that Qt's HTTP thread rarely waits on us, small enough that a huge body streams
// through in constant memory.
constexpr qint64 ReadBufferBytes = 256 * 1024;
// An answer announcing at most this much is read once, when it has finished.
constexpr qint64 SmallBodyBytes = 64 * 1024;
} // namespace

void Run::connectReply(int flightId, bool https)
{
    // Every connection costs a slot object and an emission per request: connect only what this
    // run can use. TLS signals only matter on https (a redirect to https connects them then).
    Flight &flight = *m_flights[size_t(flightId)];
    QNetworkReply *reply = flight.reply;
    const quint64 generation = flight.generation;
    const auto current = [this, flightId, generation]() -> Flight * {
        Flight *f = m_flights[size_t(flightId)].get();
        return f->generation == generation && f->reply ? f : nullptr;
    };
    const auto connectTls = [this, reply, current] {
        connect(reply, &QNetworkReply::encrypted, this, [this, current] {
            if (Flight *f = current())
                f->result.tlsDoneUs = nowUs();
        });
        // Qt reports verification errors even when told not to verify, and then carries on:
        // under --insecure they are not errors. Otherwise Qt fails the handshake and these are
        // its reasons.
        if (m_options.insecure)
            return;
        connect(reply, &QNetworkReply::sslErrors, this, [current](const QList<QSslError> &errors) {
            if (Flight *f = current()) {
                for (const QSslError &error : errors)
                    f->tlsErrors.append(error.errorString());
            }
        });
    };
    if (https)
        connectTls();
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this, current] {
        if (Flight *f = current())
            f->result.connectStartUs = nowUs();
    });
    connect(reply, &QNetworkReply::requestSent, this, [this, current] {
        if (Flight *f = current())
            f->result.requestSentUs = nowUs();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, current] {
        Flight *f = current();
        if (!f || f->result.headersUs >= 0)
            return;
        f->result.headersUs = nowUs();
        // A small answer waits in the reply until finished; only a big (or unknown) one is read
        // as it comes, under a read-buffer limit. Both cost per request: readyRead a signal and a
        // slot per read, the limit a flow-control signal to Qt's HTTP thread per read (over h2c,
        // 3.5 write and 1.6 futex calls per request).
        bool known = false;
        const qint64 length
            = f->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && length <= SmallBodyBytes)
            return;
        f->reply->setReadBufferSize(ReadBufferBytes);
        connect(f->reply, &QNetworkReply::readyRead, this, [this, current] {
            if (Flight *g = current())
                takeBody(*g);
        });
    });
    if (m_options.maxRedirects > 0) {
        connect(reply, &QNetworkReply::redirected, this,
            [current, connectTls, tls = https](const QUrl &to) mutable {
                Flight *f = current();
                if (!f)
                    return;
                f->result.redirects = quint8(qMin(f->result.redirects + 1, 255));
                if (!tls && to.scheme() == QLatin1String("https")) {
                    tls = true;
                    connectTls();
                }
            });
    }
    connect(reply, &QNetworkReply::finished, this, [this, flightId, current] {
        if (current())
            onReplyFinished(flightId);
    });
}

void Run::takeBody(Flight &flight)
{
    QNetworkReply *reply = flight.reply;
    const qint64 available = reply->bytesAvailable();
    if (available <= 0)
        return;
    const qint64 room = qMax<qint64>(0, flight.sampleCap - flight.bodySample.size());
    if (room > 0)
        flight.bodySample.append(reply->read(qMin(room, available)));
    // What does not fit is counted, not kept.
    if (reply->bytesAvailable() > 0)
        reply->skip(reply->bytesAvailable());
    flight.result.bytesReceived += available;
}
