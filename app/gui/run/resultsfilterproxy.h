// Filtering and sorting of the results table: by status class, errors only, and text.
#pragma once

#include "gui/run/statuscolors.h"

#include <QCollator>
#include <QSortFilterProxyModel>

#include <vector>

class ResultsModel;

/// Sits on a ResultsModel (other source models are not supported: it reads the model's rows
/// directly, without QVariants, to stay fast over a million rows).
///
/// A row passes when its status class is enabled, it failed if errors-only is on, and its name,
/// method, URL, data values or error contain the text (case-insensitively). Pending rows have no
/// class yet: they pass only while every class is enabled and errors-only is off. Sorting
/// compares raw values (numbers as numbers, text in the locale's order with digits as numbers),
/// pending rows after finished ones when ascending.
class ResultsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ResultsFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    /// Sorts through a compact key per row, taken in one pass first: QSortFilterProxyModel's own
    /// sort then compares integers instead of reading a million scattered results. Equal keys
    /// keep run order. While a run of more than liveSortLimit() requests is live, the sort is
    /// deferred to its end (rows stay in run order meanwhile): QSortFilterProxyModel inserts
    /// rows into a sorted table one O(rows) step at a time, over a second per batch at 1M rows.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// Runs with more requests than this sort only once finished (default 20,000).
    qint64 liveSortLimit() const { return m_liveSortLimit; }
    void setLiveSortLimit(qint64 requests);
    /// A sort was asked for and waits for the run to finish.
    bool isSortDeferred() const { return m_sortDeferred; }
    ResultsModel *resultsModel() const { return m_model; }

    bool isStatusClassEnabled(StatusClass statusClass) const;
    void setStatusClassEnabled(StatusClass statusClass, bool enabled);
    /// Only rows that failed: a transport error, an HTTP status of 400 or more, or an assertion
    /// that did not hold. Requests a stop cancelled in flight or left unsent are not failures.
    bool errorsOnly() const { return m_errorsOnly; }
    void setErrorsOnly(bool errorsOnly);
    /// Rows of requests a stop left unsent (shown by default; hidden by errors-only and by text).
    bool isNotSentShown() const { return m_notSentShown; }
    void setNotSentShown(bool shown);
    QString text() const { return m_text; }
    void setText(const QString &text);
    /// Any of the filters above narrows the rows.
    bool isFiltering() const;

    /// The source row (= request index of the run) of a proxy row, or -1.
    int sourceRow(int proxyRow) const;

Q_SIGNALS:
    void sortDeferredChanged(bool deferred);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changeFilter();
    void applySort();
    void buildSortKeys(int column);
    /// Whether `row`'s key for the sort column is in m_keys and still valid.
    bool hasKey(int row) const;
    int compareTexts(const QString &left, const QString &right) const;

    ResultsModel *m_model = nullptr;
    quint32 m_classes = (1u << StatusClassCount) - 1; ///< bit i: StatusClass(i) shown
    bool m_errorsOnly = false;
    bool m_notSentShown = true;
    QString m_text;
    QCollator m_collator;
    /// Per source row: the sort column's number, or the rank of its text among the distinct
    /// texts. Rows added since, or pending when it was taken, are compared directly instead.
    std::vector<qint64> m_keys;
    int m_keyColumn = -1;
    int m_requestedColumn = -1; ///< what sort() was last asked, applied or deferred
    Qt::SortOrder m_requestedOrder = Qt::AscendingOrder;
    bool m_sortDeferred = false;
    qint64 m_liveSortLimit = 20000;
};
