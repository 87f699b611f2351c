// The results of the current run: a filter bar, the live table, and the selected response.
#include "gui/run/resultspane.h"

#include "core/engine/runcontroller.h"
#include "core/formats/curlexport.h"

#include "gui/run/responseviewer.h"
#include "gui/run/resultsfilterproxy.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/statuscolors.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

ResultsPane::ResultsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new ResultsModel(this))
    , m_proxy(new ResultsFilterProxy(this))
    , m_table(new QTableView(this))
    , m_viewer(new ResponseViewer(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // run order until the user asks otherwise
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // A million rows: every row the same height, never measured.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move within it
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &ResultsPane::showRowMenu);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->horizontalHeader()->setDefaultSectionSize(charWidth * 11);
    // Sized to their content: "12.34", "1.2 kB" need little room, the name more, a status enough
    // for "waiting for token" in a flow.
    const std::pair<ResultsModel::Column, int> widths[]
        = {{ResultsModel::IndexColumn, 6}, {ResultsModel::NameColumn, 18},
            {ResultsModel::StatusColumn, 17}, {ResultsModel::ErrorColumn, 12},
            {ResultsModel::LatencyColumn, 11}, {ResultsModel::TtfbColumn, 10},
            {ResultsModel::SizeColumn, 8}, {ResultsModel::AssertionsColumn, 10},
            {ResultsModel::MethodColumn, 8}, {ResultsModel::UrlColumn, 30}};
    for (const auto &[column, chars] : widths)
        m_table->setColumnWidth(column, charWidth * chars);
    // Ctrl+F inside the response finds in it: the window's Find asks find(), one owner.
    m_viewer->findAction()->setShortcut(QKeySequence());

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(createFilterBar());
    topLayout->addWidget(m_table, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("resultsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ResultsPane::showSelected);
    // A response from before the filter changed or a new run started would describe a row that
    // is no longer there: the viewer empties.
    connect(m_proxy, &QAbstractItemModel::modelReset, m_viewer, &ResponseViewer::clear);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (!m_table->currentIndex().isValid())
            m_viewer->clear();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ResultsPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ResultsPane::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ResultsPane::updateCount);
    updateCount();
}

QWidget *ResultsPane::createFilterBar()
{
    auto *barWidget = new QWidget(this);
    auto *bar = new QHBoxLayout(barWidget);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(new QLabel(tr("Show:"), this));
    for (int i = 0; i < StatusClassCount; ++i) {
        const auto statusClass = StatusClass(i);
        auto *toggle = new QToolButton(this);
        toggle->setText(StatusColors::label(statusClass));
        toggle->setCheckable(true);
        toggle->setChecked(true);
        toggle->setToolTip(tr("Show or hide results: %1").arg(StatusColors::label(statusClass)));
        connect(toggle, &QToolButton::toggled, this,
            [this, statusClass](bool on) { m_proxy->setStatusClassEnabled(statusClass, on); });
        bar->addWidget(toggle);
    }
    auto *errorsOnly = new QCheckBox(tr("Failures only"), this);
    errorsOnly->setToolTip(tr("Transport errors, statuses of 400 and above, failed assertions"));
    connect(errorsOnly, &QCheckBox::toggled, m_proxy, &ResultsFilterProxy::setErrorsOnly);
    bar->addWidget(errorsOnly);
    auto *notSent = new QCheckBox(tr("Not sent"), this);
    notSent->setObjectName(QStringLiteral("notSent"));
    notSent->setChecked(true);
    notSent->setToolTip(tr("Requests a stop kept from being sent: not failures, shown apart"));
    connect(notSent, &QCheckBox::toggled, m_proxy, &ResultsFilterProxy::setNotSentShown);
    bar->addWidget(notSent);
    m_filter->setPlaceholderText(tr("Filter by URL, name, data or error"));
    m_filter->setClearButtonEnabled(true);
    // Filtering a million rows by text takes a while: wait until the typing pauses.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(typing, &QTimer::timeout, this, [this] { m_proxy->setText(m_filter->text()); });
    bar->addWidget(m_filter, 1);
    m_count->setObjectName(QStringLiteral("resultCount"));
    bar->addWidget(m_count);

    return barWidget;
}

void ResultsPane::setController(RunController *controller)
{
    m_model->setController(controller);
    m_controller = controller;
    if (controller)
        connect(controller, &RunController::started, m_viewer, &ResponseViewer::clear);
}

void ResultsPane::find()
{
    if (m_viewer->isAncestorOf(QApplication::focusWidget()))
        m_viewer->findAction()->trigger();
    else
        focusFilter();
}

QString ResultsPane::countText() const
{
    return m_count->text();
}

void ResultsPane::updateCount()
{
    const QLocale locale;
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == all
            ? tr("%n result(s)", nullptr, all)
            : tr("%1 of %n result(s) shown", nullptr, all).arg(locale.toString(shown)));
}

