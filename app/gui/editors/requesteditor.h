// Edits one request of a collection: method, URL, params, headers, body, auth, assertions,
// captures.
#pragma once

#include "core/model/collection.h"
#include "gui/editors/variablelineedit.h"

#include <QWidget>

class AssertionsTable;
class AuthEditor;
class BodyEditor;
class CapturesTable;
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

    /// A request's name from its method and the path of its URL: "GET /users/{{id}}". A request
    /// whose name is still the one made this way is renamed as its method and URL change.
    static QString nameFor(const QString &method, const QString &url);

    /// Shows item (a request) without emitting edited().
    void setItem(const CollectionItem &item);
    CollectionItem item() const;
    void setVariableLookup(VariableLineEdit::Lookup lookup);
    void setInheritedAuthDescription(const QString &text);
    void setSending(bool sending);
    /// The data set's rows as choices beside Send ("row 1: id=1, item=apple"); none hides the
    /// choice. Keeps the chosen row when it still exists.
    void setDataRows(const QStringList &labels);
    /// The data row Send uses: 0 (the first) unless the user chose another; -1 without a data set.
    int dataRow() const;
    VariableLineEdit *urlEdit() const { return m_url; }

Q_SIGNALS:
    /// The user changed something; what names the field, for the undo history.
    void edited(const CollectionItem &item, const QString &what);
    /// Send: run just this request (Ctrl+Enter belongs to the main window's Send action).
    void sendRequested();
    /// The user chose another data row for Send.
    void dataRowChanged(int row);

private:
    void connectEdits();
    void syncParamsFromUrl();
    void syncParamsFromUrl(const QList<KeyValue> &stored);
    void syncUrlFromParams();
    void emitEdited(const QString &what);

    CollectionItem m_item;
    QComboBox *m_method;
    VariableLineEdit *m_url;
    QPushButton *m_send;
    QComboBox *m_dataRow;
    QTabWidget *m_tabs;
    KeyValueTable *m_params;
    KeyValueTable *m_headers;
    BodyEditor *m_body;
    AuthEditor *m_auth;
    AssertionsTable *m_assertions;
    CapturesTable *m_captures;
    QPlainTextEdit *m_description;
    bool m_updating = false;
};
