// Hides the values of secret variables in everything a run's outputs write.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace ResultWriters {

/// Each occurrence of a secret, as is or percent-encoded (as it appears in a URL or a form body),
/// becomes ***; so does its lower-case form, which is how it reads in a URL's host (QUrl
/// lower-cases hosts). A value type; the empty mask changes nothing and costs nothing.
class SecretMask
{
public:
    SecretMask() = default;
    /// Empty values are ignored: they would match everywhere.
    explicit SecretMask(const QStringList &secrets);

    bool isEmpty() const { return m_forms.isEmpty(); }
    /// This mask and more secrets (values known only as a run goes, such as captured ones).
    SecretMask with(const QStringList &secrets) const;
    /// text with every secret replaced; a "Basic" credential whose decoded user:password holds
    /// a secret has its base64 replaced, since the secret does not appear in it as such.
    QString apply(const QString &text) const;
    /// bytes (a header value, a body) as text, UTF-8 or else Latin-1, masked.
    QString apply(const QByteArray &bytes) const;
    /// Every field masked (a CSV record).
    QStringList apply(const QStringList &fields) const;
    /// Every string in object masked, keys included, at any depth.
    QJsonObject apply(const QJsonObject &object) const;
    QJsonValue apply(const QJsonValue &value) const;

private:
    QStringList m_secrets;
    QStringList m_forms; ///< longest first, so a secret holding another is masked whole
};

} // namespace ResultWriters
