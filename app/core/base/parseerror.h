// What every parser of user input returns on failure: the file, the place in it, and what was
// expected there. Parsers never throw.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

struct ParseError
{
    QString file; ///< the file's path, or a description like "standard input"
    QString place; ///< "12:5" (line:column) for JSON, "row 4" for CSV, "word 3 (--data)" for curl
    QString message; ///< what is wrong and what was expected

    /// "file:place: message", leaving out what is empty.
    QString toString() const
    {
        QString text = file;
        if (!place.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral(":")) + place;
        return text.isEmpty() ? message : text + QStringLiteral(": ") + message;
    }
};

/// A parsed value or the error that stopped the parse.
template<typename T>
class Parsed
{
public:
    Parsed(T value)
        : m_data(std::move(value))
    { }
    Parsed(ParseError error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const ParseError &error() const { return std::get<ParseError>(m_data); }

private:
    std::variant<T, ParseError> m_data;
};

/// Line and column (both from 1) of a byte offset in text, for JSON parse errors, which Qt reports
/// as an offset.
inline std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text.at(i)) & 0xC0) != 0x80) { // count characters, not UTF-8 bytes
            ++column;
        }
    }
    return {line, column};
}
