// The curl options Rafaga knows: what each does to the request and whether it takes a value
// (internal to core/formats).
#pragma once

#include <QByteArray>
#include <QHash>

enum class Opt {
    Request,
    Header,
    Data,
    DataAscii,
    DataRaw,
    DataBinary,
    DataUrlencode,
    Json,
    Form,
    FormString,
    User,
    OAuth2Bearer,
    AuthScheme,
    Cookie,
    UserAgent,
    Referer,
    Get,
    Head,
    Compressed,
    Insecure,
    Location,
    Url,
    UrlQuery,
    UploadFile,
    MaxRedirs,
    MaxTime,
    Retry,
    Range,
    Config,
    Next,
    Quiet, ///< output and diagnostics only: what is sent does not change
    Unsupported, ///< changes the connection or request in a way a collection cannot hold
};

enum class Arg { None, Bool, Value };

struct OptionSpec
{
    Opt id;
    Arg arg;
};

/// Every long option of curl 8 by name (without "--").
const QHash<QByteArray, OptionSpec> &longOptions();
/// The long name of a one-letter option, or empty.
QByteArray longNameOf(char letter);
