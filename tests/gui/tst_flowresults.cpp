// Flows in the workbench's run side, over the built-in server on loopback: what each response
// captured (secrets as ***), a failed capture's problem, a skipped request's reason, rows waiting
// on a capture while the run goes, the summary's counts, and the run plan's words.
#include "core/collection/collectionfile.h"
#include "core/collection/collectionsource.h"
#include "core/engine/runcontroller.h"
#include "core/server/httpserver.h"
#include "gui/mainwindow.h"
#include "gui/run/responseviewer.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/runpanel.h"
#include "gui/run/statuscolors.h"
#include "gui/run/summarystrip.h"
#include "guitest.h"
#include "support/testcollections.h"

#include <QFont>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using S = Capture::Source;

QString cell(const ResultsModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

bool italic(const ResultsModel &model, int row, int column)
{
    return model.data(model.index(row, column), Qt::FontRole).value<QFont>().italic();
}
} // namespace

class tst_FlowResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { m_guard = std::make_unique<ModalGuard>(); }
    void cleanup();
    void capturesProblemsAndSkipsAreShown();
    void waitingRowsReadAsWaiting();
    void planSaysWhatWaitsWithoutARepeatedTotal();

private:
    Collection collection(const QList<CollectionItem> &items) const;
    /// Starts a run of c over rows of the column "user" (none: one row) on controller.
    bool start(RunController *controller, const Collection &c, const QList<QStringList> &rows = {},
        int concurrency = 4);

    ServerThread m_server;
    std::unique_ptr<ModalGuard> m_guard;
};

void tst_FlowResults::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_FlowResults::cleanup()
{
    const QString dialogs = m_guard->unexpected();
    m_guard.reset();
    QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
}

Collection tst_FlowResults::collection(const QList<CollectionItem> &items) const
{
    Collection c;
    c.name = u"Flow"_s;
    c.variables = {{u"base"_s, m_server.baseUrl().toString(QUrl::StripTrailingSlash)}};
    c.items = items;
    return c;
}

bool tst_FlowResults::start(
    RunController *controller, const Collection &c, const QList<QStringList> &rows, int concurrency)
{
    CollectionSource::Plan plan;
    if (!rows.isEmpty()) {
        plan.dataColumns = {u"user"_s};
        plan.dataRows = rows;
    }
    const auto source = CollectionSource::create(c, plan);
    if (!source.ok()) {
        qWarning("%s", qPrintable(source.error().toString()));
        return false;
    }
    RunOptions options;
    options.concurrency = concurrency;
    controller->start(source.value(), options);
    return true;
}

void tst_FlowResults::capturesProblemsAndSkipsAreShown()
{
    // Log in as a user with a long name: the token (secret) and the user come back captured, a
    // third capture finds nothing. Create fails (500), so Read, which needs its slug, is skipped.
    const QString user = u"ann-with-a-name-long-enough-to-be-cut-short-in-a-line"_s;
    CollectionItem login = requestItem(u"Login"_s, u"POST"_s, u"{{base}}/login"_s);
    login.request.body.mode = Body::Mode::Json;
    login.request.body.text = u"{\"user\": \"%1\"}"_s.arg(user);
    login.request.captures = {{u"token"_s, S::JsonPath, u"token"_s},
        {u"who"_s, S::JsonPath, u"user"_s}, {u"nothing"_s, S::JsonPath, u"data.token"_s}};
    CollectionItem create = requestItem(u"Create"_s, u"POST"_s, u"{{base}}/status/500"_s);
    create.request.headers = {{u"X-Token"_s, u"{{token}}"_s, true, {}}};
    create.request.captures = {{u"slug"_s, S::JsonPath, u"slug"_s}};
    const CollectionItem read = requestItem(u"Read"_s, u"GET"_s, u"{{base}}/get?s={{slug}}"_s);
    Collection c = collection({login, create, read});
    c.variables.append({u"token"_s, {}, true, true}); // secret

    RunController runs;
    ResultsModel model;
    model.setController(&runs);
    SummaryStrip strip;
    strip.setController(&runs);
    QSignalSpy finished(&runs, &RunController::finished);
    QVERIFY(start(&runs, c));
    QVERIFY(finished.wait(30000));
    QCOMPARE(model.rowCount(), 3);
    const ResultStore &store = *runs.results();
    QCOMPARE(store.at(0).status, 200);
    const QString token = store.at(0).detail->captures.at(0).value;
    QVERIFY(token.startsWith(u"t"_s));

    // Login: the values, the secret as ***, the long one cut short but whole in the tooltip, and
    // the capture that found nothing with its problem.
    ResponseViewer viewer;
    viewer.setResult(store.at(0), model.requestAt(0));
    const QString captures = viewer.capturesText();
    QVERIFY2(captures.contains(u"captured token = ***"_s), qPrintable(captures));
    QVERIFY2(!captures.contains(token), qPrintable(captures));
    QVERIFY2(
        captures.contains(u"captured who = %1\u2026"_s.arg(user.left(31))), qPrintable(captures));
    QVERIFY2(!captures.contains(user), qPrintable(captures));
    QVERIFY2(captures.contains(u"nothing: no value at data.token"_s), qPrintable(captures));
    const QString tip = viewer.findChild<QLabel *>(u"captures"_s)->toolTip();
    QVERIFY2(tip.contains(u"who = "_s + user), qPrintable(tip));
    QVERIFY2(tip.contains(u"token = ***"_s) && !tip.contains(token), qPrintable(tip));

    // Create failed: nothing captured, and it says so.
    viewer.setResult(store.at(1), model.requestAt(1));
    QCOMPARE(viewer.capturesText(), u"slug not captured: the request did not succeed"_s);

    // Read was never sent: the viewer gives the reason plainly, the table its own look.
    const QString reason = u"needs {{slug}} from \"Create\", which failed: 500"_s;
    viewer.setResult(store.at(2), model.requestAt(2));
    QCOMPARE(viewer.statusText(), u"Not sent\n"_s + reason);
    QVERIFY(viewer.capturesText().isEmpty());
    QCOMPARE(cell(model, 2, ResultsModel::StatusColumn), u"skipped"_s);
    QCOMPARE(cell(model, 2, ResultsModel::ErrorColumn), reason);
    QCOMPARE(cell(model, 2, ResultsModel::StatusColumn, Qt::ToolTipRole), u"Not sent: "_s + reason);
    const QColor skipped
        = StatusColors::forUnanswered(Unanswered::Skipped, QApplication::palette());
    for (int column : {ResultsModel::NameColumn, ResultsModel::StatusColumn}) {
        QCOMPARE(model.data(model.index(2, column), Qt::ForegroundRole).value<QColor>(), skipped);
        QVERIFY(italic(model, 2, column));
    }
    QVERIFY(!italic(model, 1, ResultsModel::StatusColumn));
    QCOMPARE(strip.unsentText(), u"1 skipped"_s);
}

