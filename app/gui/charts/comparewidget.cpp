// Two finished runs side by side: overlaid latency histograms and percentiles with differences.
#include "gui/charts/comparewidget.h"

#include "core/stats/latencybins.h"
#include "gui/charts/chartplot.h"
#include "gui/run/statuscolors.h"
#include "gui/run/summarystrip.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace {

/// Differences smaller than the histogram's accuracy are noise, not better or worse.
constexpr double NoiseShare = Histogram::RelativeAccuracy;

QColor runColour(int run, const QPalette &palette)
{
    // Blue and orange: told apart with the common colour-vision deficiencies, on light and dark.
    static constexpr QRgb colours[2][2] = {{0x0969da, 0x58a6ff}, {0xbc4c00, 0xe3a13b}};
    return QColor::fromRgb(colours[run][StatusColors::isDark(palette) ? 1 : 0]);
}

bool isLatencyRow(CompareWidget::Row row)
{
    return row >= CompareWidget::MinRow && row <= CompareWidget::MeanRow;
}

} // namespace

CompareWidget::CompareWidget(QWidget *parent)
    : QWidget(parent)
{
    m_baseline = new QComboBox;
    m_baseline->setObjectName(QStringLiteral("baseline"));
    m_candidate = new QComboBox;
    m_candidate->setObjectName(QStringLiteral("candidate"));
    for (QComboBox *combo : {m_baseline, m_candidate}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(24);
        connect(combo, &QComboBox::currentIndexChanged, this, &CompareWidget::updateComparison);
    }
    auto *swap = new QToolButton;
    swap->setText(tr("Swap"));
    swap->setToolTip(tr("Swap the baseline and the candidate"));
    connect(swap, &QToolButton::clicked, this,
        [this] { setComparedRuns(candidateRun(), baselineRun()); });

    auto *pickers = new QHBoxLayout;
    pickers->addWidget(new QLabel(tr("Baseline (A):")));
    pickers->addWidget(m_baseline);
    pickers->addWidget(swap);
    pickers->addWidget(new QLabel(tr("Candidate (B):")));
    pickers->addWidget(m_candidate);
    pickers->addStretch(1);

    m_details = new QLabel;
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    createPlot();
    createTable();

    auto *tableColumn = new QVBoxLayout;
    tableColumn->addWidget(m_table);
    tableColumn->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addWidget(m_plot, 1);
    body->addLayout(tableColumn);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(m_details);
    layout->addLayout(body, 1);

    applyColours();
    updateComparison();
}

void CompareWidget::createPlot()
{
    const QFontMetrics metrics = fontMetrics();
    m_plot = new QCustomPlot;
    m_plot->setMinimumSize(metrics.averageCharWidth() * 50, metrics.height() * 16);
    m_plot->setFont(font());
    m_plot->xAxis->setLabel(tr("Latency (ms, log scale)"));
    m_plot->yAxis->setLabel(tr("Share of requests (%)"));
    ChartPlot::makeLogAxis(m_plot->xAxis);
    m_plot->xAxis->setRange(0.1, 100);
    m_plot->yAxis->setRange(0, 1);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (QCPGraph *&graph : m_graphs) {
        graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsStepLeft);
    }
}

void CompareWidget::createTable()
{
    const QFontMetrics metrics = fontMetrics();
    m_table = new QTableWidget(RowCount, ColumnCount);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setHorizontalHeaderLabels(
        {tr("Baseline (A)"), tr("Candidate (B)"), tr("Difference"), tr("Change")});
    QStringList rowNames;
    for (int row = 0; row < RowCount; ++row)
        rowNames << rowName(Row(row));
    m_table->setVerticalHeaderLabels(rowNames);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + metrics.height() / 2);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (int row = 0; row < RowCount; ++row) {
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    // Every row without scrolling, and no empty grid below them: there are only a few.
    m_table->setFixedHeight(m_table->verticalHeader()->defaultSectionSize() * RowCount
        + m_table->horizontalHeader()->sizeHint().height() + m_table->frameWidth() * 2);
}

