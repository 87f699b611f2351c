#include "core/engine/run.h"

#include "core/engine/qtrequest.h"
#include "core/engine/replyoutcome.h"
#include "core/engine/retrypolicy.h"
#include "core/engine/runflight.h"
#include "core/engine/tlsconfiguration.h"
#include "core/http/fasthttpmanager.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QNetworkReply>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Run)
};

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Runs use the system's proxy settings (unless RunOptions::proxy names one). Process-wide, so set
// once when the application starts, never by a run or a pool.
void useSystemProxySettings()
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}
} // namespace
Q_COREAPP_STARTUP_FUNCTION(useSystemProxySettings)

// Checks on the body see at most this much of it, even when the run keeps no bodies.
constexpr qint64 CheckedBodyBytes = 1024 * 1024;

Run::Run(std::shared_ptr<const RequestSource> requests, const RunOptions &options, QObject *parent)
    : QObject(parent)
    , m_requests(std::move(requests))
    , m_options(options)
    , m_results(m_requests ? m_requests->size() : 0)
    , m_lanes(this, options)
    , m_flows(m_requests.get(), m_results)
    , m_pumpTimer(this) // children, so they move with the run to its thread
    , m_deadlineTimer(this)
{
    m_options.concurrency
        = m_options.sequential ? 1 : qBound(1, m_options.concurrency, RunOptions::MaxConcurrency);
    m_flights.reserve(size_t(m_options.concurrency));

    if (Parsed<QSslConfiguration> tls = tlsConfigurationFor(m_options))
        m_sslConfiguration = std::move(tls).value();
    else
        m_setupError = tls.error().toString();
    m_requestTemplates[0] = requestTemplate(m_options, m_sslConfiguration, false);
    m_requestTemplates[1] = requestTemplate(m_options, m_sslConfiguration, true);

    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pumpTimer, &QTimer::timeout, this, &Run::pump);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &Run::onDeadlineTimer);
}

Run::~Run()
{
    // Replies are children of their managers, which are children of this run; make sure none of
    // them calls back into a half-destroyed run.
    for (const auto &flight : m_flights) {
        if (flight->reply) {
            flight->reply->disconnect(this);
            flight->reply->abort();
            delete flight->reply;
        }
    }
}

RunStats Run::statsSnapshot() const
{
    QMutexLocker locker(&m_statsMutex);
    return m_stats;
}

qint64 Run::elapsedUs() const
{
    if (const qint64 finished = m_finishedAtUs.load(); finished >= 0)
        return finished;
    const qint64 started = m_startedAtNs.load();
    if (started < 0)
        return 0;
    return (steadyNowNs() - started) / 1000;
}

