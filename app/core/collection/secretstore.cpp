#include "core/collection/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <memory>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
};

// Percent-encoded so that '/' in paths and names cannot nest groups or collide.
QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString keyFor(const QString &collectionFile, const QString &scope, const QString &name)
{
    const QString path = QDir::cleanPath(QFileInfo(collectionFile).absoluteFilePath());
    return QStringLiteral("secrets/") + encoded(path) + u'/' + encoded(scope) + u'/'
        + encoded(name);
}

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
            QStringLiteral("rafaga"), QStringLiteral("secrets"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

bool finish(QSettings &settings, QString *error)
{
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        if (error)
            *error = Tr::tr("cannot write the settings file %1").arg(settings.fileName());
        return false;
    }
    // The file holds credentials: only its owner may read it.
    QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
    return true;
}
} // namespace

SecretStore::SecretStore() = default;

SecretStore::SecretStore(const QString &settingsFile)
    : m_settingsFile(settingsFile)
{ }

QString SecretStore::collectionScope()
{
    return QStringLiteral("collection");
}

QString SecretStore::folderScope(const QStringList &folderPath)
{
    return QStringLiteral("folder:") + folderPath.join(u'/');
}

QString SecretStore::environmentScope(const QString &environmentName)
{
    return QStringLiteral("environment:") + environmentName;
}

std::optional<QString> SecretStore::value(
    const QString &collectionFile, const QString &scope, const QString &name) const
{
    const auto settings = openSettings(m_settingsFile);
    const QVariant value = settings->value(keyFor(collectionFile, scope, name));
    if (!value.isValid())
        return std::nullopt;
    return value.toString();
}

bool SecretStore::setValue(const QString &collectionFile, const QString &scope, const QString &name,
    const QString &value, QString *error)
{
    const auto settings = openSettings(m_settingsFile);
    settings->setValue(keyFor(collectionFile, scope, name), value);
    return finish(*settings, error);
}

bool SecretStore::remove(
    const QString &collectionFile, const QString &scope, const QString &name, QString *error)
{
    const auto settings = openSettings(m_settingsFile);
    settings->remove(keyFor(collectionFile, scope, name));
    return finish(*settings, error);
}

SecretLookup SecretStore::lookupFor(const QString &collectionFile) const
{
    return [store = *this, collectionFile](const QString &scope, const QString &name) {
        return store.value(collectionFile, scope, name);
    };
}

QString SecretStore::fileName() const
{
    return openSettings(m_settingsFile)->fileName();
}
