// File › Open Results: a run made elsewhere (here a real `rafaga run --ndjson` against `rafaga
// serve`) shown in Results, Charts, the summary and Compare beside a run made in the window; and
// File › Export Run as Locust File.
#include "core/collection/collectionfile.h"
#include "core/engine/runcontroller.h"
#include "gui/charts/chartspanel.h"
#include "gui/charts/comparewidget.h"
#include "gui/mainwindow.h"
#include "gui/run/responseviewer.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/resultspane.h"
#include "gui/runfileflows.h"
#include "guitest.h"
#include "support/clitest.h"
#include "support/testcollections.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int RunSize = 2 * 3 * 2; // requests × rows × iterations

/// Status and Echo over three rows (the second answers 404, failing its assertion), twice.
QString writeCollection(const QTemporaryDir &dir)
{
    CollectionItem status = requestItem(QStringLiteral("Status"), QStringLiteral("GET"),
        QStringLiteral("{{rafagaServer}}/status/{{code}}"));
    status.request.assertions
        = {Assertion {Assertion::Kind::StatusEquals, QString(), QStringLiteral("200")}};
    CollectionItem echo = requestItem(
        QStringLiteral("Echo"), QStringLiteral("POST"), QStringLiteral("{{rafagaServer}}/echo"));
    echo.request.body.mode = Body::Mode::Json;
    echo.request.body.text = QStringLiteral(R"({"user": "{{user}}"})");
    Collection collection;
    collection.name = QStringLiteral("Elsewhere");
    collection.items = {status, echo};
    collection.run.concurrency = 3;
    collection.run.iterations = 2;
    collection.run.dataFile = QStringLiteral("users.csv");
    const QString path = dir.filePath(QStringLiteral("elsewhere.rafaga.json"));
    if (!writeFile(
            dir.filePath(QStringLiteral("users.csv")), "user,code\nann,200\nbob,404\ncy,200\n")
        || !writeFile(path, serializeCollection(collection)))
        return QString();
    return path;
}

/// Opens the collection and runs all of it in the window, against its own server.
bool runInWindow(MainWindow *window, const QString &collection)
{
    if (!window->openCollection(collection))
        return false;
    window->selectItem({0});
    QSignalSpy finished(window, &MainWindow::runFinished);
    window->runCollection();
    return finished.wait(60000);
}

QString resultsTabText(const MainWindow &window)
{
    const auto *tabs = window.findChild<QTabWidget *>();
    return tabs ? tabs->tabText(int(MainWindow::Tab::Results)) : QString();
}

double compareValue(const CompareWidget *compare, CompareWidget::Row row, int column)
{
    return compare->table()->item(row, column)->data(Qt::UserRole).toDouble();
}

} // namespace

class tst_RunFileFlows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_guard = std::make_unique<ModalGuard>(); }
    void cleanup();

    void aCliRunOpensBesideALocalRun();
    void aMalformedFileChangesNothing();
    void notDuringARun();
    void exportRunAsLocustFile();

private:
    std::unique_ptr<ModalGuard> m_guard;
};

void tst_RunFileFlows::cleanup()
{
    const QString dialogs = m_guard->unexpected();
    m_guard.reset();
    QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
}

