#include "core/collection/dataset.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QStringDecoder>

#include <csv.h>

#include <cstring>
#include <optional>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DataSet)
};

QByteArrayView withoutBom(QByteArrayView data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.sliced(3) : data;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype firstNonSpace(QByteArrayView data)
{
    qsizetype i = 0;
    while (i < data.size() && isJsonSpace(data.at(i)))
        ++i;
    return i;
}

/// UTF-8 to QString, keeping a BOM at the start: QString::fromUtf8 drops it, but inside a value
/// it is data.
QString fromUtf8KeepingBom(QByteArrayView bytes)
{
    return QStringDecoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom)(bytes);
}

ParseError emptyFileError(const QString &fileName)
{
    return {fileName, QString(), Tr::tr("the file is empty; expected a data set")};
}

// RFC 4180 says spaces belong to the field; libcsv trims them unless told that nothing is one.
int noCharIsSpace(unsigned char)
{
    return 0;
}

/// Feeds libcsv and turns its field and record callbacks into a DataSet, stopping at the first
/// problem.
class CsvReader
{
public:
    explicit CsvReader(const QString &fileName)
        : m_fileName(fileName)
    { }

    Parsed<DataSet> read(QByteArrayView data)
    {
        csv_parser parser;
        // CSV_REPALL_NL reports blank lines too, so that row numbers count them.
        if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
            return ParseError {m_fileName, QString(), Tr::tr("out of memory")};
        csv_set_space_func(&parser, noCharIsSpace);
        // libcsv grows its field buffer by this much at a time (128 bytes by default).
        csv_set_blk_size(&parser, 64 * 1024);

        // Chunks, so that an error found by a callback stops the parse soon after.
        constexpr qsizetype ChunkSize = 64 * 1024;
        for (qsizetype pos = 0; pos < data.size() && !m_error; pos += ChunkSize) {
            const QByteArrayView chunk = data.sliced(pos, qMin(ChunkSize, data.size() - pos));
            const size_t used = csv_parse(&parser, chunk.data(), size_t(chunk.size()),
                &CsvReader::fieldRead, &CsvReader::recordRead, this);
            if (used < size_t(chunk.size()) && !m_error)
                syntaxError(csv_error(&parser), data, pos + qsizetype(used));
        }
        if (!m_error
            && csv_fini(&parser, &CsvReader::fieldRead, &CsvReader::recordRead, this) != 0) {
            fail(m_rowsSeen + 1,
                Tr::tr("a quoted field is never closed; expected a closing quote (\") before the "
                       "end of the file"));
        }
        csv_free(&parser);

        if (m_error)
            return *m_error;
        if (!m_haveHeader)
            return emptyFileError(m_fileName);
        return std::move(m_set);
    }

private:
    static void fieldRead(void *bytes, size_t size, void *self)
    {
        static_cast<CsvReader *>(self)->addField(
            QByteArrayView(static_cast<const char *>(bytes), qsizetype(size)));
    }
    static void recordRead(int terminator, void *self)
    {
        static_cast<CsvReader *>(self)->endRecord(terminator);
    }

    void addField(QByteArrayView bytes)
    {
        if (m_error)
            return;
        QString value = m_decoder(bytes);
        if (m_decoder.hasError()) {
            fail(m_rowsSeen + 1,
                Tr::tr("field %1 is not valid UTF-8; save the file as UTF-8")
                    .arg(m_fields.size() + 1));
            return;
        }
        m_fields.append(std::move(value));
    }

