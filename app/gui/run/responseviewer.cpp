// The response viewer: one result's status, body, raw message, headers and timing.
#include "gui/run/responseviewer.h"

#include "core/formats/resultwriters.h"
#include "gui/editors/jsonhighlighter.h"
#include "gui/run/responsetext.h"
#include "gui/run/statuscolors.h"
#include "gui/run/timingwaterfall.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
// Beyond this, colouring a document costs more than it helps (bodySampleBytes may be raised).
constexpr qsizetype MaxHighlightedChars = 1 << 20;
// The start of a binary body, as a hex dump.
constexpr qsizetype HexDumpBytes = 4096;
// Cap on highlighted matches: each is an extra selection the editor paints.
constexpr int MaxMatches = 10000;

QPlainTextEdit *makeTextView()
{
    auto *view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}
} // namespace

ResponseViewer::ResponseViewer(QWidget *parent)
    : QWidget(parent)
{
    m_stack = new QStackedWidget(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    auto *empty = new QLabel(tr("Select a result to see its response"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(empty);

    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    m_requestLine = new QLabel;
    m_requestLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine = new QLabel;
    m_statusLine->setTextFormat(Qt::RichText);
    m_statusLine->setWordWrap(true);
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_captureLine = new QLabel;
    m_captureLine->setObjectName(QStringLiteral("captures"));
    m_captureLine->setTextFormat(Qt::RichText);
    m_captureLine->setWordWrap(true);
    m_captureLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_captureLine->hide();
    m_truncationNote = new QLabel;
    m_truncationNote->setWordWrap(true);
    m_truncationNote->setForegroundRole(QPalette::PlaceholderText);
    m_truncationNote->hide();
    const int pad = fontMetrics().averageCharWidth();
    for (QLabel *label : {m_requestLine, m_statusLine, m_captureLine, m_truncationNote})
        label->setContentsMargins(pad, 0, pad, 0);
    pageLayout->addWidget(m_requestLine);
    pageLayout->addWidget(m_statusLine);
    pageLayout->addWidget(m_captureLine);
    pageLayout->addWidget(m_truncationNote);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_raw = makeTextView();
    m_raw->setObjectName(QStringLiteral("raw"));
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_headers = new QTreeWidget;
    m_headers->setColumnCount(2);
    m_headers->setHeaderLabels({tr("Name"), tr("Value")});
    m_headers->setRootIsDecorated(true);
    m_headers->setUniformRowHeights(true);
    m_headers->setAlternatingRowColors(true);
    m_headers->header()->setStretchLastSection(true);
    m_waterfall = new TimingWaterfall;
    m_tabs->addTab(createBodyPage(), tr("Body"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_waterfall, tr("Timing"));
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(page);

    createFindActions();

    // Attached for good: new text is coloured as it is set, when the highlighter is enabled.
    m_highlighter = new JsonHighlighter(m_body->document(), palette());
    clear();
}

void ResponseViewer::createFindActions()
{
    auto *find = new QAction(tr("Find"), this);
    m_findAction = find;
    find->setShortcut(QKeySequence::Find);
    auto *next = new QAction(tr("Find Next"), this);
    next->setShortcut(QKeySequence::FindNext);
    auto *previous = new QAction(tr("Find Previous"), this);
    previous->setShortcut(QKeySequence::FindPrevious);
    for (QAction *action : {find, next, previous}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(find, &QAction::triggered, this, [this] {
        if (currentTab() != BodyTab && currentTab() != RawTab)
            setCurrentTab(BodyTab);
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
    });
    connect(next, &QAction::triggered, this, &ResponseViewer::findNext);
    connect(previous, &QAction::triggered, this, &ResponseViewer::findPrevious);
    m_next->setDefaultAction(next);
    m_previous->setDefaultAction(previous);
    m_next->setArrowType(Qt::DownArrow);
    m_previous->setArrowType(Qt::UpArrow);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { updateMatches(); });
}

ResponseViewer::~ResponseViewer() = default;

QWidget *ResponseViewer::createBodyPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    const int pad = fontMetrics().averageCharWidth() / 2;
    bar->setContentsMargins(pad, pad, pad, pad);
    m_find = new QLineEdit;
    m_find->setPlaceholderText(tr("Find in body"));
    m_find->setClearButtonEnabled(true);
    m_previous = new QToolButton;
    m_next = new QToolButton;
    m_matchLabel = new QLabel;
    m_matchLabel->setForegroundRole(QPalette::PlaceholderText);
    m_matchLabel->setMinimumWidth(
        fontMetrics().horizontalAdvance(tr("%1 of %2").arg(99999).arg(99999)));
    bar->addWidget(m_find, 1);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_matchLabel);
    layout->addLayout(bar);
    m_body = makeTextView();
    m_body->setObjectName(QStringLiteral("body"));
    layout->addWidget(m_body, 1);

    connect(m_find, &QLineEdit::textChanged, this, [this] { updateMatches(); });
    // Return: next match; Shift+Return: previous, as in browsers' find bars.
    m_find->installEventFilter(this);
    return page;
}

void ResponseViewer::clear()
{
    m_hasResult = false;
    m_result = Result();
    m_request = RequestSpec();
    m_resultsFile.clear();
    m_bodyKind = BodyKind::None;
    m_truncated = false;
    m_highlighter->setEnabled(false);
    m_body->clear();
    m_raw->clear();
    m_headers->clear();
    m_waterfall->clear();
    m_matches.clear();
    m_currentMatch = -1;
    m_stack->setCurrentIndex(0);
}

bool ResponseViewer::isEmpty() const
{
    return !m_hasResult;
}

void ResponseViewer::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

ResponseViewer::Tab ResponseViewer::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void ResponseViewer::setResult(
    const Result &result, const RequestSpec &request, const QString &resultsFile)
{
    m_hasResult = true;
    m_result = result;
    m_request = request;
    m_resultsFile = resultsFile;
    m_stack->setCurrentIndex(1);

    const QByteArray body = result.detail ? result.detail->bodySample : QByteArray();
    const HttpHeaders headers = result.detail ? result.detail->responseHeaders : HttpHeaders();
    m_truncated = result.isDone() && !body.isEmpty() && result.bytesReceived > body.size();
    updateNote(body);
    updateRequestLine();
    updateStatusLine();
    updateCaptureLine();
    showBody(body, headers);
    showRaw(result, body, headers);
    showHeaders(result, request);
    m_waterfall->setResult(result, request.url);
    updateMatches();
}

void ResponseViewer::updateNote(const QByteArray &body)
{
    const QLocale locale;
    QString note;
    if (!m_resultsFile.isEmpty() && m_result.bytesReceived > 0)
        note = tr("The results file holds no response bodies: this one was %1 bytes.")
                   .arg(locale.toString(m_result.bytesReceived));
    else if (m_truncated)
        note = tr("Showing the first %1 of %2 bytes: a run keeps only the start of each "
                  "response body.")
                   .arg(locale.toString(body.size()), locale.toString(m_result.bytesReceived));
    m_truncationNote->setText(note);
    m_truncationNote->setVisible(!note.isEmpty());
}

void ResponseViewer::updateCaptureLine()
{
    const ResponseText::CaptureLines lines
        = ResponseText::captureLines(m_result, m_request, palette());
    m_captureLine->setText(lines.html);
    m_captureLine->setToolTip(lines.toolTip);
    m_captureLine->setVisible(!lines.html.isEmpty());
}

void ResponseViewer::updateRequestLine()
{
    const QString line = QString::fromLatin1(m_request.method) + QLatin1Char(' ')
        + m_request.url.toDisplayString();
    const int available = qMax(1, width() - 2 * fontMetrics().averageCharWidth());
    m_requestLine->setText(fontMetrics().elidedText(line, Qt::ElideMiddle, available));
    m_requestLine->setToolTip(line);
}

void ResponseViewer::updateStatusLine()
{
    if (!m_result.isDone()) {
        m_statusLine->setText(tr("Waiting for the response…").toHtmlEscaped());
        return;
    }
    const Result &r = m_result;
    if (r.error == ErrorCategory::Skipped) {
        m_statusLine->setText(skippedStatusHtml());
        return;
    }
    const QString color = StatusColors::forStatus(r.status, r.error, palette()).name();
    QString head;
    if (r.status > 0) {
        head = QString::number(r.status);
        const QString reason = ResultWriters::reasonPhrase(r.status);
        if (!reason.isEmpty())
            head += QLatin1Char(' ') + reason;
    } else {
        head = errorCategoryName(r.error);
    }
    QStringList parts;
    parts.append(QStringLiteral("<b style=\"color:%1\">%2</b>").arg(color, head.toHtmlEscaped()));
    const QLocale locale;
    if (r.latencyUs() >= 0) {
        const double ms = double(r.latencyUs()) / 1000.0;
        parts.append(tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10 ? 2 : 1)));
    }
    if (r.status > 0)
        parts.append(locale.formattedDataSize(r.bytesReceived, r.bytesReceived < 1024 ? 0 : 1));
    if (r.httpVersion == Result::Http1)
        parts.append(QStringLiteral("HTTP/1.1"));
    else if (r.httpVersion == Result::Http2)
        parts.append(QStringLiteral("HTTP/2"));
    if (r.retries > 0)
        parts.append(tr("retried %n time(s)", nullptr, r.retries));
    if (r.redirects > 0)
        parts.append(tr("%n redirect(s)", nullptr, r.redirects));
    if (r.assertionsFailed > 0)
        parts.append(QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(StatusColors::forClass(StatusClass::ServerError, palette()).name(),
                             tr("%n assertion(s) failed", nullptr, r.assertionsFailed)));
    QString html = parts.join(QStringLiteral(" &nbsp;·&nbsp; "));
    if (r.error != ErrorCategory::None) {
        // Without a status the category already leads the line: add only Qt's message.
        QString error = r.status > 0 ? errorCategoryName(r.error) : QString();
        if (!r.errorMessage().isEmpty())
            error += (error.isEmpty() ? QString() : QStringLiteral(": ")) + r.errorMessage();
        if (!error.isEmpty())
            html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                        .arg(StatusColors::forClass(StatusClass::TransportError, palette()).name(),
                            error.toHtmlEscaped());
    }
    if (!r.finalUrl().isEmpty())
        html += QStringLiteral("<br>")
            + tr("Redirected to %1").arg(r.finalUrl().toDisplayString()).toHtmlEscaped();
    m_statusLine->setText(html);
}

