// Reading and writing the native collection file, *.rafaga.json, in a form that diffs well in git.
#pragma once

#include "core/base/jsonreader.h"
#include "core/base/parseerror.h"
#include "core/model/collection.h"

#include <QByteArray>
#include <QString>

/// The native format. A JSON object whose keys are written in a fixed order (not alphabetical),
/// with two-space indentation, a final newline, and no IDs or timestamps, so that saving an
/// unchanged collection gives identical bytes and editing one value changes one line:
///
///   collection: format, version, name, description, auth, variables, environments, run, items
///   item:       type ("folder" | "request"), name, description, then
///               folder: auth, variables, items; request: request
///   request:    method, url, params, headers, auth, body, assertions
///   key/value:  name, value, description, enabled      (params, headers, form fields)
///   variable:   name, value, enabled, secret
///   auth:       type, username, password, token, key, value, in
///   body:       mode, contentType, text, form, parts, file
///   part:       name, value | file, contentType, enabled
///   assertion:  type, target, expected, enabled
///   environment: name, variables
///   run:        concurrency, rate, iterations, timeoutMs, retries, maxRedirects, insecure,
///               sequential, rowOrder, dataFile, environment
///
/// Defaults are left out (an enabled header, an empty description, an inheriting auth, default
/// run settings), except a request's method and URL, which are always written. Fields this
/// version does not know are kept (CollectionItem::unknownFields, Collection::unknownFields) and
/// written back after the known ones, in alphabetical order; this covers unknown fields of the
/// collection, of an item, and of its request, body, auth and run settings objects. A secret
/// variable is written without its value, as "secret": true.
namespace CollectionFile {
inline constexpr int FormatVersion = 1;
inline constexpr char FormatTag[] = "rafaga-collection";
} // namespace CollectionFile

/// Reads a collection file. Errors name the file, the place (line:column) and what was expected.
Parsed<Collection> loadCollection(const QString &path);
/// Parses the text of a collection file; `fileName` is only used in errors.
Parsed<Collection> parseCollection(const QByteArray &json, const QString &fileName = {});
/// Reads a collection file already parsed (an importer that parsed it to find its format).
Parsed<Collection> readCollection(const JsonDocument &document);
/// The file's text for `collection`. The same collection always gives the same bytes.
QByteArray serializeCollection(const Collection &collection);
/// Writes atomically: on failure the old file is left as it was and *error says why.
bool saveCollection(const Collection &collection, const QString &path, QString *error = nullptr);
