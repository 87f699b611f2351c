// The whole workbench as a user drives it, against its in-process server; no dialog ever opens.
#include "core/collection/collectionfile.h"
#include "core/collection/runplan.h"
#include "core/engine/runcontroller.h"
#include "gui/charts/comparewidget.h"
#include "gui/collection/collectionmodel.h"
#include "gui/editors/bodyeditor.h"
#include "gui/editors/keyvaluetable.h"
#include "gui/editors/requesteditor.h"
#include "gui/mainwindow.h"
#include "gui/run/responseviewer.h"
#include "gui/run/resultsfilterproxy.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/resultspane.h"
#include "gui/run/runpanel.h"
#include "gui/run/summarystrip.h"
#include "guitest.h"
#include "support/testcollections.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <utility>

namespace {

/// A request outside any folder, and a folder "API" of two requests over a data set of three
/// rows (one with a quoted comma, one whose status fails), run twice.
Collection folderRunCollection()
{
    CollectionItem echo = requestItem(
        QStringLiteral("Echo"), QStringLiteral("POST"), QStringLiteral("{{rafagaServer}}/echo"));
    echo.request.headers
        = {KeyValue {QStringLiteral("X-User"), QStringLiteral("{{user}}"), true, QString()}};
    echo.request.body.mode = Body::Mode::Json;
    echo.request.body.text = QStringLiteral(R"({"user": "{{user}}"})");
    echo.request.assertions = {Assertion {Assertion::Kind::JsonPathEquals,
        QStringLiteral("headers.x-user"), QStringLiteral("{{user}}")}};
    CollectionItem status = requestItem(QStringLiteral("Status"), QStringLiteral("GET"),
        QStringLiteral("{{rafagaServer}}/status/{{code}}"));
    status.request.assertions
        = {Assertion {Assertion::Kind::StatusEquals, QString(), QStringLiteral("200")}};

    Collection collection;
    collection.name = QStringLiteral("Folder run");
    collection.items = {requestItem(QStringLiteral("Outside"), QStringLiteral("GET"),
                            QStringLiteral("{{rafagaServer}}/get")),
        folderItem(QStringLiteral("API"), {echo, status})};
    collection.run.concurrency = 4;
    collection.run.iterations = 2;
    collection.run.dataFile = QStringLiteral("users.csv");
    return collection;
}

const QStringList Users {
    QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol, jr")};
const QStringList Codes {QStringLiteral("200"), QStringLiteral("404"), QStringLiteral("200")};
const QByteArray UsersCsv = "user,code\r\nalice,200\r\nbob,404\r\n\"carol, jr\",200\r\n";
constexpr int FolderRunSize = 2 * 3 * 2; // requests × rows × iterations

/// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

/// The response's header value, whatever case the server gave its name.
QString headerValue(const QJsonObject &headers, const QString &name)
{
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().toString();
    }
    return QString();
}

/// Where two collections differ, as the first differing line of their files; empty when equal.
QString collectionDifference(const Collection &actual, const Collection &expected)
{
    if (actual == expected)
        return QString();
    const QList<QByteArray> a = serializeCollection(actual).split('\n');
    const QList<QByteArray> b = serializeCollection(expected).split('\n');
    for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i) {
        if (a.value(i) != b.value(i))
            return QStringLiteral("line %1: actual \"%2\", expected \"%3\"")
                .arg(i + 1)
                .arg(QString::fromUtf8(a.value(i)).trimmed(),
                    QString::fromUtf8(b.value(i)).trimmed());
    }
    return QStringLiteral("the collections differ in something the file does not hold");
}

#define COMPARE_COLLECTIONS(actual, expected)                                                      \
    QVERIFY2((actual) == (expected), qPrintable(collectionDifference((actual), (expected))))

QString strippedTabText(const QTabWidget *tabs, int index)
{
    return tabs->tabText(index).remove(QLatin1Char('&'));
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void buildARequestInTheEditorAndSendIt();
    void runAFolderOverADataSet();
    void planDescribesTheSelectedFolder();
    void planNotesAFileFromTheWorkingDirectory();
    void orderIsARunSetting();
    void saveReopenAndCompare();
    void undoAndRedoFollowTheEditorAndTheModifiedFlag();
    void exportResultsThroughTheGuiCodePath();
    void exportWithoutARunIsRefused();
    void unsavedEditsAreNeverLost();
    void openingAMissingFileWarnsAndKeepsTheDocument();
    void demoRunsToCompletion();
    void compareReceivesEveryFinishedRun();
    void pauseResumeAndStopThroughTheActions();

private:
    /// Writes the folder-run collection and its data set into a new temporary folder.
    QString writeFolderRunFixture(QTemporaryDir *dir) const;
    /// Opens path, selects the folder "API" and runs it to the end.
    bool runFolder(MainWindow *window, const QString &path) const;

    std::unique_ptr<ModalGuard> m_guard;
};

