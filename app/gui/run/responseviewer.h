// Shows one request's response: status line, body (pretty JSON, search), raw, headers, timing.
#pragma once

#include "core/model/requestspec.h"
#include "core/model/result.h"

#include <QWidget>

class JsonHighlighter;
class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;
class TimingWaterfall;

/// The response of one result, with the request it answered. Until setResult() it shows an empty
/// state; a result that is not finished shows the request and a waiting note. The body shown is
/// the run's sample of it (RunOptions::bodySampleBytes): a note says when the rest was cut off.
class ResponseViewer : public QWidget
{
    Q_OBJECT
public:
    enum Tab { BodyTab, RawTab, HeadersTab, TimingTab };
    /// How the body is shown.
    enum class BodyKind { None, Empty, Text, Json, Binary };

    explicit ResponseViewer(QWidget *parent = nullptr);
    ~ResponseViewer() override;

    /// Shows `result` (copied: the viewer never points into a result store). `resultsFile` names
    /// the results file it was read back from, which holds no bodies or headers; empty for a run
    /// made here.
    void setResult(
        const Result &result, const RequestSpec &request, const QString &resultsFile = QString());
    /// Back to the empty state.
    void clear();
    bool isEmpty() const;
    /// Find (Ctrl+F here): puts the keyboard in the find field.
    QAction *findAction() const { return m_findAction; }

    void setCurrentTab(Tab tab);
    Tab currentTab() const;

    /// What is shown, for tests and for copying.
    QString statusText() const;
    QString bodyText() const;
    QString rawText() const;
    /// What the response captured, one line per capture ("captured token = eyJ…"); empty when
    /// its request captures nothing.
    QString capturesText() const;
    /// The note above the tabs (a body cut short, or none kept); empty when hidden.
    QString noteText() const;
    BodyKind bodyKind() const { return m_bodyKind; }
    bool isBodyTruncated() const { return m_truncated; }
    TimingWaterfall *waterfall() const { return m_waterfall; }
    QTreeWidget *headersView() const { return m_headers; }

    /// Searches the body (or raw) text as typed into the find field; case-insensitive.
    void setSearchText(const QString &text);
    int matchCount() const { return int(m_matches.size()); }
    /// The current match, from 0; -1 when there is none.
    int currentMatch() const { return m_currentMatch; }

public Q_SLOTS:
    void findNext();
    void findPrevious();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createBodyPage();
    void createFindActions();
    void showBody(const QByteArray &body, const HttpHeaders &headers);
    void showRaw(const Result &result, const QByteArray &body, const HttpHeaders &headers);
    void showHeaders(const Result &result, const RequestSpec &request);
    void updateStatusLine();
    /// The status line of a request that was never sent: why.
    QString skippedStatusHtml() const;
    void updateCaptureLine();
    void updateNote(const QByteArray &body);
    void updateRequestLine();
    QPlainTextEdit *searchedEditor() const;
    void updateMatches();
    void moveToMatch(int match);

    QStackedWidget *m_stack = nullptr;
    QLabel *m_requestLine = nullptr;
    QLabel *m_statusLine = nullptr;
    QLabel *m_captureLine = nullptr;
    QLabel *m_truncationNote = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_find = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_matchLabel = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTreeWidget *m_headers = nullptr;
    QAction *m_findAction = nullptr;
    TimingWaterfall *m_waterfall = nullptr;
    JsonHighlighter *m_highlighter = nullptr;

    Result m_result;
    RequestSpec m_request;
    QString m_resultsFile; ///< where m_result was read back from; empty for a run made here
    BodyKind m_bodyKind = BodyKind::None;
    bool m_truncated = false;
    bool m_hasResult = false;
    QList<qsizetype> m_matches; ///< start positions in the searched editor's text
    int m_currentMatch = -1;
};
