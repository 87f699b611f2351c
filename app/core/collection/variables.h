// {{variable}} substitution: the layers a request's variables come from, their precedence, and the
// built-ins ({{$uuid}}, {{$index}}, ...).
#pragma once

#include "core/model/collection.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

/// How a template writes a literal "{{": the built-in {{$openBraces}}, whose value is "{{".
inline constexpr char TemplateLiteralOpenBraces[] = "{{$openBraces}}";

/// Where secret values come from: the value of the secret variable `name` in `scope` (see
/// SecretStore's scope helpers), or nullopt when none is stored.
using SecretLookup
    = std::function<std::optional<QString>(const QString &scope, const QString &name)>;

/// Resolves {{name}} in templates. Precedence, highest first: captured (earlier in the same data
/// row and iteration) > data row > command line (--var) >
/// environment > folders (innermost first) > collection. A value from the collection, a folder or
/// the environment may itself use {{other}} variables; a captured, data row's or the command line's
/// value is taken literally, since it is data. Disabled variables do not count.
///
/// A name is letters, digits and `_ - .` (a built-in starts with `$`), with optional spaces inside
/// the braces: `{{ name }}`. Other text between braces (`{{"a":1}}`) is left as it is.
///
/// A value type: copies are cheap (the layers are implicitly shared), so a run keeps one resolver
/// per request template and copies it to set the row and position of each request.
class VariableResolver
{
public:
    /// The collection's variables. Secrets take their value from `secrets` (scope
    /// SecretStore::collectionScope()), or the in-memory value when nothing is stored.
    void setCollectionVariables(const QList<Variable> &variables, const SecretLookup &secrets = {},
        const QString &scope = {});
    /// Adds a folder's variables; call from the outermost folder to the innermost, which wins.
    void addFolderVariables(const QList<Variable> &variables, const SecretLookup &secrets = {},
        const QString &scope = {});
    void setEnvironmentVariables(const QList<Variable> &variables, const SecretLookup &secrets = {},
        const QString &scope = {});
    /// Values from the command line; taken literally.
    void setCommandLineVariables(const QHash<QString, QString> &values);
    /// The data row of this request: values[i] is the variable columns[i]. A missing value (the row
    /// is shorter) or a null QString leaves that variable undefined for this row; an empty one is
    /// defined as empty.
    void setDataRow(const QStringList &columns, const QStringList &values);
    void clearDataRow();
    /// The values captured from earlier responses of this request's row and iteration; they shadow
    /// every other layer, and are taken literally.
    void setCapturedValues(const QHash<QString, QString> &values);
    /// {{$index}}: the request's position in the run, from 0.
    void setIndex(qint64 index) { m_index = index; }
    /// {{$iteration}}: from 0.
    void setIteration(int iteration) { m_iteration = iteration; }

    /// `text` with every {{name}} replaced. Names that resolve to nothing are replaced by nothing
    /// and appended (once each) to *unresolved, if given.
    QString resolve(const QString &text, QStringList *unresolved = nullptr) const;
    /// The value of one variable, expanded; nullopt when it is not defined.
    std::optional<QString> value(const QString &name) const;

    /// The variable names `text` uses directly, in order of first use, without duplicates.
    static QStringList referencedNames(const QString &text);
    /// Whether `name` is a built-in, like $uuid.
    static bool isBuiltIn(const QString &name);
    /// NAME for the built-in $env.NAME (the process environment's NAME), else empty.
    static QString environmentName(const QString &name);
    /// The process environment variables `text` reads directly ({{$env.NAME}}), in order.
    static QStringList environmentNamesIn(const QString &text);
    /// Every name resolving `names` may look up: the names themselves and, transitively, the names
    /// used by the values of the collection, folder and environment variables they lead to. Lets a
    /// run check once per request which data columns it needs.
    QSet<QString> reachableNames(const QStringList &names) const;

private:
    struct Lookup
    {
        QString value;
        bool expand = false;
    };
    using Values = QHash<QString, QString>;
    struct Budget
    {
        qsizetype chars;
        qsizetype substitutions;
    };

    static Values collect(
        const QList<Variable> &variables, const SecretLookup &secrets, const QString &scope);
    std::optional<Lookup> lookup(const QString &name) const;
    std::optional<QString> builtIn(const QString &name) const;
    QString expand(
        const QString &text, QStringList *unresolved, QStringList &stack, Budget &budget) const;

    Values m_collection;
    QList<Values> m_folders; ///< outermost first
    Values m_environment;
    Values m_commandLine;
    QStringList m_columns;
    QStringList m_row;
    Values m_captured;
    qint64 m_index = 0;
    int m_iteration = 0;
};
