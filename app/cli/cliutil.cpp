#include "cli/cliutil.h"

#include "cli/cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
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

} // namespace Cli
