// The run controller: a run in a worker thread, reported in batches to the owner's thread.
#include "core/engine/runcontroller.h"
#include "core/server/httpserver.h"

#include <QSignalSpy>
#include <QTest>

class tst_RunController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsInBatchesAndFinishes();
    void stopFromTheOwnerThread();
    void startsAgainAfterFinishing();
    void showsARunThatEndedElsewhere();

private:
    std::shared_ptr<RequestList> requests(const QString &path, qint64 count) const
    {
        RequestSpec spec;
        spec.url = m_server.baseUrl().resolved(QUrl(path));
        return std::make_shared<RequestList>(QList<RequestSpec> {spec}, count);
    }
    ServerThread m_server;
};

void tst_RunController::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_RunController::reportsInBatchesAndFinishes()
{
    RunController controller;
    QSignalSpy progressed(&controller, &RunController::progressed);
    QSignalSpy finished(&controller, &RunController::finished);
    RunOptions options;
    options.concurrency = 20;
    controller.start(requests(QStringLiteral("/get"), 3000), options);
    QVERIFY(controller.isActive());
    QVERIFY(finished.wait(60000));
    QVERIFY(!controller.isActive());
    QCOMPARE(controller.state(), Run::State::Finished);
    // Batched: far fewer reports than results, the last one complete and in order.
    QVERIFY(progressed.count() >= 1);
    QVERIFY2(progressed.count() < 3000 / 10, qPrintable(QString::number(progressed.count())));
    QCOMPARE(progressed.last().at(0).toLongLong(), qint64(3000));
    QCOMPARE(progressed.last().at(1).toLongLong(), qint64(3000));
    QCOMPARE(controller.statsSnapshot().succeeded(), qint64(3000));
    for (qint64 i = 0; i < 3000; i += 499)
        QCOMPARE(controller.results()->at(i).status, quint16(200));
}

void tst_RunController::stopFromTheOwnerThread()
{
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    RunOptions options;
    options.concurrency = 4;
    controller.start(requests(QStringLiteral("/delay/2000"), 40), options);
    QTRY_VERIFY_WITH_TIMEOUT(controller.statsSnapshot().maxInFlight() == 4, 5000);
    controller.stop();
    QVERIFY(finished.wait(5000));
    const RunStats stats = controller.statsSnapshot();
    QCOMPARE(stats.completed() + stats.notSent(), qint64(40));
    // Those in flight are cancelled, the rest were never sent: together every request.
    QCOMPARE(stats.errorCount(ErrorCategory::Cancelled) + stats.notSent(), qint64(40));
}

void tst_RunController::startsAgainAfterFinishing()
{
    RunController controller;
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(requests(QStringLiteral("/get"), 5), RunOptions());
    QVERIFY(finished.wait(10000));
    controller.start(requests(QStringLiteral("/status/404"), 7), RunOptions());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(controller.results()->size(), qint64(7));
    QCOMPARE(controller.statsSnapshot().statusCodes().value(404), qint64(7));
}

/// Three results read back from a file: 200, 500, 200, two of them in flight at once.
FinishedRun finishedElsewhere()
{
    FinishedRun run;
    QList<RequestSpec> specs(3);
    auto store = std::make_shared<ResultStore>(3);
    for (int i = 0; i < 3; ++i) {
        specs[i].name = QStringLiteral("request %1").arg(i);
        Result result;
        result.requestIndex = quint32(i);
        result.status = i == 1 ? 500 : 200;
        result.dispatchedUs = i * 1000;
        result.finishedUs = i * 1000 + 1500;
        run.stats.add(result, result.latencyUs());
        store->put(i, std::move(result));
    }
    run.requests = std::make_shared<RequestList>(specs);
    run.results = store;
    run.options.concurrency = 2;
    run.elapsedUs = 3500;
    run.origin = QStringLiteral("/somewhere/results.ndjson");
    return run;
}

void tst_RunController::showsARunThatEndedElsewhere()
{
    RunController controller;
    QStringList events;
    connect(
        &controller, &RunController::started, this, [&] { events << QStringLiteral("started"); });
    connect(&controller, &RunController::progressed, this, [&](qint64 completed, qint64 ordered) {
        events << QStringLiteral("progressed %1 %2").arg(completed).arg(ordered);
    });
    connect(&controller, &RunController::stateChanged, this, [&](Run::State state) {
        events << (state == Run::State::Finished ? QStringLiteral("finished state")
                                                 : QStringLiteral("other state"));
    });
    connect(
        &controller, &RunController::finished, this, [&] { events << QStringLiteral("finished"); });

    // Not while a run is active: the live run stays.
    controller.start(requests(QStringLiteral("/delay/2000"), 8), RunOptions());
    events.clear();
    controller.showFinished(finishedElsewhere());
    QVERIFY(events.isEmpty());
    QVERIFY(controller.origin().isEmpty());
    QCOMPARE(controller.size(), qint64(8));
    controller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(events.contains(QStringLiteral("finished")), 10000);

    // Shown at once, as a live run that ended would be.
    events.clear();
    controller.showFinished(finishedElsewhere());
    QCOMPARE(events,
        (QStringList {QStringLiteral("started"), QStringLiteral("progressed 3 3"),
            QStringLiteral("finished state"), QStringLiteral("finished")}));
    QVERIFY(!controller.isActive());
    QCOMPARE(controller.state(), Run::State::Finished);
    QVERIFY(controller.hasRun());
    QVERIFY(!controller.run());
    QCOMPARE(controller.origin(), QStringLiteral("/somewhere/results.ndjson"));
    QCOMPARE(controller.size(), qint64(3));
    QCOMPARE(controller.results()->at(1).status, quint16(500));
    QCOMPARE(controller.requests()->at(2).name, QStringLiteral("request 2"));
    QCOMPARE(controller.statsSnapshot().failed(), qint64(1));
    QCOMPARE(controller.elapsedUs(), qint64(3500));
    QCOMPARE(controller.options().concurrency, 2);

    // A live run replaces it.
    QSignalSpy finished(&controller, &RunController::finished);
    controller.start(requests(QStringLiteral("/get"), 5), RunOptions());
    QVERIFY(controller.origin().isEmpty());
    QVERIFY(finished.wait(10000));
    QCOMPARE(controller.size(), qint64(5));
    QCOMPARE(controller.statsSnapshot().succeeded(), qint64(5));
}

QTEST_GUILESS_MAIN(tst_RunController)
#include "tst_runcontroller.moc"
