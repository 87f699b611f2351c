// The one executable: a command word on the command line means the headless CLI, anything else the
// desktop window. argv is read before any QCoreApplication exists, so the CLI never needs a
// display.
#include "cli/cli.h"
#include "gui/gui.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {
/// Installs Rafaga's translation for the system's language (embedded under :/i18n by
/// qt_add_translations, see app/CMakeLists.txt) and Qt's own (dialog buttons, QCommandLineParser's
/// texts) when the system has it. Runs inside the constructor of whichever application object
/// Cli::main or Gui::main makes, so both fronts speak the same language. QLocale::system() follows
/// LANGUAGE, LC_ALL, LC_MESSAGES and LANG by itself, whether or not that locale is generated on the
/// machine.
void installTranslators()
{
    QCoreApplication *app = QCoreApplication::instance();
    const QLocale locale = QLocale::system();
    auto *rafaga = new QTranslator(app);
    // Without a translation for the language, English: rafaga_en holds only the plural forms
    // ("%n request(s)" as "1 request", "2 requests").
    if (rafaga->load(
            locale, QStringLiteral("rafaga"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || rafaga->load(QStringLiteral(":/i18n/rafaga_en")))
        QCoreApplication::installTranslator(rafaga);
    else
        delete rafaga;
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}
} // namespace
Q_COREAPP_STARTUP_FUNCTION(installTranslators)

int main(int argc, char *argv[])
{
    if (Cli::wantsCli(argc, argv)) {
        // Headless, nothing needs GLib's main loop. Qt's own event dispatcher wakes a thread at
        // most once per pass, where GLib's writes its eventfd for every event posted: four
        // writes per request of a run, a third of its CPU in the kernel. (Set before any thread
        // exists: each thread's dispatcher reads it when the thread starts.)
        if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        return Cli::main(argc, argv);
    }
    return Gui::main(argc, argv);
}
