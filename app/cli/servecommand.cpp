// `rafaga serve`: options, the "listening on" line and a clean exit on SIGINT/SIGTERM.
#include "cli/servecommand.h"

#include "cli/cli.h"
#include "cli/cliutil.h"
#include "cli/interruptwatcher.h"
#include "core/server/httpserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <cstdio>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
};

const QString Command = QStringLiteral("serve");
} // namespace

int runServeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Serves the built-in test routes (/get, /echo, /status/{code}, /delay/{ms}, "
               "/bytes/{n}, /redirect/{n}, /drop, /flaky/{k}/{code}, /login, /items, "
               "/items/{id}, /stats) until interrupted."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        Tr::tr("Port to listen on; 0 picks a free one."), Tr::tr("N"), QStringLiteral("0"));
    const QCommandLineOption bindOption(QStringLiteral("bind"), Tr::tr("Address to listen on."),
        Tr::tr("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption tlsOption(
        QStringLiteral("tls"), Tr::tr("Serve HTTPS with a self-signed certificate."));
    const QCommandLineOption logOption(QStringLiteral("log"),
        Tr::tr("Write one line per request to FILE as it arrives: its number, the requests in "
               "flight then, the method and the target, tab-separated."),
        Tr::tr("FILE"));
    parser.addOptions({portOption, bindOption, tlsOption, logOption});
    if (const int exitCode = Cli::parseOrExit(parser, Command, arguments); exitCode >= 0)
        return exitCode;
    if (!parser.positionalArguments().isEmpty()) {
        return Cli::usageError(
            Command, Tr::tr("unexpected argument: %1").arg(parser.positionalArguments().first()));
    }

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        return Cli::usageError(Command,
            Tr::tr("--port needs a number from 0 to 65535, not \"%1\"")
                .arg(parser.value(portOption)));
    }
    const QString bind = parser.value(bindOption);
    QHostAddress address;
    if (bind == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(bind))
        return Cli::usageError(Command, Tr::tr("--bind needs an IP address, not \"%1\"").arg(bind));

    HttpServer server;
    server.setTlsEnabled(parser.isSet(tlsOption));
    QString error;
    if (parser.isSet(logOption) && !server.openRequestLog(parser.value(logOption), &error)) {
        std::fprintf(stderr, "rafaga serve: --log: %s\n", qPrintable(error));
        return Cli::OutputError;
    }
    QObject::connect(&server, &HttpServer::requestLogFailed, [](const QString &message) {
        std::fprintf(stderr, "rafaga serve: --log: %s\n", qPrintable(message));
    });
    if (!server.listen(address, quint16(port), &error)) {
        const QString message = Tr::tr("rafaga serve: cannot listen on %1 port %2: %3")
                                    .arg(address.toString())
                                    .arg(port)
                                    .arg(error);
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return Cli::Failures;
    }
    // Watching before the first line: a script may send SIGTERM as soon as it has read it.
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, qApp, &QCoreApplication::quit);
    // Not translated: scripts and tests wait for this exact line to learn the port. It names the
    // address listened on, as given (0.0.0.0 listens on every interface, not only loopback).
    QUrl listening = server.baseUrl();
    listening.setHost(address.toString());
    const QString line = QStringLiteral("listening on ") + listening.toString();
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
    QCoreApplication::exec();
    return Cli::Success;
}
