// The workbench window: the collection tree, the request editor, the run panel, and the run's
// results, charts and comparisons.
#pragma once

#include "core/collection/dataset.h"
#include "core/collection/runplan.h"
#include "core/collection/variables.h"
#include "gui/collection/collectiondocument.h"
#include "gui/fileflows.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

class ChartsPanel;
class CollectionTree;
class CompareWidget;
class FileFlows;
class FolderEditor;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTimer;
class RequestEditor;
class ResultsPane;
class RunController;
class RunFileFlows;
class RunPanel;
class ServerThread;
class SummaryStrip;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a collection file (native, Postman or HAR); callers ask about unsaved changes first.
    bool openCollection(const QString &path);
    /// Opens the demo collection (copied into the user's data folder on first use).
    bool openDemo();
    /// Runs the selected folder (or everything): what Run (Ctrl+R) does.
    void runCollection();
    /// Sends the request in the editor: what Send (Ctrl+Enter) does.
    void sendCurrentRequest();
    /// Selects the item at path in the tree, showing it in the editor.
    void selectItem(const ItemPath &path);

    CollectionDocument *document() const { return m_document; }
    RunController *runController() const { return m_runs; }
    RunController *sendController() const { return m_sends; }
    ResultsPane *resultsPane() const { return m_results; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    CompareWidget *compareWidget() const { return m_compare; }
    /// Open Results… and the other files of runs made elsewhere.
    RunFileFlows *runFiles() const { return m_runFiles; }
    /// Where the in-process built-in server listens; {{rafagaServer}} in requests.
    QUrl serverUrl() const;
    /// The actions with a keyboard shortcut, as Help › Keyboard Shortcuts lists them.
    QList<QAction *> shortcutActions() const;
    /// The tabs under the editor, in their order.
    enum class Tab { Results, Charts, Compare };
    void showTab(Tab tab);
    Tab currentTab() const;
    /// Writes the current run's results to path; false with *error when there is nothing to
    /// write or the file cannot be written.
    bool exportResultsTo(const QString &path, ResultFormat format, QString *error);
    /// Writes the locustfile of what Run would run, as Export Run as Locust File does: false with
    /// *error, else *report says how to run it.
    bool exportLocustFileTo(const QString &path, QString *error, QString *report);
    /// Saves the collection to path, as Save As does.
    bool saveTo(const QString &path, QString *error);

Q_SIGNALS:
    /// A run (not a single Send) ended, after its results were kept for comparison.
    void runFinished();
    /// A single Send ended and its response is shown.
    void sendFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createFileMenu();
    void createMenus();
    void createLayout();
    void showShortcuts();
    QLabel *createFirstStartHint();
    static QString serverVariable() { return QStringLiteral("rafagaServer"); }
    QWidget *scrolled(QWidget *widget);

    void connectDocument();
    void connectEditors();
    void editCollectionSettings();
    void previewData();

    // Showing and running
    void showCurrentItem();
    VariableResolver resolverFor(const ItemPath &path) const;
    RunRequest runRequest(const QStringList &folders) const;
    QStringList selectedFolders() const;
    void updatePlan();
    void updateTitle();
    void updateRunActions();
    /// "Results", or "Results: FILE" while a results file read back is shown.
    void updateResultsTabTitle();
    void onRunFinished();
    void onSendFinished();
    /// Sends one request alone; note says what was sent, for the status bar.
    void sendSpec(const RequestSpec &spec, const QString &note);
    /// Reads the data set for Send's choice of row.
    void loadDataRows();
    /// "data row 1 of 3 (id=1, item=apple)", or empty without a data set.
    QString dataRowText() const;

    CollectionDocument *m_document;
    CollectionTree *m_tree;
    QStackedWidget *m_editorStack;
    QLabel *m_emptyEditor;
    RequestEditor *m_requestEditor;
    FolderEditor *m_folderEditor;
    RunPanel *m_runPanel;
    QTabWidget *m_bottomTabs;
    ResultsPane *m_results;
    ChartsPanel *m_charts;
    CompareWidget *m_compare;
    SummaryStrip *m_summary;
    QLabel *m_serverLabel;
    RunController *m_runs;
    RunController *m_sends;
    std::unique_ptr<ServerThread> m_server;
    QTimer *m_planTimer;
    FileFlows *m_files;
    RunFileFlows *m_runFiles;
    ItemPath m_shownPath;
    QStringList m_runFolders; ///< what the current run covers, for its label in Compare
    int m_runNumber = 0;
    static constexpr int MaxDataRowChoices = 1000;
    DataSet m_dataSet; ///< the run's data set, for Send and the editor's variables
    QString m_sendNote; ///< what the single Send in flight is, for its status message
    bool m_wasPaused = false;

    QMenu *m_recentMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_runFolderAction = nullptr;
    QAction *m_focusUrlAction = nullptr;
};
