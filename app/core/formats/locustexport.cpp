#include "core/formats/locustexport.h"

#include "core/base/version.h"
#include "core/checks/assertions.h"
#include "core/checks/jsonpath.h"
#include "core/formats/resultwriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <optional>

namespace LocustScript {
extern const char Code[];
}

namespace {
const char *kindKey(Assertion::Kind kind)
{
    switch (kind) {
    case Assertion::Kind::StatusEquals:
    case Assertion::Kind::StatusInRange:
        return "status";
    case Assertion::Kind::HeaderExists:
        return "header_exists";
    case Assertion::Kind::HeaderEquals:
        return "header_equals";
    case Assertion::Kind::HeaderContains:
        return "header_contains";
    case Assertion::Kind::BodyContains:
        return "body_contains";
    case Assertion::Kind::JsonPathExists:
        return "json_exists";
    case Assertion::Kind::JsonPathEquals:
        return "json_equals";
    case Assertion::Kind::LatencyBelow:
        return "latency_below";
    }
    return "unknown";
}

/// "200", "200-299" or "2xx" as the inclusive range the status must fall in.
QJsonArray statusRange(const Assertion &assertion)
{
    const QString text = assertion.expected.trimmed();
    if (assertion.kind == Assertion::Kind::StatusInRange && text.size() == 3
        && text.endsWith(QLatin1String("xx"), Qt::CaseInsensitive)) {
        const int hundreds = text.left(1).toInt() * 100;
        return {hundreds, hundreds + 99};
    }
    const qsizetype dash = text.indexOf(u'-');
    if (dash < 0 || assertion.kind == Assertion::Kind::StatusEquals)
        return {text.toInt(), text.toInt()};
    return {text.left(dash).trimmed().toInt(), text.mid(dash + 1).trimmed().toInt()};
}

/// One enabled assertion with everything the locustfile needs to check it as Rafaga does: the
/// label, the parsed status range, JSON path steps or latency limit, or why it is invalid.
QJsonObject assertionJson(const Assertion &assertion, const ResultWriters::SecretMask &mask)
{
    QJsonObject object {
        {QStringLiteral("kind"), QLatin1String(kindKey(assertion.kind))},
        {QStringLiteral("label"), mask.apply(assertionLabel(assertion))},
        {QStringLiteral("target"), assertion.target},
        {QStringLiteral("expected"), assertion.expected},
    };
    if (const QString problem = assertionProblem(assertion); !problem.isEmpty()) {
        object.insert(QStringLiteral("invalid"), problem);
        return object;
    }
    switch (assertion.kind) {
    case Assertion::Kind::StatusEquals:
    case Assertion::Kind::StatusInRange:
        object.insert(QStringLiteral("range"), statusRange(assertion));
        break;
    case Assertion::Kind::JsonPathExists:
    case Assertion::Kind::JsonPathEquals: {
        QJsonArray steps;
        const JsonPath path = parseJsonPath(assertion.target).value();
        for (const JsonPath::Step &step : path.steps)
            steps.append(step.isIndex ? QJsonValue(step.index) : QJsonValue(step.key));
        object.insert(QStringLiteral("steps"), steps);
        break;
    }
    case Assertion::Kind::LatencyBelow:
        object.insert(QStringLiteral("limit_ms"), assertion.expected.trimmed().toDouble());
        break;
    default:
        break;
    }
    return object;
}

/// Authorization: Basic whose credentials hold a secret: written as the credentials, so the
/// locustfile can put the secret in before encoding.
std::optional<QString> basicWithSecret(const HttpHeader &header, const QStringList &tokens)
{
    if (header.first.compare("Authorization", Qt::CaseInsensitive) != 0
        || !header.second.startsWith("Basic "))
        return std::nullopt;
    const QString credentials = QString::fromUtf8(QByteArray::fromBase64(header.second.mid(6)));
    for (const QString &token : tokens) {
        if (credentials.contains(token))
            return credentials;
    }
    return std::nullopt;
}

QJsonObject requestJson(
    const RequestSpec &spec, const QStringList &tokens, const ResultWriters::SecretMask &mask)
{
    QJsonObject object {
        {QStringLiteral("method"), QString::fromLatin1(spec.method)},
        {QStringLiteral("url"), spec.url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("ctx"), ResultWriters::contextJson(spec, mask)},
    };
    if (!spec.name.isEmpty())
        object.insert(QStringLiteral("name"), mask.apply(spec.name));
    QJsonArray headers;
    for (const HttpHeader &header : spec.headers) {
        if (const std::optional<QString> credentials = basicWithSecret(header, tokens)) {
            object.insert(QStringLiteral("basic"), *credentials);
            continue;
        }
        headers.append(
            QJsonArray {QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
    }
    object.insert(QStringLiteral("headers"), headers);
    if (!spec.body.isEmpty()) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder.decode(spec.body);
        if (decoder.hasError())
            object.insert(QStringLiteral("body_base64"), QString::fromLatin1(spec.body.toBase64()));
        else
            object.insert(QStringLiteral("body"), text);
    }
    QJsonArray assertions;
    if (spec.context) {
        for (const Assertion &assertion : spec.context->assertions) {
            if (assertion.enabled)
                assertions.append(assertionJson(assertion, mask));
        }
    }
    object.insert(QStringLiteral("assertions"), assertions);
    return object;
}

/// text as a line of a Python string: every backslash, quote and line break escaped, so that
/// nothing in it can end the string or the line.
QByteArray pythonLine(const QByteArray &text)
{
    QByteArray line = text;
    line.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', "\\n").replace('\r', "\\r");
    return line;
}

/// text as a Python string literal in single quotes.
QByteArray pythonString(const QByteArray &text)
{
    return '\'' + pythonLine(text) + '\'';
}

/// A header comment line: the text with line breaks flattened.
QByteArray commentText(const QString &text)
{
    return QString(text).replace(u'\n', u' ').replace(u'\r', u' ').toUtf8();
}

QByteArray header(const LocustExport &run, const QStringList &environment)
{
    const QByteArray file = commentText(run.outputName);
    QByteArray text = "# Locust file for the Rafaga collection \"" + commentText(run.collectionName)
        + "\" (" + commentText(run.collectionFile) + "),\n# made by Rafaga "
        + Rafaga::version().toUtf8() + ": " + QByteArray::number(run.source->size())
        + " requests in input order, " + QByteArray::number(run.concurrency)
        + " users (one request in flight each).\n#\n"
          "# Run on this machine (one process):\n"
          "#   locust -f "
        + file
        + " --headless\n"
          "# Run distributed: on the master host\n"
          "#   locust -f "
        + file
        + " --master --headless --expect-workers 2\n"
          "# and on each worker host, with the same file (and the same secrets):\n"
          "#   locust -f "
        + file
        + " --worker --master-host MASTER_HOST\n"
          "# The master (or the single process) writes every result to results.ndjson\n"
          "# (RAFAGA_RESULTS=PATH to change) in input order and ends the test when all are done;\n"
          "# then: rafaga report results.ndjson\n";
    if (!environment.isEmpty()) {
        text += "#\n# Secrets are not in this file: every process reads them from these "
                "environment\n"
                "# variables, and refuses to start without them:\n";
        for (const QString &variable : environment)
            text += "#   " + variable.toUtf8() + '\n';
    }
    return text;
}
} // namespace

QString locustSecretToken(int i)
{
    return QStringLiteral("RAFAGASECRET%1X").arg(i);
}

QString locustSecretVariable(const QString &name)
{
    QString variable = QStringLiteral("RAFAGA_SECRET_");
    for (const QChar c : name)
        variable += c.isLetterOrNumber() && c.unicode() < 128 ? c.toUpper() : QChar(u'_');
    return variable;
}

LocustFile exportLocustfile(const LocustExport &run)
{
    QStringList tokens;
    for (qsizetype i = 0; i < run.secretNames.size(); ++i)
        tokens.append(locustSecretToken(int(i)));
    const ResultWriters::SecretMask mask(tokens);

    // One request a line, as JSON in one Python string: compiling 100,000 string literals in a
    // list takes seconds and hundreds of MB in every Locust process; one string, a fraction.
    QByteArray requests = "REQUESTS = '''\\\n";
    // A data row's requests run in order on one user; without data each request is its own.
    // Written as runs of units of one size, (first, end, size): a few lines, not one per unit.
    QByteArray units = "UNIT_RUNS = [\n";
    const auto addRun = [&units](qint64 first, qint64 end, qint64 size) {
        units += "    (" + QByteArray::number(first) + ", " + QByteArray::number(end) + ", "
            + QByteArray::number(size) + "),\n";
    };
    qint64 unitStart = 0;
    qint64 runStart = 0;
    qint64 runSize = 0;
    QPair<int, qint64> unitKey {-1, -1};
    const qint64 size = run.source->size();
    for (qint64 i = 0; i <= size; ++i) {
        QPair<int, qint64> key {-1, -1};
        if (i < size) {
            const RequestSpec spec = run.source->at(i);
            requests += pythonLine(QJsonDocument(requestJson(spec, tokens, mask))
                                       .toJson(QJsonDocument::Compact))
                + '\n';
            if (spec.context && spec.context->row >= 0)
                key = qMakePair(spec.context->iteration, spec.context->row);
        }
        if (i > unitStart && (i == size || key != unitKey || key.second < 0)) {
            if (i - unitStart != runSize) { // a unit of another size: a new run
                if (runSize > 0)
                    addRun(runStart, unitStart, runSize);
                runStart = unitStart;
                runSize = i - unitStart;
            }
            unitStart = i;
        }
        unitKey = key;
    }
    if (runSize > 0)
        addRun(runStart, size, runSize);
    requests += "'''.split('\\n')[:-1]\n";
    units += "]\n";

    // Only the secrets the requests use: a variable nothing refers to needs no value.
    LocustFile file;
    QByteArray secrets = "SECRETS = [\n";
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!requests.contains(tokens.at(i).toLatin1()))
            continue;
        file.environment.append(locustSecretVariable(run.secretNames.at(i)));
        secrets += "    (" + pythonString(file.environment.last().toUtf8()) + ", "
            + pythonString(tokens.at(i).toUtf8()) + "),\n";
    }
    secrets += "]\n";

    QByteArray settings = "RAFAGA_VERSION = " + pythonString(Rafaga::version().toUtf8()) + '\n';
    settings += "USERS = " + QByteArray::number(run.concurrency) + '\n';
    settings += "RATE = " + QByteArray::number(run.rate, 'g', 17) + '\n';
    settings += "TIMEOUT_S = " + QByteArray::number(run.timeoutMs / 1000.0, 'g', 17) + '\n';
    settings += "MAX_REDIRECTS = " + QByteArray::number(run.maxRedirects) + '\n';
    settings += "RETRIES = " + QByteArray::number(run.retries) + '\n';
    file.text = header(run, file.environment) + '\n' + settings + secrets + requests + units
        + QByteArray(LocustScript::Code);
    return file;
}