void tst_MainWindow::initTestCase()
{
    // main() pointed HOME at a temporary folder: nothing a test writes may land in the user's
    // real settings or data folder.
    const QString home = QDir::homePath();
    QVERIFY(QStandardPaths::isTestModeEnabled());
    QVERIFY2(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).startsWith(home),
        qPrintable(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY2(QSettings().fileName().startsWith(home), qPrintable(QSettings().fileName()));
}

void tst_MainWindow::init()
{
    m_guard = std::make_unique<ModalGuard>();
}

void tst_MainWindow::cleanup()
{
    const QString dialogs = m_guard->unexpected();
    m_guard.reset();
    QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
}

QString tst_MainWindow::writeFolderRunFixture(QTemporaryDir *dir) const
{
    const QString path = dir->filePath(QStringLiteral("folder.rafaga.json"));
    if (!writeFile(dir->filePath(QStringLiteral("users.csv")), UsersCsv)
        || !writeFile(path, serializeCollection(folderRunCollection())))
        return QString();
    return path;
}

bool tst_MainWindow::runFolder(MainWindow *window, const QString &path) const
{
    if (!window->openCollection(path))
        return false;
    window->selectItem({1});
    QSignalSpy finished(window, &MainWindow::runFinished);
    window->runCollection();
    return finished.wait(60000);
}

void tst_MainWindow::buildARequestInTheEditorAndSendIt()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy runs(&window, &MainWindow::runFinished);

    QAction *add = findAction(&window, QStringLiteral("Add &Request"));
    QVERIFY(add);
    add->trigger();
    QCOMPARE(window.document()->collection().items.size(), 1);
    QVERIFY(window.document()->isModified());

    // The new request is selected and shown in the editor.
    auto *editor = window.findChild<RequestEditor *>();
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->item().request.url, QStringLiteral("{{rafagaServer}}/get"));

    auto *method = editor->findChild<QComboBox *>(QString(), Qt::FindDirectChildrenOnly);
    auto *url = editor->findChild<VariableLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
    auto *tabs = editor->findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(method && url && tabs);
    QPushButton *send = nullptr;
    for (QPushButton *button :
        editor->findChildren<QPushButton *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (button->text() == QStringLiteral("Send"))
            send = button;
    }
    QVERIFY(send);

    method->setCurrentIndex(method->findText(QStringLiteral("POST")));

    // Typing the URL key by key makes one undo step, not one per key.
    const int stepsBeforeUrl = window.document()->undoStack()->count();
    url->clear();
    QTest::keyClicks(url, QStringLiteral("{{rafagaServer}}/echo?lang=es"));
    QCOMPARE(window.document()->undoStack()->count(), stepsBeforeUrl + 1);

    KeyValueTable *headers = nullptr;
    BodyEditor *body = nullptr;
    for (int i = 0; i < tabs->count(); ++i) {
        if (strippedTabText(tabs, i) == QStringLiteral("Headers"))
            headers = qobject_cast<KeyValueTable *>(tabs->widget(i));
        else if (strippedTabText(tabs, i) == QStringLiteral("Body"))
            body = qobject_cast<BodyEditor *>(tabs->widget(i));
    }
    QVERIFY(headers && body);
    auto *headerTable = headers->findChild<QTableWidget *>();
    QVERIFY(headerTable);
    QCOMPARE(headerTable->rowCount(), 1); // the empty row for adding
    headerTable->item(0, 1)->setText(QStringLiteral("X-Rafaga-Test"));
    headerTable->item(0, 2)->setText(QStringLiteral("from the editor"));
    QCOMPARE(headerTable->rowCount(), 2); // typing into it offered a new empty row

    auto *mode = body->findChild<QComboBox *>(QString(), Qt::FindDirectChildrenOnly);
    auto *text = body->findChild<QPlainTextEdit *>();
    QVERIFY(mode && text);
    mode->setCurrentIndex(mode->findData(int(Body::Mode::Json)));
    const QString json = QStringLiteral(R"({"greeting": "¡hola!", "n": 3})");
    text->setPlainText(json);

    // Every edit reached the document.
    const CollectionItem *item = window.document()->itemAt({0});
    QVERIFY(item);
    QCOMPARE(item->request.method, QStringLiteral("POST"));
    QCOMPARE(item->request.url, QStringLiteral("{{rafagaServer}}/echo?lang=es"));
    QCOMPARE(item->request.headers,
        (QList<KeyValue> {KeyValue {
            QStringLiteral("X-Rafaga-Test"), QStringLiteral("from the editor"), true, QString()}}));
    QCOMPARE(item->request.body.mode, Body::Mode::Json);
    QCOMPARE(item->request.body.text, json);

    QSignalSpy sent(&window, &MainWindow::sendFinished);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(!send->isEnabled()); // "Sending…" until the answer
    QVERIFY(sent.wait(20000));
    QVERIFY(send->isEnabled());
    QCOMPARE(send->text(), QStringLiteral("Send"));

    ResponseViewer *viewer = window.resultsPane()->viewer();
    QVERIFY(!viewer->isEmpty());
    QVERIFY2(
        viewer->statusText().startsWith(QStringLiteral("200")), qPrintable(viewer->statusText()));
    QCOMPARE(viewer->bodyKind(), ResponseViewer::BodyKind::Json);
    QJsonParseError error;
    const QJsonObject echoed
        = QJsonDocument::fromJson(viewer->bodyText().toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(viewer->bodyText()));
    QCOMPARE(echoed.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(echoed.value(QStringLiteral("path")).toString(), QStringLiteral("/echo"));
    QCOMPARE(
        echoed.value(QStringLiteral("query")).toObject().value(QStringLiteral("lang")).toString(),
        QStringLiteral("es"));
    const QJsonObject received = echoed.value(QStringLiteral("headers")).toObject();
    QCOMPARE(
        headerValue(received, QStringLiteral("X-Rafaga-Test")), QStringLiteral("from the editor"));
    QVERIFY2(headerValue(received, QStringLiteral("Content-Type"))
                 .startsWith(QStringLiteral("application/json")),
        qPrintable(headerValue(received, QStringLiteral("Content-Type"))));
    QCOMPARE(echoed.value(QStringLiteral("body")).toString(), json);

    // A Send is not a run: the results table and Compare keep what they had.
    QCOMPARE(runs.count(), 0);
    QCOMPARE(window.compareWidget()->runCount(), 0);
    QCOMPARE(window.resultsPane()->model()->rowCount(), 0);
}