void tst_FlowResults::waitingRowsReadAsWaiting()
{
    // Each row's Use waits for its Slow request's capture; Free waits for nothing, so its rows
    // finish first and the table shows the waiting rows between them.
    CollectionItem slow = requestItem(u"Slow"_s, u"GET"_s, u"{{base}}/delay/20000"_s);
    slow.request.captures = {{u"d"_s, S::JsonPath, u"delay_ms"_s}};
    const CollectionItem use = requestItem(u"Use"_s, u"GET"_s, u"{{base}}/get?d={{d}}"_s);
    const CollectionItem free = requestItem(u"Free"_s, u"GET"_s, u"{{base}}/get"_s);
    RunController runs;
    ResultsModel model;
    model.setController(&runs);
    SummaryStrip strip;
    strip.setController(&runs);
    QVERIFY(start(&runs, collection({slow, use, free}), {{u"a"_s}, {u"b"_s}, {u"c"_s}}, 8));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 9, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip.unsentText(), u"3 waiting"_s, 10000);
    QVERIFY(runs.isActive());
    for (int row : {1, 4, 7}) {
        QVERIFY(!model.resultAt(row));
        QCOMPARE(cell(model, row, ResultsModel::StatusColumn), u"waiting for d"_s);
        QCOMPARE(cell(model, row, ResultsModel::StatusColumn, Qt::ToolTipRole),
            u"Not sent yet: waits for {{d}} from #%1 \"Slow\""_s.arg(row - 1));
        QVERIFY(italic(model, row, ResultsModel::StatusColumn));
        QCOMPARE(model.data(model.index(row, ResultsModel::StatusColumn), Qt::ForegroundRole)
                     .value<QColor>(),
            StatusColors::forUnanswered(Unanswered::Waiting, QApplication::palette()));
    }
    // Nothing completes while the slow requests are out, yet the strip's clock goes on.
    const QString elapsed = strip.elapsedText();
    const qint64 completed = runs.reportedCount();
    QTRY_VERIFY_WITH_TIMEOUT(strip.elapsedText() != elapsed, 5000);
    QCOMPARE(runs.reportedCount(), completed);
    // The slow requests themselves are in flight: pending, as any.
    QCOMPARE(cell(model, 0, ResultsModel::StatusColumn), u"pending"_s);
    QVERIFY(!italic(model, 0, ResultsModel::StatusColumn));
    QCOMPARE(cell(model, 2, ResultsModel::StatusColumn), u"200"_s);

    QSignalSpy finished(&runs, &RunController::finished);
    runs.stop();
    QVERIFY(finished.wait(10000));
    QVERIFY(strip.unsentText().isEmpty());
}

void tst_FlowResults::planSaysWhatWaitsWithoutARepeatedTotal()
{
    CollectionItem login = requestItem(u"Login"_s, u"POST"_s, u"{{rafagaServer}}/login"_s);
    login.request.captures = {{u"token"_s, S::JsonPath, u"token"_s}};
    CollectionItem create = requestItem(u"Create"_s, u"POST"_s, u"{{rafagaServer}}/items"_s);
    create.request.auth.type = Auth::Type::Bearer;
    create.request.auth.token = u"{{token}}"_s;
    create.request.captures = {{u"id"_s, S::JsonPath, u"id"_s}};
    CollectionItem read = requestItem(u"Read"_s, u"GET"_s, u"{{rafagaServer}}/items/{{id}}"_s);
    read.request.auth = create.request.auth;
    Collection c;
    c.name = u"Flow"_s;
    c.items = {login, create, read};
    c.run.concurrency = 5;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"flow.rafaga.json"_s);
    QVERIFY(writeFile(path, serializeCollection(c)));
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    auto *panel = window.findChild<RunPanel *>();
    QVERIFY(panel);
    QTRY_COMPARE(planText(panel), u"Run will send 3 requests; 2 wait on a capture, 5 at a time."_s);
}

int main(int argc, char *argv[])
{
    return runGuiTest<tst_FlowResults>(argc, argv, u"tst_flowresults"_s);
}

#include "tst_flowresults.moc"