QDateTime Run::startedAt() const
{
    const qint64 ms = m_startedAtMsSinceEpoch.load();
    return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

void Run::start()
{
    if (m_state != State::Idle)
        return;
    m_clock.start();
    m_startedAtNs = steadyNowNs();
    m_startedAtMsSinceEpoch = QDateTime::currentMSecsSinceEpoch();
    setState(State::Running);
    if (!m_setupError.isEmpty()) {
        // Nothing can be sent as asked: every request records why (callers check first, see
        // tlsConfigurationFor, so this is the last line of defence).
        recordUnsent(ErrorCategory::Tls, m_setupError);
        QMetaObject::invokeMethod(this, &Run::finishIfDone, Qt::QueuedConnection);
        return;
    }
    if (m_results.size() == 0) {
        // Report the end from the event loop, so callers connected after start() still see it.
        QMetaObject::invokeMethod(this, &Run::finishIfDone, Qt::QueuedConnection);
        return;
    }
    pump();
}

void Run::pause()
{
    if (m_state != State::Running)
        return;
    m_pausedAtUs = nowUs();
    m_pumpTimer.stop();
    setState(State::Paused);
}

void Run::resume()
{
    if (m_state != State::Paused)
        return;
    const qint64 paused = nowUs() - m_pausedAtUs;
    m_scheduleShiftUs += paused;
    for (PendingRetry &retry : m_retries)
        retry.dueUs += paused;
    m_pausedAtUs = -1;
    setState(State::Running);
    pump();
}

void Run::stop()
{
    if (m_state == State::Idle || m_state == State::Finished || m_stopping)
        return;
    m_stopping = true;
    m_pumpTimer.stop();
    m_deadlineTimer.stop();
    // abort() emits finished synchronously, which records each as cancelled.
    for (const auto &flight : m_flights) {
        if (flight->reply)
            flight->reply->abort();
    }
    const QString message = Tr::tr("the run was stopped before this request finished");
    const qint64 now = nowUs();
    while (!m_retries.empty()) {
        PendingRetry retry = std::move(m_retries.front());
        m_retries.pop_front();
        retry.partial.finishedUs = now;
        retry.partial.error = ErrorCategory::Cancelled;
        retry.partial.detail = new ResultDetail;
        retry.partial.detail->errorMessage = message;
        complete(retry.index, std::move(retry.partial));
    }
    const QString unsent = Tr::tr("the run was stopped before this request was sent");
    for (const qint64 index : m_flows.takeAll())
        complete(index, unsentResult(index, ErrorCategory::NotSent, unsent));
    recordUnsent(ErrorCategory::NotSent, unsent);
    finishIfDone();
}

void Run::recordUnsent(ErrorCategory error, const QString &message)
{
    for (const qint64 total = m_results.size(); m_next < total; ++m_next)
        complete(m_next, unsentResult(m_next, error, message));
}

Result Run::unsentResult(qint64 index, ErrorCategory error, const QString &message) const
{
    Result result;
    result.requestIndex = quint32(index);
    result.scheduledUs = scheduledUsFor(index);
    result.finishedUs = nowUs();
    result.error = error;
    result.detail = new ResultDetail;
    result.detail->errorMessage = message;
    return result;
}

qint64 Run::scheduledUsFor(qint64 index) const
{
    if (m_options.rate <= 0)
        return -1;
    return qint64(std::llround(double(index) * 1e6 / m_options.rate)) + m_scheduleShiftUs;
}

void Run::pump()
{
    if (m_state != State::Running || m_stopping)
        return;
    const qint64 total = m_results.size();
    while (m_inFlight < m_options.concurrency) {
        const qint64 now = nowUs();
        if (!m_retries.empty() && m_retries.front().dueUs <= now) {
            PendingRetry retry = std::move(m_retries.front());
            m_retries.pop_front();
            dispatch(retry.index, retry.attempt, std::move(retry.partial));
            continue;
        }
        // Strictly one at a time: not even past a request waiting out its backoff.
        if (m_options.sequential && !m_retries.empty())
            break;
        Result fresh;
        if (m_flows.hasReady()) {
            // A flow that can go on goes first; it was due once its dependencies ended.
            const auto [index, readyUs] = m_flows.takeReady();
            fresh.requestIndex = quint32(index);
            fresh.scheduledUs = qMax(scheduledUsFor(index), readyUs);
            dispatch(index, 0, std::move(fresh));
            continue;
        }
        if (m_next >= total)
            break;
        const qint64 scheduled = scheduledUsFor(m_next);
        if (scheduled > now)
            break;
        if (!m_flows.admit(m_next)) {
            ++m_next; // it waits for a capture and comes back ready
            continue;
        }
        fresh.requestIndex = quint32(m_next);
        fresh.scheduledUs = scheduled;
        dispatch(m_next++, 0, std::move(fresh));
    }

    // Wake up for whatever is due next: a paced request or a retry whose backoff ends.
    if (m_inFlight >= m_options.concurrency)
        return;
    qint64 wakeUs = -1;
    if (!m_retries.empty())
        wakeUs = m_retries.front().dueUs;
    if (m_next < total && m_options.rate > 0) {
        const qint64 scheduled = scheduledUsFor(m_next);
        wakeUs = wakeUs < 0 ? scheduled : qMin(wakeUs, scheduled);
    }
    if (wakeUs >= 0) {
        const qint64 waitMs = qMax<qint64>(0, (wakeUs - nowUs() + 999) / 1000);
        m_pumpTimer.start(int(qMin<qint64>(waitMs, 24 * 3600 * 1000)));
    }
}

void Run::dispatch(qint64 index, int attempt, Result &&partial)
{
    const RequestSpec spec = m_flows.request(index);
    if (!spec.skipReason.isEmpty()) {
        // Accounted for with the reason, never sent. The last answer ends the run; without
        // any in flight, the event loop does.
        partial.error = ErrorCategory::Skipped;
        partial.finishedUs = nowUs();
        partial.detail = new ResultDetail;
        partial.detail->errorMessage = spec.skipReason;
        complete(index, std::move(partial));
        if (m_inFlight == 0)
            QMetaObject::invokeMethod(this, &Run::finishIfDone, Qt::QueuedConnection);
        return;
    }
    int flightId;
    if (!m_freeFlights.empty()) {
        flightId = m_freeFlights.back();
        m_freeFlights.pop_back();
    } else {
        flightId = int(m_flights.size());
        m_flights.push_back(std::make_unique<Flight>());
    }
    Flight &flight = *m_flights[size_t(flightId)];
    flight.index = index;
    flight.attempt = attempt;
    ++flight.generation;
    flight.result = std::move(partial);
    flight.bodySample.clear();
    flight.tlsErrors.clear();
    flight.context = spec.context;
    flight.sampleCap = m_options.bodySampleBytes;
    if (spec.context && checksReadBody(*spec.context))
        flight.sampleCap = qMax<qint64>(flight.sampleCap, CheckedBodyBytes);
    flight.timedOut = false;

    const qint64 now = nowUs();
    if (flight.result.dispatchedUs < 0)
        flight.result.dispatchedUs = now;
    if (flight.result.scheduledUs < 0)
        flight.result.scheduledUs = now;
    // Phase times describe the last attempt only.
    flight.result.connectStartUs = -1;
    flight.result.tlsDoneUs = -1;
    flight.result.requestSentUs = -1;
    flight.result.headersUs = -1;
    flight.result.retries = quint8(qMin(attempt, 255));
    flight.result.redirects = 0;
    flight.result.bytesSent = spec.body.size();
    flight.result.bytesReceived = 0;

    const bool https = spec.url.scheme() == QLatin1String("https");
    const QNetworkRequest request = networkRequestFor(m_requestTemplates[https ? 1 : 0], spec);
    LanePool::Lane *lane = m_lanes.acquire(spec.url);
    flight.lane = lane;
    ++m_inFlight;

    // HEAD goes through head(): as a custom verb Qt 6.4 waits for the body its Content-Length
    // announces.
    QNetworkReply *reply = lane->manager->send(request, spec.method, spec.body);
    flight.reply = reply;
    connectReply(flightId, https);
    if (m_options.timeoutMs > 0) {
        m_deadlines.push_back(
            {now + qint64(m_options.timeoutMs) * 1000, flightId, flight.generation});
        if (!m_deadlineTimer.isActive())
            armDeadlineTimer();
    }
    QMutexLocker locker(&m_statsMutex);
    m_stats.noteInFlight(now, m_inFlight);
}

void Run::onReplyFinished(int flightId)
{
    Flight &flight = *m_flights[size_t(flightId)];
    QNetworkReply *reply = flight.reply;
    takeBody(flight);
    Result result = std::move(flight.result);
    const qint64 index = flight.index;
    const int attempt = flight.attempt;

    readAnswer(*reply, result);
    if (result.headersUs < 0 && result.status > 0)
        result.headersUs = nowUs();
    const QString message = flight.timedOut
        ? Tr::tr("no complete answer within %1 ms").arg(m_options.timeoutMs)
        : classifyOutcome(*reply, m_stopping, flight.tlsErrors, result);
    if (flight.timedOut)
        result.error = ErrorCategory::Timeout;
    QByteArray retryAfter;
    if (result.status == 429 || result.status == 503)
        retryAfter = reply->rawHeader("Retry-After");
    result.detail = detailFor(flight, result, message);

    // Free the flight before anything else can dispatch into it. No disconnect (it costs a walk
    // of the reply's connections): a late signal finds the flight moved on and is ignored.
    reply->deleteLater();
    flight.reply = nullptr;
    flight.bodySample = QByteArray();
    flight.context.reset();
    LanePool::release(flight.lane);
    flight.lane = nullptr;
    m_freeFlights.push_back(flightId);
    --m_inFlight;

    retryOrComplete(index, attempt, std::move(result), retryAfter);
    if (!m_stopping)
        pump();
    finishIfDone();
}

QExplicitlySharedDataPointer<ResultDetail> Run::detailFor(
    Flight &flight, Result &result, const QString &message)
{
    const QNetworkReply &reply = *flight.reply;
    auto detail = QExplicitlySharedDataPointer<ResultDetail>(new ResultDetail);
    detail->errorMessage = message;
    if (result.redirects > 0)
        detail->finalUrl = reply.url();
    const HttpHeaders headers = reply.rawHeaderPairs();
    if (flight.context) {
        checkAnswer(*flight.context, result, *detail, headers, flight.bodySample,
            nowUs() - result.dispatchedUs);
    }
    if (m_detailBytes < m_options.detailBudgetBytes) {
        if (m_options.keepResponseHeaders) {
            detail->responseHeaders = headers;
            for (const HttpHeader &header : headers)
                m_detailBytes += header.first.size() + header.second.size() + 48;
        }
        if (flight.bodySample.size() > m_options.bodySampleBytes)
            flight.bodySample.truncate(m_options.bodySampleBytes);
        flight.bodySample.squeeze(); // a kept sample holds no spare capacity
        m_detailBytes += flight.bodySample.size();
        detail->bodySample = std::move(flight.bodySample);
    }
    if (detail->errorMessage.isEmpty() && detail->finalUrl.isEmpty()
        && detail->responseHeaders.isEmpty() && detail->bodySample.isEmpty()
        && detail->assertions.isEmpty() && detail->captures.isEmpty())
        return {};
    return detail;
}

void Run::retryOrComplete(qint64 index, int attempt, Result &&result, const QByteArray &retryAfter)
{
    if (m_stopping || attempt >= m_options.retries
        || !RetryPolicy::isRetryable(result.error, result.status)) {
        result.finishedUs = nowUs();
        complete(index, std::move(result));
        return;
    }
    qint64 waitMs
        = RetryPolicy::backoffMs(attempt, m_options.retryBaseDelayMs, m_options.retryMaxDelayMs);
    if (const auto asked = RetryPolicy::retryAfterMs(retryAfter, QDateTime::currentDateTimeUtc()))
        waitMs = qMin<qint64>(*asked, m_options.retryMaxDelayMs);
    PendingRetry retry {nowUs() + waitMs * 1000, index, attempt + 1, std::move(result)};
    retry.partial.detail.reset();
    const auto at = std::upper_bound(m_retries.begin(), m_retries.end(), retry.dueUs,
        [](qint64 due, const PendingRetry &other) { return due < other.dueUs; });
    m_retries.insert(at, std::move(retry));
}

void Run::complete(qint64 index, Result &&result)
{
    const qint64 latency = m_options.rate > 0 ? result.latencyFromScheduleUs() : result.latencyUs();
    {
        QMutexLocker locker(&m_statsMutex);
        m_stats.add(result, latency);
    }
    const qint64 orderedBefore = m_results.orderedCount();
    m_results.put(index, std::move(result));
    if (!m_stopping)
        m_flows.ended(index, nowUs());
    Q_EMIT resultAdded(index);
    const qint64 orderedAfter = m_results.orderedCount();
    if (orderedAfter != orderedBefore)
        Q_EMIT orderedAdvanced(orderedAfter);
}

void Run::armDeadlineTimer()
{
    // Drop entries whose flight has moved on; the first live one sets the timer.
    while (!m_deadlines.empty()) {
        const Deadline &head = m_deadlines.front();
        const Flight &flight = *m_flights[size_t(head.flight)];
        if (flight.generation == head.generation && flight.reply)
            break;
        m_deadlines.pop_front();
    }
    if (m_deadlines.empty())
        return;
    const qint64 waitUs = m_deadlines.front().atUs - nowUs();
    m_deadlineTimer.start(int(qBound(qint64(0), (waitUs + 999) / 1000, qint64(24 * 3600 * 1000))));
}

void Run::onDeadlineTimer()
{
    const qint64 now = nowUs();
    while (!m_deadlines.empty() && m_deadlines.front().atUs <= now) {
        const Deadline head = m_deadlines.front();
        m_deadlines.pop_front();
        Flight &flight = *m_flights[size_t(head.flight)];
        if (flight.generation != head.generation || !flight.reply)
            continue;
        flight.timedOut = true;
        flight.reply->abort(); // emits finished, which records the timeout
    }
    armDeadlineTimer();
}

void Run::finishIfDone()
{
    if (m_finishedEmitted || m_state == State::Idle)
        return;
    if (m_results.completedCount() < m_results.size())
        return;
    m_finishedEmitted = true;
    m_finishedAtUs = nowUs();
    m_pumpTimer.stop();
    m_deadlineTimer.stop();
    setState(State::Finished);
    Q_EMIT finished();
}

void Run::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
