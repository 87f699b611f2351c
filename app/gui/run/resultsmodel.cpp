// The live results table over a run's result store.
#include "gui/run/resultsmodel.h"

#include "core/base/plural.h"
#include "core/checks/assertions.h"
#include "core/engine/runcontroller.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <climits>

namespace {
// A few screens of rows, so scrolling back and forth does not rebuild requests.
constexpr int RequestCacheRows = 1024;
} // namespace

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_requestCache(RequestCacheRows)
{ }

ResultsModel::~ResultsModel() = default;

void ResultsModel::setController(RunController *controller)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_controller = controller;
    if (controller) {
        m_connections = {
            connect(controller, &RunController::started, this, &ResultsModel::resetToController),
            connect(controller, &RunController::progressed, this, &ResultsModel::refresh),
            connect(controller, &RunController::finished, this,
                [this] {
                    refresh();
                    setLive(false);
                }),
            // The controller owns the store: never read it after the controller is gone.
            connect(controller, &QObject::destroyed, this,
                [this] {
                    setRun(nullptr, nullptr);
                    setLive(false);
                }),
        };
    }
    resetToController();
}

void ResultsModel::resetToController()
{
    if (m_controller)
        setRun(m_controller->results(), m_controller->requests());
    else
        setRun(nullptr, nullptr);
    setLive(m_controller && m_controller->isActive());
}

void ResultsModel::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    Q_EMIT liveChanged(live);
}

void ResultsModel::setRun(const ResultStore *store, std::shared_ptr<const RequestSource> requests)
{
    beginResetModel();
    m_store = store && requests ? store : nullptr;
    m_requests = m_store ? std::move(requests) : nullptr;
    m_rows = 0;
    m_ordered = 0;
    m_requestCache.clear();
    m_dataColumns.clear();
    // Every request of a run shares the data set's columns: the first request names them.
    if (m_requests && m_requests->size() > 0) {
        const RequestSpec first = m_requests->at(0);
        if (first.context)
            m_dataColumns = first.context->dataColumns;
    }
    endResetModel();
    refresh();
}

void ResultsModel::refresh()
{
    if (!m_store)
        return;
    const qint64 size = qMin<qint64>(qMin(m_store->size(), m_requests->size()), INT_MAX);
    // Read ordered before completed: every result counted in completed but not in the prefix is
    // then at an index >= ordered, so the scan below finds them all within the out-of-order
    // window (about the concurrency wide), never walking the whole store.
    const qint64 ordered = qMin(m_store->orderedCount(), size);
    qint64 outOfOrder = m_store->completedCount() - ordered;
    qint64 rows = qMax<qint64>(m_rows, ordered);
    for (qint64 i = ordered; outOfOrder > 0 && i < size; ++i) {
        if (m_store->isDone(i)) {
            --outOfOrder;
            rows = qMax(rows, i + 1);
        }
    }

    // Pending rows shown last time that may have finished since.
    const int changedFirst = int(m_ordered);
    const int changedLast = qMin(m_rows, int(rows)) - 1;
    if (changedFirst <= changedLast) {
        Q_EMIT dataChanged(index(changedFirst, 0), index(changedLast, columnCount() - 1));
    }
    if (rows > m_rows) {
        beginInsertRows(QModelIndex(), m_rows, int(rows) - 1);
        m_rows = int(rows);
        endInsertRows();
    }
    m_ordered = ordered;
}

int ResultsModel::sectionOf(Column column) const
{
    return int(column);
}

std::optional<ResultsModel::Column> ResultsModel::columnAt(int section) const
{
    if (section < 0 || section >= columnCount())
        return std::nullopt;
    if (section < ColumnCount)
        return Column(section);
    return std::nullopt;
}

int ResultsModel::dataColumnAt(int section) const
{
    const int data = section - ColumnCount;
    return data >= 0 && data < m_dataColumns.size() ? data : -1;
}

const Result *ResultsModel::resultAt(int row) const
{
    if (!m_store || row < 0 || row >= m_rows || !m_store->isDone(row))
        return nullptr;
    return &m_store->at(row);
}

RequestSpec ResultsModel::sentRequest(int row) const
{
    // A flow's request is built from earlier answers: show it as it was sent once it has been.
    if (m_store && m_requests->hasDependencies() && m_store->isDone(row))
        return m_store->requestFor(*m_requests, row);
    return m_requests->at(row);
}

