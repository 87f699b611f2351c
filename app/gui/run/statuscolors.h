// The colour of each status class (2xx, 3xx, 4xx, 5xx, transport error), shared by tables and
// charts.
#pragma once

#include "core/model/errorcategory.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>

/// How a finished request ended, as grouped in tables, filters and chart legends.
enum class StatusClass : quint8 { Success, Redirect, ClientError, ServerError, TransportError };
constexpr int StatusClassCount = int(StatusClass::TransportError) + 1;

/// A request of a run without an answer: not finished yet (in flight, or waiting out a retry),
/// waiting for a capture of an earlier request of its row, or skipped (never sent, with a reason).
enum class Unanswered : quint8 { Pending, Waiting, Skipped };

/// Colours chosen per palette so that each class reads on both light and dark backgrounds.
class StatusColors
{
    Q_DECLARE_TR_FUNCTIONS(StatusColors)

public:
    /// A transport error wins over any status; otherwise the status's hundreds digit decides
    /// (1xx counts as success, as the request did get an answer).
    static StatusClass classFor(int status, ErrorCategory error);
    /// The colour of a class, as text or a mark on the palette's Base (and Window) background.
    static QColor forClass(StatusClass statusClass, const QPalette &palette);
    static QColor forStatus(int status, ErrorCategory error, const QPalette &palette);
    /// The muted text of rows and lines without an answer; skipped ones apart from the others.
    static QColor forUnanswered(Unanswered kind, const QPalette &palette);
    /// A short translated label for legends and filters: "2xx", ..., "Errors".
    static QString label(StatusClass statusClass);
    /// True when the palette's background is dark (dark mode).
    static bool isDark(const QPalette &palette);
};
