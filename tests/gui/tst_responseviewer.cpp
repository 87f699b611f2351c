// The response viewer and its timing waterfall, on results of real requests.
#include "core/server/httpserver.h"
#include "gui/run/responseviewer.h"
#include "core/engine/runcontroller.h"
#include "gui/run/timingwaterfall.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

class tst_ResponseViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsAnEmptyStateUntilAResultIsSet();
    void showsStatusPrettyJsonAndHeaders();
    void searchesTheBody();
    void findShortcutsDriveTheSearch();
    void waterfallMarksAReusedConnection();
    void notesATruncatedBody();
    void showsATransportError();
    void showsRetriesAndRedirects();
    void showsABinaryBodyAsHex();
    void showsAPendingRequest();

private:
    /// Runs `specs` to completion and returns the controller holding the results.
    std::unique_ptr<RunController> run(
        const QList<RequestSpec> &specs, const RunOptions &options = RunOptions());
    RequestSpec spec(const QString &path) const;
    ServerThread m_server;
};

void tst_ResponseViewer::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

RequestSpec tst_ResponseViewer::spec(const QString &path) const
{
    RequestSpec spec;
    spec.url = m_server.baseUrl().resolved(QUrl(path));
    return spec;
}

std::unique_ptr<RunController> tst_ResponseViewer::run(
    const QList<RequestSpec> &specs, const RunOptions &options)
{
    auto controller = std::make_unique<RunController>();
    QSignalSpy finished(controller.get(), &RunController::finished);
    controller->start(std::make_shared<RequestList>(specs), options);
    if (!finished.wait(30000))
        return nullptr;
    return controller;
}

void tst_ResponseViewer::showsAnEmptyStateUntilAResultIsSet()
{
    ResponseViewer viewer;
    viewer.show();
    QVERIFY(viewer.isEmpty());
    bool emptyLabelShown = false;
    for (const QLabel *label : viewer.findChildren<QLabel *>()) {
        if (label->isVisible()
            && label->text() == ResponseViewer::tr("Select a result to see its response"))
            emptyLabelShown = true;
    }
    QVERIFY(emptyLabelShown);
    QVERIFY(!viewer.waterfall()->isVisible());

    const auto controller = run({spec(QStringLiteral("/get"))});
    QVERIFY(controller);
    viewer.setResult(controller->results()->at(0), spec(QStringLiteral("/get")));
    QVERIFY(!viewer.isEmpty());
    viewer.clear();
    QVERIFY(viewer.isEmpty());
    QVERIFY(viewer.bodyText().isEmpty());
}

void tst_ResponseViewer::showsStatusPrettyJsonAndHeaders()
{
    RequestSpec echo = spec(QStringLiteral("/echo"));
    echo.method = "POST";
    echo.body = R"({"zeta":1,"alpha":[1,2,{"nested":true}],"empty":{}})";
    echo.headers = {{"Content-Type", "application/json"}, {"X-Rafaga-Test", "yes"}};
    const auto controller = run({echo});
    QVERIFY(controller);
    const Result &result = controller->results()->at(0);
    QCOMPARE(result.status, quint16(200));

    ResponseViewer viewer;
    viewer.setResult(result, echo);
    QVERIFY2(
        viewer.statusText().startsWith(QStringLiteral("200 OK")), qPrintable(viewer.statusText()));
    QVERIFY(viewer.statusText().contains(QStringLiteral("HTTP/1.1")));

    QCOMPARE(viewer.bodyKind(), ResponseViewer::BodyKind::Json);
    const QString body = viewer.bodyText();
    // Pretty: one member per line, indented, same JSON as the sample.
    QVERIFY2(body.count(QLatin1Char('\n')) > 5, qPrintable(body));
    QVERIFY(body.contains(QStringLiteral("\n  \"")));
    QCOMPARE(
        QJsonDocument::fromJson(body.toUtf8()), QJsonDocument::fromJson(result.detail->bodySample));
    QVERIFY(!viewer.isBodyTruncated());

    // The highlighter coloured it: a key line carries formats.
    const auto *bodyView = viewer.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    bool coloured = false;
    for (QTextBlock block = bodyView->document()->begin(); block.isValid(); block = block.next())
        coloured = coloured || !block.layout()->formats().isEmpty();
    QVERIFY(coloured);

    // Raw: the status line, headers, and the body as received (compact).
    QVERIFY(viewer.rawText().startsWith(QStringLiteral("HTTP/1.1 200 OK\n")));
    QVERIFY(viewer.rawText().contains(
        QStringLiteral("\n\n") + QString::fromUtf8(result.detail->bodySample)));

    QTreeWidget *headers = viewer.headersView();
    QCOMPARE(headers->topLevelItemCount(), 2);
    const auto names = [](QTreeWidgetItem *section) {
        QStringList list;
        for (int i = 0; i < section->childCount(); ++i)
            list.append(section->child(i)->text(0).toLower());
        return list;
    };
    QVERIFY(names(headers->topLevelItem(0)).contains(QStringLiteral("content-type")));
    QCOMPARE(headers->topLevelItem(0)->childCount(), int(result.detail->responseHeaders.size()));
    QVERIFY(names(headers->topLevelItem(1)).contains(QStringLiteral("x-rafaga-test")));
}

