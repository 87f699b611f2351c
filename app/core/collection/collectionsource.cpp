#include "core/collection/collectionsource.h"

#include "core/collection/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>
#include <QUrl>
#include <QUuid>

#include <limits>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectionSource)
};

/// Send builds everything; the checks build without reading files, Check all of the request,
/// CheckUrlAndFiles only what can make a request unsendable row by row.
enum class BuildMode { Send, Check, CheckUrlAndFiles };

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

QByteArray formEncode(const QString &text)
{
    // application/x-www-form-urlencoded as browsers send it: '*' kept, '~' encoded, space as '+'.
    QByteArray encoded = QUrl::toPercentEncoding(text, "*", "~");
    encoded.replace("%20", "+");
    return encoded;
}

/// A name or file name inside Content-Disposition quotes, escaped as browsers do.
QByteArray dispositionQuoted(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    return '"' + bytes + '"';
}

QString unresolvedProblem(const QStringList &names)
{
    QStringList braced;
    for (const QString &name : names)
        braced.append(QStringLiteral("{{") + name + QStringLiteral("}}"));
    return (
        names.size() == 1 ? Tr::tr("unresolved variable %1") : Tr::tr("unresolved variables %1"))
        .arg(braced.join(u", "));
}

bool hasHeader(const HttpHeaders &headers, QByteArrayView name)
{
    for (const HttpHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

class RequestBuilder
{
public:
    RequestBuilder(const VariableResolver &variables, const QString &baseDirectory, BuildMode mode,
        QStringList *problems, QStringList *unresolved)
        : m_variables(variables)
        , m_baseDirectory(baseDirectory)
        , m_mode(mode)
        , m_problems(problems)
        , m_unresolved(unresolved)
    { }

    RequestSpec build(const RequestItem &item, const Auth &auth)
    {
        RequestSpec spec;
        spec.url = buildUrl(item, auth);
        if (m_mode == BuildMode::CheckUrlAndFiles) {
            checkFiles(item.body);
            return spec;
        }
        const QString method = resolve(item.method).trimmed();
        spec.method = method.toUtf8();
        if (!isToken(spec.method))
            problem(Tr::tr("the method \"%1\" is not a valid HTTP method name").arg(method));
        for (const KeyValue &header : item.headers) {
            if (header.enabled)
                addHeader(spec.headers, resolve(header.key).trimmed(), resolve(header.value));
        }
        addAuth(spec.headers, auth);
        addBody(spec, item.body);
        return spec;
    }

private:
    QString resolve(const QString &text) const { return m_variables.resolve(text, m_unresolved); }
    void problem(const QString &text) const
    {
        if (m_problems)
            m_problems->append(text);
    }

    QUrl buildUrl(const RequestItem &item, const Auth &auth) const
    {
        QString text = resolve(item.url).trimmed();
        if (!text.contains(u"://"))
            text.prepend(QStringLiteral("http://")); // what people type: "localhost:8080/users"
        QUrl url(text, QUrl::TolerantMode);
        QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
        const auto append = [&query](const QString &key, const QString &value) {
            if (!query.isEmpty())
                query += '&';
            query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        };
        for (const KeyValue &param : item.params) {
            if (!param.enabled)
                continue;
            const QString key = resolve(param.key);
            const QString value = resolve(param.value);
            if (!key.isEmpty() || !value.isEmpty())
                append(key, value);
        }
        if (auth.type == Auth::Type::ApiKey && auth.location == Auth::ApiKeyLocation::Query) {
            const QString key = resolve(auth.key);
            if (key.isEmpty())
                problem(Tr::tr("the API key has no parameter name"));
            else
                append(key, resolve(auth.value));
        }
        if (!query.isEmpty())
            url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);

        if (!url.isValid())
            problem(Tr::tr("invalid URL \"%1\": %2").arg(text, url.errorString()));
        else if (url.scheme() != u"http" && url.scheme() != u"https")
            problem(Tr::tr("invalid URL \"%1\": expected http:// or https://").arg(text));
        else if (url.host().isEmpty())
            problem(Tr::tr("invalid URL \"%1\": no host").arg(text));
        return url;
    }

    void addHeader(HttpHeaders &headers, const QString &name, const QString &value) const
    {
        if (name.isEmpty())
            return; // an empty row of the table
        const QByteArray key = name.toUtf8();
        if (!isToken(key)) {
            problem(Tr::tr("the header name \"%1\" is not valid").arg(name));
            return;
        }
        QByteArray bytes = value.toUtf8();
        if (bytes.contains('\r') || bytes.contains('\n') || bytes.contains('\0')) {
            // A line break would let a value smuggle in headers of its own.
            problem(Tr::tr("the value of header \"%1\" contains a line break").arg(name));
            bytes.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
        }
        headers.append({key, bytes});
    }

    void addAuth(HttpHeaders &headers, const Auth &auth) const
    {
        const bool ownAuthorization = hasHeader(headers, "Authorization");
        switch (auth.type) {
        case Auth::Type::Basic:
            if (!ownAuthorization) {
                const QString credentials = resolve(auth.username) + u':' + resolve(auth.password);
                headers.append({"Authorization", "Basic " + credentials.toUtf8().toBase64()});
            }
            break;
        case Auth::Type::Bearer:
            if (!ownAuthorization)
                addHeader(headers, QStringLiteral("Authorization"),
                    QStringLiteral("Bearer ") + resolve(auth.token));
            break;
        case Auth::Type::ApiKey:
            if (auth.location == Auth::ApiKeyLocation::Header) {
                const QString key = resolve(auth.key).trimmed();
                if (key.isEmpty())
                    problem(Tr::tr("the API key has no header name"));
                else if (!hasHeader(headers, key.toUtf8()))
                    addHeader(headers, key, resolve(auth.value));
            }
            break;
        case Auth::Type::Inherit:
        case Auth::Type::None:
            break;
        }
    }

    /// A file's bytes, or nullopt (with a problem) when it cannot be read. The checks only look.
    std::optional<QByteArray> readFile(
        const QString &pathTemplate, const QString &what, QString *absolutePath = nullptr) const
    {
        const QString path = resolve(pathTemplate);
        if (path.isEmpty()) {
            problem(Tr::tr("%1: no file given").arg(what));
            return std::nullopt;
        }
        const QString absolute = QDir(m_baseDirectory).absoluteFilePath(path);
        if (absolutePath)
            *absolutePath = absolute;
        if (m_mode != BuildMode::Send) {
            const QFileInfo info(absolute);
            if (info.isFile() && info.isReadable())
                return QByteArray();
            problem(Tr::tr("%1: cannot read the file \"%2\"").arg(what, path));
            return std::nullopt;
        }
        QFile file(absolute);
        if (!file.open(QIODevice::ReadOnly)) {
            problem(
                Tr::tr("%1: cannot read the file \"%2\": %3").arg(what, path, file.errorString()));
            return std::nullopt;
        }
        return file.readAll();
    }

    static QByteArray guessContentType(const QString &path)
    {
        return QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension).name().toUtf8();
    }

    void checkFiles(const Body &body) const
    {
        if (body.mode == Body::Mode::BinaryFile)
            readFile(body.filePath, Tr::tr("the body file"));
        if (body.mode != Body::Mode::Multipart)
            return;
        for (const FormPart &part : body.parts) {
            if (part.enabled && part.isFile)
                readFile(part.value, Tr::tr("form part \"%1\"").arg(part.name));
        }
    }

    QByteArray multipart(const Body &body, QByteArray *contentType) const
    {
        const QByteArray boundary
            = "RafagaBoundary" + QUuid::createUuid().toByteArray(QUuid::Id128);
        *contentType = "multipart/form-data; boundary=" + boundary;
        QByteArray out;
        for (const FormPart &part : body.parts) {
            if (!part.enabled)
                continue;
            const QString name = resolve(part.name);
            QByteArray partType = resolve(part.contentType).trimmed().toUtf8();
            QByteArray data;
            QByteArray disposition = "form-data; name=" + dispositionQuoted(name);
            if (part.isFile) {
                QString absolute;
                const std::optional<QByteArray> file
                    = readFile(part.value, Tr::tr("form part \"%1\"").arg(name), &absolute);
                if (!file)
                    continue;
                data = *file;
                disposition += "; filename=" + dispositionQuoted(QFileInfo(absolute).fileName());
                if (partType.isEmpty())
                    partType = guessContentType(absolute);
            } else {
                data = resolve(part.value).toUtf8();
            }
            out += "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n";
            if (!partType.isEmpty())
                out += "Content-Type: " + partType + "\r\n";
            out += "\r\n" + data + "\r\n";
        }
        return out + "--" + boundary + "--\r\n";
    }

    void addBody(RequestSpec &spec, const Body &body) const
    {
        QByteArray contentType;
        switch (body.mode) {
        case Body::Mode::None:
            return;
        case Body::Mode::Raw:
            spec.body = resolve(body.text).toUtf8();
            contentType = resolve(body.contentType).trimmed().toUtf8();
            if (contentType.isEmpty())
                contentType = "text/plain; charset=utf-8";
            break;
        case Body::Mode::Json:
            spec.body = resolve(body.text).toUtf8();
            contentType = "application/json";
            break;
        case Body::Mode::FormUrlEncoded:
            for (const KeyValue &field : body.form) {
                if (!field.enabled)
                    continue;
                const QString key = resolve(field.key);
                const QString value = resolve(field.value);
                if (key.isEmpty() && value.isEmpty())
                    continue;
                if (!spec.body.isEmpty())
                    spec.body += '&';
                spec.body += formEncode(key) + '=' + formEncode(value);
            }
            contentType = "application/x-www-form-urlencoded";
            break;
        case Body::Mode::Multipart:
            spec.body = multipart(body, &contentType);
            // The boundary is ours, so any Content-Type the request sets would not match it.
            spec.headers.removeIf([](const HttpHeader &h) {
                return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
            });
            break;
        case Body::Mode::BinaryFile: {
            QString absolute;
            spec.body = readFile(body.filePath, Tr::tr("the body file"), &absolute)
                            .value_or(QByteArray());
            contentType = guessContentType(absolute);
            break;
        }
        }
        if (!contentType.isEmpty() && !hasHeader(spec.headers, "Content-Type"))
            spec.headers.append({"Content-Type", contentType});
    }

    const VariableResolver &m_variables;
    QString m_baseDirectory;
    BuildMode m_mode;
    QStringList *m_problems;
    QStringList *m_unresolved;
};

