#include "core/collection/flowplan.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FlowPlan)
};

QString braced(const QString &name)
{
    return QStringLiteral("{{") + name + QStringLiteral("}}");
}
} // namespace

QString FlowPlan::plan(const QList<Step> &steps, bool rowOrder)
{
    m_needs = QList<QList<FlowNeed>>(steps.size());
    m_after = QList<qsizetype>(steps.size(), -1);
    m_waiting = 0;
    m_rowOrder = rowOrder && steps.size() > 1;
    if (m_rowOrder) {
        for (qsizetype t = 1; t < steps.size(); ++t)
            m_after[t] = t - 1;
    }
    QSet<QString> captured;
    for (const Step &step : steps)
        captured.unite(QSet<QString>(step.captures.cbegin(), step.captures.cend()));
    if (captured.isEmpty())
        return {};
    struct Early
    {
        qsizetype step;
        QString variable;
        qsizetype capturer;
    };
    QList<Early> early;
    qsizetype lastInFlow = -1; // the last step so far that uses or makes a capture
    for (qsizetype t = 0; t < steps.size(); ++t) {
        QStringList uses(steps.at(t).uses.cbegin(), steps.at(t).uses.cend());
        uses.sort(); // a stable order for needs and messages
        for (const QString &name : std::as_const(uses)) {
            if (!captured.contains(name))
                continue;
            qsizetype from = -1;
            for (qsizetype s = t - 1; s >= 0 && from < 0; --s) {
                if (steps.at(s).captures.contains(name))
                    from = s;
            }
            if (from >= 0) {
                m_needs[t].append({name, from});
                continue;
            }
            // Before its capture a variable has its value from the lower scopes, if any.
            if (steps.at(t).defined.contains(name))
                continue;
            for (qsizetype s = t; s < steps.size(); ++s) {
                if (steps.at(s).captures.contains(name)) {
                    early.append({t, name, s});
                    break;
                }
            }
        }
        if (!m_needs.at(t).isEmpty()) {
            ++m_waiting;
            if (!m_rowOrder)
                m_after[t] = lastInFlow;
        }
        if (!m_needs.at(t).isEmpty() || !steps.at(t).captures.isEmpty())
            lastInFlow = t;
    }
    QStringList problems;
    for (const Early &e : std::as_const(early)) {
        const QString &path = steps.at(e.step).path;
        if (e.capturer == e.step) {
            problems.append(Tr::tr("request \"%1\" uses %2, which only it captures: a dependency "
                                   "cycle")
                                .arg(path, braced(e.variable)));
        } else if (waitsOn(e.capturer, e.step)) {
            problems.append(Tr::tr("dependency cycle: request \"%1\" needs %2 from \"%3\", which "
                                   "waits on \"%1\"")
                                .arg(path, braced(e.variable), steps.at(e.capturer).path));
        } else {
            problems.append(Tr::tr("request \"%1\" uses %2 before \"%3\" captures it (requests "
                                   "run in order within a row)")
                                .arg(path, braced(e.variable), steps.at(e.capturer).path));
        }
    }
    problems.removeDuplicates();
    return problems.join(u'\n');
}

bool FlowPlan::waitsOn(qsizetype from, qsizetype on) const
{
    QList<qsizetype> pending {from};
    QSet<qsizetype> seen;
    while (!pending.isEmpty()) {
        const qsizetype step = pending.takeLast();
        if (step == on)
            return true;
        if (seen.contains(step))
            continue;
        seen.insert(step);
        for (const FlowNeed &need : m_needs.at(step))
            pending.append(need.from);
    }
    return false;
}

QList<qsizetype> FlowPlan::waitsFor(qsizetype t) const
{
    QList<qsizetype> steps;
    if (m_after.value(t, -1) >= 0)
        steps.append(m_after.at(t));
    for (const FlowNeed &need : m_needs.at(t)) {
        if (!steps.contains(need.from))
            steps.append(need.from);
    }
    std::sort(steps.begin(), steps.end());
    return steps;
}

QHash<QString, QString> FlowPlan::placeholders(qsizetype t) const
{
    QHash<QString, QString> values;
    for (const FlowNeed &need : m_needs.at(t))
        values.insert(need.variable, braced(need.variable));
    return values;
}

QString FlowPlan::unmet(
    const FlowNeed &need, const QString &fromPath, const Result *result, QString *value)
{
    const QString needs = Tr::tr("needs %1 from \"%2\"").arg(braced(need.variable), fromPath);
    if (!result || result->dispatchedUs < 0)
        return Tr::tr("%1, which was not sent").arg(needs);
    if (!result->succeeded()) {
        const QString why = result->status > 0 ? QString::number(result->status)
                                               : errorCategoryName(result->error);
        return Tr::tr("%1, which failed: %2").arg(needs, why);
    }
    const QList<CaptureOutcome> captures
        = result->detail ? result->detail->captures : QList<CaptureOutcome>();
    // The last capture of the variable wins, as it would in a script.
    const auto it = std::find_if(captures.crbegin(), captures.crend(),
        [&need](const CaptureOutcome &c) { return c.variable == need.variable; });
    if (it == captures.crend())
        return Tr::tr("%1, which captured nothing").arg(needs);
    if (!it->captured())
        return Tr::tr("%1, which captured nothing: %2").arg(needs, it->problem);
    *value = it->value;
    return {};
}
