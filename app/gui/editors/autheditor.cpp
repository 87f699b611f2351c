#include "gui/editors/autheditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
enum Page { InheritPage, NonePage, BasicPage, BearerPage, ApiKeyPage };

Page pageFor(Auth::Type type)
{
    switch (type) {
    case Auth::Type::Inherit:
        return InheritPage;
    case Auth::Type::None:
        return NonePage;
    case Auth::Type::Basic:
        return BasicPage;
    case Auth::Type::Bearer:
        return BearerPage;
    case Auth::Type::ApiKey:
        return ApiKeyPage;
    }
    return NonePage;
}
} // namespace

AuthEditor::AuthEditor(bool allowInherit, QWidget *parent)
    : QWidget(parent)
    , m_type(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_inherited(new QLabel(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_location(new QComboBox(this))
{
    if (allowInherit)
        m_type->addItem(tr("Inherit from parent"), int(Auth::Type::Inherit));
    m_type->addItem(tr("No auth"), int(Auth::Type::None));
    m_type->addItem(tr("Basic auth"), int(Auth::Type::Basic));
    m_type->addItem(tr("Bearer token"), int(Auth::Type::Bearer));
    m_type->addItem(tr("API key"), int(Auth::Type::ApiKey));

    m_inherited->setWordWrap(true);
    m_pages->addWidget(m_inherited);
    auto *none = new QLabel(tr("No Authorization header or key is added."), this);
    none->setWordWrap(true);
    m_pages->addWidget(none);

    auto *basic = new QWidget(this);
    auto *basicForm = new QFormLayout(basic);
    m_password->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    basicForm->addRow(tr("Username:"), m_username);
    basicForm->addRow(tr("Password:"), m_password);
    m_pages->addWidget(basic);

    auto *bearer = new QWidget(this);
    auto *bearerForm = new QFormLayout(bearer);
    m_token->setPlaceholderText(tr("token, or {{variable}}"));
    bearerForm->addRow(tr("Token:"), m_token);
    m_pages->addWidget(bearer);

    auto *apiKey = new QWidget(this);
    auto *apiKeyForm = new QFormLayout(apiKey);
    m_location->addItem(tr("Header"), int(Auth::ApiKeyLocation::Header));
    m_location->addItem(tr("Query parameter"), int(Auth::ApiKeyLocation::Query));
    m_key->setPlaceholderText(QStringLiteral("X-API-Key"));
    apiKeyForm->addRow(tr("Name:"), m_key);
    apiKeyForm->addRow(tr("Value:"), m_value);
    apiKeyForm->addRow(tr("Send in:"), m_location);
    m_pages->addWidget(apiKey);

    auto *layout = new QVBoxLayout(this);
    auto *typeForm = new QFormLayout;
    typeForm->addRow(tr("Type:"), m_type);
    layout->addLayout(typeForm);
    layout->addWidget(m_pages);
    layout->addStretch();

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        m_pages->setCurrentIndex(pageFor(Auth::Type(m_type->currentData().toInt())));
        emitEdited();
    });
    for (QLineEdit *edit : {m_username, m_password, m_token, m_key, m_value})
        connect(edit, &QLineEdit::textEdited, this, &AuthEditor::emitEdited);
    connect(m_location, &QComboBox::currentIndexChanged, this, &AuthEditor::emitEdited);
    m_pages->setCurrentIndex(pageFor(Auth::Type(m_type->currentData().toInt())));
}

Auth AuthEditor::auth() const
{
    Auth auth;
    auth.type = Auth::Type(m_type->currentData().toInt());
    auth.username = m_username->text();
    auth.password = m_password->text();
    auth.token = m_token->text();
    auth.key = m_key->text();
    auth.value = m_value->text();
    auth.location = Auth::ApiKeyLocation(m_location->currentData().toInt());
    return auth;
}

void AuthEditor::setAuth(const Auth &auth)
{
    m_updating = true;
    const int index = m_type->findData(int(auth.type));
    m_type->setCurrentIndex(index >= 0 ? index : m_type->findData(int(Auth::Type::None)));
    m_username->setText(auth.username);
    m_password->setText(auth.password);
    m_token->setText(auth.token);
    m_key->setText(auth.key);
    m_value->setText(auth.value);
    m_location->setCurrentIndex(qMax(0, m_location->findData(int(auth.location))));
    m_pages->setCurrentIndex(pageFor(Auth::Type(m_type->currentData().toInt())));
    m_updating = false;
}

void AuthEditor::setInheritedDescription(const QString &text)
{
    m_inherited->setText(text);
}

void AuthEditor::emitEdited()
{
    if (!m_updating)
        Q_EMIT edited();
}

QString AuthEditor::describeInherited(const Auth &inherited)
{
    switch (inherited.type) {
    case Auth::Type::Basic:
        return tr("Inherits basic auth (user “%1”) from its folder or the collection.")
            .arg(inherited.username);
    case Auth::Type::Bearer:
        return tr("Inherits a bearer token from its folder or the collection.");
    case Auth::Type::ApiKey:
        return tr("Inherits the API key “%1” from its folder or the collection.")
            .arg(inherited.key);
    default:
        return tr("Inherits no auth: neither its folders nor the collection set one.");
    }
}
