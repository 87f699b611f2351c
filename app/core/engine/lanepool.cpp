#include "core/engine/lanepool.h"

#include "core/http/fasthttpmanager.h"

#include <QHostAddress>
#include <QNetworkAccessManager>

namespace {
// Qt's HTTP/2 stack allows 100 concurrent streams per connection until the server says otherwise.
constexpr int Http2StreamsPerLane = 100;
constexpr int Http1ConnectionsPerLane = 6;

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QNetworkProxy proxyFromUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const auto type = scheme.startsWith(QLatin1String("socks")) ? QNetworkProxy::Socks5Proxy
                                                                : QNetworkProxy::HttpProxy;
    const int defaultPort = type == QNetworkProxy::Socks5Proxy ? 1080 : 8080;
    return QNetworkProxy(
        type, url.host(), quint16(url.port(defaultPort)), url.userName(), url.password());
}
} // namespace

LanePool::LanePool(QObject *owner, const RunOptions &options)
    : m_owner(owner)
    , m_capacity(options.httpVersion == HttpVersionPolicy::Http2 ? Http2StreamsPerLane
                                                                 : Http1ConnectionsPerLane)
    , m_fastPath(options.fastHttpPath && !FastHttpManager::disabledByEnvironment())
{
    // Without a proxy of its own a lane follows the application's proxy settings (Run sets them to
    // the system's once, at start-up).
    if (!options.proxy.isEmpty()) {
        m_hasProxy = true;
        m_proxy = proxyFromUrl(QUrl(options.proxy));
    }
}

LanePool::Lane *LanePool::acquire(const QUrl &url)
{
    const QString key = url.scheme() + QLatin1Char('|') + url.host() + QLatin1Char('|')
        + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    std::vector<std::unique_ptr<Lane>> &lanes = m_lanes[key];
    Lane *best = nullptr;
    for (const auto &lane : lanes) {
        if (!best || lane->inFlight < best->inFlight)
            best = lane.get();
    }
    if (!best || best->inFlight >= m_capacity) {
        auto lane = std::make_unique<Lane>();
        lane->manager = createManager(url);
        lanes.push_back(std::move(lane));
        best = lanes.back().get();
    }
    ++best->inFlight;
    return best;
}

int LanePool::laneCount() const
{
    int count = 0;
    for (const auto &host : m_lanes)
        count += int(host.second.size());
    return count;
}

FastHttpManager *LanePool::createManager(const QUrl &url) const
{
    // Its fast path takes the plain-http requests (HTTP/1.1 and h2c); the rest goes to Qt's stack
    // as before.
    auto *manager = new FastHttpManager(m_owner, Http1ConnectionsPerLane);
    manager->setFastPathEnabled(m_fastPath);
    manager->setAutoDeleteReplies(false);
    manager->setStrictTransportSecurityEnabled(false);
    if (m_hasProxy)
        manager->setProxy(m_proxy);
    else if (isLoopback(url))
        // A system proxy cannot reach this machine's loopback; never send local traffic to it.
        manager->setProxy(QNetworkProxy::NoProxy);
    return manager;
}
