#include "core/formats/resultwriters.h"

#include "core/checks/assertions.h"
#include "core/engine/resultstore.h"
#include "core/formats/csvwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace ResultWriters {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ResultWriters)
};

// Flush the hand-written JSON array in pieces of about this size.
constexpr qsizetype FlushBytes = 64 * 1024;

QString msField(qint64 us)
{
    return us < 0 ? QString() : QString::number(toMs(us), 'f', 3);
}

QJsonValue msValue(qint64 us)
{
    return us < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(toMs(us));
}

QString versionName(Result::HttpVersion version)
{
    switch (version) {
    case Result::Http1:
        return QStringLiteral("1.1");
    case Result::Http2:
        return QStringLiteral("2");
    case Result::UnknownVersion:
        break;
    }
    return QString();
}

QJsonObject percentiles(const Histogram &histogram)
{
    const auto ms = [](double us) {
        return us / 1000.0;
    };
    return QJsonObject {
        {QStringLiteral("min"), ms(double(histogram.min()))},
        {QStringLiteral("mean"), ms(histogram.mean())},
        {QStringLiteral("p50"), ms(histogram.quantile(0.50))},
        {QStringLiteral("p90"), ms(histogram.quantile(0.90))},
        {QStringLiteral("p95"), ms(histogram.quantile(0.95))},
        {QStringLiteral("p99"), ms(histogram.quantile(0.99))},
        {QStringLiteral("p999"), ms(histogram.quantile(0.999))},
        {QStringLiteral("max"), ms(double(histogram.max()))},
    };
}

QString httpVersionPolicyName(HttpVersionPolicy policy)
{
    switch (policy) {
    case HttpVersionPolicy::Http1Only:
        return QStringLiteral("http1");
    case HttpVersionPolicy::Http2:
        return QStringLiteral("http2");
    case HttpVersionPolicy::Auto:
        break;
    }
    return QStringLiteral("auto");
}

QStringList fixedRow(const Result &result, const RequestSpec &spec, const SecretMask &mask)
{
    return {
        QString::number(result.requestIndex),
        mask.apply(spec.name),
        QString::fromLatin1(spec.method),
        mask.apply(spec.url.toString(QUrl::FullyEncoded)),
        mask.apply(result.finalUrl().toString(QUrl::FullyEncoded)),
        result.status ? QString::number(result.status) : QString(),
        result.error == ErrorCategory::None ? QString() : errorCategoryKey(result.error),
        mask.apply(result.errorMessage()),
        versionName(result.httpVersion),
        QString::number(result.retries),
        QString::number(result.redirects),
        msField(result.latencyUs()),
        msField(result.latencyFromScheduleUs()),
        msField(result.ttfbUs()),
        QString::number(result.bytesSent),
        QString::number(result.bytesReceived),
        msField(result.scheduledUs),
        msField(result.dispatchedUs),
        msField(result.connectStartUs),
        msField(result.tlsDoneUs),
        msField(result.requestSentUs),
        msField(result.headersUs),
        msField(result.finishedUs),
        QString::number(result.resends),
    };
}

/// The columns after the fixed ones that every layout has.
/// The captures column: "NAME=VALUE; ...", *** for a secret, "NAME: why" for one not taken.
QString capturesCell(const Result &result)
{
    QStringList parts;
    if (result.detail) {
        for (const CaptureOutcome &capture : std::as_const(result.detail->captures)) {
            if (!capture.captured())
                parts.append(capture.variable + QStringLiteral(": ") + capture.problem);
            else
                parts.append(capture.variable + u'='
                    + (capture.secret ? QStringLiteral("***") : capture.value));
        }
    }
    return parts.join(QStringLiteral("; "));
}

const QStringList &runColumns()
{
    static const QStringList columns {
        QStringLiteral("iteration"), QStringLiteral("row"), QStringLiteral("assertions_failed")};
    return columns;
}

/// name, or "data." + name repeated until it is not in used; records the result in used.
QString uniqueName(const QString &name, QSet<QString> &used)
{
    QString unique = name;
    while (used.contains(unique))
        unique.prepend(QLatin1String("data."));
    used.insert(unique);
    return unique;
}

/// The value of the layout's data column `column` (index i) in the request's context.
QString dataValue(const RequestContext &context, const QStringList &columns, qsizetype i)
{
    // Every request of a collection run shares the column list: look up by position.
    qsizetype at = context.dataColumns == columns ? i : context.dataColumns.indexOf(columns.at(i));
    return at >= 0 && at < context.dataValues.size() ? context.dataValues.at(at) : QString();
}
} // namespace

