// The one executable: a command word on the command line means the headless CLI, anything else the
// desktop window. argv is read before any QCoreApplication exists, so the CLI never needs a
// display.
#include "cli.h"
#include "gui.h"

int main(int argc, char *argv[])
{
    if (Cli::wantsCli(argc, argv))
        return Cli::main(argc, argv);
    return Gui::main(argc, argv);
}
