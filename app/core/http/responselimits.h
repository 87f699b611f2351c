// What the fast path accepts of one response's head, over HTTP/1.1 and HTTP/2 alike: bounds that
// keep a hostile server's header bomb (15,000 lines of one name, an HPACK table entry referenced
// 16,000 times) from taking the client's memory and time. curl's are of the same order (100 KiB
// per header, 300 KiB per response).
#pragma once

#include <QString>

namespace ResponseLimits {
/// Header fields of one response head (interim answers and trailers count on their own).
constexpr int MaxHeaderFields = 500;
/// Names and values of one head, decoded, added up (below libhttp-parser's own 80 KiB for a
/// whole head, which it reports as the same error).
constexpr qsizetype MaxHeaderBytes = 64 * 1024;

/// Counts one head's fields as they come; false once a bound is passed.
struct HeaderBudget
{
    int fields = 0;
    qsizetype bytes = 0;

    bool take(qsizetype nameSize, qsizetype valueSize)
    {
        ++fields;
        bytes += nameSize + valueSize;
        return fields <= MaxHeaderFields && bytes <= MaxHeaderBytes;
    }
    bool exceeded() const { return fields > MaxHeaderFields || bytes > MaxHeaderBytes; }
    /// The error naming the bound passed.
    QString message() const;
};
} // namespace ResponseLimits
