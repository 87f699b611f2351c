// The workbench as a newcomer meets it (issue 14): the demo's Send, Stop's words, the window's
// size, the keyboard, the results table, the charts, state after New and Stop, the first minute.
#include "core/collection/collectionfile.h"
#include "core/engine/runcontroller.h"
#include "gui/charts/chartspanel.h"
#include "gui/charts/latencyhistogramchart.h"
#include "gui/charts/latencyscatterchart.h"
#include "gui/charts/throughputchart.h"
#include "gui/collection/collectiondocument.h"
#include "gui/collection/methodbadge.h"
#include "gui/editors/keyvaluetable.h"
#include "gui/editors/requesteditor.h"
#include "gui/fileflows.h"
#include "gui/mainwindow.h"
#include "gui/run/responseviewer.h"
#include "gui/run/resultsfilterproxy.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/resultspane.h"
#include "gui/run/runpanel.h"
#include "gui/windowsettings.h"
#include "guitest.h"
#include "support/testcollections.h"

#include <QClipboard>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <cmath>

namespace {

/// One request to /delay/100, 40 times, two at a time: long enough to stop in the middle.
QString writeSlowCollection(const QTemporaryDir &dir)
{
    Collection collection;
    collection.name = QStringLiteral("Slow");
    collection.items = {requestItem(QStringLiteral("Slow"), QStringLiteral("GET"),
        QStringLiteral("{{rafagaServer}}/delay/100"))};
    collection.run.concurrency = 2;
    collection.run.iterations = 40;
    const QString path = dir.filePath(QStringLiteral("slow.rafaga.json"));
    return writeFile(path, serializeCollection(collection)) ? path : QString();
}

/// Runs the open collection to its end.
bool runToTheEnd(MainWindow *window)
{
    QSignalSpy finished(window, &MainWindow::runFinished);
    window->runCollection();
    return finished.wait(60000);
}

QRectF labelRect(QCPItemText *label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
}

bool isOneTwoFive(double tick)
{
    const double mantissa = tick / std::pow(10.0, std::floor(std::log10(tick) + 1e-9));
    return std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6
        || std::abs(mantissa - 5) < 1e-6;
}

} // namespace

class tst_Workbench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_guard = std::make_unique<ModalGuard>(); }
    void cleanup();

    void sendUsesADataRowAndSaysWhich();
    void flowRowsShowWhatWasSent();
    void dataColumnsAreDefinedVariables();
    void ctrlEnterSendsFromTheUrlField();
    void everyShortcutHasOneOwner();
    void stopSaysWhatWasNotSent();
    void runTheOthersSkipsWhatCannotBeBuilt();
    void theWindowFitsASmallScreen();
    void tabLeavesTablesAndRunComesFirst();
    void resultsColumnsCountAndRowMenu();
    void chartsLabelsTicksAndPartialSecond();
    void stateAfterNewPauseAndQuit();
    void theFirstMinute();
    void urlQueryAndParamsStayInStep();

private:
    std::unique_ptr<ModalGuard> m_guard;
};

void tst_Workbench::cleanup()
{
    const QString dialogs = m_guard->unexpected();
    m_guard.reset();
    QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
}

void tst_Workbench::sendUsesADataRowAndSaysWhich()
{
    // Before: "unresolved variable {{id}}" in a dialog, for every request of the demo.
    MainWindow window;
    window.show();
    QVERIFY(window.openDemo());
    window.selectItem({0}); // "Get a greeting", which uses {{id}} from the data set
    auto *rows = window.findChild<QComboBox *>(QStringLiteral("dataRow"));
    QVERIFY(rows && rows->isVisible());
    QCOMPARE(rows->currentIndex(), 0);
    QSignalSpy sent(&window, &MainWindow::sendFinished);
    window.sendCurrentRequest();
    QVERIFY(sent.wait(10000));
    QCOMPARE(window.resultsPane()->viewer()->statusText().left(3), QStringLiteral("200"));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("data row 1 of")),
        qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.resultsPane()->viewer()->bodyText().contains(QStringLiteral("\"1\"")));

    // Another row, chosen beside Send.
    rows->setCurrentIndex(1);
    Q_EMIT rows->activated(1);
    window.sendCurrentRequest();
    QVERIFY(sent.wait(10000));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("data row 2 of")));
    QVERIFY(window.resultsPane()->viewer()->bodyText().contains(QStringLiteral("\"2\"")));
}

