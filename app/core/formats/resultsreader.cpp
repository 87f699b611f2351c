#include "core/formats/resultsreader.h"

#include "core/checks/assertions.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ResultsReader)
};

/// Microseconds from a field in milliseconds; -1 when it is null or absent.
qint64 usField(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(QLatin1String(name));
    return value.isDouble() ? qint64(std::llround(value.toDouble() * 1000.0)) : -1;
}

ErrorCategory categoryFor(const QJsonValue &value)
{
    if (!value.isString())
        return ErrorCategory::None;
    for (int i = 1; i < ErrorCategoryCount; ++i) {
        if (errorCategoryKey(ErrorCategory(i)) == value.toString())
            return ErrorCategory(i);
    }
    return ErrorCategory::Other;
}

/// The request's place in the run: path, iteration, data row, and its assertions (from labels).
std::shared_ptr<RequestContext> contextFor(const QJsonObject &line)
{
    if (!line.contains(QLatin1String("iteration")))
        return nullptr;
    auto context = std::make_shared<RequestContext>();
    context->path = line.value(QLatin1String("path")).toString();
    context->iteration = line.value(QLatin1String("iteration")).toInt();
    const QJsonValue row = line.value(QLatin1String("row"));
    context->row = row.isDouble() ? row.toInteger() : -1;
    const QJsonObject data = line.value(QLatin1String("data")).toObject();
    for (auto it = data.begin(); it != data.end(); ++it) {
        context->dataColumns.append(it.key());
        context->dataValues.append(it.value().toString());
    }
    for (const QJsonValue &entry : line.value(QLatin1String("assertions")).toArray()) {
        const QString label = entry.toObject().value(QLatin1String("label")).toString();
        const Parsed<Assertion> parsed = parseAssertion(label);
        // A label that no longer parses (a masked latency limit) still names its column.
        context->assertions.append(
            parsed ? parsed.value() : Assertion {Assertion::Kind::BodyContains, {}, label});
    }
    return context;
}

Result resultFor(const QJsonObject &line, qint64 index)
{
    Result result;
    result.requestIndex = quint32(index);
    result.status = quint16(line.value(QLatin1String("status")).toInt());
    result.error = categoryFor(line.value(QLatin1String("error")));
    const QString version = line.value(QLatin1String("http_version")).toString();
    result.httpVersion = version == QLatin1String("2") ? Result::Http2
        : version.isEmpty()                            ? Result::UnknownVersion
                                                       : Result::Http1;
    result.retries = quint8(line.value(QLatin1String("retries")).toInt());
    result.redirects = quint8(line.value(QLatin1String("redirects")).toInt());
    result.resends = quint8(line.value(QLatin1String("resends")).toInt());
    result.bytesSent = line.value(QLatin1String("bytes_out")).toInteger();
    result.bytesReceived = line.value(QLatin1String("bytes_in")).toInteger();
    result.assertionsFailed = quint16(line.value(QLatin1String("assertions_failed")).toInt());
    const QJsonObject times = line.value(QLatin1String("times_ms")).toObject();
    result.scheduledUs = usField(times, "scheduled");
    result.dispatchedUs = usField(times, "dispatched");
    result.connectStartUs = usField(times, "connect");
    result.tlsDoneUs = usField(times, "tls");
    result.requestSentUs = usField(times, "sent");
    result.headersUs = usField(times, "headers");
    result.finishedUs = usField(times, "finished");
    if (result.finishedUs < 0) { // no times: the latency alone, as if sent at the start
        const qint64 latency = usField(line, "latency_ms");
        result.dispatchedUs = latency < 0 ? -1 : 0;
        result.finishedUs = qMax<qint64>(0, latency);
    }
    const QJsonArray assertions = line.value(QLatin1String("assertions")).toArray();
    const QString message = line.value(QLatin1String("error_message")).toString();
    const QString finalUrl = line.value(QLatin1String("final_url")).toString();
    if (!assertions.isEmpty() || !message.isEmpty() || !finalUrl.isEmpty()) {
        result.detail.reset(new ResultDetail);
        result.detail->errorMessage = message;
        result.detail->finalUrl = QUrl(finalUrl);
        for (const QJsonValue &entry : assertions)
            result.detail->assertions.append(
                AssertionOutcome {entry.toObject().value(QLatin1String("passed")).toBool(),
                    entry.toObject().value(QLatin1String("actual")).toString()});
    }
    return result;
}

