// How long the workbench's event loop stalls while a big run fills the results table or charts.
//
//   bench_gui_stall [-n N] [-c C] [--tab results|charts] [--url URL]
//
// Opens the MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise) on a collection of one
// GET to {{rafagaServer}}/get (the in-process built-in server, as a user's first run does) or to
// --url, run N times (iterations) with C in flight, with the chosen tab visible: the user sees one
// tab at a time, so each is measured on its own. A 5 ms heartbeat timer records every gap between
// its ticks from Run until the window has shown the end; stall = gap - 5 ms. Paint events of the
// table and the plots are counted to show the visible tab really was painted.
#include "core/collection/collectionfile.h"
#include "gui/charts/chartspanel.h"
#include "gui/mainwindow.h"
#include "gui/run/resultspane.h"
#include "core/engine/runcontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

namespace {
constexpr int HeartbeatMs = 5;

/// Counts paint events received by the widgets under one ancestor.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *ancestor)
        : m_ancestor(ancestor)
    {
    }
    qint64 count() const { return m_count; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType()
            && (watched == m_ancestor || m_ancestor->isAncestorOf(static_cast<QWidget *>(watched))))
            ++m_count;
        return false;
    }

private:
    QWidget *m_ancestor;
    qint64 m_count = 0;
};

