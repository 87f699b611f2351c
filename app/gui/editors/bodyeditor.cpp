#include "gui/editors/bodyeditor.h"
#include "gui/editors/tableediting.h"

#include "gui/editors/keyvaluetable.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum Page { NonePage, TextPage, FormPage, PartsPage, FilePage };
enum PartColumn { PartEnabled, PartName, PartValue, PartIsFile, PartType, PartColumnCount };

Page pageFor(Body::Mode mode)
{
    switch (mode) {
    case Body::Mode::None:
        return NonePage;
    case Body::Mode::Raw:
    case Body::Mode::Json:
        return TextPage;
    case Body::Mode::FormUrlEncoded:
        return FormPage;
    case Body::Mode::Multipart:
        return PartsPage;
    case Body::Mode::BinaryFile:
        return FilePage;
    }
    return NonePage;
}
} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_contentType(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_form(new KeyValueTable(tr("Field"), tr("Value"), this))
    , m_parts(new QTableWidget(0, PartColumnCount, this))
    , m_file(new QLineEdit(this))
{
    TableEditing::letTabLeave(m_parts);
    m_mode->addItem(tr("No body"), int(Body::Mode::None));
    m_mode->addItem(tr("Raw text"), int(Body::Mode::Raw));
    m_mode->addItem(tr("JSON"), int(Body::Mode::Json));
    m_mode->addItem(tr("Form (URL-encoded)"), int(Body::Mode::FormUrlEncoded));
    m_mode->addItem(tr("Multipart form"), int(Body::Mode::Multipart));
    m_mode->addItem(tr("Binary file"), int(Body::Mode::BinaryFile));

    auto *none = new QLabel(tr("This request sends no body."), this);
    none->setAlignment(Qt::AlignCenter);
    none->setEnabled(false);
    m_pages->addWidget(none);

    m_pages->addWidget(createTextPage());
    m_pages->addWidget(m_form);

    m_pages->addWidget(createPartsPage());
    m_pages->addWidget(createFilePage());

    auto *layout = new QVBoxLayout(this);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(new QLabel(tr("Body:"), this));
    modeRow->addWidget(m_mode);
    modeRow->addStretch();
    layout->addLayout(modeRow);
    layout->addWidget(m_pages, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        showMode();
        emitEdited();
    });
    connect(m_contentType, &QLineEdit::textEdited, this, &BodyEditor::emitEdited);
    connect(m_text, &QPlainTextEdit::textChanged, this, &BodyEditor::emitEdited);
    connect(m_form, &KeyValueTable::edited, this, &BodyEditor::emitEdited);
    connect(m_parts, &QTableWidget::cellChanged, this, &BodyEditor::emitEdited);
    connect(m_file, &QLineEdit::textEdited, this, &BodyEditor::emitEdited);
    showMode();
}

QWidget *BodyEditor::createTextPage()
{
    auto *textPage = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(new QLabel(tr("Content type:"), textPage));
    m_contentType->setPlaceholderText(QStringLiteral("text/plain"));
    typeRow->addWidget(m_contentType, 1);
    auto *format = new QPushButton(tr("Format JSON"), textPage);
    typeRow->addWidget(format);
    textLayout->addLayout(typeRow);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Body text; {{variables}} are replaced when sending"));
    textLayout->addWidget(m_text);

    connect(format, &QPushButton::clicked, this, [this] {
        const QJsonDocument document = QJsonDocument::fromJson(m_text->toPlainText().toUtf8());
        if (!document.isNull())
            m_text->setPlainText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    });
    return textPage;
}

