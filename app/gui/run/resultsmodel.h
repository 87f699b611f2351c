// The live results table: one row per request of a run, read straight from the run's result store.
#pragma once

#include "core/engine/requestsource.h"
#include "core/engine/resultstore.h"
#include "gui/run/statuscolors.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QLocale>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class RunController;

/// Rows are requests in run order, 0 .. (highest finished index). Requests below the highest
/// finished one that have not finished yet (in flight, or waiting out a retry) are shown as
/// pending rows that fill in when their result arrives; so one slow request never holds back the
/// rows after it, and the table grows by whole batches on each progressed() (~30 Hz). In a flow,
/// a pending row still held back for an earlier request's capture reads "waiting for token", and
/// one never sent (its capture failed) "skipped", with the reason in its Error column.
///
/// Nothing is copied from the store. Request fields (name, method, URL, data values) come from the
/// run's RequestSource, whose at() may build the request from a template: a small LRU cache keeps
/// the visible window's requests, so painting costs O(visible rows).
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The fixed columns in view order: what a run measures right after the name, so it is on
    /// screen; the data set's columns come after them all, headed "data: name".
    enum Column {
        IndexColumn,
        NameColumn,
        StatusColumn,
        ErrorColumn,
        LatencyColumn,
        TtfbColumn,
        SizeColumn,
        AssertionsColumn,
        MethodColumn,
        UrlColumn,
        ColumnCount
    };
    enum Role {
        /// The raw value to sort on: qint64 for numbers (-1 when missing), QString for text.
        SortRole = Qt::UserRole,
        /// int(StatusClass) of a finished row; -1 for a pending row.
        StatusClassRole,
    };

    explicit ResultsModel(QObject *parent = nullptr);
    ~ResultsModel() override;

    /// Follows a controller: resets on each start(), grows on progressed(), settles on finished().
    /// Shows the controller's current (or last) run right away. Null detaches.
    void setController(RunController *controller);
    /// Shows a store directly (tests, benchmarks, a kept run); call refresh() when it has grown.
    /// The store and the source must outlive the model or the next setRun().
    void setRun(const ResultStore *store, std::shared_ptr<const RequestSource> requests);
    /// Catches up with the store: inserts the newly visible rows and updates rows that finished.
    void refresh();

    /// A run is in progress: rows are still being added and filled in.
    bool isLive() const { return m_live; }

    const ResultStore *store() const { return m_store; }
    std::shared_ptr<const RequestSource> requests() const { return m_requests; }
    /// The data set's column names, shown as columns after the fixed ones.
    QStringList dataColumns() const { return m_dataColumns; }

    /// The section showing a fixed column, and the reverse (nullopt for a data column).
    int sectionOf(Column column) const;
    std::optional<Column> columnAt(int section) const;
    /// The data set column shown in a section, or -1.
    int dataColumnAt(int section) const;

    /// The finished result of a row, or null while it is pending. Valid until the next reset.
    const Result *resultAt(int row) const;
    /// The request of a row (the run's index = row), from the cache when it is there.
    RequestSpec requestAt(int row) const;
    /// -1 while pending.
    int statusClassAt(int row) const;
    /// What a pending row of a flow still waits for: the variables ("token, id") whose requests
    /// have not ended, or the earlier request holding it back; empty when it waits for nothing.
    /// `detailed` names where each comes from: {{token}} from #0 "Login".
    QString waitingFor(int row, bool detailed = false) const;
    /// Whether name, URL, method, data values or error (category or message) contain `text`.
    bool rowContains(int row, const QString &text, Qt::CaseSensitivity cs) const;
    /// The raw sort key of a cell, as SortRole gives it, without a QVariant for numbers: fills
    /// *number for numeric columns and returns true; else fills *text and returns false. `bulk`
    /// (a pass over every row) bypasses the request cache, keeping the visible rows in it.
    bool sortKey(int row, int section, qint64 *number, QString *text, bool bulk = false) const;
    /// Whether a section's sort key can still change: the result's columns of a pending row.
    bool isSortKeyFinal(int row, int section) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The followed controller's run started (after the reset) or finished (after the last rows).
    void liveChanged(bool live);

private:
    void resetToController();
    void setLive(bool live);
    const RequestSpec &cachedRequest(int row) const;
    /// Request `row` as it was sent (a flow's, built with its captures), or as it will be.
    RequestSpec sentRequest(int row) const;
    /// The request of a row, from the cache, or built afresh when `bulk` (not cached).
    RequestSpec request(int row, bool bulk) const;
    QVariant displayData(const Result *result, int row, int section) const;
    QVariant toolTipData(const Result *result, int row, int section) const;
    QVariant foregroundData(const Result *result, int section) const;
    QVariant fontData(const Result *result, int row, int section) const;
    QString formatMs(qint64 us) const;

public:
    /// "211 B", "1.2 kB", "3.4 MB": sizes in a column's width.
    static QString compactSize(qint64 bytes, const QLocale &locale);

    QPointer<RunController> m_controller;
    QList<QMetaObject::Connection> m_connections;
    const ResultStore *m_store = nullptr;
    std::shared_ptr<const RequestSource> m_requests;
    QStringList m_dataColumns;
    int m_rows = 0; ///< rows shown: highest finished index + 1
    qint64 m_ordered = 0; ///< rows below this were all finished at the last refresh
    bool m_live = false;
    QLocale m_locale;
    mutable QCache<int, RequestSpec> m_requestCache;
    mutable std::unique_ptr<RequestSpec> m_pending; ///< a request not sent yet, never cached
};
