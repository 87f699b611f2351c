// Filtering and sorting of the results table: by status class, errors only, and text.
#pragma once

#include "statuscolors.h"

#include <QCollator>
#include <QSortFilterProxyModel>

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
    ResultsModel *resultsModel() const { return m_model; }

    bool isStatusClassEnabled(StatusClass statusClass) const;
    void setStatusClassEnabled(StatusClass statusClass, bool enabled);
    /// Only rows that failed: a transport error, an HTTP status of 400 or more, or an assertion
    /// that did not hold.
    bool errorsOnly() const { return m_errorsOnly; }
    void setErrorsOnly(bool errorsOnly);
    QString text() const { return m_text; }
    void setText(const QString &text);
    /// Any of the filters above narrows the rows.
    bool isFiltering() const;

    /// The source row (= request index of the run) of a proxy row, or -1.
    int sourceRow(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changeFilter();

    ResultsModel *m_model = nullptr;
    quint32 m_classes = (1u << StatusClassCount) - 1; ///< bit i: StatusClass(i) shown
    bool m_errorsOnly = false;
    QString m_text;
    QCollator m_collator;
};
