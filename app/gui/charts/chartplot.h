// The common ground of Rafaga's charts: a QCustomPlot with a title row, the widget's font and
// palette, and percentile marks.
#pragma once

#include "gui/charts/qcustomplot.h"

#include <QList>

/// Ticks for a log axis at 1, 2 and 5 times powers of ten (thinned when the range is wide), so a
/// narrow range does not pile up 400, 500, 600, 700 and a wide one reads in whole decades.
/// As many ticks as the axis has room for labels: a short axis shows fewer.
class LogTicker125 : public QCPAxisTicker
{
public:
    explicit LogTicker125(QCPAxis *axis)
        : m_axis(axis)
    { }

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override;
    QVector<double> createSubTickVector(int subTickCount, const QVector<double> &ticks) override;

private:
    /// How many labels fit along the axis without touching.
    int roomForTicks() const;

    QCPAxis *m_axis;
};

/// A plot with a header row (the title on the left, the legend beside it when there is one),
/// drawn in the widget's font and coloured after its palette. Each chart derives from it.
class ChartPlot : public QCustomPlot
{
    Q_OBJECT
public:
    explicit ChartPlot(const QString &title, QWidget *parent = nullptr);

    /// Colours a plot's background, axes, grid, legend and titles after a widget palette.
    static void applyPalette(QCustomPlot *plot, const QPalette &palette);
    /// A log axis with 1-2-5 ticks, labelled in plain numbers.
    static void makeLogAxis(QCPAxis *axis);
    /// "p95", in the user's locale.
    static QString quantileName(double quantile);
    /// a and b mixed, t = 0 giving a and t = 1 giving b.
    static QColor mix(const QColor &a, const QColor &b, double t);

    /// Empties the chart's data.
    virtual void clearData() = 0;
    /// Colours what the chart draws after palette (the axes are done by applyPalette()).
    virtual void applyColours(const QPalette &palette) = 0;

protected:
    /// Moves the legend from inside the axis rect to the header row, beside the title.
    void moveLegendToHeader();

    /// A percentile drawn as a line across the plot with a label.
    struct PercentileMark
    {
        double quantile = 0;
        QCPItemStraightLine *line = nullptr;
        QCPItemText *label = nullptr;
    };
    /// Lines and labels for quantiles, hidden until there is data.
    QList<PercentileMark> createMarks(const QList<double> &quantiles);
    static void hideMarks(const QList<PercentileMark> &marks);
    /// Dashed lines in the text colour, labels on a translucent backdrop readable over the data.
    static void colourMarks(const QList<PercentileMark> &marks, const QPalette &palette);
    /// The height of a mark's label in pixels, padding included.
    int markLabelHeight() const;
};