void tst_Workbench::dataColumnsAreDefinedVariables()
{
    // Before: {{id}} was red and "not defined" although the data set defines it.
    MainWindow window;
    QVERIFY(window.openDemo());
    window.selectItem({0});
    auto *editor = window.findChild<RequestEditor *>();
    QVERIFY(editor->urlEdit()->text().contains(QStringLiteral("{{id}}")));
    QVERIFY(editor->urlEdit()->isDefined(QStringLiteral("id")));
    QVERIFY(editor->urlEdit()->isDefined(QStringLiteral("api")));
    QVERIFY(!editor->urlEdit()->isDefined(QStringLiteral("nowhere")));
}

void tst_Workbench::ctrlEnterSendsFromTheUrlField()
{
    // Before: two actions shared Ctrl+Return and Qt ran neither ("Ambiguous shortcut overload").
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemo());
    window.selectItem({0});
    auto *url = window.findChild<RequestEditor *>()->urlEdit();
    url->setFocus();
    QTRY_VERIFY(url->hasFocus());
    QSignalSpy sent(&window, &MainWindow::sendFinished);
    QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(sent.wait(10000));
}

void tst_Workbench::everyShortcutHasOneOwner()
{
    MainWindow window;
    QMultiHash<QKeySequence, QString> owners;
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (QAction *action : actions) {
        // Context-bound ones (the tree's Delete, a table's Delete) own keys only in their widget.
        if (action->shortcutContext() == Qt::WidgetWithChildrenShortcut
            || action->shortcutContext() == Qt::WidgetShortcut)
            continue;
        for (const QKeySequence &key : action->shortcuts())
            owners.insert(key, action->text());
    }
    for (const QKeySequence &key : owners.uniqueKeys())
        QVERIFY2(owners.count(key) == 1,
            qPrintable(key.toString() + QStringLiteral(": ")
                + QStringList(owners.values(key)).join(QStringLiteral(", "))));
    // The keys the issue asks for, and the list that shows them.
    QStringList listed;
    for (QAction *action : window.shortcutActions())
        listed << action->text();
    for (const QString &name : {QStringLiteral("&Pause"), QStringLiteral("Save &As…"),
             QStringLiteral("&Import Collection (Replaces the Open One)…"),
             QStringLiteral("Go to &URL"), QStringLiteral("Se&nd Request")})
        QVERIFY2(listed.contains(name), qPrintable(name));
    QVERIFY(findAction(&window, QStringLiteral("&Keyboard Shortcuts")));
}

void tst_Workbench::runTheOthersSkipsWhatCannotBeBuilt()
{
    // Before: one request with an unresolved variable kept every other from running.
    m_guard.reset(); // this test answers the dialog itself
    QTemporaryDir dir;
    Collection collection;
    collection.name = QStringLiteral("Partly broken");
    collection.items = {requestItem(QStringLiteral("Good"), QStringLiteral("GET"),
                            QStringLiteral("{{rafagaServer}}/get")),
        requestItem(QStringLiteral("Bad"), QStringLiteral("GET"),
            QStringLiteral("{{rafagaServer}}/get?t={{nope}}"))};
    collection.run.iterations = 3;
    const QString path = dir.filePath(QStringLiteral("broken.rafaga.json"));
    QVERIFY(writeFile(path, serializeCollection(collection)));
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    QString offered;
    QTimer answer;
    connect(&answer, &QTimer::timeout, &window, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().startsWith(QLatin1String("Run the Other"))) {
                offered = button->text();
                button->click();
                return;
            }
        }
        box->reject();
    });
    answer.start(20);
    QVERIFY(runToTheEnd(&window));
    answer.stop();
    QCOMPARE(offered, QStringLiteral("Run the Other 3"));
    ResultsModel *model = window.resultsPane()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    int skipped = 0;
    for (int row = 0; row < 6; ++row) {
        const Result *result = model->resultAt(row);
        QVERIFY(result);
        if (result->error == ErrorCategory::Skipped) {
            ++skipped;
            QVERIFY(result->errorMessage().contains(QLatin1String("{{nope}}")));
        } else {
            QCOMPARE(result->status, quint16(200));
        }
    }
    QCOMPARE(skipped, 3);
    m_guard = std::make_unique<ModalGuard>();
}

