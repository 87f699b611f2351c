// Reads a curl command line into a request: the helpers and the entry points.
#include "core/formats/curlimport.h"

#include "core/formats/curlparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <optional>
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};
} // namespace

/// curl_easy_escape() followed by curl's %20 -> + for --data-urlencode and --url-query. A
/// {{variable}} (a shell's $NAME) stays as it is, to be filled in when the request is sent; a
/// literal "{{" (TemplateLiteralOpenBraces) is text and encoded as such.
QByteArray curlUrlEncode(const QByteArray &bytes)
{
    static const QRegularExpression variable(QStringLiteral("\\{\\{ *\\$?[\\w.-]+ *\\}\\}"));
    QByteArray encoded;
    const auto encode = [&encoded](const QByteArray &piece) {
        QByteArray e = piece.toPercentEncoding();
        e.replace("%20", "+");
        encoded += e;
    };
    if (!bytes.contains("{{")) {
        encode(bytes);
        return encoded;
    }
    const QStringList pieces
        = QString::fromUtf8(bytes).split(QLatin1String(TemplateLiteralOpenBraces));
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i > 0)
            encode("{{");
        const QString &text = pieces.at(i);
        qsizetype done = 0;
        for (const QRegularExpressionMatch &match : variable.globalMatch(text)) {
            encode(text.mid(done, match.capturedStart() - done).toUtf8());
            encoded += match.captured().toUtf8();
            done = match.capturedEnd();
        }
        encode(text.mid(done).toUtf8());
    }
    return encoded;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    Q_UNUSED(text)
    return !decoder.hasError();
}

QString urlPath(const QString &url)
{
    qsizetype start = url.indexOf(QLatin1String("://"));
    start = start < 0 ? 0 : url.indexOf(QLatin1Char('/'), start + 3);
    if (start < 0)
        return QStringLiteral("/");
    qsizetype end = url.size();
    for (const QChar stop : {QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = url.indexOf(stop, start);
        if (at >= 0 && at < end)
            end = at;
    }
    const QString path = url.mid(start, end - start);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

ParseError CurlParser::fail(int word, const QString &what, const QString &message) const
{
    return ParseError {
        QString(), Tr::tr("word %1 (%2)").arg(word + m_wordOffset).arg(what), message};
}

Parsed<QList<CurlImport>> CurlParser::runEach(QStringList shellWarnings)
{
    m_manyUrls = true;
    m_result.warnings = std::move(shellWarnings);
    if (auto error = parseCommandLine())
        return *error;
    // curl fetches each URL in turn with the same options.
    const QStringList urls = QStringList {m_url} + m_moreUrls;
    QList<CurlImport> imports;
    for (const QString &url : urls) {
        m_url = url;
        m_result.item = CollectionItem();
        m_result.body.clear();
        if (auto error = finish())
            return *error;
        m_result.warnings.removeDuplicates();
        imports.append(m_result);
        m_result.warnings.clear();
    }
    if (!m_quiet.isEmpty())
        imports.first().warnings.append(
            Tr::tr("ignored options that change only what curl prints or how it connects: %1")
                .arg(m_quiet.join(QLatin1String(", "))));
    return imports;
}

Parsed<CurlImport> CurlParser::run(QStringList shellWarnings)
{
    m_result.warnings = std::move(shellWarnings);
    if (auto error = parseCommandLine())
        return *error;
    if (auto error = finish())
        return *error;
    if (!m_quiet.isEmpty())
        m_result.warnings.append(
            Tr::tr("ignored options that change only what curl prints or how it connects: %1")
                .arg(m_quiet.join(QLatin1String(", "))));
    return m_result;
}
std::optional<ParseError> CurlParser::setUrl(const QByteArray &url, int word)
{
    if (!m_url.isEmpty() && !m_manyUrls)
        return fail(word, QString::fromUtf8(url.left(60)),
            Tr::tr("a second URL (the first is word %1); import one request at a time")
                .arg(m_urlWord));
    if (url.isEmpty())
        return fail(word, QStringLiteral("''"), Tr::tr("an empty URL"));
    if (!m_url.isEmpty()) {
        m_moreUrls.append(QString::fromUtf8(url));
        return std::nullopt;
    }
    m_url = QString::fromUtf8(url);
    m_urlWord = word;
    return std::nullopt;
}

void CurlParser::setDefaultHeader(const QString &name, const QString &value)
{
    for (KeyValue &header : m_defaults) {
        if (header.key.compare(name, Qt::CaseInsensitive) == 0) {
            header.value = value; // curl keeps the last -A, -e, ...
            return;
        }
    }
    m_defaults.append(KeyValue {name, value, true, {}});
}

Variable environmentVariable(const QString &name)
{
    return Variable {name, QStringLiteral("{{$env.") + name + QStringLiteral("}}"), true, false};
}

Parsed<CurlImport> importCurl(const QString &commandLine)
{
    Parsed<ShellWords::Split> split
        = ShellWords::split(commandLine, ShellWords::Expansions::AsVariables);
    if (!split)
        return split.error();
    Parsed<CurlImport> imported = CurlParser(split.value().words).run(split.value().warnings);
    if (imported) {
        imported.value().shellVariables = split.value().variables;
        imported.value().warnings.append(shellVariableNotes(split.value().variables));
    }
    return imported;
}

QStringList shellVariableNotes(const QStringList &names)
{
    QStringList notes;
    for (const QString &name : names)
        notes.append(Tr::tr("$%1 is the variable {{%1}}: its value comes from --var, an "
                            "environment, the collection, or else the process environment, as "
                            "a shell's would")
                         .arg(name));
    return notes;
}

Parsed<CollectionItem> importCurl(const QString &commandLine, QStringList *warnings)
{
    Parsed<CurlImport> imported = importCurl(commandLine);
    if (!imported)
        return imported.error();
    if (warnings)
        *warnings = imported.value().warnings + runSettingNotes(imported.value());
    return std::move(imported).value().item;
}

QStringList runSettingNotes(const CurlImport &imported)
{
    QStringList notes;
    if (imported.insecure)
        notes.append(Tr::tr("-k applies to the whole run: turn on insecure TLS in its settings"));
    if (imported.followRedirects)
        notes.append(Tr::tr("-L applies to the whole run: Rafaga follows redirects unless its "
                            "settings say not to"));
    return notes;
}
