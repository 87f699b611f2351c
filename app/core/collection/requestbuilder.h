// The request builder: one request template and its variables to the concrete request, or to the
// list of what stops it from being sent.
#pragma once

#include "core/collection/variables.h"
#include "core/model/collection.h"
#include "core/model/requestspec.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

/// Send builds everything; the checks build without reading files, Check all of the request,
/// CheckUrlAndFiles only what can make a request unsendable row by row.
enum class BuildMode { Send, Check, CheckUrlAndFiles };

/// Builds one request: variables resolved everywhere; enabled params appended to the URL's query,
/// percent-encoded; enabled headers; the body by mode with its Content-Type (unless a header sets
/// one; multipart always gets its own, for the boundary); auth (a header the request sets itself
/// wins). What could not be done is reported, and the rest of the request is still built.
class RequestBuilder
{
public:
    /// Builds with `variables`; relative file paths start at baseDirectory. Problems are appended
    /// to *problems and unresolved variable names (once each) to *unresolved, when given.
    RequestBuilder(const VariableResolver &variables, const QString &baseDirectory, BuildMode mode,
        QStringList *problems, QStringList *unresolved)
        : m_variables(variables)
        , m_baseDirectory(baseDirectory)
        , m_mode(mode)
        , m_problems(problems)
        , m_unresolved(unresolved)
    { }

    /// The request for item, sending `auth` (already inherited: Inherit counts as none).
    RequestSpec build(const RequestItem &item, const Auth &auth);
    /// Where to say what the build chose that the user may not expect (a relative file found in
    /// the working directory rather than beside the collection), once each.
    void setNotes(QStringList *notes) { m_notes = notes; }

private:
    QString resolve(const QString &text) const { return m_variables.resolve(text, m_unresolved); }
    void problem(const QString &text) const;
    QUrl buildUrl(const RequestItem &item, const Auth &auth) const;
    void addHeader(HttpHeaders &headers, const QString &name, const QString &value) const;
    void addAuth(HttpHeaders &headers, const Auth &auth) const;

    /// A file's bytes, or nullopt (with a problem) when it cannot be read. The checks only look.
    std::optional<QByteArray> readFile(
        const QString &pathTemplate, const QString &what, QString *absolutePath = nullptr) const;
    static QByteArray guessContentType(const QString &path);
    void checkFiles(const Body &body) const;
    QByteArray multipart(const Body &body, QByteArray *contentType) const;
    void addBody(RequestSpec &spec, const Body &body) const;

    const VariableResolver &m_variables;
    QString m_baseDirectory;
    BuildMode m_mode;
    QStringList *m_problems;
    QStringList *m_unresolved;
    QStringList *m_notes = nullptr;
};

/// "unresolved variable {{a}}" or "unresolved variables {{a}}, {{b}}".
QString unresolvedProblem(const QStringList &names);

/// The concrete request for a template, built to send: see RequestBuilder. Problems (unresolved
/// variables first) are appended to *problems.
RequestSpec buildRequest(const RequestItem &item, const Auth &effectiveAuth,
    const VariableResolver &variables, const QString &baseDirectory,
    QStringList *problems = nullptr);
