// A small coloured badge with an HTTP method's name, for trees and lists.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace MethodBadge {
/// A colour per common method (GET green, POST orange, ...), readable on the given palette.
QColor color(const QString &method, const QPalette &palette);
/// The method's short name on a rounded background, cached per method and palette.
QIcon icon(const QString &method, const QPalette &palette);
} // namespace MethodBadge