void tst_MainWindow::runAFolderOverADataSet()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.show();
    QVERIFY(runFolder(&window, path));

    const RunController *runs = window.runController();
    QCOMPARE(runs->state(), Run::State::Finished);
    QCOMPARE(runs->run()->size(), FolderRunSize);

    ResultsModel *model = window.resultsPane()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model->rowCount(), FolderRunSize);
    QCOMPARE(window.resultsPane()->proxy()->rowCount(), FolderRunSize);
    QCOMPARE(window.resultsPane()->table()->model(), window.resultsPane()->proxy());
    QCOMPARE(model->dataColumns(), (QStringList {QStringLiteral("user"), QStringLiteral("code")}));
    const int userSection = ResultsModel::ColumnCount;
    QCOMPARE(
        model->headerData(userSection, Qt::Horizontal).toString(), QStringLiteral("data: user"));
    QCOMPARE(model->headerData(userSection + 1, Qt::Horizontal).toString(),
        QStringLiteral("data: code"));
    const int status = model->sectionOf(ResultsModel::StatusColumn);
    const int assertions = model->sectionOf(ResultsModel::AssertionsColumn);
    const int name = model->sectionOf(ResultsModel::NameColumn);
    const int url = model->sectionOf(ResultsModel::UrlColumn);

    // Run order: for each iteration, for each data row, each request of the folder in tree order;
    // the request outside the folder never runs.
    for (int row = 0; row < FolderRunSize; ++row) {
        const int dataRow = (row % 6) / 2;
        const bool isEcho = row % 2 == 0;
        const QString expectedStatus = isEcho ? QStringLiteral("200") : Codes.at(dataRow);
        QCOMPARE(
            cell(model, row, model->sectionOf(ResultsModel::IndexColumn)), QString::number(row));
        QCOMPARE(
            cell(model, row, name), isEcho ? QStringLiteral("Echo") : QStringLiteral("Status"));
        QCOMPARE(cell(model, row, model->sectionOf(ResultsModel::MethodColumn)),
            isEcho ? QStringLiteral("POST") : QStringLiteral("GET"));
        QVERIFY2(cell(model, row, url)
                     .endsWith(isEcho ? QStringLiteral("/echo")
                                      : QStringLiteral("/status/") + Codes.at(dataRow)),
            qPrintable(cell(model, row, url)));
        QCOMPARE(cell(model, row, userSection), Users.at(dataRow));
        QCOMPARE(cell(model, row, userSection + 1), Codes.at(dataRow));
        QCOMPARE(cell(model, row, status), expectedStatus);
        QCOMPARE(model->requestAt(row).context->iteration, row / 6);
        // Assertion failures show in the table: only the 404s fail theirs.
        QCOMPARE(cell(model, row, assertions),
            expectedStatus == QStringLiteral("404") ? QStringLiteral("1 failed")
                                                    : QStringLiteral("1/1"));
    }

    // The statistics, the summary strip and the table agree.
    const RunStats stats = runs->statsSnapshot();
    QCOMPARE(stats.completed(), FolderRunSize);
    QCOMPARE(stats.succeeded(), FolderRunSize - 2);
    QCOMPARE(stats.failed(), 2);
    QCOMPARE(stats.notSent(), 0);
    QCOMPARE(stats.statusCodes().value(200), FolderRunSize - 2);
    QCOMPARE(stats.statusCodes().value(404), 2);
    QCOMPARE(stats.assertionsChecked(), FolderRunSize);
    QCOMPARE(stats.resultsFailingAssertions(), 2);
    auto *summary = window.findChild<SummaryStrip *>();
    QVERIFY(summary);
    const QLocale locale;
    QCOMPARE(summary->doneText(), QStringLiteral("%1 / %1").arg(locale.toString(FolderRunSize)));
    QCOMPARE(summary->errorsText(), QStringLiteral("2 errors"));
    QCOMPARE(summary->progressBar()->value(), summary->progressBar()->maximum());

    // Selecting a row shows its response: a 404 of the Status request.
    window.resultsPane()->table()->selectRow(3);
    ResponseViewer *viewer = window.resultsPane()->viewer();
    QTRY_VERIFY(viewer->statusText().startsWith(QStringLiteral("404")));
}