void tst_Workbench::stopSaysWhatWasNotSent()
{
    QTemporaryDir dir;
    const QString path = writeSlowCollection(dir);
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    RunController *runs = window.runController();
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.runCollection();
    QTRY_VERIFY(runs->results() && runs->results()->completedCount() >= 4);
    runs->stop();
    QVERIFY(finished.wait(20000));
    const RunStats stats = runs->statsSnapshot();
    QVERIFY(stats.notSent() > 0);
    // Before: "N succeeded, M failed", the unsent counted as failures.
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("stopped at %1 of 40").arg(stats.completed())),
        qPrintable(message));
    QVERIFY2(
        message.contains(QStringLiteral("%1 not sent").arg(stats.notSent())), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("failed")));

    // Failures only lists no unsent or cancelled request; "Not sent" is its own filter.
    ResultsFilterProxy *proxy = window.resultsPane()->proxy();
    QTRY_COMPARE(window.resultsPane()->model()->rowCount(), 40);
    proxy->setErrorsOnly(true);
    QCOMPARE(proxy->rowCount(), 0);
    proxy->setErrorsOnly(false);
    proxy->setNotSentShown(false);
    QCOMPARE(proxy->rowCount(), int(stats.completed()));
    QVERIFY(window.resultsPane()->countText().contains(QStringLiteral("of 40")));
}

void tst_Workbench::theWindowFitsASmallScreen()
{
    // Before: 785 × 832 at least (the charts' minimum sizes): no 1366 × 768 screen could hold it.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showTab(MainWindow::Tab::Charts);
    const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
    QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 640,
        qPrintable(QStringLiteral("%1 × %2").arg(minimum.width()).arg(minimum.height())));
    window.resize(1024, 640);
    QTRY_COMPARE(window.size(), QSize(1024, 640));

    // A place saved on a screen that is gone is not restored.
    window.move(50000, 50000);
    WindowSettings::save(&window, QString());
    MainWindow restored;
    QVERIFY(WindowSettings::isOnAScreen(restored.geometry()));
}

