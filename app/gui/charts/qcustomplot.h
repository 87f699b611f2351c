// QCustomPlot 2.1's header, included once for the whole GUI with what it needs from Qt.
#pragma once

// qcustomplot.h uses the foreach, signals and emit keywords, which QT_NO_FOREACH and
// QT_NO_KEYWORDS remove; these spell them as Qt's macros for the length of the include.
#define foreach(variable, container) for (variable : container)
#define signals Q_SIGNALS
#define emit Q_EMIT
#include <qcustomplot.h>
#undef emit
#undef signals
#undef foreach
