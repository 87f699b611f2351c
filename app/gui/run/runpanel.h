// The run's settings beside its buttons: concurrency, rate, iterations, data set, timeout, retries,
// environment, and what the run will send.
#pragma once

#include "core/model/collection.h"

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class RunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunPanel(QWidget *parent = nullptr);

    /// The main window's actions, so buttons, menus and shortcuts stay one thing.
    void setActions(QAction *run, QAction *pause, QAction *stop);
    /// Shows settings and the environments to choose from, without emitting settingsEdited().
    void setSettings(const RunSettings &settings, const QStringList &environments);
    RunSettings settings() const;
    /// "3 requests × 200 rows = 600 requests", or a problem in the plan.
    void setPlanText(const QString &text, bool problem = false);

Q_SIGNALS:
    void settingsEdited(const RunSettings &settings);
    void previewDataRequested();
    /// "Manage…" in the environment list: edit the collection's environments.
    void manageEnvironmentsRequested();

private:
    void connectEdits(QPushButton *browse, QPushButton *clear, QPushButton *preview);
    void emitEdited();

    RunSettings m_settings;
    QSpinBox *m_concurrency;
    QComboBox *m_order;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_iterations;
    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QComboBox *m_environment;
    QLineEdit *m_dataFile;
    QLabel *m_plan;
    QWidget *m_buttons;
    QList<QWidget *> m_tabChain; ///< the panel's widgets in Tab order
    qsizetype m_settingsWidgets = 0; ///< of m_tabChain, the settings after the buttons
    bool m_updating = false;
};