void tst_MainWindow::planDescribesTheSelectedFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    auto *panel = window.findChild<RunPanel *>();
    QVERIFY(panel);
    // A request is selected: Run runs everything, 3 requests × 3 rows × 2 iterations.
    QTRY_VERIFY(planText(panel).contains(QStringLiteral("= 18 requests")));
    // The folder is selected: Run runs only its 2 requests, and the plan must say so before it.
    window.selectItem({1});
    QTRY_VERIFY2_WITH_TIMEOUT(planText(panel).contains(QStringLiteral("= 12 requests")),
        qPrintable(planText(panel)), 3000);
}

void tst_MainWindow::planNotesAFileFromTheWorkingDirectory()
{
    // The body file is not beside the collection but in the working directory (newman looks
    // there too): the run uses it, and the plan says so before anything is sent.
    QTemporaryDir collectionDir, workingDir;
    QVERIFY(collectionDir.isValid() && workingDir.isValid());
    QVERIFY(QDir(workingDir.path()).mkpath(QStringLiteral("files")));
    writeFile(workingDir.filePath(QStringLiteral("files/upload.txt")), "hello\n");
    const QString path = collectionDir.filePath(QStringLiteral("c.rafaga.json"));
    writeFile(path,
        R"({"format": "rafaga-collection", "version": 1, "items": [{"type": "request",
            "name": "Upload", "request": {"method": "POST", "url": "http://127.0.0.1:9/post",
            "body": {"mode": "file", "file": "files/upload.txt"}}}]})");
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(workingDir.path()));
    const auto restore = qScopeGuard([&before] { QDir::setCurrent(before); });
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    auto *panel = window.findChild<RunPanel *>();
    QVERIFY(panel);
    QTRY_VERIFY2(planText(panel).contains(QStringLiteral("\nNote: request \"Upload\"")),
        qPrintable(planText(panel)));
    const QString plan = planText(panel);
    QVERIFY2(plan.contains(QStringLiteral("read from the working directory")), qPrintable(plan));
    QVERIFY2(plan.contains(QDir(workingDir.path()).filePath(QStringLiteral("files/upload.txt"))),
        qPrintable(plan));
}

void tst_MainWindow::orderIsARunSetting()
{
    // A collection saved one-at-a-time shows so, with Concurrency off; "Each row in order" gives
    // the concurrency back to the rows, in the plan and in the saved file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("seq.rafaga.json"));
    writeFile(path,
        R"({"format": "rafaga-collection", "version": 1,
            "run": {"concurrency": 7, "sequential": true}, "items": [
            {"type": "request", "name": "A", "request": {"method": "GET", "url": "http://127.0.0.1:9/a"}},
            {"type": "request", "name": "B", "request": {"method": "GET", "url": "http://127.0.0.1:9/b"}}]})");
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    auto *panel = window.findChild<RunPanel *>();
    QVERIFY(panel);
    QComboBox *order = nullptr;
    for (QComboBox *candidate : panel->findChildren<QComboBox *>()) {
        if (candidate->findText(QStringLiteral("Each row in order")) >= 0)
            order = candidate;
    }
    QVERIFY(order);
    QCOMPARE(order->currentText(), QStringLiteral("One at a time"));
    auto *concurrency = panel->findChild<QSpinBox *>();
    QVERIFY(concurrency && !concurrency->isEnabled());
    QTRY_VERIFY2(planText(panel).endsWith(QStringLiteral("one at a time in order.")),
        qPrintable(planText(panel)));
    order->setCurrentIndex(order->findText(QStringLiteral("Each row in order")));
    QVERIFY(concurrency->isEnabled());
    QTRY_VERIFY2(
        planText(panel).endsWith(QStringLiteral("each row's requests in order, 7 at a time.")),
        qPrintable(planText(panel)));
    QString error;
    QVERIFY2(window.saveTo(path, &error), qPrintable(error));
    const Parsed<Collection> saved = loadCollection(path);
    QVERIFY(saved.ok());
    QVERIFY(!saved.value().run.sequential);
    QVERIFY(saved.value().run.rowOrder);
    QCOMPARE(saved.value().run.concurrency, 7);
}

