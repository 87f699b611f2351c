// Edits how a request, folder or collection authenticates: inherit, none, basic, bearer, API key.
#pragma once

#include "core/model/collection.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

class AuthEditor : public QWidget
{
    Q_OBJECT
public:
    /// allowInherit: requests and folders may inherit; the collection itself may not.
    explicit AuthEditor(bool allowInherit, QWidget *parent = nullptr);

    Auth auth() const;
    /// Shows auth without emitting edited().
    void setAuth(const Auth &auth);
    /// What Inherit resolves to here, shown to the user ("Inherits basic auth from folder X").
    void setInheritedDescription(const QString &text);
    /// The sentence for setInheritedDescription() when Inherit resolves to inherited.
    static QString describeInherited(const Auth &inherited);

Q_SIGNALS:
    void edited();

private:
    void emitEdited();

    QComboBox *m_type;
    QStackedWidget *m_pages;
    QLabel *m_inherited;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QLineEdit *m_key;
    QLineEdit *m_value;
    QComboBox *m_location;
    bool m_updating = false;
};
