// Edits one request of a collection: method, URL, params, headers, body, auth, assertions,
// captures.
#include "gui/editors/requesteditor.h"

#include "gui/editors/assertionstable.h"
#include "gui/editors/autheditor.h"
#include "gui/editors/bodyeditor.h"
#include "gui/editors/capturestable.h"
#include "gui/editors/keyvaluetable.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
QList<KeyValue> enabledParams(const QList<KeyValue> &params)
{
    QList<KeyValue> enabled;
    for (const KeyValue &param : params) {
        if (param.enabled && !(param.key.isEmpty() && param.value.isEmpty()))
            enabled.append(param);
    }
    return enabled;
}

/// url with params appended to its query, as typed (not percent-encoded: the builder does that).
QString withQuery(const QString &url, const QList<KeyValue> &params)
{
    QString text = url;
    for (const KeyValue &param : params) {
        text += text.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
        text += param.value.isNull() ? param.key : param.key + QLatin1Char('=') + param.value;
    }
    return text;
}

/// The parameters of the query in a URL as typed: "a=1&b" gives a = 1 and b alone (a null value).
QList<KeyValue> queryParams(const QString &url)
{
    QList<KeyValue> params;
    const qsizetype question = url.indexOf(QLatin1Char('?'));
    if (question < 0)
        return params;
    const QStringList pairs = url.mid(question + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        KeyValue param;
        param.key = equals < 0 ? pair : pair.left(equals);
        param.value = equals < 0 ? QString() : pair.mid(equals + 1);
        params.append(param);
    }
    return params;
}
} // namespace

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
    , m_method(new QComboBox(this))
    , m_url(new VariableLineEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_dataRow(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_params(new KeyValueTable(tr("Parameter"), tr("Value"), this))
    , m_headers(new KeyValueTable(tr("Header"), tr("Value"), this))
    , m_body(new BodyEditor(this))
    , m_auth(new AuthEditor(true, this))
    , m_assertions(new AssertionsTable(this))
    , m_captures(new CapturesTable(this))
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
    m_dataRow->setObjectName(QStringLiteral("dataRow"));
    m_dataRow->setToolTip(tr("The data set row whose values Send uses"));
    m_dataRow->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataRow->setMinimumContentsLength(12);
    m_dataRow->hide();
    m_send->setDefault(true);
    m_description->setPlaceholderText(tr("What this request is for; notes for your team"));

    m_tabs->addTab(m_params, tr("Params"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_auth, tr("Auth"));
    m_tabs->addTab(m_assertions, tr("Assertions"));
    m_tabs->addTab(m_captures, tr("Captures"));
    m_tabs->addTab(m_description, tr("Description"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_method);
    top->addWidget(m_url, 1);
    top->addWidget(m_dataRow);
    top->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    connect(m_send, &QPushButton::clicked, this, &RequestEditor::sendRequested);
    connect(m_dataRow, &QComboBox::activated, this, &RequestEditor::dataRowChanged);
    // Tab moves on from the tables; the method, the URL, Send and the tabs come in that order.
    setTabOrder(m_method, m_url);
    setTabOrder(m_url, m_dataRow);
    setTabOrder(m_dataRow, m_send);
    setTabOrder(m_send, m_tabs);
    connectEdits();
}

void RequestEditor::connectEdits()
{

    connect(
        m_method, &QComboBox::currentTextChanged, this, [this] { emitEdited(tr("Edit method")); });
    connect(m_url, &QLineEdit::textEdited, this, [this] {
        syncParamsFromUrl();
        emitEdited(tr("Edit URL"));
    });
    connect(m_params, &KeyValueTable::edited, this, [this] {
        syncUrlFromParams();
        emitEdited(tr("Edit parameters"));
    });
    connect(m_headers, &KeyValueTable::edited, this, [this] { emitEdited(tr("Edit headers")); });
    connect(m_body, &BodyEditor::edited, this, [this] { emitEdited(tr("Edit body")); });
    connect(m_auth, &AuthEditor::edited, this, [this] { emitEdited(tr("Edit auth")); });
    connect(m_assertions, &AssertionsTable::edited, this,
        [this] { emitEdited(tr("Edit assertions")); });
    connect(m_captures, &CapturesTable::edited, this, [this] { emitEdited(tr("Edit captures")); });
    connect(m_description, &QPlainTextEdit::textChanged, this,
        [this] { emitEdited(tr("Edit description")); });
}

QString RequestEditor::nameFor(const QString &method, const QString &url)
{
    QString path = url.trimmed();
    path = path.left(
        path.indexOf(QLatin1Char('?')) < 0 ? path.size() : path.indexOf(QLatin1Char('?')));
    // Drop the scheme and host, or a leading {{variable}} standing for them.
    if (const qsizetype scheme = path.indexOf(QStringLiteral("://")); scheme >= 0)
        path = path.mid(scheme + 3);
    else if (path.startsWith(QStringLiteral("{{")) && path.indexOf(QStringLiteral("}}")) > 0)
        path = path.mid(path.indexOf(QStringLiteral("}}")) + 2);
    if (!path.startsWith(QLatin1Char('/')))
        path = path.indexOf(QLatin1Char('/')) < 0 ? QStringLiteral("/")
                                                  : path.mid(path.indexOf(QLatin1Char('/')));
    return method.trimmed().toUpper() + QLatin1Char(' ') + path;
}

void RequestEditor::setItem(const CollectionItem &item)
{
    m_updating = true;
    m_item = item;
    const RequestItem &request = item.request;
    if (m_method->currentText() != request.method)
        m_method->setCurrentText(request.method);
    // The URL shows the query; the Params table mirrors it, plus the disabled parameters.
    const QString url = withQuery(request.url, enabledParams(request.params));
    if (m_url->text() != url)
        m_url->setText(url);
    syncParamsFromUrl(request.params);
    m_headers->setRows(request.headers);
    m_body->setBody(request.body);
    m_auth->setAuth(request.auth);
    m_assertions->setAssertions(request.assertions);
    m_captures->setCaptures(request.captures);
    if (m_description->toPlainText() != item.description)
        m_description->setPlainText(item.description);
    m_updating = false;
}

CollectionItem RequestEditor::item() const
{
    CollectionItem item = m_item;
    item.request.method = m_method->currentText().trimmed(); // methods are case-sensitive
    item.request.url = m_url->text().trimmed();
    // Enabled parameters live in the URL's query; only the disabled ones are kept apart.
    item.request.params.clear();
    for (const KeyValue &param : m_params->rows()) {
        if (!param.enabled)
            item.request.params.append(param);
    }
    item.request.headers = m_headers->rows();
    item.request.body = m_body->body();
    item.request.auth = m_auth->auth();
    item.request.assertions = m_assertions->assertions();
    item.request.captures = m_captures->captures();
    item.description = m_description->toPlainText();
    // A name made from the method and path follows them; one the user gave stays.
    if (m_item.name == nameFor(m_item.request.method, m_item.request.url))
        item.name = nameFor(item.request.method, item.request.url);
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

void RequestEditor::setDataRows(const QStringList &labels)
{
    const int current = m_dataRow->currentIndex();
    m_dataRow->clear();
    m_dataRow->addItems(labels);
    m_dataRow->setCurrentIndex(current >= 0 && current < labels.size() ? current : 0);
    m_dataRow->setVisible(!labels.isEmpty());
}

int RequestEditor::dataRow() const
{
    return m_dataRow->count() > 0 ? qMax(0, m_dataRow->currentIndex()) : -1;
}

void RequestEditor::syncParamsFromUrl(const QList<KeyValue> &stored)
{
    QList<KeyValue> rows = queryParams(m_url->text());
    for (const KeyValue &param : stored) {
        if (!param.enabled)
            rows.append(param);
    }
    m_params->setRows(rows);
}

void RequestEditor::syncParamsFromUrl()
{
    syncParamsFromUrl(m_params->rows());
}

void RequestEditor::syncUrlFromParams()
{
    const QString text = m_url->text();
    const QString base = text.left(
        text.indexOf(QLatin1Char('?')) < 0 ? text.size() : text.indexOf(QLatin1Char('?')));
    const QString url = withQuery(base, enabledParams(m_params->rows()));
    if (url != text)
        m_url->setText(url);
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
