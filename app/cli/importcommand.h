// `rafaga import` and `rafaga export`: between Rafaga's collection file and other tools' formats.
#pragma once

#include <QStringList>

/// `rafaga import FILE|- [-o OUT]`: a Postman collection, HAR file or curl command to a native
/// collection (standard output without -o).
int runImportCommand(const QStringList &arguments);
/// `rafaga export FILE --to postman|curl [-o OUT]`.
int runExportCommand(const QStringList &arguments);
