#include "core/server/requestlog.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RequestLog)
};
} // namespace

bool RequestLog::open(const QString &path, QString *error, qint64 maxLines)
{
    m_file.setFileName(path);
    m_maxLines = maxLines;
    m_lines = 0;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = Tr::tr("cannot write '%1': %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

void RequestLog::add(int inFlight, const char *method, const QByteArray &target)
{
    if (!m_file.isOpen() || m_lines > m_maxLines)
        return;
    ++m_lines;
    m_line.clear();
    if (m_lines > m_maxLines) {
        m_line = "# log full: the requests after " + QByteArray::number(m_maxLines)
            + " are not logged\n";
    } else {
        m_line += QByteArray::number(m_lines);
        m_line += '\t';
        m_line += QByteArray::number(inFlight);
        m_line += '\t';
        m_line += method;
        m_line += '\t';
        // A lenient parser lets a tab through in a target: percent-encode what would break a line.
        for (const char c : target) {
            if (uchar(c) < 0x20 || c == 0x7f) {
                m_line += '%';
                m_line += QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
            } else {
                m_line += c;
            }
        }
        m_line += '\n';
    }
    if (m_file.write(m_line) != m_line.size())
        return fail();
    m_dirty = true;
}

bool RequestLog::flush()
{
    if (!m_file.isOpen())
        return m_error.isEmpty();
    if (m_dirty && !m_file.flush()) {
        fail();
        return false;
    }
    m_dirty = false;
    return true;
}

void RequestLog::fail()
{
    m_error = Tr::tr("cannot write '%1': %2").arg(m_file.fileName(), m_file.errorString());
    m_file.close();
}
