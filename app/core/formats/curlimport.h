// Turns a pasted curl command line into a request of a collection.
#pragma once

#include "core/base/parseerror.h"
#include "core/model/collection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/// What a curl command asks for: the request, and the options that belong to the run instead
/// (-k, -L, --max-redirs, --max-time, --retry), for the caller to apply to its RunSettings.
struct CurlImport
{
    CollectionItem item; ///< Kind::Request named "METHOD /path"
    /// An inline body exactly as curl would send it. item.request.body.text holds the same as
    /// text; the two differ only for bytes that are not UTF-8 (see the warnings). Empty for a
    /// file body, a multipart form and no body.
    QByteArray body;
    bool insecure = false; ///< -k: accept any TLS certificate
    bool followRedirects = false; ///< -L; without it curl does not follow redirects
    int maxRedirects = -1; ///< --max-redirs; -1 when not given
    int timeoutMs = 0; ///< --max-time; 0 when not given
    int retries = -1; ///< --retry; -1 when not given
    QStringList warnings; ///< what was ignored or approximated, one sentence each
    /// The shell variables ($NAME, ${NAME}) the command uses, now the variables {{NAME}}; a
    /// shell would have taken them from its environment (see environmentVariable()).
    QStringList shellVariables;
};

/// The variable a paste's $NAME becomes when nothing else defines NAME: its value is the
/// built-in {{$env.NAME}}, the process environment of the run, as the shell would have used;
/// --var, an environment or the collection can still give it a value of their own.
Variable environmentVariable(const QString &name);

/// One sentence per shell variable a paste uses, saying where its value will come from.
QStringList shellVariableNotes(const QStringList &names);

/// Parses a curl command line as a POSIX shell and then curl would (quoting, continuations,
/// $NAME and ${NAME} as the variable {{NAME}}, a literal {{ in the body kept as text,
/// -X -H -d --data-raw --data-binary --data-urlencode --json -F -u -b -A -e -G -I -T --url
/// --url-query --compressed -k -L, combined short flags, --opt=value). Options curl knows but
/// that do not change the request are skipped with a warning; an unknown option, a quote left
/// open or a second command is an error whose place is "word N (...)", counting words of the
/// command line from 1. Files named by --data-urlencode name@file and -F name=<file are read
/// now, since a collection cannot refer to them; -d @file and --data-binary @file stay file
/// references (Body::Mode::BinaryFile), read when the request is sent.
Parsed<CurlImport> importCurl(const QString &commandLine);

/// What the command asks of the whole run (-k, -L), as notes for a front end that imports the
/// request into a collection with settings of its own.
QStringList runSettingNotes(const CurlImport &imported);

/// The request alone; run settings (-k, -L, ...) show up only in the warnings.
Parsed<CollectionItem> importCurl(const QString &commandLine, QStringList *warnings);

/// A paste of several commands, as a shell would run them: each curl command (a line, or a
/// command after `;`, `&&`, `||`, `&` or in a pipeline) becomes its own request, in order, and so
/// does each URL of a command (curl fetches them in turn with the same options) and each part after
/// --next. `export NAME=value` becomes a variable in *variables, and so does each other $NAME the
/// commands use (environmentVariable()); any other command is skipped with a note in *notes. Errors
/// name the word in the whole paste. A paste without curl is an error.
Parsed<QList<CurlImport>> importCurlCommands(
    const QString &commandLine, QList<Variable> *variables = nullptr, QStringList *notes = nullptr);
