// Choosing a translation's plural form for counts wider than tr()'s int.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <limits>

/// The n to give tr() for a count that may not fit in an int: the message then shows the count
/// itself through %1 (formatted by the caller), and n only picks the plural form. Counts above
/// INT_MAX pick the form of INT_MAX, which is the plural in every language Rafaga speaks.
inline int pluralCount(qint64 count)
{
    return int(std::clamp<qint64>(count, 0, std::numeric_limits<int>::max()));
}
