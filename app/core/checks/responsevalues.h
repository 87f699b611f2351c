// What assertions and captures read from a response: a JSON value of any type, compact JSON text,
// a header's values, the body parsed once (internal to core/checks).
#pragma once

#include "core/model/requestspec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace ResponseValues {
/// A whole JSON value of any type (a bare number or string too); nullopt when text is not one.
std::optional<QJsonValue> parseJsonValue(QByteArrayView text);
/// value as compact JSON text.
QString compactJson(const QJsonValue &value);
/// The values of every header called name (any case), in order.
QStringList headerValues(const HttpHeaders &headers, const QString &name);

/// The response body as JSON, parsed on first use and then shared by every check that reads it.
class LazyJsonBody
{
public:
    explicit LazyJsonBody(const QByteArray &body)
        : m_body(body)
    { }

    const std::optional<QJsonValue> &root()
    {
        if (!m_parsed) {
            m_root = parseJsonValue(m_body);
            m_parsed = true;
        }
        return m_root;
    }

private:
    const QByteArray &m_body;
    bool m_parsed = false;
    std::optional<QJsonValue> m_root;
};
} // namespace ResponseValues
