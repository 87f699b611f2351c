// The main window's file flows: new, open, save, import and export, with their dialogs.
#pragma once

#include "core/model/collection.h"
#include "gui/collection/collectiondocument.h"

#include <QObject>
#include <QPointer>

class ChartsPanel;
class QInputDialog;
class QMenu;
class QWidget;
class RunController;

/// What "Export Results" writes.
enum class ResultFormat { Csv, Json, Har, Jtl };

/// Opens, saves, imports and exports for one document, asking with dialogs parented to the
/// window. Selecting items and showing messages stay with the window: the flows say what to
/// select and what to show through signals.
class FileFlows : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRecentFiles = 8;

    FileFlows(CollectionDocument *document, QWidget *window);

    /// Where results and charts are exported from.
    void setRun(RunController *runs, ChartsPanel *charts);

    /// A request worth starting from: GET on the built-in server, named after its method and path.
    static CollectionItem starterRequest();
    /// The dialog Add Request from curl Command asks in (the caller deletes it).
    QInputDialog *createCurlDialog();
    /// The folder file dialogs start in: the collection's, else the home folder.
    QString startFolder() const;

    /// Asks about unsaved changes; false when the user cancels.
    bool maybeSave();
    void newCollection();
    void openFile();
    /// Opens a collection file (native, Postman or HAR); callers ask about unsaved changes first.
    bool openCollection(const QString &path);
    /// Opens the demo collection (copied into the user's data folder on first use).
    bool openDemo();
    bool save();
    bool saveAs();
    /// Saves the collection to path, as Save As does.
    bool saveTo(const QString &path, QString *error);
    void importFile();
    void importCurl();
    void exportCollection();
    void exportResults(ResultFormat format);
    /// Writes the current run's results to path; false with *error when there is nothing to
    /// write or the file cannot be written.
    bool exportResultsTo(const QString &path, ResultFormat format, QString *error);
    void exportCharts();
    /// Fills menu with the recent files, newest first.
    void fillRecentMenu(QMenu *menu);

    static QString extension(ResultFormat format);

Q_SIGNALS:
    /// The document holds another collection (or a new item): select path in the tree.
    void selectRequested(const ItemPath &path);
    void statusMessage(const QString &text, int timeoutMs);
    /// The file name changed (Save As).
    void fileNameChanged();
    void recentFilesChanged();
    /// The document holds another collection (New, Open, Import).
    void collectionReplaced();

private:
    void addRecentFile(const QString &path);

    CollectionDocument *m_document;
    QWidget *m_window;
    QPointer<RunController> m_runs;
    QPointer<ChartsPanel> m_charts;
};
