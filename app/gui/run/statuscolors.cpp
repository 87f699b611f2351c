// Status class colours: one hue per class, a darker shade on light palettes and a lighter on dark.
#include "gui/run/statuscolors.h"

StatusClass StatusColors::classFor(int status, ErrorCategory error)
{
    if (error != ErrorCategory::None || status <= 0)
        return StatusClass::TransportError;
    if (status >= 500)
        return StatusClass::ServerError;
    if (status >= 400)
        return StatusClass::ClientError;
    if (status >= 300)
        return StatusClass::Redirect;
    return StatusClass::Success;
}

bool StatusColors::isDark(const QPalette &palette)
{
    // Base is what tables paint on; Window what charts paint on. Both dark means dark mode.
    return palette.color(QPalette::Base).lightness() < 128
        && palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusColors::forClass(StatusClass statusClass, const QPalette &palette)
{
    // Light shades keep at least 4.5:1 contrast on white; dark shades on #1e1e1e-like grounds.
    struct Pair
    {
        QRgb onLight;
        QRgb onDark;
    };
    static constexpr Pair colours[StatusClassCount] = {
        {0x1a7f37, 0x3fb950}, // Success: green
        {0x0969da, 0x58a6ff}, // Redirect: blue
        {0xbc4c00, 0xe3a13b}, // ClientError: orange
        {0xcf222e, 0xff6b61}, // ServerError: red
        {0x8250df, 0xc297ff}, // TransportError: purple, apart from the HTTP answers
    };
    const Pair &pair = colours[int(statusClass)];
    return QColor::fromRgb(isDark(palette) ? pair.onDark : pair.onLight);
}

QColor StatusColors::forStatus(int status, ErrorCategory error, const QPalette &palette)
{
    return forClass(classFor(status, error), palette);
}

QColor StatusColors::forUnanswered(Unanswered kind, const QPalette &palette)
{
    if (kind != Unanswered::Skipped)
        return palette.color(QPalette::PlaceholderText);
    // Slate: apart from the greys of pending rows and the hues of answers, 4.5:1 on its ground.
    return QColor::fromRgb(isDark(palette) ? 0x9aa7b8 : 0x4f5b6b);
}

QString StatusColors::label(StatusClass statusClass)
{
    switch (statusClass) {
    case StatusClass::Success:
        return tr("2xx");
    case StatusClass::Redirect:
        return tr("3xx");
    case StatusClass::ClientError:
        return tr("4xx");
    case StatusClass::ServerError:
        return tr("5xx");
    case StatusClass::TransportError:
        return tr("Errors");
    }
    return QString();
}
