#include "core/collection/variables.h"

#include "core/collection/dynamicvariables.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <QtGlobal>

#include <algorithm>

namespace {
// Values may use variables, so careless ones (a = "{{b}}{{b}}", b = "{{c}}{{c}}", ...) could grow
// without end: cycles stop at the stack, growth at these limits per resolve() call.
constexpr qsizetype MaxExpansionChars = 16 * 1024 * 1024;
constexpr qsizetype MaxSubstitutions = 64 * 1024;
constexpr qsizetype MaxDepth = 32;

/// As Postman: a name may hold any character but braces ("fo/o", "b\\ar", "my var"); quotes and
/// line breaks are left out too, so that JSON such as {{"a":1}} stays text.
bool isNameChar(QChar c)
{
    return c != u'{' && c != u'}' && c != u'"' && !c.isNonCharacter()
        && c.category() != QChar::Other_Control;
}

bool isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    const QStringView rest = name.front() == u'$' ? name.mid(1) : name;
    if (rest.isEmpty())
        return false;
    for (QChar c : rest) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

/// Calls onText for literal runs and onName for each {{name}} of `text`, in order.
template<typename TextFn, typename NameFn>
void scan(const QString &text, TextFn onText, NameFn onName)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(u"{{", i);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u"}}", open + 2);
        if (close < 0) {
            onText(QStringView(text).mid(i));
            return;
        }
        const QStringView name = QStringView(text).mid(open + 2, close - open - 2).trimmed();
        if (!isValidName(name)) {
            // Not a variable (e.g. JSON's "{{"): keep one brace and look again from the next one.
            onText(QStringView(text).mid(i, open + 1 - i));
            i = open + 1;
            continue;
        }
        onText(QStringView(text).mid(i, open - i));
        onName(name.toString());
        i = close + 2;
    }
}

void appendOnce(QStringList *list, const QString &name)
{
    if (list && !list->contains(name))
        list->append(name);
}
} // namespace

VariableResolver::Values VariableResolver::collect(
    const QList<Variable> &variables, const SecretLookup &secrets, const QString &scope)
{
    Values values;
    for (const Variable &variable : variables) {
        if (!variable.enabled)
            continue;
        QString value = variable.value;
        if (variable.secret) {
            if (secrets) {
                if (std::optional<QString> stored = secrets(scope, variable.name))
                    value = *stored;
            }
            // A secret with no value on this machine is undefined, so the run reports it instead
            // of sending an empty credential.
            if (value.isEmpty())
                continue;
        }
        values.insert(variable.name, value);
    }
    return values;
}

void VariableResolver::setCollectionVariables(
    const QList<Variable> &variables, const SecretLookup &secrets, const QString &scope)
{
    m_collection = collect(variables, secrets, scope);
}

void VariableResolver::addFolderVariables(
    const QList<Variable> &variables, const SecretLookup &secrets, const QString &scope)
{
    m_folders.append(collect(variables, secrets, scope));
}

void VariableResolver::setEnvironmentVariables(
    const QList<Variable> &variables, const SecretLookup &secrets, const QString &scope)
{
    m_environment = collect(variables, secrets, scope);
}

void VariableResolver::setCommandLineVariables(const QHash<QString, QString> &values)
{
    m_commandLine = values;
}

void VariableResolver::setDataRow(const QStringList &columns, const QStringList &values)
{
    m_columns = columns;
    m_row = values;
}

void VariableResolver::setCapturedValues(const QHash<QString, QString> &values)
{
    m_captured = values;
}

void VariableResolver::clearDataRow()
{
    m_columns.clear();
    m_row.clear();
}

bool VariableResolver::isBuiltIn(const QString &name)
{
    static const QStringList names {
        QStringLiteral("$uuid"),
        QStringLiteral("$guid"),
        QStringLiteral("$timestamp"),
        QStringLiteral("$isoTimestamp"),
        QStringLiteral("$randomInt"),
        QStringLiteral("$index"),
        QStringLiteral("$iteration"),
    };
    return names.contains(name) || name == u"$openBraces" || isPostmanDynamicVariable(name)
        || !environmentName(name).isEmpty();
}

QString VariableResolver::environmentName(const QString &name)
{
    if (!name.startsWith(u"$env.") || name.size() == 5)
        return QString();
    const QStringView rest = QStringView(name).mid(5);
    const bool valid = std::all_of(rest.begin(), rest.end(),
        [](QChar c) { return c == u'_' || (c.unicode() < 0x80 && c.isLetterOrNumber()); });
    return valid && !rest.front().isDigit() ? rest.toString() : QString();
}

