// The main window's file flows: new, open, save, import and export, with their dialogs.
#include "gui/fileflows.h"

#include "core/base/plural.h"
#include "core/collection/collectionfile.h"
#include "core/collection/collectionsource.h"
#include "core/collection/runplan.h"
#include "core/collection/secretstore.h"
#include "core/engine/runcontroller.h"
#include "core/formats/curlimport.h"
#include "core/formats/harexport.h"
#include "core/formats/importer.h"
#include "core/formats/jtlexport.h"
#include "core/formats/postmanexport.h"
#include "core/formats/resultwriters.h"
#include "gui/charts/chartspanel.h"
#include "gui/editors/requesteditor.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

FileFlows::FileFlows(CollectionDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{ }

void FileFlows::setRun(RunController *runs, ChartsPanel *charts)
{
    m_runs = runs;
    m_charts = charts;
}

CollectionItem FileFlows::starterRequest()
{
    CollectionItem item;
    item.request.url = QStringLiteral("{{rafagaServer}}/get");
    item.name = RequestEditor::nameFor(item.request.method, item.request.url);
    return item;
}

QInputDialog *FileFlows::createCurlDialog()
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("curlDialog"));
    dialog->setWindowTitle(tr("Add Request from curl Command"));
    dialog->setLabelText(tr("Paste a curl command, or several (from a browser's “Copy as "
                            "cURL”, API docs, a terminal); each is added to the open collection, "
                            "and shell variables such as $TOKEN become variables:"));
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    if (auto *label = dialog->findChild<QLabel *>())
        label->setWordWrap(true);
    // A pasted command is one long line: wrap it anywhere, so all of it is in view.
    if (auto *edit = dialog->findChild<QPlainTextEdit *>()) {
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    }
    dialog->resize(
        m_window->fontMetrics().averageCharWidth() * 80, m_window->fontMetrics().height() * 14);
    return dialog;
}

QString FileFlows::startFolder() const
{
    return m_document->filePath().isEmpty() ? QDir::homePath()
                                            : QFileInfo(m_document->filePath()).absolutePath();
}

QString FileFlows::extension(ResultFormat format)
{
    switch (format) {
    case ResultFormat::Csv:
        return QStringLiteral("csv");
    case ResultFormat::Json:
        return QStringLiteral("json");
    case ResultFormat::Har:
        return QStringLiteral("har");
    case ResultFormat::Jtl:
        return QStringLiteral("jtl");
    }
    return QString();
}

bool FileFlows::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved Changes"),
        tr("“%1” has changes that are not saved. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void FileFlows::newCollection()
{
    if (!maybeSave())
        return;
    Collection collection;
    collection.name = tr("Untitled");
    collection.items.append(starterRequest());
    m_document->reset(collection, QString());
    Q_EMIT collectionReplaced();
    Q_EMIT selectRequested({0});
}

void FileFlows::openFile()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Collection"),
        startFolder(), tr("Collections (*.rafaga.json *.json);;All files (*)"));
    if (!path.isEmpty())
        openCollection(path);
}