QString ResponseViewer::skippedStatusHtml() const
{
    // Never sent, so no numbers: the reason, plainly ("needs {{slug}} from ..., which failed").
    const QString head
        = QStringLiteral("<b style=\"color:%1\">%2</b>")
              .arg(StatusColors::forUnanswered(Unanswered::Skipped, palette()).name(),
                  tr("Not sent").toHtmlEscaped());
    const QString reason = m_result.errorMessage();
    return reason.isEmpty() ? head : head + QStringLiteral("<br>") + reason.toHtmlEscaped();
}

void ResponseViewer::showBody(const QByteArray &body, const HttpHeaders &headers)
{
    m_highlighter->setEnabled(false);
    if (!m_result.isDone()) {
        m_bodyKind = BodyKind::None;
        m_body->clear();
        return;
    }
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    if (body.isEmpty()) {
        m_bodyKind = BodyKind::Empty;
        m_body->setPlainText(m_result.error == ErrorCategory::Skipped ? tr("(not sent)")
                : m_result.status == 0                                ? tr("(no response)")
                : m_result.bytesReceived == 0                         ? tr("(empty body)")
                : m_resultsFile.isEmpty() ? tr("(the body was not kept)")
                                          : tr("(not in the results file)"));
        return;
    }
    const std::optional<QString> text = ResponseText::decodeText(body);
    if (!text) {
        m_bodyKind = BodyKind::Binary;
        QString dump = ResponseText::hexDump(body, HexDumpBytes);
        if (body.size() > HexDumpBytes)
            dump += tr("… %1 more bytes").arg(QLocale().toString(body.size() - HexDumpBytes));
        m_body->setPlainText(dump);
        return;
    }
    // Pretty-print what parses (or, cut off, what starts) as JSON; keys keep their order.
    const bool json = ResponseText::looksLikeJson(*text, headers)
        && (m_truncated || !QJsonDocument::fromJson(body).isNull());
    if (json) {
        m_bodyKind = BodyKind::Json;
        const QString pretty = JsonHighlighter::reindent(*text);
        m_highlighter->setEnabled(pretty.size() <= MaxHighlightedChars);
        m_body->setPlainText(pretty);
    } else {
        m_bodyKind = BodyKind::Text;
        m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        m_body->setPlainText(*text);
    }
}