void tst_MainWindow::saveReopenAndCompare()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    QVERIFY(!path.isEmpty());

    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    QVERIFY(!window.document()->isModified());
    const Collection opened = window.document()->collection();
    COMPARE_COLLECTIONS(opened, folderRunCollection());

    // Edits as the GUI makes them: rename in the tree, a URL in the editor, a run setting.
    QTreeView *tree = nullptr;
    for (QTreeView *view : window.findChildren<QTreeView *>()) {
        const auto *filter = qobject_cast<QSortFilterProxyModel *>(view->model());
        if (filter && qobject_cast<CollectionModel *>(filter->sourceModel()))
            tree = view;
    }
    QVERIFY(tree);
    const QModelIndex apiFolder = tree->model()->index(1, 0);
    QCOMPARE(apiFolder.data().toString(), QStringLiteral("API"));
    QVERIFY(tree->model()->setData(apiFolder, QStringLiteral("Public API")));
    window.selectItem({1, 1});
    auto *editor = window.findChild<RequestEditor *>();
    auto *url = editor->findChild<VariableLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/status/{{code}}"));
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("{{rafagaServer}}/status/{{code}}?edited=1"));
    auto *panel = window.findChild<RunPanel *>();
    auto *concurrency = panel->findChild<QSpinBox *>();
    QCOMPARE(concurrency->value(), 4);
    concurrency->setValue(7);
    QVERIFY(window.document()->isModified());
    QVERIFY(window.isWindowModified());

    Collection expected = opened;
    expected.items[1].name = QStringLiteral("Public API");
    expected.items[1].children[1].request.url
        = QStringLiteral("{{rafagaServer}}/status/{{code}}?edited=1");
    expected.run.concurrency = 7;
    COMPARE_COLLECTIONS(window.document()->collection(), expected);

    // Save into another folder: the data set path follows, so the copy still finds users.csv.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("elsewhere")));
    const QString savedPath = dir.filePath(QStringLiteral("elsewhere/saved.rafaga.json"));
    QString error;
    QVERIFY2(window.saveTo(savedPath, &error), qPrintable(error));
    QVERIFY(!window.document()->isModified());
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.document()->filePath(), QFileInfo(savedPath).absoluteFilePath());
    const Collection saved = window.document()->collection();
    QCOMPARE(readFile(savedPath), serializeCollection(saved));
    QCOMPARE(QFileInfo(dataFileForReading(saved.run.dataFile, savedPath)).canonicalFilePath(),
        QFileInfo(dir.filePath(QStringLiteral("users.csv"))).canonicalFilePath());
    expected.run.dataFile = saved.run.dataFile;
    COMPARE_COLLECTIONS(saved, expected);
    // Saving the original elsewhere did not touch it.
    QCOMPARE(readFile(path), serializeCollection(folderRunCollection()));

    // A second window opens the same collection.
    MainWindow reopened;
    QVERIFY(reopened.openCollection(savedPath));
    COMPARE_COLLECTIONS(reopened.document()->collection(), saved);
    QVERIFY(!reopened.document()->isModified());
    // Saved again unchanged, the file keeps its bytes.
    QVERIFY2(reopened.saveTo(savedPath, &error), qPrintable(error));
    QCOMPARE(readFile(savedPath), serializeCollection(saved));
    // It is remembered among the recent files.
    QCOMPARE(QSettings().value(QStringLiteral("files/recent")).toStringList().value(0),
        QFileInfo(savedPath).absoluteFilePath());
}

void tst_MainWindow::undoAndRedoFollowTheEditorAndTheModifiedFlag()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    const Collection original = window.document()->collection();
    QUndoStack *undo = window.document()->undoStack();

    window.selectItem({1, 0});
    auto *editor = window.findChild<RequestEditor *>();
    auto *url = editor->findChild<VariableLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/echo"));

    // A change made to the document (not typed) shows in the editor.
    CollectionItem changed = *window.document()->itemAt({1, 0});
    changed.request.url = QStringLiteral("{{rafagaServer}}/echo?v=2");
    changed.request.method = QStringLiteral("PUT");
    window.document()->replaceItem({1, 0}, changed, QStringLiteral("Edit URL"));
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/echo?v=2"));
    QCOMPARE(editor->item(), changed);
    QVERIFY(window.document()->isModified());
    QVERIFY(window.isWindowModified());

    undo->undo();
    COMPARE_COLLECTIONS(window.document()->collection(), original);
    QVERIFY(!window.document()->isModified());
    QVERIFY(!window.isWindowModified());
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/echo"));
    QCOMPARE(editor->item().request.method, QStringLiteral("POST"));

    undo->redo();
    QCOMPARE(*window.document()->itemAt({1, 0}), changed);
    QVERIFY(window.document()->isModified());
    QCOMPARE(url->text(), QStringLiteral("{{rafagaServer}}/echo?v=2"));

    // Structural edits: removing the shown request empties the editor; undo brings it back.
    QString error;
    QVERIFY(window.saveTo(path, &error));
    QVERIFY(!window.document()->isModified());
    const Collection savedState = window.document()->collection();
    window.document()->removeItem({1, 0}, QStringLiteral("Delete"));
    QCOMPARE(window.document()->itemAt({1})->children.size(), 1);
    QVERIFY(window.document()->isModified());
    undo->undo();
    COMPARE_COLLECTIONS(window.document()->collection(), savedState);
    QVERIFY(!window.document()->isModified());
    // Undoing past the save point is a change again.
    undo->undo();
    COMPARE_COLLECTIONS(window.document()->collection(), original);
    QVERIFY(window.document()->isModified());
    QVERIFY(window.isWindowModified());
}

