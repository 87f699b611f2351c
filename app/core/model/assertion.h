// A declarative check of a response, as a collection saves it and a request carries it.
#pragma once

#include <QString>

/// A declarative check of a response; no scripting.
struct Assertion
{
    enum class Kind {
        StatusEquals, ///< expected: "200"
        StatusInRange, ///< expected: "200-299"
        HeaderExists, ///< target: header name
        HeaderEquals, ///< target: header name; expected: value
        HeaderContains,
        BodyContains, ///< expected: text
        JsonPathExists, ///< target: path like data.items[0].id
        JsonPathEquals, ///< target: path; expected: JSON text or a bare string
        LatencyBelow, ///< expected: milliseconds
    };

    Kind kind = Kind::StatusEquals;
    QString target;
    QString expected;
    bool enabled = true;

    friend bool operator==(const Assertion &, const Assertion &) = default;
};