void tst_ResponseViewer::searchesTheBody()
{
    RequestSpec echo = spec(QStringLiteral("/echo"));
    echo.method = "POST";
    echo.body = "needle one, NEEDLE two, needle three";
    const auto controller = run({echo});
    QVERIFY(controller);
    ResponseViewer viewer;
    viewer.setResult(controller->results()->at(0), echo);
    viewer.setSearchText(QStringLiteral("needle"));
    QCOMPARE(viewer.matchCount(), 3); // case-insensitive
    QCOMPARE(viewer.currentMatch(), 0);
    viewer.findNext();
    QCOMPARE(viewer.currentMatch(), 1);
    const auto *bodyView = viewer.findChild<QPlainTextEdit *>(QStringLiteral("body"));
    QCOMPARE(bodyView->textCursor().selectedText(), QStringLiteral("NEEDLE"));
    viewer.findNext();
    viewer.findNext(); // wraps around
    QCOMPARE(viewer.currentMatch(), 0);
    viewer.findPrevious();
    QCOMPARE(viewer.currentMatch(), 2);
    viewer.setSearchText(QStringLiteral("haystack"));
    QCOMPARE(viewer.matchCount(), 0);
    QCOMPARE(viewer.currentMatch(), -1);
}

void tst_ResponseViewer::findShortcutsDriveTheSearch()
{
    RequestSpec echo = spec(QStringLiteral("/echo"));
    echo.method = "POST";
    echo.body = "alpha beta alpha gamma alpha";
    const auto controller = run({echo});
    QVERIFY(controller);
    ResponseViewer viewer;
    viewer.setResult(controller->results()->at(0), echo);
    viewer.setCurrentTab(ResponseViewer::HeadersTab);
    viewer.show();
    viewer.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&viewer));
    viewer.headersView()->setFocus();

    // Find jumps to the body's find field, from any tab.
    QTest::keySequence(viewer.headersView(), QKeySequence(QKeySequence::Find));
    QCOMPARE(viewer.currentTab(), ResponseViewer::BodyTab);
    auto *field = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(field);
    QTest::keyClicks(field, QStringLiteral("alpha"));
    QCOMPARE(viewer.matchCount(), 3);
    QCOMPARE(viewer.currentMatch(), 0);
    QTest::keySequence(field, QKeySequence(QKeySequence::FindNext));
    QCOMPARE(viewer.currentMatch(), 1);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(viewer.currentMatch(), 2);
    QTest::keySequence(field, QKeySequence(QKeySequence::FindPrevious));
    QCOMPARE(viewer.currentMatch(), 1);
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(viewer.currentMatch(), 0);
}

void tst_ResponseViewer::waterfallMarksAReusedConnection()
{
    const RequestSpec get = spec(QStringLiteral("/get"));
    RunOptions options;
    options.concurrency = 1; // one connection, kept alive: the second request reuses it
    const auto controller = run({get, get, get}, options);
    QVERIFY(controller);
    const ResultStore *store = controller->results();
    QVERIFY(store->at(0).connectStartUs >= 0);
    QCOMPARE(store->at(1).connectStartUs, qint64(-1));

    ResponseViewer viewer;
    viewer.setResult(store->at(0), get);
    TimingWaterfall *waterfall = viewer.waterfall();
    QCOMPARE(waterfall->span(TimingWaterfall::Connect).absence, TimingWaterfall::Absence::None);
    QVERIFY(waterfall->span(TimingWaterfall::Connect).endUs
        >= waterfall->span(TimingWaterfall::Connect).startUs);
    QCOMPARE(waterfall->span(TimingWaterfall::Tls).absence, TimingWaterfall::Absence::NoTls);
    // A new cleartext connection: Qt's connect span runs to the request being sent.
    QCOMPARE(waterfall->span(TimingWaterfall::Send).absence,
        TimingWaterfall::Absence::IncludedInConnect);

    viewer.setResult(store->at(1), get);
    QCOMPARE(waterfall->span(TimingWaterfall::Connect).absence,
        TimingWaterfall::Absence::ReusedConnection);
    QCOMPARE(waterfall->span(TimingWaterfall::Send).absence, TimingWaterfall::Absence::None);
    const TimingWaterfall::Span wait = waterfall->span(TimingWaterfall::Wait);
    QCOMPARE(wait.absence, TimingWaterfall::Absence::None);
    QCOMPARE(wait.endUs, store->at(1).headersUs);
    const TimingWaterfall::Span download = waterfall->span(TimingWaterfall::Download);
    QCOMPARE(download.endUs, store->at(1).finishedUs);

    // It paints without a result and with one, in a small and a large size.
    for (const QSize size : {QSize(200, 100), QSize(900, 300)}) {
        waterfall->resize(size);
        QVERIFY(!waterfall->grab().isNull());
    }
}

