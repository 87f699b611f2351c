// Edits a folder: its description, the variables its requests see, and the auth they inherit.
#pragma once

#include "core/model/collection.h"

#include <QWidget>

class AuthEditor;
class KeyValueTable;
class QLabel;
class QPlainTextEdit;

class FolderEditor : public QWidget
{
    Q_OBJECT
public:
    explicit FolderEditor(QWidget *parent = nullptr);

    /// Shows folder without emitting edited().
    void setItem(const CollectionItem &folder);
    CollectionItem item() const;
    void setInheritedAuthDescription(const QString &text);

Q_SIGNALS:
    void edited(const CollectionItem &item, const QString &what);

private:
    void emitEdited(const QString &what);

    CollectionItem m_item;
    QLabel *m_title;
    QPlainTextEdit *m_description;
    KeyValueTable *m_variables;
    AuthEditor *m_auth;
    bool m_updating = false;
};
