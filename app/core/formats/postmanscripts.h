// Postman test scripts as declarative checks: the common idioms become captures and assertions,
// and captures and assertions become a test script again. No script is ever run.
#pragma once

#include "core/model/assertion.h"
#include "core/model/capture.h"

#include <QList>
#include <QString>
#include <QStringList>

struct PostmanScriptTranslation
{
    QList<Capture> captures;
    QList<Assertion> assertions;
    /// Each assertion's test name (tests["name"], pm.test("name", …)); empty when it has none.
    QStringList assertionNames;
    /// The lines with something that is neither translated nor scaffolding: (line from 1, text).
    QList<std::pair<int, QString>> untranslated;
};

/// Reads a request's test script statement by statement. Translated: setting a variable
/// (pm.environment / collectionVariables / globals / variables .set, postman.setEnvironmentVariable
/// / setGlobalVariable) from the body's JSON (pm.response.json().a.b, an alias such as
/// `var jsonData = pm.response.json()` or `JSON.parse(responseBody)`, _.get(...)), a header, the
/// status code, a cookie or the whole body; pm.response.to.have.status(N) / .header(...) /
/// .to.be.ok; pm.expect(...) on the status, the response time, a header, the body or a JSON path
/// with eql / equal / eq / include / below / within / exist / have.property; and the old
/// tests["..."] = responseCode.code === N / responseTime < N / responseBody.has("x") /
/// x.hasOwnProperty("k") / x === literal / x !== undefined (x a JSON path or alias). pm.test
/// wrappers, comments and aliases are scaffolding. Anything else is reported as untranslated.
///
/// Conditions, since a check cannot be conditional: inside `if (STATUS CHECK) { … }` (on a
/// status alias such as `var is200Response = responseCode.code === 200`, or on the status
/// itself) the checks translate when the script also checks that status before (a response with
/// another status then fails in both, with one failed check in Postman, also the guarded ones
/// in Rafaga); inside `if (tests["x exists"]) { … }` only the capture of that same x does (one
/// that matches nothing sets nothing, as the script would not). Every other `if`, every `else`
/// and whatever they hold stay untranslated, never read as if unconditional.
PostmanScriptTranslation translatePostmanTestScript(const QStringList &lines);

/// text as a JavaScript string literal (JSON string syntax, which JavaScript reads as such).
QString javaScriptString(const QString &text);

/// The script that sets each enabled capture's variable (pm.environment.set), in the form
/// translatePostmanTestScript() reads back.
QStringList postmanCaptureScript(const QList<Capture> &captures);