    void endRecord(int terminator)
    {
        if (m_error)
            return;
        // libcsv ends a record at CR and then reports the LF of a CRLF as an empty record.
        const bool lfOfCrLf = m_fields.isEmpty() && terminator == '\n' && m_lastTerminator == '\r';
        m_lastTerminator = terminator;
        if (lfOfCrLf)
            return;
        ++m_rowsSeen;
        if (m_fields.isEmpty()) // a blank line
            return;
        if (!m_haveHeader) {
            m_haveHeader = true;
            setHeader();
        } else if (m_fields.size() != m_set.columns.size()) {
            fail(m_rowsSeen,
                Tr::tr("%n field(s), the header has %1", nullptr, int(m_fields.size()))
                    .arg(m_set.columns.size()));
        } else {
            m_set.rows.append(std::move(m_fields));
        }
        m_fields = QStringList();
        m_fields.reserve(m_set.columns.size());
    }

    void setHeader()
    {
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < m_fields.size(); ++i) {
            const QString name = m_fields.at(i).trimmed();
            if (name.isEmpty()) {
                fail(m_rowsSeen, Tr::tr("column %1 of the header has no name").arg(i + 1));
                return;
            }
            const auto earlier = seen.constFind(name);
            if (earlier != seen.cend()) {
                fail(m_rowsSeen,
                    Tr::tr("the header names \"%1\" twice, in columns %2 and %3")
                        .arg(name)
                        .arg(*earlier + 1)
                        .arg(i + 1));
                return;
            }
            seen.insert(name, i);
            m_set.columns.append(name);
        }
    }

    void syntaxError(int status, QByteArrayView data, qsizetype at)
    {
        const char offending = data.at(at);
        qsizetype fieldStart = at;
        while (
            fieldStart > 0 && (data.at(fieldStart - 1) == ' ' || data.at(fieldStart - 1) == '\t'))
            --fieldStart;
        const bool spacesBeforeQuote = offending == '"' && fieldStart < at
            && (fieldStart == 0 || QByteArrayView(",\r\n").contains(data.at(fieldStart - 1)));
        if (status != CSV_EPARSE) {
            fail(m_rowsSeen + 1, QString::fromUtf8(csv_strerror(status)));
        } else if (spacesBeforeQuote) {
            fail(m_rowsSeen + 1,
                Tr::tr("white space before the opening quote of a field; expected the quote right "
                       "after the comma"));
        } else if (offending == '"') {
            fail(m_rowsSeen + 1,
                Tr::tr("a quote inside an unquoted field; expected the whole field in quotes, with "
                       "each quote in it doubled"));
        } else {
            fail(m_rowsSeen + 1,
                Tr::tr("text after the closing quote of a field; expected a comma or the end of "
                       "the line (a quote inside a quoted field is written twice)"));
        }
    }

    void fail(qsizetype row, const QString &message)
    {
        if (!m_error)
            m_error = ParseError {m_fileName, Tr::tr("row %1").arg(row), message};
    }

    QString m_fileName;
    // Stateless: each field is whole, so a sequence cut at its end is an error. The BOM was
    // removed from the file already; one at the start of a field is data.
    QStringDecoder m_decoder {QStringConverter::Utf8,
        QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom};
    DataSet m_set;
    QStringList m_fields;
    qsizetype m_rowsSeen = 0;
    int m_lastTerminator = -1;
    bool m_haveHeader = false;
    std::optional<ParseError> m_error;
};

/// Reads the rows of JSON text that QJsonDocument has already accepted. Qt's objects sort their
/// keys and turn numbers into doubles, so the key order and the numbers as written come from the
/// text itself.
class JsonRowReader
{
public:
    JsonRowReader(QByteArrayView text, const QString &fileName)
        : m_text(text)
        , m_pos(0)
        , m_fileName(fileName)
    { }