void CompareWidget::addRun(
    const QString &label, const RunStats &stats, const RunOptions &options, qint64 durationUs)
{
    m_runs.append({label, stats, options, durationUs >= 0 ? durationUs : stats.lastFinishedUs()});
    while (m_runs.size() > m_maxRuns)
        m_runs.removeFirst();
    fillCombos();
    setComparedRuns(runCount() - 2, runCount() - 1);
}

void CompareWidget::clearRuns()
{
    m_runs.clear();
    fillCombos();
    updateComparison();
}

void CompareWidget::setMaxRuns(int count)
{
    m_maxRuns = qMax(2, count);
    if (m_runs.size() <= m_maxRuns)
        return;
    const int baseline = baselineRun();
    const int candidate = candidateRun();
    const int dropped = int(m_runs.size()) - m_maxRuns;
    m_runs.remove(0, dropped);
    fillCombos();
    setComparedRuns(baseline - dropped, candidate - dropped);
}

void CompareWidget::setComparedRuns(int baseline, int candidate)
{
    const int last = runCount() - 1;
    {
        // One update for both changes, not one per combo.
        const QSignalBlocker blockBaseline(m_baseline);
        const QSignalBlocker blockCandidate(m_candidate);
        m_baseline->setCurrentIndex(qBound(qMin(0, last), baseline, last));
        m_candidate->setCurrentIndex(qBound(qMin(0, last), candidate, last));
    }
    updateComparison();
}

int CompareWidget::baselineRun() const
{
    return m_baseline->currentIndex();
}

int CompareWidget::candidateRun() const
{
    return m_candidate->currentIndex();
}

QCPGraph *CompareWidget::histogramGraph(Column run) const
{
    return run == BaselineColumn ? m_graphs[0] : run == CandidateColumn ? m_graphs[1] : nullptr;
}

void CompareWidget::fillCombos()
{
    const QSignalBlocker blockBaseline(m_baseline);
    const QSignalBlocker blockCandidate(m_candidate);
    for (QComboBox *combo : {m_baseline, m_candidate}) {
        combo->clear();
        for (const Entry &entry : std::as_const(m_runs)) {
            combo->addItem(entry.label);
            combo->setItemData(combo->count() - 1, describe(entry), Qt::ToolTipRole);
        }
        combo->setEnabled(m_runs.size() > 1);
    }
}

QString CompareWidget::describe(const Entry &entry)
{
    const QLocale locale;
    QString text = tr("%1: %n requests, concurrency %2", nullptr, int(entry.stats.completed()))
                       .arg(entry.label, locale.toString(entry.options.concurrency));
    if (entry.options.rate > 0)
        text += tr(", rate %1/s").arg(locale.toString(entry.options.rate));
    return text;
}

void CompareWidget::updateComparison()
{
    const int a = baselineRun();
    const int b = candidateRun();
    const Entry *baseline = a >= 0 && a < runCount() ? &m_runs.at(a) : nullptr;
    const Entry *candidate = b >= 0 && b < runCount() ? &m_runs.at(b) : nullptr;
    if (!candidate)
        m_details->setText(tr("No finished runs yet. Each run of this session is kept here."));
    else if (runCount() < 2)
        m_details->setText(tr("%1. Run again to compare two runs.").arg(describe(*candidate)));
    else
        m_details->setText(tr("A = %1\nB = %2").arg(describe(*baseline), describe(*candidate)));
    updateHistograms(baseline, candidate);
    updateTable(baseline, candidate);
}

