#include "core/formats/secretmask.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>

namespace ResultWriters {

SecretMask SecretMask::with(const QStringList &secrets) const
{
    return secrets.isEmpty() ? *this : SecretMask(m_secrets + secrets);
}

SecretMask::SecretMask(const QStringList &secrets)
    : m_secrets(secrets)
{
    QSet<QString> forms;
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        forms.insert(secret);
        // As QUrl writes it in a query (sub-delimiters kept), and as a form body writes it.
        const QString strict = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        forms.insert(strict);
        forms.insert(QString(strict).replace(QLatin1String("%20"), QLatin1String("+")));
        forms.insert(QString::fromLatin1(QUrl::toPercentEncoding(secret, "!$&'()*+,;=:@/?")));
        // As it lands in a URL's host, which QUrl lower-cases (masking more elsewhere is
        // harmless).
        forms.insert(secret.toLower());
        forms.insert(strict.toLower());
    }
    m_forms = QStringList(forms.cbegin(), forms.cend());
    std::sort(m_forms.begin(), m_forms.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
}

QString SecretMask::apply(const QString &text) const
{
    if (m_forms.isEmpty() || text.isEmpty())
        return text;
    QString masked = text;
    // A Basic credential hides the secret in base64, in a header or an echo of one in a body.
    if (masked.contains(QLatin1String("basic"), Qt::CaseInsensitive)) {
        static const QRegularExpression basic(QStringLiteral("\\bbasic\\s+([A-Za-z0-9+/]+=*)"),
            QRegularExpression::CaseInsensitiveOption);
        QList<QRegularExpressionMatch> matches;
        for (auto it = basic.globalMatch(masked); it.hasNext();)
            matches.append(it.next());
        for (auto it = matches.crbegin(); it != matches.crend(); ++it) {
            const QString credentials
                = QString::fromUtf8(QByteArray::fromBase64(it->captured(1).toLatin1()));
            const bool holdsSecret = std::any_of(m_forms.cbegin(), m_forms.cend(),
                [&](const QString &form) { return credentials.contains(form); });
            if (holdsSecret)
                masked.replace(it->capturedStart(1), it->capturedLength(1), QLatin1String("***"));
        }
    }
    for (const QString &form : m_forms)
        masked.replace(form, QLatin1String("***"));
    return masked;
}

QString SecretMask::apply(const QByteArray &bytes) const
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return apply(decoder.hasError() ? QString::fromLatin1(bytes) : text);
}

QStringList SecretMask::apply(const QStringList &fields) const
{
    if (m_forms.isEmpty())
        return fields;
    QStringList masked;
    masked.reserve(fields.size());
    for (const QString &field : fields)
        masked.append(apply(field));
    return masked;
}

QJsonObject SecretMask::apply(const QJsonObject &object) const
{
    if (m_forms.isEmpty())
        return object;
    QJsonObject masked;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        masked.insert(apply(it.key()), apply(it.value()));
    return masked;
}

QJsonValue SecretMask::apply(const QJsonValue &value) const
{
    if (value.isString())
        return apply(value.toString());
    if (value.isObject())
        return apply(value.toObject());
    if (value.isArray()) {
        QJsonArray masked;
        for (const QJsonValue &item : value.toArray())
            masked.append(apply(item));
        return masked;
    }
    return value;
}

} // namespace ResultWriters
