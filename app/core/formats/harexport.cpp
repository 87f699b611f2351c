#include "core/formats/harexport.h"

#include "core/base/version.h"
#include "core/engine/resultstore.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace HarExport {
namespace {
using ResultWriters::capturedSecrets;
using ResultWriters::SecretMask;
using ResultWriters::toMs;

constexpr qsizetype FlushBytes = 64 * 1024;

/// Where an entry starts on the run's clock: its first dispatch, or for a request never sent,
/// when it was due or cancelled.
qint64 startUs(const Result &result)
{
    if (result.dispatchedUs >= 0)
        return result.dispatchedUs;
    if (result.scheduledUs >= 0)
        return result.scheduledUs;
    return qMax<qint64>(0, result.finishedUs);
}

QString versionText(Result::HttpVersion version)
{
    switch (version) {
    case Result::Http1:
        return QStringLiteral("HTTP/1.1");
    case Result::Http2:
        return QStringLiteral("HTTP/2.0");
    case Result::UnknownVersion:
        break;
    }
    return QString();
}

QByteArray headerValue(const HttpHeaders &headers, const QByteArray &name)
{
    for (const HttpHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

QJsonArray headerArray(const HttpHeaders &headers, const SecretMask &mask)
{
    QJsonArray array;
    for (const HttpHeader &header : headers)
        array.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(header.first)},
            {QStringLiteral("value"), mask.apply(header.second)}});
    return array;
}

QJsonObject request(const Result &result, const RequestSpec &spec, const RunOptions &options,
    const SecretMask &mask)
{
    QJsonArray query;
    const QUrlQuery urlQuery(spec.url);
    const auto items = urlQuery.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        query.append(QJsonObject {{QStringLiteral("name"), mask.apply(item.first)},
            {QStringLiteral("value"), mask.apply(item.second)}});
    // Without an answer, say what the run would have spoken.
    QString version = versionText(result.httpVersion);
    if (version.isEmpty())
        version = versionText(
            options.httpVersion == HttpVersionPolicy::Http2 ? Result::Http2 : Result::Http1);
    QJsonObject object {
        {QStringLiteral("method"), QString::fromLatin1(spec.method)},
        {QStringLiteral("url"), mask.apply(spec.url.toString(QUrl::FullyEncoded))},
        {QStringLiteral("httpVersion"), version},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), headerArray(spec.headers, mask)},
        {QStringLiteral("queryString"), query},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), spec.body.size()},
    };
    if (!spec.body.isEmpty()) {
        QString mimeType = QString::fromLatin1(headerValue(spec.headers, "content-type"));
        QJsonObject postData {{QStringLiteral("mimeType"),
            mimeType.isEmpty() ? QStringLiteral("application/octet-stream") : mimeType}};
        if (const auto text = ResultWriters::utf8Text(spec.body)) {
            postData.insert(QStringLiteral("text"), mask.apply(*text));
        } else {
            // HAR 1.2 defines "encoding" for response content only; tools that write binary
            // bodies use it here too, and an importer that does not know it can say so (ours
            // does) instead of sending base64 text as the body.
            postData.insert(QStringLiteral("text"), QString::fromLatin1(spec.body.toBase64()));
            postData.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
        }
        object.insert(QStringLiteral("postData"), postData);
    }
    return object;
}

QJsonObject response(const Result &result, const SecretMask &mask)
{
    const HttpHeaders headers = result.detail ? result.detail->responseHeaders : HttpHeaders();
    const QByteArray sample = result.detail ? result.detail->bodySample : QByteArray();
    const QString mimeType = QString::fromLatin1(headerValue(headers, "content-type"));
    QJsonObject content {
        {QStringLiteral("size"), result.bytesReceived},
        {QStringLiteral("mimeType"), mimeType.isEmpty() ? QStringLiteral("x-unknown") : mimeType},
    };
    if (!sample.isEmpty()) {
        if (const auto text = ResultWriters::utf8Text(sample)) {
            content.insert(QStringLiteral("text"), mask.apply(*text));
        } else {
            content.insert(QStringLiteral("text"), QString::fromLatin1(sample.toBase64()));
            content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
        }
        if (result.bytesReceived > sample.size())
            content.insert(QStringLiteral("comment"),
                QStringLiteral("truncated: the first %1 of %2 bytes")
                    .arg(sample.size())
                    .arg(result.bytesReceived));
    }
    const bool redirect = result.status >= 300 && result.status < 400;
    const bool answered = result.status > 0;
    return QJsonObject {
        {QStringLiteral("status"), result.status},
        {QStringLiteral("statusText"), ResultWriters::reasonPhrase(result.status)},
        {QStringLiteral("httpVersion"), versionText(result.httpVersion)},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), headerArray(headers, mask)},
        {QStringLiteral("content"), content},
        {QStringLiteral("redirectURL"),
            redirect ? mask.apply(headerValue(headers, "location")) : QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), answered ? result.bytesReceived : -1},
    };
}
} // namespace

