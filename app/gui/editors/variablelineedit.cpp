// A one-line editor that marks {{variables}} and shows what they resolve to.
#include "gui/editors/variablelineedit.h"

#include "core/collection/variables.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QRegularExpression>
#include <QTextCharFormat>
#include <QToolTip>

namespace {
const QRegularExpression &variablePattern()
{
    // The names VariableResolver substitutes: letters, digits, _ - . and a leading $ for built-ins.
    static const QRegularExpression pattern(
        QStringLiteral("\\{\\{\\s*(\\$?[A-Za-z0-9_.\\-]+)\\s*\\}\\}"));
    return pattern;
}
} // namespace

VariableLineEdit::VariableLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    connect(this, &QLineEdit::textChanged, this, &VariableLineEdit::updateFormats);
}

void VariableLineEdit::setLookup(Lookup lookup)
{
    m_lookup = std::move(lookup);
    updateFormats();
}

bool VariableLineEdit::isDefined(const QString &name) const
{
    return VariableResolver::isBuiltIn(name) || !m_lookup || m_lookup(name).has_value();
}

void VariableLineEdit::updateFormats()
{
    // QLineEdit has no rich text; formats given as input-method attributes colour the text.
    QList<QInputMethodEvent::Attribute> attributes;
    const QColor known = palette().color(QPalette::Link);
    const QColor unknown = QColor(0xd0, 0x3b, 0x3b);
    auto matches = variablePattern().globalMatch(text());
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString name = match.captured(1);
        const bool defined = isDefined(name);
        QTextCharFormat format;
        format.setForeground(defined ? known : unknown);
        format.setFontWeight(QFont::DemiBold);
        if (!defined) {
            format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            format.setUnderlineColor(unknown);
        }
        attributes.append({QInputMethodEvent::TextFormat,
            int(match.capturedStart() - cursorPosition()), int(match.capturedLength()), format});
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(this, &event);
}

bool VariableLineEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        QStringList lines;
        auto matches = variablePattern().globalMatch(text());
        while (matches.hasNext()) {
            const QString name = matches.next().captured(1);
            if (VariableResolver::isBuiltIn(name)) {
                lines.append(tr("%1 — built-in, set per request").arg(name));
                continue;
            }
            const std::optional<QString> value = m_lookup ? m_lookup(name) : std::nullopt;
            lines.append(value ? QStringLiteral("%1 = %2").arg(name, *value)
                               : tr("%1 — not defined").arg(name));
        }
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
        return true;
    }
    // The cursor moved: the attribute offsets are relative to it.
    const bool result = QLineEdit::event(event);
    if (event->type() == QEvent::KeyRelease || event->type() == QEvent::MouseButtonRelease
        || event->type() == QEvent::FocusIn)
        updateFormats();
    return result;
}
