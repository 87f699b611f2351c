#include "cli/democommand.h"

#include "core/server/httpserver.h"
#include "cli/runcommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
};
} // namespace

int runDemoCommand(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        QTextStream(stdout) << Tr::tr(
            "Usage: rafaga demo [RUN OPTIONS]\n\nStarts the built-in server on a free loopback "
            "port and sends it 2,000 requests, 50 at a time, through `rafaga run`; any option of "
            "`rafaga run` may be added (e.g. -c 200, --json FILE).\n");
        return 0;
    }
    ServerThread server;
    QString error;
    QTextStream err(stderr);
    if (!server.start(&error)) {
        err << Tr::tr("rafaga demo: cannot start the built-in server: %1").arg(error) << '\n';
        return 1;
    }
    const QString url = server.baseUrl().resolved(QUrl(QStringLiteral("/delay/25"))).toString();
    QTextStream(stdout) << Tr::tr("Built-in server at %1\nrafaga run --url %2 -n 2000 -c 50\n\n")
                               .arg(server.baseUrl().toString(), url)
                        << Qt::flush;
    // 2000 requests that each take 25 ms: one at a time that is 50 s; 50 at a time, about 1 s.
    QStringList words {QStringLiteral("--url"), url, QStringLiteral("-n"), QStringLiteral("2000"),
        QStringLiteral("-c"), QStringLiteral("50")};
    return runRunCommand(words + arguments);
}
