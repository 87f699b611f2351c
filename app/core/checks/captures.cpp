#include "core/checks/captures.h"

#include "core/checks/jsonpath.h"
#include "core/checks/responsevalues.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

using namespace ResponseValues;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Captures)
};

/// The value of the first Set-Cookie called name.
std::optional<QString> cookieValue(const HttpHeaders &headers, const QString &name)
{
    for (const QString &cookie : headerValues(headers, QStringLiteral("Set-Cookie"))) {
        const QString pair = cookie.section(u';', 0, 0);
        const qsizetype equals = pair.indexOf(u'=');
        if (equals > 0 && pair.first(equals).trimmed() == name)
            return pair.sliced(equals + 1).trimmed();
    }
    return std::nullopt;
}

CaptureOutcome take(const Capture &capture, int status, const HttpHeaders &headers,
    const QByteArray &body, LazyJsonBody &json)
{
    CaptureOutcome outcome;
    outcome.variable = capture.variable;
    const QString &expression = capture.expression;
    switch (capture.source) {
    case Capture::Source::Status:
        outcome.value = QString::number(status);
        break;
    case Capture::Source::Header:
        if (const QStringList values = headerValues(headers, expression); !values.isEmpty())
            outcome.value = values.first();
        else
            outcome.problem = Tr::tr("no header %1").arg(expression);
        break;
    case Capture::Source::Cookie:
        if (const auto value = cookieValue(headers, expression))
            outcome.value = *value;
        else
            outcome.problem = Tr::tr("no cookie %1").arg(expression);
        break;
    case Capture::Source::Regex: {
        const QRegularExpressionMatch match
            = QRegularExpression(expression).match(QString::fromUtf8(body));
        if (!match.hasMatch())
            outcome.problem = Tr::tr("no match for %1").arg(expression);
        else
            outcome.value = match.captured(match.lastCapturedIndex() >= 1 ? 1 : 0);
        break;
    }
    case Capture::Source::JsonPath: {
        if (!json.root()) {
            outcome.problem = Tr::tr("the body is not JSON");
            break;
        }
        QString error;
        const std::optional<QJsonValue> value = evaluateJsonPath(*json.root(), expression, &error);
        if (!value)
            outcome.problem = Tr::tr("no value at %1").arg(expression);
        else
            outcome.value = value->isString() ? value->toString() : compactJson(*value);
        break;
    }
    }
    return outcome;
}
} // namespace

CaptureOutcome evaluateCapture(
    const Capture &capture, int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (const QString problem = captureProblem(capture); !problem.isEmpty())
        return {capture.variable, {}, problem, false};
    LazyJsonBody json(body);
    return take(capture, status, headers, body, json);
}

QList<CaptureOutcome> evaluateCaptures(const QList<Capture> &captures, int status,
    const HttpHeaders &headers, const QByteArray &body, const QStringList &secretNames)
{
    QList<CaptureOutcome> outcomes;
    LazyJsonBody json(body);
    for (const Capture &capture : captures) {
        if (!capture.enabled)
            continue;
        const QString problem = captureProblem(capture);
        CaptureOutcome outcome = problem.isEmpty()
            ? take(capture, status, headers, body, json)
            : CaptureOutcome {capture.variable, {}, problem, false};
        outcome.secret = secretNames.contains(capture.variable);
        outcomes.append(std::move(outcome));
    }
    return outcomes;
}

QString captureProblem(const Capture &capture)
{
    if (capture.variable.trimmed().isEmpty())
        return Tr::tr("a capture needs the name of a variable");
    switch (capture.source) {
    case Capture::Source::Status:
        return {};
    case Capture::Source::Header:
        return capture.expression.trimmed().isEmpty() ? Tr::tr("a header capture needs a name")
                                                      : QString();
    case Capture::Source::Cookie:
        return capture.expression.trimmed().isEmpty() ? Tr::tr("a cookie capture needs a name")
                                                      : QString();
    case Capture::Source::Regex: {
        const QRegularExpression re(capture.expression);
        if (capture.expression.isEmpty())
            return Tr::tr("a regular expression capture needs a pattern");
        return re.isValid()
            ? QString()
            : Tr::tr("invalid regular expression %1: %2").arg(capture.expression, re.errorString());
    }
    case Capture::Source::JsonPath:
        if (const Parsed<JsonPath> path = parseJsonPath(capture.expression); !path)
            return Tr::tr("invalid JSON path %1: %2")
                .arg(capture.expression, path.error().toString());
        return {};
    }
    return {};
}

bool capturesReadBody(const QList<Capture> &captures)
{
    return std::any_of(captures.cbegin(), captures.cend(), [](const Capture &c) {
        return c.enabled
            && (c.source == Capture::Source::JsonPath || c.source == Capture::Source::Regex);
    });
}
