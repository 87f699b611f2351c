// Splits a command line into words the way a POSIX shell quotes them, and quotes words back.
#pragma once

#include "core/base/parseerror.h"
#include "core/collection/variables.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// Shell quoting without a shell: no variable, command, tilde or glob expansion ever happens.
/// Windows cmd.exe and PowerShell quoting (^ and ` continuations) are out of scope.
namespace ShellWords {

/// One word of a command line, or one control operator (|, &&, ;, a new line, >, 2>, ...).
struct Word
{
    QByteArray text; ///< the word with quoting removed, as bytes: $'\xff' yields a raw byte
    qsizetype offset = 0; ///< where it starts in the input, in characters from 0
    bool isOperator = false; ///< a control or redirection operator; text is the operator itself
};

struct Split
{
    QList<Word> words;
    QStringList warnings; ///< e.g. "$(date)" kept as written, since nothing is expanded
    /// Expansions::AsVariables: the shell variables the words use, in order of first use.
    QStringList variables;
};

/// What split() does with the shell's variable expansions.
enum class Expansions {
    /// $NAME and ${NAME} are kept as written, with a warning.
    KeepAsWritten,
    /// Every word is a Rafaga template: $NAME and ${NAME} (unquoted or inside "...") become the
    /// variable {{NAME}}, and a literal {{ in the text becomes TemplateLiteralOpenBraces, so that
    /// it is sent
    /// as written. '$NAME' stays text, as in a shell. Other expansions (${NAME:-x}, $1, $(...))
    /// are kept as written, with a warning.
    AsVariables,
};

/// Splits commandLine as a POSIX shell would before expansion: '...' literally, "..." with
/// backslash escaping only $ ` " \ and a new line, a backslash outside quotes, backslash-newline
/// continuations (a CR before the newline is tolerated), # comments, and bash's $'...' ANSI-C
/// strings (\n \t \\ \' \" \xHH \uHHHH \UHHHHHHHH \nnn \cX ...). $(...) and `...` are
/// kept as written, with a warning; $VAR as `expansions` says. An unterminated quote is an error
/// whose place is "word N, character C" (C counts characters from 1).
Parsed<Split> split(const QString &commandLine, Expansions expansions = Expansions::KeepAsWritten);

/// The word quoted so that a POSIX shell reads it back as the same bytes: bare when that is
/// safe, else in single quotes (' written as '\''), else, for bytes that are not UTF-8 text or
/// control characters other than tab and new line, as bash's $'...' with escapes. A NUL byte
/// cannot reach a program through an argument at all: it is written as \x00, which shells stop
/// at, so callers pass such data through standard input instead.
QString quote(const QByteArray &word);

/// Whether quote() needs $'...' for these bytes (not UTF-8, or control characters).
bool needsAnsiC(const QByteArray &word);

} // namespace ShellWords
