// A paste of several shell commands: each curl command to a request, export to a variable.
#include "core/formats/curlparser.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};

bool isCurl(const QByteArray &word)
{
    return word == "curl" || word.endsWith("/curl") || word == "curl.exe";
}

/// Ends a command: a list's separators, and a pipe, since every command of a pipeline runs
/// (`echo x | curl a | jq . | curl b` sends two requests).
bool endsCommand(const ShellWords::Word &word)
{
    return word.isOperator
        && (word.text == "\n" || word.text == ";" || word.text == "&&" || word.text == "||"
            || word.text == "&" || word.text == "|" || word.text == "|&");
}

/// Whether a command (a pipeline) runs curl: its first word after a prompt or sudo, or the first
/// word after a pipe.
bool runsCurl(const QList<ShellWords::Word> &words)
{
    bool commandStart = true;
    for (const ShellWords::Word &word : words) {
        if (word.isOperator) {
            commandStart = word.text.startsWith('|');
            continue;
        }
        if (commandStart && isCurl(word.text))
            return true;
        if (word.text != "$" && word.text != "sudo")
            commandStart = false;
    }
    return false;
}

/// `export NAME=value ...`: the assignments as variables.
bool readExport(const QList<ShellWords::Word> &words, QList<Variable> *variables)
{
    if (words.size() < 2 || words.first().text != "export")
        return false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QByteArray &text = words.at(i).text;
        const qsizetype equals = text.indexOf('=');
        if (words.at(i).isOperator || equals <= 0)
            return false;
        if (variables)
            variables->append({QString::fromUtf8(text.left(equals)),
                QString::fromUtf8(text.mid(equals + 1)), true, false});
    }
    return true;
}
/// One curl command: each part between --next options, each URL of a part, a request.
std::optional<ParseError> importCommand(const QList<ShellWords::Word> &command, int offset,
    const QStringList &shellWarnings, QList<CurlImport> *imports)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= command.size(); ++i) {
        const bool next = i < command.size() && !command.at(i).isOperator
            && (command.at(i).text == "--next" || command.at(i).text == "-:");
        if (i < command.size() && !next)
            continue;
        Parsed<QList<CurlImport>> imported
            = CurlParser(command.mid(start, i - start), offset + int(start))
                  .runEach(imports->isEmpty() ? shellWarnings : QStringList());
        if (!imported)
            return imported.error();
        imports->append(imported.value());
        start = i + 1;
    }
    return std::nullopt;
}
} // namespace

Parsed<QList<CurlImport>> importCurlCommands(
    const QString &commandLine, QList<Variable> *variables, QStringList *notes)
{
    Parsed<ShellWords::Split> split
        = ShellWords::split(commandLine, ShellWords::Expansions::AsVariables);
    if (!split)
        return split.error();
    const QList<ShellWords::Word> &words = split.value().words;
    QList<Variable> exported;
    QList<CurlImport> imports;
    QStringList skipped;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= words.size(); ++i) {
        if (i < words.size() && !endsCommand(words.at(i)))
            continue;
        const QList<ShellWords::Word> command = words.mid(start, i - start);
        const int offset = int(start);
        start = i + 1;
        if (command.isEmpty() || readExport(command, &exported))
            continue;
        if (!runsCurl(command)) {
            skipped.append(Tr::tr("skipped the command %1: not curl")
                               .arg(QString::fromUtf8(command.first().text.left(40))));
            continue;
        }
        if (auto error = importCommand(command, offset,
                imports.isEmpty() ? split.value().warnings : QStringList(), &imports)) {
            return *error;
        }
    }
    if (imports.isEmpty())
        return ParseError {QString(), QString(),
            Tr::tr("no curl command found: expected a command line starting with curl")};
    QStringList fromEnvironment;
    for (const QString &name : std::as_const(split.value().variables)) {
        const bool isExported = std::any_of(exported.cbegin(), exported.cend(),
            [&name](const Variable &variable) { return variable.name == name; });
        if (!isExported)
            fromEnvironment.append(name);
    }
    for (const QString &name : std::as_const(fromEnvironment))
        exported.append(environmentVariable(name));
    for (CurlImport &import : imports)
        import.shellVariables = split.value().variables;
    if (variables)
        variables->append(exported);
    if (notes) {
        if (imports.size() > 1)
            notes->append(Tr::tr("%n curl command(s) found, each imported as a request", nullptr,
                int(imports.size())));
        notes->append(skipped);
        notes->append(shellVariableNotes(fromEnvironment));
    }
    return imports;
}
