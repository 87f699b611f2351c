// Small pieces every command shares: parsing with one-line errors, help text, reading input.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace Cli {
/// Parses arguments (the words after the command). Returns an exit code when the command should
/// end now (after --help, or with a usage error already printed), else -1.
int parseOrExit(QCommandLineParser &parser, const QString &command, const QStringList &arguments);
/// Prints "rafaga COMMAND: message" on one line of stderr and returns the usage exit code.
int usageError(const QString &command, const QString &message);
/// The contents of path, or of standard input for "-"; nullopt with *error when unreadable.
std::optional<QByteArray> readInput(const QString &path, QString *error);
/// Writes data to path atomically, or to standard output for an empty path or "-"; false with
/// *error when it cannot.
bool writeOutput(const QString &path, const QByteArray &data, QString *error);
} // namespace Cli
