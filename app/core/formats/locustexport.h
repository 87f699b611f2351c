// A collection's expanded run as one self-contained Locust file (locustfile.py): every request of
// the run in input order, its assertions, and the code that hands rows to Locust's users (over
// the master's custom messages when distributed) and writes the results as Rafaga's NDJSON.
#pragma once

#include "core/engine/requestsource.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

struct LocustExport
{
    const RequestSource *source = nullptr; ///< the expanded run, secrets as secretToken(i)
    QString collectionName;
    QString collectionFile; ///< as the user named it, for the header
    QString outputName = QStringLiteral("locustfile.py"); ///< in the commands of the header
    QStringList secretNames; ///< variable i's value is read from secretVariable(secretNames[i])
    int concurrency = 10; ///< Locust users: one request in flight each
    double rate = 0; ///< requests per second across every worker; 0: as fast as they answer
    int timeoutMs = 30000; ///< 0: none
    int maxRedirects = 10;
    int retries = 0; ///< after a connection failure
};

/// The stand-in written for secret i: letters and digits only, so no encoding changes it.
QString locustSecretToken(int i);
/// The environment variable a locustfile reads secret `name` from: RAFAGA_SECRET_NAME.
QString locustSecretVariable(const QString &name);
struct LocustFile
{
    QByteArray text;
    QStringList environment; ///< the variables it reads secrets from: the secrets it uses
};

/// The locustfile.
LocustFile exportLocustfile(const LocustExport &run);