/// Records the gaps between ticks of a 5 ms timer: a long gap is a stalled event loop.
class Heartbeat : public QObject
{
public:
    struct Gap
    {
        qint64 endUs; ///< when the late tick came, from start()
        qint64 lengthUs;
    };

    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(HeartbeatMs);
        connect(&m_timer, &QTimer::timeout, this, &Heartbeat::tick);
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    /// The gaps, longest first.
    std::vector<Gap> gapsByLength() const
    {
        std::vector<Gap> gaps = m_gaps;
        std::sort(gaps.begin(), gaps.end(),
                  [](const Gap &a, const Gap &b) { return a.lengthUs > b.lengthUs; });
        return gaps;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed() / 1000;
        m_gaps.push_back({now, now - m_last});
        m_last = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<Gap> m_gaps;
};

QString writeCollection(const QString &folder, const QString &url, int concurrency, int iterations)
{
    CollectionItem request;
    request.name = QStringLiteral("get");
    request.request.url = url;
    Collection collection;
    collection.name = QStringLiteral("stall bench");
    collection.items.append(request);
    collection.run.concurrency = concurrency;
    collection.run.iterations = iterations;
    const QString path = folder + QStringLiteral("/stall.rafaga.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(serializeCollection(collection)) < 0)
        return QString();
    return path;
}

/// The gap that fraction p of the gaps (sorted longest first) do not exceed, in ms.
double percentileMs(const std::vector<Heartbeat::Gap> &longestFirst, double p)
{
    if (longestFirst.empty())
        return 0;
    const size_t rank = size_t((1.0 - p) * double(longestFirst.size() - 1) + 0.5);
    return double(longestFirst[rank].lengthUs) / 1000.0;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("rafaga-bench"));
    QApplication::setApplicationName(QStringLiteral("bench_gui_stall"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Worst event-loop stall of the workbench during a run."));
    parser.addOptions({
        {QStringLiteral("n"), QStringLiteral("Requests in the run (default 100000)."), QStringLiteral("N")},
        {QStringLiteral("c"), QStringLiteral("Requests in flight (default 20)."), QStringLiteral("C")},
        {QStringLiteral("tab"), QStringLiteral("The tab shown: results (default) or charts."), QStringLiteral("TAB")},
        {QStringLiteral("url"), QStringLiteral("The URL (default {{rafagaServer}}/get)."), QStringLiteral("URL")},
    });
    parser.addHelpOption();
    parser.process(app);
    const int requests = parser.isSet(QStringLiteral("n")) ? parser.value(QStringLiteral("n")).toInt() : 100000;
    const int concurrency = parser.isSet(QStringLiteral("c")) ? parser.value(QStringLiteral("c")).toInt() : 20;
    const QString tab = parser.isSet(QStringLiteral("tab")) ? parser.value(QStringLiteral("tab")) : QStringLiteral("results");
    const QString url = parser.isSet(QStringLiteral("url")) ? parser.value(QStringLiteral("url"))
                                                            : QStringLiteral("{{rafagaServer}}/get");
    if (requests < 1 || concurrency < 1 || (tab != QLatin1String("results") && tab != QLatin1String("charts"))) {
        std::fprintf(stderr, "usage: bench_gui_stall [-n N] [-c C] [--tab results|charts] [--url URL]\n");
        return 2;
    }

    QTemporaryDir folder;
    const QString path = writeCollection(folder.path(), url, concurrency, requests);
    MainWindow window;
    if (path.isEmpty() || !window.openCollection(path)) {
        std::fprintf(stderr, "bench_gui_stall: cannot write or open the collection\n");
        return 1;
    }
    window.resize(1400, 900);
    window.show();
    window.showTab(
        tab == QLatin1String("charts") ? MainWindow::Tab::Charts : MainWindow::Tab::Results);

    PaintCounter resultsPaints(window.resultsPane());
    PaintCounter chartsPaints(window.chartsPanel());
    app.installEventFilter(&resultsPaints);
    app.installEventFilter(&chartsPaints);

    Heartbeat heartbeat;
    QObject::connect(&window, &MainWindow::runFinished, &app, [&heartbeat] {
        // Keep beating a little, so the final refresh and repaint are measured too.
        QTimer::singleShot(500, qApp, [&heartbeat] {
            heartbeat.stop();
            QApplication::quit();
        });
    });
    // Let the window settle (first layout and paint) before the run starts.
    QTimer::singleShot(500, &window, [&window, &heartbeat] {
        heartbeat.start();
        window.runCollection();
    });
    app.exec();

    const RunController *runs = window.runController();
    const qint64 completed = runs->results() ? runs->results()->completedCount() : 0;
    const double seconds = double(runs->elapsedUs()) / 1e6;
    const RunStats stats = runs->statsSnapshot();
    const qint64 storeBytes = runs->results() ? runs->results()->memoryUsage() : 0;
    const std::vector<Heartbeat::Gap> gaps = heartbeat.gapsByLength();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    const double worst = percentileMs(gaps, 1.0);
    std::printf("tab %s, %lld requests (%lld ok), c=%d, %.2f s, %.0f req/s\n", qPrintable(tab),
                completed, stats.succeeded(), concurrency, seconds, seconds > 0 ? completed / seconds : 0);
    std::printf("heartbeat %d ms: %zu gaps, p50 %.1f ms, p99 %.1f ms, worst %.1f ms -> worst stall %.1f ms\n",
                HeartbeatMs, gaps.size(), percentileMs(gaps, 0.5), percentileMs(gaps, 0.99), worst,
                std::max(0.0, worst - HeartbeatMs));
    const auto over = std::count_if(gaps.begin(), gaps.end(),
                                    [](const Heartbeat::Gap &gap) { return gap.lengthUs > 55000; });
    std::printf("gaps over 55 ms: %lld; longest at", qint64(over));
    for (size_t i = 0; i < std::min<size_t>(3, gaps.size()); ++i)
        std::printf(" %.2f s (%.1f ms)", gaps[i].endUs / 1e6, gaps[i].lengthUs / 1000.0);
    std::printf(" after Run\n");
    std::printf("paint events: results pane %lld, charts panel %lld\n", resultsPaints.count(),
                chartsPaints.count());
    std::printf("result store %.1f MB (%.0f bytes/result), peak RSS %.1f MB\n", storeBytes / 1048576.0,
                completed > 0 ? double(storeBytes) / completed : 0.0, usage.ru_maxrss / 1024.0);
    return 0;
}
