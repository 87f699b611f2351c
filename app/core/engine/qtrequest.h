// From a RequestSpec to the QNetworkRequest that Qt's stack (or the fast path behind the same
// interface) sends: what a run sets once, and what each request adds.
#pragma once

#include "core/model/requestspec.h"
#include "core/model/runoptions.h"

#include <QNetworkRequest>
#include <QSslConfiguration>

/// What every request of a run carries (redirect policy, HTTP version, cookies off, TLS), built
/// once per scheme: copying it is cheaper than calling the setters per request.
QNetworkRequest requestTemplate(
    const RunOptions &options, const QSslConfiguration &tls, bool https);

/// The template with the spec's URL and headers, and Rafaga's User-Agent unless the spec sets
/// one. Nothing else is added here; what the transport adds is its own business.
QNetworkRequest networkRequestFor(const QNetworkRequest &base, const RequestSpec &spec);
