#include "core/formats/importer.h"

#include "core/base/jsonreader.h"
#include "core/collection/collectionfile.h"
#include "core/formats/curlimport.h"
#include "core/formats/harimport.h"
#include "core/formats/postmanimport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Importer)
};

} // namespace

QString importFormatName(ImportResult::Format format)
{
    switch (format) {
    case ImportResult::Format::Native:
        return Tr::tr("Rafaga collection");
    case ImportResult::Format::Postman:
        return Tr::tr("Postman collection");
    case ImportResult::Format::Har:
        return Tr::tr("HAR file");
    case ImportResult::Format::Curl:
        return Tr::tr("curl command");
    }
    return QString();
}

namespace {

/// Whether text is shell: a line whose first word (after a "$ " prompt or sudo) runs curl.
bool looksLikeCurl(const QByteArray &text)
{
    static const QRegularExpression curlLine(
        QStringLiteral("(^|\\n)[ \\t]*(\\$[ \\t]+)?(sudo[ \\t]+)?\\S*curl(\\.exe)?([ \\t\\\\]|$)"));
    return curlLine.match(QString::fromUtf8(text)).hasMatch();
}

Parsed<ImportResult> importCurlPaste(const QByteArray &text, const QString &fileName)
{
    ImportResult result;
    Parsed<QList<CurlImport>> commands
        = importCurlCommands(QString::fromUtf8(text), &result.collection.variables, &result.notes);
    if (!commands)
        return ParseError {fileName, commands.error().place, commands.error().message};
    result.format = ImportResult::Format::Curl;
    result.collection.name = Tr::tr("Imported from curl");
    for (const CurlImport &curl : std::as_const(commands.value())) {
        result.collection.items.append(curl.item);
        result.notes.append(curl.warnings);
    }
    // The run's settings come from the first command; the others asked for the same as a rule.
    const CurlImport &curl = commands.value().first();
    result.collection.run.insecure = curl.insecure;
    result.collection.run.maxRedirects
        = curl.maxRedirects >= 0 ? curl.maxRedirects : (curl.followRedirects ? 10 : 0);
    if (curl.timeoutMs > 0)
        result.collection.run.timeoutMs = curl.timeoutMs;
    if (curl.retries >= 0)
        result.collection.run.retries = curl.retries;
    return result;
}

} // namespace

Parsed<ImportResult> importCollection(const QByteArray &input, const QString &fileName)
{
    ImportResult result;
    // A byte order mark (Windows editors write one) is not part of the text; UTF-16 (PowerShell's
    // default) is read too.
    const QByteArray data = utf8WithoutBom(input);
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty())
        return ParseError {fileName, QString(), Tr::tr("the input is empty")};
    if (!trimmed.startsWith('{') && looksLikeCurl(trimmed))
        return importCurlPaste(data, fileName);

    if (!trimmed.startsWith('{'))
        return ParseError {fileName, QString(),
            Tr::tr("not a collection: expected JSON (a Rafaga or Postman collection, a "
                   "HAR file) or a curl command")};

    // Parsed once; each reader walks the same document. Broken JSON fails here, at its place.
    const Parsed<JsonDocument> parsed = parseJsonDocument(data, fileName);
    if (!parsed)
        return parsed.error();
    const JsonDocument &document = parsed.value();
    const QJsonObject &root = document.root;
    if (root.value(QLatin1String("format")).toString()
        == QLatin1String(CollectionFile::FormatTag)) {
        Parsed<Collection> native = readCollection(document);
        if (!native)
            return native.error();
        result.collection = std::move(native).value();
        return result;
    }
    if (looksLikeHar(root)) {
        Parsed<Collection> har = importHar(document, &result.notes);
        if (!har)
            return har.error();
        result.format = ImportResult::Format::Har;
        result.collection = std::move(har).value();
        return result;
    }
    if (looksLikePostmanCollection(root) || root.isEmpty()) {
        Parsed<Collection> postman = importPostmanCollection(document, &result.notes);
        if (!postman)
            return postman.error();
        result.format = ImportResult::Format::Postman;
        result.collection = std::move(postman).value();
        return result;
    }
    if (looksLikePostmanEnvironment(document.text))
        return ParseError {fileName, QString(),
            Tr::tr("this is a Postman environment, not a collection: give it to rafaga run "
                   "with --env-file")};
    return ParseError {fileName, QString(),
        Tr::tr("unrecognised JSON: expected a Rafaga collection (\"format\": "
               "\"rafaga-collection\"), a Postman collection (\"info\" and \"item\") or "
               "a HAR file (\"log\" with \"entries\")")};
}

QList<std::pair<QString, int>> groupedNotes(const QStringList &notes)
{
    QList<std::pair<QString, int>> groups;
    for (const QString &note : notes) {
        // "request \"Users/Get\": text", "folder \"Users\": text", "collection: text" (in any
        // language): the text is what follows the quoted name, or the first ": ".
        const qsizetype colon = note.indexOf(QLatin1String(": "));
        const qsizetype quote = note.indexOf(u'"');
        const qsizetype end = quote >= 0 && quote < colon
            ? note.indexOf(QLatin1String("\": "), quote + 1) + 1
            : colon;
        QString kind = end > 0 ? note.mid(end + 2) : note;
        // Each untranslated line of a Postman test script is one kind, whatever its number.
        static const QString perLine = QCoreApplication::translate(
            "PostmanImport", "test script line %1 not translated: %2");
        const QString before = perLine.section(QLatin1String("%1"), 0, 0);
        const QString between
            = perLine.section(QLatin1String("%1"), 1).section(QLatin1String("%2"), 0, 0);
        if (!before.isEmpty() && kind.startsWith(before) && kind.contains(between))
            kind = Tr::tr("test script lines not translated");
        auto it = std::find_if(groups.begin(), groups.end(),
            [&](const std::pair<QString, int> &group) { return group.first == kind; });
        if (it == groups.end())
            groups.append({kind, 1});
        else
            ++it->second;
    }
    return groups;
}
