// Reads Postman collections (format v2.0 and v2.1) and Postman environment files into the
// collection model. Scripts are never run: what cannot be imported is listed, not dropped silently.
#pragma once

#include "core/base/jsonreader.h"
#include "core/base/parseerror.h"
#include "core/model/collection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// True when json is a Postman collection: info.schema names getpostman.com, or it has an item
/// array and an info object or none (newman runs those too). Cheap enough to call on any file
/// the user opens.
bool looksLikePostmanCollection(const QByteArray &json);
bool looksLikePostmanCollection(const QJsonObject &root);

/// True when json is a Postman environment (or globals) file: a "values" array of variables and no
/// collection shape.
bool looksLikePostmanEnvironment(const QByteArray &json);

/// Reads a Postman collection v2.0 or v2.1. Errors name fileName and the place: line:column for
/// broken JSON, a path like `item[2].request.url` for a wrong shape.
///
/// Everything that is not imported is appended to *skipped (when not null), one line each, such as
/// `request "Users/Get user": test script not imported`: pre-request and test scripts, auth kinds
/// Rafaga lacks (oauth1, oauth2, digest, hawk, awsv4, ntlm, ...), protocol profile behaviour,
/// certificates, proxies, saved example responses, URL fragments. Nothing is appended when the
/// import fails.
///
/// Decisions worth knowing:
/// - The URL is kept without its query string; the query goes to RequestItem::params (Postman's
///   `query` array when present, which keeps disabled parameters, else the raw URL's query).
/// - A path variable `:id` listed in url.variable is replaced by its value, as Postman sends
///   it; one without a value stays ":id", which newman sends as written.
/// - Postman's {{var}} syntax is ours: kept as is.
/// - An empty body (raw text "", no form rows) is left out, as Postman sends none: no
///   Content-Type goes with it.
/// - A GraphQL body becomes a JSON body {"query": ..., "variables": {...}}, which is what Postman
///   sends.
/// - Auth that is absent means Inherit; "noauth" means None; an unsupported kind becomes None
///   (and is listed), since it could not be sent anyway.
Parsed<Collection> importPostmanCollection(
    const QByteArray &json, const QString &fileName, QStringList *skipped = nullptr);

/// The same, for a file already parsed.
Parsed<Collection> importPostmanCollection(
    const JsonDocument &document, QStringList *skipped = nullptr);

/// Reads a Postman environment (or globals) export: its name and its variables; variables of type
/// "secret" are marked secret, disabled ones are kept disabled.
Parsed<Environment> importPostmanEnvironment(const QByteArray &json, const QString &fileName);
