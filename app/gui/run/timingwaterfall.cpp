// The timing waterfall: custom painted, sized from the font so it stays crisp at any DPI.
#include "gui/run/timingwaterfall.h"

#include "gui/run/statuscolors.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace {
QString msText(qint64 us)
{
    const double ms = double(us) / 1000.0;
    return TimingWaterfall::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 1));
}

// Fills that read on light and dark backgrounds alike; bars carry no text.
QColor phaseColor(TimingWaterfall::Phase phase, const QPalette &palette)
{
    switch (phase) {
    case TimingWaterfall::Queued:
        return palette.color(QPalette::Mid);
    case TimingWaterfall::Connect:
        return QColor::fromRgb(0xe8912d);
    case TimingWaterfall::Tls:
        return QColor::fromRgb(0xa371f7);
    case TimingWaterfall::Send:
        return QColor::fromRgb(0x2aa198);
    case TimingWaterfall::Wait:
        return QColor::fromRgb(0x4c8ee6);
    case TimingWaterfall::Download:
        return QColor::fromRgb(0x3fb950);
    case TimingWaterfall::PhaseCount:
        break;
    }
    return palette.color(QPalette::Highlight);
}

// A step of 1, 2 or 5 times a power of ten giving about `ticks` intervals over `range`.
double niceStep(double range, int ticks)
{
    const double raw = range / qMax(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (raw <= factor * power)
            return factor * power;
    }
    return 10.0 * power;
}
} // namespace