QList<QAction *> ResultsPane::rowActions(int proxyRow)
{
    const int row = m_proxy->sourceRow(proxyRow);
    QList<QAction *> actions;
    if (row < 0)
        return actions;
    const RequestSpec request = m_model->requestAt(row);
    auto *copyUrl = new QAction(tr("Copy URL"), this);
    connect(copyUrl, &QAction::triggered, this,
        [request] { QGuiApplication::clipboard()->setText(request.url.toString()); });
    auto *copyCurl = new QAction(tr("Copy as curl"), this);
    connect(copyCurl, &QAction::triggered, this,
        [request] { QGuiApplication::clipboard()->setText(exportCurl(request)); });
    auto *resend = new QAction(tr("Resend"), this);
    connect(
        resend, &QAction::triggered, this, [this, request] { Q_EMIT resendRequested(request); });
    if (m_controller && !m_controller->origin().isEmpty()) {
        const QString why = tr("A results file holds the request's method and URL, not its "
                               "headers and body: send it from the collection instead.");
        for (QAction *partial : {copyCurl, resend}) {
            partial->setEnabled(false);
            partial->setToolTip(why);
        }
    }
    auto *show = new QAction(tr("Show Response"), this);
    show->setEnabled(m_model->resultAt(row) != nullptr);
    connect(show, &QAction::triggered, this, [this, proxyRow] {
        m_table->selectRow(proxyRow);
        m_viewer->setCurrentTab(ResponseViewer::BodyTab);
    });
    auto *save = new QAction(tr("Save Response Body…"), this);
    const Result *result = m_model->resultAt(row);
    save->setEnabled(result && result->detail && !result->detail->bodySample.isEmpty());
    connect(save, &QAction::triggered, this, [this, proxyRow, request] {
        // Named after the URL's last path segment, in the user's downloads folder.
        const QString name = request.url.fileName().isEmpty() ? QStringLiteral("response")
                                                              : request.url.fileName();
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Response Body"),
            QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + QLatin1Char('/')
                + name);
        if (path.isEmpty())
            return;
        if (const QString message = saveBody(proxyRow, path); !message.isEmpty())
            QMessageBox::information(this, tr("Save Response Body"), message);
    });
    actions << copyUrl << copyCurl << resend << show << save;
    return actions;
}

QString ResultsPane::saveBody(int proxyRow, const QString &path) const
{
    const Result *result = m_model->resultAt(m_proxy->sourceRow(proxyRow));
    const QByteArray body = result && result->detail ? result->detail->bodySample : QByteArray();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit())
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    if (result && result->bytesReceived > body.size()) {
        const QLocale locale;
        return tr("Saved the first %1 of %2 bytes: a run keeps only the start of each response "
                  "body. Send the request alone to keep more of it.")
            .arg(locale.toString(body.size()), locale.toString(result->bytesReceived));
    }
    return QString();
}

void ResultsPane::showRowMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    const QList<QAction *> actions = rowActions(index.row());
    menu.addActions(actions);
    menu.exec(m_table->viewport()->mapToGlobal(position));
    qDeleteAll(actions);
}

void ResultsPane::showResponse(const Result &result, const RequestSpec &request)
{
    m_table->clearSelection();
    m_viewer->setResult(result, request);
}

void ResultsPane::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void ResultsPane::showSelected()
{
    const int row = m_proxy->sourceRow(m_table->currentIndex().row());
    const Result *result = row >= 0 ? m_model->resultAt(row) : nullptr;
    if (!result) {
        m_viewer->clear();
        return;
    }
    // A run read back from a file: the viewer says the file holds no bodies.
    m_viewer->setResult(
        *result, m_model->requestAt(row), m_controller ? m_controller->origin() : QString());
}