QStringList assertionColumns(const QList<Assertion> &assertions)
{
    QStringList columns;
    QHash<QString, int> seen;
    for (const Assertion &assertion : assertions) {
        if (!assertion.enabled)
            continue;
        const QString column = QLatin1String("assert: ") + assertionLabel(assertion);
        const int count = ++seen[column];
        columns.append(count == 1 ? column : column + QLatin1String(" #") + QString::number(count));
    }
    return columns;
}

CsvLayout::CsvLayout(const QStringList &dataColumns)
    : m_dataColumns(dataColumns)
{ }

CsvLayout CsvLayout::forRun(const RequestSource &source, qint64 scan)
{
    CsvLayout layout;
    const qint64 count = qMin(source.size(), qMax<qint64>(0, scan));
    bool first = true;
    for (qint64 i = 0; i < count; ++i) {
        const RequestSpec spec = source.at(i);
        if (!spec.context)
            continue;
        if (first)
            layout.m_dataColumns = spec.context->dataColumns;
        if (!spec.context->captures.isEmpty())
            layout.m_captures = true;
        first = false;
        if (!layout.m_columnsByRequest.contains(
                requestKey(spec.context->path, spec.context->assertions)))
            layout.addRequest(spec.context->path, spec.context->assertions);
    }
    return layout;
}

void CsvLayout::addRequest(const QString &path, const QList<Assertion> &assertions)
{
    QList<qsizetype> columns;
    for (const QString &label : ResultWriters::assertionColumns(assertions)) {
        qsizetype column = m_assertionColumns.indexOf(label);
        if (column < 0) {
            column = m_assertionColumns.size();
            m_assertionColumns.append(label);
        }
        columns.append(column);
    }
    m_columnsByRequest.insert(requestKey(path, assertions), columns);
}

QString CsvLayout::requestKey(const QString &path, const QList<Assertion> &assertions)
{
    // Targets and expected values may hold {{variables}}, resolved differently per row: leave
    // them out. Two requests at one path (same name in one folder) differ by their kinds, mostly.
    QString key = path;
    for (const Assertion &assertion : assertions) {
        if (assertion.enabled)
            key += QChar(u'\x1f') + QString::number(int(assertion.kind));
    }
    return key;
}

QStringList CsvLayout::header(const SecretMask &mask) const
{
    QStringList assertions;
    for (const QString &label : m_assertionColumns)
        assertions.append(mask.apply(label));
    QStringList columns = csvHeader() + runColumns();
    if (m_captures)
        columns.append(QStringLiteral("captures"));
    QSet<QString> used(columns.cbegin(), columns.cend());
    used.unite(QSet<QString>(assertions.cbegin(), assertions.cend()));
    for (const QString &name : m_dataColumns)
        columns.append(uniqueName(name, used));
    return columns + assertions;
}

QStringList CsvLayout::row(
    const Result &result, const RequestSpec &spec, const SecretMask &mask) const
{
    QStringList fields = fixedRow(result, spec, mask);
    const RequestContext *context = spec.context.get();
    fields.append(context ? QString::number(context->iteration) : QString());
    fields.append(context && context->row >= 0 ? QString::number(context->row) : QString());
    fields.append(QString::number(result.assertionsFailed));
    const SecretMask captured = SecretMask(capturedSecrets(result, spec));
    if (m_captures)
        fields.append(capturesCell(result));
    for (qsizetype i = 0; i < m_dataColumns.size(); ++i)
        fields.append(context ? mask.apply(dataValue(*context, m_dataColumns, i)) : QString());
    if (!captured.isEmpty())
        fields = captured.apply(fields);
    if (m_assertionColumns.isEmpty())
        return fields;
    QStringList cells(m_assertionColumns.size());
    if (context && result.detail) {
        const QList<AssertionOutcome> &outcomes = result.detail->assertions;
        QList<qsizetype> columns
            = m_columnsByRequest.value(requestKey(context->path, context->assertions));
        if (columns.isEmpty()) { // a request the layout has not seen: place by label
            for (const QString &label : ResultWriters::assertionColumns(context->assertions))
                columns.append(m_assertionColumns.indexOf(label));
        }
        for (qsizetype i = 0; i < qMin(columns.size(), outcomes.size()); ++i) {
            if (columns.at(i) < 0)
                continue;
            const AssertionOutcome &outcome = outcomes.at(i);
            cells[columns.at(i)] = outcome.passed
                ? QStringLiteral("pass")
                : QLatin1String("fail: ") + mask.apply(outcome.actual);
        }
    }
    return fields + captured.apply(cells);
}