void tst_ResponseViewer::notesATruncatedBody()
{
    RunOptions options;
    options.bodySampleBytes = 1000;
    const RequestSpec bytes = spec(QStringLiteral("/bytes/200000"));
    const auto controller = run({bytes}, options);
    QVERIFY(controller);
    const Result &result = controller->results()->at(0);
    QCOMPARE(result.bytesReceived, qint64(200000));

    ResponseViewer viewer;
    viewer.setResult(result, bytes);
    QVERIFY(viewer.isBodyTruncated());
    QCOMPARE(viewer.bodyText().size(), 1000);
    bool noted = false;
    for (const QLabel *label : viewer.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&viewer) && label->text().contains(QLocale().toString(200000)))
            noted = true;
    }
    QVERIFY(noted);

    // A full body is not noted.
    const auto small = run({spec(QStringLiteral("/bytes/500"))}, options);
    QVERIFY(small);
    viewer.setResult(small->results()->at(0), spec(QStringLiteral("/bytes/500")));
    QVERIFY(!viewer.isBodyTruncated());
}

void tst_ResponseViewer::showsATransportError()
{
    const RequestSpec drop = spec(QStringLiteral("/drop"));
    const auto controller = run({drop});
    QVERIFY(controller);
    const Result &result = controller->results()->at(0);
    QVERIFY(result.error != ErrorCategory::None);
    ResponseViewer viewer;
    viewer.setResult(result, drop);
    QVERIFY2(viewer.statusText().startsWith(errorCategoryName(result.error)),
        qPrintable(viewer.statusText()));
    QCOMPARE(viewer.waterfall()->span(TimingWaterfall::Wait).absence,
        TimingWaterfall::Absence::NoResponse);
    QCOMPARE(viewer.waterfall()->span(TimingWaterfall::Download).absence,
        TimingWaterfall::Absence::NoResponse);
}

void tst_ResponseViewer::showsRetriesAndRedirects()
{
    const RequestSpec flaky = spec(QStringLiteral("/flaky/2/503?key=viewer"));
    const RequestSpec redirected = spec(QStringLiteral("/redirect/2"));
    RunOptions options;
    options.retries = 3;
    options.retryBaseDelayMs = 1;
    const auto controller = run({flaky, redirected}, options);
    QVERIFY(controller);
    const Result &retried = controller->results()->at(0);
    QCOMPARE(retried.status, quint16(200));
    QCOMPARE(retried.retries, quint8(2));
    ResponseViewer viewer;
    viewer.setResult(retried, flaky);
    QVERIFY2(viewer.statusText().contains(ResponseViewer::tr("retried %n time(s)", nullptr, 2)),
        qPrintable(viewer.statusText()));
    // The body is the last attempt's answer.
    QVERIFY(viewer.bodyText().contains(QStringLiteral("\"attempt\": 3")));

    const Result &moved = controller->results()->at(1);
    QCOMPARE(moved.redirects, quint8(2));
    viewer.setResult(moved, redirected);
    QVERIFY(viewer.statusText().contains(ResponseViewer::tr("%n redirect(s)", nullptr, 2)));
    QVERIFY2(viewer.statusText().contains(moved.finalUrl().toDisplayString()),
        qPrintable(viewer.statusText()));
    QVERIFY(moved.finalUrl().path().endsWith(QStringLiteral("/get")));
}

void tst_ResponseViewer::showsABinaryBodyAsHex()
{
    // A result as the engine would store it for a PNG: the viewer is a pure widget over a value.
    Result result;
    result.dispatchedUs = 0;
    result.requestSentUs = 10;
    result.headersUs = 100;
    result.finishedUs = 200;
    result.status = 200;
    result.bytesReceived = 6;
    result.detail = new ResultDetail;
    result.detail->bodySample = QByteArray("\x89PNG\0\x01", 6);
    result.detail->responseHeaders = {{"Content-Type", "image/png"}};
    ResponseViewer viewer;
    viewer.setResult(result, spec(QStringLiteral("/image.png")));
    QCOMPARE(viewer.bodyKind(), ResponseViewer::BodyKind::Binary);
    QVERIFY2(viewer.bodyText().startsWith(QStringLiteral("00000000  89 50 4e 47 00 01")),
        qPrintable(viewer.bodyText()));
    QVERIFY(viewer.bodyText().contains(QStringLiteral("|.PNG..|")));
}

void tst_ResponseViewer::showsAPendingRequest()
{
    ResponseViewer viewer;
    viewer.setResult(Result(), spec(QStringLiteral("/delay/100")));
    QVERIFY(!viewer.isEmpty());
    QCOMPARE(viewer.statusText(), ResponseViewer::tr("Waiting for the response…"));
    QCOMPARE(viewer.bodyKind(), ResponseViewer::BodyKind::None);
    QCOMPARE(viewer.waterfall()->span(TimingWaterfall::Wait).absence,
        TimingWaterfall::Absence::NotFinished);
}

QTEST_MAIN(tst_ResponseViewer)
#include "tst_responseviewer.moc"