void tst_Workbench::tabLeavesTablesAndRunComesFirst()
{
    // Before: Tab went round the Params table's cells for ever.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemo());
    window.selectItem({0});
    auto *editor = window.findChild<RequestEditor *>();
    auto *params = editor->findChild<KeyValueTable *>();
    QVERIFY(params);
    auto *table = params->findChild<QTableWidget *>();
    table->setFocus();
    table->setCurrentCell(0, 1);
    QTRY_VERIFY(table->isAncestorOf(QApplication::focusWidget()) || table->hasFocus());
    // Ctrl+Tab steps within the table, to the next cell and on to the next row.
    const int last = table->columnCount() - 1;
    table->setCurrentCell(0, last - 1);
    QTest::keyClick(table, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(table->currentColumn(), last);
    QTest::keyClick(table, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(table->currentRow(), 1 % table->rowCount()); // the last cell wraps to the first
    QCOMPARE(table->currentColumn(), 0);
    QTest::keyClick(table, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(table->currentRow(), 0);
    QCOMPARE(table->currentColumn(), last);
    QVERIFY(table->hasFocus());
    table->setCurrentCell(0, 1);
    bool left = false;
    for (int press = 0; press < 30 && !left; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCoreApplication::processEvents();
        QWidget *focus = QApplication::focusWidget();
        left = focus && focus != table && !table->isAncestorOf(focus);
    }
    QVERIFY(left);

    // In the run panel, Run is the first stop.
    auto *panel = window.findChild<RunPanel *>();
    QWidget *first = nullptr;
    for (QWidget *w = panel->nextInFocusChain(); w != panel && !first; w = w->nextInFocusChain()) {
        if (panel->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus))
            first = w;
    }
    auto *button = qobject_cast<QToolButton *>(first);
    QVERIFY(button && button->defaultAction());
    QCOMPARE(button->defaultAction()->text(), QStringLiteral("&Run"));
}

void tst_Workbench::resultsColumnsCountAndRowMenu()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openDemo());
    QVERIFY(runToTheEnd(&window));
    ResultsModel *model = window.resultsPane()->model();
    QTRY_VERIFY(model->rowCount() > 0);
    // What the run measured comes right after the name; the data set after it, marked as data.
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Status"));
    QCOMPARE(model->headerData(ResultsModel::ColumnCount, Qt::Horizontal).toString(),
        QStringLiteral("data: id"));
    QCOMPARE(ResultsModel::compactSize(211, QLocale::c()), QStringLiteral("211 B"));
    QCOMPARE(ResultsModel::compactSize(1234, QLocale::c()), QStringLiteral("1.2 kB"));
    const int all = model->rowCount();
    QVERIFY(window.resultsPane()->countText().startsWith(QString::number(all)));
    window.resultsPane()->proxy()->setText(QStringLiteral("Create user"));
    QTRY_VERIFY(window.resultsPane()->countText().contains(QStringLiteral(" of %1").arg(all)));

    const QList<QAction *> actions = window.resultsPane()->rowActions(0);
    QCOMPARE(actions.size(), 5);
    actions.at(0)->trigger(); // Copy URL
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("http://")));
    actions.at(1)->trigger(); // Copy as curl
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("curl")));
    QSignalSpy sent(&window, &MainWindow::sendFinished);
    actions.at(2)->trigger(); // Resend
    QVERIFY(sent.wait(10000));
    QVERIFY(actions.at(4)->isEnabled()); // Save Response Body…
    qDeleteAll(actions);

    // The body as kept, written whole; an unwritable place is named with the reason.
    const Result *result = model->resultAt(window.resultsPane()->proxy()->sourceRow(0));
    QVERIFY(result && result->detail && !result->detail->bodySample.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("body.json"));
    QCOMPARE(window.resultsPane()->saveBody(0, path), QString());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), result->detail->bodySample);
    const QString bad = dir.filePath(QStringLiteral("no/such/folder/body.json"));
    QVERIFY(window.resultsPane()->saveBody(0, bad).contains(bad));
}