TimingWaterfall::TimingWaterfall(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

TimingWaterfall::Span TimingWaterfall::spanFor(Phase phase, const Result &r, bool tls)
{
    if (!r.isDone())
        return {};
    if (r.dispatchedUs < 0)
        return {-1, -1, Absence::NotSent};
    switch (phase) {
    case Queued:
        if (r.scheduledUs < 0)
            return {r.dispatchedUs, r.dispatchedUs, Absence::None};
        return {r.scheduledUs, qMax(r.scheduledUs, r.dispatchedUs), Absence::None};
    case Connect: {
        if (r.connectStartUs < 0)
            return {-1, -1,
                r.requestSentUs < 0 && r.headersUs < 0 ? Absence::NotSent
                                                       : Absence::ReusedConnection};
        const qint64 end = r.tlsDoneUs >= 0 ? r.tlsDoneUs
            : r.requestSentUs >= 0          ? r.requestSentUs
            : r.headersUs >= 0              ? r.headersUs
                                            : -1;
        if (end < 0)
            return {-1, -1, Absence::Failed};
        return {r.connectStartUs, end, Absence::None};
    }
    case Tls:
        if (!tls)
            return {-1, -1, Absence::NoTls};
        if (r.tlsDoneUs >= 0)
            return {r.connectStartUs >= 0 ? r.connectStartUs : r.dispatchedUs, r.tlsDoneUs,
                Absence::None};
        if (r.connectStartUs < 0)
            return {-1, -1,
                r.requestSentUs < 0 && r.headersUs < 0 ? Absence::NotSent
                                                       : Absence::ReusedConnection};
        return {-1, -1, Absence::Failed};
    case Send: {
        if (r.requestSentUs < 0)
            return {-1, -1, Absence::NotSent};
        if (r.connectStartUs >= 0 && r.tlsDoneUs < 0)
            return {-1, -1, Absence::IncludedInConnect};
        const qint64 start = r.tlsDoneUs >= 0 ? r.tlsDoneUs : r.dispatchedUs;
        return {start, qMax(start, r.requestSentUs), Absence::None};
    }
    case Wait: {
        if (r.headersUs < 0)
            return {-1, -1, Absence::NoResponse};
        const qint64 start = r.requestSentUs >= 0 ? r.requestSentUs : r.dispatchedUs;
        return {start, qMax(start, r.headersUs), Absence::None};
    }
    case Download:
        if (r.headersUs < 0)
            return {-1, -1, Absence::NoResponse};
        return {r.headersUs, qMax(r.headersUs, r.finishedUs), Absence::None};
    case PhaseCount:
        break;
    }
    return {};
}

QString TimingWaterfall::phaseName(Phase phase)
{
    switch (phase) {
    case Queued:
        return tr("Queued");
    case Connect:
        return tr("Connect");
    case Tls:
        return tr("TLS");
    case Send:
        return tr("Send");
    case Wait:
        return tr("Waiting (TTFB)");
    case Download:
        return tr("Download");
    case PhaseCount:
        break;
    }
    return QString();
}

QString TimingWaterfall::absenceText(Absence absence)
{
    switch (absence) {
    case Absence::None:
        return QString();
    case Absence::NotFinished:
        return tr("not finished yet");
    case Absence::NotSent:
        return tr("not sent");
    case Absence::ReusedConnection:
        return tr("reused connection");
    case Absence::NoTls:
        return tr("no TLS");
    case Absence::IncludedInConnect:
        return tr("included in connect");
    case Absence::Failed:
        return tr("did not complete");
    case Absence::NoResponse:
        return tr("no response");
    }
    return QString();
}

void TimingWaterfall::setResult(const Result &result, const QUrl &url)
{
    const bool tls = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    for (int phase = 0; phase < PhaseCount; ++phase)
        m_spans[phase] = spanFor(Phase(phase), result, tls);
    m_finished = result.isDone();
    m_startUs = result.scheduledUs >= 0 && result.dispatchedUs >= 0
        ? qMin(result.scheduledUs, result.dispatchedUs)
        : result.dispatchedUs;
    m_endUs = result.finishedUs;
    m_dispatchedUs = result.dispatchedUs;
    m_retries = result.retries;
    m_hasResult = true;
    update();
}

void TimingWaterfall::clear()
{
    m_hasResult = false;
    m_finished = false;
    update();
}

int TimingWaterfall::rowHeight() const
{
    return fontMetrics().height() * 8 / 5;
}

int TimingWaterfall::labelWidth() const
{
    int width = 0;
    for (int phase = 0; phase < PhaseCount; ++phase)
        width = qMax(width, fontMetrics().horizontalAdvance(phaseName(Phase(phase))));
    return width + fontMetrics().averageCharWidth() * 2;
}

int TimingWaterfall::valueWidth() const
{
    return fontMetrics().horizontalAdvance(msText(99999999)) + fontMetrics().averageCharWidth();
}

QRect TimingWaterfall::barArea() const
{
    const int margin = fontMetrics().height() / 2;
    const int left = margin + labelWidth();
    const int right = width() - margin - valueWidth();
    return QRect(left, margin, qMax(1, right - left), rowHeight() * PhaseCount);
}

QSize TimingWaterfall::sizeHint() const
{
    const int margin = fontMetrics().height() / 2;
    // Phases, then the axis labels and the total line.
    return QSize(labelWidth() + valueWidth() + fontMetrics().averageCharWidth() * 50,
        2 * margin + rowHeight() * PhaseCount + fontMetrics().height() * 3);
}

QSize TimingWaterfall::minimumSizeHint() const
{
    return QSize(
        labelWidth() + valueWidth() + fontMetrics().averageCharWidth() * 12, sizeHint().height());
}

int TimingWaterfall::phaseAt(const QPoint &pos) const
{
    const QRect area = barArea();
    if (pos.y() < area.top() || pos.y() >= area.bottom())
        return -1;
    return (pos.y() - area.top()) / rowHeight();
}

bool TimingWaterfall::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_hasResult) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int phase = phaseAt(help->pos());
        if (phase >= 0) {
            const Span &span = m_spans[phase];
            QString text = span.absence == Absence::None
                ? tr("%1: %2, from +%3 to +%4")
                      .arg(phaseName(Phase(phase)), msText(span.endUs - span.startUs),
                          msText(span.startUs - m_startUs), msText(span.endUs - m_startUs))
                : tr("%1: %2").arg(phaseName(Phase(phase)), absenceText(span.absence));
            if (phase == Connect && span.absence == Absence::None && span.startUs > m_dispatchedUs)
                text += QLatin1Char('\n')
                    + tr("Before it, %1 waiting in Qt's network thread (the thin line).")
                          .arg(msText(span.startUs - m_dispatchedUs));
            if (phase == Tls && span.absence == Absence::None)
                text += QLatin1Char('\n')
                    + tr("Qt reports the TCP connect and the TLS handshake "
                         "together: this span includes the connect.");
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

double TimingWaterfall::xFor(const QRect &area, qint64 us) const
{
    const qint64 totalUs = qMax<qint64>(1, m_endUs - m_startUs);
    return area.left() + double(us - m_startUs) * area.width() / double(totalUs);
}

void TimingWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int margin = fm.height() / 2;

    if (!m_hasResult || !m_finished) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
            m_hasResult ? tr("Waiting for the response…") : tr("No timing to show"));
        return;
    }

    const QRect area = barArea();
    paintGrid(painter, area);
    for (int phase = 0; phase < PhaseCount; ++phase)
        paintRow(painter, area, Phase(phase));

    // The total and what the bars do not show.
    QString footer = tr("Total %1").arg(msText(m_endUs - m_startUs));
    if (m_retries > 0)
        footer
            += tr(" · retried %n time(s): the phases are the last attempt's", nullptr, m_retries);
    painter.setPen(pal.color(QPalette::WindowText));
    const int footerTop = area.bottom() + 1 + fm.height() + fm.height() / 3;
    painter.drawText(QRect(margin, footerTop, width() - 2 * margin, fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter, footer);
}