double toMs(qint64 us)
{
    return double(us) / 1000.0;
}

QStringList csvHeader()
{
    static const char *const names[] = {"index", "name", "method", "url", "final_url", "status",
        "error", "error_message", "http_version", "retries", "redirects", "latency_ms",
        "latency_from_schedule_ms", "ttfb_ms", "bytes_out", "bytes_in", "scheduled_ms",
        "dispatched_ms", "connect_ms", "tls_ms", "sent_ms", "headers_ms", "finished_ms", "resends"};
    QStringList header;
    for (const char *name : names)
        header.append(QLatin1String(name));
    return header;
}

QStringList csvRow(const Result &result, const RequestSpec &spec)
{
    return fixedRow(result, spec, SecretMask());
}

/// resultJson without the captured secrets masked.
static QJsonObject resultObject(
    const Result &result, const RequestSpec &spec, const SecretMask &mask);

QJsonObject resultJson(const Result &result, const RequestSpec &spec, const SecretMask &mask)
{
    const QJsonObject object = resultObject(result, spec, mask);
    const QStringList secrets = capturedSecrets(result, spec);
    return secrets.isEmpty() ? object : SecretMask(secrets).apply(object);
}

static QJsonObject resultObject(
    const Result &result, const RequestSpec &spec, const SecretMask &mask)
{
    QJsonObject object {
        {QStringLiteral("index"), qint64(result.requestIndex)},
        {QStringLiteral("method"), QString::fromLatin1(spec.method)},
        {QStringLiteral("url"), mask.apply(spec.url.toString(QUrl::FullyEncoded))},
        {QStringLiteral("status"), result.status ? QJsonValue(result.status) : QJsonValue()},
        {QStringLiteral("error"),
            result.error == ErrorCategory::None ? QJsonValue() : errorCategoryKey(result.error)},
        {QStringLiteral("http_version"), versionName(result.httpVersion)},
        {QStringLiteral("retries"), result.retries},
        {QStringLiteral("redirects"), result.redirects},
        {QStringLiteral("resends"), result.resends},
        {QStringLiteral("latency_ms"), msValue(result.latencyUs())},
        {QStringLiteral("latency_from_schedule_ms"), msValue(result.latencyFromScheduleUs())},
        {QStringLiteral("ttfb_ms"), msValue(result.ttfbUs())},
        {QStringLiteral("bytes_out"), result.bytesSent},
        {QStringLiteral("bytes_in"), result.bytesReceived},
        {QStringLiteral("assertions_failed"), result.assertionsFailed},
        {QStringLiteral("times_ms"),
            QJsonObject {
                {QStringLiteral("scheduled"), msValue(result.scheduledUs)},
                {QStringLiteral("dispatched"), msValue(result.dispatchedUs)},
                {QStringLiteral("connect"), msValue(result.connectStartUs)},
                {QStringLiteral("tls"), msValue(result.tlsDoneUs)},
                {QStringLiteral("sent"), msValue(result.requestSentUs)},
                {QStringLiteral("headers"), msValue(result.headersUs)},
                {QStringLiteral("finished"), msValue(result.finishedUs)},
            }},
    };
    if (!spec.name.isEmpty())
        object.insert(QStringLiteral("name"), mask.apply(spec.name));
    if (!result.errorMessage().isEmpty())
        object.insert(QStringLiteral("error_message"), mask.apply(result.errorMessage()));
    if (!result.finalUrl().isEmpty())
        object.insert(QStringLiteral("final_url"),
            mask.apply(result.finalUrl().toString(QUrl::FullyEncoded)));

    const QJsonObject context = contextJson(spec, mask);
    for (auto it = context.begin(); it != context.end(); ++it)
        object.insert(it.key(), it.value());
    if (!result.detail)
        return object;
    const ResultDetail &detail = *result.detail;
    if (!detail.assertions.isEmpty())
        object.insert(QStringLiteral("assertions"), assertionsJson(result, spec, mask));
    addCapturesJson(object, result);
    if (!detail.responseHeaders.isEmpty()) {
        QJsonArray headers;
        for (const HttpHeader &header : detail.responseHeaders)
            headers.append(QJsonObject {
                {QStringLiteral("name"), QString::fromLatin1(header.first)},
                {QStringLiteral("value"), mask.apply(header.second)},
            });
        object.insert(QStringLiteral("response_headers"), headers);
    }
    if (!detail.bodySample.isEmpty()) {
        if (const auto text = utf8Text(detail.bodySample))
            object.insert(QStringLiteral("body"), mask.apply(*text));
        else
            object.insert(
                QStringLiteral("body_base64"), QString::fromLatin1(detail.bodySample.toBase64()));
        if (result.bytesReceived > detail.bodySample.size())
            object.insert(QStringLiteral("body_truncated"), true);
    }
    return object;
}

