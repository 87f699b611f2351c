// The files of runs made elsewhere: File › Open Results… reads a results file (a Locust master's
// or `rafaga run --ndjson`'s) back into the run views; Export Run as Locust File… writes the run
// for a Locust cluster.
#pragma once

#include "core/base/parseerror.h"
#include "core/engine/finishedrun.h"

#include <QObject>
#include <QPointer>

class CollectionDocument;
struct RunRequest;
class QThread;
class QWidget;
class RunController;

/// Reads results files into the run controller and writes locustfiles, asking and warning with
/// dialogs parented to the window.
class RunFileFlows : public QObject
{
    Q_OBJECT
public:
    RunFileFlows(CollectionDocument *document, RunController *runs, QWidget *window);
    ~RunFileFlows() override;

    /// File › Open Results…: asks for a file, then openResults().
    void openResultsFile();
    /// Reads a results file (Rafaga's NDJSON) in a worker thread, the window staying responsive,
    /// then shows it as the current run: Results, Charts, the summary and Compare follow it.
    /// A file that cannot be read, or a run active by then, changes nothing and is said in a
    /// warning (naming the file and line). resultsOpened() says when it is over.
    void openResults(const QString &path);
    /// The same at once, without dialogs: false with *error saying why.
    bool openResults(const QString &path, QString *error);
    /// A results file as a finished run; safe in any thread.
    static Parsed<FinishedRun> readResults(const QString &path);

    /// Export Run as Locust File…: asks where, writes the locustfile of request (the run panel's
    /// settings over the open collection), then says how to run it.
    void exportLocustFile(const RunRequest &request);
    /// Writes the locustfile of request to path: false with *error, else *report says what was
    /// written and how to run it, and what to install where Locust is missing.
    bool writeLocustFile(
        const QString &path, const RunRequest &request, QString *error, QString *report);

Q_SIGNALS:
    /// openResults(path) is over: shown, or refused (after its warning closed).
    void resultsOpened(const QString &path, bool shown);
    void statusMessage(const QString &text, int timeoutMs);

private:
    QString startFolder() const;
    /// False with *error while a run is active.
    bool canShow(QString *error) const;
    /// Shows a read run, unless a run is active; false with *error.
    bool show(Parsed<FinishedRun> read, QString *error);

    CollectionDocument *m_document;
    QPointer<RunController> m_runs;
    QWidget *m_window;
    QPointer<QThread> m_reader; ///< reading a file, when not null
};