void tst_Workbench::chartsLabelsTicksAndPartialSecond()
{
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openDemo());
    window.showTab(MainWindow::Tab::Charts);
    QVERIFY(runToTheEnd(&window));
    ChartsPanel *charts = window.chartsPanel();
    auto *scatter = qobject_cast<LatencyScatterChart *>(charts->latencyPlot());
    auto *histogram = qobject_cast<LatencyHistogramChart *>(charts->histogramPlot());
    auto *throughput = qobject_cast<ThroughputChart *>(charts->throughputPlot());
    QVERIFY(scatter && histogram && throughput);
    for (QCustomPlot *plot : {charts->latencyPlot(), charts->histogramPlot()})
        plot->replot(QCustomPlot::rpImmediateRefresh);

    // Percentile labels: p50, p95, p99 on both latency charts, apart, inside the plot.
    for (const QList<QCPItemText *> &labels :
        {scatter->percentileLabels(), histogram->percentileLabels()}) {
        QCOMPARE(labels.size(), 3);
        const QRect rect = labels.first()->parentPlot()->axisRect()->rect();
        QStringList names;
        for (int i = 0; i < labels.size(); ++i) {
            names << labels.at(i)->text().section(QLatin1Char(' '), 0, 0);
            const QRectF r = labelRect(labels.at(i));
            QVERIFY2(r.top() >= rect.top() - 1, qPrintable(labels.at(i)->text()));
            for (int j = 0; j < i; ++j)
                QVERIFY2(!r.intersects(labelRect(labels.at(j))),
                    qPrintable(
                        labels.at(i)->text() + QStringLiteral(" / ") + labels.at(j)->text()));
        }
        QCOMPARE(names,
            (QStringList {QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")}));
    }
    // Log-axis labels a label apart at least: a short axis shows fewer (before: 100, 50, 10 and 5
    // on top of each other on a 70-pixel axis).
    for (const QCPAxis *axis : {scatter->yAxis, histogram->xAxis}) {
        const QFontMetrics metrics(axis->tickLabelFont());
        const int label = axis->orientation() == Qt::Vertical
            ? metrics.height()
            : metrics.horizontalAdvance(QStringLiteral("500"));
        const QVector<double> shown = axis->tickVector();
        for (qsizetype i = 1; i < shown.size(); ++i) {
            const double gap
                = qAbs(axis->coordToPixel(shown[i]) - axis->coordToPixel(shown[i - 1]));
            QVERIFY2(gap >= label,
                qPrintable(QStringLiteral("%1 and %2: %3 px apart, a label takes %4")
                               .arg(shown[i - 1])
                               .arg(shown[i])
                               .arg(gap)
                               .arg(label)));
        }
    }
    // The run panel fits its column: nothing to scroll sideways for at 1366 × 768.
    auto *runPanel = window.findChild<RunPanel *>();
    QVERIFY(runPanel && runPanel->parentWidget());
    auto *runScroll = qobject_cast<QScrollArea *>(runPanel->parentWidget()->parentWidget());
    QVERIFY(runScroll);
    QVERIFY2(!runScroll->horizontalScrollBar()->isVisible(),
        qPrintable(QStringLiteral("run panel %1 px wide in %2")
                       .arg(runPanel->minimumSizeHint().width())
                       .arg(runScroll->viewport()->width())));

    // 1-2-5 ticks, at most eight, on a range that holds every latency.
    const QCPAxis *latencyAxis = scatter->yAxis;
    const QVector<double> ticks = latencyAxis->tickVector();
    QVERIFY(ticks.size() >= 2 && ticks.size() <= 8);
    for (double tick : ticks)
        QVERIFY2(isOneTwoFive(tick), qPrintable(QString::number(tick)));
    const RunStats stats = window.runController()->statsSnapshot();
    const Histogram &latency = stats.latency();
    QVERIFY(latencyAxis->range().lower < double(latency.min()) / 1000.0);
    QVERIFY(latencyAxis->range().upper > double(latency.max()) / 1000.0);

    // No failure bar of height 0 (it drew a red cap), and the last, partial second is marked.
    const QSharedPointer<QCPBarsDataContainer> failed = charts->failedPerSecondBars()->data();
    for (auto it = failed->constBegin(); it != failed->constEnd(); ++it)
        QVERIFY(it->value > 0);
    const qint64 lastUs = stats.lastFinishedUs();
    QCOMPARE(throughput->isLastSecondMarkedPartial(), (lastUs % 1000000) < 950000);
}

void tst_Workbench::stateAfterNewPauseAndQuit()
{
    QTemporaryDir dir;
    const QString path = writeSlowCollection(dir);
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    window.selectItem({0});
    QSignalSpy sent(&window, &MainWindow::sendFinished);
    window.sendCurrentRequest();
    QVERIFY(sent.wait(10000));
    ResponseViewer *viewer = window.resultsPane()->viewer();
    QVERIFY(!viewer->isEmpty());

    // A run starts afresh: the single Send's response is not shown beside its rows.
    RunController *runs = window.runController();
    window.runCollection();
    QTRY_VERIFY(viewer->isEmpty());
    QTRY_VERIFY(runs->results() && runs->results()->completedCount() >= 2);
    runs->pause();
    QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Paused")));

    // Quitting during a run asks first (the guard says No).
    window.close();
    QVERIFY(window.isVisible());
    const QStringList asked = m_guard->takeSeen();
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().startsWith(QStringLiteral("Quit During a Run")));
    QSignalSpy finished(&window, &MainWindow::runFinished);
    runs->stop();
    QVERIFY(finished.wait(20000));

    // The menus say the rules: import replaces, curl adds, export ignores the filter; dialogs
    // start in the collection's folder.
    QVERIFY(findAction(&window, QStringLiteral("&Import Collection (Replaces the Open One)…")));
    QVERIFY(findAction(&window, QStringLiteral("Add Request from &curl Command…")));
    QVERIFY(findAction(&window, QStringLiteral("&Export Results (All, Unfiltered)")));
    QCOMPARE(window.findChild<FileFlows *>()->startFolder(), dir.path());

    // New: another collection, no response from the old one.
    window.sendCurrentRequest();
    QVERIFY(sent.wait(10000));
    QVERIFY(!viewer->isEmpty());
    window.document()->undoStack()->setClean();
    window.findChild<FileFlows *>()->newCollection();
    QVERIFY(viewer->isEmpty());
}

void tst_Workbench::theFirstMinute()
{
    QSettings().remove(QStringLiteral("hints/firstStartSeen"));
    {
        MainWindow first;
        first.show();
        QVERIFY(first.findChild<QLabel *>(QStringLiteral("firstStartHint"))->isVisible());
    }
    MainWindow window;
    window.show();
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("firstStartHint"))->isVisible());

    // Run and Stop in the toolbar, not only in the run panel.
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("collectionToolbar"));
    QVERIFY(toolbar->actions().contains(findAction(&window, QStringLiteral("&Run"))));
    QVERIFY(toolbar->actions().contains(findAction(&window, QStringLiteral("S&top"))));

    // Method badges as tall as a line, their text no smaller than 9 px (before: ~6 px).
    QTreeView *tree = nullptr;
    for (QTreeView *view : window.findChildren<QTreeView *>())
        tree = view->isVisible() ? view : tree;
    QVERIFY(tree);
    QCOMPARE(tree->iconSize(), MethodBadge::size());
    QVERIFY(MethodBadge::textPixelSize() >= 9);

    // New requests are named after their method and path, and follow them.
    window.findChild<FileFlows *>()->newCollection();
    const CollectionItem *item = window.document()->itemAt({0});
    QCOMPARE(item->name, QStringLiteral("GET /get"));
    auto *url = window.findChild<RequestEditor *>()->urlEdit();
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("{{rafagaServer}}/status/204"));
    QCOMPARE(window.document()->itemAt({0})->name, QStringLiteral("GET /status/204"));
    window.document()->undoStack()->setClean();

    // The environment list ends in "Manage…"; the curl box wraps a long command.
    QComboBox *environment = nullptr;
    for (QComboBox *box : window.findChild<RunPanel *>()->findChildren<QComboBox *>()) {
        if (box->findData(QStringLiteral("\x01manage")) >= 0)
            environment = box;
    }
    QVERIFY(environment);
    QCOMPARE(environment->itemText(environment->count() - 1), QStringLiteral("Manage…"));
    std::unique_ptr<QInputDialog> curl(window.findChild<FileFlows *>()->createCurlDialog());
    auto *box = curl->findChild<QPlainTextEdit *>();
    QVERIFY(box);
    QCOMPARE(box->lineWrapMode(), QPlainTextEdit::WidgetWidth);
}

