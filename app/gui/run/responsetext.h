// How the parts of one response read as text in the response viewer: the body's decoding, a hex
// dump, and the lines saying what the response captured for the requests after it.
#pragma once

#include "core/model/requestspec.h"
#include "core/model/result.h"

#include <QPalette>
#include <QString>

#include <optional>

namespace ResponseText {

/// UTF-8 text, or nullopt for bytes that are not: a sample cut inside a character still decodes.
std::optional<QString> decodeText(const QByteArray &bytes);
/// Whether text reads as JSON: a JSON content type, or a body starting with { or [.
bool looksLikeJson(const QString &text, const HttpHeaders &headers);
/// The first `limit` bytes as a hex dump: offset, 16 bytes in hex, the printable ones.
QString hexDump(const QByteArray &bytes, qsizetype limit);

/// What a result captured, for the request's viewer.
struct CaptureLines
{
    QString html; ///< one line per capture: "captured token = eyJ…", "id: no match for id"
    QString toolTip; ///< the same with whole values; empty when there are no captures
};
/// The captures of result, whose request is spec: each value cut to a line's width (elided),
/// *** for a secret variable, and a failed capture's problem in the failure colour. A request
/// that failed captured nothing: a line says which variables stayed unset.
CaptureLines captureLines(const Result &result, const RequestSpec &spec, const QPalette &palette);

} // namespace ResponseText
