// Writes a CLI run's results as they come: CSV rows and NDJSON lines in input order, the JSON
// summary at the end. Every output goes through one secret mask, and every write is checked.
#pragma once

#include "cli/runcommandline.h"
#include "core/formats/csvwriter.h"
#include "core/formats/resultwriters.h"

#include <QFile>
#include <QJsonObject>

#include <memory>
#include <optional>

class RequestSource;
class ResultStore;

class ResultStreamer
{
public:
    ResultStreamer(const OutputPaths &paths, std::shared_ptr<const RequestSource> source,
        const ResultWriters::SecretMask &mask);
    ResultStreamer(const ResultStreamer &) = delete;
    ResultStreamer &operator=(const ResultStreamer &) = delete;

    /// Opens every output (the JSON one too, written at the end) and writes and flushes the CSV
    /// header, so that an unwritable output is known before the first request is sent. On
    /// failure returns false and error() says which output and why.
    bool open();
    /// Writes the results from the last one written up to (not including) ordered.
    void append(const ResultStore &store, qint64 ordered);
    /// Pushes what is buffered to the files (the NDJSON after each batch; all before a quick exit).
    void flush();
    /// Writes the JSON summary when asked for, then flushes and closes every output; false when
    /// any output failed, now or before.
    bool finish(const QJsonObject &summary);

    bool failed() const { return !m_error.isEmpty(); }
    /// The first failure: "--csv: cannot write 'FILE': REASON". Once an output fails, nothing
    /// more is written to it.
    QString error() const { return m_error; }

private:
    struct Output
    {
        QString option; ///< "--csv"
        QString path;
        std::unique_ptr<QFile> file;
    };
    bool openOutput(Output &output);
    /// Writes bytes to output; on failure records the error, closes the output, returns false.
    bool write(Output &output, const QByteArray &bytes);
    bool flushOutput(Output &output);
    /// Records the first failure (naming output and the OS reason) and stops writing output.
    void fail(Output &output);

    std::shared_ptr<const RequestSource> m_source;
    ResultWriters::SecretMask m_mask;
    ResultWriters::CsvLayout m_layout;
    std::optional<CsvWriter> m_csvWriter;
    Output m_csv, m_ndjson, m_json;
    qint64 m_written = 0;
    QString m_error;
};
