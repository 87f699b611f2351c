#include "core/engine/replyoutcome.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Run)
};
} // namespace

void readAnswer(const QNetworkReply &reply, Result &result)
{
    result.status = quint16(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
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
    if (result.error == ErrorCategory::None)
        return QString();
    return reply.errorString();
}
