// Writes a collection as a Postman collection v2.1 and an environment as a Postman environment,
// so that people can take their requests to Postman (and to the tools that read its format).
#pragma once

#include "core/model/collection.h"

#include <QByteArray>

/// The collection as Postman collection v2.1 JSON (schema
/// https://schema.getpostman.com/json/collection/v2.1.0/collection.json), indented, with no
/// generated IDs or timestamps: the same collection gives the same bytes.
///
/// Every field the importer reads is written, so Postman → Rafaga → Postman keeps them. Secret
/// variables are written with an empty value and type "secret". Assertions become a Postman test
/// script (pm.test(...)), which Postman runs; run settings and environments have no place in the
/// format.
QByteArray exportPostmanCollection(const Collection &collection);

/// The environment as a Postman environment file; secret variables get type "secret" and an empty
/// value.
QByteArray exportPostmanEnvironment(const Environment &environment);
