// MainWindow's actions, menus and toolbar, and the list of keyboard shortcuts they make.
#include "gui/mainwindow.h"

#include "core/base/version.h"
#include "core/engine/runcontroller.h"
#include "gui/collection/collectiontree.h"
#include "gui/editors/requesteditor.h"
#include "gui/run/resultspane.h"
#include "gui/runfileflows.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

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
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_saveAsAction, &QAction::triggered, m_files, &FileFlows::saveAs);

    m_runAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run"), this);
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runAction->setToolTip(tr("Run the selected folder, or the whole collection (Ctrl+R)"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runCollection);
    m_pauseAction = new QAction(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(
        tr("Stop sending new requests; what is in flight finishes (Ctrl+Shift+P)"));
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
    // The one owner of Ctrl+Enter: it works wherever the focus is, the URL field included.
    m_sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::sendCurrentRequest);

    m_runFolderAction = new QAction(tr("Run This Folder"), this);
    connect(m_runFolderAction, &QAction::triggered, this, &MainWindow::runCollection);
    m_tree->setRunActions(m_runFolderAction, m_sendAction);
    m_focusUrlAction = new QAction(tr("Go to &URL"), this);
    m_focusUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusUrlAction, &QAction::triggered, this, [this] {
        if (m_editorStack->currentWidget() != m_requestEditor)
            return;
        m_requestEditor->urlEdit()->setFocus(Qt::ShortcutFocusReason);
        m_requestEditor->urlEdit()->selectAll();
    });
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
    // A run made elsewhere (a Locust cluster's, a CI job's), shown as the current run.
    file->addAction(tr("Open Res&ults…"), m_runFiles, &RunFileFlows::openResultsFile);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    // One rule, said where it applies: a collection file replaces, a curl command adds.
    file->addAction(
            tr("&Import Collection (Replaces the Open One)…"), m_files, &FileFlows::importFile)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addAction(tr("Add Request from &curl Command…"), m_files, &FileFlows::importCurl)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    file->addAction(tr("Export Collection as &Postman…"), m_files, &FileFlows::exportCollection);
    // What Run would run (the selected folder, the run panel's settings), for a Locust cluster.
    file->addAction(tr("Export Run as &Locust File…"), this,
        [this] { m_runFiles->exportLocustFile(runRequest(selectedFolders())); });
    // Every result, whatever the table's filter shows: said in the menu, not discovered later.
    QMenu *exportMenu = file->addMenu(tr("&Export Results (All, Unfiltered)"));
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
    QAction *find = edit->addAction(tr("&Find"), m_results, &ResultsPane::find);
    find->setShortcut(QKeySequence::Find);
    edit->addAction(tr("Collection &Settings…"), this, &MainWindow::editCollectionSettings);
    edit->addAction(m_focusUrlAction);

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
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Rafaga"), this, [this] {
        QMessageBox::about(this, tr("About Rafaga"),
            tr("<h3>Rafaga %1</h3><p>A desktop workbench for HTTP requests sent many at a "
               "time.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>"
               "<p>Built with Qt %2 (running on %3) and QCustomPlot.</p>")
                .arg(Rafaga::version(), QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    // Run, Pause and Stop sit in the run panel, beside the settings they use, and in the toolbar.
    QToolBar *toolbar = addToolBar(tr("Collection"));
    toolbar->setObjectName(QStringLiteral("collectionToolbar"));
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_saveAction);
    toolbar->addSeparator();
    toolbar->addAction(m_tree->addRequestAction());
    toolbar->addAction(m_tree->addFolderAction());
    toolbar->addSeparator();
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_stopAction);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_files->fillRecentMenu(m_recentMenu);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    QList<QAction *> actions;
    const QList<QAction *> all = findChildren<QAction *>();
    for (QAction *action : all) {
        if (!action->shortcut().isEmpty() && !action->text().isEmpty())
            actions.append(action);
    }
    return actions;
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(0, 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    const QList<QAction *> actions = shortcutActions();
    for (QAction *action : actions) {
        const int row = table->rowCount();
        table->insertRow(row);
        QString name = action->text();
        name.remove(QLatin1Char('&'));
        name.remove(QStringLiteral("…"));
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        table->setItem(row, 0, new QTableWidgetItem(name));
        table->setItem(row, 1, new QTableWidgetItem(keys.join(tr(" or "))));
    }
    table->sortItems(0);
    table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(fontMetrics().averageCharWidth() * 60, fontMetrics().height() * 30);
    dialog.exec();
}
