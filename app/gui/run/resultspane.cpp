#include "gui/run/resultspane.h"

#include "gui/run/responseviewer.h"
#include "gui/run/resultsfilterproxy.h"
#include "gui/run/resultsmodel.h"
#include "gui/run/statuscolors.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
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
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int charWidth = fontMetrics().averageCharWidth();
    m_table->horizontalHeader()->setDefaultSectionSize(charWidth * 11);
    m_table->setColumnWidth(ResultsModel::IndexColumn, charWidth * 7);
    m_table->setColumnWidth(ResultsModel::NameColumn, charWidth * 18);
    m_table->setColumnWidth(ResultsModel::MethodColumn, charWidth * 8);
    m_table->setColumnWidth(ResultsModel::UrlColumn, charWidth * 30);

    auto *bar = new QHBoxLayout;
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
    m_filter->setPlaceholderText(tr("Filter by URL, name, data or error"));
    m_filter->setClearButtonEnabled(true);
    // Filtering a million rows by text takes a while: wait until the typing pauses.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(typing, &QTimer::timeout, this, [this] { m_proxy->setText(m_filter->text()); });
    bar->addWidget(m_filter, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
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
}

void ResultsPane::setController(RunController *controller)
{
    m_model->setController(controller);
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
    m_viewer->setResult(*result, m_model->requestAt(row));
}
