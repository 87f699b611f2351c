// Captures: taking a variable's value from a response (JSON path, header, regular expression,
// status, cookie), and what is wrong with a capture before a run.
#pragma once

#include "core/model/capture.h"
#include "core/model/requestspec.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// Takes one capture's value from a response. A JSON value that is a string gives its text, any
/// other value its compact JSON (42, true, {"a":1}); a header its first value; a regular
/// expression its first group, or the whole match when it has no group; a cookie the value the
/// first Set-Cookie of that name gives. No value is a problem saying why ("no value at
/// data.slug", "no header X-Token").
CaptureOutcome evaluateCapture(
    const Capture &capture, int status, const HttpHeaders &headers, const QByteArray &body);

/// The enabled captures in order, one outcome each; the body is parsed as JSON once at most.
/// secretNames marks the outcomes whose variable is secret.
QList<CaptureOutcome> evaluateCaptures(const QList<Capture> &captures, int status,
    const HttpHeaders &headers, const QByteArray &body, const QStringList &secretNames = {});

/// What is wrong with a capture (no variable, a malformed JSON path or regular expression, no
/// header or cookie name), or an empty string when it can be taken.
QString captureProblem(const Capture &capture);

/// Whether any enabled capture reads the body (JSON path, regular expression).
bool capturesReadBody(const QList<Capture> &captures);
