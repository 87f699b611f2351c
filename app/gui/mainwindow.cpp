#include "gui/mainwindow.h"

#include "gui/charts/chartspanel.h"
#include "core/collection/collectionfile.h"
#include "gui/collection/collectionmodel.h"
#include "gui/collection/collectionsettingsdialog.h"
#include "core/collection/collectionsource.h"
#include "gui/charts/comparewidget.h"
#include "core/formats/curlimport.h"
#include "gui/collection/datapreviewdialog.h"
#include "core/collection/dataset.h"
#include "gui/collection/foldereditor.h"
#include "core/formats/harexport.h"
#include "core/server/httpserver.h"
#include "core/formats/importer.h"
#include "core/formats/jtlexport.h"
#include "core/base/plural.h"
#include "core/formats/postmanexport.h"
#include "gui/editors/requesteditor.h"
#include "gui/run/resultspane.h"
#include "core/formats/resultwriters.h"
#include "core/engine/runcontroller.h"
#include "gui/run/runpanel.h"
#include "core/collection/secretstore.h"
#include "gui/run/summarystrip.h"
#include "core/base/version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int MaxRecentFiles = 8;
const QString ServerVariable = QStringLiteral("rafagaServer");

/// A request worth starting from: GET on the built-in server.
CollectionItem newRequest(const QString &name)
{
    CollectionItem item;
    item.name = name;
    item.request.url = QStringLiteral("{{rafagaServer}}/get");
    return item;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new CollectionDocument(this))
    , m_collectionModel(new CollectionModel(m_document, this))
    , m_treeFilter(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_treeFilterEdit(new QLineEdit(this))
    , m_editorStack(new QStackedWidget(this))
    , m_emptyEditor(new QLabel(this))
    , m_requestEditor(new RequestEditor(this))
    , m_folderEditor(new FolderEditor(this))
    , m_runPanel(new RunPanel(this))
    , m_bottomTabs(new QTabWidget(this))
    , m_results(new ResultsPane(this))
    , m_charts(new ChartsPanel(this))
    , m_compare(new CompareWidget(this))
    , m_summary(new SummaryStrip(this))
    , m_serverLabel(new QLabel(this))
    , m_runs(new RunController(this))
    , m_sends(new RunController(this))
    , m_server(std::make_unique<ServerThread>())
    , m_planTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/rafaga/rafaga.svg")));
    // The built-in server answers {{rafagaServer}}, so the demo and new requests work offline.
    QString serverError;
    if (m_server->start(&serverError))
        m_serverLabel->setText(tr("Built-in server: %1").arg(m_server->baseUrl().toString()));
    else
        m_serverLabel->setText(tr("Built-in server not running: %1").arg(serverError));
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    createActions();
    createLayout();
    createMenus();

    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(250);
    connect(m_planTimer, &QTimer::timeout, this, &MainWindow::updatePlan);

    m_results->setController(m_runs);
    m_charts->setController(m_runs);
    m_summary->setController(m_runs);
    connect(m_runs, &RunController::stateChanged, this, &MainWindow::updateRunActions);
    connect(m_runs, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(m_sends, &RunController::finished, this, [this] {
        m_requestEditor->setSending(false);
        if (const ResultStore *store = m_sends->results(); store && store->isDone(0))
            m_results->showResponse(store->at(0), m_sends->requests()->at(0));
        showTab(0);
        Q_EMIT sendFinished();
    });

    connect(m_document, &CollectionDocument::structureChanged, this, [this] {
        m_tree->expandToDepth(0);
        if (!m_document->itemAt(m_shownPath))
            m_shownPath.clear();
        selectItem(m_shownPath);
        m_planTimer->start();
    });
    connect(m_document, &CollectionDocument::itemChanged, this, [this](const ItemPath &path) {
        if (path == m_shownPath)
            showCurrentItem();
        m_planTimer->start();
    });
    connect(m_document, &CollectionDocument::settingsChanged, this, [this] {
        QStringList environments;
        for (const Environment &environment : m_document->collection().environments)
            environments.append(environment.name);
        m_runPanel->setSettings(m_document->collection().run, environments);
        showCurrentItem();
        updateTitle();
        m_planTimer->start();
    });
    connect(m_document, &CollectionDocument::modifiedChanged, this, &MainWindow::updateTitle);

    connect(m_requestEditor, &RequestEditor::edited, this,
        [this](const CollectionItem &item, const QString &what) {
            m_document->replaceItem(m_shownPath, item, what);
        });
    connect(m_requestEditor, &RequestEditor::sendRequested, this, &MainWindow::sendCurrentRequest);
    connect(m_folderEditor, &FolderEditor::edited, this,
        [this](const CollectionItem &item, const QString &what) {
            m_document->replaceItem(m_shownPath, item, what);
        });
    connect(m_runPanel, &RunPanel::settingsEdited, this, [this](RunSettings settings) {
        Collection withSettings = m_document->collection();
        settings.dataFile = dataFileForSaving(
            dataFileForReading(settings.dataFile, m_document->filePath()), m_document->filePath());
        withSettings.run = settings;
        m_document->setCollectionSettings(withSettings, tr("Edit run settings"));
    });
    connect(m_runPanel, &RunPanel::previewDataRequested, this, &MainWindow::previewData);

    m_document->reset(Collection {tr("Untitled"), {}, {}, {}, {}, {}, {}, {}}, QString());
    updateRunActions();
    readSettings();
}

MainWindow::~MainWindow()
{
    // Runs end before the server they may be talking to.
    delete m_runs;
    delete m_sends;
    m_runs = m_sends = nullptr;
}

QUrl MainWindow::serverUrl() const
{
    return m_server->baseUrl();
}

void MainWindow::showTab(int index)
{
    m_bottomTabs->setCurrentIndex(index);
}

void MainWindow::createActions()
{
    m_newAction
        = new QAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&New Collection"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newCollection);
    m_openAction
        = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFile);
    m_saveAction
        = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_runAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run"), this);
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runAction->setToolTip(tr("Run the selected folder, or the whole collection (Ctrl+R)"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runCollection);
    m_pauseAction = new QAction(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAction->setToolTip(tr("Stop sending new requests; what is in flight finishes"));
    connect(m_pauseAction, &QAction::triggered, this, [this] {
        if (m_runs->state() == Run::State::Paused)
            m_runs->resume();
        else
            m_runs->pause();
    });
    m_stopAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stopAction->setToolTip(tr("Abort what is in flight and keep every finished result (Esc)"));
    connect(m_stopAction, &QAction::triggered, m_runs, &RunController::stop);
    m_sendAction = new QAction(tr("Se&nd Request"), this);
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::sendCurrentRequest);

    m_addRequestAction = new QAction(tr("Add &Request"), this);
    m_addRequestAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_addRequestAction, &QAction::triggered, this, [this] { addItem(false); });
    m_addFolderAction = new QAction(tr("Add &Folder"), this);
    connect(m_addFolderAction, &QAction::triggered, this, [this] { addItem(true); });
    m_duplicateAction = new QAction(tr("&Duplicate"), this);
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::duplicateItem);
    m_renameAction = new QAction(tr("Re&name"), this);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::renameItem);
    m_deleteAction = new QAction(tr("De&lete"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteItem);
    m_runFolderAction = new QAction(tr("Run This Folder"), this);
    connect(m_runFolderAction, &QAction::triggered, this, &MainWindow::runCollection);
    m_tree->addAction(m_deleteAction);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Demo Collection"), this, [this] {
        if (maybeSave())
            openDemo();
    });
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(tr("&Import Collection…"), this, &MainWindow::importFile);
    file->addAction(tr("Import &curl Command…"), this, &MainWindow::importCurl);
    file->addAction(tr("Export Collection as &Postman…"), this, &MainWindow::exportCollection);
    QMenu *exportMenu = file->addMenu(tr("&Export Results"));
    exportMenu->addAction(tr("CSV…"), this, [this] { exportResults(QStringLiteral("csv")); });
    exportMenu->addAction(tr("JSON…"), this, [this] { exportResults(QStringLiteral("json")); });
    exportMenu->addAction(tr("HAR…"), this, [this] { exportResults(QStringLiteral("har")); });
    exportMenu->addAction(
        tr("JMeter JTL…"), this, [this] { exportResults(QStringLiteral("jtl")); });
    file->addAction(tr("Export C&harts…"), this, &MainWindow::exportCharts);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_addRequestAction);
    edit->addAction(m_addFolderAction);
    edit->addAction(m_duplicateAction);
    edit->addAction(m_renameAction);
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find in Results"), m_results, &ResultsPane::focusFilter);
    find->setShortcut(QKeySequence::Find);
    edit->addAction(tr("Collection &Settings…"), this, &MainWindow::editCollectionSettings);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_pauseAction);
    run->addAction(m_stopAction);
    run->addSeparator();
    run->addAction(m_sendAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Results"), this, [this] { showTab(0); })
        ->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    view->addAction(tr("&Charts"), this, [this] { showTab(1); })
        ->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    view->addAction(tr("C&ompare"), this, [this] { showTab(2); })
        ->setShortcut(QKeySequence(Qt::ALT | Qt::Key_3));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Rafaga"), this, [this] {
        QMessageBox::about(this, tr("About Rafaga"),
            tr("<h3>Rafaga %1</h3><p>A desktop workbench for HTTP requests sent many at a "
               "time.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>"
               "<p>Built with Qt %2 (running on %3) and QCustomPlot.</p>")
                .arg(Rafaga::version(), QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    // Run, Pause and Stop sit in the run panel, beside the settings they use.
    QToolBar *toolbar = addToolBar(tr("Collection"));
    toolbar->setObjectName(QStringLiteral("collectionToolbar"));
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_saveAction);
    toolbar->addSeparator();
    toolbar->addAction(m_addRequestAction);
    toolbar->addAction(m_addFolderAction);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    updateRecentMenu();
}

void MainWindow::createLayout()
{
    m_treeFilter->setSourceModel(m_collectionModel);
    m_treeFilter->setRecursiveFilteringEnabled(true);
    m_treeFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_treeFilter->setFilterRole(CollectionModel::SearchTextRole);
    m_tree->setModel(m_treeFilter);
    m_tree->setHeaderHidden(true);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_shownPath = currentPath();
        showCurrentItem();
        m_planTimer->start();
    });
    m_treeFilterEdit->setPlaceholderText(tr("Filter requests"));
    m_treeFilterEdit->setClearButtonEnabled(true);
    connect(m_treeFilterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeFilter->setFilterFixedString(text);
        m_tree->expandAll();
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_treeFilterEdit);
    leftLayout->addWidget(m_tree, 1);

    m_emptyEditor->setText(tr("<p>Select a request to edit it, or add one with <b>Add Request</b> "
                              "(Ctrl+T).</p><p>Requests may use <tt>{{variables}}</tt>; "
                              "<tt>{{rafagaServer}}</tt> is the built-in test server.</p>"));
    m_emptyEditor->setAlignment(Qt::AlignCenter);
    m_emptyEditor->setWordWrap(true);
    m_editorStack->addWidget(m_emptyEditor);
    m_editorStack->addWidget(m_requestEditor);
    m_editorStack->addWidget(m_folderEditor);

    m_runPanel->setActions(m_runAction, m_pauseAction, m_stopAction);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->setObjectName(QStringLiteral("topSplitter"));
    top->addWidget(m_editorStack);
    top->addWidget(m_runPanel);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);

    m_bottomTabs->addTab(m_results, tr("Results"));
    m_bottomTabs->addTab(m_charts, tr("Charts"));
    m_bottomTabs->addTab(m_compare, tr("Compare"));

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("rightSplitter"));
    right->addWidget(top);
    right->addWidget(m_bottomTabs);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(left);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 4);
    // First start: room for request names; later starts restore the user's layout.
    const int charWidth = fontMetrics().averageCharWidth();
    main->setSizes({charWidth * 34, charWidth * 150});
    top->setSizes({charWidth * 110, charWidth * 44});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(main, 1);
    layout->addWidget(m_summary);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_serverLabel);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 860);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (auto *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(
                settings.value(QStringLiteral("window/") + splitter->objectName()).toByteArray());
    }
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    for (auto *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(
                QStringLiteral("window/") + splitter->objectName(), splitter->saveState());
    }
    settings.setValue(QStringLiteral("files/last"), m_document->filePath());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_runs->stop();
    writeSettings();
    event->accept();
}

