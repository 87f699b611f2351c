// One concrete HTTP request, ready to send: what the engine dispatches.
#pragma once

#include "core/model/assertion.h"
#include "core/model/capture.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

/// Where a request of a collection run came from: shared by every attempt, null for ad-hoc
/// requests from the command line.
struct RequestContext
{
    QString path; ///< folder path and request name, "Users/Get user"
    int iteration = 0; ///< from 0
    qint64 row = -1; ///< data set row, from 0; -1 without a data set
    QStringList dataColumns; ///< the data set's columns (shared by every request of a run)
    QStringList dataValues; ///< this row's values, one per column
    QList<Assertion> assertions; ///< checked against the response when it finishes
    QList<Capture> captures; ///< the enabled ones, taken from the response when it succeeds
    QStringList secretCaptures; ///< the names among captures' variables that are secret
};

using HttpHeader = QPair<QByteArray, QByteArray>;
using HttpHeaders = QList<HttpHeader>;

/// A request with every variable already resolved.
struct RequestSpec
{
    QString name; ///< what users call it; empty for ad-hoc requests
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    std::shared_ptr<const RequestContext> context;
    /// Why this request cannot be built and is not sent (a run with --skip-invalid); empty: send.
    QString skipReason;
    /// The values of secret variables this request was built with that came from captures:
    /// outputs mask them like any secret.
    QStringList capturedSecrets;
};
