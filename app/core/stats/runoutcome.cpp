// How a run ended, in the words every front end uses: succeeded, failed, cancelled in flight and
// not sent, and where a stop came.
#include "core/stats/runoutcome.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RunOutcome)
};
} // namespace

RunOutcome RunOutcome::of(const RunStats &stats, qint64 requests)
{
    RunOutcome outcome;
    outcome.requests = requests;
    outcome.sent = stats.completed();
    outcome.succeeded = stats.succeeded();
    outcome.cancelledInFlight = stats.cancelledInFlight();
    outcome.failed = stats.failed() - outcome.cancelledInFlight;
    outcome.notSent = stats.notSent();
    outcome.skipped = stats.skipped();
    return outcome;
}

QString RunOutcome::describe() const
{
    const QLocale locale;
    QStringList parts;
    parts << Tr::tr("%1 succeeded").arg(locale.toString(succeeded));
    if (failed > 0)
        parts << Tr::tr("%1 failed").arg(locale.toString(failed));
    if (cancelledInFlight > 0)
        parts << Tr::tr("%1 cancelled in flight").arg(locale.toString(cancelledInFlight));
    if (notSent > 0)
        parts << Tr::tr("%1 not sent").arg(locale.toString(notSent));
    if (skipped > 0)
        parts << Tr::tr("%1 skipped").arg(locale.toString(skipped));
    const QString counts = parts.join(QStringLiteral(", "));
    if (!stopped())
        return counts;
    return Tr::tr("stopped at %1 of %2: %3")
        .arg(locale.toString(sent), locale.toString(requests), counts);
}
