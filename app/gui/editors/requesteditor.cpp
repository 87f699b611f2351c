#include "gui/editors/requesteditor.h"

#include "gui/editors/assertionstable.h"
#include "gui/editors/autheditor.h"
#include "gui/editors/bodyeditor.h"
#include "gui/editors/keyvaluetable.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_url(new VariableLineEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_tabs(new QTabWidget(this))
    , m_params(new KeyValueTable(tr("Parameter"), tr("Value"), this))
    , m_headers(new KeyValueTable(tr("Header"), tr("Value"), this))
    , m_body(new BodyEditor(this))
    , m_auth(new AuthEditor(true, this))
    , m_assertions(new AssertionsTable(this))
    , m_description(new QPlainTextEdit(this))
{
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
        QStringLiteral("OPTIONS")});
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->setMinimumContentsLength(7);
    m_method->setToolTip(tr("HTTP method; type any other, e.g. PURGE"));
    m_url->setPlaceholderText(tr("https://api.example.com/users/{{userId}}"));
    m_url->setClearButtonEnabled(true);
    m_send->setToolTip(tr("Send just this request (Ctrl+Enter)"));
    m_send->setDefault(true);
    m_description->setPlaceholderText(tr("What this request is for; notes for your team"));

    m_tabs->addTab(m_params, tr("Params"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_auth, tr("Auth"));
    m_tabs->addTab(m_assertions, tr("Assertions"));
    m_tabs->addTab(m_description, tr("Description"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_method);
    top->addWidget(m_url, 1);
    top->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    auto *send = new QAction(tr("Send"), this);
    send->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    send->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(send);
    connect(send, &QAction::triggered, this, &RequestEditor::sendRequested);
    connect(m_send, &QPushButton::clicked, this, &RequestEditor::sendRequested);

    connect(
        m_method, &QComboBox::currentTextChanged, this, [this] { emitEdited(tr("Edit method")); });
    connect(m_url, &QLineEdit::textEdited, this, [this] { emitEdited(tr("Edit URL")); });
    connect(m_params, &KeyValueTable::edited, this, [this] { emitEdited(tr("Edit parameters")); });
    connect(m_headers, &KeyValueTable::edited, this, [this] { emitEdited(tr("Edit headers")); });
    connect(m_body, &BodyEditor::edited, this, [this] { emitEdited(tr("Edit body")); });
    connect(m_auth, &AuthEditor::edited, this, [this] { emitEdited(tr("Edit auth")); });
    connect(m_assertions, &AssertionsTable::edited, this,
        [this] { emitEdited(tr("Edit assertions")); });
    connect(m_description, &QPlainTextEdit::textChanged, this,
        [this] { emitEdited(tr("Edit description")); });
}

void RequestEditor::setItem(const CollectionItem &item)
{
    m_updating = true;
    m_item = item;
    const RequestItem &request = item.request;
    if (m_method->currentText() != request.method)
        m_method->setCurrentText(request.method);
    if (m_url->text() != request.url)
        m_url->setText(request.url);
    m_params->setRows(request.params);
    m_headers->setRows(request.headers);
    m_body->setBody(request.body);
    m_auth->setAuth(request.auth);
    m_assertions->setAssertions(request.assertions);
    if (m_description->toPlainText() != item.description)
        m_description->setPlainText(item.description);
    m_updating = false;
}

CollectionItem RequestEditor::item() const
{
    CollectionItem item = m_item;
    item.request.method = m_method->currentText().trimmed(); // methods are case-sensitive
    item.request.url = m_url->text().trimmed();
    item.request.params = m_params->rows();
    item.request.headers = m_headers->rows();
    item.request.body = m_body->body();
    item.request.auth = m_auth->auth();
    item.request.assertions = m_assertions->assertions();
    item.description = m_description->toPlainText();
    return item;
}

void RequestEditor::setVariableLookup(VariableLineEdit::Lookup lookup)
{
    m_url->setLookup(std::move(lookup));
}

void RequestEditor::setInheritedAuthDescription(const QString &text)
{
    m_auth->setInheritedDescription(text);
}

void RequestEditor::setSending(bool sending)
{
    m_send->setEnabled(!sending);
    m_send->setText(sending ? tr("Sending…") : tr("Send"));
}

void RequestEditor::emitEdited(const QString &what)
{
    if (m_updating)
        return;
    const CollectionItem edited = item();
    if (edited == m_item)
        return;
    m_item = edited;
    Q_EMIT this->edited(edited, what);
}
