// Writes RFC 4180 CSV: quoting by Debian's libcsv, only where a field needs it.
#pragma once

#include "core/formats/secretmask.h"

#include <QByteArray>
#include <QStringList>

class QIODevice;

class CsvWriter
{
public:
    /// Every field of every record, the header's too, goes through mask.
    explicit CsvWriter(QIODevice *device, const ResultWriters::SecretMask &mask = {});

    /// Writes one record, CRLF-terminated as RFC 4180 asks. Returns false on a write error.
    bool writeRow(const QStringList &fields);
    /// One field in CSV form: as is, or quoted with inner quotes doubled when it holds a comma,
    /// quote, line break or edge white space.
    static QByteArray field(const QString &value);

private:
    QIODevice *m_device;
    ResultWriters::SecretMask m_mask;
};
