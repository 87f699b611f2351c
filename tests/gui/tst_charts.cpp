// The live charts, the summary strip and the run comparison, after real runs against the server.
#include "gui/charts/chartspanel.h"
#include "gui/charts/comparewidget.h"
#include "core/server/httpserver.h"
#include "core/engine/runcontroller.h"
#include "gui/run/summarystrip.h"

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "gui/charts/qcustomplot.h"

#include <cmath>

namespace {

qint64 pointCount(const QCPGraph *graph)
{
    return graph->data()->size();
}

double barsSum(const QCPBars *bars)
{
    double sum = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        sum += it->value;
    return sum;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    return palette;
}

} // namespace

class tst_Charts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartsMatchTheRun();
    void summaryStripShowsTheTotals();
    void thinningKeepsTheSlowestRequest();
    void aSlowFirstRequestDoesNotHoldTheScatterBack();
    void aNewRunStartsAfresh();
    void exportsPngAndPdf();
    void followsADarkPalette();
    void compareShowsBothRuns();
    void compareKeepsTheLastRuns();

private:
    std::shared_ptr<RequestList> requests(const QStringList &paths, qint64 repeat) const
    {
        QList<RequestSpec> specs;
        for (const QString &path : paths) {
            RequestSpec spec;
            spec.url = m_server.baseUrl().resolved(QUrl(path));
            specs.append(spec);
        }
        return std::make_shared<RequestList>(specs, repeat);
    }
    /// Runs to the end; false when it did not finish in time.
    bool run(
        RunController &controller, const std::shared_ptr<RequestList> &list, int concurrency = 10)
    {
        QSignalSpy finished(&controller, &RunController::finished);
        RunOptions options;
        options.concurrency = concurrency;
        controller.start(list, options);
        return finished.wait(60000);
    }
    static QStringList mixedPaths()
    {
        return {QStringLiteral("/delay/5"), QStringLiteral("/status/404"),
            QStringLiteral("/status/500"), QStringLiteral("/drop"), QStringLiteral("/get")};
    }

    ServerThread m_server;
};