// --- Files ---------------------------------------------------------------------------------

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
        tr("“%1” has changes that are not saved. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newCollection()
{
    if (!maybeSave())
        return;
    Collection collection;
    collection.name = tr("Untitled");
    collection.items.append(newRequest(tr("New request")));
    m_document->reset(collection, QString());
    selectItem({0});
}

void MainWindow::openFile()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Collection"),
        QFileInfo(m_document->filePath()).path(),
        tr("Collections (*.rafaga.json *.json);;All files (*)"));
    if (!path.isEmpty())
        openCollection(path);
}

bool MainWindow::openCollection(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this, tr("Open Collection"), tr("Cannot read “%1”: %2").arg(path, file.errorString()));
        return false;
    }
    const Parsed<ImportResult> imported = importCollection(file.readAll(), path);
    if (!imported) {
        QMessageBox::warning(this, tr("Open Collection"),
            tr("“%1” cannot be opened.\n\n%2")
                .arg(QFileInfo(path).fileName(), imported.error().toString()));
        return false;
    }
    const bool native = imported.value().format == ImportResult::Format::Native;
    // An imported file is a new collection: saving must not overwrite the Postman or HAR file.
    m_document->reset(
        imported.value().collection, native ? QFileInfo(path).absoluteFilePath() : QString());
    if (native)
        addRecentFile(QFileInfo(path).absoluteFilePath());
    m_tree->expandToDepth(0);
    const QList<ItemPath> requests = m_document->requestPaths();
    selectItem(requests.isEmpty() ? ItemPath() : requests.first());
    if (!imported.value().notes.isEmpty())
        QMessageBox::information(this,
            tr("Imported %1").arg(importFormatName(imported.value().format)),
            tr("Imported with these notes:\n\n• %1")
                .arg(imported.value().notes.join(QStringLiteral("\n• "))));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::openDemo()
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

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!saveCollection(m_document->collection(), m_document->filePath(), &error)) {
        QMessageBox::warning(this, tr("Save Collection"),
            tr("The collection was not saved; the file on disk is unchanged.\n\n%1").arg(error));
        return false;
    }
    m_document->markSaved(m_document->filePath());
    statusBar()->showMessage(
        tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())), 5000);
    return true;
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested
            = QDir::home().filePath(m_document->displayName() + QStringLiteral(".rafaga.json"));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Collection"), suggested, tr("Rafaga collections (*.rafaga.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".rafaga.json");
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Save Collection"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveTo(const QString &path, QString *error)
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
    updateTitle();
    return true;
}

