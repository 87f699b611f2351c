// Spreads requests over as many QNetworkAccessManager "lanes" per host as honest concurrency needs.
#pragma once

#include "core/model/runoptions.h"

#include <QNetworkProxy>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <unordered_map>
#include <vector>

class FastHttpManager;

/// Qt 6.4 opens at most six HTTP/1.1 connections per host in one QNetworkAccessManager and has no
/// setting for it, so C requests in flight to one host need ceil(C / 6) managers. The pool keeps
/// them per host (scheme, host, port) and hands out the least busy one, creating a new lane only
/// when every lane of that host is full; the engine, which caps the total at C, therefore never
/// creates more than it needs.
class LanePool
{
public:
    struct Lane
    {
        FastHttpManager *manager = nullptr;
        int inFlight = 0;
    };

    /// Lanes are QObject children of owner, so they live in its thread.
    LanePool(QObject *owner, const RunOptions &options);

    /// A lane for url with room for one more request, counted as carrying it until release().
    Lane *acquire(const QUrl &url);
    /// The request acquire() counted on lane has finished.
    static void release(Lane *lane) { --lane->inFlight; }

    int laneCount() const;
    /// Requests one lane carries at once: 6 over HTTP/1.1, more when HTTP/2 multiplexes them.
    int capacity() const { return m_capacity; }

private:
    FastHttpManager *createManager(const QUrl &url) const;

    QObject *m_owner;
    int m_capacity;
    bool m_fastPath;
    bool m_hasProxy = false;
    QNetworkProxy m_proxy;
    // std::vector of unique lanes; Lane pointers stay valid because each host's lanes are
    // allocated individually.
    std::unordered_map<QString, std::vector<std::unique_ptr<Lane>>> m_lanes;
};