void tst_Charts::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_Charts::chartsMatchTheRun()
{
    RunController controller;
    ChartsPanel charts;
    charts.setController(&controller);
    charts.resize(1200, 800);
    charts.show();
    QSignalSpy progressed(&controller, &RunController::progressed);
    QVERIFY(run(controller, requests(mixedPaths(), 300)));
    QVERIFY(progressed.count() >= 1);
    const ResultStore &store = *controller.results();
    const RunStats stats = controller.statsSnapshot();
    QCOMPARE(stats.completed(), qint64(1500));

    // The scatter: one point per result, in the graph of its status class.
    qint64 expected[StatusClassCount] = {};
    for (qint64 i = 0; i < store.size(); ++i) {
        const Result &result = store.at(i);
        ++expected[int(StatusColors::classFor(result.status, result.error))];
    }
    // Every class of the mix is there (a few answers may be lost with a dropped connection).
    for (StatusClass present : {StatusClass::Success, StatusClass::ClientError,
             StatusClass::ServerError, StatusClass::TransportError})
        QVERIFY(expected[int(present)] >= 250);
    qint64 total = 0;
    for (int c = 0; c < StatusClassCount; ++c) {
        const StatusClass statusClass = StatusClass(c);
        QCOMPARE(charts.scatterPointsReceived(statusClass), expected[c]);
        QVERIFY(!charts.isScatterThinned(statusClass));
        QCOMPARE(pointCount(charts.scatterGraph(statusClass)), expected[c]);
        total += pointCount(charts.scatterGraph(statusClass));
    }
    QCOMPARE(total, stats.completed());
    // Keys are finish times in seconds, values latencies in ms, sorted by key.
    const QCPGraph *success = charts.scatterGraph(StatusClass::Success);
    double previous = 0;
    for (auto it = success->data()->constBegin(); it != success->data()->constEnd(); ++it) {
        QVERIFY(it->key >= previous);
        previous = it->key;
        QVERIFY(it->value > 0);
        QVERIFY(it->value * 1000 <= double(stats.latency().max()) * 1.0001);
    }
    QVERIFY(previous <= double(stats.lastFinishedUs()) / 1e6 + 1e-9);
    // Legend entries only for the classes present (2xx, 4xx, 5xx, errors; no 3xx).
    QCOMPARE(charts.latencyPlot()->legend->itemCount(), 4);

    // Percentile lines carry the statistics' values.
    QStringList percentileLabels;
    for (int i = 0; i < charts.latencyPlot()->itemCount(); ++i) {
        if (auto *text = qobject_cast<QCPItemText *>(charts.latencyPlot()->item(i)))
            percentileLabels << text->text();
    }
    QVERIFY2(percentileLabels.contains(QStringLiteral("p99 ")
                 + SummaryStrip::formatLatencyUs(stats.latency().quantile(0.99))),
        qPrintable(percentileLabels.join(QLatin1Char('|'))));

    // The histogram's bars add up to the histogram's count.
    QCOMPARE(qint64(barsSum(charts.histogramBars())), stats.latency().count());
    QVERIFY(charts.histogramBars()->data()->size() <= ChartsPanel::HistogramMaxBins);

    // Per-second bars add up to the completed results, the failed part to the failures.
    QCOMPARE(
        qint64(barsSum(charts.succeededPerSecondBars()) + barsSum(charts.failedPerSecondBars())),
        stats.completed());
    QCOMPARE(qint64(barsSum(charts.failedPerSecondBars())), stats.failed());
    QCOMPARE(charts.succeededPerSecondBars()->data()->size(), int(stats.perSecond().size()));
    double maxInFlight = 0;
    for (auto it = charts.inFlightGraph()->data()->constBegin();
         it != charts.inFlightGraph()->data()->constEnd(); ++it)
        maxInFlight = qMax(maxInFlight, it->value);
    QCOMPARE(int(maxInFlight), stats.maxInFlight());

    // The status breakdown: one row per code, then one per transport error, counts as recorded.
    const QStringList rows = charts.statusRowLabels();
    QStringList expectedRows;
    for (auto it = stats.statusCodes().cbegin(); it != stats.statusCodes().cend(); ++it)
        expectedRows << QString::number(it.key());
    for (int category = 1; category < ErrorCategoryCount; ++category) {
        if (stats.errorCount(ErrorCategory(category)) > 0)
            expectedRows << errorCategoryName(ErrorCategory(category));
    }
    QCOMPARE(rows, expectedRows);
    QCOMPARE(rows.mid(0, 3),
        (QStringList {QStringLiteral("200"), QStringLiteral("404"), QStringLiteral("500")}));
    QVERIFY(rows.contains(errorCategoryName(ErrorCategory::ConnectionClosed)));
    QMap<QString, double> shown;
    for (int c = 0; c < StatusClassCount; ++c) {
        const QCPBars *bars = charts.statusBars(StatusClass(c));
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            shown[rows.at(int(it->key))] = it->value;
    }
    for (auto it = stats.statusCodes().cbegin(); it != stats.statusCodes().cend(); ++it)
        QCOMPARE(qint64(shown.value(QString::number(it.key()))), it.value());
    QCOMPARE(qint64(shown.value(errorCategoryName(ErrorCategory::ConnectionClosed))),
        stats.errorCount(ErrorCategory::ConnectionClosed));
    // Coloured by class: 404 is drawn by the 4xx bars.
    QCOMPARE(charts.statusBars(StatusClass::ClientError)->data()->size(), 1);
    QCOMPARE(charts.statusBars(StatusClass::ClientError)->data()->constBegin()->key, 1.0);
}