Timings timings(const Result &result)
{
    enum Phase { Blocked, Connect, Send, Wait, Receive, PhaseCount };
    qint64 spent[PhaseCount] = {};
    bool seen[PhaseCount] = {};
    const qint64 start = startUs(result);
    const qint64 end = qMax(start, result.finishedUs);
    qint64 at = start;
    // Moves the cursor to the phase point us (if it happened), charging the time to phase.
    const auto until = [&](Phase phase, qint64 us) {
        if (us < 0)
            return false;
        const qint64 point = qBound(at, us, end);
        spent[phase] += point - at;
        seen[phase] = true;
        at = point;
        return true;
    };
    const bool connecting = until(Blocked, result.connectStartUs);
    const bool tls = until(Connect, result.tlsDoneUs);
    // On a reused connection the time before "sent" holds the earlier attempts when retried.
    const bool sent
        = until(result.retries > 0 && !connecting && !tls ? Blocked : Send, result.requestSentUs);
    const bool headers = until(Wait, result.headersUs);
    until(headers ? Receive : sent ? Wait : tls ? Send : connecting ? Connect : Blocked, end);

    Timings t;
    t.blocked = seen[Blocked] ? toMs(spent[Blocked]) : -1;
    t.connect = seen[Connect] ? toMs(spent[Connect]) : -1;
    t.send = toMs(spent[Send]);
    t.wait = toMs(spent[Wait]);
    t.receive = toMs(spent[Receive]);
    t.total = toMs(end - start);
    return t;
}

QJsonObject entry(const Result &result, const RequestSpec &spec, const RunOptions &options,
    const QDateTime &startedAt, const SecretMask &mask)
{
    const QDateTime origin
        = startedAt.isValid() ? startedAt.toUTC() : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    const Timings t = timings(result);
    QJsonObject object {
        {QStringLiteral("startedDateTime"),
            origin.addMSecs(startUs(result) / 1000).toString(Qt::ISODateWithMs)},
        {QStringLiteral("time"), t.total},
        {QStringLiteral("request"), request(result, spec, options, mask)},
        {QStringLiteral("response"), response(result, mask)},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"),
            QJsonObject {
                {QStringLiteral("blocked"), t.blocked},
                {QStringLiteral("dns"), t.dns},
                {QStringLiteral("connect"), t.connect},
                {QStringLiteral("ssl"), t.ssl},
                {QStringLiteral("send"), t.send},
                {QStringLiteral("wait"), t.wait},
                {QStringLiteral("receive"), t.receive},
            }},
        {QStringLiteral("_index"), qint64(result.requestIndex)},
    };
    if (!spec.name.isEmpty())
        object.insert(QStringLiteral("_name"), mask.apply(spec.name));
    if (result.retries > 0)
        object.insert(QStringLiteral("_retries"), result.retries);
    if (result.redirects > 0) {
        object.insert(QStringLiteral("_redirects"), result.redirects);
        object.insert(QStringLiteral("_finalUrl"),
            mask.apply(result.finalUrl().toString(QUrl::FullyEncoded)));
    }
    if (result.error != ErrorCategory::None) {
        object.insert(QStringLiteral("_error"), errorCategoryKey(result.error));
        object.insert(QStringLiteral("_errorMessage"), mask.apply(result.errorMessage()));
    }
    const QJsonObject context = ResultWriters::contextJson(spec, mask);
    for (auto it = context.begin(); it != context.end(); ++it)
        object.insert(QLatin1Char('_') + it.key(), it.value());
    if (result.detail && !result.detail->assertions.isEmpty())
        object.insert(
            QStringLiteral("_assertions"), ResultWriters::assertionsJson(result, spec, mask));
    return object;
}

bool write(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const RunOptions &options, const QDateTime &startedAt, const SecretMask &mask, QString *error)
{
    const QJsonObject creator {{QStringLiteral("name"), QStringLiteral("rafaga")},
        {QStringLiteral("version"), Rafaga::version()}};
    QByteArray buffer = "{\"log\": {\"version\": \"1.2\", \"creator\": "
        + QJsonDocument(creator).toJson(QJsonDocument::Compact) + ", \"entries\": [";
    bool first = true;
    for (qint64 i = 0; i < store.size(); ++i) {
        if (!store.isDone(i))
            continue;
        buffer += first ? "\n" : ",\n";
        first = false;
        const RequestSpec spec = store.requestFor(source, i);
        const SecretMask masked = mask.with(capturedSecrets(store.at(i), spec));
        buffer += QJsonDocument(entry(store.at(i), spec, options, startedAt, masked))
                      .toJson(QJsonDocument::Compact);
        if (buffer.size() >= FlushBytes) {
            if (!ResultWriters::writeBytes(device, buffer, error))
                return false;
            buffer.clear();
        }
    }
    buffer += "\n]}}\n";
    return ResultWriters::writeBytes(device, buffer, error);
}
} // namespace HarExport
