// An editable table of name/value rows with an enable box each; the empty last row adds one.
// The same table edits variables, whose fourth column marks a secret instead of a description.
#pragma once

#include "core/model/collection.h"

#include <QWidget>

class QTableWidget;

class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { KeyValues, Variables };

    explicit KeyValueTable(const QString &keyTitle, const QString &valueTitle,
        QWidget *parent = nullptr, Kind kind = Kind::KeyValues);

    QList<KeyValue> rows() const;
    /// Replaces the rows without emitting edited().
    void setRows(const QList<KeyValue> &rows);

    /// Kind::Variables: the rows as variables, the fourth column saying which are secret.
    QList<Variable> variables() const;
    void setVariables(const QList<Variable> &variables);

Q_SIGNALS:
    /// The user changed a row, added or removed one.
    void edited();

private:
    void appendRow(const KeyValue &row, bool secret);
    void appendEmptyRow();
    void onCellChanged(int row, int column);
    void removeSelected();

    Kind m_kind;
    QTableWidget *m_table;
    bool m_updating = false;
};
