#include "gui/gui.h"

#include "core/base/version.h"
#include "core/engine/runcontroller.h"
#include "gui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace {
/// Saves a picture of the window to path and quits; the exit code says whether it was saved.
void grabAndQuit(MainWindow *window, const QString &path)
{
    // Two event loop turns let the last replot and repaint land before the picture.
    QTimer::singleShot(
        400, window, [window, path] {
            const bool saved = window->grab().save(path);
            if (!saved)
                QTextStream(stderr)
                    << QApplication::translate("Gui", "rafaga: cannot write %1").arg(path) << '\n';
            QApplication::exit(saved ? 0 : 1);
        });
}
} // namespace

namespace Gui {

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rafaga"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rafaga"));
    QApplication::setApplicationVersion(Rafaga::version());
    QApplication::setOrganizationName(QStringLiteral("rafaga"));
    QApplication::setDesktopFileName(QStringLiteral("rafaga"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/rafaga/rafaga.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "Gui", "A desktop workbench for HTTP requests sent many at a time."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("COLLECTION"),
        QApplication::translate("Gui", "A collection to open."), QStringLiteral("[COLLECTION]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("Gui", "Save a picture of the window to FILE and quit."),
        QApplication::translate("Gui", "FILE"));
    const QCommandLineOption runDemo(QStringLiteral("run-demo"),
        QApplication::translate("Gui", "With --screenshot: run the collection to the end first."));
    parser.addOption(screenshot);
    parser.addOption(runDemo);
    parser.process(app);

    MainWindow window;
    const QStringList positional = parser.positionalArguments();
    QSettings settings;
    if (!positional.isEmpty()) {
        window.openCollection(positional.first());
    } else if (!parser.isSet(screenshot)
        && !settings.value(QStringLiteral("files/last")).toString().isEmpty()) {
        // Tomorrow picks up where today stopped.
        if (!window.openCollection(settings.value(QStringLiteral("files/last")).toString()))
            window.openDemo();
    } else {
        // First start, or a picture: the demo against the built-in server works offline.
        window.openDemo();
    }
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        if (parser.isSet(runDemo)) {
            QObject::connect(&window, &MainWindow::runFinished, &window, [&window, path] {
                window.showTab(MainWindow::Tab::Charts);
                grabAndQuit(&window, path);
            });
            QTimer::singleShot(200, &window, [&window] { window.runCollection(); });
        } else {
            grabAndQuit(&window, path);
        }
    }
    return QApplication::exec();
}

} // namespace Gui
