// Reads a HAR 1.2 file (a browser's or a proxy's recording) into a collection: each entry becomes
// a request that can be edited and run again.
#pragma once

#include "core/base/jsonreader.h"
#include "core/base/parseerror.h"
#include "core/model/collection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// True when json is a HAR file: an object with a "log" object holding an "entries" array.
bool looksLikeHar(const QByteArray &json);
bool looksLikeHar(const QJsonObject &root);

/// Reads log.entries[] of a HAR 1.2 file, each entry's request to a RequestItem; responses and
/// timings are not read. Errors name fileName and the place: line:column for broken JSON, a path
/// like `log.entries[3].request.url` for a wrong shape. What is left out goes to *skipped (when not
/// null), one line each.
///
/// Decisions worth knowing:
/// - The URL is kept whole, query included (HAR's queryString repeats it), with no params rows.
/// - Headers Qt writes itself are left out: HTTP/2 pseudo-headers (:authority, :path...), Host,
///   Content-Length, Transfer-Encoding, and Accept-Encoding (Qt asks for gzip and deflate and
///   decodes them; a copied "br" would leave bodies compressed). Several Cookie headers (as HTTP/2
///   sends them) become one. Names HTTP cannot send (a recorded request line, names with spaces
///   or colons) are left out, each listed once.
/// - The cookies array becomes a Cookie header only when no Cookie header was recorded (noted).
/// - postData: form fields (params, decoded as browsers record them percent-encoded, or the text
///   of an urlencoded body) become a form body;
///   multipart params become multipart parts (a file part keeps the file name only: a HAR holds no
///   file contents), and the recorded multipart Content-Type is dropped since Qt writes its own
///   boundary; JSON text becomes a JSON body; other text a raw body with postData's mimeType.
/// - Requests are named "METHOD /path" and kept in the recorded order, at the top level (a run
///   sends them in that order; grouping them by host would reorder them).
/// - Entries that are not http or https (ws:, data:, blob:, extensions), and entries with an empty
///   or missing URL, are skipped and listed.
Parsed<Collection> importHar(
    const QByteArray &json, const QString &fileName, QStringList *skipped = nullptr);
/// The same, for a file already parsed.
Parsed<Collection> importHar(const JsonDocument &document, QStringList *skipped = nullptr);
