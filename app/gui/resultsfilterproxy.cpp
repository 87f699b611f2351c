// Filtering and sorting of the results table.
#include "resultsfilterproxy.h"

#include "resultsmodel.h"

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
    m_model = qobject_cast<ResultsModel *>(sourceModel);
    Q_ASSERT_X(!sourceModel || m_model, "ResultsFilterProxy", "the source must be a ResultsModel");
    QSortFilterProxyModel::setSourceModel(m_model);
}

bool ResultsFilterProxy::isStatusClassEnabled(StatusClass statusClass) const
{
    return m_classes & (1u << int(statusClass));
}

void ResultsFilterProxy::setStatusClassEnabled(StatusClass statusClass, bool enabled)
{
    const quint32 classes = enabled ? m_classes | (1u << int(statusClass))
                                    : m_classes & ~(1u << int(statusClass));
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

bool ResultsFilterProxy::isFiltering() const
{
    return m_classes != (1u << StatusClassCount) - 1 || m_errorsOnly || !m_text.isEmpty();
}

void ResultsFilterProxy::changeFilter()
{
    invalidateFilter();
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
    if (m_classes != (1u << StatusClassCount) - 1 || m_errorsOnly) {
        const Result *result = m_model->resultAt(sourceRow);
        if (!result)
            return false;
        if (!isStatusClassEnabled(StatusColors::classFor(result->status, result->error)))
            return false;
        if (m_errorsOnly && result->succeeded() && result->assertionsFailed == 0)
            return false;
    }
    return m_text.isEmpty() || m_model->rowContains(sourceRow, m_text, Qt::CaseInsensitive);
}

bool ResultsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    qint64 leftNumber = 0;
    qint64 rightNumber = 0;
    QString leftText;
    QString rightText;
    if (m_model->sortKey(left.row(), left.column(), &leftNumber, &leftText)) {
        m_model->sortKey(right.row(), right.column(), &rightNumber, &rightText);
        // Missing values (-1: no answer, pending) sort after every real one when ascending.
        if ((leftNumber < 0) != (rightNumber < 0))
            return rightNumber < 0;
        return leftNumber < rightNumber;
    }
    m_model->sortKey(right.row(), right.column(), &rightNumber, &rightText);
    if (leftText.isEmpty() != rightText.isEmpty())
        return rightText.isEmpty();
    return m_collator.compare(leftText, rightText) < 0;
}
