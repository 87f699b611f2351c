// Edits a request's captures: variables set from its response (a JSON path, a header, a regular
// expression, the status code, a cookie), for the later requests of the same data row.
#pragma once

#include "core/model/capture.h"
#include "gui/editors/rowstable.h"

#include <QList>

class CapturesTable : public RowsTable
{
    Q_OBJECT
public:
    explicit CapturesTable(QWidget *parent = nullptr);

    /// The rows that name a variable; a row still without one is left out until it has one, so
    /// the collection never holds a capture it could not read back.
    QList<Capture> captures() const;
    /// Shows captures without emitting edited().
    void setCaptures(const QList<Capture> &captures);

    /// A short name for a source, as the From column shows it ("JSON path").
    static QString sourceName(Capture::Source source);

protected:
    int appendNewRow() override;
    void rowChanged(int row) override;

private:
    void addRow(const Capture &capture);
    /// Shows what row's expression takes, and marks what is wrong with the row as the run would.
    void updateRow(int row);
    Capture captureAt(int row) const;
};
