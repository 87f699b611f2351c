// The results of the current run: a filter bar, the live table, and the selected response.
#pragma once

#include <QWidget>

class QLineEdit;
class QTableView;
class ResponseViewer;
class ResultsFilterProxy;
class ResultsModel;
class RunController;
struct RequestSpec;
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

private:
    void showSelected();

    ResultsModel *m_model;
    ResultsFilterProxy *m_proxy;
    QTableView *m_table;
    ResponseViewer *m_viewer;
    QLineEdit *m_filter;
};
