// Recognises what the user handed over — a native collection, a Postman collection, a HAR file or a
// curl command — and turns it into a collection.
#pragma once

#include "core/base/parseerror.h"
#include "core/model/collection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <utility>

struct ImportResult
{
    enum class Format { Native, Postman, Har, Curl };

    Collection collection;
    Format format = Format::Native;
    QStringList notes; ///< what was skipped or approximated, one sentence each
};

/// Imports text read from fileName (or "standard input"). JSON is recognised by its shape; text
/// starting with `curl` is a curl command. Anything else is an error saying what was expected.
Parsed<ImportResult> importCollection(const QByteArray &data, const QString &fileName);
/// The format's name as users know it ("Postman collection", "HAR", ...).
QString importFormatName(ImportResult::Format format);

/// The notes grouped by what they say, once per kind with how often it came, in the order each
/// kind first came: `request "A": test script not imported` and `request "B": test script not
/// imported` give one entry {"test script not imported", 2}.
QList<std::pair<QString, int>> groupedNotes(const QStringList &notes);