void tst_Workbench::urlQueryAndParamsStayInStep()
{
    MainWindow window;
    window.show();
    window.findChild<FileFlows *>()->newCollection();
    auto *editor = window.findChild<RequestEditor *>();
    auto *url = editor->urlEdit();
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("{{rafagaServer}}/get?a=1&b=two"));
    auto *tabs = editor->findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
    auto *params = qobject_cast<KeyValueTable *>(tabs->widget(0));
    QVERIFY(params);
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/get?a=1&b=two"));
    const QList<KeyValue> rows = params->rows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).key, QStringLiteral("a"));
    QCOMPARE(rows.at(1).value, QStringLiteral("two"));
    // The document keeps the query in the URL, not twice.
    QCOMPARE(window.document()->itemAt({0})->request.url,
        QStringLiteral("{{rafagaServer}}/get?a=1&b=two"));
    QVERIFY(window.document()->itemAt({0})->request.params.isEmpty());

    // Editing the table rewrites the query.
    auto *table = params->findChild<QTableWidget *>();
    table->item(1, 2)->setText(QStringLiteral("three"));
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/get?a=1&b=three"));
    window.document()->undoStack()->setClean();
}

int main(int argc, char *argv[])
{
    return runGuiTest<tst_Workbench>(argc, argv, QStringLiteral("tst_workbench"));
}

