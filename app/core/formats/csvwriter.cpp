#include "core/formats/csvwriter.h"

#include <QIODevice>

#include <csv.h>

CsvWriter::CsvWriter(QIODevice *device, const ResultWriters::SecretMask &mask)
    : m_device(device)
    , m_mask(mask)
{ }

QByteArray CsvWriter::field(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const bool needsQuotes = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')
        || utf8.contains('\r') || (!utf8.isEmpty() && (utf8.front() == ' ' || utf8.back() == ' '));
    if (!needsQuotes)
        return utf8;
    // Worst case every byte is a quote and doubles, plus the two enclosing quotes.
    QByteArray quoted(utf8.size() * 2 + 2, Qt::Uninitialized);
    const size_t written
        = csv_write(quoted.data(), size_t(quoted.size()), utf8.constData(), size_t(utf8.size()));
    quoted.truncate(qsizetype(written));
    return quoted;
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += field(m_mask.apply(fields.at(i)));
    }
    line += "\r\n";
    return m_device->write(line) == line.size();
}