    Parsed<DataSet> read()
    {
        skipSpace();
        if (!take('['))
            return errorAt(
                m_pos, Tr::tr("expected an array of objects, found %1").arg(kindAt(m_pos)));
        skipSpace();
        if (take(']'))
            return std::move(m_set);
        for (qsizetype index = 0;; ++index) {
            skipSpace();
            if (peek() != '{') {
                return errorAt(m_pos,
                    Tr::tr("[%1]: expected an object, found %2").arg(index).arg(kindAt(m_pos)));
            }
            if (!readObject())
                return unexpected();
            skipSpace();
            if (take(']'))
                break;
            if (!take(','))
                return unexpected();
        }
        for (QStringList &row : m_set.rows)
            row.resize(m_set.columns.size());
        return std::move(m_set);
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : '\0'; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && isJsonSpace(m_text.at(m_pos)))
            ++m_pos;
    }

    bool readObject()
    {
        QStringList row(m_set.columns.size());
        ++m_pos; // '{'
        skipSpace();
        if (!take('}')) {
            for (;;) {
                skipSpace();
                const qsizetype keyStart = m_pos;
                const qsizetype keyEnd = stringEnd(keyStart);
                if (keyEnd < 0)
                    return false;
                const QString key
                    = decodeString(m_text.sliced(keyStart + 1, keyEnd - keyStart - 2));
                m_pos = keyEnd;
                skipSpace();
                if (!take(':'))
                    return false;
                skipSpace();
                const qsizetype valueStart = m_pos;
                const qsizetype end = valueEnd(valueStart);
                if (end < 0)
                    return false;
                m_pos = end;
                qsizetype column = m_columnIndex.value(key, -1);
                if (column < 0) {
                    column = m_set.columns.size();
                    m_set.columns.append(key);
                    m_columnIndex.insert(key, column);
                }
                if (row.size() <= column)
                    row.resize(column + 1);
                row[column] = valueText(m_text.sliced(valueStart, end - valueStart));
                skipSpace();
                if (take('}'))
                    break;
                if (!take(','))
                    return false;
            }
        }
        m_set.rows.append(std::move(row));
        return true;
    }

    /// The end (one past the closing quote) of the string starting at from, or -1.
    qsizetype stringEnd(qsizetype from) const
    {
        if (from >= m_text.size() || m_text.at(from) != '"')
            return -1;
        for (qsizetype i = from + 1; i < m_text.size(); ++i) {
            if (m_text.at(i) == '\\')
                ++i;
            else if (m_text.at(i) == '"')
                return i + 1;
        }
        return -1;
    }

    /// The end of the value starting at from, or -1. Iterative, so deep nesting cannot overflow
    /// the stack.
    qsizetype valueEnd(qsizetype from) const
    {
        if (from >= m_text.size())
            return -1;
        const char first = m_text.at(from);
        if (first == '"')
            return stringEnd(from);
        if (first != '{' && first != '[') {
            qsizetype i = from;
            while (i < m_text.size() && !isJsonSpace(m_text.at(i)) && m_text.at(i) != ','
                && m_text.at(i) != '}' && m_text.at(i) != ']')
                ++i;
            return i > from ? i : -1;
        }
        qsizetype depth = 0;
        for (qsizetype i = from; i < m_text.size(); ++i) {
            const char c = m_text.at(i);
            if (c == '"') {
                i = stringEnd(i);
                if (i < 0)
                    return -1;
                --i;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    QString valueText(QByteArrayView value) const
    {
        switch (value.front()) {
        case '"':
            return decodeString(value.sliced(1, value.size() - 2));
        case 'n':
            return QString(); // null
        case '{':
        case '[':
            return compact(value);
        default: // numbers as written, true, false
            return QString::fromLatin1(value);
        }
    }

    /// The text without white space outside strings.
    static QString compact(QByteArrayView value)
    {
        QByteArray out;
        out.reserve(value.size());
        bool inString = false;
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char c = value.at(i);
            if (inString) {
                out += c;
                if (c == '\\' && i + 1 < value.size())
                    out += value.at(++i);
                else if (c == '"')
                    inString = false;
            } else if (!isJsonSpace(c)) {
                out += c;
                inString = c == '"';
            }
        }
        return QString::fromUtf8(out);
    }

    /// The value of a string's contents (between its quotes), escapes resolved.
    static QString decodeString(QByteArrayView body)
    {
        if (!body.contains('\\'))
            return fromUtf8KeepingBom(body);
        QString out;
        out.reserve(body.size());
        qsizetype runStart = 0;
        qsizetype i = 0;
        while (i < body.size()) {
            if (body.at(i) != '\\') {
                ++i;
                continue;
            }
            out += fromUtf8KeepingBom(body.sliced(runStart, i - runStart));
            if (i + 1 >= body.size())
                return out;
            const char c = body.at(i + 1);
            i += 2;
            const qsizetype simple = QByteArrayView("bfnrt").indexOf(c);
            if (c == 'u' && i + 4 <= body.size()) {
                // Surrogate pairs arrive as two escapes and pair up again inside QString.
                bool ok = false;
                const ushort unit = body.sliced(i, 4).toByteArray().toUShort(&ok, 16);
                out += ok ? QChar(unit) : QChar(QChar::ReplacementCharacter);
                i += 4;
            } else if (simple >= 0) {
                out += QChar(u"\b\f\n\r\t"[simple]);
            } else { // " \ /
                out += QLatin1Char(c);
            }
            runStart = i;
        }
        out += fromUtf8KeepingBom(body.sliced(runStart));
        return out;
    }

    QString kindAt(qsizetype pos) const
    {
        switch (pos < m_text.size() ? m_text.at(pos) : '\0') {
        case '{':
            return Tr::tr("an object");
        case '[':
            return Tr::tr("an array");
        case '"':
            return Tr::tr("a string");
        case 't':
        case 'f':
            return Tr::tr("a boolean");
        case 'n':
            return Tr::tr("null");
        default:
            return Tr::tr("a number");
        }
    }

    ParseError errorAt(qsizetype pos, const QString &message) const
    {
        const auto [line, column] = lineAndColumn(m_text.toByteArray(), pos);
        return {m_fileName, QStringLiteral("%1:%2").arg(line).arg(column), message};
    }

    // Only reachable if QJsonDocument accepted something this reader does not understand.
    ParseError unexpected() const { return errorAt(m_pos, Tr::tr("unexpected JSON structure")); }

    QByteArrayView m_text;
    qsizetype m_pos;
    QString m_fileName;
    DataSet m_set;
    QHash<QString, qsizetype> m_columnIndex;
};

} // namespace