void MainWindow::importFile()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Collection"), QString(),
        tr("Postman collections and HAR files (*.json *.har);;All files (*)"));
    if (!path.isEmpty())
        openCollection(path);
}

void MainWindow::importCurl()
{
    bool ok = false;
    const QString command = QInputDialog::getMultiLineText(this, tr("Import curl Command"),
        tr("Paste a curl command (for example from a browser's “Copy as cURL”):"), QString(), &ok);
    if (!ok || command.trimmed().isEmpty())
        return;
    QStringList warnings;
    const Parsed<CollectionItem> item = ::importCurl(command, &warnings);
    if (!item) {
        QMessageBox::warning(this, tr("Import curl Command"), item.error().toString());
        return;
    }
    const int row = int(m_document->collection().items.size());
    m_document->insertItem({}, row, item.value(), tr("Import curl command"));
    selectItem({row});
    if (!warnings.isEmpty())
        QMessageBox::information(this, tr("Import curl Command"),
            tr("Imported with these notes:\n\n• %1").arg(warnings.join(QStringLiteral("\n• "))));
}

void MainWindow::exportCollection()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as Postman Collection"),
        QDir::home().filePath(
            m_document->displayName() + QStringLiteral(".postman_collection.json")),
        tr("Postman collections (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray data = exportPostmanCollection(m_document->collection());
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        QMessageBox::warning(
            this, tr("Export"), tr("Cannot write “%1”: %2").arg(path, file.errorString()));
}

