#include "gui/collection/methodbadge.h"

#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace MethodBadge {

QColor color(const QString &method, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    const QString m = method.toUpper();
    QColor base;
    if (m == QLatin1String("GET"))
        base = QColor(0x2e, 0x9d, 0x4f);
    else if (m == QLatin1String("POST"))
        base = QColor(0xd9, 0x7a, 0x00);
    else if (m == QLatin1String("PUT"))
        base = QColor(0x1f, 0x6f, 0xd1);
    else if (m == QLatin1String("PATCH"))
        base = QColor(0x8a, 0x4f, 0xd0);
    else if (m == QLatin1String("DELETE"))
        base = QColor(0xc9, 0x2a, 0x2a);
    else
        base = QColor(0x6b, 0x72, 0x80);
    return dark ? base.lighter(135) : base;
}

int textPixelSize()
{
    const QFontMetrics metrics(QGuiApplication::font());
    return qMax(9, metrics.height() * 2 / 3);
}

QSize size()
{
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPixelSize(textPixelSize());
    const QFontMetrics metrics(font);
    return QSize(metrics.horizontalAdvance(QStringLiteral("POST")) + metrics.height() / 2,
        QFontMetrics(QGuiApplication::font()).height());
}

QIcon icon(const QString &method, const QPalette &palette)
{
    static QHash<QString, QIcon> cache;
    const QString upper = method.toUpper();
    const QColor background = color(upper, palette);
    const QSize size = MethodBadge::size();
    const QString key = upper + QLatin1Char('|') + background.name() + QLatin1Char('|')
        + QString::number(size.width()) + QLatin1Char('x') + QString::number(size.height());
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;

    QString label = upper.left(upper == QLatin1String("DELETE") ? 3 : 4);
    if (upper == QLatin1String("OPTIONS"))
        label = QStringLiteral("OPT");
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(size * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), 3, 3);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(textPixelSize());
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(QPointF(0, 0), QSizeF(size)), Qt::AlignCenter, label);
    painter.end();
    QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

} // namespace MethodBadge