std::optional<QString> VariableResolver::builtIn(const QString &name) const
{
    if (name == u"$uuid" || name == u"$guid") // $guid: what Postman calls it
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (name == u"$timestamp")
        return QString::number(QDateTime::currentSecsSinceEpoch());
    if (name == u"$isoTimestamp")
        return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (name == u"$randomInt")
        return QString::number(QRandomGenerator::global()->bounded(1001));
    if (name == u"$index")
        return QString::number(m_index);
    if (name == u"$iteration")
        return QString::number(m_iteration);
    if (name == u"$openBraces")
        return QStringLiteral("{{");
    if (const QString variable = environmentName(name); !variable.isEmpty()) {
        if (!qEnvironmentVariableIsSet(qPrintable(variable)))
            return std::nullopt;
        return qEnvironmentVariable(qPrintable(variable));
    }
    return postmanDynamicValue(name);
}

std::optional<VariableResolver::Lookup> VariableResolver::lookup(const QString &name) const
{
    if (const auto it = m_captured.constFind(name); it != m_captured.cend())
        return Lookup {*it, false};
    const qsizetype column = m_columns.indexOf(name);
    if (column >= 0 && column < m_row.size() && !m_row.at(column).isNull())
        return Lookup {m_row.at(column), false};
    if (const auto it = m_commandLine.constFind(name); it != m_commandLine.cend())
        return Lookup {*it, false};
    if (const auto it = m_environment.constFind(name); it != m_environment.cend())
        return Lookup {*it, true};
    for (auto folder = m_folders.crbegin(); folder != m_folders.crend(); ++folder) {
        if (const auto it = folder->constFind(name); it != folder->cend())
            return Lookup {*it, true};
    }
    if (const auto it = m_collection.constFind(name); it != m_collection.cend())
        return Lookup {*it, true};
    return std::nullopt;
}

QString VariableResolver::expand(
    const QString &text, QStringList *unresolved, QStringList &stack, Budget &budget) const
{
    QString out;
    out.reserve(text.size());
    scan(
        text, [&](QStringView literal) { out += literal; },
        [&](const QString &name) {
            if (budget.substitutions-- <= 0 || budget.chars <= 0) {
                appendOnce(unresolved, name);
                return;
            }
            std::optional<QString> value = builtIn(name);
            if (!value) {
                const std::optional<Lookup> found = lookup(name);
                if (found && found->expand && found->value.contains(u"{{")) {
                    if (stack.contains(name) || stack.size() >= MaxDepth) {
                        appendOnce(unresolved, name); // a cycle: a = "{{b}}", b = "{{a}}"
                        return;
                    }
                    stack.append(name);
                    value = expand(found->value, unresolved, stack, budget);
                    stack.removeLast();
                } else if (found) {
                    value = found->value;
                }
            }
            if (!value || value->size() > budget.chars) {
                appendOnce(unresolved, name);
                return;
            }
            budget.chars -= value->size();
            out += *value;
        });
    return out;
}

QString VariableResolver::resolve(const QString &text, QStringList *unresolved) const
{
    if (!text.contains(u"{{"))
        return text;
    QStringList stack;
    Budget budget {MaxExpansionChars, MaxSubstitutions};
    return expand(text, unresolved, stack, budget);
}

std::optional<QString> VariableResolver::value(const QString &name) const
{
    if (!isValidName(name) || (!isBuiltIn(name) && !lookup(name)))
        return std::nullopt;
    QStringList unresolved;
    QStringList stack;
    Budget budget {MaxExpansionChars, MaxSubstitutions};
    const QString text = QStringLiteral("{{") + name + QStringLiteral("}}");
    QString result = expand(text, &unresolved, stack, budget);
    if (unresolved.contains(name))
        return std::nullopt;
    return result;
}

QStringList VariableResolver::referencedNames(const QString &text)
{
    QStringList names;
    if (text.contains(u"{{"))
        scan(
            text, [](QStringView) {}, [&names](const QString &name) { appendOnce(&names, name); });
    return names;
}

QStringList VariableResolver::environmentNamesIn(const QString &text)
{
    QStringList names;
    for (const QString &name : referencedNames(text)) {
        if (const QString environment = environmentName(name); !environment.isEmpty())
            names.append(environment);
    }
    return names;
}

QSet<QString> VariableResolver::reachableNames(const QStringList &names) const
{
    // The data row is left out on purpose: whatever it shadows is still needed by a row that
    // lacks the value.
    VariableResolver staticOnly = *this;
    staticOnly.clearDataRow();
    staticOnly.m_captured.clear();
    QSet<QString> seen;
    QStringList pending = names;
    while (!pending.isEmpty()) {
        const QString name = pending.takeLast();
        if (seen.contains(name))
            continue;
        seen.insert(name);
        if (isBuiltIn(name))
            continue;
        if (const std::optional<Lookup> found = staticOnly.lookup(name); found && found->expand)
            pending += referencedNames(found->value);
    }
    return seen;
}
