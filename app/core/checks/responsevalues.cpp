// What assertions and captures read from a response: JSON values, headers.
#include "core/checks/responsevalues.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ResponseValues {

/// A whole JSON value of any type. QJsonDocument takes only objects and arrays at the top, so
/// the text is wrapped in an array: exactly one element means the text was one valid value.
std::optional<QJsonValue> parseJsonValue(QByteArrayView text)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.sliced(1, text.size() - 2)); // without the wrapping [ ]
}

/// The values of every header called name, in order.
QStringList headerValues(const HttpHeaders &headers, const QString &name)
{
    const QByteArray wanted = name.toUtf8();
    QStringList values;
    for (const HttpHeader &header : headers) {
        if (header.first.compare(wanted, Qt::CaseInsensitive) == 0)
            values.append(QString::fromUtf8(header.second));
    }
    return values;
}
} // namespace ResponseValues
