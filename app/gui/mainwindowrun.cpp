// MainWindow's running: the plan, Run and Send, their ends, and the state of the run actions.
#include "gui/mainwindow.h"

#include "core/collection/secretstore.h"
#include "core/engine/runcontroller.h"
#include "core/stats/runoutcome.h"
#include "gui/charts/comparewidget.h"
#include "gui/collection/collectiontree.h"
#include "gui/editors/requesteditor.h"
#include "gui/run/resultspane.h"
#include "gui/run/runpanel.h"
#include "gui/runfileflows.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTime>

RunRequest MainWindow::runRequest(const QStringList &folders) const
{
    RunRequest request;
    request.collectionFile = m_document->filePath();
    request.settings = m_document->collection().run;
    request.folders = folders;
    request.variables.insert(serverVariable(), serverUrl().toString());
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
    QString text = prepared.value().options.sequential
        ? tr("Run will send %1, one at a time in order.").arg(prepared.value().description())
        : tr("Run will send %1, %2 at a time.")
              .arg(prepared.value().description())
              .arg(prepared.value().options.concurrency);
    // What the checks chose that the user may not expect: a file read from the working directory,
    // which for a desktop app is wherever it was started.
    for (const QString &note : prepared.value().source->notes())
        text += u'\n' + tr("Note: %1").arg(note);
    m_runPanel->setPlanText(text);
}

void MainWindow::runCollection()
{
    if (m_runs->isActive())
        return;
    const QStringList folders = selectedFolders();
    RunRequest request = runRequest(folders);
    Parsed<PreparedRun> prepared = prepareRun(m_document->collection(), request);
    if (!prepared) {
        // The user may run what can be built; each request that cannot is recorded as skipped.
        request.skipInvalid = true;
        const Parsed<PreparedRun> others = prepareRun(m_document->collection(), request);
        const qint64 skipped = others ? others.value().source->skippedCount() : 0;
        QMessageBox box(QMessageBox::Warning, tr("Run"),
            tr("The run did not start: nothing was sent.\n\n%1").arg(prepared.error().toString()),
            QMessageBox::Cancel, this);
        QPushButton *runOthers = others && skipped < others.value().source->size()
            ? box.addButton(
                tr("Run the Other %n", nullptr, int(others.value().source->size() - skipped)),
                QMessageBox::AcceptRole)
            : nullptr;
        box.exec();
        if (!runOthers || box.clickedButton() != runOthers)
            return;
        prepared = others;
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
    const QString row = dataRowText();
    sendSpec(named,
        row.isEmpty() ? tr("Sent “%1”").arg(item->name)
                      : tr("Sent “%1” with %2").arg(item->name, row));
}

void MainWindow::sendSpec(const RequestSpec &spec, const QString &note)
{
    if (m_sends->isActive())
        return;
    RunOptions options = runOptionsFor(m_document->collection().run);
    options.concurrency = 1;
    options.bodySampleBytes = 8 * 1024 * 1024;
    m_sendNote = note;
    m_requestEditor->setSending(true);
    m_sends->start(std::make_shared<RequestList>(QList<RequestSpec> {spec}), options);
}

void MainWindow::onSendFinished()
{
    m_requestEditor->setSending(false);
    if (const ResultStore *store = m_sends->results(); store && store->isDone(0)) {
        const Result &result = store->at(0);
        m_results->showResponse(result, m_sends->requests()->at(0));
        const QString outcome
            = result.status > 0 ? QString::number(result.status) : errorCategoryName(result.error);
        statusBar()->showMessage(tr("%1: %2").arg(m_sendNote, outcome));
    }
    showTab(Tab::Results);
    Q_EMIT sendFinished();
}

void MainWindow::onRunFinished()
{
    const RunStats stats = m_runs->statsSnapshot();
    // A results file read back is named after its file, a run made here after what it ran.
    const QString file = QFileInfo(m_runs->origin()).fileName();
    const QString scope = !file.isEmpty() ? file
        : m_runFolders.isEmpty()          ? m_document->displayName()
                                          : m_runFolders.join(QStringLiteral(", "));
    m_compare->addRun(tr("#%1 %2 (%3)")
                          .arg(++m_runNumber)
                          .arg(scope, QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))),
        stats, m_runs->options(), m_runs->elapsedUs());
    // The same words as the CLI's summary: a stop's cancelled and unsent requests are not failures.
    const RunOutcome outcome = RunOutcome::of(stats, m_runs->size());
    const QString seconds = QLocale().toString(double(m_runs->elapsedUs()) / 1e6, 'f', 2);
    if (!file.isEmpty())
        statusBar()->showMessage(
            tr("Opened %1, a run of %2 s: %3").arg(file, seconds, outcome.describe()));
    else
        statusBar()->showMessage(tr("Run %1 in %2 s: %3")
                                     .arg(outcome.stopped() ? tr("stopped") : tr("finished"),
                                         seconds, outcome.describe()));
    updateRunActions();
    Q_EMIT runFinished();
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
    if (paused) {
        const QLocale locale;
        statusBar()->showMessage(
            tr("Paused: %1 of %2 requests ended; Resume (%3) goes on")
                .arg(locale.toString(m_runs->statsSnapshot().completed()),
                    locale.toString(m_runs->size()),
                    m_pauseAction->shortcut().toString(QKeySequence::NativeText)));
    } else if (active && m_wasPaused) {
        statusBar()->showMessage(tr("Running again"));
    }
    m_wasPaused = paused;
    m_stopAction->setEnabled(active);
}

void MainWindow::updateResultsTabTitle()
{
    const QString file = QFileInfo(m_runs->origin()).fileName();
    m_bottomTabs->setTabText(
        int(Tab::Results), file.isEmpty() ? tr("Results") : tr("Results: %1").arg(file));
}

bool MainWindow::exportLocustFileTo(const QString &path, QString *error, QString *report)
{
    return m_runFiles->writeLocustFile(path, runRequest(selectedFolders()), error, report);
}
