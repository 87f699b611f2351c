// Edits a request's assertions: a kind, what it looks at and what it expects, each switchable.
#pragma once

#include "core/model/collection.h"
#include "gui/editors/rowstable.h"

class AssertionsTable : public RowsTable
{
    Q_OBJECT
public:
    explicit AssertionsTable(QWidget *parent = nullptr);

    QList<Assertion> assertions() const;
    /// Shows assertions without emitting edited().
    void setAssertions(const QList<Assertion> &assertions);

    /// A short name for a kind, as the kind column shows it ("Status equals").
    static QString kindName(Assertion::Kind kind);

protected:
    int appendNewRow() override;

private:
    void addRow(const Assertion &assertion);
};
