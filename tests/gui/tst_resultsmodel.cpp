// The live results table and its filter: rows, cells and filters over a real run.
#include "core/engine/runcontroller.h"
#include "core/server/httpserver.h"
#include "gui/run/resultsfilterproxy.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/statuscolors.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

class tst_ResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsMatchTheStoreAfterALiveRun();
    void rowsAppearBeforeASlowEarlierRequestFinishes();
    void statusClassFilterSelectsItsRows_data();
    void statusClassFilterSelectsItsRows();
    void errorsOnlyAndTextFilters();
    void sortsOnRawValues();
    void defersSortingABigLiveRunToItsEnd();
    void resetsOnANewRun();
    void statusColoursReadOnLightAndDark();

private:
    std::shared_ptr<RequestList> mixedRequests(qint64 repeat) const;
    ServerThread m_server;
    // One finished run of the mixed list, shared by the filter and sort tests.
    std::unique_ptr<RunController> m_finished;
    std::unique_ptr<ResultsModel> m_model;
};

namespace {
const QStringList Paths {
    QStringLiteral("/get"),
    QStringLiteral("/status/404"),
    QStringLiteral("/status/500"),
    QStringLiteral("/drop"),
    QStringLiteral("/delay/50"),
    QStringLiteral("/redirect/1"),
};
const QStringList Users {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
} // namespace

std::shared_ptr<RequestList> tst_ResultsModel::mixedRequests(qint64 repeat) const
{
    QList<RequestSpec> specs;
    for (qsizetype i = 0; i < Paths.size(); ++i) {
        RequestSpec spec;
        spec.name = QStringLiteral("req %1").arg(i);
        spec.url = m_server.baseUrl().resolved(QUrl(Paths.at(i)));
        auto context = std::make_shared<RequestContext>();
        context->path = spec.name;
        context->row = i % Users.size();
        context->dataColumns = {QStringLiteral("user"), QStringLiteral("id")};
        context->dataValues = {Users.at(i % Users.size()), QString::number(100 + i)};
        // The slow 200 passes its assertion; the 302 fails it, failing the row though it has no
        // error status.
        if (i == 4 || i == 5) {
            Assertion assertion;
            assertion.kind = Assertion::Kind::StatusEquals;
            assertion.expected = QStringLiteral("200");
            context->assertions = {assertion};
        }
        spec.context = context;
        specs.append(spec);
    }
    return std::make_shared<RequestList>(specs, repeat);
}

void tst_ResultsModel::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_finished = std::make_unique<RunController>();
    m_model = std::make_unique<ResultsModel>();
    m_model->setController(m_finished.get());
    QSignalSpy finished(m_finished.get(), &RunController::finished);
    RunOptions options;
    options.concurrency = 8;
    options.maxRedirects = 0; // keep the 302 as a 3xx row
    m_finished->start(mixedRequests(20), options);
    QVERIFY(finished.wait(60000));
    QCOMPARE(m_model->rowCount(), 120);
}

