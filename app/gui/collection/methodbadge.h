// A small coloured badge with an HTTP method's name, for trees and lists.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QSize>
#include <QString>

namespace MethodBadge {
/// A colour per common method (GET green, POST orange, ...), readable on the given palette.
QColor color(const QString &method, const QPalette &palette);
/// The method's short name on a rounded background, cached per method, palette and size.
QIcon icon(const QString &method, const QPalette &palette);
/// The badge's size for the application font: as tall as a line of text, wide enough for "POST"
/// in bold at about two thirds of that height. Views showing badges use it as their icon size.
QSize size();
/// The pixel size of the badge's text.
int textPixelSize();
} // namespace MethodBadge
