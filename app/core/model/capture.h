// A capture: a variable set from a response, for the later requests of the same data row and
// iteration (a flow: log in, take the token, use it).
#pragma once

#include <QString>

/// "Set variable NAME from" a part of a response; declarative, no scripting.
struct Capture
{
    enum class Source {
        JsonPath, ///< expression: a JSON path of the body, like data.token
        Header, ///< expression: a header name (the first such header's value)
        Regex, ///< expression: a regular expression over the body; its first group, else the match
        Status, ///< no expression: the status code
        Cookie, ///< expression: the name of a cookie the response sets (Set-Cookie)
    };

    QString variable;
    Source source = Source::JsonPath;
    QString expression;
    bool enabled = true;

    friend bool operator==(const Capture &, const Capture &) = default;
};
