// The collection's own settings: name, description, variables, auth and environments.
#pragma once

#include "core/model/collection.h"

#include <QDialog>

class AuthEditor;
class KeyValueTable;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

class CollectionSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CollectionSettingsDialog(const Collection &collection, QWidget *parent = nullptr);

    /// The collection with the edited settings (items untouched).
    Collection collection() const;

private:
    void showEnvironment(int row);
    void storeEnvironment();

    Collection m_collection;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    KeyValueTable *m_variables;
    AuthEditor *m_auth;
    QListWidget *m_environments;
    KeyValueTable *m_environmentVariables;
    int m_shownEnvironment = -1;
};
