// The reference "bare QNAM loop": what Qt's network stack alone does, recording nothing.
//
//   bench_qnam --url URL -n N -c C [--http2]
//
// Keeps exactly C GETs in flight until N have finished, on as many managers as Rafaga's engine
// uses: ceil(C/6) over HTTP/1.1 (Qt 6.4 opens at most six connections per host per manager) and
// ceil(C/100) with --http2 (h2c prior knowledge; Qt allows 100 streams per connection). Each
// request goes to the least busy manager. On finished the body is read and the reply deleted
// later, nothing else. Prints "N requests, OK ok, R req/s".
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cstdio>
#include <vector>

class BareLoop : public QObject
{
public:
    BareLoop(const QUrl &url, qint64 total, int concurrency, bool http2)
        : m_total(total)
        , m_concurrency(concurrency)
        , m_request(url)
    {
        const int perLane = http2 ? 100 : 6;
        const int lanes = (concurrency + perLane - 1) / perLane;
        for (int i = 0; i < lanes; ++i) {
            auto *manager = new QNetworkAccessManager(this);
            manager->setProxy(QNetworkProxy::NoProxy);
            manager->setAutoDeleteReplies(false);
            m_lanes.push_back({manager, 0});
        }
        m_request.setAttribute(QNetworkRequest::Http2AllowedAttribute, http2);
        if (http2)
            m_request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    }

    void start()
    {
        m_clock.start();
        while (m_sent < m_total && m_sent - m_finished < m_concurrency)
            send();
    }

    qint64 finished() const { return m_finished; }
    qint64 ok() const { return m_ok; }
    double seconds() const { return double(m_elapsedNs) / 1e9; }

private:
    struct Lane
    {
        QNetworkAccessManager *manager;
        int inFlight;
    };

    void send()
    {
        // The least busy lane: with ceil(C/perLane) lanes none carries more than perLane.
        Lane *lane = &m_lanes.front();
        for (Lane &candidate : m_lanes) {
            if (candidate.inFlight < lane->inFlight)
                lane = &candidate;
        }
        ++lane->inFlight;
        ++m_sent;
        QNetworkReply *reply = lane->manager->get(m_request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, lane] { onFinished(reply, lane); });
    }

    void onFinished(QNetworkReply *reply, Lane *lane)
    {
        reply->readAll();
        if (reply->error() == QNetworkReply::NoError)
            ++m_ok;
        reply->deleteLater();
        --lane->inFlight;
        ++m_finished;
        if (m_sent < m_total)
            send();
        else if (m_finished == m_total) {
            m_elapsedNs = m_clock.nsecsElapsed();
            QCoreApplication::quit();
        }
    }

    const qint64 m_total;
    const int m_concurrency;
    QNetworkRequest m_request;
    std::vector<Lane> m_lanes;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    qint64 m_finished = 0;
    qint64 m_ok = 0;
    qint64 m_elapsedNs = 0;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("N GETs, C in flight, over bare QNetworkAccessManagers."));
    parser.addOptions({
        {QStringLiteral("url"), QStringLiteral("The URL to GET."), QStringLiteral("URL")},
        {QStringLiteral("n"), QStringLiteral("Requests to send (default 1)."), QStringLiteral("N")},
        {QStringLiteral("c"), QStringLiteral("Requests in flight (default 10)."), QStringLiteral("C")},
        {QStringLiteral("http2"), QStringLiteral("HTTP/2 with prior knowledge (h2c).")},
    });
    parser.addHelpOption();
    parser.process(app);

    const QUrl url(parser.value(QStringLiteral("url")));
    const qint64 total = parser.isSet(QStringLiteral("n")) ? parser.value(QStringLiteral("n")).toLongLong() : 1;
    const int concurrency = parser.isSet(QStringLiteral("c")) ? parser.value(QStringLiteral("c")).toInt() : 10;
    if (!url.isValid() || url.host().isEmpty() || total < 1 || concurrency < 1) {
        std::fprintf(stderr, "usage: bench_qnam --url URL -n N -c C [--http2]\n");
        return 2;
    }

    BareLoop loop(url, total, concurrency, parser.isSet(QStringLiteral("http2")));
    loop.start();
    app.exec();
    std::printf("%lld requests, %lld ok, %.0f req/s\n", loop.finished(), loop.ok(),
                double(loop.finished()) / loop.seconds());
    return loop.ok() == total ? 0 : 1;
}