const RequestSpec &ResultsModel::cachedRequest(int row) const
{
    if (const RequestSpec *cached = m_requestCache.object(row))
        return *cached;
    auto *spec = new RequestSpec(sentRequest(row));
    // A request still waiting on captures is built again once it has been sent.
    if (!m_requests->hasDependencies() || (m_store && m_store->isDone(row))) {
        m_requestCache.insert(row, spec);
        return *spec;
    }
    m_pending.reset(spec);
    return *spec;
}

RequestSpec ResultsModel::requestAt(int row) const
{
    if (!m_requests || row < 0 || row >= m_rows)
        return RequestSpec();
    return cachedRequest(row);
}

int ResultsModel::statusClassAt(int row) const
{
    const Result *result = resultAt(row);
    return result ? int(StatusColors::classFor(result->status, result->error)) : -1;
}

QString ResultsModel::waitingFor(int row, bool detailed) const
{
    if (!m_store || !m_requests->hasDependencies() || row < 0 || row >= m_rows
        || m_store->isDone(row))
        return QString();
    const auto named = [this](qint64 index) {
        return tr("#%1 \"%2\"").arg(index).arg(m_requests->at(index).name);
    };
    QStringList names;
    for (const FlowInput &input : m_requests->flowInputs(row)) {
        if (m_store->isDone(input.from))
            continue;
        const QString name = detailed ? tr("{{%1}} from %2").arg(input.variable, named(input.from))
                                      : input.variable;
        if (!names.contains(name))
            names.append(name);
    }
    if (names.isEmpty()) {
        // Only the flow's request before it, whose values it may not need, holds it back.
        for (const qint64 dependency : m_requests->dependencies(row)) {
            if (!m_store->isDone(dependency))
                return named(dependency);
        }
    }
    return names.join(QStringLiteral(", "));
}

RequestSpec ResultsModel::request(int row, bool bulk) const
{
    return bulk ? sentRequest(row) : cachedRequest(row);
}

bool ResultsModel::rowContains(int row, const QString &text, Qt::CaseSensitivity cs) const
{
    if (!m_requests || row < 0 || row >= m_rows)
        return false;
    if (text.isEmpty())
        return true;
    if (const Result *result = resultAt(row)) {
        if (result->error != ErrorCategory::None
            && (errorCategoryName(result->error).contains(text, cs)
                || result->errorMessage().contains(text, cs)))
            return true;
    }
    // Filtering visits every row: leave the visible window's requests in the cache.
    const RequestSpec spec = request(row, true);
    if (spec.name.contains(text, cs) || QLatin1String(spec.method).contains(text, cs))
        return true;
    if (spec.context) {
        for (const QString &value : std::as_const(spec.context->dataValues)) {
            if (value.contains(text, cs))
                return true;
        }
    }
    return spec.url.toDisplayString().contains(text, cs);
}

bool ResultsModel::isSortKeyFinal(int row, int section) const
{
    if (resultAt(row))
        return true;
    const std::optional<Column> column = columnAt(section);
    return !column || *column == IndexColumn || *column == NameColumn || *column == MethodColumn
        || *column == UrlColumn;
}

bool ResultsModel::sortKey(int row, int section, qint64 *number, QString *text, bool bulk) const
{
    const Result *result = resultAt(row);
    const std::optional<Column> column = columnAt(section);
    if (!column) {
        const int data = dataColumnAt(section);
        const RequestSpec spec = request(row, bulk);
        *text = spec.context && data >= 0 && data < spec.context->dataValues.size()
            ? spec.context->dataValues.at(data)
            : QString();
        return false;
    }
    switch (*column) {
    case IndexColumn:
        *number = row;
        return true;
    case NameColumn:
        *text = request(row, bulk).name;
        return false;
    case MethodColumn:
        *text = QString::fromLatin1(request(row, bulk).method);
        return false;
    case UrlColumn:
        *text = request(row, bulk).url.toString();
        return false;
    case StatusColumn:
        // Transport errors (status 0) after every HTTP status, pending rows last.
        *number = !result        ? INT_MAX
            : result->status > 0 ? result->status
                                 : 1000 + int(result->error);
        return true;
    case ErrorColumn:
        *text = result && result->error != ErrorCategory::None ? errorCategoryName(result->error)
                                                               : QString();
        return false;
    case LatencyColumn:
        *number = result ? result->latencyUs() : -1;
        return true;
    case TtfbColumn:
        *number = result ? result->ttfbUs() : -1;
        return true;
    case SizeColumn:
        *number = result ? result->bytesReceived : -1;
        return true;
    case AssertionsColumn:
        // Failures first when sorting descending; rows without assertions with the passes.
        *number = result ? result->assertionsFailed : -1;
        return true;
    case ColumnCount:
        break;
    }
    *number = -1;
    return true;
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount + int(m_dataColumns.size());
}