void tst_ResultsModel::rowsMatchTheStoreAfterALiveRun()
{
    RunController controller;
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ResultsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A second proxy, sorted by latency and showing only 2xx, re-sorts and re-filters live.
    ResultsFilterProxy sorted;
    sorted.setSourceModel(&model);
    sorted.setStatusClassEnabled(StatusClass::ClientError, false);
    QAbstractItemModelTester sortedTester(
        &sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(&controller);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(&controller, &RunController::finished);
    RunOptions options;
    options.concurrency = 10;
    options.maxRedirects = 0;
    const qint64 total = 600;
    controller.start(mixedRequests(total / Paths.size()), options);
    sorted.sort(model.sectionOf(ResultsModel::LatencyColumn), Qt::DescendingOrder);
    QVERIFY(finished.wait(60000));

    const ResultStore *store = controller.results();
    QCOMPARE(model.rowCount(), int(total));
    QCOMPARE(proxy.rowCount(), int(total));
    // Batched: rows arrive in a few insertions, not one per result.
    QVERIFY(inserted.count() >= 1);
    QVERIFY2(inserted.count() < total / 5, qPrintable(QString::number(inserted.count())));

    const QStringList columns = model.dataColumns();
    QCOMPARE(columns, (QStringList {QStringLiteral("user"), QStringLiteral("id")}));
    QCOMPARE(model.columnCount(), ResultsModel::ColumnCount + 2);
    // Data columns come after what the run measured, and say they are data.
    QCOMPARE(model.headerData(ResultsModel::ColumnCount, Qt::Horizontal).toString(),
        QStringLiteral("data: user"));
    QCOMPARE(model.sectionOf(ResultsModel::StatusColumn), ResultsModel::NameColumn + 1);
    QCOMPARE(model.sectionOf(ResultsModel::ErrorColumn), ResultsModel::NameColumn + 2);
    QCOMPARE(model.sectionOf(ResultsModel::LatencyColumn), ResultsModel::NameColumn + 3);
    QCOMPARE(model.sectionOf(ResultsModel::TtfbColumn), ResultsModel::NameColumn + 4);
    QCOMPARE(model.sectionOf(ResultsModel::SizeColumn), ResultsModel::NameColumn + 5);
    const int status = model.sectionOf(ResultsModel::StatusColumn);
    const int error = model.sectionOf(ResultsModel::ErrorColumn);
    const int latency = model.sectionOf(ResultsModel::LatencyColumn);
    int clientErrors = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Result &result = store->at(row);
        QCOMPARE(model.resultAt(row), &result);
        QCOMPARE(cell(model, row, ResultsModel::IndexColumn), QString::number(row));
        QCOMPARE(cell(model, row, ResultsModel::NameColumn),
            QStringLiteral("req %1").arg(row % Paths.size()));
        QVERIFY(cell(model, row, ResultsModel::UrlColumn).endsWith(Paths.at(row % Paths.size())));
        QCOMPARE(cell(model, row, ResultsModel::ColumnCount),
            Users.at((row % Paths.size()) % Users.size()));
        QCOMPARE(cell(model, row, ResultsModel::ColumnCount + 1),
            QString::number(100 + row % Paths.size()));
        QCOMPARE(cell(model, row, status),
            result.status ? QString::number(result.status) : QStringLiteral("—"));
        QCOMPARE(
            model.data(model.index(row, status), ResultsModel::SortRole).toLongLong() > 0, true);
        QCOMPARE(cell(model, row, error),
            result.error == ErrorCategory::None ? QString() : errorCategoryName(result.error));
        QCOMPARE(model.data(model.index(row, latency), ResultsModel::SortRole).toLongLong(),
            result.latencyUs());
        QCOMPARE(model.data(model.index(row, status), Qt::ForegroundRole).value<QColor>(),
            StatusColors::forStatus(result.status, result.error, QGuiApplication::palette()));
        clientErrors += result.status >= 400 && result.status < 500 ? 1 : 0;
        // The run's mix, seen through the table. Rarely, a request next to /drop loses its
        // connection too (Qt re-sends on a closed kept-alive connection): only answers count.
        if (result.error == ErrorCategory::None) {
            static const QStringList expected {QStringLiteral("200"), QStringLiteral("404"),
                QStringLiteral("500"), QString(), QStringLiteral("200"), QStringLiteral("302")};
            QCOMPARE(cell(model, row, status), expected.at(row % Paths.size()));
        } else {
            QVERIFY(!cell(model, row, error, Qt::ToolTipRole).isEmpty());
        }
        if (row % Paths.size() == 3)
            QCOMPARE(cell(model, row, error), errorCategoryName(ErrorCategory::ConnectionClosed));
        const int assertions = model.sectionOf(ResultsModel::AssertionsColumn);
        if (row % Paths.size() == 4 && result.error == ErrorCategory::None) {
            QCOMPARE(cell(model, row, assertions), QStringLiteral("1/1"));
        } else if (row % Paths.size() == 5 && result.error == ErrorCategory::None) {
            QCOMPARE(cell(model, row, assertions), ResultsModel::tr("%n failed", nullptr, 1));
            QVERIFY(cell(model, row, assertions, Qt::ToolTipRole).contains(QStringLiteral("302")));
        } else if (row % Paths.size() < 4) {
            QCOMPARE(cell(model, row, assertions), QString());
        }
    }
    QVERIFY(clientErrors > total / Paths.size() / 2);
    QCOMPARE(sorted.rowCount(), int(total) - clientErrors);
    // Descending latency, the 404s filtered out, even though rows arrived while sorted.
    for (int row = 1; row < sorted.rowCount(); ++row) {
        const qint64 before
            = sorted.index(row - 1, latency).data(ResultsModel::SortRole).toLongLong();
        const qint64 after = sorted.index(row, latency).data(ResultsModel::SortRole).toLongLong();
        QVERIFY2(before >= after,
            qPrintable(QStringLiteral("row %1: %2 < %3").arg(row).arg(before).arg(after)));
        QVERIFY(cell(sorted, row, status) != QStringLiteral("404"));
    }
}

