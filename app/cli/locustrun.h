// `rafaga run FILE --locust-workers N`: the run on a Locust master and N workers on this machine,
// with the outputs and exit code of a local run.
#pragma once

#include "core/formats/resultwriters.h"

#include <memory>

class RequestSource;
struct RunCommandLine;

/// Where Locust is not installed: the message that says what to install; empty when it is.
QString locustMissing();

/// Exports the run as a locustfile into a temporary folder, runs it on a local master and
/// `workers` local workers, and writes what the master collected as `rafaga run` writes its
/// results (source and mask: the run as `rafaga run` would send it). Returns the exit code.
int runOnLocust(const RunCommandLine &request, const std::shared_ptr<const RequestSource> &source,
    const ResultWriters::SecretMask &mask, int workers);
