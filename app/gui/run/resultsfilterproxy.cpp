// Filtering and sorting of the results table.
#include "gui/run/resultsfilterproxy.h"

#include "gui/run/resultsmodel.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace {
// Marks a row whose key was not final when the keys were taken (a pending row's result).
constexpr qint64 UnknownKey = std::numeric_limits<qint64>::min();
// Missing numbers (no answer yet, no TTFB) sort after every real one when ascending.
constexpr qint64 MissingKey = std::numeric_limits<qint64>::max();

qint64 numberKey(qint64 value)
{
    return value < 0 ? MissingKey : value;
}
} // namespace

ResultsFilterProxy::ResultsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // "id 9" before "id 10": data values are often numbers.
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(ResultsModel::SortRole);
}

void ResultsFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = qobject_cast<ResultsModel *>(sourceModel);
    Q_ASSERT_X(!sourceModel || m_model, "ResultsFilterProxy", "the source must be a ResultsModel");
    m_keys.clear();
    m_keyColumn = -1;
    if (m_model) {
        // Before QSortFilterProxyModel hears of the reset, so no stale key is read after it.
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            m_keys.clear();
            m_keyColumn = -1;
        });
        connect(m_model, &ResultsModel::liveChanged, this, [this] {
            if (m_requestedColumn >= 0)
                applySort();
        });
    }
    QSortFilterProxyModel::setSourceModel(m_model);
}

void ResultsFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_requestedColumn = column;
    m_requestedOrder = order;
    applySort();
}

void ResultsFilterProxy::setLiveSortLimit(qint64 requests)
{
    m_liveSortLimit = requests;
    if (m_requestedColumn >= 0)
        applySort();
}

void ResultsFilterProxy::applySort()
{
    const bool defer = m_requestedColumn >= 0 && m_model && m_model->isLive() && m_model->store()
        && m_model->store()->size() > m_liveSortLimit;
    const int column = defer ? -1 : m_requestedColumn;
    buildSortKeys(column);
    // From run order, the merge sort reads the keys nearly in sequence (5x faster at 1M rows
    // than from another column's order), and ties come out in run order.
    if (sortColumn() >= 0 && column >= 0)
        QSortFilterProxyModel::sort(-1);
    QSortFilterProxyModel::sort(column, m_requestedOrder);
    if (defer != m_sortDeferred) {
        m_sortDeferred = defer;
        Q_EMIT sortDeferredChanged(defer);
    }
}

void ResultsFilterProxy::buildSortKeys(int column)
{
    m_keys.clear();
    m_keyColumn = -1;
    if (!m_model || column < 0 || column >= m_model->columnCount())
        return;
    const int rows = m_model->rowCount();
    m_keys.resize(size_t(rows));
    qint64 number = 0;
    QString text;
    if (rows > 0 && m_model->sortKey(0, column, &number, &text, true)) {
        for (int row = 0; row < rows; ++row) {
            m_model->sortKey(row, column, &number, &text, true);
            m_keys[size_t(row)]
                = m_model->isSortKeyFinal(row, column) ? numberKey(number) : UnknownKey;
        }
    } else {
        // Rank the distinct texts once: a column of a million rows holds few distinct names,
        // methods or statuses, and even all-distinct URLs are then sorted once, not compared
        // again and again by the proxy's merge sort.
        QHash<QString, qint64> rankOf;
        std::vector<int> firstRow;
        for (int row = 0; row < rows; ++row) {
            m_model->sortKey(row, column, &number, &text, true);
            if (!m_model->isSortKeyFinal(row, column)) {
                m_keys[size_t(row)] = UnknownKey;
                continue;
            }
            const auto it = rankOf.constFind(text);
            if (it != rankOf.constEnd()) {
                m_keys[size_t(row)] = *it;
            } else {
                const qint64 id = rankOf.size();
                rankOf.insert(text, id);
                m_keys[size_t(row)] = id;
            }
        }
        QStringList distinct(rankOf.size());
        for (auto it = rankOf.cbegin(); it != rankOf.cend(); ++it)
            distinct[it.value()] = it.key();
        std::vector<qint64> order(size_t(distinct.size()));
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = qint64(i);
        std::sort(order.begin(), order.end(),
            [&](qint64 a, qint64 b) { return compareTexts(distinct.at(a), distinct.at(b)) < 0; });
        // Equal under the collator means equal rank, as a direct comparison would say.
        std::vector<qint64> rank(order.size());
        qint64 current = -1;
        for (size_t i = 0; i < order.size(); ++i) {
            if (i == 0 || compareTexts(distinct.at(order[i - 1]), distinct.at(order[i])) != 0)
                ++current;
            rank[size_t(order[i])] = current;
        }
        for (qint64 &key : m_keys) {
            if (key != UnknownKey)
                key = rank[size_t(key)];
        }
    }
    m_keyColumn = column;
}