void tst_RunFileFlows::aCliRunOpensBesideALocalRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString collection = writeCollection(dir);
    QVERIFY(!collection.isEmpty());
    CliTest::ServeProcess serve;
    QVERIFY(serve.start());
    const QString results = dir.filePath(QStringLiteral("results.ndjson"));
    const CliTest::Outcome cli = CliTest::rafaga({QStringLiteral("run"), collection,
        QStringLiteral("--var"), QStringLiteral("rafagaServer=") + serve.baseUrl(),
        QStringLiteral("--ndjson"), results, QStringLiteral("-q")});
    QVERIFY2(cli.exitCode == 1, cli.err.constData()); // the 404s fail their assertion
    QCOMPARE(readFile(results).count('\n'), RunSize);

    MainWindow window;
    window.show();
    QVERIFY(runInWindow(&window, collection));
    RunController *runs = window.runController();
    QList<quint16> localStatuses;
    for (int i = 0; i < RunSize; ++i)
        localStatuses.append(runs->results()->at(i).status);
    CompareWidget *compare = window.compareWidget();
    QCOMPARE(compare->runCount(), 1);

    // As File › Open Results does it: read in the background, then shown.
    QSignalSpy opened(window.runFiles(), &RunFileFlows::resultsOpened);
    window.runFiles()->openResults(results);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().at(1).toBool(), true);
    QCOMPARE(runs->origin(), QFileInfo(results).absoluteFilePath());
    QVERIFY(!runs->isActive());
    QCOMPARE(runs->size(), qint64(RunSize));

    // Results: every request, in order, with its data and statuses as the local run had them.
    const ResultsModel *model = window.resultsPane()->model();
    QCOMPARE(model->rowCount(), RunSize);
    QStringList headers;
    for (int column = 0; column < model->columnCount(); ++column)
        headers << model->headerData(column, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(QStringLiteral("data: user"))
            && headers.contains(QStringLiteral("data: code")),
        qPrintable(headers.join(QLatin1Char(','))));
    for (int i = 0; i < RunSize; ++i) {
        QCOMPARE(model->resultAt(i)->status, localStatuses.at(i));
        QCOMPARE(model->requestAt(i).name,
            i % 2 == 0 ? QStringLiteral("Status") : QStringLiteral("Echo"));
    }
    const RunStats stats = runs->statsSnapshot();
    QCOMPARE(stats.completed(), qint64(RunSize));
    QCOMPARE(stats.statusCodes().value(404), qint64(2));
    QCOMPARE(stats.statusCodes().value(200), qint64(RunSize - 2));
    QCOMPARE(stats.assertionsFailed(), qint64(2));
    QCOMPARE(resultsTabText(window), QStringLiteral("Results: results.ndjson"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("done"))->text(),
        QStringLiteral("%1 / %1").arg(RunSize));

    // The file holds no bodies: the response says so, not "the first 0 of N bytes".
    window.resultsPane()->table()->selectRow(0);
    const ResponseViewer *viewer = window.resultsPane()->viewer();
    QVERIFY(model->resultAt(0)->bytesReceived > 0);
    QVERIFY2(
        viewer->noteText().startsWith(QStringLiteral("The results file holds no response bodies")),
        qPrintable(viewer->noteText()));
    QCOMPARE(viewer->bodyText(), QStringLiteral("(not in the results file)"));

    // Charts: every result, by class.
    const ChartsPanel *charts = window.chartsPanel();
    QCOMPARE(charts->scatterPointsReceived(StatusClass::Success), qint64(RunSize - 2));
    QCOMPARE(charts->scatterPointsReceived(StatusClass::ClientError), qint64(2));

    // Finished and not re-runnable: Run runs the collection, Pause and Stop have nothing to do;
    // the file has no headers or bodies to resend.
    QVERIFY(findAction(&window, QStringLiteral("&Run"))->isEnabled());
    QVERIFY(!findAction(&window, QStringLiteral("S&top"))->isEnabled());
    QVERIFY(!findAction(&window, QStringLiteral("&Pause"))->isEnabled());
    const QList<QAction *> rowActions = window.resultsPane()->rowActions(0);
    QCOMPARE(rowActions.size(), 5);
    QVERIFY(rowActions.at(0)->isEnabled()); // Copy URL
    QVERIFY(!rowActions.at(2)->isEnabled()); // Resend
    qDeleteAll(rowActions);

    // Compare: the local run against the file's, req/s from the file's own elapsed time.
    QCOMPARE(compare->runCount(), 2);
    QVERIFY2(compare->runLabel(1).contains(QStringLiteral("results.ndjson")),
        qPrintable(compare->runLabel(1)));
    QCOMPARE(compare->baselineRun(), 0);
    QCOMPARE(compare->candidateRun(), 1);
    QCOMPARE(compareValue(compare, CompareWidget::RequestsRow, CompareWidget::BaselineColumn),
        double(RunSize));
    QCOMPARE(compareValue(compare, CompareWidget::RequestsRow, CompareWidget::CandidateColumn),
        double(RunSize));
    QVERIFY(runs->elapsedUs() > 0);
    QCOMPARE(compareValue(compare, CompareWidget::RateRow, CompareWidget::CandidateColumn),
        RunSize / (double(runs->elapsedUs()) / 1e6));

    // Its results export as a run's do.
    QString error;
    const QString json = dir.filePath(QStringLiteral("again.json"));
    QVERIFY2(window.exportResultsTo(json, ResultFormat::Json, &error), qPrintable(error));
    QCOMPARE(QJsonDocument::fromJson(readFile(json))
                 .object()
                 .value(QStringLiteral("results"))
                 .toArray()
                 .size(),
        RunSize);

    // The next run made here is the window's own again.
    QVERIFY(runInWindow(&window, collection));
    QVERIFY(runs->origin().isEmpty());
    QCOMPARE(resultsTabText(window), QStringLiteral("Results"));
    QCOMPARE(compare->runCount(), 3);
}