void TimingWaterfall::paintGrid(QPainter &painter, const QRect &area)
{
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    // Grid lines at round milliseconds, labelled under the bars.
    const double totalMs = double(qMax<qint64>(1, m_endUs - m_startUs)) / 1000.0;
    const double step = niceStep(totalMs, qMax(2, area.width() / (fm.averageCharWidth() * 12)));
    QColor grid = pal.color(QPalette::WindowText);
    grid.setAlphaF(0.12f);
    const int axisY = area.bottom() + 1;
    for (double ms = 0; ms <= totalMs + step / 1000; ms += step) {
        const double x = xFor(area, m_startUs + qint64(ms * 1000));
        painter.setPen(QPen(grid, 0));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, axisY));
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString label = QLocale().toString(ms, 'g', 4);
        const int w = fm.horizontalAdvance(label);
        const double textX
            = qBound(double(area.left() - w / 2), x - w / 2.0, double(area.right() - w));
        painter.drawText(QPointF(textX, axisY + fm.ascent() + fm.descent() / 2), label);
    }

    const QString unit = tr("ms");
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(
        QPointF(area.right() + fm.averageCharWidth() + valueWidth() - fm.horizontalAdvance(unit),
            axisY + fm.ascent() + fm.descent() / 2),
        unit);
}

void TimingWaterfall::paintRow(QPainter &painter, const QRect &area, Phase phase)
{
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int rowH = rowHeight();
    const Span &span = m_spans[phase];
    const int top = area.top() + phase * rowH;
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRect(fm.height() / 2, top, labelWidth(), rowH),
        Qt::AlignLeft | Qt::AlignVCenter, phaseName(phase));
    if (span.absence != Absence::None) {
        QFont italic = font();
        italic.setItalic(true);
        painter.setFont(italic);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(area.left(), top, area.width(), rowH),
            Qt::AlignLeft | Qt::AlignVCenter, absenceText(span.absence));
        painter.setFont(font());
        return;
    }
    // Before a new connection starts, the request waits in Qt's network thread: a whisker.
    if (phase == Connect && m_dispatchedUs >= 0 && span.startUs > m_dispatchedUs) {
        QColor whisker = phaseColor(Connect, pal);
        painter.setPen(QPen(whisker, qMax(1.0, fm.height() / 12.0)));
        painter.drawLine(QPointF(xFor(area, m_dispatchedUs), top + rowH / 2.0),
            QPointF(xFor(area, span.startUs), top + rowH / 2.0));
    }
    const double x0 = xFor(area, span.startUs);
    // Even a 10 µs phase stays visible as a sliver.
    const double w = qMax(2.0, xFor(area, span.endUs) - x0);
    const double barH = fm.height() * 0.7;
    const QRectF bar(x0, top + (rowH - barH) / 2, w, barH);
    painter.setPen(Qt::NoPen);
    painter.setBrush(phaseColor(phase, pal));
    painter.drawRoundedRect(bar, barH / 5, barH / 5);
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRect(area.right() + fm.averageCharWidth(), top, valueWidth(), rowH),
        Qt::AlignRight | Qt::AlignVCenter, msText(span.endUs - span.startUs));
}
