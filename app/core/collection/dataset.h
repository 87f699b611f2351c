// Data sets for data-driven runs: a table of named columns read from CSV or a JSON array of
// objects, one run of the selected requests per row.
#pragma once

#include "core/base/parseerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// A table of values. Every row has exactly one value per column, in the columns' order.
struct DataSet
{
    QStringList columns;
    QList<QStringList> rows;

    friend bool operator==(const DataSet &, const DataSet &) = default;
};

/// Reads a data set file: CSV for *.csv, JSON for *.json; any other name is JSON when its first
/// non-space character is '[' and CSV otherwise.
Parsed<DataSet> loadDataSet(const QString &path);

/// Parses RFC 4180 CSV, UTF-8 with or without a BOM: the first record is the header, each later
/// record one row. Fields may be quoted, with commas, doubled quotes and line breaks inside;
/// records end in CRLF, LF or CR; blank lines are skipped. Header names are trimmed and must be
/// unique and non-empty; values are kept exactly, spaces included. A header without rows is a
/// valid, empty data set. Errors name the row: records counted from 1 (the header), blank lines
/// included, as a spreadsheet numbers them.
Parsed<DataSet> parseCsvDataSet(const QByteArray &data, const QString &fileName);

/// Parses a JSON array of objects. The columns are the union of the objects' keys in first-seen
/// order; a key an object lacks gives an empty value. Strings are taken as they are, numbers as
/// written ("1.50" stays "1.50"), true/false as words, null as empty, and nested objects and
/// arrays as compact JSON text. A key repeated in one object takes its last value. Errors carry
/// line:column; one about an element names it by its index from 0, as in "[3]: expected an
/// object".
Parsed<DataSet> parseJsonDataSet(const QByteArray &data, const QString &fileName);
