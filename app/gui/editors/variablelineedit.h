// A one-line editor that marks {{variables}} and shows what they resolve to.
#pragma once

#include <QLineEdit>

#include <functional>
#include <optional>

class VariableLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    /// Looks a variable up for the tooltip; nullopt when it is not defined.
    using Lookup = std::function<std::optional<QString>(const QString &name)>;

    explicit VariableLineEdit(QWidget *parent = nullptr);
    void setLookup(Lookup lookup);
    /// Whether name is marked as defined: a built-in, or known to the lookup (collection,
    /// folder, environment and data set variables alike).
    bool isDefined(const QString &name) const;

protected:
    bool event(QEvent *event) override;

private:
    void updateFormats();

    Lookup m_lookup;
};