QString ResultsModel::compactSize(qint64 bytes, const QLocale &locale)
{
    if (bytes < 1000)
        return tr("%1 B").arg(bytes);
    return locale.formattedDataSize(bytes, bytes < 10000 ? 1 : 0, QLocale::DataSizeSIFormat);
}

QString ResultsModel::formatMs(qint64 us) const
{
    if (us < 0)
        return QString();
    const double ms = double(us) / 1000.0;
    // Loopback answers take fractions of a millisecond; slow ones need no decimals.
    return m_locale.toString(ms, 'f', ms < 10 ? 2 : ms < 1000 ? 1 : 0);
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_store)
        return QVariant();
    const int row = index.row();
    const int section = index.column();
    const Result *result = resultAt(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(result, row, section);
    case Qt::ToolTipRole:
        return toolTipData(result, row, section);
    case Qt::ForegroundRole:
        return foregroundData(result, section);
    case Qt::FontRole:
        return fontData(result, row, section);
    case Qt::TextAlignmentRole: {
        const std::optional<Column> column = columnAt(section);
        if (column
            && (*column == IndexColumn || *column == LatencyColumn || *column == TtfbColumn
                || *column == SizeColumn))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    case SortRole: {
        qint64 number = 0;
        QString text;
        if (sortKey(row, section, &number, &text))
            return number;
        return text;
    }
    case StatusClassRole:
        return statusClassAt(row);
    default:
        return QVariant();
    }
}

QVariant ResultsModel::displayData(const Result *result, int row, int section) const
{
    const std::optional<Column> column = columnAt(section);
    if (!column) {
        const int data = dataColumnAt(section);
        const RequestSpec &spec = cachedRequest(row);
        if (spec.context && data >= 0 && data < spec.context->dataValues.size())
            return spec.context->dataValues.at(data);
        return QVariant();
    }
    switch (*column) {
    case IndexColumn:
        return row;
    case NameColumn:
        return cachedRequest(row).name;
    case MethodColumn:
        return QString::fromLatin1(cachedRequest(row).method);
    case UrlColumn:
        return cachedRequest(row).url.toDisplayString();
    case StatusColumn:
        if (!result) {
            const QString waiting = waitingFor(row);
            return waiting.isEmpty() ? tr("pending") : tr("waiting for %1").arg(waiting);
        }
        if (result->error == ErrorCategory::Skipped)
            return tr("skipped");
        return result->status > 0 ? QString::number(result->status) : QStringLiteral("—");
    case ErrorColumn:
        if (result && result->error == ErrorCategory::Skipped) // the reason says it all
            return result->errorMessage();
        return result && result->error != ErrorCategory::None ? errorCategoryName(result->error)
                                                              : QString();
    case LatencyColumn:
        return result ? formatMs(result->latencyUs()) : QString();
    case TtfbColumn:
        return result ? formatMs(result->ttfbUs()) : QString();
    case SizeColumn:
        return result && result->status > 0 ? compactSize(result->bytesReceived, m_locale)
                                            : QString();
    case AssertionsColumn: {
        if (!result || !result->detail || result->detail->assertions.isEmpty())
            return QString();
        const qsizetype total = result->detail->assertions.size();
        if (result->assertionsFailed == 0)
            return tr("%1/%2").arg(total).arg(total);
        return tr("%n failed", nullptr, result->assertionsFailed);
    }
    case ColumnCount:
        break;
    }
    return QVariant();
}

