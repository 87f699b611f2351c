// Declarative checks of a response, no scripting: evaluating them, their short labels, and the
// text form that the command line reads.
#pragma once

#include "core/base/parseerror.h"
#include "core/model/assertion.h"
#include "core/model/requestspec.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// Checks one assertion against a response. status 0 means no response came; latencyUs < 0 that
/// the latency is unknown. Header names match case-insensitively, header values and body text
/// case-sensitively. JsonPathEquals compares JSON values (numbers by value, objects by members
/// in any order) when the expected text is JSON, else the bare text against a string value. An
/// assertion with a malformed target or expected value fails, its actual saying why.
AssertionOutcome evaluateAssertion(const Assertion &assertion, int status,
    const HttpHeaders &headers, const QByteArray &body, qint64 latencyUs);

/// Checks the enabled assertions in order, one outcome each; disabled ones give none. The body
/// is parsed as JSON once at most, and only when a JSON assertion needs it.
QList<AssertionOutcome> evaluateAssertions(const QList<Assertion> &assertions, int status,
    const HttpHeaders &headers, const QByteArray &body, qint64 latencyUs);

/// Whether the request asserts its status and all such assertions passed; outcomes are those of
/// evaluateAssertions (one per enabled assertion, in order).
bool statusAsserted(const QList<Assertion> &assertions, const QList<AssertionOutcome> &outcomes);

/// What is wrong with an assertion's target or expected value, or an empty string when it can
/// be checked. For reporting a bad assertion before a run rather than as a failure in it.
QString assertionProblem(const Assertion &assertion);

/// A short, stable, untranslated label, used as a CSV column name and in the UI:
///   status == 200              status in 200-299        status in 2xx
///   header NAME exists         header NAME == VALUE     header NAME contains TEXT
///   body contains TEXT
///   json PATH exists           json PATH == JSON
///   latency < 500 ms
/// The enabled flag is not part of it.
QString assertionLabel(const Assertion &assertion);

/// Parses the text form that assertionLabel writes back into an (enabled) assertion. Keywords
/// may be separated by any white space; a value (VALUE, TEXT, JSON) is everything after the one
/// space that follows its operator, kept exactly. The "ms" after a latency is optional. Errors
/// name the column (from 1) and what was expected.
Parsed<Assertion> parseAssertion(const QString &text);
