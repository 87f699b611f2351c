// One compact row over a run: done/total with a progress bar, req/s, percentiles, errors, what a
// flow skipped or holds back, elapsed.
#include "gui/run/summarystrip.h"

#include "core/engine/runcontroller.h"
#include "core/stats/runstats.h"
#include "gui/run/statuscolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace {

QLabel *addLabel(
    QHBoxLayout *layout, const QString &name, const QString &widestText, const QString &toolTip)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setToolTip(toolTip);
    // Room for a wide value up front, so the row does not shift as numbers grow.
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(widestText));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    return label;
}

} // namespace

SummaryStrip::SummaryStrip(QWidget *parent)
    : QWidget(parent)
{
    const QFontMetrics metrics = fontMetrics();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(metrics.averageCharWidth(), metrics.height() / 4,
        metrics.averageCharWidth(), metrics.height() / 4);
    layout->setSpacing(metrics.averageCharWidth() * 2);

    m_done = addLabel(layout, QStringLiteral("done"),
        tr("%1 / %2").arg(QLocale().toString(999999), QLocale().toString(999999)),
        tr("Requests finished / requests in the run"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setTextVisible(false);
    m_progress->setMinimumWidth(metrics.averageCharWidth() * 12);
    m_progress->setMaximumHeight(metrics.height());
    layout->addWidget(m_progress, 1);
    m_rate = addLabel(layout, QStringLiteral("rate"), tr("%1 req/s").arg(QLocale().toString(99999)),
        tr("Requests finished per second since the start"));
    m_percentiles = addLabel(layout, QStringLiteral("percentiles"),
        tr("p50 %1 · p95 %1 · p99 %1").arg(formatLatencyUs(99900)),
        tr("Latency percentiles: half, 95% and 99% of the requests took at "
           "most this long"));
    m_errors
        = addLabel(layout, QStringLiteral("errors"), tr("%Ln errors", nullptr, 99999), QString());
    // Shown only when there is something to say: most runs are not flows.
    m_unsent = addLabel(layout, QStringLiteral("unsent"), QString(),
        tr("Skipped: never sent, as a capture they need failed (or they could not be built). "
           "Waiting: held back until an earlier request of their row has ended."));
    m_elapsed = addLabel(layout, QStringLiteral("elapsed"), formatElapsedUs(3599900000),
        tr("Time since the run started"));
    m_elapsed->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    clear();
}

void SummaryStrip::setController(RunController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (controller) {
        connect(controller, &RunController::started, this, &SummaryStrip::refresh);
        connect(controller, &RunController::progressed, this, &SummaryStrip::refresh);
        connect(controller, &RunController::finished, this, &SummaryStrip::refresh);
    }
    refresh();
}

void SummaryStrip::refresh()
{
    if (!m_controller || !m_controller->hasRun()) {
        clear();
        return;
    }
    showStats(m_controller->statsSnapshot(), m_controller->size(), m_controller->elapsedUs(),
        m_controller->waitingCount());
}

void SummaryStrip::showStats(const RunStats &stats, qint64 total, qint64 elapsedUs, qint64 waiting)
{
    const QLocale locale;
    const qint64 done = stats.completed();
    m_done->setText(tr("%1 / %2").arg(locale.toString(done), locale.toString(total)));
    if (stats.notSent() > 0)
        m_done->setToolTip(tr("Requests finished / requests in the run; %Ln not sent (stopped)",
            nullptr, int(qMin<qint64>(stats.notSent(), INT_MAX))));
    // QProgressBar counts in int; a run may be larger, so show per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);

    m_rate->setText(tr("%1 req/s").arg(locale.toString(ratePerSecond(done, elapsedUs), 'f', 0)));

    const Histogram &latency = stats.latency();
    if (latency.count() > 0) {
        m_percentiles->setText(tr("p50 %1 · p95 %2 · p99 %3")
                                   .arg(formatLatencyUs(latency.quantile(0.50)),
                                       formatLatencyUs(latency.quantile(0.95)),
                                       formatLatencyUs(latency.quantile(0.99))));
    } else {
        m_percentiles->setText(tr("p50 – · p95 – · p99 –"));
    }

    m_errorCount = stats.failed();
    m_errors->setText(tr("%Ln errors", nullptr, int(qMin<qint64>(m_errorCount, INT_MAX))));
    // Which errors, for the curious: failing status codes and transport errors.
    QStringList parts;
    for (auto it = stats.statusCodes().cbegin(); it != stats.statusCodes().cend(); ++it) {
        if (it.key() >= 400)
            parts << tr("%1: %2").arg(QString::number(it.key()), locale.toString(it.value()));
    }
    for (int category = 1; category < ErrorCategoryCount; ++category) {
        if (const qint64 count = stats.errorCount(ErrorCategory(category)))
            parts << tr("%1: %2").arg(
                errorCategoryName(ErrorCategory(category)), locale.toString(count));
    }
    m_errors->setToolTip(parts.isEmpty() ? tr("No errors")
                                         : tr("Failed requests (status 400 and up, or no answer)")
                + QLatin1Char('\n') + parts.join(QLatin1Char('\n')));
    colourErrors();

    QStringList unsent;
    if (stats.skipped() > 0)
        unsent << tr("%1 skipped").arg(locale.toString(stats.skipped()));
    if (waiting > 0)
        unsent << tr("%1 waiting").arg(locale.toString(waiting));
    m_unsent->setText(unsent.join(QStringLiteral(" · ")));
    m_unsent->setVisible(!unsent.isEmpty());

    m_elapsed->setText(formatElapsedUs(elapsedUs));
}

void SummaryStrip::clear()
{
    showStats(RunStats(), 0, 0);
}

QString SummaryStrip::doneText() const
{
    return m_done->text();
}

QString SummaryStrip::rateText() const
{
    return m_rate->text();
}

QString SummaryStrip::percentilesText() const
{
    return m_percentiles->text();
}

QString SummaryStrip::errorsText() const
{
    return m_errors->text();
}

QString SummaryStrip::unsentText() const
{
    return m_unsent->isHidden() ? QString() : m_unsent->text();
}

QString SummaryStrip::elapsedText() const
{
    return m_elapsed->text();
}

QString SummaryStrip::formatLatencyUs(double us)
{
    const QLocale locale;
    if (us < 1000)
        return tr("%1 µs").arg(locale.toString(us, 'f', 0));
    const double ms = us / 1000;
    if (ms < 10)
        return tr("%1 ms").arg(locale.toString(ms, 'f', 2));
    if (ms < 100)
        return tr("%1 ms").arg(locale.toString(ms, 'f', 1));
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(ms, 'f', 0));
    return tr("%1 s").arg(locale.toString(ms / 1000, 'f', 2));
}

QString SummaryStrip::formatElapsedUs(qint64 us)
{
    const qint64 tenths = qMax<qint64>(0, us) / 100000;
    const qint64 seconds = tenths / 10;
    const qint64 minutes = seconds / 60;
    const QChar zero = QLatin1Char('0');
    if (minutes >= 60) {
        return tr("%1:%2:%3")
            .arg(minutes / 60)
            .arg(minutes % 60, 2, 10, zero)
            .arg(seconds % 60, 2, 10, zero);
    }
    return tr("%1:%2%3%4")
        .arg(minutes)
        .arg(seconds % 60, 2, 10, zero)
        .arg(QLocale().decimalPoint())
        .arg(tenths % 10);
}

double SummaryStrip::ratePerSecond(qint64 count, qint64 durationUs)
{
    return durationUs > 0 ? double(count) * 1e6 / double(durationUs) : 0.0;
}

void SummaryStrip::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The error colour is chosen per palette: pick it again in dark or light mode.
    if (event->type() == QEvent::PaletteChange)
        colourErrors();
}

void SummaryStrip::colourErrors()
{
    QPalette palette = this->palette();
    if (m_errorCount > 0)
        palette.setColor(QPalette::WindowText,
            StatusColors::forClass(StatusClass::ServerError, this->palette()));
    m_errors->setPalette(palette);
}