bool FileFlows::openCollection(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_window, tr("Open Collection"),
            tr("Cannot read “%1”: %2").arg(path, file.errorString()));
        return false;
    }
    const Parsed<ImportResult> imported = importCollection(file.readAll(), path);
    if (!imported) {
        QMessageBox::warning(m_window, tr("Open Collection"),
            tr("“%1” cannot be opened.\n\n%2")
                .arg(QFileInfo(path).fileName(), imported.error().toString()));
        return false;
    }
    const bool native = imported.value().format == ImportResult::Format::Native;
    // An imported file is a new collection: saving must not overwrite the Postman or HAR file.
    m_document->reset(
        imported.value().collection, native ? QFileInfo(path).absoluteFilePath() : QString());
    Q_EMIT collectionReplaced();
    if (native)
        addRecentFile(QFileInfo(path).absoluteFilePath());
    const QList<ItemPath> requests = m_document->requestPaths();
    Q_EMIT selectRequested(requests.isEmpty() ? ItemPath() : requests.first());
    if (!imported.value().notes.isEmpty())
        QMessageBox::information(m_window,
            tr("Imported %1").arg(importFormatName(imported.value().format)),
            tr("Imported with these notes:\n\n• %1")
                .arg(imported.value().notes.join(QStringLiteral("\n• "))));
    Q_EMIT statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool FileFlows::openDemo()
{
    // The demo lives in the user's data folder, so its data set resolves and it can be saved.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/demo");
    QDir().mkpath(folder);
    for (const char *name : {"demo.rafaga.json", "users.csv"}) {
        const QString target = folder + QLatin1Char('/') + QLatin1String(name);
        if (!QFile::exists(target)) {
            QFile::copy(QStringLiteral(":/rafaga/demo/") + QLatin1String(name), target);
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        }
    }
    return openCollection(folder + QStringLiteral("/demo.rafaga.json"));
}

bool FileFlows::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!saveCollection(m_document->collection(), m_document->filePath(), &error)) {
        QMessageBox::warning(m_window, tr("Save Collection"),
            tr("The collection was not saved; the file on disk is unchanged.\n\n%1").arg(error));
        return false;
    }
    m_document->markSaved(m_document->filePath());
    Q_EMIT statusMessage(
        tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())), 5000);
    return true;
}

bool FileFlows::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested = QDir(startFolder())
                        .filePath(m_document->displayName() + QStringLiteral(".rafaga.json"));
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Collection"), suggested, tr("Rafaga collections (*.rafaga.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".rafaga.json");
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(m_window, tr("Save Collection"), error);
        return false;
    }
    return true;
}

bool FileFlows::saveTo(const QString &path, QString *error)
{
    // The data set path is saved relative to the collection: move it along with the file.
    Collection collection = m_document->collection();
    const QString dataFile = dataFileForReading(collection.run.dataFile, m_document->filePath());
    collection.run.dataFile = dataFileForSaving(dataFile, QFileInfo(path).absoluteFilePath());
    if (!saveCollection(collection, path, error))
        return false;
    if (collection.run.dataFile != m_document->collection().run.dataFile)
        m_document->setCollectionSettings(collection, tr("Save As"));
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    Q_EMIT fileNameChanged();
    return true;
}

void FileFlows::importFile()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Collection"),
        startFolder(), tr("Postman collections and HAR files (*.json *.har);;All files (*)"));
    if (!path.isEmpty())
        openCollection(path);
}

void FileFlows::importCurl()
{
    QInputDialog *dialog = createCurlDialog();
    const bool ok = dialog->exec() == QDialog::Accepted;
    const QString command = dialog->textValue();
    delete dialog;
    if (!ok || command.trimmed().isEmpty())
        return;
    QList<Variable> variables;
    QStringList notes;
    const Parsed<QList<CurlImport>> imported = importCurlCommands(command, &variables, &notes);
    if (!imported) {
        QMessageBox::warning(m_window, tr("Import curl Command"), imported.error().toString());
        return;
    }
    // The paste's `export NAME=...` and $NAME become collection variables, unless the
    // collection has its own.
    Collection withVariables = m_document->collection();
    for (const Variable &variable : std::as_const(variables)) {
        const auto &own = withVariables.variables;
        if (std::none_of(own.cbegin(), own.cend(),
                [&variable](const Variable &v) { return v.name == variable.name; }))
            withVariables.variables.append(variable);
    }
    const int first = int(m_document->collection().items.size());
    m_document->undoStack()->beginMacro(tr("Import curl command"));
    m_document->setCollectionSettings(withVariables, tr("Import curl command"));
    for (qsizetype i = 0; i < imported.value().size(); ++i) {
        const CurlImport &one = imported.value().at(i);
        m_document->insertItem({}, first + int(i), one.item, tr("Import curl command"));
        notes += one.warnings + runSettingNotes(one);
    }
    m_document->undoStack()->endMacro();
    Q_EMIT selectRequested({first});
    notes.removeDuplicates();
    if (!notes.isEmpty())
        QMessageBox::information(m_window, tr("Import curl Command"),
            tr("Imported with these notes:\n\n• %1").arg(notes.join(QStringLiteral("\n• "))));
}

