// The result store: each result at its input index, the ordered prefix, and reading while writing.
#include "core/engine/resultstore.h"

#include <QTest>
#include <QThread>

#include <atomic>

namespace {
Result resultFor(qint64 index)
{
    Result result;
    result.requestIndex = quint32(index);
    result.status = quint16(200 + index % 100);
    result.finishedUs = index * 10;
    return result;
}
} // namespace

class tst_ResultStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderedPrefix_data();
    void orderedPrefix();
    void crossesChunkBoundaries();
    void readerSeesOnlyCompleteResults();
    void plainResultIsSmall();
};

void tst_ResultStore::orderedPrefix_data()
{
    QTest::addColumn<QList<qint64>>("arrivals");
    QTest::addColumn<QList<qint64>>("prefixes");
    QTest::newRow("in order") << QList<qint64> {0, 1, 2, 3} << QList<qint64> {1, 2, 3, 4};
    QTest::newRow("reversed") << QList<qint64> {3, 2, 1, 0} << QList<qint64> {0, 0, 0, 4};
    QTest::newRow("gap filled late") << QList<qint64> {0, 2, 3, 1} << QList<qint64> {1, 1, 1, 4};
    QTest::newRow("interleaved") << QList<qint64> {1, 0, 3, 2} << QList<qint64> {0, 2, 2, 4};
}

void tst_ResultStore::orderedPrefix()
{
    QFETCH(QList<qint64>, arrivals);
    QFETCH(QList<qint64>, prefixes);
    ResultStore store(arrivals.size());
    QList<qint64> seen;
    for (qint64 index : std::as_const(arrivals)) {
        QVERIFY(!store.isDone(index));
        store.put(index, resultFor(index));
        QVERIFY(store.isDone(index));
        seen.append(store.orderedCount());
    }
    QCOMPARE(seen, prefixes);
    QCOMPARE(store.completedCount(), qint64(arrivals.size()));
    for (qint64 i = 0; i < arrivals.size(); ++i)
        QCOMPARE(store.at(i).requestIndex, quint32(i));
}

void tst_ResultStore::crossesChunkBoundaries()
{
    const qint64 size = 100000; // several chunks, the last one partial
    ResultStore store(size);
    QVERIFY(!store.isDone(-1));
    QVERIFY(!store.isDone(size));
    for (qint64 i = size - 1; i >= 1; --i)
        store.put(i, resultFor(i));
    QCOMPARE(store.orderedCount(), qint64(0));
    store.put(0, resultFor(0));
    QCOMPARE(store.orderedCount(), size);
    for (qint64 i = 0; i < size; i += 997)
        QCOMPARE(store.at(i).status, resultFor(i).status);
}

void tst_ResultStore::readerSeesOnlyCompleteResults()
{
    const qint64 size = 200000;
    ResultStore store(size);
    std::atomic<bool> mismatch {false};
    std::atomic<bool> writing {true};
    QThread *reader = QThread::create([&] {
        while (writing.load()) {
            const qint64 ordered = store.orderedCount();
            for (qint64 i = qMax<qint64>(0, ordered - 64); i < ordered; ++i) {
                if (!store.isDone(i) || store.at(i).requestIndex != quint32(i))
                    mismatch = true;
            }
        }
    });
    reader->start();
    for (qint64 i = 0; i < size; ++i)
        store.put(i, resultFor(i));
    writing = false;
    reader->wait();
    delete reader;
    QVERIFY(!mismatch.load());
    QCOMPARE(store.orderedCount(), size);
}

void tst_ResultStore::plainResultIsSmall()
{
    // The per-request cost that a million-request run pays: well under 200 bytes.
    const qint64 size = 1 << 16;
    ResultStore store(size);
    for (qint64 i = 0; i < size; ++i)
        store.put(i, resultFor(i));
    const double perResult = double(store.memoryUsage()) / double(size);
    QVERIFY2(perResult < 150, qPrintable(QString::number(perResult)));
    qInfo("bytes per stored result: %.1f (sizeof(Result) = %zu)", perResult, sizeof(Result));
}

QTEST_GUILESS_MAIN(tst_ResultStore)
#include "tst_resultstore.moc"