QStringList capturedSecrets(const Result &result, const RequestSpec &spec)
{
    QStringList secrets = spec.capturedSecrets;
    if (result.detail) {
        for (const CaptureOutcome &capture : std::as_const(result.detail->captures)) {
            if (capture.secret && capture.captured())
                secrets.append(capture.value);
        }
    }
    return secrets;
}

void addCapturesJson(QJsonObject &object, const Result &result)
{
    if (!result.detail || result.detail->captures.isEmpty())
        return;
    QJsonObject captures;
    QJsonObject problems;
    for (const CaptureOutcome &capture : std::as_const(result.detail->captures)) {
        if (!capture.captured())
            problems.insert(capture.variable, capture.problem);
        else
            captures.insert(
                capture.variable, capture.secret ? QStringLiteral("***") : capture.value);
    }
    object.insert(QStringLiteral("captures"), captures);
    if (!problems.isEmpty())
        object.insert(QStringLiteral("capture_problems"), problems);
}

QJsonObject contextJson(const RequestSpec &spec, const SecretMask &mask)
{
    QJsonObject object;
    const RequestContext *context = spec.context.get();
    if (!context)
        return object;
    if (!context->path.isEmpty())
        object.insert(QStringLiteral("path"), mask.apply(context->path));
    object.insert(QStringLiteral("iteration"), context->iteration);
    object.insert(
        QStringLiteral("row"), context->row >= 0 ? QJsonValue(context->row) : QJsonValue());
    if (!context->dataColumns.isEmpty()) {
        QJsonObject data;
        QSet<QString> used;
        for (qsizetype i = 0; i < context->dataColumns.size(); ++i)
            data.insert(uniqueName(context->dataColumns.at(i), used),
                mask.apply(dataValue(*context, context->dataColumns, i)));
        object.insert(QStringLiteral("data"), data);
    }
    return object;
}

QJsonArray assertionsJson(const Result &result, const RequestSpec &spec, const SecretMask &mask)
{
    QJsonArray assertions;
    if (!result.detail)
        return assertions;
    QStringList labels;
    if (spec.context) {
        for (const Assertion &assertion : spec.context->assertions) {
            if (assertion.enabled)
                labels.append(assertionLabel(assertion));
        }
    }
    const QList<AssertionOutcome> &outcomes = result.detail->assertions;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        // More outcomes than enabled assertions would be an engine bug; keep them, unnamed.
        const QString label
            = i < labels.size() ? labels.at(i) : QStringLiteral("assertion %1").arg(i + 1);
        assertions.append(QJsonObject {
            {QStringLiteral("label"), mask.apply(label)},
            {QStringLiteral("passed"), outcomes.at(i).passed},
            {QStringLiteral("actual"), mask.apply(outcomes.at(i).actual)},
        });
    }
    return assertions;
}

QJsonObject summaryJson(
    const RunStats &stats, const RunOptions &options, qint64 requests, qint64 elapsedUs)
{
    const double elapsedS = double(elapsedUs) / 1e6;
    QJsonObject codes;
    for (auto it = stats.statusCodes().cbegin(); it != stats.statusCodes().cend(); ++it)
        codes.insert(QString::number(it.key()), it.value());
    QJsonObject errors;
    for (int i = 1; i < ErrorCategoryCount; ++i) {
        const auto category = ErrorCategory(i);
        if (const qint64 count = stats.errorCount(category))
            errors.insert(errorCategoryKey(category), count);
    }
    return QJsonObject {
        {QStringLiteral("requests"), requests},
        {QStringLiteral("completed"), stats.completed()},
        {QStringLiteral("succeeded"), stats.succeeded()},
        {QStringLiteral("failed"), stats.failed()},
        {QStringLiteral("elapsed_s"), elapsedS},
        {QStringLiteral("rps"), elapsedS > 0 ? double(stats.completed()) / elapsedS : 0.0},
        {QStringLiteral("concurrency"), options.concurrency},
        {QStringLiteral("rate"), options.rate},
        {QStringLiteral("http_version"), httpVersionPolicyName(options.httpVersion)},
        {QStringLiteral("max_in_flight"), stats.maxInFlight()},
        {QStringLiteral("retries"), stats.retries()},
        {QStringLiteral("bytes_in"), stats.bytesReceived()},
        {QStringLiteral("bytes_out"), stats.bytesSent()},
        {QStringLiteral("latency_ms"), percentiles(stats.latency())},
        {QStringLiteral("ttfb_ms"), percentiles(stats.ttfb())},
        {QStringLiteral("status_codes"), codes},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("assertions"),
            QJsonObject {
                {QStringLiteral("passed"), stats.assertionsChecked() - stats.assertionsFailed()},
                {QStringLiteral("failed"), stats.assertionsFailed()},
                {QStringLiteral("requests_failed"), stats.resultsFailingAssertions()},
            }},
    };
}