Parsed<DataSet> parseCsvDataSet(const QByteArray &data, const QString &fileName)
{
    return CsvReader(fileName).read(withoutBom(data));
}

Parsed<DataSet> parseJsonDataSet(const QByteArray &data, const QString &fileName)
{
    const QByteArrayView text = withoutBom(data);
    if (firstNonSpace(text) == text.size())
        return emptyFileError(fileName);
    // Qt checks the syntax and reports the place; the row reader below then relies on it.
    const QByteArray bytes = QByteArray::fromRawData(text.data(), text.size());
    if (bytes.at(firstNonSpace(text)) == '[') {
        QJsonParseError error;
        QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError) {
            const auto [line, column] = lineAndColumn(bytes, error.offset);
            return ParseError {fileName, QStringLiteral("%1:%2").arg(line).arg(column),
                Tr::tr("invalid JSON: %1").arg(error.errorString())};
        }
    }
    return JsonRowReader(text, fileName).read();
}

Parsed<DataSet> loadDataSet(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseError {
            path, QString(), Tr::tr("cannot read the file: %1").arg(file.errorString())};
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return ParseError {
            path, QString(), Tr::tr("cannot read the file: %1").arg(file.errorString())};

    const QString suffix = QFileInfo(path).suffix().toLower();
    bool json = suffix == QLatin1String("json");
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv")) {
        const QByteArrayView text = withoutBom(data);
        const qsizetype first = firstNonSpace(text);
        json = first < text.size() && text.at(first) == '[';
    }
    return json ? parseJsonDataSet(data, path) : parseCsvDataSet(data, path);
}
