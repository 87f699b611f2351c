// JSON text in the response viewer: laid out one member per line, and coloured.
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

/// Colours keys, strings, numbers, literals (true/false/null) and punctuation, line by line. JSON
/// strings cannot hold a raw line break, so no state crosses lines; a truncated document still
/// colours what is there. Colours follow the palette: call setPalette() when it changes.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document, const QPalette &palette = QPalette());

    /// Re-indents JSON text (two spaces a level) without parsing it into objects: keys keep the
    /// server's order, and a body cut off by the sample limit is laid out up to where it stops.
    static QString reindent(const QString &json);

    void setPalette(const QPalette &palette);
    /// Off: blocks keep no colours. Switch before setting new text, so that it is coloured (or
    /// not) as it is laid out, not in a later pass.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    bool m_enabled = true;
};