void tst_MainWindow::exportResultsThroughTheGuiCodePath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    MainWindow window;
    window.show();
    QVERIFY(runFolder(&window, path));
    const ResultStore *store = window.runController()->results();
    QCOMPARE(store->completedCount(), FolderRunSize);

    const QString csvPath = dir.filePath(QStringLiteral("results.csv"));
    QString error;
    QVERIFY2(window.exportResultsTo(csvPath, ResultFormat::Csv, &error), qPrintable(error));
    const QList<QStringList> records = parseCsv(readFile(csvPath));
    QCOMPARE(records.size(), 1 + FolderRunSize);
    const QStringList header = records.first();
    // The public column names scripts rely on, then the run's context, data and assertions.
    QCOMPARE(header.mid(0, 4),
        (QStringList {QStringLiteral("index"), QStringLiteral("name"), QStringLiteral("method"),
            QStringLiteral("url")}));
    const auto column = [&header](const QString &name) {
        return header.indexOf(name);
    };
    for (const char *name : {"status", "error", "latency_ms", "ttfb_ms", "bytes_in", "iteration",
             "row", "assertions_failed", "user", "code"})
        QVERIFY2(column(QLatin1String(name)) >= 0, name);
    QCOMPARE(column(QStringLiteral("code")), column(QStringLiteral("user")) + 1);
    QStringList assertionColumns;
    for (const QString &name : header) {
        if (name.startsWith(QStringLiteral("assert: ")))
            assertionColumns.append(name);
    }
    QCOMPARE(assertionColumns.size(), 2); // one per request of the folder
    const int statusAssertion = header.indexOf(assertionColumns.last());

    for (int i = 0; i < FolderRunSize; ++i) {
        const QStringList &record = records.at(i + 1);
        QCOMPARE(record.size(), header.size());
        const Result &result = store->at(i);
        const int dataRow = (i % 6) / 2;
        QCOMPARE(record.at(column(QStringLiteral("index"))), QString::number(i));
        QCOMPARE(record.at(column(QStringLiteral("name"))),
            i % 2 == 0 ? QStringLiteral("Echo") : QStringLiteral("Status"));
        QCOMPARE(record.at(column(QStringLiteral("status"))), QString::number(result.status));
        QCOMPARE(record.at(column(QStringLiteral("iteration"))), QString::number(i / 6));
        QCOMPARE(record.at(column(QStringLiteral("row"))), QString::number(dataRow));
        QCOMPARE(record.at(column(QStringLiteral("user"))), Users.at(dataRow)); // quoted comma
        QCOMPARE(record.at(column(QStringLiteral("code"))), Codes.at(dataRow));
        QCOMPARE(record.at(column(QStringLiteral("assertions_failed"))),
            QString::number(result.assertionsFailed));
        if (i % 2 == 1)
            QCOMPARE(record.at(statusAssertion),
                Codes.at(dataRow) == QStringLiteral("404") ? QStringLiteral("fail: 404")
                                                           : QStringLiteral("pass"));
        else
            QCOMPARE(record.at(statusAssertion), QString()); // Echo has no status assertion
    }

    // The other formats through the same path: every result is there.
    const QString jsonPath = dir.filePath(QStringLiteral("results.json"));
    QVERIFY2(window.exportResultsTo(jsonPath, ResultFormat::Json, &error), qPrintable(error));
    const QJsonObject json = QJsonDocument::fromJson(readFile(jsonPath)).object();
    QCOMPARE(json.value(QStringLiteral("results")).toArray().size(), FolderRunSize);
    QCOMPARE(
        json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("failed")).toInt(),
        2);
    const QString harPath = dir.filePath(QStringLiteral("results.har"));
    QVERIFY2(window.exportResultsTo(harPath, ResultFormat::Har, &error), qPrintable(error));
    const QJsonObject har = QJsonDocument::fromJson(readFile(harPath)).object();
    QCOMPARE(har.value(QStringLiteral("log"))
                 .toObject()
                 .value(QStringLiteral("entries"))
                 .toArray()
                 .size(),
        FolderRunSize);
    const QString jtlPath = dir.filePath(QStringLiteral("results.jtl"));
    QVERIFY2(window.exportResultsTo(jtlPath, ResultFormat::Jtl, &error), qPrintable(error));
    QCOMPARE(parseCsv(readFile(jtlPath)).size(), 1 + FolderRunSize);

    // A file that cannot be written is an error, not a silent success.
    QVERIFY(!window.exportResultsTo(
        dir.filePath(QStringLiteral("missing/dir/results.csv")), ResultFormat::Csv, &error));
    QVERIFY(!error.isEmpty());
}

