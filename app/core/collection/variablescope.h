// The one rule for which variables a request sees: the layers of its place in the collection, in
// VariableResolver's precedence, with each secret looked up under its own scope.
#pragma once

#include "core/collection/variables.h"
#include "core/model/collection.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

/// The layers every request of a run shares: the collection's variables, the environment's (null
/// for none) and the command line's (--var, taken literally). Secrets are read through `secrets`
/// under SecretStore's scopes.
VariableResolver runScope(const Collection &collection, const Environment *environment,
    const QHash<QString, QString> &commandLine, const SecretLookup &secrets = {});

/// `run` with the variables of the folders around one request added, `folders` outermost first
/// (the innermost wins). Precedence, highest first: data row (set per request) > command line >
/// environment > folders, innermost first > collection.
VariableResolver requestScope(VariableResolver run, const QList<const CollectionItem *> &folders,
    const SecretLookup &secrets = {});

/// The environment of `collection` called `name`, or null.
const Environment *environmentNamed(const Collection &collection, const QString &name);

/// Calls `visit` with every variable list of the collection and the secret scope its secrets are
/// stored under: the collection's, every folder's (in tree order) and every environment's.
void forEachVariableList(const Collection &collection,
    const std::function<void(const QList<Variable> &variables, const QString &secretScope)> &visit);
