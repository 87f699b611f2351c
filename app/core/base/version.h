// The application's version, set once in the top-level CMakeLists.txt.
#pragma once

#include <QString>

namespace Rafaga {
inline QString version()
{
    return QStringLiteral(RAFAGA_VERSION);
}
} // namespace Rafaga