void tst_MainWindow::exportWithoutARunIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    const QString path = dir.filePath(QStringLiteral("nothing.csv"));
    QString error;
    QVERIFY(!window.exportResultsTo(path, ResultFormat::Csv, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void tst_MainWindow::unsavedEditsAreNeverLost()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    QVERIFY(window.document()->moveItem({0}, {1}, 0));
    const Collection edited = window.document()->collection();

    // Open asks first; the guard answers Cancel, so nothing else is opened or asked for.
    QAction *open = findAction(&window, QStringLiteral("&Open…"));
    QVERIFY(open);
    open->trigger();
    QStringList dialogs = m_guard->takeSeen();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY2(
        dialogs.first().startsWith(QStringLiteral("Unsaved Changes")), qPrintable(dialogs.first()));
    COMPARE_COLLECTIONS(window.document()->collection(), edited);
    QVERIFY(window.document()->isModified());

    // New asks the same way.
    QAction *newAction = findAction(&window, QStringLiteral("&New Collection"));
    QVERIFY(newAction);
    newAction->trigger();
    dialogs = m_guard->takeSeen();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY2(
        dialogs.first().startsWith(QStringLiteral("Unsaved Changes")), qPrintable(dialogs.first()));
    COMPARE_COLLECTIONS(window.document()->collection(), edited);

    // So does closing the window; cancelled, it stays open.
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    dialogs = m_guard->takeSeen();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY2(
        dialogs.first().startsWith(QStringLiteral("Unsaved Changes")), qPrintable(dialogs.first()));
    // The file on disk is untouched.
    QCOMPARE(readFile(path), serializeCollection(folderRunCollection()));
}

void tst_MainWindow::openingAMissingFileWarnsAndKeepsTheDocument()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    QVERIFY(!window.openCollection(dir.filePath(QStringLiteral("missing.rafaga.json"))));
    QStringList dialogs = m_guard->takeSeen();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY2(dialogs.first().contains(QStringLiteral("missing.rafaga.json")),
        qPrintable(dialogs.first()));
    // A file that is not a collection: the error names the place.
    const QString broken = dir.filePath(QStringLiteral("broken.rafaga.json"));
    QVERIFY(writeFile(broken, "{\n  \"format\": \"rafaga-collection\",\n  \"items\": [\n"));
    QVERIFY(!window.openCollection(broken));
    dialogs = m_guard->takeSeen();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY2(dialogs.first().contains(QStringLiteral("broken.rafaga.json")),
        qPrintable(dialogs.first()));
    // The open collection is still there, as it was.
    QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
    COMPARE_COLLECTIONS(window.document()->collection(), folderRunCollection());
}

void tst_MainWindow::demoRunsToCompletion()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openDemo());
    // The demo is copied out next to its data set, in the (test) data folder.
    const QString demoFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/demo");
    QVERIFY(QFile::exists(demoFolder + QStringLiteral("/users.csv")));
    QCOMPARE(window.document()->filePath(),
        QFileInfo(demoFolder + QStringLiteral("/demo.rafaga.json")).absoluteFilePath());
    QVERIFY(!window.document()->isModified());

    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.runCollection();
    QVERIFY(finished.wait(120000));

    // 4 requests × 20 users × 5 iterations; the users' status column holds 18 × 200, one 404 and
    // one 503, used only by "Flaky endpoint".
    const RunStats stats = window.runController()->statsSnapshot();
    QCOMPARE(window.runController()->run()->size(), 400);
    QCOMPARE(stats.completed(), 400);
    QCOMPARE(stats.notSent(), 0);
    QCOMPARE(stats.statusCodes().value(200), 390);
    QCOMPARE(stats.statusCodes().value(404), 5);
    QCOMPARE(stats.statusCodes().value(503), 5);
    QCOMPARE(stats.succeeded(), 390);
    QCOMPARE(stats.failed(), 10);
    for (int category = 1; category < ErrorCategoryCount; ++category)
        QCOMPARE(stats.errorCount(ErrorCategory(category)), 0); // no transport errors
    // 2 assertions on each greeting and 3 on each created user.
    QCOMPARE(stats.assertionsChecked(), 100 * 2 + 100 * 3);
    QTRY_COMPARE(window.resultsPane()->model()->rowCount(), 400);
    auto *summary = window.findChild<SummaryStrip *>();
    QCOMPARE(summary->doneText(), QStringLiteral("%1 / %1").arg(QLocale().toString(400)));
    QCOMPARE(summary->errorsText(), QStringLiteral("10 errors"));
}

