// The collection model: folders and request templates with variables, auth, bodies, assertions,
// environments and saved run settings. Plain value types; files, variables and runs work on them.
#pragma once

#include "core/model/assertion.h"
#include "core/model/capture.h"

#include <QJsonObject>
#include <QList>
#include <QString>

/// A name/value row of a table (query parameters, headers, form fields); each can be disabled.
struct KeyValue
{
    QString key;
    QString value;
    bool enabled = true;
    QString description;

    friend bool operator==(const KeyValue &, const KeyValue &) = default;
};

/// A variable of a collection, folder or environment. A secret's value is never written into the
/// collection file or an export: it lives in the user's local settings (SecretStore).
struct Variable
{
    QString name;
    QString value;
    bool enabled = true;
    bool secret = false;

    friend bool operator==(const Variable &, const Variable &) = default;
};

struct Auth
{
    enum class Type { Inherit, None, Basic, Bearer, ApiKey };
    enum class ApiKeyLocation { Header, Query };

    Type type = Type::Inherit;
    QString username; ///< basic
    QString password; ///< basic
    QString token; ///< bearer
    QString key; ///< API key: header or query parameter name
    QString value; ///< API key value
    ApiKeyLocation location = ApiKeyLocation::Header;

    friend bool operator==(const Auth &, const Auth &) = default;
};

/// One part of a multipart/form-data body: text, or a file read at send time.
struct FormPart
{
    QString name;
    QString value; ///< text value, or the file's path when isFile
    bool isFile = false;
    QString contentType; ///< optional
    bool enabled = true;

    friend bool operator==(const FormPart &, const FormPart &) = default;
};

struct Body
{
    enum class Mode { None, Raw, Json, FormUrlEncoded, Multipart, BinaryFile };

    Mode mode = Mode::None;
    QString text; ///< Raw and Json
    QString contentType; ///< Raw: the Content-Type to send when no header sets one
    QList<KeyValue> form; ///< FormUrlEncoded
    QList<FormPart> parts; ///< Multipart
    QString filePath; ///< BinaryFile

    friend bool operator==(const Body &, const Body &) = default;
};

/// A request template: every string may hold {{variables}}.
struct RequestItem
{
    QString method = QStringLiteral("GET"); ///< any token, custom methods too
    QString url;
    QList<KeyValue> params;
    QList<KeyValue> headers;
    Body body;
    Auth auth; ///< Inherit: the nearest folder's, then the collection's
    QList<Assertion> assertions;
    /// Variables set from the response, for the requests after this one in its row and iteration.
    QList<Capture> captures;

    friend bool operator==(const RequestItem &, const RequestItem &) = default;
};

/// A node of the tree: a folder (children, variables, auth) or a request.
struct CollectionItem
{
    enum class Kind { Request, Folder };

    Kind kind = Kind::Request;
    QString name;
    QString description;
    RequestItem request; ///< Kind::Request
    QList<CollectionItem> children; ///< Kind::Folder
    QList<Variable> variables; ///< Kind::Folder
    Auth folderAuth; ///< Kind::Folder; Inherit passes the collection's down
    QJsonObject unknownFields; ///< fields of a newer format, kept through load and save

    bool isFolder() const { return kind == Kind::Folder; }
    // Not defaulted: the member list of CollectionItem is still incomplete here.
    friend bool operator==(const CollectionItem &a, const CollectionItem &b);
};

struct Environment
{
    QString name;
    QList<Variable> variables;

    friend bool operator==(const Environment &, const Environment &) = default;
};

/// The run settings saved with a collection; the command line overrides each.
struct RunSettings
{
    int concurrency = 10;
    double rate = 0; ///< requests per second; 0 = no pacing
    int iterations = 1;
    int timeoutMs = 30000;
    int retries = 0;
    int maxRedirects = 10;
    bool insecure = false;
    /// Strictly one request at a time in run order, for flows that depend on side effects.
    bool sequential = false;
    /// Each data row's (and iteration's) requests one after another, as one user would send them,
    /// the rows at the run's concurrency: for flows that depend on side effects, run concurrently.
    bool rowOrder = false;
    QString dataFile; ///< CSV or JSON data set, relative to the collection file
    QString environment; ///< the selected environment's name

    friend bool operator==(const RunSettings &, const RunSettings &) = default;
};

struct Collection
{
    QString name;
    QString description;
    QList<CollectionItem> items;
    QList<Variable> variables;
    Auth auth; ///< Inherit here means none
    QList<Environment> environments;
    RunSettings run;
    QJsonObject unknownFields;

    friend bool operator==(const Collection &, const Collection &) = default;
};