QWidget *BodyEditor::createPartsPage()
{
    auto *partsPage = new QWidget(this);
    auto *partsLayout = new QVBoxLayout(partsPage);
    partsLayout->setContentsMargins(0, 0, 0, 0);
    m_parts->setHorizontalHeaderLabels(
        {QString(), tr("Name"), tr("Value or file path"), tr("File"), tr("Content type")});
    m_parts->horizontalHeader()->setSectionResizeMode(PartValue, QHeaderView::Stretch);
    m_parts->verticalHeader()->hide();
    m_parts->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_parts->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    partsLayout->addWidget(m_parts);
    auto *partButtons = new QHBoxLayout;
    auto *addText = new QPushButton(tr("Add text part"), partsPage);
    auto *addFile = new QPushButton(tr("Add file part…"), partsPage);
    auto *removePart = new QPushButton(tr("Remove"), partsPage);
    partButtons->addWidget(addText);
    partButtons->addWidget(addFile);
    partButtons->addStretch();
    partButtons->addWidget(removePart);
    partsLayout->addLayout(partButtons);

    connect(addText, &QPushButton::clicked, this, [this] {
        FormPart part;
        part.name = QStringLiteral("field");
        addPart(part);
        emitEdited();
    });
    connect(addFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("File part"));
        if (path.isEmpty())
            return;
        FormPart part;
        part.name = QStringLiteral("file");
        part.value = path;
        part.isFile = true;
        addPart(part);
        emitEdited();
    });
    connect(removePart, &QPushButton::clicked, this, [this] {
        if (m_parts->currentRow() >= 0) {
            m_parts->removeRow(m_parts->currentRow());
            emitEdited();
        }
    });
    return partsPage;
}

QWidget *BodyEditor::createFilePage()
{
    auto *filePage = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(filePage);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    m_file->setPlaceholderText(tr("Path of the file to send as the body"));
    auto *browse = new QPushButton(tr("Browse…"), filePage);
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(browse);
    auto *fileOuter = new QWidget(this);
    auto *fileOuterLayout = new QVBoxLayout(fileOuter);
    fileOuterLayout->addWidget(filePage);
    fileOuterLayout->addStretch();

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Body file"));
        if (!path.isEmpty()) {
            m_file->setText(path);
            emitEdited();
        }
    });
    return fileOuter;
}

Body BodyEditor::body() const
{
    Body body;
    body.mode = Body::Mode(m_mode->currentData().toInt());
    body.text = m_text->toPlainText();
    body.contentType = m_contentType->text();
    body.form = m_form->rows();
    body.parts = parts();
    body.filePath = m_file->text();
    return body;
}

void BodyEditor::setBody(const Body &body)
{
    m_updating = true;
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(body.mode))));
    if (m_text->toPlainText() != body.text)
        m_text->setPlainText(body.text);
    m_contentType->setText(body.contentType);
    m_form->setRows(body.form);
    if (parts() != body.parts)
        setParts(body.parts);
    m_file->setText(body.filePath);
    showMode();
    m_updating = false;
}

QList<FormPart> BodyEditor::parts() const
{
    QList<FormPart> parts;
    for (int row = 0; row < m_parts->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_parts->item(row, column);
            return item ? item->text() : QString();
        };
        const auto checked = [&](int column) {
            const QTableWidgetItem *item = m_parts->item(row, column);
            return item && item->checkState() == Qt::Checked;
        };
        parts.append(FormPart {text(PartName), text(PartValue), checked(PartIsFile), text(PartType),
            checked(PartEnabled)});
    }
    return parts;
}

void BodyEditor::setParts(const QList<FormPart> &parts)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_parts->setRowCount(0);
    for (const FormPart &part : parts)
        addPart(part);
    m_updating = wasUpdating;
}

void BodyEditor::addPart(const FormPart &part)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int row = m_parts->rowCount();
    m_parts->insertRow(row);
    const auto checkItem = [](bool checked) {
        auto *item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        return item;
    };
    m_parts->setItem(row, PartEnabled, checkItem(part.enabled));
    m_parts->setItem(row, PartName, new QTableWidgetItem(part.name));
    m_parts->setItem(row, PartValue, new QTableWidgetItem(part.value));
    m_parts->setItem(row, PartIsFile, checkItem(part.isFile));
    m_parts->setItem(row, PartType, new QTableWidgetItem(part.contentType));
    m_updating = wasUpdating;
}

void BodyEditor::showMode()
{
    const auto mode = Body::Mode(m_mode->currentData().toInt());
    m_pages->setCurrentIndex(pageFor(mode));
    m_contentType->setEnabled(mode == Body::Mode::Raw);
    m_contentType->setPlaceholderText(mode == Body::Mode::Json ? QStringLiteral("application/json")
                                                               : QStringLiteral("text/plain"));
}

void BodyEditor::emitEdited()
{
    if (!m_updating)
        Q_EMIT edited();
}
