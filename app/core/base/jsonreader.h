// The one JSON reader of the importers and the collection file: parses a file once, then walks
// the document with typed accessors that keep the first error and where it was, and collects
// notes about what was left out.
#pragma once

#include "core/base/parseerror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>

/// A JSON text parsed once, whose top is an object, with the text kept to place errors in it.
struct JsonDocument
{
    QString fileName;
    QByteArray text;
    QJsonObject root;
};

/// text as UTF-8 without a byte order mark: a UTF-8 BOM is dropped, and UTF-16 with its BOM
/// (little or big endian: PowerShell's default for a redirected file) is converted.
QByteArray utf8WithoutBom(const QByteArray &text);

/// Parses text (a byte order mark and UTF-16 as utf8WithoutBom()). Broken JSON fails at its
/// line:column ("invalid JSON: ..."); a top that is not an object fails at 1:1 with notAnObject (or
/// "expected a JSON object").
Parsed<JsonDocument> parseJsonDocument(
    const QByteArray &text, const QString &fileName, const QString &notAnObject = {});

/// An error at the value a path like `items[2].request.headers[0]` names in text (which has
/// parsed), as line:column with the path before the message; a path that is not in the text (a
/// missing field) points at the nearest object that is.
ParseError jsonErrorAt(
    const QByteArray &text, const QString &fileName, const QString &path, const QString &message);

namespace JsonPath {
/// "parent.key": where a field is, for errors.
QString field(const QString &parent, QLatin1StringView key);
/// "parent[i]": where an element of an array is.
QString element(const QString &parent, qsizetype index);
} // namespace JsonPath

/// Typed access to the values of a parsed document. The first error is kept with its path; an
/// absent or null value reads as empty (or as the given fallback). Two styles share the rules:
/// the bool-returning ones (text, array, object) for importers that stop at the first error, and
/// the value-returning ones for readers that read on and check failed() at the end.
class JsonReader
{
public:
    explicit JsonReader(QString fileName, QStringList *notes = nullptr)
        : m_fileName(std::move(fileName))
        , m_notes(notes)
    { }

    static bool isAbsent(const QJsonValue &value) { return value.isUndefined() || value.isNull(); }
    /// A scalar as text: numbers and booleans appear where strings are expected; null and absent
    /// are empty; objects and arrays have none.
    static std::optional<QString> scalarText(const QJsonValue &value);

    bool failed() const { return !m_errorMessage.isNull(); }
    const QString &errorPath() const { return m_errorPath; }
    const QString &errorMessage() const { return m_errorMessage; }
    /// The first error, its place the path.
    ParseError error() const { return {m_fileName, m_errorPath, m_errorMessage}; }
    /// Keeps the first error; returns false so a reader can `return fail(...)`.
    bool fail(const QString &path, const QString &message);
    /// Notes something left out: "what: text", or text alone when what is empty.
    void note(const QString &what, const QString &text);

    bool text(const QJsonValue &value, const QString &path, QString *out);
    /// An array, or empty when absent.
    bool array(const QJsonValue &value, const QString &path, QJsonArray *out);
    /// An object that must be there.
    bool object(const QJsonValue &value, const QString &path, QJsonObject *out);

    /// A string that must be a string when present.
    QString string(const QJsonObject &o, const QString &path, QLatin1StringView key);
    bool boolean(const QJsonObject &o, const QString &path, QLatin1StringView key, bool fallback);
    int integer(const QJsonObject &o, const QString &path, QLatin1StringView key, int fallback,
        int min, int max);
    /// A finite number, 0 or more.
    double number(
        const QJsonObject &o, const QString &path, QLatin1StringView key, double fallback);
    QJsonArray array(const QJsonObject &o, const QString &path, QLatin1StringView key);
    /// An object that may be absent.
    QJsonObject object(const QJsonObject &o, const QString &path, QLatin1StringView key);
    /// An array element that must be an object.
    QJsonObject element(const QJsonValue &v, const QString &path);
    /// The index of the value among names, which must be one of them when present.
    int enumeration(const QJsonObject &o, const QString &path, QLatin1StringView key,
        const QLatin1StringView *names, std::size_t count, int fallback);
    template<std::size_t N>
    int enumeration(const QJsonObject &o, const QString &path, QLatin1StringView key,
        const QLatin1StringView (&names)[N], int fallback)
    {
        return enumeration(o, path, key, names, N, fallback);
    }
    /// "expected one of "a", "b", ...".
    static QString choices(const QLatin1StringView *names, std::size_t count);

private:
    QString m_fileName;
    QStringList *m_notes;
    QString m_errorPath;
    QString m_errorMessage;
};
