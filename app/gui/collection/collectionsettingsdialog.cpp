#include "gui/collection/collectionsettingsdialog.h"

#include "gui/editors/autheditor.h"
#include "gui/editors/keyvaluetable.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

CollectionSettingsDialog::CollectionSettingsDialog(const Collection &collection, QWidget *parent)
    : QDialog(parent)
    , m_collection(collection)
    , m_name(new QLineEdit(collection.name, this))
    , m_description(new QPlainTextEdit(collection.description, this))
    , m_variables(
          new KeyValueTable(tr("Variable"), tr("Value"), this, KeyValueTable::Kind::Variables))
    , m_auth(new AuthEditor(false, this))
    , m_environments(new QListWidget(this))
    , m_environmentVariables(
          new KeyValueTable(tr("Variable"), tr("Value"), this, KeyValueTable::Kind::Variables))
{
    setWindowTitle(tr("Collection Settings"));
    m_variables->setVariables(collection.variables);
    Auth auth = collection.auth;
    if (auth.type == Auth::Type::Inherit) { // a collection has nothing to inherit from
        auth = Auth();
        auth.type = Auth::Type::None;
    }
    m_auth->setAuth(auth);

    auto *general = new QWidget(this);
    auto *form = new QFormLayout(general);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Description:"), m_description);

    auto *environments = new QWidget(this);
    auto *envLayout = new QHBoxLayout(environments);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_environments);
    auto *add = new QPushButton(tr("Add…"), environments);
    auto *rename = new QPushButton(tr("Rename…"), environments);
    auto *remove = new QPushButton(tr("Remove"), environments);
    for (QPushButton *button : {add, rename, remove})
        listColumn->addWidget(button);
    envLayout->addLayout(listColumn, 1);
    envLayout->addWidget(m_environmentVariables, 3);
    for (const Environment &environment : std::as_const(m_collection.environments))
        m_environments->addItem(environment.name);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(general, tr("General"));
    tabs->addTab(m_variables, tr("Variables"));
    tabs->addTab(m_auth, tr("Auth"));
    tabs->addTab(environments, tr("Environments"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 30);

    connect(m_environments, &QListWidget::currentRowChanged, this,
        &CollectionSettingsDialog::showEnvironment);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("New Environment"), tr("Name:"));
        if (name.trimmed().isEmpty())
            return;
        storeEnvironment();
        Environment environment;
        environment.name = name.trimmed();
        m_collection.environments.append(environment);
        m_environments->addItem(name.trimmed());
        m_environments->setCurrentRow(m_environments->count() - 1);
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        const int row = m_environments->currentRow();
        if (row < 0)
            return;
        const QString name = QInputDialog::getText(this, tr("Rename Environment"), tr("Name:"),
            QLineEdit::Normal, m_collection.environments.at(row).name);
        if (name.trimmed().isEmpty())
            return;
        m_collection.environments[row].name = name.trimmed();
        m_environments->item(row)->setText(name.trimmed());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_environments->currentRow();
        if (row < 0)
            return;
        m_shownEnvironment = -1;
        m_collection.environments.removeAt(row);
        delete m_environments->takeItem(row);
    });
    m_environmentVariables->setEnabled(false);
    if (m_environments->count() > 0)
        m_environments->setCurrentRow(0);
}

void CollectionSettingsDialog::storeEnvironment()
{
    if (m_shownEnvironment >= 0 && m_shownEnvironment < m_collection.environments.size())
        m_collection.environments[m_shownEnvironment].variables
            = m_environmentVariables->variables();
}

void CollectionSettingsDialog::showEnvironment(int row)
{
    storeEnvironment();
    m_shownEnvironment = row;
    m_environmentVariables->setEnabled(row >= 0);
    m_environmentVariables->setVariables(
        row >= 0 ? m_collection.environments.at(row).variables : QList<Variable>());
}

Collection CollectionSettingsDialog::collection() const
{
    Collection result = m_collection;
    if (m_shownEnvironment >= 0 && m_shownEnvironment < result.environments.size())
        result.environments[m_shownEnvironment].variables = m_environmentVariables->variables();
    result.name = m_name->text().trimmed();
    result.description = m_description->toPlainText();
    result.variables = m_variables->variables();
    result.auth = m_auth->auth();
    return result;
}