void tst_Workbench::flowRowsShowWhatWasSent()
{
    // Log in, create an item, read it: the last request's URL is made from a captured id.
    QTemporaryDir dir;
    Collection collection;
    collection.name = QStringLiteral("Flow");
    CollectionItem login = requestItem(
        QStringLiteral("Login"), QStringLiteral("POST"), QStringLiteral("{{rafagaServer}}/login"));
    login.request.body.mode = Body::Mode::Json;
    login.request.body.text = QStringLiteral("{\"user\": \"ann\"}");
    login.request.captures
        = {{QStringLiteral("token"), Capture::Source::JsonPath, QStringLiteral("token"), true}};
    CollectionItem create = requestItem(
        QStringLiteral("Create"), QStringLiteral("POST"), QStringLiteral("{{rafagaServer}}/items"));
    create.request.auth.type = Auth::Type::Bearer;
    create.request.auth.token = QStringLiteral("{{token}}");
    create.request.captures
        = {{QStringLiteral("id"), Capture::Source::JsonPath, QStringLiteral("id"), true}};
    CollectionItem read = requestItem(QStringLiteral("Read"), QStringLiteral("GET"),
        QStringLiteral("{{rafagaServer}}/items/{{id}}"));
    read.request.auth = create.request.auth;
    collection.items = {login, create, read};
    const QString path = dir.filePath(QStringLiteral("flow.rafaga.json"));
    QVERIFY(writeFile(path, serializeCollection(collection)));
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    // The tree marks the requests that capture, and what they capture; names stay names.
    QTreeView *tree = nullptr;
    for (QTreeView *view : window.findChildren<QTreeView *>())
        tree = view->isVisible() ? view : tree;
    QVERIFY(tree);
    const QModelIndex first = tree->model()->index(0, 0);
    QCOMPARE(first.data().toString(), QStringLiteral("Login  \u21e2 token"));
    QCOMPARE(first.data(Qt::EditRole).toString(), QStringLiteral("Login"));
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Captures token")));
    QCOMPARE(tree->model()->index(2, 0).data().toString(), QStringLiteral("Read"));
    QVERIFY(runToTheEnd(&window));
    ResultsModel *model = window.resultsPane()->model();
    QTRY_COMPARE(model->rowCount(), 3);
    QVERIFY(model->resultAt(2));
    QCOMPARE(model->resultAt(2)->status, 200);
    // What the table shows, what the row menu's Resend and Copy as curl take.
    const QRegularExpression sent(QStringLiteral("/items/\\d+$"));
    const QString shown = model->index(2, ResultsModel::UrlColumn).data().toString();
    QVERIFY2(sent.match(shown).hasMatch(), qPrintable(shown));
    const QString taken = model->requestAt(2).url.toString();
    QVERIFY2(sent.match(taken).hasMatch(), qPrintable(taken));
}

#include "tst_workbench.moc"
