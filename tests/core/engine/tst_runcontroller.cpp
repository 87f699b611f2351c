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

QTEST_GUILESS_MAIN(tst_RunController)
#include "tst_runcontroller.moc"