QVariant ResultsModel::toolTipData(const Result *result, int row, int section) const
{
    const std::optional<Column> column = columnAt(section);
    if (!column)
        return displayData(result, row, section);
    switch (*column) {
    case UrlColumn: {
        const QString url = cachedRequest(row).url.toDisplayString();
        if (result && !result->finalUrl().isEmpty())
            return tr("%1\nRedirected to %2").arg(url, result->finalUrl().toDisplayString());
        return url;
    }
    case StatusColumn:
        if (!result) {
            const QString waiting = waitingFor(row, true);
            return waiting.isEmpty() ? tr("Not finished yet: in flight or waiting to retry")
                                     : tr("Not sent yet: waits for %1").arg(waiting);
        }
        if (result->error == ErrorCategory::Skipped)
            return tr("Not sent: %1").arg(result->errorMessage());
        return result->retries > 0 ? tr("%1, retried %n time(s)", nullptr, result->retries)
                                         .arg(displayData(result, row, section).toString())
                                   : QVariant();
    case ErrorColumn:
        if (!result || result->error == ErrorCategory::None)
            return QVariant();
        if (result->error == ErrorCategory::Skipped)
            return tr("Not sent: %1").arg(result->errorMessage());
        return result->errorMessage().isEmpty()
            ? errorCategoryName(result->error)
            : errorCategoryName(result->error) + QLatin1Char('\n') + result->errorMessage();
    case SizeColumn:
        return result ? tr("%1 byte(s) received", nullptr, pluralCount(result->bytesReceived))
                            .arg(m_locale.toString(result->bytesReceived))
                      : QVariant();
    case AssertionsColumn: {
        if (!result || !result->detail || result->detail->assertions.isEmpty())
            return QVariant();
        const RequestSpec &spec = cachedRequest(row);
        const QList<AssertionOutcome> &outcomes = result->detail->assertions;
        QStringList lines;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            const QString label = spec.context && i < spec.context->assertions.size()
                ? assertionLabel(spec.context->assertions.at(i))
                : tr("assertion %1").arg(i + 1);
            lines.append(outcomes.at(i).passed
                    ? tr("✓ %1").arg(label)
                    : tr("✗ %1 (got %2)").arg(label, outcomes.at(i).actual));
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return displayData(result, row, section);
    }
}

QVariant ResultsModel::foregroundData(const Result *result, int section) const
{
    const QPalette palette = QGuiApplication::palette();
    // A skipped row reads apart, whole: never sent, so none of it is an answer.
    if (result && result->error == ErrorCategory::Skipped)
        return StatusColors::forUnanswered(Unanswered::Skipped, palette);
    const std::optional<Column> column = columnAt(section);
    if (!column)
        return QVariant();
    switch (*column) {
    case StatusColumn:
        if (!result)
            return StatusColors::forUnanswered(Unanswered::Pending, palette);
        return StatusColors::forStatus(result->status, result->error, palette);
    case ErrorColumn:
        return StatusColors::forClass(StatusClass::TransportError, palette);
    case AssertionsColumn:
        if (!result)
            return QVariant();
        return StatusColors::forClass(
            result->assertionsFailed > 0 ? StatusClass::ServerError : StatusClass::Success,
            palette);
    default:
        return QVariant();
    }
}

QVariant ResultsModel::fontData(const Result *result, int row, int section) const
{
    // Italic for what is not an answer: a skipped row, and the status of one waiting on a capture.
    const bool skipped = result && result->error == ErrorCategory::Skipped;
    if (!skipped && (result || columnAt(section) != StatusColumn || waitingFor(row).isEmpty()))
        return QVariant();
    QFont font = QGuiApplication::font();
    font.setItalic(true);
    return font;
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QVariant();
    if (role == Qt::TextAlignmentRole) {
        const std::optional<Column> column = columnAt(section);
        if (column
            && (*column == IndexColumn || *column == LatencyColumn || *column == TtfbColumn
                || *column == SizeColumn))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    const std::optional<Column> column = columnAt(section);
    if (!column) {
        const QString name = m_dataColumns.value(dataColumnAt(section));
        return role == Qt::ToolTipRole ? tr("Data set column \"%1\"").arg(name)
                                       : tr("data: %1").arg(name);
    }
    switch (*column) {
    case IndexColumn:
        return role == Qt::ToolTipRole ? tr("Position in the run, from 0 as in exports") : tr("#");
    case NameColumn:
        return tr("Name");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case ErrorColumn:
        return tr("Error");
    case LatencyColumn:
        return role == Qt::ToolTipRole ? tr("From dispatch to the last byte, retries included")
                                       : tr("Latency (ms)");
    case TtfbColumn:
        return role == Qt::ToolTipRole ? tr("Time to first byte of the answer") : tr("TTFB (ms)");
    case SizeColumn:
        return role == Qt::ToolTipRole ? tr("Response body size") : tr("Size");
    case AssertionsColumn:
        return tr("Assertions");
    case ColumnCount:
        break;
    }
    return QVariant();
}
