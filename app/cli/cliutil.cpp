#include "cli/cliutil.h"

#include "cli/cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};
} // namespace

namespace Cli {

int parseOrExit(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    if (!parser.parse(QStringList {QStringLiteral("rafaga")} + arguments))
        return usageError(command, parser.errorText());
    const bool helpAll = parser.optionNames().contains(QStringLiteral("help-all"));
    if (parser.isSet(QStringLiteral("help")) || helpAll) {
        // Qt names the program by its path in the first line ("Usage: %1", translated by Qt);
        // the user typed "rafaga COMMAND".
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = program.isEmpty() ? -1 : help.indexOf(program);
        if (at >= 0 && at < help.indexOf(QLatin1Char('\n')))
            help.replace(at, program.size(), QStringLiteral("rafaga ") + command);
        QTextStream(stdout) << help;
        return Success;
    }
    return -1;
}

int usageError(const QString &command, const QString &message)
{
    QTextStream(stderr) << "rafaga " << command << ": " << message << '\n';
    return UsageError;
}

std::optional<QByteArray> readInput(const QString &path, QString *error)
{
    QFile file;
    const bool ok = path == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = Tr::tr("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

/// Writes data to path atomically, or to standard output for an empty path or "-".
bool writeOutput(const QString &path, const QByteArray &data, QString *error)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(data) != data.size()) {
            *error = Tr::tr("cannot write to standard output");
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = Tr::tr("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace Cli
