// The field names of the collection file, shared by its reader and its writer (internal).
#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <initializer_list>

namespace CollectionFields {
using namespace Qt::StringLiterals;
using Keys = std::initializer_list<QLatin1StringView>;

// Field names of each object, in the order they are written.
inline const Keys CollectionKeys = {"format"_L1, "version"_L1, "name"_L1, "description"_L1,
    "auth"_L1, "variables"_L1, "environments"_L1, "run"_L1, "items"_L1};
inline const Keys FolderKeys
    = {"type"_L1, "name"_L1, "description"_L1, "auth"_L1, "variables"_L1, "items"_L1};
inline const Keys RequestItemKeys = {"type"_L1, "name"_L1, "description"_L1, "request"_L1};
inline const Keys RequestKeys = {"method"_L1, "url"_L1, "params"_L1, "headers"_L1, "auth"_L1,
    "body"_L1, "assertions"_L1, "captures"_L1};
inline const Keys AuthKeys
    = {"type"_L1, "username"_L1, "password"_L1, "token"_L1, "key"_L1, "value"_L1, "in"_L1};
inline const Keys BodyKeys
    = {"mode"_L1, "contentType"_L1, "text"_L1, "form"_L1, "parts"_L1, "file"_L1};
inline const Keys RunKeys = {"concurrency"_L1, "rate"_L1, "iterations"_L1, "timeoutMs"_L1,
    "retries"_L1, "maxRedirects"_L1, "insecure"_L1, "sequential"_L1, "rowOrder"_L1, "dataFile"_L1,
    "environment"_L1};

// Names of enum values in the file. The index is the enum's value.
inline const QLatin1StringView AuthTypes[]
    = {"inherit"_L1, "none"_L1, "basic"_L1, "bearer"_L1, "apikey"_L1};
inline const QLatin1StringView ApiKeyLocations[] = {"header"_L1, "query"_L1};
inline const QLatin1StringView BodyModes[]
    = {"none"_L1, "raw"_L1, "json"_L1, "urlencoded"_L1, "multipart"_L1, "file"_L1};
inline const QLatin1StringView AssertionKinds[] = {"statusEquals"_L1, "statusInRange"_L1,
    "headerExists"_L1, "headerEquals"_L1, "headerContains"_L1, "bodyContains"_L1,
    "jsonPathExists"_L1, "jsonPathEquals"_L1, "latencyBelow"_L1};
inline const QLatin1StringView CaptureSources[]
    = {"jsonPath"_L1, "header"_L1, "regex"_L1, "status"_L1, "cookie"_L1};

inline bool isKnown(const Keys &keys, const QString &key)
{
    for (QLatin1StringView known : keys) {
        if (key == known)
            return true;
    }
    return false;
}

/// The fields of `object` not in `keys`.
inline QJsonObject unknownOf(const QJsonObject &object, const Keys &keys)
{
    QJsonObject unknown;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnown(keys, it.key()))
            unknown.insert(it.key(), it.value());
    }
    return unknown;
}
} // namespace CollectionFields