RequestSpec specFor(const QJsonObject &line)
{
    RequestSpec spec;
    spec.name = line.value(QLatin1String("name")).toString();
    spec.method = line.value(QLatin1String("method")).toString().toLatin1();
    spec.url = QUrl(line.value(QLatin1String("url")).toString());
    spec.context = contextFor(line);
    return spec;
}
} // namespace

Parsed<ResultsFile> readResultsNdjson(const QByteArray &data, const QString &file)
{
    const auto error = [&file](qsizetype line, const QString &message) {
        return ParseError {file, line > 0 ? QString::number(line) : QString(), message};
    };
    // Every index appears once, so none is beyond the count of lines.
    const qint64 lines = data.count('\n') + 1;
    QList<std::optional<QPair<RequestSpec, Result>>> byIndex;
    qsizetype lineNumber = 0;
    for (const QByteArray &text : data.split('\n')) {
        ++lineNumber;
        if (text.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (!document.isObject())
            return error(lineNumber, Tr::tr("expected one JSON object per line"));
        const QJsonObject line = document.object();
        const QJsonValue indexValue = line.value(QLatin1String("index"));
        const qint64 index = indexValue.toInteger(-1);
        if (!indexValue.isDouble() || index < 0 || index >= std::numeric_limits<quint32>::max())
            return error(lineNumber, Tr::tr("\"index\" must be a whole number from 0"));
        if (index >= lines)
            return error(lineNumber,
                Tr::tr("request %1 cannot be in a file of %2 lines").arg(index).arg(lines));
        if (index >= byIndex.size())
            byIndex.resize(index + 1);
        if (byIndex.at(index))
            return error(lineNumber, Tr::tr("request %1 appears a second time").arg(index));
        byIndex[index] = qMakePair(specFor(line), resultFor(line, index));
        auto &[spec, result] = *byIndex[index];
        // The file keeps each assertion's label and verdict: enough to tell an expected 404.
        if (spec.context && result.detail)
            result.statusAsserted
                = statusAsserted(spec.context->assertions, result.detail->assertions);
    }
    ResultsFile results;
    for (qsizetype i = 0; i < byIndex.size(); ++i) {
        if (!byIndex.at(i))
            return error(0, Tr::tr("no result for request %1 of %2").arg(i).arg(byIndex.size()));
        results.specs.append(byIndex.at(i)->first);
        results.results.append(byIndex.at(i)->second);
        results.elapsedUs = qMax(results.elapsedUs, byIndex.at(i)->second.finishedUs);
    }
    if (results.results.isEmpty())
        return error(0, Tr::tr("no results in the file"));
    return results;
}

RunStats statsOfResults(const QList<Result> &results)
{
    RunStats stats;
    QList<QPair<qint64, int>> events; // (time, +1 sent / -1 answered); answers first on a tie
    for (const Result &result : results) {
        stats.add(result, result.latencyUs());
        if (result.dispatchedUs >= 0 && result.finishedUs >= result.dispatchedUs) {
            events.append({result.dispatchedUs, 1});
            events.append({result.finishedUs, -1});
        }
    }
    std::sort(events.begin(), events.end());
    int inFlight = 0;
    for (const auto &[time, change] : std::as_const(events)) {
        inFlight += change;
        stats.noteInFlight(time, inFlight);
    }
    return stats;
}

FinishedRun finishedRunOf(ResultsFile file, const QString &origin)
{
    FinishedRun run;
    run.stats = statsOfResults(file.results);
    run.options.concurrency = qMax(1, run.stats.maxInFlight());
    run.elapsedUs = file.elapsedUs;
    run.origin = origin;
    const qint64 size = file.results.size();
    auto store = std::make_shared<ResultStore>(size);
    for (qint64 i = 0; i < size; ++i)
        store->put(i, std::move(file.results[i]));
    file.results.clear();
    run.results = std::move(store);
    run.requests = std::make_shared<RequestList>(std::move(file.specs));
    return run;
}
