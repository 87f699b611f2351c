// Postman's dynamic variables beyond Rafaga's own built-ins: {{$randomEmail}}, {{$randomUUID}},
// {{$randomFirstName}}, ... (Postman's documented list, without the image URLs of outside services).
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

/// Whether name (with its "$") is one of Postman's dynamic variables made here.
bool isPostmanDynamicVariable(const QString &name);

/// A fresh random value for name, or nothing when it is not one of them.
std::optional<QString> postmanDynamicValue(const QString &name);

/// Every name, sorted.
QStringList postmanDynamicVariableNames();
