// The results of the current run: a filter bar, the live table, and the selected response.
#pragma once

#include "core/model/requestspec.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class ResponseViewer;
class ResultsFilterProxy;
class ResultsModel;
class RunController;
struct Result;

class ResultsPane : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPane(QWidget *parent = nullptr);

    /// Follows the run controller's runs.
    void setController(RunController *controller);
    /// Shows one result outside the table (a single Send).
    void showResponse(const Result &result, const RequestSpec &request);
    ResultsModel *model() const { return m_model; }
    ResultsFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    ResponseViewer *viewer() const { return m_viewer; }
    /// Puts the keyboard in the filter field.
    void focusFilter();
    /// Find: in the response when the keyboard is there, else in the results (the filter).
    void find();
    /// "600 results" or "12 of 600 results shown".
    QString countText() const;
    /// The row context menu's actions for a table row: copy URL, copy as curl, resend, show,
    /// save the response body. Copy as curl and Resend are off for a run read back from a
    /// results file, which holds a request's method and URL but not its headers and body.
    QList<QAction *> rowActions(int proxyRow);
    /// Writes the kept body of the table row's response to path. Returns an error message (naming
    /// the file and the reason), or a note when only the start of the body was kept, or nothing.
    QString saveBody(int proxyRow, const QString &path) const;

Q_SIGNALS:
    /// Resend from the context menu: send this request again, alone.
    void resendRequested(const RequestSpec &request);

private:
    QWidget *createFilterBar();
    void showSelected();
    void updateCount();
    void showRowMenu(const QPoint &position);

    ResultsModel *m_model;
    ResultsFilterProxy *m_proxy;
    QTableView *m_table;
    ResponseViewer *m_viewer;
    QLineEdit *m_filter;
    QLabel *m_count;
    QPointer<RunController> m_controller;
};
