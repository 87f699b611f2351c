// The built-in server's request log (`rafaga serve --log FILE`): what arrived, in order, so a
// test can check what a client really sent and how many were in flight at once.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

/// One line per request as its headers complete, tab-separated: the arrival number (from 1),
/// the requests in flight then (this one included; /stats requests are not counted), the method
/// and the target as sent (path and query; a control character in it percent-encoded). Written
/// through QFile's buffer, so memory stays bounded; flush() pushes it to the file. At most maxLines
/// lines, then one "# log full" line.
class RequestLog
{
public:
    static constexpr qint64 DefaultMaxLines = 10000000;

    /// Opens (truncates) path; false with *error naming the file and the system's reason.
    bool open(const QString &path, QString *error, qint64 maxLines = DefaultMaxLines);
    bool isOpen() const { return m_file.isOpen(); }
    void add(int inFlight, const char *method, const QByteArray &target);
    /// Writes what is buffered; false (and closed) once a write failed: error() says why.
    bool flush();
    QString error() const { return m_error; }

private:
    void fail();

    QFile m_file;
    qint64 m_lines = 0;
    qint64 m_maxLines = DefaultMaxLines;
    bool m_dirty = false;
    QString m_error;
    QByteArray m_line; // reused, so a line costs no allocation
};
