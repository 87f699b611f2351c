// Where the values of secret variables live: the user's local settings, never the collection file.
#pragma once

#include "core/collection/variables.h"

#include <QString>
#include <QStringList>

#include <optional>

/// Secret values keyed by the collection file's absolute path, a scope (the collection, a folder
/// path or an environment name) and the variable's name. They are kept in a settings file of
/// their own (organisation "rafaga", application "secrets" in the user's settings), readable by
/// the user only.
class SecretStore
{
public:
    /// The user's settings.
    SecretStore();
    /// An INI file at `settingsFile` instead, e.g. for tests.
    explicit SecretStore(const QString &settingsFile);

    static QString collectionScope();
    /// A folder, by the names from the top: {"Users", "Admin"}.
    static QString folderScope(const QStringList &folderPath);
    static QString environmentScope(const QString &environmentName);

    std::optional<QString> value(
        const QString &collectionFile, const QString &scope, const QString &name) const;
    /// Stores a value; returns false (with *error) when the settings could not be written.
    bool setValue(const QString &collectionFile, const QString &scope, const QString &name,
        const QString &value, QString *error = nullptr);
    bool remove(const QString &collectionFile, const QString &scope, const QString &name,
        QString *error = nullptr);

    /// A lookup for VariableResolver bound to one collection file. It reads the settings when
    /// called, so call it before a run starts, not during it.
    SecretLookup lookupFor(const QString &collectionFile) const;

    /// The settings file in use.
    QString fileName() const;

private:
    QString m_settingsFile; ///< empty: the user's settings
};
