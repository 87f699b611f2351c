#include "cli/importcommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/locustcommand.h"
#include "core/collection/collectionfile.h"
#include "core/collection/collectionsource.h"
#include "core/formats/curlexport.h"
#include "core/formats/importer.h"
#include "core/formats/postmanexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <functional>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

/// One line per secret variable that came with a value: a collection file never holds one, so
/// the value is left behind; say so, and how to give it back.
QStringList droppedSecrets(const Collection &collection)
{
    QStringList lines;
    const auto check = [&](const QList<Variable> &variables, const QString &scope) {
        for (const Variable &variable : variables) {
            if (!variable.secret || variable.value.isEmpty())
                continue;
            lines.append(Tr::tr("the value of secret variable '%1' (%2) is not written to the "
                                "collection: give it with `rafaga run FILE --var %1=VALUE`, or "
                                "set it in the workbench, which keeps it in your secret store")
                             .arg(variable.name, scope));
        }
    };
    check(collection.variables, Tr::tr("collection"));
    const std::function<void(const QList<CollectionItem> &, const QStringList &)> walk
        = [&](const QList<CollectionItem> &items, const QStringList &path) {
              for (const CollectionItem &item : items) {
                  if (!item.isFolder())
                      continue;
                  const QStringList folder = path + QStringList {item.name};
                  check(item.variables, Tr::tr("folder %1").arg(folder.join(QLatin1Char('/'))));
                  walk(item.children, folder);
              }
          };
    walk(collection.items, {});
    for (const Environment &environment : collection.environments)
        check(environment.variables, Tr::tr("environment %1").arg(environment.name));
    return lines;
}
} // namespace

int runImportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Turns a Postman collection (v2.0, v2.1), a HAR file or a curl command into a Rafaga "
        "collection. FILE may be - for standard input."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"), Tr::tr("What to import, or - for standard input."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
        Tr::tr("Write the collection here (default: standard output)."), Tr::tr("OUT")});
    parser.addHelpOption();
    const int early = Cli::parseOrExit(parser, QStringLiteral("import"), arguments);
    if (early >= 0)
        return early;
    if (parser.positionalArguments().size() != 1)
        return Cli::usageError(
            QStringLiteral("import"), Tr::tr("expected one FILE (or - for standard input)"));

    const QString source = parser.positionalArguments().first();
    QString error;
    const std::optional<QByteArray> data = Cli::readInput(source, &error);
    if (!data)
        return Cli::usageError(QStringLiteral("import"), error);
    const QString name = source == QLatin1String("-") ? Tr::tr("standard input") : source;
    const Parsed<ImportResult> imported = importCollection(*data, name);
    if (!imported)
        return Cli::usageError(QStringLiteral("import"), imported.error().toString());

    QTextStream err(stderr);
    for (const QString &note : imported.value().notes + droppedSecrets(imported.value().collection))
        err << Tr::tr("note: %1").arg(note) << '\n';
    if (!Cli::writeOutput(parser.value(QStringLiteral("output")),
            serializeCollection(imported.value().collection), &error)) {
        err << "rafaga import: " << error << '\n';
        return Cli::Failures;
    }
    if (parser.isSet(QStringLiteral("output")))
        err << Tr::tr("Imported %1 from %2 into %3")
                   .arg(importFormatName(imported.value().format), name,
                       parser.value(QStringLiteral("output")))
            << '\n';
    return Cli::Success;
}

int runExportCommand(const QStringList &arguments)
{
    if (wantsLocustExport(arguments))
        return runLocustExportCommand(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr(
        "Exports a collection as a Postman v2.1 collection, or its requests as curl commands. "
        "--to locust writes its run as a Locust file (see rafaga export --to locust --help)."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"), Tr::tr("A Rafaga (or Postman) collection."));
    parser.addOption({QStringLiteral("to"), Tr::tr("postman, curl or locust."), Tr::tr("FORMAT")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
        Tr::tr("Write here (default: standard output)."), Tr::tr("OUT")});
    parser.addHelpOption();
    const int early = Cli::parseOrExit(parser, QStringLiteral("export"), arguments);
    if (early >= 0)
        return early;
    if (parser.positionalArguments().size() != 1)
        return Cli::usageError(QStringLiteral("export"), Tr::tr("expected one collection FILE"));
    const QString format = parser.value(QStringLiteral("to"));
    if (format != QLatin1String("postman") && format != QLatin1String("curl"))
        return Cli::usageError(
            QStringLiteral("export"), Tr::tr("--to must be postman or curl, not '%1'").arg(format));

    const QString path = parser.positionalArguments().first();
    QString error;
    const std::optional<QByteArray> data = Cli::readInput(path, &error);
    if (!data)
        return Cli::usageError(QStringLiteral("export"), error);
    const Parsed<ImportResult> loaded = importCollection(*data, path);
    if (!loaded)
        return Cli::usageError(QStringLiteral("export"), loaded.error().toString());
    const Collection &collection = loaded.value().collection;

    QByteArray output;
    if (format == QLatin1String("postman")) {
        output = exportPostmanCollection(collection);
    } else {
        // One command per request, each with its variables left as {{name}}: a template to fill.
        const std::function<void(const QList<CollectionItem> &, const QString &)> walk
            = [&](const QList<CollectionItem> &items, const QString &prefix) {
                  for (const CollectionItem &item : items) {
                      const QString name
                          = prefix.isEmpty() ? item.name : prefix + QLatin1Char('/') + item.name;
                      if (item.isFolder()) {
                          walk(item.children, name);
                          continue;
                      }
                      output += "# " + name.toUtf8() + '\n';
                      output += exportCurl(item.request).toUtf8() + "\n\n";
                  }
              };
        walk(collection.items, QString());
    }
    if (!Cli::writeOutput(parser.value(QStringLiteral("output")), output, &error)) {
        QTextStream(stderr) << "rafaga export: " << error << '\n';
        return Cli::Failures;
    }
    return Cli::Success;
}