Auth inheritedAuth(
    const Auth &own, const QList<const CollectionItem *> &folders, const Auth &collectionAuth)
{
    if (own.type != Auth::Type::Inherit)
        return own;
    for (auto folder = folders.crbegin(); folder != folders.crend(); ++folder) {
        if ((*folder)->folderAuth.type != Auth::Type::Inherit)
            return (*folder)->folderAuth;
    }
    if (collectionAuth.type != Auth::Type::Inherit)
        return collectionAuth;
    Auth none;
    none.type = Auth::Type::None;
    return none;
}

/// Every template string of a request, or only those that decide its URL and files.
QStringList templateTexts(
    const RequestItem &r, const QList<Assertion> &assertions, bool urlAndFiles)
{
    QStringList texts {r.url};
    for (const KeyValue &p : r.params)
        texts << p.key << p.value;
    if (r.auth.type == Auth::Type::ApiKey)
        texts << r.auth.key << r.auth.value;
    for (const FormPart &part : r.body.parts) {
        if (part.isFile || !urlAndFiles)
            texts << part.value;
    }
    texts << r.body.filePath;
    if (urlAndFiles)
        return texts;
    texts << r.method << r.body.text << r.body.contentType << r.auth.username << r.auth.password
          << r.auth.token;
    for (const KeyValue &h : r.headers)
        texts << h.key << h.value;
    for (const KeyValue &f : r.body.form)
        texts << f.key << f.value;
    for (const FormPart &part : r.body.parts)
        texts << part.name << part.contentType;
    for (const Assertion &a : assertions)
        texts << a.target << a.expected;
    return texts;
}

