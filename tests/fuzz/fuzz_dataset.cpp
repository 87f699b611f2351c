// libFuzzer target for the data set parsers: any bytes, read as CSV and as JSON, give a
// rectangular table or an error with a place, never a crash.
#include "core/collection/dataset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdint>
#include <cstdlib>

namespace {

void check(const Parsed<DataSet> &parsed)
{
    if (!parsed.ok()) {
        if (parsed.error().message.isEmpty())
            std::abort();
        return;
    }
    const DataSet &set = parsed.value();
    for (const QStringList &row : set.rows) {
        if (row.size() != set.columns.size())
            std::abort();
    }
    if (QSet<QString>(set.columns.cbegin(), set.columns.cend()).size() != set.columns.size())
        std::abort();
}

/// When Qt reads the text as an array of objects, the data set has its rows and, for every
/// string value, the same text.
void compareWithQt(const QByteArray &bytes, const Parsed<DataSet> &parsed)
{
    // Qt drops a BOM at the start of a string (QString::fromUtf8 does); the data set keeps it.
    if (bytes.contains("\"\xEF\xBB\xBF"))
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return;
    const QJsonArray array = document.array();
    for (const QJsonValue &element : array) {
        if (!element.isObject())
            return;
    }
    if (!parsed.ok() || parsed.value().rows.size() != array.size())
        std::abort();
    const DataSet &set = parsed.value();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const qsizetype column = set.columns.indexOf(it.key());
            if (column < 0)
                std::abort();
            if (it.value().isString() && set.rows.at(i).at(column) != it.value().toString())
                std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString fileName = QStringLiteral("fuzz");
    const Parsed<DataSet> csv = parseCsvDataSet(bytes, fileName);
    check(csv);
    if (csv.ok()) {
        for (const QString &column : csv.value().columns) {
            if (column.isEmpty() || column != column.trimmed())
                std::abort();
        }
    }
    const Parsed<DataSet> json = parseJsonDataSet(bytes, fileName);
    check(json);
    compareWithQt(bytes, json);
    return 0;
}
