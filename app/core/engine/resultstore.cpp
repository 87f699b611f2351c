#include "core/engine/resultstore.h"

ResultStore::ResultStore(qint64 size)
    : m_size(qMax<qint64>(0, size))
    , m_chunkCount((m_size + ChunkSize - 1) >> ChunkShift)
{
    m_chunks = std::make_unique<std::atomic<Chunk *>[]>(size_t(m_chunkCount));
    for (qint64 i = 0; i < m_chunkCount; ++i)
        m_chunks[i].store(nullptr, std::memory_order_relaxed);
}

ResultStore::~ResultStore()
{
    for (qint64 i = 0; i < m_chunkCount; ++i)
        delete m_chunks[i].load(std::memory_order_relaxed);
}

bool ResultStore::isDone(qint64 index) const
{
    if (index < 0 || index >= m_size)
        return false;
    const Chunk *chunk = m_chunks[index >> ChunkShift].load(std::memory_order_acquire);
    return chunk && chunk->done[index & (ChunkSize - 1)].load(std::memory_order_acquire);
}

const Result &ResultStore::at(qint64 index) const
{
    Q_ASSERT(isDone(index));
    const Chunk *chunk = m_chunks[index >> ChunkShift].load(std::memory_order_acquire);
    return chunk->results[index & (ChunkSize - 1)];
}

void ResultStore::put(qint64 index, Result &&result)
{
    Q_ASSERT(index >= 0 && index < m_size);
    std::atomic<Chunk *> &slot = m_chunks[index >> ChunkShift];
    Chunk *chunk = slot.load(std::memory_order_relaxed);
    if (!chunk) {
        chunk = new Chunk;
        slot.store(chunk, std::memory_order_release);
    }
    const qint64 offset = index & (ChunkSize - 1);
    Q_ASSERT(!chunk->done[offset].load(std::memory_order_relaxed));
    if (result.detail) {
        const ResultDetail &d = *result.detail;
        m_detailBytes.fetch_add(qint64(sizeof(ResultDetail)) + d.bodySample.capacity()
                + d.errorMessage.capacity() * 2 + d.responseHeaders.size() * 64,
            std::memory_order_relaxed);
    }
    chunk->results[offset] = std::move(result);
    chunk->done[offset].store(1, std::memory_order_release);
    m_completed.fetch_add(1, std::memory_order_release);

    qint64 ordered = m_ordered.load(std::memory_order_relaxed);
    if (ordered == index) {
        while (ordered < m_size && isDone(ordered))
            ++ordered;
        m_ordered.store(ordered, std::memory_order_release);
    }
}

qint64 ResultStore::memoryUsage() const
{
    qint64 chunks = 0;
    for (qint64 i = 0; i < m_chunkCount; ++i)
        chunks += m_chunks[i].load(std::memory_order_relaxed) ? 1 : 0;
    return chunks * qint64(sizeof(Chunk)) + m_detailBytes.load(std::memory_order_relaxed);
}
