#include "core/collection/collectionsource.h"

#include "core/checks/captures.h"
#include "core/collection/variablescope.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

#include <limits>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CollectionSource)
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
    for (const Capture &c : r.captures)
        texts << c.expression;
    return texts;
}

QList<Capture> resolveCaptures(
    const QList<Capture> &captures, const VariableResolver &variables, QStringList *unresolved)
{
    QList<Capture> resolved = captures;
    for (Capture &c : resolved)
        c.expression = variables.resolve(c.expression, unresolved);
    return resolved;
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

namespace {
/// The selected requests of a collection in tree order, with the folders around each.
class Selector
{
public:
    struct Selected
    {
        const CollectionItem *request;
        QList<const CollectionItem *> folders; ///< outermost first
    };

    explicit Selector(const QStringList &folders)
        : m_wanted(folders)
    { }

    void walk(const QList<CollectionItem> &items, bool selected)
    {
        for (const CollectionItem &item : items) {
            if (!item.isFolder()) {
                if (selected || m_wanted.isEmpty())
                    m_selected.append({&item, m_folders});
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

Parsed<std::optional<Environment>> CollectionSource::environmentFor(
    const Collection &collection, const Plan &plan)
{
    if (plan.environment || plan.environmentName.isEmpty())
        return plan.environment;
    if (const Environment *environment = environmentNamed(collection, plan.environmentName))
        return std::optional<Environment>(*environment);
    QStringList names;
    for (const Environment &candidate : collection.environments)
        names.append(u'"' + candidate.name + u'"');
    return ParseError {plan.collectionFile, {},
        Tr::tr("no environment named \"%1\" in the collection (it has %2)")
            .arg(plan.environmentName, names.isEmpty() ? Tr::tr("none") : names.join(u", "))};
}

Parsed<std::shared_ptr<CollectionSource>> CollectionSource::create(
    const Collection &collection, const Plan &plan)
{
    const auto fail = [&plan](const QString &message) {
        return ParseError {plan.collectionFile, {}, message};
    };
    if (plan.iterations < 0)
        return fail(Tr::tr("the number of iterations must be 0 or more"));
    const Parsed<std::optional<Environment>> environment = environmentFor(collection, plan);
    if (!environment)
        return environment.error();

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
    const std::optional<Environment> &chosen = environment.value();
    const VariableResolver runVariables
        = runScope(collection, chosen ? &*chosen : nullptr, plan.variables, secrets);
    for (const Selector::Selected &selected : selector.selected())
        source->addTemplate(collection, *selected.request, selected.folders, runVariables, secrets);
    const auto noteSecrets = [&source](const QList<Variable> &variables, const QString &) {
        for (const Variable &variable : variables) {
            if (variable.secret && !source->m_secretNames.contains(variable.name))
                source->m_secretNames.append(variable.name);
        }
    };
    forEachVariableList(collection, noteSecrets);
    if (chosen)
        noteSecrets(chosen->variables, {});
    // A flow that cannot run is a mistake in the collection, not in a row: never skipped.
    if (const QString problem = source->planFlows(plan.rowOrder); !problem.isEmpty())
        return fail(problem);

    const qint64 rowCount = source->m_hasData ? source->m_rows.size() : 1;
    const double total = double(plan.iterations) * double(rowCount) * source->m_templates.size();
    // Result::requestIndex is 32 bits wide.
    if (total > double(std::numeric_limits<quint32>::max()))
        return fail(Tr::tr("the run would send %1 requests; at most %2 fit in one run")
                        .arg(total, 0, 'f', 0)
                        .arg(std::numeric_limits<quint32>::max()));
    source->m_size = qint64(total);
    if (const QString problem = source->checkAll(); !problem.isEmpty()) {
        if (!plan.skipInvalid)
            return fail(problem);
        source->m_problems = problem;
        const qint64 rows = source->m_hasData ? source->m_rows.size() : 1;
        for (qsizetype t = 0; t < source->m_templates.size(); ++t) {
            for (qint64 row = 0; row < rows; ++row) {
                if (!source->skipReason(t, source->m_hasData ? row : -1).isEmpty())
                    source->m_skippedCount += plan.iterations;
            }
        }
    }
    return source;
}

void CollectionSource::addTemplate(const Collection &collection, const CollectionItem &request,
    const QList<const CollectionItem *> &folders, const VariableResolver &runVariables,
    const SecretLookup &secrets)
{
    Template t;
    t.name = request.name;
    QStringList path;
    for (const CollectionItem *folder : folders)
        path.append(folder->name);
    t.path = (path + QStringList {t.name}).join(u'/');
    t.request = request.request;
    t.auth = inheritedAuth(t.request.auth, folders, collection.auth);
    // Checks and substitution look at the auth the request actually sends.
    t.request.auth = t.auth;
    for (const Assertion &assertion : t.request.assertions) {
        if (assertion.enabled)
            t.assertions.append(assertion);
    }
    for (const Capture &capture : t.request.captures) {
        if (capture.enabled)
            t.captures.append(capture);
    }
    t.place = m_templates.size();
    t.variables = requestScope(runVariables, folders, secrets);
    m_templates.append(t);
}

QString CollectionSource::planFlows(bool rowOrder)
{
    QList<FlowPlan::Step> steps;
    QStringList problems;
    for (const Template &t : std::as_const(m_templates)) {
        FlowPlan::Step step;
        step.path = t.path;
        step.uses
            = t.variables.reachableNames(allNames(templateTexts(t.request, t.assertions, false)));
        for (const QString &name : std::as_const(step.uses)) {
            if (m_columns.contains(name) || t.variables.value(name))
                step.defined.insert(name);
        }
        for (const Capture &capture : t.captures) {
            step.captures.append(capture.variable);
            // A capture's expression may use variables: it is checked as the first row has it.
            if (capture.expression.contains(u"{{"))
                continue;
            if (const QString problem = captureProblem(capture); !problem.isEmpty())
                problems.append(Tr::tr("request \"%1\": %2").arg(t.path, problem));
        }
        steps.append(step);
    }
    if (const QString flow = m_flow.plan(steps, rowOrder); !flow.isEmpty())
        problems.prepend(flow);
    return problems.join(u'\n');
}

QString CollectionSource::checkAll()
{
    // Check each request once, and again only for the rows that could make a difference: rows
    // missing a value the request needs, or any row when the URL or a file path uses the row.
    // Every distinct problem is reported once, with the places it came from.
    ProblemList problems;
    m_completeRowProblems = QStringList(m_templates.size());
    qsizetype index = 0;
    const auto report = [&](const Template &t, qint64 row, const QStringList &found,
                            bool completeRow = false, bool whole = true) {
        if (!found.isEmpty()) {
            if (completeRow)
                m_completeRowProblems[index] = found.join(QStringLiteral("; "));
            else
                m_found.insert(index * (m_rows.size() + 1) + row + 1,
                    {found.join(QStringLiteral("; ")), whole});
        }
        const QString where = m_hasData ? Tr::tr("request \"%1\", row %2").arg(t.path).arg(row + 1)
                                        : Tr::tr("request \"%1\"").arg(t.path);
        for (const QString &problem : found) {
            auto it = std::find_if(problems.begin(), problems.end(),
                [&](const auto &entry) { return entry.first == problem; });
            if (it == problems.end())
                problems.append({problem, {where}});
            else if (!it->second.contains(where))
                it->second.append(where);
        }
    };
    for (; index < m_templates.size(); ++index) {
        const Template &t = m_templates.at(index);
        if (!m_hasData) {
            report(t, -1, check(t, -1, false));
            continue;
        }
        const QList<qsizetype> needed = columnsNeeded(
            t.variables.reachableNames(allNames(templateTexts(t.request, t.assertions, false))),
            m_columns);
        const QList<qsizetype> neededByUrl = columnsNeeded(
            t.variables.reachableNames(allNames(templateTexts(t.request, {}, true))), m_columns);
        bool checkedCompleteRow = false;
        for (qsizetype row = 0; row < m_rows.size(); ++row) {
            if (!rowHasAll(m_rows.at(row), needed)) {
                report(t, row, check(t, row, false));
            } else if (!checkedCompleteRow) {
                checkedCompleteRow = true;
                report(t, row, check(t, row, false), true);
            } else if (!neededByUrl.isEmpty()) {
                report(t, row, check(t, row, true), false, false);
            }
        }
    }
    return describeProblems(problems);
}

QString CollectionSource::skipReason(qsizetype t, qint64 row) const
{
    const auto found = m_found.constFind(t * (m_rows.size() + 1) + row + 1);
    if (found != m_found.cend() && found->whole)
        return found->reason; // checked on its own, fully
    // A complete row is like the first complete one, plus what its own URL and files had.
    QStringList reasons;
    if (m_hasData && !m_completeRowProblems.value(t).isEmpty())
        reasons.append(m_completeRowProblems.value(t));
    if (found != m_found.cend())
        reasons.append(found->reason);
    return reasons.join(QStringLiteral("; "));
}

QString CollectionSource::describeProblems(const ProblemList &problems)
{
    if (problems.isEmpty())
        return QString();
    // One problem in one place reads as a sentence; more, as a list with a line each.
    if (problems.size() == 1 && problems.first().second.size() == 1)
        return problems.first().second.first() + QStringLiteral(": ") + problems.first().first;
    constexpr qsizetype MaxLines = 20;
    constexpr qsizetype MaxPlaces = 5;
    QStringList lines {Tr::tr("%n problem(s) before the run:", nullptr, int(problems.size()))};
    for (qsizetype i = 0; i < problems.size() && i < MaxLines; ++i) {
        const auto &[problem, places] = problems.at(i);
        QString line = QStringLiteral("  ") + problem + QStringLiteral(": ")
            + places.mid(0, MaxPlaces).join(QStringLiteral("; "));
        if (places.size() > MaxPlaces)
            line += Tr::tr(" (and %n more)", nullptr, int(places.size() - MaxPlaces));
        lines.append(line);
    }
    if (problems.size() > MaxLines)
        lines.append(
            Tr::tr("  (and %n more problem(s))", nullptr, int(problems.size() - MaxLines)));
    return lines.join(u'\n');
}

VariableResolver CollectionSource::resolverFor(const Template &t, qint64 row, qint64 index,
    int iteration, const QHash<QString, QString> &captured) const
{
    VariableResolver variables = t.variables;
    if (!captured.isEmpty())
        variables.setCapturedValues(captured);
    if (row >= 0 && row < m_rows.size())
        variables.setDataRow(m_columns, m_rows.at(row));
    variables.setIndex(index);
    variables.setIteration(iteration);
    return variables;
}

QStringList CollectionSource::check(const Template &t, qint64 row, bool urlAndFilesOnly) const
{
    // A captured value is unknown before the run: check with one that fits where it is used (a
    // URL that starts with it needs a scheme and a host); what it really holds is seen when sent.
    QHash<QString, QString> captured = m_flow.placeholders(t.place);
    const QString url = t.request.url.trimmed();
    for (auto it = captured.begin(); it != captured.end(); ++it) {
        const bool startsUrl = url.startsWith(QStringLiteral("{{"))
            && VariableResolver::referencedNames(url).value(0) == it.key();
        *it = startsUrl ? QStringLiteral("http://captured.invalid") : QStringLiteral("captured");
    }
    const VariableResolver variables = resolverFor(t, row, 0, 0, captured);
    QStringList problems;
    QStringList unresolved;
    QStringList notes;
    RequestBuilder builder(variables, m_baseDirectory,
        urlAndFilesOnly ? BuildMode::CheckUrlAndFiles : BuildMode::Check, &problems, &unresolved);
    builder.setNotes(&notes);
    builder.build(t.request, t.auth);
    for (const QString &note : std::as_const(notes)) {
        const QString placed = Tr::tr("request \"%1\": %2").arg(t.path, note);
        if (!m_notes.contains(placed))
            m_notes.append(placed);
    }
    if (!urlAndFilesOnly) {
        resolveAssertions(t.assertions, variables, &unresolved);
        resolveCaptures(t.captures, variables, &unresolved);
    }
    // One problem per name, so that each is listed once with the requests that use it.
    for (auto name = unresolved.crbegin(); name != unresolved.crend(); ++name)
        problems.prepend(unresolvedProblem({*name}));
    return problems;
}

qint64 CollectionSource::size() const
{
    return m_size;
}

RequestSpec CollectionSource::at(qint64 index) const
{
    if (m_flow.isEmpty() || index < 0 || m_templates.isEmpty())
        return make(index, {});
    return make(index, m_flow.placeholders(index % m_templates.size()));
}

QList<qint64> CollectionSource::dependencies(qint64 index) const
{
    if (m_flow.isEmpty() || index < 0 || index >= m_size)
        return {};
    const qsizetype t = index % m_templates.size();
    QList<qint64> indexes;
    for (qsizetype from : m_flow.waitsFor(t))
        indexes.append(index - (t - from));
    return indexes;
}

QList<FlowInput> CollectionSource::flowInputs(qint64 index) const
{
    if (m_flow.isEmpty() || index < 0 || index >= m_size)
        return {};
    const qsizetype t = index % m_templates.size();
    QList<FlowInput> inputs;
    for (const FlowNeed &need : m_flow.needs(t))
        inputs.append({need.variable, index - (t - need.from)});
    return inputs;
}

RequestSpec CollectionSource::build(qint64 index, const ResultLookup &results) const
{
    if (m_flow.isEmpty() || index < 0 || index >= m_size)
        return at(index);
    // Requests of one row and iteration are adjacent: the dependency is as far back as its
    // template is from this one.
    const qsizetype t = index % m_templates.size();
    QHash<QString, QString> captured;
    QStringList capturedSecrets;
    for (const FlowNeed &need : m_flow.needs(t)) {
        const qint64 from = index - (t - need.from);
        QString value;
        const QString unmet
            = FlowPlan::unmet(need, m_templates.at(need.from).path, results(from), &value);
        if (!unmet.isEmpty()) {
            RequestSpec skipped = at(index);
            skipped.skipReason = unmet;
            return skipped;
        }
        if (m_secretNames.contains(need.variable))
            capturedSecrets.append(value);
        captured.insert(need.variable, value);
    }
    return make(index, captured, capturedSecrets);
}

RequestSpec CollectionSource::make(
    qint64 index, const QHash<QString, QString> &captured, const QStringList &capturedSecrets) const
{
    const qint64 rowCount = m_hasData ? m_rows.size() : 1;
    const qint64 perIteration = rowCount * m_templates.size();
    if (index < 0 || index >= m_size || perIteration == 0)
        return {};
    const int iteration = int(index / perIteration);
    const qint64 row = m_hasData ? (index % perIteration) / m_templates.size() : -1;
    const Template &t = m_templates.at(index % m_templates.size());
    auto context = std::make_shared<RequestContext>();
    context->path = t.path;
    context->iteration = iteration;
    context->row = row;
    if (row >= 0) {
        context->dataColumns = m_columns;
        context->dataValues = m_rows.at(row);
    }
    if (!m_problems.isEmpty()) {
        if (QString reason = skipReason(index % m_templates.size(), row); !reason.isEmpty()) {
            RequestSpec skipped; // --skip-invalid: accounted for, never built
            skipped.name = t.name;
            skipped.method = t.request.method.toUtf8();
            skipped.context = std::move(context);
            skipped.skipReason = std::move(reason);
            return skipped;
        }
    }

    const VariableResolver variables = resolverFor(t, row, index, iteration, captured);
    // Problems were ruled out before the run; one that appears now (a file deleted meanwhile)
    // still sends what could be built.
    RequestSpec spec = RequestBuilder(variables, m_baseDirectory, BuildMode::Send, nullptr, nullptr)
                           .build(t.request, t.auth);
    spec.name = t.name;
    context->assertions = resolveAssertions(t.assertions, variables, nullptr);
    context->captures = resolveCaptures(t.captures, variables, nullptr);
    for (const Capture &capture : std::as_const(t.captures)) {
        if (m_secretNames.contains(capture.variable))
            context->secretCaptures.append(capture.variable);
    }
    spec.context = std::move(context);
    spec.capturedSecrets = capturedSecrets;
    return spec;
}

QStringList CollectionSource::requestPaths() const
{
    QStringList paths;
    for (const Template &t : m_templates)
        paths.append(t.path);
    return paths;
}