void ResponseViewer::showRaw(
    const Result &result, const QByteArray &body, const HttpHeaders &headers)
{
    if (!result.isDone() || result.status == 0) {
        m_raw->setPlainText(result.isDone() ? tr("(no response)") : QString());
        return;
    }
    // What came over the wire, as Qt hands it over: status line, headers, body.
    QString raw = (result.httpVersion == Result::Http2 ? QStringLiteral("HTTP/2 ")
                                                       : QStringLiteral("HTTP/1.1 "))
        + QString::number(result.status);
    const QString reason = ResultWriters::reasonPhrase(result.status);
    if (!reason.isEmpty() && result.httpVersion != Result::Http2)
        raw += QLatin1Char(' ') + reason;
    raw += QLatin1Char('\n');
    for (const HttpHeader &header : headers)
        raw += QString::fromLatin1(header.first) + QLatin1String(": ")
            + QString::fromUtf8(header.second) + QLatin1Char('\n');
    raw += QLatin1Char('\n');
    if (const std::optional<QString> text = ResponseText::decodeText(body))
        raw += *text;
    else
        raw += ResponseText::hexDump(body, HexDumpBytes);
    m_raw->setPlainText(raw);
}

void ResponseViewer::showHeaders(const Result &result, const RequestSpec &request)
{
    m_headers->clear();
    const auto addSection
        = [this](const QString &title, const HttpHeaders &headers, const QString &emptyText) {
              auto *section = new QTreeWidgetItem(m_headers, {title});
              section->setFirstColumnSpanned(true);
              QFont bold = font();
              bold.setBold(true);
              section->setFont(0, bold);
              for (const HttpHeader &header : headers) {
                  auto *item = new QTreeWidgetItem(section,
                      {QString::fromLatin1(header.first), QString::fromUtf8(header.second)});
                  item->setToolTip(1, item->text(1));
              }
              if (headers.isEmpty()) {
                  auto *item = new QTreeWidgetItem(section, {emptyText});
                  item->setFirstColumnSpanned(true);
                  item->setForeground(0, palette().color(QPalette::PlaceholderText));
              }
              section->setExpanded(true);
          };
    const HttpHeaders response = result.detail ? result.detail->responseHeaders : HttpHeaders();
    addSection(tr("Response headers (%1)").arg(response.size()), response,
        result.status == 0            ? tr("(no response)")
            : m_resultsFile.isEmpty() ? tr("(not kept by this run)")
                                      : tr("(not in the results file)"));
    addSection(tr("Request headers (%1)").arg(request.headers.size()), request.headers,
        tr("(none set; Qt adds its defaults)"));
    m_headers->resizeColumnToContents(0);
}