void tst_ResultsModel::rowsAppearBeforeASlowEarlierRequestFinishes()
{
    RunController controller;
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ResultsFilterProxy only2xx;
    only2xx.setSourceModel(&model);
    only2xx.setStatusClassEnabled(StatusClass::ServerError, false);
    QAbstractItemModelTester proxyTester(
        &only2xx, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(&controller);

    RequestSpec slow;
    slow.url = m_server.baseUrl().resolved(QUrl(QStringLiteral("/delay/1500")));
    RequestSpec fast;
    fast.url = m_server.baseUrl().resolved(QUrl(QStringLiteral("/get")));
    QList<RequestSpec> specs {slow};
    for (int i = 0; i < 40; ++i)
        specs.append(fast);
    QSignalSpy finished(&controller, &RunController::finished);
    RunOptions options;
    options.concurrency = 4;
    controller.start(std::make_shared<RequestList>(specs), options);

    // The fast requests after the slow first one show up while it is still out.
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 1, 5000);
    QVERIFY(!controller.results()->isDone(0));
    const int status = model.sectionOf(ResultsModel::StatusColumn);
    QCOMPARE(cell(model, 0, status), ResultsModel::tr("pending"));
    QCOMPARE(model.data(model.index(0, status), ResultsModel::StatusClassRole).toInt(), -1);
    QCOMPARE(model.resultAt(0), nullptr);
    QCOMPARE(cell(model, 0, ResultsModel::UrlColumn), slow.url.toDisplayString());
    QCOMPARE(cell(model, 1, status), QStringLiteral("200"));
    // A class filter hides the pending row until its class is known.
    QCOMPARE(only2xx.rowCount(), model.rowCount() - 1);

    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 41);
    QCOMPARE(cell(model, 0, status), QStringLiteral("200"));
    QCOMPARE(only2xx.rowCount(), 41);
    QCOMPARE(only2xx.sourceRow(0), 0);
}

void tst_ResultsModel::statusClassFilterSelectsItsRows_data()
{
    QTest::addColumn<int>("statusClass");
    QTest::addColumn<int>("lowest");
    QTest::addColumn<int>("highest");
    QTest::addColumn<QList<int>>("pathIndexes");
    QTest::newRow("2xx") << int(StatusClass::Success) << 200 << 299 << QList<int> {0, 4};
    QTest::newRow("3xx") << int(StatusClass::Redirect) << 300 << 399 << QList<int> {5};
    QTest::newRow("4xx") << int(StatusClass::ClientError) << 400 << 499 << QList<int> {1};
    QTest::newRow("5xx") << int(StatusClass::ServerError) << 500 << 599 << QList<int> {2};
    // No status: a transport error.
    QTest::newRow("errors") << int(StatusClass::TransportError) << 0 << 0 << QList<int> {3};
}

void tst_ResultsModel::statusClassFilterSelectsItsRows()
{
    QFETCH(int, statusClass);
    QFETCH(int, lowest);
    QFETCH(int, highest);
    QFETCH(QList<int>, pathIndexes);
    ResultsFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int c = 0; c < StatusClassCount; ++c)
        proxy.setStatusClassEnabled(StatusClass(c), c == statusClass);
    QVERIFY(proxy.isFiltering());

    const ResultStore *store = m_finished->results();
    QList<int> expected;
    for (int row = 0; row < store->size(); ++row) {
        const Result &result = store->at(row);
        const int status = result.error == ErrorCategory::None ? result.status : 0;
        if (status >= lowest && status <= highest)
            expected.append(row);
    }
    QList<int> shown;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        shown.append(proxy.sourceRow(row));
        QCOMPARE(proxy.index(row, 0).data(ResultsModel::StatusClassRole).toInt(), statusClass);
    }
    QCOMPARE(shown, expected);
    // The rows are those the mix sent there (all but a rare casualty of /drop).
    QVERIFY(expected.size() > pathIndexes.size() * 20 - 3);
    for (const int row : std::as_const(expected))
        QVERIFY2(pathIndexes.contains(row % Paths.size())
                || statusClass == int(StatusClass::TransportError),
            qPrintable(QString::number(row)));

    // All classes again: every row is back.
    for (int c = 0; c < StatusClassCount; ++c)
        proxy.setStatusClassEnabled(StatusClass(c), true);
    QVERIFY(!proxy.isFiltering());
    QCOMPARE(proxy.rowCount(), m_model->rowCount());
}

