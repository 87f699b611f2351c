// Edits one request of a collection: method, URL, params, headers, body, auth, assertions.
#pragma once

#include "core/model/collection.h"
#include "gui/editors/variablelineedit.h"

#include <QWidget>

class AssertionsTable;
class AuthEditor;
class BodyEditor;
class KeyValueTable;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

class RequestEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RequestEditor(QWidget *parent = nullptr);

    /// Shows item (a request) without emitting edited().
    void setItem(const CollectionItem &item);
    CollectionItem item() const;
    void setVariableLookup(VariableLineEdit::Lookup lookup);
    void setInheritedAuthDescription(const QString &text);
    void setSending(bool sending);

Q_SIGNALS:
    /// The user changed something; what names the field, for the undo history.
    void edited(const CollectionItem &item, const QString &what);
    /// Send (Ctrl+Enter): run just this request.
    void sendRequested();

private:
    void emitEdited(const QString &what);

    CollectionItem m_item;
    QComboBox *m_method;
    VariableLineEdit *m_url;
    QPushButton *m_send;
    QTabWidget *m_tabs;
    KeyValueTable *m_params;
    KeyValueTable *m_headers;
    BodyEditor *m_body;
    AuthEditor *m_auth;
    AssertionsTable *m_assertions;
    QPlainTextEdit *m_description;
    bool m_updating = false;
};
