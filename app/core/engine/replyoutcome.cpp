#include "core/engine/replyoutcome.h"

#include "core/checks/assertions.h"
#include "core/checks/captures.h"
#include "core/http/fasthttpmanager.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Run)
};
} // namespace

void readAnswer(const QNetworkReply &reply, Result &result)
{
    result.status = quint16(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    result.resends = quint8(reply.attribute(FastHttpManager::ResendsAttribute).toInt());
    if (result.status > 0)
        result.httpVersion = reply.attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
            ? Result::Http2
            : Result::Http1;
}

QString classifyOutcome(
    const QNetworkReply &reply, bool stopping, const QStringList &tlsErrors, Result &result)
{
    const QNetworkReply::NetworkError networkError = reply.error();
    if (stopping && networkError == QNetworkReply::OperationCanceledError) {
        result.error = ErrorCategory::Cancelled;
        return Tr::tr("the run was stopped before this request finished");
    }
    if (!tlsErrors.isEmpty()) {
        result.error = ErrorCategory::Tls;
        return tlsErrors.join(QLatin1String("; "));
    }
    result.error = errorCategoryFor(networkError);
    // Qt files some failures of a good answer under its content errors, which otherwise stand for
    // an HTTP error status (a decompression bomb stopped mid-body under a 200): without such a
    // status they are failures, not answers.
    if (result.error == ErrorCategory::None && networkError != QNetworkReply::NoError
        && result.status < 400)
        result.error = ErrorCategory::Other;
    if (result.error == ErrorCategory::None)
        return QString();
    const QString message = reply.errorString();
    return message.isEmpty() ? errorCategoryName(result.error) : message;
}

bool checksReadBody(const RequestContext &context)
{
    return capturesReadBody(context.captures)
        || std::any_of(
            context.assertions.cbegin(), context.assertions.cend(), [](const Assertion &a) {
                return a.enabled
                    && (a.kind == Assertion::Kind::BodyContains
                        || a.kind == Assertion::Kind::JsonPathExists
                        || a.kind == Assertion::Kind::JsonPathEquals);
            });
}

void checkAnswer(const RequestContext &context, Result &result, ResultDetail &detail,
    const HttpHeaders &headers, const QByteArray &body, qint64 latencyUs)
{
    if (!context.assertions.isEmpty()) {
        detail.assertions
            = evaluateAssertions(context.assertions, result.status, headers, body, latencyUs);
        result.assertionsFailed
            = quint16(std::count_if(detail.assertions.cbegin(), detail.assertions.cend(),
                [](const AssertionOutcome &outcome) { return !outcome.passed; }));
        result.statusAsserted = statusAsserted(context.assertions, detail.assertions);
    }
    // A failed request gives no values: what depends on them is not sent, with its failure.
    if (!context.captures.isEmpty() && result.succeeded())
        detail.captures = evaluateCaptures(
            context.captures, result.status, headers, body, context.secretCaptures);
}
