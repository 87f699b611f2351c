// The workbench window: the collection tree, the request editor, the run panel, and the run's
// results, charts and comparisons.
#include "gui/mainwindow.h"

#include "core/base/plural.h"
#include "core/base/version.h"
#include "core/collection/collectionfile.h"
#include "core/collection/collectionsource.h"
#include "core/collection/dataset.h"
#include "core/collection/secretstore.h"
#include "core/engine/runcontroller.h"
#include "core/server/httpserver.h"
#include "gui/charts/chartspanel.h"
#include "gui/charts/comparewidget.h"
#include "gui/collection/collectionsettingsdialog.h"
#include "gui/collection/collectiontree.h"
#include "gui/collection/datapreviewdialog.h"
#include "gui/collection/foldereditor.h"
#include "gui/editors/autheditor.h"
#include "gui/editors/requesteditor.h"
#include "gui/run/resultspane.h"
#include "gui/run/runpanel.h"
#include "gui/run/summarystrip.h"
#include "gui/windowsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
const QString ServerVariable = QStringLiteral("rafagaServer");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new CollectionDocument(this))
    , m_tree(new CollectionTree(m_document, this))
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
    , m_files(new FileFlows(m_document, this))
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
        showTab(Tab::Results);
        Q_EMIT sendFinished();
    });

    connectDocument();
    connectEditors();
    m_files->setRun(m_runs, m_charts);
    connect(m_files, &FileFlows::selectRequested, this, &MainWindow::selectItem);
    connect(m_files, &FileFlows::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_files, &FileFlows::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileFlows::recentFilesChanged, this,
        [this] { m_files->fillRecentMenu(m_recentMenu); });

    Collection untitled;
    untitled.name = tr("Untitled");
    m_document->reset(untitled, QString());
    updateRunActions();
    WindowSettings::restore(this);
}

void MainWindow::connectDocument()
{
    connect(m_document, &CollectionDocument::structureChanged, this, [this] {
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
}

void MainWindow::connectEditors()
{
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

void MainWindow::showTab(Tab tab)
{
    m_bottomTabs->setCurrentIndex(int(tab));
}

MainWindow::Tab MainWindow::currentTab() const
{
    return Tab(m_bottomTabs->currentIndex());
}

void MainWindow::createActions()
{
    m_newAction
        = new QAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&New Collection"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, m_files, &FileFlows::newCollection);
    m_openAction
        = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, m_files, &FileFlows::openFile);
    m_saveAction
        = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, m_files, &FileFlows::save);
    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, m_files, &FileFlows::saveAs);

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

    m_runFolderAction = new QAction(tr("Run This Folder"), this);
    connect(m_runFolderAction, &QAction::triggered, this, &MainWindow::runCollection);
    m_tree->setRunActions(m_runFolderAction, m_sendAction);
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Demo Collection"), this, [this] {
        if (m_files->maybeSave())
            m_files->openDemo();
    });
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(tr("&Import Collection…"), m_files, &FileFlows::importFile);
    file->addAction(tr("Import &curl Command…"), m_files, &FileFlows::importCurl);
    file->addAction(tr("Export Collection as &Postman…"), m_files, &FileFlows::exportCollection);
    QMenu *exportMenu = file->addMenu(tr("&Export Results"));
    const std::pair<QString, ResultFormat> formats[]
        = {{tr("CSV…"), ResultFormat::Csv}, {tr("JSON…"), ResultFormat::Json},
            {tr("HAR…"), ResultFormat::Har}, {tr("JMeter JTL…"), ResultFormat::Jtl}};
    for (const auto &[text, format] : formats)
        exportMenu->addAction(text, m_files, [this, format] { m_files->exportResults(format); });
    file->addAction(tr("Export C&harts…"), m_files, &FileFlows::exportCharts);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createMenus()
{
    createFileMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_tree->addRequestAction());
    edit->addAction(m_tree->addFolderAction());
    edit->addAction(m_tree->duplicateAction());
    edit->addAction(m_tree->renameAction());
    edit->addAction(m_tree->deleteAction());
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
    view->addAction(tr("&Results"), this, [this] { showTab(Tab::Results); })
        ->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    view->addAction(tr("&Charts"), this, [this] { showTab(Tab::Charts); })
        ->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    view->addAction(tr("C&ompare"), this, [this] { showTab(Tab::Compare); })
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
    toolbar->addAction(m_tree->addRequestAction());
    toolbar->addAction(m_tree->addFolderAction());
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_files->fillRecentMenu(m_recentMenu);
}

void MainWindow::createLayout()
{
    connect(m_tree, &CollectionTree::currentPathChanged, this, [this](const ItemPath &path) {
        m_shownPath = path;
        showCurrentItem();
        m_planTimer->start();
    });

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
    main->addWidget(m_tree);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_runs->stop();
    WindowSettings::save(this, m_document->filePath());
    event->accept();
}

// --- Files ---------------------------------------------------------------------------------

bool MainWindow::openCollection(const QString &path)
{
    return m_files->openCollection(path);
}

bool MainWindow::openDemo()
{
    return m_files->openDemo();
}

bool MainWindow::saveTo(const QString &path, QString *error)
{
    return m_files->saveTo(path, error);
}

bool MainWindow::exportResultsTo(const QString &path, ResultFormat format, QString *error)
{
    return m_files->exportResultsTo(path, format, error);
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

void MainWindow::selectItem(const ItemPath &path)
{
    m_tree->setCurrentPath(path);
    m_shownPath = path;
    showCurrentItem();
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

void MainWindow::showCurrentItem()
{
    const CollectionItem *item = m_document->itemAt(m_shownPath);
    if (!item) {
        m_editorStack->setCurrentWidget(m_emptyEditor);
        return;
    }
    if (item->isFolder()) {
        m_folderEditor->setItem(*item);
        m_folderEditor->setInheritedAuthDescription(AuthEditor::describeInherited(
            effectiveAuth(m_document->collection(), m_shownPath + ItemPath {-1})));
        m_editorStack->setCurrentWidget(m_folderEditor);
    } else {
        m_requestEditor->setItem(*item);
        m_requestEditor->setInheritedAuthDescription(AuthEditor::describeInherited(effectiveAuth(
            m_document->collection(), m_shownPath.mid(0, m_shownPath.size() - 1) + ItemPath {-1})));
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
    const ItemPath path = m_tree->currentPath();
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
    if (currentTab() == Tab::Compare)
        showTab(Tab::Results);
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