QPlainTextEdit *ResponseViewer::searchedEditor() const
{
    return currentTab() == RawTab ? m_raw : m_body;
}

void ResponseViewer::setSearchText(const QString &text)
{
    m_find->setText(text);
}

void ResponseViewer::updateMatches()
{
    m_matches.clear();
    m_currentMatch = -1;
    const QString needle = m_find->text();
    for (QPlainTextEdit *editor : {m_body, m_raw})
        editor->setExtraSelections({});
    if (!needle.isEmpty()) {
        const QString haystack = searchedEditor()->toPlainText();
        for (qsizetype at = haystack.indexOf(needle, 0, Qt::CaseInsensitive);
             at >= 0 && m_matches.size() < MaxMatches;
             at = haystack.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
            m_matches.append(at);
    }
    if (m_matches.isEmpty()) {
        m_matchLabel->setText(needle.isEmpty() ? QString() : tr("No matches"));
        return;
    }
    moveToMatch(0);
}

void ResponseViewer::moveToMatch(int match)
{
    QPlainTextEdit *editor = searchedEditor();
    m_currentMatch = match;
    const qsizetype length = m_find->text().size();
    QColor all = palette().color(QPalette::Highlight);
    all.setAlphaF(0.3f);
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(m_matches.size());
    for (const qsizetype at : std::as_const(m_matches)) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(editor->document());
        selection.cursor.setPosition(int(at));
        selection.cursor.setPosition(int(at + length), QTextCursor::KeepAnchor);
        selection.format.setBackground(all);
        selections.append(selection);
    }
    editor->setExtraSelections(selections);
    QTextCursor cursor(editor->document());
    cursor.setPosition(int(m_matches.at(match)));
    cursor.setPosition(int(m_matches.at(match) + length), QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    editor->ensureCursorVisible();
    const QString count = m_matches.size() >= MaxMatches ? tr("%1+").arg(MaxMatches)
                                                         : QString::number(m_matches.size());
    m_matchLabel->setText(tr("%1 of %2").arg(match + 1).arg(count));
}

void ResponseViewer::findNext()
{
    if (m_matches.isEmpty())
        return;
    moveToMatch(int((m_currentMatch + 1) % m_matches.size()));
}

void ResponseViewer::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    moveToMatch(int((m_currentMatch - 1 + m_matches.size()) % m_matches.size()));
}

QString ResponseViewer::statusText() const
{
    QTextDocument document;
    document.setHtml(m_statusLine->text());
    return document.toPlainText();
}

QString ResponseViewer::capturesText() const
{
    QTextDocument document;
    document.setHtml(m_captureLine->text());
    return document.toPlainText();
}

QString ResponseViewer::noteText() const
{
    return m_truncationNote->isHidden() ? QString() : m_truncationNote->text();
}

QString ResponseViewer::bodyText() const
{
    return m_body->toPlainText();
}

QString ResponseViewer::rawText() const
{
    return m_raw->toPlainText();
}

bool ResponseViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResponseViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_hasResult) {
        // Colours come from the palette: redo what was derived from it.
        updateStatusLine();
        updateCaptureLine();
        m_highlighter->setPalette(palette());
    }
    QWidget::changeEvent(event);
}

void ResponseViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_hasResult)
        updateRequestLine();
}