void tst_Charts::summaryStripShowsTheTotals()
{
    RunController controller;
    SummaryStrip strip;
    strip.setController(&controller);
    QCOMPARE(strip.doneText(), QStringLiteral("0 / 0"));
    QVERIFY(run(controller, requests(mixedPaths(), 40)));
    const RunStats stats = controller.statsSnapshot();
    const QLocale locale;
    QCOMPARE(strip.doneText(),
        QStringLiteral("%1 / %2").arg(locale.toString(200), locale.toString(200)));
    QCOMPARE(strip.progressBar()->value(), strip.progressBar()->maximum());
    // 404, 500 and /drop fail; a neighbour of a dropped connection may fail with it.
    QVERIFY(stats.failed() >= 120);
    QCOMPARE(strip.errorsText(), QStringLiteral("%1 errors").arg(locale.toString(stats.failed())));
    QVERIFY(strip.percentilesText().contains(
        SummaryStrip::formatLatencyUs(stats.latency().quantile(0.95))));
    const double rate = SummaryStrip::ratePerSecond(200, controller.elapsedUs());
    QCOMPARE(strip.rateText(), QStringLiteral("%1 req/s").arg(locale.toString(rate, 'f', 0)));
    QCOMPARE(strip.elapsedText(), SummaryStrip::formatElapsedUs(controller.elapsedUs()));
    // Errors are coloured; none are not.
    const QLabel *errors = strip.findChild<QLabel *>(QStringLiteral("errors"));
    QVERIFY(errors);
    QCOMPARE(errors->palette().color(QPalette::WindowText),
        StatusColors::forClass(StatusClass::ServerError, strip.palette()));
    QVERIFY(run(controller, requests({QStringLiteral("/get")}, 10)));
    QCOMPARE(
        errors->palette().color(QPalette::WindowText), strip.palette().color(QPalette::WindowText));
}

void tst_Charts::thinningKeepsTheSlowestRequest()
{
    RunController controller;
    ChartsPanel charts;
    charts.setScatterThinningThreshold(200);
    charts.setController(&controller);
    // Mostly fast answers and a few slow ones: the slow ones must stay visible when thinned.
    QStringList paths(19, QStringLiteral("/get"));
    paths << QStringLiteral("/delay/60");
    QVERIFY(run(controller, requests(paths, 60), 20));
    const RunStats stats = controller.statsSnapshot();
    QCOMPARE(charts.scatterPointsReceived(StatusClass::Success), qint64(1200));
    QVERIFY(charts.isScatterThinned(StatusClass::Success));
    const QCPGraph *graph = charts.scatterGraph(StatusClass::Success);
    QVERIFY(pointCount(graph) < 1200);
    QVERIFY(pointCount(graph) > 0);
    // The slowest request's grid cell holds a point: within one row (1/30 decade) of it.
    double highest = 0;
    double lowest = 1e12;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        highest = qMax(highest, it->value);
        lowest = qMin(lowest, it->value);
    }
    const double row = std::pow(10.0, 1.0 / ChartsPanel::ScatterRowsPerDecade);
    QVERIFY2(highest * row >= double(stats.latency().max()) / 1000,
        qPrintable(
            QStringLiteral("%1 ms shown, %2 µs max").arg(highest).arg(stats.latency().max())));
    QVERIFY(lowest <= double(stats.latency().min()) / 1000 * row);
}

void tst_Charts::aSlowFirstRequestDoesNotHoldTheScatterBack()
{
    RunController controller;
    ChartsPanel charts;
    charts.setController(&controller);
    QSignalSpy finished(&controller, &RunController::finished);
    QStringList paths(200, QStringLiteral("/get"));
    paths.prepend(QStringLiteral("/delay/3000"));
    RunOptions options;
    options.concurrency = 4;
    controller.start(requests(paths, 1), options);
    // The ordered prefix stays empty until the first request ends; the scatter does not wait.
    QTRY_VERIFY_WITH_TIMEOUT(charts.scatterPointsReceived(StatusClass::Success) == 200, 2500);
    QCOMPARE(controller.results()->orderedCount(), qint64(0));
    QCOMPARE(pointCount(charts.scatterGraph(StatusClass::Success)), qint64(200));
    QVERIFY(finished.wait(10000));
    QCOMPARE(charts.scatterPointsReceived(StatusClass::Success), qint64(201));
    // Sorted by finish time although the slow one came last.
    const QCPGraph *graph = charts.scatterGraph(StatusClass::Success);
    QVERIFY(std::is_sorted(graph->data()->constBegin(), graph->data()->constEnd(),
                           qcpLessThanSortKey<QCPGraphData>));
    QVERIFY((graph->data()->constEnd() - 1)->value >= 3000);
}