bool writeCsv(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const CsvLayout &layout, const SecretMask &mask, QString *error)
{
    if (!writeBytes(device, QByteArray(), error))
        return false;
    CsvWriter csv(device, mask);
    bool ok = csv.writeRow(layout.header());
    for (qint64 i = 0; ok && i < store.size(); ++i) {
        if (store.isDone(i))
            ok = csv.writeRow(layout.row(store.at(i), store.requestFor(source, i)));
    }
    if (!ok && error)
        *error = Tr::tr("cannot write the output: %1").arg(device->errorString());
    return ok;
}

bool writeJson(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const RunStats &stats, const RunOptions &options, qint64 elapsedUs, const SecretMask &mask,
    QString *error)
{
    const QJsonObject summary = summaryJson(stats, options, store.size(), elapsedUs);
    QByteArray buffer = "{\"summary\": "
        + QJsonDocument(mask.apply(summary)).toJson(QJsonDocument::Compact) + ",\n\"results\": [";
    bool first = true;
    for (qint64 i = 0; i < store.size(); ++i) {
        if (!store.isDone(i))
            continue;
        buffer += first ? "\n" : ",\n";
        first = false;
        buffer += QJsonDocument(mask.apply(resultJson(store.at(i), store.requestFor(source, i))))
                      .toJson(QJsonDocument::Compact);
        if (buffer.size() >= FlushBytes) {
            if (!writeBytes(device, buffer, error))
                return false;
            buffer.clear();
        }
    }
    buffer += "\n]}\n";
    return writeBytes(device, buffer, error);
}

QString reasonPhrase(int status)
{
    struct Phrase
    {
        int status;
        const char *text;
    };
    static constexpr Phrase phrases[] = {{100, "Continue"}, {101, "Switching Protocols"},
        {200, "OK"}, {201, "Created"}, {202, "Accepted"}, {203, "Non-Authoritative Information"},
        {204, "No Content"}, {205, "Reset Content"}, {206, "Partial Content"},
        {300, "Multiple Choices"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
        {304, "Not Modified"}, {307, "Temporary Redirect"}, {308, "Permanent Redirect"},
        {400, "Bad Request"}, {401, "Unauthorized"}, {402, "Payment Required"}, {403, "Forbidden"},
        {404, "Not Found"}, {405, "Method Not Allowed"}, {406, "Not Acceptable"},
        {407, "Proxy Authentication Required"}, {408, "Request Timeout"}, {409, "Conflict"},
        {410, "Gone"}, {411, "Length Required"}, {412, "Precondition Failed"},
        {413, "Content Too Large"}, {414, "URI Too Long"}, {415, "Unsupported Media Type"},
        {416, "Range Not Satisfiable"}, {417, "Expectation Failed"}, {418, "I'm a teapot"},
        {421, "Misdirected Request"}, {422, "Unprocessable Content"}, {425, "Too Early"},
        {426, "Upgrade Required"}, {428, "Precondition Required"}, {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"}, {451, "Unavailable For Legal Reasons"},
        {500, "Internal Server Error"}, {501, "Not Implemented"}, {502, "Bad Gateway"},
        {503, "Service Unavailable"}, {504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"},
        {511, "Network Authentication Required"}};
    const auto it = std::find_if(std::cbegin(phrases), std::cend(phrases),
        [status](const Phrase &phrase) { return phrase.status == status; });
    return it == std::cend(phrases) ? QString() : QString::fromLatin1(it->text);
}

std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

bool writeBytes(QIODevice *device, const QByteArray &bytes, QString *error)
{
    QString message;
    if (!device || !device->isWritable())
        message = Tr::tr("the output is not open for writing");
    else if (device->write(bytes) != bytes.size())
        message = Tr::tr("cannot write the output: %1").arg(device->errorString());
    if (message.isEmpty())
        return true;
    if (error)
        *error = message;
    return false;
}
} // namespace ResultWriters
