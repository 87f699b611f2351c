// The response viewer's texts: body decoding, hex dumps, and what a response captured.
#include "gui/run/responsetext.h"

#include "gui/run/statuscolors.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ResponseText)
};

// A captured value beyond this many characters is cut short in the line (whole in the tooltip).
constexpr qsizetype ShownValueChars = 32;

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const HttpHeader &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

QString shortValue(const QString &value)
{
    // One line: line breaks and tabs read as spaces.
    QString line = value;
    for (QChar &c : line) {
        if (c.isSpace())
            c = u' ';
    }
    return line.size() > ShownValueChars ? line.left(ShownValueChars - 1) + QChar(u'\u2026') : line;
}

QString coloured(const QColor &colour, const QString &html)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), html);
}
} // namespace

namespace ResponseText {

std::optional<QString> decodeText(const QByteArray &bytes)
{
    if (bytes.left(8192).contains('\0'))
        return std::nullopt;
    // Stateful: a trailing, incomplete sequence waits in the decoder instead of counting as an
    // error.
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

bool looksLikeJson(const QString &text, const HttpHeaders &headers)
{
    if (headerValue(headers, "content-type").contains("json"))
        return true;
    for (const QChar c : text) {
        if (!c.isSpace())
            return c == u'{' || c == u'[';
    }
    return false;
}

QString hexDump(const QByteArray &bytes, qsizetype limit)
{
    QString out;
    const qsizetype n = qMin(bytes.size(), limit);
    for (qsizetype line = 0; line < n; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = line; i < line + 16; ++i) {
            if (i < n) {
                const uchar b = uchar(bytes.at(i));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += b >= 0x20 && b < 0x7f ? QChar(char16_t(b)) : QChar(u'.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == line + 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    return out;
}

CaptureLines captureLines(const Result &result, const RequestSpec &spec, const QPalette &palette)
{
    const QColor failure = StatusColors::forClass(StatusClass::ServerError, palette);
    CaptureLines lines;
    QStringList html;
    QStringList tips;
    const QList<CaptureOutcome> outcomes
        = result.detail ? result.detail->captures : QList<CaptureOutcome>();
    for (const CaptureOutcome &outcome : outcomes) {
        if (!outcome.captured()) {
            const QString line = Tr::tr("%1: %2").arg(outcome.variable, outcome.problem);
            html.append(coloured(failure, line.toHtmlEscaped()));
            tips.append(line);
            continue;
        }
        const QString value = outcome.secret ? QStringLiteral("***") : outcome.value;
        html.append(Tr::tr("captured %1 = %2")
                        .arg(QLatin1String("<b>") + outcome.variable.toHtmlEscaped()
                                + QLatin1String("</b>"),
                            shortValue(value).toHtmlEscaped()));
        tips.append(Tr::tr("%1 = %2").arg(outcome.variable, value));
    }
    // Captures are taken from answers that succeeded only: say what stayed unset.
    const bool skipped = result.error == ErrorCategory::Skipped;
    if (outcomes.isEmpty() && result.isDone() && !skipped && spec.context
        && !spec.context->captures.isEmpty()) {
        QStringList names;
        for (const Capture &capture : std::as_const(spec.context->captures))
            names.append(capture.variable);
        const QString line = Tr::tr("%1 not captured: the request did not succeed")
                                 .arg(names.join(QStringLiteral(", ")));
        html.append(coloured(failure, line.toHtmlEscaped()));
        tips.append(line);
    }
    lines.html = html.join(QStringLiteral("<br>"));
    lines.toolTip = tips.join(QLatin1Char('\n'));
    return lines;
}

} // namespace ResponseText
