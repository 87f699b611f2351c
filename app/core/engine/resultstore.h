// Where a run's results live, each at its input index; safe to read from another thread.
#pragma once

#include "core/engine/requestsource.h"
#include "core/model/result.h"

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <vector>

/// A fixed-size, append-once array of results. The engine's thread writes each slot exactly once
/// with put(); any thread may read a slot once isDone() says so, without a lock. Memory is taken in
/// chunks as results arrive, so a stopped run of a million requests does not pay for them all.
class ResultStore
{
public:
    explicit ResultStore(qint64 size);
    ~ResultStore();
    ResultStore(const ResultStore &) = delete;
    ResultStore &operator=(const ResultStore &) = delete;

    qint64 size() const { return m_size; }
    /// Results stored so far, in any order.
    qint64 completedCount() const { return m_completed.load(std::memory_order_acquire); }
    /// Length of the longest run of stored results starting at index 0: the ordered stream.
    qint64 orderedCount() const { return m_ordered.load(std::memory_order_acquire); }

    bool isDone(qint64 index) const;
    /// The result at index; only valid when isDone(index).
    const Result &at(qint64 index) const;

    /// Stores the result for index (once) and advances the ordered prefix. Engine thread only.
    void put(qint64 index, Result &&result);

    /// Looks results up in this store (null while not stored), for RequestSource::build().
    ResultLookup lookup() const
    {
        return [this](qint64 index) {
            return isDone(index) ? &at(index) : nullptr;
        };
    }
    /// Request index of source as it was sent: built with its dependencies' captures.
    RequestSpec requestFor(const RequestSource &source, qint64 index) const
    {
        return source.hasDependencies() ? source.build(index, lookup()) : source.at(index);
    }

    /// Bytes held by results and their details; an estimate for memory reports.
    qint64 memoryUsage() const;

private:
    static constexpr int ChunkShift = 14; // 16,384 results per chunk
    static constexpr qint64 ChunkSize = qint64(1) << ChunkShift;

    struct Chunk
    {
        Result results[ChunkSize];
        std::atomic<quint8> done[ChunkSize] = {};
    };

    const qint64 m_size;
    std::unique_ptr<std::atomic<Chunk *>[]> m_chunks;
    qint64 m_chunkCount = 0;
    std::atomic<qint64> m_completed {0};
    std::atomic<qint64> m_ordered {0};
    std::atomic<qint64> m_detailBytes {0};
};