void tst_ResultsModel::errorsOnlyAndTextFilters()
{
    ResultsFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto sourceRows = [&proxy] {
        QList<int> rows;
        for (int row = 0; row < proxy.rowCount(); ++row)
            rows.append(proxy.sourceRow(row));
        return rows;
    };
    const ResultStore *store = m_finished->results();
    const auto rowsWhere = [store](const std::function<bool(const Result &)> &predicate) {
        QList<int> rows;
        for (int row = 0; row < store->size(); ++row) {
            if (predicate(store->at(row)))
                rows.append(row);
        }
        return rows;
    };

    proxy.setErrorsOnly(true);
    // 404, 500, the dropped connection and the 302 failing its assertion; not the 2xx.
    QCOMPARE(sourceRows(), rowsWhere([](const Result &r) {
        return r.error != ErrorCategory::None || r.status >= 400 || r.assertionsFailed > 0;
    }));
    QVERIFY(proxy.rowCount() >= 4 * 20 - 3);
    for (const int row : sourceRows())
        QVERIFY(row % Paths.size() != 0 && row % Paths.size() != 4);
    proxy.setErrorsOnly(false);

    proxy.setText(QStringLiteral("STATUS/500"));
    QCOMPARE(proxy.rowCount(), 20);
    for (const int row : sourceRows())
        QCOMPARE(row % Paths.size(), 2);

    // Data values match: "carol" is the user of requests 2 and 5.
    proxy.setText(QStringLiteral("carol"));
    QCOMPARE(proxy.rowCount(), 40);
    for (const int row : sourceRows())
        QVERIFY(row % Paths.size() == 2 || row % Paths.size() == 5);

    // The error's name matches too.
    proxy.setText(errorCategoryName(ErrorCategory::ConnectionClosed));
    QCOMPARE(sourceRows(),
        rowsWhere([](const Result &r) { return r.error == ErrorCategory::ConnectionClosed; }));
    QVERIFY(proxy.rowCount() >= 20);

    // Filters combine.
    proxy.setText(QStringLiteral("req"));
    proxy.setErrorsOnly(true);
    proxy.setStatusClassEnabled(StatusClass::ServerError, false);
    QCOMPARE(sourceRows(), rowsWhere([](const Result &r) {
        return r.error != ErrorCategory::None || (r.status >= 400 && r.status < 500)
            || (r.status < 400 && r.assertionsFailed > 0);
    }));
    proxy.setText(QString());
    proxy.setErrorsOnly(false);
    proxy.setStatusClassEnabled(StatusClass::ServerError, true);
    QCOMPARE(proxy.rowCount(), 120);
}

void tst_ResultsModel::sortsOnRawValues()
{
    ResultsFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int status = m_model->sectionOf(ResultsModel::StatusColumn);
    proxy.sort(status, Qt::AscendingOrder);
    // Numerically by status, the transport errors (no status) after every answer.
    QStringList seen;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString text = cell(proxy, row, status);
        if (seen.isEmpty() || seen.last() != text)
            seen.append(text);
    }
    QCOMPARE(seen,
        (QStringList {QStringLiteral("200"), QStringLiteral("302"), QStringLiteral("404"),
            QStringLiteral("500"), QStringLiteral("—")}));

    // Text in numeric order: "req 10" would follow "req 9"; the index breaks ties stably.
    proxy.sort(ResultsModel::ColumnCount + 1, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, ResultsModel::ColumnCount + 1), QStringLiteral("105"));
    QCOMPARE(
        cell(proxy, proxy.rowCount() - 1, ResultsModel::ColumnCount + 1), QStringLiteral("100"));

    const int size = m_model->sectionOf(ResultsModel::SizeColumn);
    proxy.sort(size, Qt::AscendingOrder);
    qint64 previous = 0;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const qint64 bytes = proxy.index(row, size).data(ResultsModel::SortRole).toLongLong();
        QVERIFY(bytes >= previous || bytes < 0 || previous < 0);
        previous = bytes;
    }
}

