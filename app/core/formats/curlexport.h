// Writes a request as a curl command line that a POSIX shell runs as it is.
#pragma once

#include "core/model/collection.h"
#include "core/model/requestspec.h"

#include <QString>

/// The concrete request as one curl command: -X only when curl would pick another method (-I
/// for a HEAD without a body), one -H per header in order, the body with --data-binary
/// (--data-raw when it starts with @, which curl would read as a file name). Words are quoted
/// for a POSIX shell; a body that is not UTF-8 text goes in bash's $'...', and one holding a NUL
/// byte, which no argument can carry, is fed through `printf '...' | curl --data-binary @-`.
/// insecure adds -k. importCurl() of the result gives back the same method, URL, headers and
/// body bytes.
QString exportCurl(const RequestSpec &spec, bool insecure = false);

/// The template as written, {{variables}} kept for the shell user to fill in: enabled query
/// parameters are appended to the URL, enabled headers become -H, basic auth -u, bearer
/// --oauth2-bearer, an API key a header or a query parameter; raw and JSON bodies
/// --data-binary with the Content-Type buildRequest() would give them, form-urlencoded fields
/// --data-urlencode (or --data-raw, pre-encoded, where curl would encode differently), multipart
/// -F or --form-string, a binary file --data-binary @path. Inherited auth is left out: it
/// belongs to the collection, which this function does not see. A {{variable}} inside a query
/// parameter ends up in the URL, where its value will not be percent-encoded.
QString exportCurl(const RequestItem &item);