void FileFlows::exportCollection()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export as Postman Collection"),
        QDir(startFolder())
            .filePath(m_document->displayName() + QStringLiteral(".postman_collection.json")),
        tr("Postman collections (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray data = exportPostmanCollection(m_document->collection());
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        QMessageBox::warning(
            m_window, tr("Export"), tr("Cannot write “%1”: %2").arg(path, file.errorString()));
}

void FileFlows::exportResults(ResultFormat format)
{
    if (!m_runs || !m_runs->results() || m_runs->results()->completedCount() == 0) {
        QMessageBox::information(m_window, tr("Export Results"),
            tr("Run something first: there are no results to export."));
        return;
    }
    QString filter;
    switch (format) {
    case ResultFormat::Csv:
        filter = tr("CSV files (*.csv)");
        break;
    case ResultFormat::Json:
        filter = tr("JSON files (*.json)");
        break;
    case ResultFormat::Har:
        filter = tr("HAR files (*.har)");
        break;
    case ResultFormat::Jtl:
        filter = tr("JMeter results (*.jtl)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Results"),
        QDir(startFolder())
            .filePath(m_document->displayName() + QStringLiteral("-results.") + extension(format)),
        filter);
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool ok = exportResultsTo(path, format, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(m_window, tr("Export Results"), error);
    else
        Q_EMIT statusMessage(tr("Exported %1 result(s) to %2", nullptr,
                                 pluralCount(m_runs->results()->completedCount()))
                                 .arg(QLocale().toString(m_runs->results()->completedCount()))
                                 .arg(QDir::toNativeSeparators(path)),
            5000);
}

bool FileFlows::exportResultsTo(const QString &path, ResultFormat format, QString *error)
{
    const ResultStore *store = m_runs ? m_runs->results() : nullptr;
    if (!store || store->completedCount() == 0) {
        *error = tr("There are no results to export.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    const RequestSource &source = *m_runs->requests();
    const RunOptions &options = m_runs->options();
    const ResultWriters::SecretMask mask(
        secretValues(m_document->collection(), SecretStore().lookupFor(m_document->filePath())));
    bool ok = false;
    switch (format) {
    case ResultFormat::Csv:
        ok = ResultWriters::writeCsv(
            &file, *store, source, ResultWriters::CsvLayout::forRun(source), mask, error);
        break;
    case ResultFormat::Json:
        ok = ResultWriters::writeJson(&file, *store, source, m_runs->statsSnapshot(), options,
            m_runs->elapsedUs(), mask, error);
        break;
    case ResultFormat::Har:
        ok = HarExport::write(&file, *store, source, options, m_runs->startedAt(), mask, error);
        break;
    case ResultFormat::Jtl:
        ok = JtlExport::write(&file, *store, source, options, m_runs->startedAt(), mask, error);
        break;
    }
    if (ok && !file.commit()) {
        *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return ok;
}

void FileFlows::exportCharts()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Charts"),
        QDir(startFolder()).filePath(m_document->displayName() + QStringLiteral("-charts.png")),
        tr("PNG image (*.png);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
        || selected.contains(QLatin1String("pdf"));
    const bool ok = pdf ? m_charts->exportPdf(path, &error) : m_charts->exportPng(path, &error);
    if (!ok)
        QMessageBox::warning(m_window, tr("Export Charts"), error);
}

void FileFlows::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("files/recent"), recent);
    Q_EMIT recentFilesChanged();
}

void FileFlows::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (const QString &path : recent) {
        menu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave())
                openCollection(path);
        });
    }
    menu->setEnabled(!recent.isEmpty());
}