void MainWindow::exportResults(const QString &format)
{
    if (!m_runs->results() || m_runs->results()->completedCount() == 0) {
        QMessageBox::information(
            this, tr("Export Results"), tr("Run something first: there are no results to export."));
        return;
    }
    const QString filter = format == QLatin1String("csv") ? tr("CSV files (*.csv)")
        : format == QLatin1String("json")                 ? tr("JSON files (*.json)")
        : format == QLatin1String("har")                  ? tr("HAR files (*.har)")
                                                          : tr("JMeter results (*.jtl)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results"),
        QDir::home().filePath(m_document->displayName() + QStringLiteral("-results.") + format),
        filter);
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool ok = exportResultsTo(path, format, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Export Results"), error);
    else
        statusBar()->showMessage(tr("Exported %1 result(s) to %2", nullptr,
                                     pluralCount(m_runs->results()->completedCount()))
                                     .arg(QLocale().toString(m_runs->results()->completedCount()))
                                     .arg(QDir::toNativeSeparators(path)),
            5000);
}

bool MainWindow::exportResultsTo(const QString &path, const QString &format, QString *error)
{
    const ResultStore *store = m_runs->results();
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
    const RunOptions &options = m_runs->run()->options();
    const ResultWriters::SecretMask mask(
        secretValues(m_document->collection(), SecretStore().lookupFor(m_document->filePath())));
    bool ok;
    if (format == QLatin1String("csv"))
        ok = ResultWriters::writeCsv(
            &file, *store, source, ResultWriters::CsvLayout::forRun(source), mask, error);
    else if (format == QLatin1String("json"))
        ok = ResultWriters::writeJson(&file, *store, source, m_runs->statsSnapshot(), options,
            m_runs->elapsedUs(), mask, error);
    else if (format == QLatin1String("har"))
        ok = HarExport::write(
            &file, *store, source, options, m_runs->run()->startedAt(), mask, error);
    else
        ok = JtlExport::write(
            &file, *store, source, options, m_runs->run()->startedAt(), mask, error);
    if (ok && !file.commit()) {
        *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return ok;
}

void MainWindow::exportCharts()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Charts"),
        QDir::home().filePath(m_document->displayName() + QStringLiteral("-charts.png")),
        tr("PNG image (*.png);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
        || selected.contains(QLatin1String("pdf"));
    const bool ok = pdf ? m_charts->exportPdf(path, &error) : m_charts->exportPng(path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export Charts"), error);
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("files/recent"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave())
                openCollection(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::editCollectionSettings()
{
    CollectionSettingsDialog dialog(m_document->collection(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_document->setCollectionSettings(dialog.collection(), tr("Edit collection settings"));
}

void MainWindow::previewData()
{
    const QString path
        = dataFileForReading(m_document->collection().run.dataFile, m_document->filePath());
    if (path.isEmpty()) {
        QMessageBox::information(
            this, tr("Data Set"), tr("Choose a CSV or JSON file first (Data…)."));
        return;
    }
    const Parsed<DataSet> data = loadDataSet(path);
    if (!data) {
        QMessageBox::warning(this, tr("Data Set"), data.error().toString());
        return;
    }
    DataPreviewDialog(path, data.value(), this).exec();
}

// --- Tree edits ----------------------------------------------------------------------------

ItemPath MainWindow::currentPath() const
{
    return CollectionModel::pathOf(m_treeFilter->mapToSource(m_tree->currentIndex()));
}

void MainWindow::selectItem(const ItemPath &path)
{
    const QModelIndex index = m_treeFilter->mapFromSource(m_collectionModel->indexForPath(path));
    m_tree->setCurrentIndex(index);
    m_shownPath = path;
    showCurrentItem();
}

void MainWindow::addItem(bool folder)
{
    // New items go into the selected folder, or beside the selected request.
    ItemPath parent = currentPath();
    const CollectionItem *current = m_document->itemAt(parent);
    if (current && !current->isFolder())
        parent.removeLast();
    const CollectionItem *container = m_document->itemAt(parent);
    const int row = parent.isEmpty() ? int(m_document->collection().items.size())
                                     : int(container ? container->children.size() : 0);
    CollectionItem item = folder ? CollectionItem {} : newRequest(tr("New request"));
    if (folder) {
        item.kind = CollectionItem::Kind::Folder;
        item.name = tr("New folder");
    }
    m_document->insertItem(parent, row, item, folder ? tr("Add folder") : tr("Add request"));
    selectItem(parent + ItemPath {row});
    m_tree->edit(m_tree->currentIndex());
}

void MainWindow::duplicateItem()
{
    const ItemPath path = currentPath();
    const CollectionItem *item = m_document->itemAt(path);
    if (!item)
        return;
    CollectionItem copy = *item;
    copy.name = tr("%1 (copy)").arg(item->name);
    m_document->insertItem(path.mid(0, path.size() - 1), path.last() + 1, copy, tr("Duplicate"));
    ItemPath copied = path;
    ++copied.last();
    selectItem(copied);
}

void MainWindow::renameItem()
{
    if (m_tree->currentIndex().isValid())
        m_tree->edit(m_tree->currentIndex());
}

void MainWindow::deleteItem()
{
    const ItemPath path = currentPath();
    const CollectionItem *item = m_document->itemAt(path);
    if (!item)
        return;
    // Undo brings it back, so only a folder with contents asks first.
    if (item->isFolder() && !item->children.isEmpty()
        && QMessageBox::question(this, tr("Delete Folder"),
               tr("Delete “%1” and the %n item(s) in it?", nullptr, int(item->children.size()))
                   .arg(item->name))
            != QMessageBox::Yes)
        return;
    m_document->removeItem(path, tr("Delete"));
}

void MainWindow::showTreeMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(m_addRequestAction);
    menu.addAction(m_addFolderAction);
    if (index.isValid()) {
        menu.addSeparator();
        menu.addAction(m_duplicateAction);
        menu.addAction(m_renameAction);
        menu.addAction(m_deleteAction);
        menu.addSeparator();
        if (index.data(CollectionModel::IsFolderRole).toBool())
            menu.addAction(m_runFolderAction);
        else
            menu.addAction(m_sendAction);
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

// --- Showing and running -------------------------------------------------------------------

VariableResolver MainWindow::resolverFor(const ItemPath &path) const
{
    const Collection &collection = m_document->collection();
    const SecretLookup secrets = SecretStore().lookupFor(m_document->filePath());
    VariableResolver resolver;
    resolver.setCollectionVariables(collection.variables, secrets, SecretStore::collectionScope());
    QStringList folderNames;
    for (const CollectionItem *folder : m_document->ancestors(path)) {
        folderNames.append(folder->name);
        resolver.addFolderVariables(
            folder->variables, secrets, SecretStore::folderScope(folderNames));
    }
    for (const Environment &environment : collection.environments) {
        if (environment.name == collection.run.environment)
            resolver.setEnvironmentVariables(
                environment.variables, secrets, SecretStore::environmentScope(environment.name));
    }
    resolver.setCommandLineVariables({{ServerVariable, serverUrl().toString()}});
    return resolver;
}

QString MainWindow::inheritedAuthText(const ItemPath &path) const
{
    const Auth auth
        = effectiveAuth(m_document->collection(), path.mid(0, path.size() - 1) + ItemPath {-1});
    switch (auth.type) {
    case Auth::Type::Basic:
        return tr("Inherits basic auth (user “%1”) from its folder or the collection.")
            .arg(auth.username);
    case Auth::Type::Bearer:
        return tr("Inherits a bearer token from its folder or the collection.");
    case Auth::Type::ApiKey:
        return tr("Inherits the API key “%1” from its folder or the collection.").arg(auth.key);
    default:
        return tr("Inherits no auth: neither its folders nor the collection set one.");
    }
}

void MainWindow::showCurrentItem()
{
    const CollectionItem *item = m_document->itemAt(m_shownPath);
    if (!item) {
        m_editorStack->setCurrentWidget(m_emptyEditor);
        return;
    }
    if (item->isFolder()) {
        m_folderEditor->setItem(*item);
        m_folderEditor->setInheritedAuthDescription(inheritedAuthText(m_shownPath + ItemPath {0}));
        m_editorStack->setCurrentWidget(m_folderEditor);
    } else {
        m_requestEditor->setItem(*item);
        m_requestEditor->setInheritedAuthDescription(inheritedAuthText(m_shownPath));
        const VariableResolver resolver = resolverFor(m_shownPath);
        m_requestEditor->setVariableLookup(
            [resolver](const QString &name) { return resolver.value(name); });
        m_editorStack->setCurrentWidget(m_requestEditor);
    }
}

RunRequest MainWindow::runRequest(const QStringList &folders) const
{
    RunRequest request;
    request.collectionFile = m_document->filePath();
    request.settings = m_document->collection().run;
    request.folders = folders;
    request.variables.insert(ServerVariable, serverUrl().toString());
    request.secrets = SecretStore().lookupFor(m_document->filePath());
    return request;
}

QStringList MainWindow::selectedFolders() const
{
    // A selected folder runs alone; otherwise everything runs.
    const ItemPath path = currentPath();
    const CollectionItem *selected = m_document->itemAt(path);
    return selected && selected->isFolder() ? QStringList {m_document->pathName(path)}
                                            : QStringList();
}

void MainWindow::updatePlan()
{
    if (m_document->requestPaths().isEmpty()) {
        m_runPanel->setPlanText(tr("Add a request to run."));
        return;
    }
    const Parsed<PreparedRun> prepared
        = prepareRun(m_document->collection(), runRequest(selectedFolders()));
    if (!prepared) {
        m_runPanel->setPlanText(prepared.error().toString(), true);
        return;
    }
    m_runPanel->setPlanText(tr("Run will send %1, %2 at a time.")
                                .arg(prepared.value().description())
                                .arg(prepared.value().options.concurrency));
}

void MainWindow::runCollection()
{
    if (m_runs->isActive())
        return;
    const QStringList folders = selectedFolders();
    const Parsed<PreparedRun> prepared = prepareRun(m_document->collection(), runRequest(folders));
    if (!prepared) {
        QMessageBox::warning(this, tr("Run"),
            tr("The run did not start: nothing was sent.\n\n%1").arg(prepared.error().toString()));
        return;
    }
    m_runFolders = folders;
    RunOptions options = prepared.value().options;
    options.bodySampleBytes = 64 * 1024;
    m_runs->start(prepared.value().source, options);
    showTab(m_bottomTabs->currentIndex() == 2 ? 0 : m_bottomTabs->currentIndex());
    statusBar()->showMessage(tr("Running %1").arg(prepared.value().description()));
}

void MainWindow::sendCurrentRequest()
{
    const ItemPath path = m_shownPath;
    const CollectionItem *item = m_document->itemAt(path);
    if (!item || item->isFolder() || m_sends->isActive())
        return;
    QStringList problems;
    const RequestSpec spec = buildRequest(item->request,
        effectiveAuth(m_document->collection(), path), resolverFor(path),
        m_document->filePath().isEmpty() ? QDir::currentPath()
                                         : QFileInfo(m_document->filePath()).absolutePath(),
        &problems);
    if (!problems.isEmpty()) {
        QMessageBox::warning(this, tr("Send"),
            tr("The request was not sent:\n\n• %1").arg(problems.join(QStringLiteral("\n• "))));
        return;
    }
    RequestSpec named = spec;
    named.name = item->name;
    RunOptions options = runOptionsFor(m_document->collection().run);
    options.concurrency = 1;
    options.bodySampleBytes = 8 * 1024 * 1024;
    m_requestEditor->setSending(true);
    m_sends->start(std::make_shared<RequestList>(QList<RequestSpec> {named}), options);
}

void MainWindow::onRunFinished()
{
    const RunStats stats = m_runs->statsSnapshot();
    const QString scope = m_runFolders.isEmpty() ? m_document->displayName()
                                                 : m_runFolders.join(QStringLiteral(", "));
    m_compare->addRun(tr("#%1 %2 (%3)")
                          .arg(++m_runNumber)
                          .arg(scope, QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))),
        stats, m_runs->run()->options(), m_runs->elapsedUs());
    statusBar()->showMessage(
        tr("Run finished in %3 s: %1 succeeded, %2 failed")
            .arg(QLocale().toString(stats.succeeded()),
                QLocale().toString(stats.failed() + stats.notSent()),
                QLocale().toString(double(m_runs->elapsedUs()) / 1e6, 'f', 2)));
    updateRunActions();
    Q_EMIT runFinished();
}

void MainWindow::updateTitle()
{
    setWindowModified(m_document->isModified());
    setWindowTitle(tr("%1[*] — Rafaga").arg(m_document->displayName()));
}

void MainWindow::updateRunActions()
{
    const bool active = m_runs->isActive();
    const bool paused = m_runs->state() == Run::State::Paused;
    m_runAction->setEnabled(!active);
    m_pauseAction->setEnabled(active);
    m_pauseAction->setText(paused ? tr("Res&ume") : tr("&Pause"));
    m_pauseAction->setIcon(
        style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stopAction->setEnabled(active);
}