QList<Assertion> resolveAssertions(
    const QList<Assertion> &assertions, const VariableResolver &variables, QStringList *unresolved)
{
    QList<Assertion> resolved = assertions;
    for (Assertion &a : resolved) {
        a.target = variables.resolve(a.target, unresolved);
        a.expected = variables.resolve(a.expected, unresolved);
    }
    return resolved;
}
} // namespace

Auth effectiveAuth(const Collection &collection, const QList<int> &itemPath)
{
    QList<const CollectionItem *> folders;
    const QList<CollectionItem> *items = &collection.items;
    for (int index : itemPath) {
        if (index < 0 || index >= items->size())
            break;
        const CollectionItem &item = items->at(index);
        if (!item.isFolder())
            return inheritedAuth(item.request.auth, folders, collection.auth);
        folders.append(&item);
        items = &item.children;
    }
    return inheritedAuth(Auth(), folders, collection.auth);
}

RequestSpec buildRequest(const RequestItem &item, const Auth &effectiveAuth,
    const VariableResolver &variables, const QString &baseDirectory, QStringList *problems)
{
    QStringList unresolved;
    RequestSpec spec
        = RequestBuilder(variables, baseDirectory, BuildMode::Send, problems, &unresolved)
              .build(item, effectiveAuth);
    if (problems && !unresolved.isEmpty())
        problems->prepend(unresolvedProblem(unresolved));
    return spec;
}

