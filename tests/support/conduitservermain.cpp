// The Conduit test server as a program, for the ctest and for recording newman against it:
// prints "listening on http://127.0.0.1:PORT", then one line per answered request, and exits
// when its standard input closes (the process that started it ended) or after ten minutes.
#include "support/conduitserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ConduitServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "conduitserver: cannot listen on 127.0.0.1\n");
        return 1;
    }
    server.onRequest = [](const QByteArray &line) {
        std::fprintf(stdout, "%s\n", line.constData());
        std::fflush(stdout);
    };
    std::fprintf(stdout, "listening on http://127.0.0.1:%u\n", unsigned(server.port()));
    std::fflush(stdout);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&input] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
        }
    });
    QTimer::singleShot(10 * 60 * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
