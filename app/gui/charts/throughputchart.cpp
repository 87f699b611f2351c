// Throughput: requests finished per second (succeeded and failed, stacked) and the most in flight.
#include "gui/charts/throughputchart.h"

#include "core/stats/runstats.h"
#include "gui/run/statuscolors.h"

#include <QLocale>

ThroughputChart::ThroughputChart(QWidget *parent)
    : ChartPlot(tr("Throughput"), parent)
{
    setObjectName(QStringLiteral("throughputPlot"));
    xAxis->setLabel(tr("Time since start (s)"));
    yAxis->setLabel(tr("Requests per second"));
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("In flight"));
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1);
    yAxis2->setRange(0, 1);
    moveLegendToHeader();
    setNotAntialiasedElements(QCP::aePlottables); // bars and steps, axis-aligned
    m_okBars = new QCPBars(xAxis, yAxis);
    m_okBars->setName(tr("Succeeded"));
    m_okBars->setWidth(0.8);
    m_errorBars = new QCPBars(xAxis, yAxis);
    m_errorBars->setName(tr("Failed"));
    m_errorBars->setWidth(0.8);
    m_errorBars->moveAbove(m_okBars);
    m_inFlightGraph = new QCPGraph(xAxis, yAxis2);
    m_inFlightGraph->setName(tr("In flight (max)"));
    m_inFlightGraph->setLineStyle(QCPGraph::lsStepLeft);
    m_partialShade = new QCPItemRect(this);
    m_partialShade->setVisible(false);
    m_partialLabel = new QCPItemText(this);
    m_partialLabel->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_partialLabel->setVisible(false);
}

void ThroughputChart::clearData()
{
    m_okBars->data()->clear();
    m_errorBars->data()->clear();
    m_inFlightGraph->data()->clear();
    m_secondsShown = 0;
    m_maxPerSecond = 0;
    m_maxInFlight = 0;
    m_partialShade->setVisible(false);
    m_partialLabel->setVisible(false);
    xAxis->setRange(0, 1);
}

void ThroughputChart::updateStats(const RunStats &stats)
{
    const QList<SecondSample> &seconds = stats.perSecond();
    // Only the last seconds still change (results land in the second they finish in).
    const qint64 from = qMax<qint64>(0, m_secondsShown - 2);
    const double end = std::numeric_limits<double>::max();
    m_okBars->data()->remove(double(from), end);
    m_errorBars->data()->remove(double(from), end);
    m_inFlightGraph->data()->remove(double(from), end);
    QList<QCPBarsData> ok;
    QList<QCPBarsData> errors;
    QList<QCPGraphData> inFlight;
    for (qint64 s = from; s < seconds.size(); ++s) {
        const SecondSample &sample = seconds.at(s);
        const double key = double(s) + 0.5; // the bar covers [s, s + 1)
        ok.append(QCPBarsData(key, double(sample.completed - sample.errors)));
        if (sample.errors > 0) // a zero bar would still draw its outline: a red cap on success
            errors.append(QCPBarsData(key, double(sample.errors)));
        inFlight.append(QCPGraphData(double(s), sample.maxInFlight));
        m_maxPerSecond = qMax(m_maxPerSecond, double(sample.completed));
        m_maxInFlight = qMax(m_maxInFlight, sample.maxInFlight);
    }
    if (!seconds.isEmpty()) // the last step needs an end
        inFlight.append(QCPGraphData(double(seconds.size()), seconds.constLast().maxInFlight));
    m_okBars->data()->add(ok, true);
    m_errorBars->data()->add(errors, true);
    m_inFlightGraph->data()->add(inFlight, true);
    m_secondsShown = seconds.size();
    xAxis->setRange(0, qMax<double>(1, double(seconds.size())));
    yAxis->setRange(0, qMax(1.0, m_maxPerSecond * 1.1));
    yAxis2->setRange(0, qMax(1.0, m_maxInFlight * 1.1));
    markPartialSecond(stats);
}

void ThroughputChart::markPartialSecond(const RunStats &stats)
{
    // The last second holds results only up to the last completion: a short bar there is a
    // partial second, not a drop. It is shaded and labelled with how much of it had passed.
    const qint64 seconds = stats.perSecond().size();
    const double covered
        = seconds > 0 ? double(stats.lastFinishedUs()) / 1e6 - double(seconds - 1) : 1;
    const bool partial = seconds > 0 && covered < 0.95;
    m_partialShade->setVisible(partial);
    m_partialLabel->setVisible(partial);
    if (!partial)
        return;
    m_partialShade->topLeft->setCoords(double(seconds - 1), yAxis->range().upper);
    m_partialShade->bottomRight->setCoords(double(seconds), 0);
    m_partialLabel->position->setCoords(double(seconds) - 0.5, yAxis->range().upper);
    m_partialLabel->setText(
        tr("partial: %1 s").arg(QLocale().toString(qMax(0.0, covered), 'f', 1)));
}

bool ThroughputChart::isLastSecondMarkedPartial() const
{
    return m_partialShade->visible();
}

void ThroughputChart::applyColours(const QPalette &palette)
{
    const QColor okColour = StatusColors::forClass(StatusClass::Success, palette);
    const QColor errorColour = StatusColors::forClass(StatusClass::ServerError, palette);
    m_okBars->setPen(QPen(okColour));
    m_okBars->setBrush(okColour);
    m_errorBars->setPen(QPen(errorColour));
    m_errorBars->setBrush(errorColour);
    m_inFlightGraph->setPen(QPen(palette.color(QPalette::Text), 2));
    QColor shade = palette.color(QPalette::Text);
    shade.setAlphaF(0.35f);
    m_partialShade->setPen(Qt::NoPen);
    m_partialShade->setBrush(QBrush(shade, Qt::BDiagPattern));
    m_partialLabel->setColor(palette.color(QPalette::Text));
    // On a plain background: the label sits on the tallest bar's top edge.
    m_partialLabel->setBrush(palette.color(QPalette::Base));
    m_partialLabel->setPadding(QMargins(4, 1, 4, 1));
}
