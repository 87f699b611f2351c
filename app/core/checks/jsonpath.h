// JSON paths for assertions: dotted keys and array indexes into a response body, like
// data.items[0].id.
#pragma once

#include "core/base/parseerror.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

/// A parsed path. The syntax:
///   data.items[0].id    keys after dots, array indexes in brackets
///   [2].name            a path may start with an index (a body that is an array)
///   items[-1]           a negative index counts from the end: -1 is the last element
///   ["key with.dots"]   any key in quotes, double or single; \" \' and \\ escape inside
///   $  $.data  $[0]     an optional leading $ names the whole body
/// A bare key is one or more characters other than . [ ] " ' and white space. Nothing else:
/// no wildcards, slices or filters.
struct JsonPath
{
    struct Step
    {
        QString key; ///< when !isIndex
        qint64 index = 0; ///< when isIndex
        bool isIndex = false;

        friend bool operator==(const Step &, const Step &) = default;
    };

    QList<Step> steps; ///< empty: the root itself

    /// The value at the path, or nullopt when a key or index is not there or the value on the
    /// way is not an object or an array.
    std::optional<QJsonValue> evaluate(const QJsonValue &root) const;
    /// The path in canonical form: bare keys where the syntax allows, ["..."] elsewhere; "$" for
    /// the root. Parses back to the same steps.
    QString toString() const;

    friend bool operator==(const JsonPath &, const JsonPath &) = default;
};

/// Parses a path; errors name the column (from 1) and what was expected there. An empty path is
/// an error: the root is "$".
Parsed<JsonPath> parseJsonPath(const QString &path);

/// The value at path in document, or nullopt when it is not there. A malformed path also gives
/// nullopt, and sets *error (when given) to what is wrong with it; otherwise *error is cleared.
std::optional<QJsonValue> evaluateJsonPath(
    const QJsonDocument &document, const QString &path, QString *error);
/// The same on any JSON value, such as a body that is a bare number or string.
std::optional<QJsonValue> evaluateJsonPath(
    const QJsonValue &root, const QString &path, QString *error);
