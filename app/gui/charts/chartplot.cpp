// The common ground of Rafaga's charts: a QCustomPlot with a title row, the widget's font and
// palette, and percentile marks.
#include "gui/charts/chartplot.h"

#include "core/stats/latencybins.h"

#include <QLocale>

ChartPlot::ChartPlot(const QString &title, QWidget *parent)
    : QCustomPlot(parent)
{
    const QFontMetrics metrics = fontMetrics();
    // Small enough that four fit a 1024 × 640 window; the panel scrolls below that.
    setMinimumSize(metrics.averageCharWidth() * 30, metrics.height() * 9);
    // A header row: the title on the left, the legend (if any) beside it, outside the data.
    plotLayout()->insertRow(0);
    auto *header = new QCPLayoutGrid;
    plotLayout()->addElement(0, 0, header);
    plotLayout()->setRowStretchFactor(0, 0.001);
    QFont titleFont = font();
    titleFont.setBold(true);
    auto *titleElement = new QCPTextElement(this, title, titleFont);
    titleElement->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    header->addElement(0, 0, titleElement);
    legend->setFont(font());
    const QList<QCPAxis *> axes = axisRect()->axes();
    for (QCPAxis *axis : axes) {
        axis->setTickLabelFont(font());
        axis->setLabelFont(font());
    }
}

void ChartPlot::moveLegendToHeader()
{
    axisRect()->insetLayout()->take(legend);
    auto *header = qobject_cast<QCPLayoutGrid *>(plotLayout()->element(0, 0));
    header->addElement(0, 1, legend);
    header->setColumnStretchFactor(0, 1);
    header->setColumnStretchFactor(1, 0.001);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setVisible(true);
}

QString ChartPlot::quantileName(double quantile)
{
    return tr("p%1").arg(QLocale().toString(quantile * 100, 'g', 4));
}

QColor ChartPlot::mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

QList<ChartPlot::PercentileMark> ChartPlot::createMarks(const QList<double> &quantiles)
{
    QList<PercentileMark> marks;
    for (double quantile : quantiles) {
        PercentileMark mark;
        mark.quantile = quantile;
        mark.line = new QCPItemStraightLine(this);
        mark.label = new QCPItemText(this);
        mark.line->setVisible(false);
        mark.label->setVisible(false);
        marks.append(mark);
    }
    return marks;
}

void ChartPlot::hideMarks(const QList<PercentileMark> &marks)
{
    for (const PercentileMark &mark : marks) {
        mark.line->setVisible(false);
        mark.label->setVisible(false);
    }
}

void ChartPlot::colourMarks(const QList<PercentileMark> &marks, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DashDotLine, Qt::DotLine};
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const PercentileMark &mark = marks.at(i);
        mark.line->setPen(QPen(text, 1.5, styles[i % 3]));
        mark.label->setColor(text);
        QColor backdrop = palette.color(QPalette::Base);
        backdrop.setAlphaF(0.75f);
        mark.label->setBrush(backdrop); // readable over the points
        mark.label->setPadding(QMargins(2, 1, 2, 1));
    }
}

void ChartPlot::applyPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor windowText = palette.color(QPalette::WindowText);
    const QColor base = palette.color(QPalette::Base);
    const QColor grid = mix(base, palette.color(QPalette::Text), 0.15);
    plot->setBackground(palette.brush(QPalette::Window));
    const QList<QCPAxisRect *> rects = plot->axisRects();
    for (QCPAxisRect *rect : rects) {
        rect->setBackground(palette.brush(QPalette::Base));
        const QList<QCPAxis *> axes = rect->axes();
        for (QCPAxis *axis : axes) {
            axis->setBasePen(QPen(windowText, 1));
            axis->setTickPen(QPen(windowText, 1));
            axis->setSubTickPen(QPen(windowText, 1));
            axis->setTickLabelColor(windowText);
            axis->setLabelColor(windowText);
            axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
            axis->grid()->setSubGridPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
        }
    }
    plot->legend->setBrush(palette.brush(QPalette::Window));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setTextColor(windowText);
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        auto *header = qobject_cast<QCPLayoutGrid *>(plot->plotLayout()->elementAt(i));
        if (!header)
            continue;
        for (int j = 0; j < header->elementCount(); ++j) {
            if (auto *title = qobject_cast<QCPTextElement *>(header->elementAt(j)))
                title->setTextColor(windowText);
        }
    }
}

QVector<double> LogTicker125::createTickVector(double, const QCPRange &range)
{
    const QList<double> ticks = LatencyBins::logTicks(range.lower, range.upper, roomForTicks());
    return QVector<double>(ticks.cbegin(), ticks.cend());
}

int LogTicker125::roomForTicks() const
{
    const QFontMetrics metrics(m_axis->tickLabelFont());
    const bool vertical = m_axis->orientation() == Qt::Vertical;
    // A label is a line high on a vertical axis and about "0.5" to "200" wide on a horizontal
    // one; half a label between two.
    const int label
        = vertical ? metrics.height() : metrics.horizontalAdvance(QStringLiteral("500"));
    const int length = vertical ? m_axis->axisRect()->height() : m_axis->axisRect()->width();
    return qBound(2, 2 * length / (3 * qMax(1, label)), 8);
}

QVector<double> LogTicker125::createSubTickVector(int, const QVector<double> &)
{
    return {};
}

void ChartPlot::makeLogAxis(QCPAxis *axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<LogTicker125>::create(axis));
    axis->setNumberFormat(QStringLiteral("g"));
    axis->setNumberPrecision(6);
}

int ChartPlot::markLabelHeight() const
{
    return QFontMetrics(font()).height() + 4;
}