void tst_MainWindow::compareReceivesEveryFinishedRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFolderRunFixture(&dir);
    MainWindow window;
    window.show();
    CompareWidget *compare = window.compareWidget();
    QCOMPARE(compare->runCount(), 0);

    QVERIFY(runFolder(&window, path));
    QCOMPARE(compare->runCount(), 1);
    QVERIFY2(
        compare->runLabel(0).contains(QStringLiteral("API")), qPrintable(compare->runLabel(0)));

    // The whole collection: select a request, not the folder.
    window.selectItem({0});
    QSignalSpy finished(&window, &MainWindow::runFinished);
    window.runCollection();
    QVERIFY(finished.wait(60000));
    QCOMPARE(compare->runCount(), 2);
    QVERIFY2(compare->runLabel(1).contains(QStringLiteral("Folder run")),
        qPrintable(compare->runLabel(1)));
    // The newest run is the candidate against the one before it.
    QCOMPARE(compare->baselineRun(), 0);
    QCOMPARE(compare->candidateRun(), 1);
    const auto requests = [compare](CompareWidget::Column column) {
        return compare->table()
            ->item(CompareWidget::RequestsRow, column)
            ->data(Qt::UserRole)
            .toDouble();
    };
    QCOMPARE(requests(CompareWidget::BaselineColumn), double(FolderRunSize));
    QCOMPARE(requests(CompareWidget::CandidateColumn), 18.0); // 3 requests × 3 rows × 2
}

void tst_MainWindow::pauseResumeAndStopThroughTheActions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Collection collection;
    collection.name = QStringLiteral("Slow");
    collection.items = {requestItem(QStringLiteral("Slow"), QStringLiteral("GET"),
        QStringLiteral("{{rafagaServer}}/delay/100"))};
    collection.run.concurrency = 2;
    collection.run.iterations = 40;
    const QString path = dir.filePath(QStringLiteral("slow.rafaga.json"));
    QVERIFY(writeFile(path, serializeCollection(collection)));

    MainWindow window;
    window.show();
    QVERIFY(window.openCollection(path));
    QAction *run = findAction(&window, QStringLiteral("&Run"));
    QAction *pause = findAction(&window, QStringLiteral("&Pause"));
    QAction *stop = findAction(&window, QStringLiteral("S&top"));
    QVERIFY(run && pause && stop);
    QVERIFY(run->isEnabled());
    QVERIFY(!pause->isEnabled());
    QVERIFY(!stop->isEnabled());
    // The run panel's buttons are these actions.
    QList<QAction *> buttonActions;
    for (const QToolButton *button : window.findChild<RunPanel *>()->findChildren<QToolButton *>())
        buttonActions.append(button->defaultAction());
    QVERIFY(buttonActions.contains(run) && buttonActions.contains(pause)
        && buttonActions.contains(stop));

    RunController *runs = window.runController();
    QSignalSpy finished(&window, &MainWindow::runFinished);
    run->trigger();
    QTRY_VERIFY(runs->results() && runs->results()->completedCount() >= 2);
    QVERIFY(!run->isEnabled());
    QVERIFY(pause->isEnabled());
    QVERIFY(stop->isEnabled());

    pause->trigger();
    QTRY_COMPARE(runs->state(), Run::State::Paused);
    QCOMPARE(pause->text(), QStringLiteral("Res&ume"));
    QVERIFY(pause->isEnabled());
    QVERIFY(stop->isEnabled());
    // What was in flight finishes; nothing new starts.
    QTest::qWait(1000);
    const qint64 pausedAt = runs->results()->completedCount();
    QTest::qWait(500);
    QCOMPARE(runs->results()->completedCount(), pausedAt);
    QVERIFY(pausedAt < 40);

    pause->trigger();
    QTRY_COMPARE(runs->state(), Run::State::Running);
    QCOMPARE(pause->text(), QStringLiteral("&Pause"));
    QTRY_VERIFY(runs->results()->completedCount() > pausedAt);

    stop->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(runs->state(), Run::State::Finished);
    const RunStats stats = runs->statsSnapshot();
    QCOMPARE(stats.completed() + stats.notSent(), 40);
    QVERIFY(stats.notSent() > 0);
    QVERIFY(run->isEnabled());
    QVERIFY(!pause->isEnabled());
    QVERIFY(!stop->isEnabled());
    QCOMPARE(window.compareWidget()->runCount(), 1); // a stopped run is kept for comparing too
    // Every request has a row: those the stop kept from being sent show as cancelled, unsent.
    ResultsModel *model = window.resultsPane()->model();
    QTRY_COMPARE(model->rowCount(), 40);
    const int error = model->sectionOf(ResultsModel::ErrorColumn);
    int unsent = 0;
    for (int row = 0; row < 40; ++row) {
        const Result *result = model->resultAt(row);
        QVERIFY(result);
        if (result->dispatchedUs < 0) {
            ++unsent;
            QCOMPARE(cell(model, row, error), errorCategoryName(ErrorCategory::NotSent));
        }
    }
    QCOMPARE(unsent, stats.notSent());
    QCOMPARE(window.findChild<SummaryStrip *>()->doneText(),
        QStringLiteral("%1 / 40").arg(QLocale().toString(stats.completed())));
}

int main(int argc, char *argv[])
{
    return runGuiTest<tst_MainWindow>(argc, argv, QStringLiteral("tst_mainwindow"));
}

#include "tst_mainwindow.moc"