namespace {
/// The selected requests of a collection in tree order, with the folders around each.
class Selector
{
public:
    struct Selected
    {
        const CollectionItem *request;
        QList<const CollectionItem *> folders; ///< outermost first
        QStringList folderNames;
    };

    explicit Selector(const QStringList &folders)
        : m_wanted(folders)
    { }

    void walk(const QList<CollectionItem> &items, bool selected)
    {
        for (const CollectionItem &item : items) {
            if (!item.isFolder()) {
                if (selected || m_wanted.isEmpty())
                    m_selected.append({&item, m_folders, m_names});
                continue;
            }
            m_folders.append(&item);
            m_names.append(item.name);
            const QString path = m_names.join(u'/');
            bool matched = false;
            for (const QString &wanted : m_wanted) {
                // A path names one folder; a bare name every folder called so.
                if (wanted.contains(u'/') ? wanted == path : wanted == item.name) {
                    m_found.insert(wanted);
                    matched = true;
                }
            }
            walk(item.children, selected || matched);
            m_folders.removeLast();
            m_names.removeLast();
        }
    }

    const QList<Selected> &selected() const { return m_selected; }
    QStringList notFound() const
    {
        QStringList missing;
        for (const QString &wanted : m_wanted) {
            if (!m_found.contains(wanted))
                missing.append(wanted);
        }
        return missing;
    }

private:
    QStringList m_wanted;
    QSet<QString> m_found;
    QList<const CollectionItem *> m_folders;
    QStringList m_names;
    QList<Selected> m_selected;
};

/// The data columns (by index) whose values the given names may need.
QList<qsizetype> columnsNeeded(const QSet<QString> &names, const QStringList &columns)
{
    QList<qsizetype> needed;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (names.contains(columns.at(i)) && columns.indexOf(columns.at(i)) == i)
            needed.append(i);
    }
    return needed;
}

bool rowHasAll(const QStringList &row, const QList<qsizetype> &columns)
{
    for (qsizetype column : columns) {
        if (column >= row.size() || row.at(column).isNull())
            return false;
    }
    return true;
}

QStringList allNames(const QStringList &texts)
{
    QStringList names;
    for (const QString &text : texts)
        names += VariableResolver::referencedNames(text);
    return names;
}
} // namespace