bool ResultsFilterProxy::hasKey(int row) const
{
    return row >= 0 && size_t(row) < m_keys.size() && m_keys[size_t(row)] != UnknownKey;
}

int ResultsFilterProxy::compareTexts(const QString &left, const QString &right) const
{
    // Empty texts (no error, no value) after every real one when ascending.
    if (left.isEmpty() != right.isEmpty())
        return left.isEmpty() ? 1 : -1;
    return m_collator.compare(left, right);
}

bool ResultsFilterProxy::isStatusClassEnabled(StatusClass statusClass) const
{
    return m_classes & (1u << int(statusClass));
}

void ResultsFilterProxy::setStatusClassEnabled(StatusClass statusClass, bool enabled)
{
    const quint32 classes
        = enabled ? m_classes | (1u << int(statusClass)) : m_classes & ~(1u << int(statusClass));
    if (classes == m_classes)
        return;
    m_classes = classes;
    changeFilter();
}

void ResultsFilterProxy::setErrorsOnly(bool errorsOnly)
{
    if (errorsOnly == m_errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    changeFilter();
}

void ResultsFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    changeFilter();
}

void ResultsFilterProxy::setNotSentShown(bool shown)
{
    if (shown == m_notSentShown)
        return;
    m_notSentShown = shown;
    changeFilter();
}

bool ResultsFilterProxy::isFiltering() const
{
    return m_classes != (1u << StatusClassCount) - 1 || m_errorsOnly || !m_notSentShown
        || !m_text.isEmpty();
}

void ResultsFilterProxy::changeFilter()
{
    // Not invalidateFilter(): it removes and inserts the changed rows interval by interval, each
    // an O(rows) erase, which took minutes for a filter that hides every other row of a million.
    // A full re-mapping is one O(rows) pass (plus the sort, through the keys); the selection is
    // kept by QSortFilterProxyModel's persistent index update.
    invalidate();
}

int ResultsFilterProxy::sourceRow(int proxyRow) const
{
    const QModelIndex source = mapToSource(index(proxyRow, 0));
    return source.isValid() ? source.row() : -1;
}

bool ResultsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    if (m_classes != (1u << StatusClassCount) - 1 || m_errorsOnly || !m_notSentShown) {
        const Result *result = m_model->resultAt(sourceRow);
        if (!result)
            return false;
        // What a stop left unsent is neither a status class nor a failure: its own filter.
        if (result->dispatchedUs < 0) {
            if (!m_notSentShown || m_errorsOnly)
                return false;
        } else if (!isStatusClassEnabled(StatusColors::classFor(result->status, result->error))
            || (m_errorsOnly
                && ((result->succeeded() && result->assertionsFailed == 0)
                    || result->error == ErrorCategory::Cancelled))) {
            return false;
        }
    }
    return m_text.isEmpty() || m_model->rowContains(sourceRow, m_text, Qt::CaseInsensitive);
}

bool ResultsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const int column = left.column();
    if (column == m_keyColumn && hasKey(left.row()) && hasKey(right.row()))
        return m_keys[size_t(left.row())] < m_keys[size_t(right.row())];
    // A row added or finished since the keys were taken: compare the values themselves, which
    // orders exactly as the keys do.
    qint64 leftNumber = 0;
    qint64 rightNumber = 0;
    QString leftText;
    QString rightText;
    if (m_model->sortKey(left.row(), column, &leftNumber, &leftText)) {
        m_model->sortKey(right.row(), column, &rightNumber, &rightText);
        return numberKey(leftNumber) < numberKey(rightNumber);
    }
    m_model->sortKey(right.row(), column, &rightNumber, &rightText);
    return compareTexts(leftText, rightText) < 0;
}
