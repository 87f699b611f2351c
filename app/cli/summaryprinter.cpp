#include "cli/summaryprinter.h"

#include "core/base/plural.h"
#include "core/model/errorcategory.h"
#include "core/stats/runoutcome.h"

#include <QCoreApplication>

namespace SummaryPrinter {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SummaryPrinter)
};

QString bytes(qint64 count)
{
    return QLocale::c().formattedDataSize(count, 1, QLocale::DataSizeTraditionalFormat);
}

QString ms(double us)
{
    return QString::number(us / 1000.0, 'f', us < 10000 ? 3 : 1);
}

QString percentileLine(const QString &label, const Histogram &histogram)
{
    if (histogram.count() == 0)
        return QStringLiteral("  %1 -\n").arg(label, -14);
    return Tr::tr("  %1 min %2  mean %3  p50 %4  p90 %5  p95 %6  p99 %7  p99.9 %8  max %9\n")
        .arg(label, -14)
        .arg(ms(double(histogram.min())), ms(histogram.mean()), ms(histogram.quantile(0.5)),
            ms(histogram.quantile(0.9)), ms(histogram.quantile(0.95)), ms(histogram.quantile(0.99)),
            ms(histogram.quantile(0.999)), ms(double(histogram.max())));
}
} // namespace

QString summary(const RunStats &stats, const RunOptions &options, qint64 requests, qint64 elapsedUs)
{
    const double seconds = double(elapsedUs) / 1e6;
    const double rate = seconds > 0 ? double(stats.completed()) / seconds : 0;
    QString text;
    text += Tr::tr("Summary:\n");
    // The same words as the workbench's: after a stop, "stopped at 6 of 20: 4 succeeded, 2
    // cancelled in flight, 14 not sent"; a stop's aborts and unsent requests are not failures.
    text += Tr::tr("  Requests:      %1 (%2)\n")
                .arg(requests)
                .arg(RunOutcome::of(stats, requests).describe());
    text += Tr::tr("  Elapsed:       %1 s\n").arg(seconds, 0, 'f', 3);
    text += Tr::tr("  Rate:          %1 req/s\n").arg(rate, 0, 'f', 1);
    text += Tr::tr("  Concurrency:   %1 (at most %2 in flight)\n")
                .arg(options.concurrency)
                .arg(stats.maxInFlight());
    if (options.rate > 0)
        text += Tr::tr("  Target rate:   %1 req/s\n").arg(options.rate, 0, 'f', 1);
    if (stats.assertionsChecked() > 0)
        text += Tr::tr("  Assertions:    %1 checked, %2 failed (in %3 request(s))\n", nullptr,
            pluralCount(stats.resultsFailingAssertions()))
                    .arg(stats.assertionsChecked())
                    .arg(stats.assertionsFailed())
                    .arg(stats.resultsFailingAssertions());
    if (stats.retries() > 0)
        text += Tr::tr("  Retries:       %1\n").arg(stats.retries());
    text += Tr::tr("  Data:          %1 received, %2 sent\n")
                .arg(bytes(stats.bytesReceived()), bytes(stats.bytesSent()));
    text += QLatin1Char('\n');
    text += Tr::tr("Latency (ms):\n");
    text += percentileLine(
        options.rate > 0 ? Tr::tr("from schedule") : Tr::tr("total"), stats.latency());
    text += percentileLine(Tr::tr("first byte"), stats.ttfb());
    if (!stats.statusCodes().isEmpty()) {
        text += QLatin1Char('\n');
        text += Tr::tr("Status codes:\n");
        for (auto it = stats.statusCodes().cbegin(); it != stats.statusCodes().cend(); ++it)
            text += QStringLiteral("  %1  %2\n").arg(it.key()).arg(it.value());
    }
    QString errors;
    for (int i = 1; i < ErrorCategoryCount; ++i) {
        if (const qint64 count = stats.errorCount(ErrorCategory(i)))
            errors += QStringLiteral("  %1  %2\n")
                          .arg(errorCategoryName(ErrorCategory(i)), -28)
                          .arg(count);
    }
    if (!errors.isEmpty()) {
        text += QLatin1Char('\n');
        text += Tr::tr("Errors:\n");
        text += errors;
    }
    return text;
}

QString progressLine(const RunStats &stats, qint64 requests, qint64 elapsedUs, int width)
{
    const qint64 done = stats.completed() + stats.notSent();
    const double fraction = requests > 0 ? double(done) / double(requests) : 1.0;
    const double seconds = double(elapsedUs) / 1e6;
    const QString tail
        = Tr::tr(" %1% %2/%3  %4 req/s  %5 failed")
              .arg(int(fraction * 100), 3)
              .arg(done)
              .arg(requests)
              .arg(seconds > 0 ? double(stats.completed()) / seconds : 0.0, 0, 'f', 0)
              .arg(stats.failed());
    const int barWidth = qMax(10, width - int(tail.size()) - 3);
    const int filled = int(fraction * barWidth);
    return QLatin1Char('[') + QString(filled, QLatin1Char('#'))
        + QString(barWidth - filled, QLatin1Char('.')) + QLatin1Char(']') + tail;
}
} // namespace SummaryPrinter
