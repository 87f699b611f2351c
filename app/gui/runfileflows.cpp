// The files of runs made elsewhere: File › Open Results… reads a results file (a Locust master's
// or `rafaga run --ndjson`'s) back into the run views; Export Run as Locust File… writes the run
// for a Locust cluster.
#include "gui/runfileflows.h"

#include "core/engine/runcontroller.h"
#include "core/formats/locustrun.h"
#include "core/formats/resultsreader.h"
#include "gui/collection/collectiondocument.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <memory>

RunFileFlows::RunFileFlows(CollectionDocument *document, RunController *runs, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_runs(runs)
    , m_window(window)
{ }

RunFileFlows::~RunFileFlows()
{
    // The reader touches nothing of ours, but must not outlive the application.
    if (m_reader)
        m_reader->wait();
}

QString RunFileFlows::startFolder() const
{
    return m_document->filePath().isEmpty() ? QDir::homePath()
                                            : QFileInfo(m_document->filePath()).absolutePath();
}

void RunFileFlows::openResultsFile()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Results"), startFolder(),
        tr("Rafaga results (*.ndjson *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        openResults(path);
}

Parsed<FinishedRun> RunFileFlows::readResults(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ParseError {QDir::toNativeSeparators(path), QString(),
            tr("cannot be read: %1").arg(file.errorString())};
    Parsed<ResultsFile> results = readResultsNdjson(file.readAll(), QFileInfo(path).fileName());
    if (!results)
        return results.error();
    FinishedRun run = finishedRunOf(std::move(results).value(), QFileInfo(path).absoluteFilePath());
    // The file says when each request ended relative to the start, not when the run started;
    // it was last written as the run ended.
    run.startedAt = QFileInfo(path).lastModified().toUTC().addMSecs(-run.elapsedUs / 1000);
    return run;
}

bool RunFileFlows::canShow(QString *error) const
{
    if (m_runs && !m_runs->isActive())
        return true;
    *error = tr("A run is in progress: stop it first.");
    return false;
}

bool RunFileFlows::show(Parsed<FinishedRun> read, QString *error)
{
    if (!canShow(error))
        return false;
    if (!read) {
        *error = read.error().toString();
        return false;
    }
    m_runs->showFinished(std::move(read).value());
    return true;
}

bool RunFileFlows::openResults(const QString &path, QString *error)
{
    return canShow(error) && show(readResults(path), error);
}

void RunFileFlows::openResults(const QString &path)
{
    if (m_reader) {
        Q_EMIT statusMessage(tr("Still reading the last results file."), 5000);
        return;
    }
    // 100,000 results take about a second to read: the window goes on meanwhile.
    auto read = std::make_shared<Parsed<FinishedRun>>(ParseError {});
    QThread *reader = QThread::create([read, path] { *read = readResults(path); });
    m_reader = reader;
    connect(reader, &QThread::finished, reader, &QObject::deleteLater);
    connect(reader, &QThread::finished, this, [this, read, path] {
        QApplication::restoreOverrideCursor();
        QString error;
        const bool shown = show(std::move(*read), &error);
        if (!shown) {
            Q_EMIT statusMessage(QString(), 0);
            QMessageBox::warning(m_window, tr("Open Results"),
                tr("“%1” was not opened.\n\n%2").arg(QFileInfo(path).fileName(), error));
        }
        Q_EMIT resultsOpened(path, shown);
    });
    QApplication::setOverrideCursor(Qt::BusyCursor);
    Q_EMIT statusMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(path)), 0);
    reader->start();
}

void RunFileFlows::exportLocustFile(const RunRequest &request)
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Run as Locust File"),
        QDir(startFolder()).filePath(QStringLiteral("locustfile.py")), tr("Python files (*.py)"));
    if (path.isEmpty())
        return;
    QString error;
    QString report;
    if (!writeLocustFile(path, request, &error, &report))
        QMessageBox::warning(m_window, tr("Export Run as Locust File"), error);
    else
        QMessageBox::information(m_window, tr("Export Run as Locust File"), report);
}

bool RunFileFlows::writeLocustFile(
    const QString &path, const RunRequest &request, QString *error, QString *report)
{
    const QString name = QFileInfo(path).fileName();
    const Parsed<LocustRun> run = exportLocustRun(m_document->collection(), request, name);
    if (!run) {
        *error = tr("The locustfile was not written.\n\n%1").arg(run.error().toString());
        return false;
    }
    QSaveFile file(path);
    const QByteArray &text = run.value().file.text;
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        *error
            = tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QStringList lines {tr("Wrote %1 for Locust: %2.").arg(name, run.value().description),
        tr("Run it here with “locust -f %1 --headless”, or on a Locust cluster with the commands "
           "at its top. It writes results.ndjson, which File › Open Results… shows here.")
            .arg(name)};
    if (!run.value().file.environment.isEmpty())
        lines << tr("It reads the secrets from these environment variables: %1.")
                     .arg(run.value().file.environment.join(QStringLiteral(", ")));
    const QString server = request.variables.value(QStringLiteral("rafagaServer"));
    if (!server.isEmpty() && text.contains(server.toUtf8()))
        lines << tr("Some requests go to this window's built-in server (%1), which answers only "
                    "while Rafaga is open.")
                     .arg(server);
    if (QStandardPaths::findExecutable(QStringLiteral("locust")).isEmpty())
        lines << tr("Locust is not installed here. On Debian 12 or Ubuntu, install the package "
                    "python3-locust (sudo apt-get install python3-locust); elsewhere, pip install "
                    "locust.");
    *report = lines.join(QStringLiteral("\n\n"));
    Q_EMIT statusMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}