void tst_ResultsModel::defersSortingABigLiveRunToItsEnd()
{
    RunController controller;
    ResultsModel model;
    model.setController(&controller);
    ResultsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setLiveSortLimit(100); // "big" for the test: 300 requests
    const int latency = model.sectionOf(ResultsModel::LatencyColumn);
    proxy.sort(latency, Qt::DescendingOrder);
    QVERIFY(!proxy.isSortDeferred());
    QSignalSpy deferred(&proxy, &ResultsFilterProxy::sortDeferredChanged);
    QSignalSpy finished(&controller, &RunController::finished);

    RequestSpec get;
    get.url = m_server.baseUrl().resolved(QUrl(QStringLiteral("/get")));
    RunOptions options;
    options.concurrency = 4;
    controller.start(std::make_shared<RequestList>(QList<RequestSpec> {get}, 300), options);
    QVERIFY(model.isLive());
    QVERIFY(proxy.isSortDeferred());
    QTRY_VERIFY_WITH_TIMEOUT(proxy.rowCount() > 10 || !controller.isActive(), 10000);
    if (controller.isActive()) {
        // Meanwhile, run order.
        for (int row = 0; row < 10; ++row)
            QCOMPARE(proxy.sourceRow(row), row);
    }
    // A fast run may have finished during the wait above: wait() only sees a new emission.
    QVERIFY(finished.count() > 0 || finished.wait(30000));
    QVERIFY(!model.isLive());
    QVERIFY(!proxy.isSortDeferred());
    QCOMPARE(deferred.count(), 2);
    QCOMPARE(proxy.rowCount(), 300);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        QVERIFY(proxy.index(row - 1, latency).data(ResultsModel::SortRole).toLongLong()
            >= proxy.index(row, latency).data(ResultsModel::SortRole).toLongLong());
    }
}

void tst_ResultsModel::resetsOnANewRun()
{
    RunController controller;
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(&controller);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(mixedRequests(2), RunOptions());
    QVERIFY(finished.wait(30000));
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.columnCount(), ResultsModel::ColumnCount + 2);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    RequestSpec plain;
    plain.url = m_server.baseUrl().resolved(QUrl(QStringLiteral("/status/503")));
    controller.start(std::make_shared<RequestList>(QList<RequestSpec> {plain}, 3), RunOptions());
    QCOMPARE(reset.count(), 1);
    QVERIFY(finished.wait(30000));
    QCOMPARE(model.rowCount(), 3);
    // No data set this time: no data columns.
    QCOMPARE(model.columnCount(), int(ResultsModel::ColumnCount));
    QCOMPARE(model.sectionOf(ResultsModel::StatusColumn), int(ResultsModel::StatusColumn));
    QCOMPARE(cell(model, 2, ResultsModel::StatusColumn), QStringLiteral("503"));

    // A model picking up a controller that already ran shows that run.
    ResultsModel late;
    late.setController(&controller);
    QCOMPARE(late.rowCount(), 3);
    late.setController(nullptr);
    QCOMPARE(late.rowCount(), 0);
}

void tst_ResultsModel::statusColoursReadOnLightAndDark()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    QVERIFY(!StatusColors::isDark(light));
    QVERIFY(StatusColors::isDark(dark));
    for (int c = 0; c < StatusClassCount; ++c) {
        for (const QPalette &palette : {light, dark}) {
            const QColor color = StatusColors::forClass(StatusClass(c), palette);
            const double ratio = contrast(color, palette.color(QPalette::Base));
            QVERIFY2(ratio >= 4.5,
                qPrintable(QStringLiteral("class %1 on %2: %3")
                               .arg(c)
                               .arg(palette.color(QPalette::Base).name())
                               .arg(ratio)));
        }
    }
    QCOMPARE(StatusColors::classFor(204, ErrorCategory::None), StatusClass::Success);
    QCOMPARE(StatusColors::classFor(304, ErrorCategory::None), StatusClass::Redirect);
    QCOMPARE(StatusColors::classFor(429, ErrorCategory::None), StatusClass::ClientError);
    QCOMPARE(StatusColors::classFor(503, ErrorCategory::None), StatusClass::ServerError);
    // A transport error wins even after a status arrived (a reset mid-body).
    QCOMPARE(
        StatusColors::classFor(200, ErrorCategory::ConnectionClosed), StatusClass::TransportError);
}

QTEST_MAIN(tst_ResultsModel)
#include "tst_resultsmodel.moc"