Parsed<std::shared_ptr<CollectionSource>> CollectionSource::create(
    const Collection &collection, const Plan &plan)
{
    const auto fail = [&plan](const QString &message) {
        return ParseError {plan.collectionFile, {}, message};
    };
    if (plan.iterations < 0)
        return fail(Tr::tr("the number of iterations must be 0 or more"));

    std::optional<Environment> environment = plan.environment;
    if (!environment && !plan.environmentName.isEmpty()) {
        QStringList names;
        for (const Environment &candidate : collection.environments) {
            if (candidate.name == plan.environmentName)
                environment = candidate;
            names.append(u'"' + candidate.name + u'"');
        }
        if (!environment) {
            return fail(Tr::tr("no environment named \"%1\" in the collection (it has %2)")
                            .arg(plan.environmentName,
                                names.isEmpty() ? Tr::tr("none") : names.join(u", ")));
        }
    }

    Selector selector(plan.folders);
    selector.walk(collection.items, false);
    if (const QStringList missing = selector.notFound(); !missing.isEmpty())
        return fail(Tr::tr("no folder named \"%1\" in the collection").arg(missing.first()));
    if (selector.selected().isEmpty()) {
        return fail(plan.folders.isEmpty()
                ? Tr::tr("nothing to run: the collection has no requests")
                : Tr::tr("nothing to run: the selected folders hold no "
                         "requests"));
    }

    std::shared_ptr<CollectionSource> source(new CollectionSource);
    source->m_columns = plan.dataColumns;
    source->m_rows = plan.dataRows;
    source->m_hasData = !plan.dataColumns.isEmpty() || !plan.dataRows.isEmpty();
    source->m_baseDirectory = plan.baseDirectory;

    // Each secret is read from the settings once, not once per request that can see it.
    QHash<QString, std::optional<QString>> secretCache;
    SecretLookup secrets;
    if (plan.secrets) {
        secrets = [&secretCache, &plan](const QString &scope, const QString &name) {
            const QString key = scope + u'\n' + name;
            auto it = secretCache.find(key);
            if (it == secretCache.end())
                it = secretCache.insert(key, plan.secrets(scope, name));
            return *it;
        };
    }
    VariableResolver shared;
    shared.setCollectionVariables(collection.variables, secrets, SecretStore::collectionScope());
    if (environment) {
        shared.setEnvironmentVariables(
            environment->variables, secrets, SecretStore::environmentScope(environment->name));
    }
    shared.setCommandLineVariables(plan.variables);

    for (const Selector::Selected &selected : selector.selected()) {
        Template t;
        t.name = selected.request->name;
        t.path = (selected.folderNames + QStringList {t.name}).join(u'/');
        t.request = selected.request->request;
        t.auth = inheritedAuth(t.request.auth, selected.folders, collection.auth);
        // Checks and substitution look at the auth the request actually sends.
        t.request.auth = t.auth;
        for (const Assertion &assertion : t.request.assertions) {
            if (assertion.enabled)
                t.assertions.append(assertion);
        }
        t.variables = shared;
        QStringList folderPath;
        for (const CollectionItem *folder : selected.folders) {
            folderPath.append(folder->name);
            t.variables.addFolderVariables(
                folder->variables, secrets, SecretStore::folderScope(folderPath));
        }
        source->m_templates.append(t);
    }

    const qint64 rowCount = source->m_hasData ? source->m_rows.size() : 1;
    const double total = double(plan.iterations) * double(rowCount) * source->m_templates.size();
    // Result::requestIndex is 32 bits wide.
    if (total > double(std::numeric_limits<quint32>::max()))
        return fail(Tr::tr("the run would send %1 requests; at most %2 fit in one run")
                        .arg(total, 0, 'f', 0)
                        .arg(std::numeric_limits<quint32>::max()));
    source->m_size = qint64(total);

    // Check each request once, and again only for the rows that could make a difference: rows
    // missing a value the request needs, or any row when the URL or a file path uses the row.
    QString firstProblem;
    qint64 problemCount = 0;
    const auto report = [&](const Template &t, qint64 row, const QStringList &problems) {
        if (problems.isEmpty())
            return;
        if (problemCount++ == 0)
            firstProblem = describeProblem(t, row, problems, source->m_hasData);
    };
    for (const Template &t : std::as_const(source->m_templates)) {
        if (!source->m_hasData) {
            report(t, -1, source->check(t, -1, false));
            continue;
        }
        const QList<qsizetype> needed = columnsNeeded(
            t.variables.reachableNames(allNames(templateTexts(t.request, t.assertions, false))),
            source->m_columns);
        const QList<qsizetype> neededByUrl = columnsNeeded(
            t.variables.reachableNames(allNames(templateTexts(t.request, {}, true))),
            source->m_columns);
        bool checkedCompleteRow = false;
        for (qsizetype row = 0; row < source->m_rows.size(); ++row) {
            if (!rowHasAll(source->m_rows.at(row), needed)) {
                report(t, row, source->check(t, row, false));
            } else if (!checkedCompleteRow) {
                checkedCompleteRow = true;
                report(t, row, source->check(t, row, false));
            } else if (!neededByUrl.isEmpty()) {
                report(t, row, source->check(t, row, true));
            }
        }
    }
    if (problemCount > 0) {
        if (problemCount == 2)
            firstProblem += Tr::tr(" (and 1 more problem)");
        else if (problemCount > 2)
            firstProblem += Tr::tr(" (and %1 more problems)").arg(problemCount - 1);
        return fail(firstProblem);
    }
    return source;
}