void tst_Charts::aNewRunStartsAfresh()
{
    RunController controller;
    ChartsPanel charts;
    charts.setController(&controller);
    QVERIFY(run(controller, requests(mixedPaths(), 20)));
    QCOMPARE(charts.scatterPointsReceived(StatusClass::ServerError), qint64(20));
    QVERIFY(run(controller, requests({QStringLiteral("/status/404")}, 7)));
    QCOMPARE(charts.scatterPointsReceived(StatusClass::ServerError), qint64(0));
    QCOMPARE(pointCount(charts.scatterGraph(StatusClass::ServerError)), qint64(0));
    QCOMPARE(pointCount(charts.scatterGraph(StatusClass::ClientError)), qint64(7));
    QCOMPARE(charts.statusRowLabels(), QStringList {QStringLiteral("404")});
    QCOMPARE(qint64(barsSum(charts.histogramBars())), qint64(7));
}

void tst_Charts::exportsPngAndPdf()
{
    RunController controller;
    ChartsPanel charts;
    charts.setController(&controller);
    QVERIFY(run(controller, requests(mixedPaths(), 40)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;

    const QString png = dir.filePath(QStringLiteral("charts.png"));
    QVERIFY2(charts.exportPng(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(2800, 1800));
    // Not a blank canvas: the charts drew something besides the background.
    const QRgb background = image.pixel(1, 1);
    int different = 0;
    for (int y = 0; y < image.height(); y += 10) {
        for (int x = 0; x < image.width(); x += 10)
            different += image.pixel(x, y) != background;
    }
    QVERIFY2(different > 1000, qPrintable(QString::number(different)));

    const QString pdf = dir.filePath(QStringLiteral("charts.pdf"));
    QVERIFY2(charts.exportPdf(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 10000);
    QVERIFY(file.read(5) == "%PDF-");

    QVERIFY(!charts.exportPng(dir.filePath(QStringLiteral("missing/dir/charts.png")), &error));
    QVERIFY(!error.isEmpty());
}

void tst_Charts::followsADarkPalette()
{
    ChartsPanel charts;
    CompareWidget compare;
    const QPalette dark = darkPalette();
    charts.setPalette(dark);
    compare.setPalette(dark);
    QCOMPARE(
        charts.latencyPlot()->axisRect()->backgroundBrush().color(), dark.color(QPalette::Base));
    QCOMPARE(charts.statusPlot()->xAxis->tickLabelColor(), dark.color(QPalette::WindowText));
    QCOMPARE(charts.scatterGraph(StatusClass::Success)->pen().color(),
        StatusColors::forClass(StatusClass::Success, dark));
    QVERIFY(charts.scatterGraph(StatusClass::Success)->pen().color()
        != StatusColors::forClass(StatusClass::Success, QPalette()));
    QCOMPARE(compare.plot()->xAxis->labelColor(), dark.color(QPalette::WindowText));
}

void tst_Charts::compareShowsBothRuns()
{
    RunController controller;
    QVERIFY(run(controller, requests({QStringLiteral("/delay/2"), QStringLiteral("/get")}, 60)));
    const RunStats before = controller.statsSnapshot();
    const qint64 beforeUs = controller.elapsedUs();
    QVERIFY(run(controller,
        requests({QStringLiteral("/delay/30"), QStringLiteral("/delay/30"),
                     QStringLiteral("/status/500")},
            20)));
    const RunStats after = controller.statsSnapshot();
    const qint64 afterUs = controller.elapsedUs();

    CompareWidget compare;
    compare.addRun(QStringLiteral("before"), before, RunOptions(), beforeUs);
    compare.addRun(QStringLiteral("after"), after, RunOptions(), afterUs);
    QCOMPARE(compare.runCount(), 2);
    QCOMPARE(compare.baselineRun(), 0);
    QCOMPARE(compare.candidateRun(), 1);

    // Both histograms drawn, named after their runs, as shares adding up to 100%.
    for (auto column : {CompareWidget::BaselineColumn, CompareWidget::CandidateColumn}) {
        const QCPGraph *graph = compare.histogramGraph(column);
        QVERIFY(graph->visible());
        QVERIFY(graph->data()->size() > 2);
        double share = 0;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            share += it->value;
        QVERIFY(qAbs(share - 100) < 1e-6);
    }
    QVERIFY(compare.histogramGraph(CompareWidget::BaselineColumn)
                ->name()
                .contains(QStringLiteral("before")));
    QVERIFY(compare.histogramGraph(CompareWidget::CandidateColumn)
                ->name()
                .contains(QStringLiteral("after")));
    QCOMPARE(compare.plot()->legend->itemCount(), 2);

    // The table holds the statistics' own numbers, and B - A.
    const QTableWidget *table = compare.table();
    const struct
    {
        CompareWidget::Row row;
        double a;
        double b;
    } expected[] = {
        {CompareWidget::RequestsRow, 120, 60},
        {CompareWidget::MinRow, double(before.latency().min()), double(after.latency().min())},
        {CompareWidget::P50Row, before.latency().quantile(0.5), after.latency().quantile(0.5)},
        {CompareWidget::P90Row, before.latency().quantile(0.9), after.latency().quantile(0.9)},
        {CompareWidget::P95Row, before.latency().quantile(0.95), after.latency().quantile(0.95)},
        {CompareWidget::P99Row, before.latency().quantile(0.99), after.latency().quantile(0.99)},
        {CompareWidget::P999Row, before.latency().quantile(0.999), after.latency().quantile(0.999)},
        {CompareWidget::MaxRow, double(before.latency().max()), double(after.latency().max())},
        {CompareWidget::MeanRow, before.latency().mean(), after.latency().mean()},
        {CompareWidget::RateRow, 120 * 1e6 / double(beforeUs), 60 * 1e6 / double(afterUs)},
        {CompareWidget::ErrorsRow, 0, 20},
    };
    for (const auto &row : expected) {
        const QString name = CompareWidget::rowName(row.row);
        QCOMPARE(table->verticalHeaderItem(row.row)->text(), name);
        QCOMPARE(table->item(row.row, CompareWidget::BaselineColumn)->data(Qt::UserRole).toDouble(),
            row.a);
        QCOMPARE(
            table->item(row.row, CompareWidget::CandidateColumn)->data(Qt::UserRole).toDouble(),
            row.b);
        QCOMPARE(
            table->item(row.row, CompareWidget::DifferenceColumn)->data(Qt::UserRole).toDouble(),
            row.b - row.a);
        QVERIFY(!table->item(row.row, CompareWidget::BaselineColumn)->text().isEmpty());
    }
    // B is slower and fails: worse in red, on p50 and errors; the request count is neither.
    const QColor worse = StatusColors::forClass(StatusClass::ServerError, compare.palette());
    QCOMPARE(table->item(CompareWidget::P50Row, CompareWidget::ChangeColumn)->foreground().color(),
        worse);
    QCOMPARE(table->item(CompareWidget::ErrorsRow, CompareWidget::DifferenceColumn)
                 ->foreground()
                 .color(),
        worse);
    QCOMPARE(table->item(CompareWidget::RequestsRow, CompareWidget::ChangeColumn)
                 ->data(Qt::ForegroundRole),
        QVariant());

    // Swapping the runs makes the same difference better, in green.
    compare.setComparedRuns(1, 0);
    const QColor better = StatusColors::forClass(StatusClass::Success, compare.palette());
    QCOMPARE(table->item(CompareWidget::P50Row, CompareWidget::ChangeColumn)->foreground().color(),
        better);
    QCOMPARE(table->item(CompareWidget::P50Row, CompareWidget::BaselineColumn)
                 ->data(Qt::UserRole)
                 .toDouble(),
        after.latency().quantile(0.5));
    // Picking through the combo boxes does the same.
    compare.findChild<QComboBox *>(QStringLiteral("candidate"))->setCurrentIndex(1);
    QCOMPARE(table->item(CompareWidget::P50Row, CompareWidget::DifferenceColumn)
                 ->data(Qt::UserRole)
                 .toDouble(),
        0.0);
}

void tst_Charts::compareKeepsTheLastRuns()
{
    CompareWidget compare;
    compare.setMaxRuns(3);
    for (int i = 0; i < 5; ++i)
        compare.addRun(QStringLiteral("run %1").arg(i), RunStats(), RunOptions());
    QCOMPARE(compare.runCount(), 3);
    QCOMPARE(compare.runLabel(0), QStringLiteral("run 2"));
    QCOMPARE(compare.candidateRun(), 2);
    QCOMPARE(compare.baselineRun(), 1);
    // Empty runs compare without dividing by zero.
    QCOMPARE(compare.table()
                 ->item(CompareWidget::P50Row, CompareWidget::CandidateColumn)
                 ->data(Qt::UserRole)
                 .toDouble(),
        0.0);
}

QTEST_MAIN(tst_Charts)
#include "tst_charts.moc"
