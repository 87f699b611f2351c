#include "gui/collection/foldereditor.h"

#include "gui/editors/autheditor.h"
#include "gui/editors/keyvaluetable.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

FolderEditor::FolderEditor(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_variables(
          new KeyValueTable(tr("Variable"), tr("Value"), this, KeyValueTable::Kind::Variables))
    , m_auth(new AuthEditor(true, this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_description->setPlaceholderText(tr("What the requests in this folder are for"));

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_variables, tr("Variables"));
    tabs->addTab(m_auth, tr("Auth"));
    tabs->addTab(m_description, tr("Description"));
    auto *hint = new QLabel(tr("Requests in this folder see its variables (over the collection's) "
                               "and inherit its auth. Run the folder from its context menu."),
        this);
    hint->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(hint);
    layout->addWidget(tabs, 1);

    connect(m_variables, &KeyValueTable::edited, this,
        [this] { emitEdited(tr("Edit folder variables")); });
    connect(m_auth, &AuthEditor::edited, this, [this] { emitEdited(tr("Edit folder auth")); });
    connect(m_description, &QPlainTextEdit::textChanged, this,
        [this] { emitEdited(tr("Edit description")); });
}

void FolderEditor::setItem(const CollectionItem &folder)
{
    m_updating = true;
    m_item = folder;
    m_title->setText(tr("Folder: %1").arg(folder.name));
    m_variables->setVariables(folder.variables);
    m_auth->setAuth(folder.folderAuth);
    if (m_description->toPlainText() != folder.description)
        m_description->setPlainText(folder.description);
    m_updating = false;
}

CollectionItem FolderEditor::item() const
{
    CollectionItem item = m_item;
    item.variables = m_variables->variables();
    item.folderAuth = m_auth->auth();
    item.description = m_description->toPlainText();
    return item;
}

void FolderEditor::setInheritedAuthDescription(const QString &text)
{
    m_auth->setInheritedDescription(text);
}

void FolderEditor::emitEdited(const QString &what)
{
    if (m_updating)
        return;
    const CollectionItem edited = item();
    if (edited == m_item)
        return;
    m_item = edited;
    Q_EMIT this->edited(edited, what);
}
