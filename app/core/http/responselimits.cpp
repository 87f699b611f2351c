#include "core/http/responselimits.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ResponseLimits)
};
} // namespace

QString ResponseLimits::HeaderBudget::message() const
{
    if (fields > MaxHeaderFields)
        return Tr::tr("Response header too large: more than %1 header fields (the limit)")
            .arg(MaxHeaderFields);
    return Tr::tr("Response header too large: more than %1 bytes of header fields (the limit)")
        .arg(MaxHeaderBytes);
}