void tst_RunFileFlows::aMalformedFileChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString collection = writeCollection(dir);
    MainWindow window;
    window.show();
    QVERIFY(runInWindow(&window, collection));
    RunController *runs = window.runController();
    const ResultStore *store = runs->results();

    const QString bad = dir.filePath(QStringLiteral("bad.ndjson"));
    QVERIFY(writeFile(bad,
        "{\"index\": 0, \"method\": \"GET\", \"url\": \"http://127.0.0.1:1/\", \"status\": 200}\n"
        "{\"index\": \"one\"}\n"));
    // As File › Open Results does it: read in the background, then the warning.
    QSignalSpy opened(window.runFiles(), &RunFileFlows::resultsOpened);
    window.runFiles()->openResults(bad);
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().at(1).toBool(), false);
    const QStringList seen = m_guard->takeSeen();
    QCOMPARE(seen.size(), 1);
    QVERIFY2(seen.first().startsWith(QStringLiteral("Open Results: “bad.ndjson” was not opened"))
            && seen.first().contains(
                QStringLiteral("bad.ndjson:2: \"index\" must be a whole number from 0")),
        qPrintable(seen.first()));

    QString error;
    QVERIFY(
        !window.runFiles()->openResults(dir.filePath(QStringLiteral("missing.ndjson")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.ndjson")), qPrintable(error));

    // Nothing changed: the window's run is still shown, and Compare holds only it.
    QVERIFY(runs->origin().isEmpty());
    QCOMPARE(runs->results(), store);
    QCOMPARE(window.resultsPane()->model()->rowCount(), RunSize);
    QCOMPARE(window.compareWidget()->runCount(), 1);
    QCOMPARE(resultsTabText(window), QStringLiteral("Results"));
}

void tst_RunFileFlows::notDuringARun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Collection slow;
    slow.name = QStringLiteral("Slow");
    slow.items = {requestItem(QStringLiteral("Slow"), QStringLiteral("GET"),
        QStringLiteral("{{rafagaServer}}/delay/200"))};
    slow.run.concurrency = 1;
    slow.run.iterations = 20;
    const QString path = dir.filePath(QStringLiteral("slow.rafaga.json"));
    QVERIFY(writeFile(path, serializeCollection(slow)));
    const QString results = dir.filePath(QStringLiteral("one.ndjson"));
    QVERIFY(writeFile(results,
        "{\"index\": 0, \"method\": \"GET\", \"url\": \"http://127.0.0.1:1/\", "
        "\"status\": 200, \"latency_ms\": 1.5}\n"));

    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    window.runCollection();
    RunController *runs = window.runController();
    QVERIFY(runs->isActive());
    QString error;
    QVERIFY(!window.runFiles()->openResults(results, &error));
    QVERIFY2(error.contains(QStringLiteral("in progress")), qPrintable(error));
    QVERIFY(runs->origin().isEmpty());
    QSignalSpy finished(runs, &RunController::finished);
    runs->stop();
    QVERIFY(finished.wait(10000));

    // Once it has ended, the file opens: one result, however little it says.
    QVERIFY2(window.runFiles()->openResults(results, &error), qPrintable(error));
    QCOMPARE(runs->size(), qint64(1));
    QCOMPARE(window.resultsPane()->model()->rowCount(), 1);
}

void tst_RunFileFlows::exportRunAsLocustFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString collection = writeCollection(dir);
    Collection withSecret = parseCollection(readFile(collection), collection).value();
    withSecret.variables
        = {Variable {QStringLiteral("token"), QStringLiteral("s3cret-value"), true, true}};
    withSecret.items[0].request.headers = {KeyValue {
        QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"), true, QString()}};
    QVERIFY(writeFile(collection, serializeCollection(withSecret)));
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(collection));
    window.selectItem({0});
    // The run panel's settings, as the user left them.
    Collection edited = window.document()->collection();
    edited.run.concurrency = 7;
    window.document()->setCollectionSettings(edited, QStringLiteral("Edit run settings"));

    const QString path = dir.filePath(QStringLiteral("locustfile.py"));
    QString error;
    QString report;
    QVERIFY2(window.exportLocustFileTo(path, &error, &report), qPrintable(error));
    const QByteArray text = readFile(path);
    QVERIFY(text.contains("USERS = 7\n"));
    QVERIFY(text.contains("RAFAGA_SECRET_TOKEN"));
    QVERIFY(!text.contains("s3cret-value"));
    // One JSON line per request, in one Python string.
    const QByteArray opening = "REQUESTS = '''\\\n";
    const qsizetype requestsAt = text.indexOf(opening);
    QVERIFY(requestsAt >= 0);
    const qsizetype first = requestsAt + opening.size();
    const QByteArray requests = text.mid(first, text.indexOf("'''.split", first) - first);
    QCOMPARE(requests.count('\n'), RunSize);
    QVERIFY2(report.contains(QStringLiteral("2 requests × 3 rows × 2 iterations = 12 requests")),
        qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("RAFAGA_SECRET_TOKEN")), qPrintable(report));
    QVERIFY2(report.contains(window.serverUrl().toString()), qPrintable(report));
    if (QStandardPaths::findExecutable(QStringLiteral("locust")).isEmpty())
        QVERIFY2(report.contains(QStringLiteral("python3-locust")), qPrintable(report));

    // A run that cannot be built writes nothing and says why.
    CollectionItem broken = window.document()->collection().items.at(1);
    broken.request.url = QStringLiteral("{{nowhere}}/echo");
    window.document()->replaceItem({1}, broken, QStringLiteral("Break it"));
    const QString other = dir.filePath(QStringLiteral("other.py"));
    QVERIFY(!window.exportLocustFileTo(other, &error, &report));
    QVERIFY2(error.contains(QStringLiteral("nowhere")), qPrintable(error));
    QVERIFY(!QFile::exists(other));
}

int main(int argc, char *argv[])
{
    return runGuiTest<tst_RunFileFlows>(argc, argv, QStringLiteral("tst_runfileflows"));
}

#include "tst_runfileflows.moc"
