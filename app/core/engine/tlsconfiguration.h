// The TLS settings of a run's https requests, checked before anything is sent.
#pragma once

#include "core/base/parseerror.h"
#include "core/model/runoptions.h"

#include <QSslConfiguration>

/// The system's CA store; no peer verification when options.insecure; the client certificate and
/// its key when options name them (the key may sit in the certificate's file). A certificate or
/// key that cannot be read or parsed, or a key that does not belong to the certificate, is an
/// error naming the file: a run must not quietly go without the identity the user asked for.
Parsed<QSslConfiguration> tlsConfigurationFor(const RunOptions &options);
