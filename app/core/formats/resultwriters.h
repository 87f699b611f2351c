// The machine-readable forms of a run: the JSON summary, CSV rows, NDJSON lines and the CSV and
// JSON exports. Their field and column names are a public interface that scripts parse; add to
// them, never rename.
#pragma once

#include "core/engine/requestsource.h"
#include "core/formats/secretmask.h"
#include "core/model/requestspec.h"
#include "core/model/result.h"
#include "core/model/runoptions.h"
#include "core/stats/runstats.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

class QIODevice;
class ResultStore;

namespace ResultWriters {

/// The CSV column names of a request's enabled assertions, in order (one per outcome in
/// ResultDetail::assertions): "assert: " + assertionLabel() (assertions.h), e.g.
/// "assert: status == 200". A label repeated within one request gets " #2", " #3", ...
QStringList assertionColumns(const QList<Assertion> &assertions);

/// The columns of one run's CSV, computed once before the first row: csvHeader()'s fixed columns,
/// then iteration, row and assertions_failed, then captures when a request captures ("NAME=VALUE"
/// joined by "; "), then one per data-set column, then one per
/// assertion: the union of the labels of the run's distinct requests, in first-seen order. A data
/// column whose name collides with one of the others is written as "data.NAME" ("data."
/// repeated until it is unique).
///
/// Assertion columns belong to a request (its context's path and the kinds of its assertions),
/// not to a row: a request's k-th outcome goes to the column of its k-th enabled assertion, so a
/// check like `body contains {{name}}` keeps one column across a data set although each row
/// resolves it differently.
class CsvLayout
{
public:
    /// How many requests forRun() looks at by default.
    static constexpr qint64 DefaultScan = 1000;

    /// No data set and no assertions.
    CsvLayout() = default;
    /// The data set's columns as it names them; add assertion columns with addRequest().
    explicit CsvLayout(const QStringList &dataColumns);

    /// Data columns from the first request's context, assertion columns from the first `scan`
    /// requests (labelled as the first row resolved them). A collection run expands row by row,
    /// so its first CollectionSource::requestPaths().size() requests hold every distinct one;
    /// the collection layer may instead call addRequest() with each template's assertions, so
    /// the headers show {{variables}} unresolved. A request met later that was never added gets
    /// its outcomes placed by label, where a column matches (assertions_failed counts them all).
    static CsvLayout forRun(const RequestSource &source, qint64 scan = DefaultScan);
    /// Adds the columns of one request's enabled assertions that are not there yet, and notes
    /// which column each of its outcomes goes to. path is the RequestContext::path.
    void addRequest(const QString &path, const QList<Assertion> &assertions);

    const QStringList &dataColumns() const { return m_dataColumns; }
    const QStringList &assertionColumns() const { return m_assertionColumns; }

    /// The column names; assertion labels pass through mask (a resolved check may hold a secret).
    QStringList header(const SecretMask &mask = SecretMask()) const;
    /// One record: data values by column, assertions as "pass" or "fail: ACTUAL", empty where this
    /// request has no such column. Text fields pass through mask.
    QStringList row(
        const Result &result, const RequestSpec &spec, const SecretMask &mask = SecretMask()) const;

private:
    /// Which request a context is, for the column map: its path and its assertions' kinds.
    static QString requestKey(const QString &path, const QList<Assertion> &assertions);

    QStringList m_dataColumns;
    QStringList m_assertionColumns;
    bool m_captures = false; ///< some request captures: the captures column is there
    QHash<QString, QList<qsizetype>> m_columnsByRequest; ///< column per enabled assertion
};

/// The fixed CSV columns: index, name, method, url, ... finished_ms (see csvRow).
QStringList csvHeader();
/// The fixed-column record for result, whose request was spec.
QStringList csvRow(const Result &result, const RequestSpec &spec);

/// One result as a JSON object (the NDJSON line, the JSON export's results entry): index, method,
/// url, status, timings..., plus when there is a context: path, iteration, row, data; assertions
/// [{label, passed, actual}] and assertions_failed; captures {NAME: VALUE}; response_headers
/// [{name, value}] and the body sample (body as text when UTF-8, else body_base64; body_truncated
/// when only part was kept) when the run kept them.
QJsonObject resultJson(
    const Result &result, const RequestSpec &spec, const SecretMask &mask = SecretMask());

/// The values of secret variables a result carries from captures: the ones it took and the ones
/// it was built with. resultJson and CsvLayout::row mask them themselves.
QStringList capturedSecrets(const Result &result, const RequestSpec &spec);
/// resultJson's captures: {NAME: VALUE} for what it captured (*** for a secret variable), and
/// capture_problems {NAME: why} for what it did not.
void addCapturesJson(QJsonObject &object, const Result &result);

/// resultJson's context fields: path, iteration, row and data; empty without a context.
QJsonObject contextJson(const RequestSpec &spec, const SecretMask &mask = SecretMask());
/// resultJson's assertions: [{label, passed, actual}], one per outcome the result holds, labelled
/// by assertionLabel() of the assertion as this request resolved it.
QJsonArray assertionsJson(
    const Result &result, const RequestSpec &spec, const SecretMask &mask = SecretMask());

/// The run's summary: requests, completed, succeeded, failed, elapsed_s, rps, concurrency,
/// max_in_flight, latency_ms{min,mean,p50,p90,p95,p99,p999,max}, ttfb_ms{...}, status_codes,
/// errors, and more.
QJsonObject summaryJson(
    const RunStats &stats, const RunOptions &options, qint64 requests, qint64 elapsedUs);

/// Writes the header and a row for every result stored so far, in run order (RFC 4180: UTF-8
/// without BOM, CRLF, quotes only where needed). For writing rows as a run goes, use
/// CsvLayout::header()/row() with a CsvWriter instead.
bool writeCsv(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const CsvLayout &layout, const SecretMask &mask, QString *error);

/// Writes {"summary": summaryJson + "assertions" counts, "results": [resultJson...]}, one result
/// per line, streaming: no document of the whole run is built in memory.
bool writeJson(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const RunStats &stats, const RunOptions &options, qint64 elapsedUs, const SecretMask &mask,
    QString *error);

/// Milliseconds with microsecond precision, as CSV and JSON print times.
double toMs(qint64 us);
/// The standard reason phrase of an HTTP status ("Not Found"); empty for unknown codes.
QString reasonPhrase(int status);
/// bytes as text when they are valid UTF-8.
std::optional<QString> utf8Text(const QByteArray &bytes);
/// Writes bytes to device; on failure sets *error (naming the device's error) and returns false.
bool writeBytes(QIODevice *device, const QByteArray &bytes, QString *error);
} // namespace ResultWriters
