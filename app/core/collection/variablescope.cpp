#include "core/collection/variablescope.h"

#include "core/collection/secretstore.h"

VariableResolver runScope(const Collection &collection, const Environment *environment,
    const QHash<QString, QString> &commandLine, const SecretLookup &secrets)
{
    VariableResolver resolver;
    resolver.setCollectionVariables(collection.variables, secrets, SecretStore::collectionScope());
    if (environment) {
        resolver.setEnvironmentVariables(
            environment->variables, secrets, SecretStore::environmentScope(environment->name));
    }
    resolver.setCommandLineVariables(commandLine);
    return resolver;
}

VariableResolver requestScope(
    VariableResolver run, const QList<const CollectionItem *> &folders, const SecretLookup &secrets)
{
    QStringList folderPath;
    for (const CollectionItem *folder : folders) {
        folderPath.append(folder->name);
        run.addFolderVariables(folder->variables, secrets, SecretStore::folderScope(folderPath));
    }
    return run;
}

const Environment *environmentNamed(const Collection &collection, const QString &name)
{
    for (const Environment &environment : collection.environments) {
        if (environment.name == name)
            return &environment;
    }
    return nullptr;
}

namespace {
void visitFolders(const QList<CollectionItem> &items, const QStringList &path,
    const std::function<void(const QList<Variable> &, const QString &)> &visit)
{
    for (const CollectionItem &item : items) {
        if (!item.isFolder())
            continue;
        const QStringList folder = path + QStringList {item.name};
        visit(item.variables, SecretStore::folderScope(folder));
        visitFolders(item.children, folder, visit);
    }
}
} // namespace

void forEachVariableList(const Collection &collection,
    const std::function<void(const QList<Variable> &variables, const QString &secretScope)> &visit)
{
    visit(collection.variables, SecretStore::collectionScope());
    visitFolders(collection.items, {}, visit);
    for (const Environment &environment : collection.environments)
        visit(environment.variables, SecretStore::environmentScope(environment.name));
}
