// `rafaga run`'s command line: the option table and the parsed form the command works from.
#pragma once

#include "core/collection/runplan.h"
#include "core/model/collection.h"
#include "core/model/requestspec.h"
#include "core/model/transportoptions.h"

#include <QString>

class QCommandLineParser;

/// Where the results go; empty for none, "-" for standard output.
struct OutputPaths
{
    QString csv;
    QString json;
    QString ndjson;

    /// True when any of them writes to standard output (the summary then goes to stderr).
    bool usesStdout() const;
};

/// What the command line asked for.
struct RunCommandLine
{
    bool collectionMode = false; ///< a collection FILE, else --url
    RequestSpec spec; ///< --url mode
    qint64 count = 1; ///< --url mode: -n
    QString collectionFile; ///< FILE mode
    Collection collection; ///< FILE mode: as loaded
    RunSettings settings; ///< the collection's (or the defaults), with the flags applied
    RunRequest plan; ///< FILE mode: folders, environment, variables
    TransportOptions transport; ///< the settings' timeout and TLS trust, then the flags
    OutputPaths outputs;
    bool quiet = false;
    QStringList importNotes; ///< FILE mode: what a Postman collection has that was not carried over
    bool strictImport = false; ///< --strict-import: any of importNotes stops the run (exit 2)
};

/// Adds every option of `rafaga run` to parser: the option table.
void addRunOptions(QCommandLineParser &parser);

/// Reads a parsed command line into *commandLine (loading the collection in FILE mode). Returns a
/// one-line message for the usage error when something is wrong, else an empty string.
QString readRunCommandLine(const QCommandLineParser &parser, RunCommandLine *commandLine);
