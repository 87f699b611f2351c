// Flows within a run: which earlier request of the same data row and iteration each request waits
// for (the latest one capturing a variable it uses), checked before anything is sent.
#pragma once

#include "core/model/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/// A variable a request takes from an earlier request's capture: `from` is that request's place
/// among the selected requests.
struct FlowNeed
{
    QString variable;
    qsizetype from = 0;
};

/// The dependencies between the selected requests of a run, which repeat for every data row and
/// iteration: a captured value lives in its row and iteration, and shadows every other variable for
/// the requests after its capture. A request that uses a captured value waits for the request that
/// captured it, and also for the request before it in the row that takes part in a flow (uses or
/// makes a capture), whose values it may not need: so a row's flow (create, read, update,
/// delete) reaches the server in its order. Requests that neither use nor make captures wait for
/// nothing.
class FlowPlan
{
public:
    /// One selected request, in run order.
    struct Step
    {
        QString path;
        QSet<QString> uses; ///< every variable it may look up (reachableNames)
        QStringList captures; ///< the variables its enabled captures set
        QSet<QString> defined; ///< of uses, those a lower scope defines (collection, data, ...)
    };

    /// Works out what each step waits for. An error, naming the requests, when a step uses a
    /// variable that nothing defines but its own or a later step's capture: a cycle when that
    /// step in turn takes values from this one. Empty when the plan holds.
    /// With rowOrder every step also waits for the step before it (a row runs as one user would
    /// send it), whatever it captures.
    QString plan(const QList<Step> &steps, bool rowOrder = false);

    /// Whether no step waits for any other.
    bool isEmpty() const { return m_waiting == 0 && !m_rowOrder; }
    /// Whether each step waits for the one before it (plan()'s rowOrder, with two steps or more).
    bool inRowOrder() const { return m_rowOrder; }
    /// How many of the selected requests wait on a capture.
    int waitingCount() const { return m_waiting; }
    /// What step t takes from earlier captures, in the order of the variables' first use.
    const QList<FlowNeed> &needs(qsizetype t) const { return m_needs.at(t); }
    /// The steps t waits for, ascending: those it takes values from, and the flow's step before it.
    QList<qsizetype> waitsFor(qsizetype t) const;
    /// What step t's captured variables show before the run: "{{name}}" for each of its needs.
    QHash<QString, QString> placeholders(qsizetype t) const;

    /// Why a request cannot take `need` from result (the request at path `fromPath`), or an empty
    /// string, with *value set to the captured value. E.g. `needs {{slug}} from "Create Article",
    /// which failed: 500`.
    static QString unmet(
        const FlowNeed &need, const QString &fromPath, const Result *result, QString *value);

private:
    /// Whether step `from` takes values, directly or not, from step `on`.
    bool waitsOn(qsizetype from, qsizetype on) const;

    QList<QList<FlowNeed>> m_needs;
    QList<qsizetype> m_after; ///< per step that waits: the flow's step before it, or -1
    int m_waiting = 0;
    bool m_rowOrder = false; ///< and more than one step
};