QString CollectionSource::describeProblem(
    const Template &t, qint64 row, const QStringList &problems, bool withRow)
{
    const QString where = withRow ? Tr::tr("request \"%1\", row %2").arg(t.path).arg(row + 1)
                                  : Tr::tr("request \"%1\"").arg(t.path);
    return where + QStringLiteral(": ") + problems.join(QStringLiteral("; "));
}

VariableResolver CollectionSource::resolverFor(
    const Template &t, qint64 row, qint64 index, int iteration) const
{
    VariableResolver variables = t.variables;
    if (row >= 0 && row < m_rows.size())
        variables.setDataRow(m_columns, m_rows.at(row));
    variables.setIndex(index);
    variables.setIteration(iteration);
    return variables;
}

QStringList CollectionSource::check(const Template &t, qint64 row, bool urlAndFilesOnly) const
{
    const VariableResolver variables = resolverFor(t, row, 0, 0);
    QStringList problems;
    QStringList unresolved;
    RequestBuilder(variables, m_baseDirectory,
        urlAndFilesOnly ? BuildMode::CheckUrlAndFiles : BuildMode::Check, &problems, &unresolved)
        .build(t.request, t.auth);
    if (!urlAndFilesOnly)
        resolveAssertions(t.assertions, variables, &unresolved);
    if (!unresolved.isEmpty())
        problems.prepend(unresolvedProblem(unresolved));
    return problems;
}

qint64 CollectionSource::size() const
{
    return m_size;
}

RequestSpec CollectionSource::at(qint64 index) const
{
    const qint64 rowCount = m_hasData ? m_rows.size() : 1;
    const qint64 perIteration = rowCount * m_templates.size();
    if (index < 0 || index >= m_size || perIteration == 0)
        return {};
    const int iteration = int(index / perIteration);
    const qint64 row = m_hasData ? (index % perIteration) / m_templates.size() : -1;
    const Template &t = m_templates.at(index % m_templates.size());

    const VariableResolver variables = resolverFor(t, row, index, iteration);
    // Problems were ruled out before the run; one that appears now (a file deleted meanwhile)
    // still sends what could be built.
    RequestSpec spec = RequestBuilder(variables, m_baseDirectory, BuildMode::Send, nullptr, nullptr)
                           .build(t.request, t.auth);
    spec.name = t.name;
    auto context = std::make_shared<RequestContext>();
    context->path = t.path;
    context->iteration = iteration;
    context->row = row;
    if (row >= 0) {
        context->dataColumns = m_columns;
        context->dataValues = m_rows.at(row);
    }
    context->assertions = resolveAssertions(t.assertions, variables, nullptr);
    spec.context = std::move(context);
    return spec;
}

QStringList CollectionSource::requestPaths() const
{
    QStringList paths;
    for (const Template &t : m_templates)
        paths.append(t.path);
    return paths;
}
