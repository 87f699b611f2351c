// The workbench window: the collection tree, the request editor, the run panel, and the run's
// results, charts and comparisons.
#include "gui/mainwindow.h"

#include "core/base/plural.h"
#include "core/base/version.h"
#include "core/collection/collectionfile.h"
#include "core/collection/collectionsource.h"
#include "core/collection/dataset.h"
#include "core/collection/secretstore.h"
#include "core/collection/variablescope.h"
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
#include "gui/run/responseviewer.h"
#include "gui/run/resultspane.h"
#include "gui/run/runpanel.h"
#include "gui/run/summarystrip.h"
#include "gui/runfileflows.h"
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
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

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
    , m_runFiles(new RunFileFlows(m_document, m_runs, this))
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
    connect(m_runs, &RunController::started, this, &MainWindow::updateResultsTabTitle);
    connect(m_sends, &RunController::finished, this, &MainWindow::onSendFinished);
    connect(m_results, &ResultsPane::resendRequested, this, [this](const RequestSpec &request) {
        sendSpec(request, tr("Resent “%1”").arg(request.name));
    });

    connectDocument();
    connectEditors();
    m_files->setRun(m_runs, m_charts);
    connect(m_files, &FileFlows::selectRequested, this, &MainWindow::selectItem);
    connect(m_files, &FileFlows::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_runFiles, &RunFileFlows::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_files, &FileFlows::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileFlows::recentFilesChanged, this,
        [this] { m_files->fillRecentMenu(m_recentMenu); });
    // Another collection: the response shown belonged to the old one.
    connect(m_files, &FileFlows::collectionReplaced, m_results->viewer(), &ResponseViewer::clear);

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
        loadDataRows();
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
    connect(m_runPanel, &RunPanel::manageEnvironmentsRequested, this,
        &MainWindow::editCollectionSettings);
    connect(m_requestEditor, &RequestEditor::dataRowChanged, this, &MainWindow::showCurrentItem);
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

QWidget *MainWindow::scrolled(QWidget *widget)
{
    // Below its minimum size a part scrolls rather than hold the whole window large: the window
    // fits 1024 × 640 whatever the charts and forms would like.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(widget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
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
    top->addWidget(scrolled(m_runPanel));
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);

    m_bottomTabs->addTab(scrolled(m_results), tr("Results"));
    m_bottomTabs->addTab(scrolled(m_charts), tr("Charts"));
    m_bottomTabs->addTab(scrolled(m_compare), tr("Compare"));

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
    top->setSizes({charWidth * 100, charWidth * 54});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(createFirstStartHint());
    layout->addWidget(main, 1);
    layout->addWidget(m_summary);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_serverLabel);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_runs->isActive()
        && QMessageBox::question(this, tr("Quit During a Run"),
               tr("A run is in progress. Stop it and quit? The results so far are not kept."),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_runs->stop();
    WindowSettings::save(this, m_document->filePath());
    event->accept();
}

QLabel *MainWindow::createFirstStartHint()
{
    // Once, on the first start: what Run does and where its pictures are, then out of the way.
    auto *hint = new QLabel(this);
    hint->setObjectName(QStringLiteral("firstStartHint"));
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::RichText);
    hint->setText(tr("<b>Run</b> (Ctrl+R) sends every request of the collection, or of the "
                     "selected folder, many at a time; <b>Send</b> (Ctrl+Enter) sends the one in "
                     "the editor. The results are below, with <b>Charts</b> and <b>Compare</b> "
                     "in their tabs. <a href=\"dismiss\">Got it</a>"));
    hint->setAutoFillBackground(true);
    hint->setBackgroundRole(QPalette::ToolTipBase);
    hint->setForegroundRole(QPalette::ToolTipText);
    hint->setContentsMargins(8, 4, 8, 4);
    const bool seen = QSettings().value(QStringLiteral("hints/firstStartSeen")).toBool();
    hint->setVisible(!seen);
    connect(hint, &QLabel::linkActivated, this, [hint] {
        hint->hide();
        QSettings().setValue(QStringLiteral("hints/firstStartSeen"), true);
    });
    QSettings().setValue(QStringLiteral("hints/firstStartSeen"), true);
    return hint;
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
    VariableResolver resolver = requestScope(
        runScope(collection, environmentNamed(collection, collection.run.environment),
            {{serverVariable(), serverUrl().toString()}}, secrets),
        m_document->ancestors(path), secrets);
    // Send and the editor's colours use one data row: the first, or the one chosen beside Send.
    const int row = m_requestEditor->dataRow();
    if (row >= 0 && row < m_dataSet.rows.size())
        resolver.setDataRow(m_dataSet.columns, m_dataSet.rows.at(row));
    return resolver;
}

void MainWindow::loadDataRows()
{
    const QString path
        = dataFileForReading(m_document->collection().run.dataFile, m_document->filePath());
    const Parsed<DataSet> data = path.isEmpty() ? Parsed<DataSet>(DataSet()) : loadDataSet(path);
    m_dataSet = data ? data.value() : DataSet();
    QStringList labels;
    const QLocale locale;
    for (qsizetype row = 0; row < m_dataSet.rows.size() && row < MaxDataRowChoices; ++row)
        labels << tr("Row %1 of %2")
                      .arg(locale.toString(row + 1),
                          locale.toString(qsizetype(m_dataSet.rows.size())));
    m_requestEditor->setDataRows(labels);
}

QString MainWindow::dataRowText() const
{
    const int row = m_requestEditor->dataRow();
    if (row < 0 || row >= m_dataSet.rows.size())
        return QString();
    QStringList values;
    const QStringList &data = m_dataSet.rows.at(row);
    for (qsizetype c = 0; c < m_dataSet.columns.size() && c < data.size(); ++c)
        values << m_dataSet.columns.at(c) + QLatin1Char('=') + data.at(c);
    return tr("data row %1 of %2 (%3)")
        .arg(row + 1)
        .arg(m_dataSet.rows.size())
        .arg(values.join(QStringLiteral(", ")));
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

void MainWindow::updateTitle()
{
    setWindowModified(m_document->isModified());
    setWindowTitle(tr("%1[*] — Rafaga").arg(m_document->displayName()));
}
