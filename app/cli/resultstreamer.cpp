#include "cli/resultstreamer.h"

#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};
} // namespace

ResultStreamer::ResultStreamer(const OutputPaths &paths,
    std::shared_ptr<const RequestSource> source, const ResultWriters::SecretMask &mask)
    : m_source(std::move(source))
    , m_mask(mask)
    , m_csv {QStringLiteral("--csv"), paths.csv, nullptr}
    , m_ndjson {QStringLiteral("--ndjson"), paths.ndjson, nullptr}
    , m_json {QStringLiteral("--json"), paths.json, nullptr}
{ }

bool ResultStreamer::openOutput(Output &output)
{
    if (output.path.isEmpty())
        return true;
    auto file = std::make_unique<QFile>();
    bool ok;
    if (output.path == QLatin1String("-")) {
        ok = file->open(stdout, QIODevice::WriteOnly);
    } else {
        file->setFileName(output.path);
        ok = file->open(QIODevice::WriteOnly | QIODevice::Truncate);
    }
    output.file = std::move(file);
    if (!ok) {
        fail(output);
        return false;
    }
    return true;
}

bool ResultStreamer::open()
{
    if (!openOutput(m_csv) || !openOutput(m_ndjson) || !openOutput(m_json))
        return false;
    if (m_csv.file) {
        m_layout = ResultWriters::CsvLayout::forRun(*m_source);
        m_csvWriter.emplace(m_csv.file.get(), m_mask);
        if (!m_csvWriter->writeRow(m_layout.header()))
            fail(m_csv);
        flushOutput(m_csv);
    }
    return !failed();
}

void ResultStreamer::append(const ResultStore &store, qint64 ordered)
{
    for (; m_written < ordered; ++m_written) {
        const Result &result = store.at(m_written);
        const RequestSpec spec = store.requestFor(*m_source, m_written);
        if (m_csv.file && !m_csvWriter->writeRow(m_layout.row(result, spec)))
            fail(m_csv);
        if (m_ndjson.file) {
            write(m_ndjson,
                QJsonDocument(m_mask.apply(ResultWriters::resultJson(result, spec)))
                        .toJson(QJsonDocument::Compact)
                    + '\n');
        }
    }
    flushOutput(m_ndjson);
}

void ResultStreamer::flush()
{
    flushOutput(m_csv);
    flushOutput(m_ndjson);
}

bool ResultStreamer::finish(const QJsonObject &summary)
{
    if (m_json.file)
        write(m_json, QJsonDocument(m_mask.apply(summary)).toJson());
    for (Output *output : {&m_csv, &m_ndjson, &m_json}) {
        if (flushOutput(*output))
            output->file.reset();
    }
    return !failed();
}

bool ResultStreamer::write(Output &output, const QByteArray &bytes)
{
    if (!output.file)
        return false;
    if (output.file->write(bytes) == bytes.size())
        return true;
    fail(output);
    return false;
}

bool ResultStreamer::flushOutput(Output &output)
{
    if (!output.file)
        return false;
    if (output.file->flush())
        return true;
    fail(output);
    return false;
}

void ResultStreamer::fail(Output &output)
{
    if (m_error.isEmpty()) {
        const QString reason = output.file ? output.file->errorString() : QString();
        m_error = output.option + QStringLiteral(": ")
            + Tr::tr("cannot write '%1': %2").arg(output.path, reason);
    }
    output.file.reset();
    if (&output == &m_csv)
        m_csvWriter.reset();
}