void CompareWidget::updateHistograms(const Entry *baseline, const Entry *candidate)
{
    // One set of bins over both runs' range, so that the bars line up.
    int first = -1;
    int last = -1;
    for (const Entry *entry : {baseline, candidate}) {
        if (!entry)
            continue;
        const auto [from, to] = LatencyBins::usedBuckets(entry->stats.latency());
        if (from < 0)
            continue;
        first = first < 0 ? from : qMin(first, from);
        last = qMax(last, to);
    }
    double highest = 1;
    double lower = 0.1;
    double upper = 100;
    const Entry *entries[2] = {baseline, candidate};
    for (int run = 0; run < 2; ++run) {
        QCPGraph *graph = m_graphs[run];
        const Entry *entry = entries[run];
        graph->data()->clear();
        graph->setVisible(entry != nullptr);
        if (!entry) {
            graph->removeFromLegend();
            continue;
        }
        graph->addToLegend();
        graph->setName((run == 0 ? tr("A: %1") : tr("B: %1")).arg(entry->label));
        const Histogram &latency = entry->stats.latency();
        const QList<LatencyBins::Bin> bins
            = LatencyBins::regroup(latency, first, last, LatencyBins::DefaultMaxBins);
        if (bins.isEmpty() || latency.count() == 0)
            continue;
        lower = bins.constFirst().lowerMs;
        upper = bins.constLast().upperMs;
        // A step outline closed at both ends: up at the first bin, down after the last one.
        QList<QCPGraphData> steps;
        steps.append(QCPGraphData(bins.constFirst().lowerMs, 0));
        for (const LatencyBins::Bin &bin : bins) {
            const double share = 100.0 * double(bin.count) / double(latency.count());
            steps.append(QCPGraphData(bin.lowerMs, share));
            highest = qMax(highest, share);
        }
        steps.append(QCPGraphData(bins.constLast().upperMs, 0));
        graph->data()->set(steps, true);
    }
    if (upper / lower < 10) { // at least a decade, as in the live histogram
        const double widen = std::sqrt(10 / (upper / lower));
        lower /= widen;
        upper *= widen;
    }
    m_plot->xAxis->setRange(lower / 1.2, upper * 1.2);
    m_plot->yAxis->setRange(0, highest * 1.15);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CompareWidget::updateTable(const Entry *baseline, const Entry *candidate)
{
    const QPalette palette = this->palette();
    const QColor better = StatusColors::forClass(StatusClass::Success, palette);
    const QColor worse = StatusColors::forClass(StatusClass::ServerError, palette);
    const QLocale locale;
    for (int r = 0; r < RowCount; ++r) {
        const Row row = Row(r);
        QTableWidgetItem *cells[ColumnCount];
        for (int column = 0; column < ColumnCount; ++column) {
            cells[column] = m_table->item(r, column);
            cells[column]->setText(QString());
            cells[column]->setData(Qt::UserRole, QVariant());
            cells[column]->setData(Qt::ForegroundRole, QVariant());
        }
        const Entry *entries[2] = {baseline, candidate};
        for (int run = 0; run < 2; ++run) {
            if (!entries[run])
                continue;
            const double value = rowValue(row, entries[run]->stats, entries[run]->durationUs);
            cells[run]->setData(Qt::UserRole, value);
            cells[run]->setText(formatValue(row, value));
        }
        if (!baseline || !candidate || runCount() < 2)
            continue;
        const double a = cells[BaselineColumn]->data(Qt::UserRole).toDouble();
        const double b = cells[CandidateColumn]->data(Qt::UserRole).toDouble();
        const double difference = b - a;
        const QString sign = difference > 0 ? QStringLiteral("+")
            : difference < 0                ? QString(QChar(0x2212)) // minus sign
                                            : QString();
        cells[DifferenceColumn]->setData(Qt::UserRole, difference);
        cells[DifferenceColumn]->setText(sign + formatValue(row, std::abs(difference)));
        double change = 0;
        if (a != 0) {
            change = 100.0 * difference / a;
            cells[ChangeColumn]->setData(Qt::UserRole, change);
            cells[ChangeColumn]->setText(
                tr("%1%2 %").arg(sign, locale.toString(std::abs(change), 'f', 1)));
        } else {
            cells[ChangeColumn]->setText(tr("–"));
        }
        // Lower is better for latencies and errors, higher for throughput; requests are neither.
        int verdict = 0; // +1 better, -1 worse
        if (isLatencyRow(row) || row == RateRow) {
            if (a != 0 && std::abs(change) > NoiseShare * 100)
                verdict = (difference < 0) == isLatencyRow(row) ? 1 : -1;
        } else if (row == ErrorsRow && difference != 0) {
            verdict = difference < 0 ? 1 : -1;
        }
        if (verdict != 0) {
            for (int column : {DifferenceColumn, ChangeColumn})
                cells[column]->setForeground(verdict > 0 ? better : worse);
            const QString tip = verdict > 0 ? tr("B is better") : tr("B is worse");
            cells[DifferenceColumn]->setToolTip(tip);
            cells[ChangeColumn]->setToolTip(tip);
        } else {
            cells[DifferenceColumn]->setToolTip(QString());
            cells[ChangeColumn]->setToolTip(QString());
        }
    }
    // Column headers name the runs compared.
    m_table->horizontalHeaderItem(BaselineColumn)
        ->setText(baseline ? tr("A: %1").arg(baseline->label) : tr("Baseline (A)"));
    m_table->horizontalHeaderItem(CandidateColumn)
        ->setText(candidate ? tr("B: %1").arg(candidate->label) : tr("Candidate (B)"));
}

double CompareWidget::rowValue(Row row, const RunStats &stats, qint64 durationUs)
{
    const Histogram &latency = stats.latency();
    switch (row) {
    case RequestsRow:
        return double(stats.completed());
    case MinRow:
        return double(latency.min());
    case P50Row:
        return latency.quantile(0.50);
    case P90Row:
        return latency.quantile(0.90);
    case P95Row:
        return latency.quantile(0.95);
    case P99Row:
        return latency.quantile(0.99);
    case P999Row:
        return latency.quantile(0.999);
    case MaxRow:
        return double(latency.max());
    case MeanRow:
        return latency.mean();
    case RateRow:
        return SummaryStrip::ratePerSecond(stats.completed(), durationUs);
    case ErrorsRow:
        return double(stats.failed());
    case RowCount:
        break;
    }
    return 0;
}

QString CompareWidget::rowName(Row row)
{
    switch (row) {
    case RequestsRow:
        return tr("Requests");
    case MinRow:
        return tr("Min");
    case P50Row:
        return tr("p50");
    case P90Row:
        return tr("p90");
    case P95Row:
        return tr("p95");
    case P99Row:
        return tr("p99");
    case P999Row:
        return tr("p99.9");
    case MaxRow:
        return tr("Max");
    case MeanRow:
        return tr("Mean");
    case RateRow:
        return tr("Req/s");
    case ErrorsRow:
        return tr("Errors");
    case RowCount:
        break;
    }
    return QString();
}

QString CompareWidget::formatValue(Row row, double value) const
{
    if (isLatencyRow(row))
        return SummaryStrip::formatLatencyUs(value);
    if (row == RateRow)
        return QLocale().toString(value, 'f', 1);
    return QLocale().toString(qint64(std::llround(value)));
}

void CompareWidget::applyColours()
{
    const QPalette palette = this->palette();
    ChartPlot::applyPalette(m_plot, palette);
    m_plot->legend->setBrush(palette.brush(QPalette::Base));
    m_plot->legend->setTextColor(palette.color(QPalette::Text));
    for (int run = 0; run < 2; ++run) {
        const QColor colour = runColour(run, palette);
        m_graphs[run]->setPen(QPen(colour, 2));
        QColor fill = colour;
        fill.setAlphaF(0.25f);
        m_graphs[run]->setBrush(fill);
    }
}

void CompareWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        updateComparison(); // the better/worse colours are per palette too
    }
}
