// The run's settings beside its buttons: concurrency, rate, iterations, data set, timeout, retries,
// environment, and what the run will send.
#include "gui/run/runpanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
/// The entries of the order list, in its order.
enum Order { AsCapturesNeed, EachRowInOrder, OneAtATime };
} // namespace

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_concurrency(new QSpinBox(this))
    , m_order(new QComboBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_iterations(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_retries(new QSpinBox(this))
    , m_environment(new QComboBox(this))
    , m_dataFile(new QLineEdit(this))
    , m_plan(new QLabel(this))
    , m_buttons(new QWidget(this))
{
    m_concurrency->setRange(1, 1000);
    m_concurrency->setToolTip(tr("How many requests may be in flight at once"));
    m_order->addItem(tr("As captures need"));
    m_order->setItemData(AsCapturesNeed,
        tr("A request waits only for the earlier requests whose captured values it uses"),
        Qt::ToolTipRole);
    m_order->addItem(tr("Each row in order"));
    m_order->setItemData(EachRowInOrder,
        tr("Each data row's requests one after another, as one user would send them; the rows "
           "run at once, up to Concurrency: for flows that rely on side effects (register, then "
           "log in)"),
        Qt::ToolTipRole);
    m_order->addItem(tr("One at a time"));
    m_order->setItemData(OneAtATime,
        tr("One request at a time in the list's order, as Postman's runner and newman send them"),
        Qt::ToolTipRole);
    m_order->setToolTip(tr("How requests wait for each other"));
    m_rate->setRange(0, 1000000);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" /s"));
    m_rate->setSpecialValueText(tr("as fast as possible"));
    m_rate->setToolTip(tr("Start this many requests per second; latency then counts from each "
                          "request's scheduled time"));
    m_iterations->setRange(1, 1000000);
    m_iterations->setToolTip(tr("Repeat the whole list this many times"));
    m_timeout->setRange(0, 3600000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("none"));
    m_timeout->setToolTip(tr("Total deadline of one attempt"));
    m_retries->setRange(0, 100);
    m_retries->setToolTip(tr("Retries after connection failures, timeouts, 429 and 502–504, "
                             "with backoff, honouring Retry-After"));
    m_dataFile->setReadOnly(true);
    m_dataFile->setPlaceholderText(tr("no data set: each request runs once"));
    m_plan->setWordWrap(true);
    m_plan->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *browse = new QPushButton(tr("Data…"), this);
    browse->setToolTip(tr("Run every request once per row of a CSV or JSON file"));
    auto *clear = new QPushButton(tr("Clear"), this);
    auto *preview = new QPushButton(tr("Preview"), this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Concurrency:"), m_concurrency);
    form->addRow(tr("Order:"), m_order);
    form->addRow(tr("Rate limit:"), m_rate);
    form->addRow(tr("Iterations:"), m_iterations);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(tr("Retries:"), m_retries);
    form->addRow(tr("Environment:"), m_environment);
    auto *dataRow = new QHBoxLayout;
    dataRow->addWidget(m_dataFile, 1);
    form->addRow(tr("Data set:"), dataRow);
    auto *dataButtons = new QHBoxLayout;
    dataButtons->addWidget(browse);
    dataButtons->addWidget(preview);
    dataButtons->addWidget(clear);
    dataButtons->addStretch();
    form->addRow(dataButtons); // both columns: the panel stays narrow enough for 1366 × 768

    new QHBoxLayout(m_buttons);
    m_buttons->layout()->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_buttons);
    layout->addWidget(m_plan);
    layout->addLayout(form);
    layout->addStretch();

    connectEdits(browse, clear, preview);
    m_tabChain = {m_concurrency, m_order, m_rate, m_iterations, m_timeout, m_retries, m_environment,
        m_dataFile, browse, preview, clear};
    m_settingsWidgets = m_tabChain.size();
}

void RunPanel::connectEdits(QPushButton *browse, QPushButton *clear, QPushButton *preview)
{
    for (QSpinBox *box : {m_concurrency, m_iterations, m_timeout, m_retries})
        connect(box, &QSpinBox::valueChanged, this, &RunPanel::emitEdited);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &RunPanel::emitEdited);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this](int order) {
        m_concurrency->setEnabled(order != OneAtATime);
        emitEdited();
    });
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this](int index) {
        // The last entry is not an environment: it opens where environments are edited.
        if (!m_updating && index > 0 && index == m_environment->count() - 1) {
            m_updating = true;
            m_environment->setCurrentIndex(
                qMax(0, m_environment->findData(m_settings.environment)));
            m_updating = false;
            Q_EMIT manageEnvironmentsRequested();
            return;
        }
        emitEdited();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Data set"),
            QFileInfo(m_dataFile->text()).path(), tr("Data sets (*.csv *.json);;All files (*)"));
        if (path.isEmpty())
            return;
        m_dataFile->setText(path);
        emitEdited();
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_dataFile->clear();
        emitEdited();
    });
    connect(preview, &QPushButton::clicked, this, &RunPanel::previewDataRequested);
}

void RunPanel::setActions(QAction *run, QAction *pause, QAction *stop)
{
    for (QAction *action : {run, pause, stop}) {
        auto *button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_buttons->layout()->addWidget(button);
        m_tabChain.insert(m_tabChain.size() - m_settingsWidgets, button);
    }
    // Run, Pause, Stop first, then the settings top to bottom.
    for (qsizetype i = 1; i < m_tabChain.size(); ++i)
        setTabOrder(m_tabChain.at(i - 1), m_tabChain.at(i));
}

void RunPanel::setSettings(const RunSettings &settings, const QStringList &environments)
{
    m_updating = true;
    m_settings = settings;
    m_concurrency->setValue(settings.concurrency);
    m_order->setCurrentIndex(settings.sequential ? OneAtATime
            : settings.rowOrder                  ? EachRowInOrder
                                                 : AsCapturesNeed);
    m_concurrency->setEnabled(!settings.sequential);
    m_rate->setValue(settings.rate);
    m_iterations->setValue(settings.iterations);
    m_timeout->setValue(settings.timeoutMs);
    m_retries->setValue(settings.retries);
    m_environment->clear();
    m_environment->addItem(tr("(none)"), QString());
    for (const QString &name : environments)
        m_environment->addItem(name, name);
    m_environment->insertSeparator(m_environment->count());
    m_environment->addItem(tr("Manage…"), QStringLiteral("\x01manage"));
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(settings.environment)));
    m_dataFile->setText(settings.dataFile);
    m_updating = false;
}

RunSettings RunPanel::settings() const
{
    RunSettings settings = m_settings;
    settings.concurrency = m_concurrency->value();
    settings.sequential = m_order->currentIndex() == OneAtATime;
    settings.rowOrder = m_order->currentIndex() == EachRowInOrder;
    settings.rate = m_rate->value();
    settings.iterations = m_iterations->value();
    settings.timeoutMs = m_timeout->value();
    settings.retries = m_retries->value();
    settings.environment = m_environment->currentData().toString();
    settings.dataFile = m_dataFile->text();
    return settings;
}

void RunPanel::setPlanText(const QString &text, bool problem)
{
    m_plan->setText(text);
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x3b));
    m_plan->setPalette(palette);
}

void RunPanel::emitEdited()
{
    if (m_updating)
        return;
    m_settings = settings();
    Q_EMIT settingsEdited(m_settings);
}
