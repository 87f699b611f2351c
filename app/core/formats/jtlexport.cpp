#include "core/formats/jtlexport.h"

#include "core/engine/resultstore.h"
#include "core/formats/csvwriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cmath>

namespace JtlExport {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ResultWriters)
};

using ResultWriters::capturedSecrets;
using ResultWriters::SecretMask;

qint64 wholeMs(qint64 us)
{
    return us <= 0 ? 0 : qint64(std::llround(double(us) / 1000.0));
}

/// JMeter's dataType: "text" for a textual answer, "bin" for anything else, empty without one.
QString dataType(const Result &result)
{
    if (result.status == 0)
        return QString();
    if (!result.detail)
        return QStringLiteral("text");
    QByteArray type;
    for (const HttpHeader &header : std::as_const(result.detail->responseHeaders)) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            type = header.second.toLower();
    }
    const bool text = type.isEmpty() || type.startsWith("text/") || type.contains("json")
        || type.contains("xml") || type.contains("javascript") || type.contains("urlencoded");
    return text ? QStringLiteral("text") : QStringLiteral("bin");
}

QString failureMessage(const Result &result, const RequestSpec &spec, const SecretMask &mask)
{
    if (result.error != ErrorCategory::None) {
        const QString message = result.errorMessage();
        return mask.apply(message.isEmpty() ? errorCategoryName(result.error) : message);
    }
    if (!result.detail || !spec.context)
        return QString();
    const QStringList labels = ResultWriters::assertionColumns(spec.context->assertions);
    const QList<AssertionOutcome> &outcomes = result.detail->assertions;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        if (outcomes.at(i).passed)
            continue;
        const QString label
            = i < labels.size() ? labels.at(i) : QStringLiteral("assertion %1").arg(i + 1);
        return mask.apply(QStringLiteral("%1 (actual: %2)").arg(label, outcomes.at(i).actual));
    }
    return QString();
}
} // namespace

QStringList header()
{
    return {
        QStringLiteral("timeStamp"),
        QStringLiteral("elapsed"),
        QStringLiteral("label"),
        QStringLiteral("responseCode"),
        QStringLiteral("responseMessage"),
        QStringLiteral("threadName"),
        QStringLiteral("dataType"),
        QStringLiteral("success"),
        QStringLiteral("failureMessage"),
        QStringLiteral("bytes"),
        QStringLiteral("sentBytes"),
        QStringLiteral("grpThreads"),
        QStringLiteral("allThreads"),
        QStringLiteral("URL"),
        QStringLiteral("Latency"),
        QStringLiteral("IdleTime"),
        QStringLiteral("Connect"),
    };
}

QStringList row(const Result &result, const RequestSpec &spec, const RunOptions &options,
    const QDateTime &startedAt, const SecretMask &mask)
{
    const qint64 origin = startedAt.isValid() ? startedAt.toMSecsSinceEpoch() : 0;
    // Never dispatched (cancelled first): it starts and ends when it was cancelled.
    const qint64 start
        = result.dispatchedUs >= 0 ? result.dispatchedUs : qMax<qint64>(0, result.finishedUs);
    const qint64 elapsed = wholeMs(result.finishedUs - start);
    const qint64 latency
        = result.headersUs >= 0 ? qMin(elapsed, wholeMs(result.headersUs - start)) : 0;
    qint64 connected = -1;
    if (result.tlsDoneUs >= 0)
        connected = result.tlsDoneUs;
    else if (result.connectStartUs >= 0 && result.requestSentUs >= 0)
        connected = result.requestSentUs;
    const qint64 connect = connected >= 0 ? qMin(elapsed, wholeMs(connected - start)) : 0;

    QString label = spec.name;
    if (label.isEmpty())
        label = QString::fromLatin1(spec.method) + QLatin1Char(' ')
            + spec.url.path(QUrl::FullyEncoded);
    const bool answered = result.status > 0;
    const QString errorKey = errorCategoryKey(result.error);
    const QString errorMessage
        = result.errorMessage().isEmpty() ? errorCategoryName(result.error) : result.errorMessage();
    const QString concurrency = QString::number(options.concurrency);
    const bool success = result.succeeded() && result.assertionsFailed == 0;
    return {
        QString::number(origin + start / 1000),
        QString::number(elapsed),
        mask.apply(label),
        answered ? QString::number(result.status)
                 : QLatin1String("Non HTTP response code: ") + errorKey,
        answered ? ResultWriters::reasonPhrase(result.status)
                 : QLatin1String("Non HTTP response message: ") + mask.apply(errorMessage),
        QStringLiteral("rafaga"),
        dataType(result),
        success ? QStringLiteral("true") : QStringLiteral("false"),
        failureMessage(result, spec, mask),
        QString::number(result.bytesReceived),
        QString::number(result.bytesSent),
        concurrency,
        concurrency,
        mask.apply(spec.url.toString(QUrl::FullyEncoded)),
        QString::number(latency),
        QStringLiteral("0"),
        QString::number(connect),
    };
}

bool write(QIODevice *device, const ResultStore &store, const RequestSource &source,
    const RunOptions &options, const QDateTime &startedAt, const SecretMask &mask, QString *error)
{
    if (!ResultWriters::writeBytes(device, QByteArray(), error))
        return false;
    CsvWriter csv(device);
    bool ok = csv.writeRow(header());
    for (qint64 i = 0; ok && i < store.size(); ++i) {
        if (!store.isDone(i))
            continue;
        const RequestSpec spec = store.requestFor(source, i);
        const SecretMask masked = mask.with(capturedSecrets(store.at(i), spec));
        ok = csv.writeRow(row(store.at(i), spec, options, startedAt, masked));
    }
    if (!ok && error)
        *error = Tr::tr("cannot write the output: %1").arg(device->errorString());
    return ok;
}
} // namespace JtlExport
