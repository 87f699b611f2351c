// The command line around curl: lists, pipes, what feeds standard input, and the options.
#include "core/formats/curlparser.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};
} // namespace

std::optional<ParseError> CurlParser::parseCommandLine()
{
    // Commands of a list (; && || & or a new line), each a pipeline of commands joined by |.
    QList<QList<QList<int>>> lists {QList<QList<int>> {QList<int> {}}};
    for (int i = 0; i < m_words.size(); ++i) {
        const ShellWords::Word &word = m_words.at(i);
        const QByteArray op = word.isOperator ? word.text : QByteArray();
        if (op == "\n" || op == ";" || op == "&&" || op == "||" || op == "&") {
            if (!lists.last().last().isEmpty() || lists.last().size() > 1)
                lists.append(QList<QList<int>> {QList<int> {}});
        } else if (op == "|" || op == "|&") {
            lists.last().append(QList<int> {});
        } else if (op == "(" || op == ")" || op == ";;" || op.endsWith("<<") || op == "<<<") {
            return fail(i + 1, QString::fromUtf8(op),
                Tr::tr("subshells, case lists and here-documents are not supported"));
        } else {
            lists.last().last().append(i);
        }
    }
    if (lists.last().size() == 1 && lists.last().last().isEmpty())
        lists.removeLast();
    if (lists.isEmpty())
        return ParseError {QString(), QString(),
            Tr::tr("the command line is empty: expected a curl "
                   "command")};
    if (lists.size() > 1) {
        const int second
            = lists.at(1).first().isEmpty() ? int(m_words.size()) : lists.at(1).first().first();
        return fail(second + 1, QString::fromUtf8(m_words.value(second).text.left(40)),
            Tr::tr("a second command starts here; import one curl command at a time (end a "
                   "line with \\ to continue the command on the next)"));
    }
    const QList<QList<int>> &pipeline = lists.first();
    qsizetype curlAt = -1;
    for (qsizetype c = 0; c < pipeline.size() && curlAt < 0; ++c) {
        for (int index : pipeline.at(c)) {
            const QByteArray &text = m_words.at(index).text;
            if (m_words.at(index).isOperator || text == "$" || text == "sudo")
                continue;
            if (text == "curl" || text.endsWith("/curl") || text == "curl.exe")
                curlAt = c;
            break;
        }
    }
    if (curlAt < 0)
        curlAt = 0; // the options alone, without the program's name
    for (qsizetype c = 0; c < pipeline.size(); ++c) {
        if (pipeline.at(c).isEmpty()) {
            // The word number of the | before the missing command (after it, for the first).
            int pipe = 0;
            for (int i = 0, seen = 0; i < m_words.size(); ++i) {
                if (m_words.at(i).isOperator && m_words.at(i).text.startsWith('|')
                    && seen++ == qMax(qsizetype(0), c - 1))
                    pipe = i + 1;
            }
            return fail(pipe, QStringLiteral("|"), Tr::tr("a pipe without a command on one side"));
        }
    }
    if (curlAt > 1)
        return fail(pipeline.at(1).first() + 1,
            QString::fromUtf8(m_words.at(pipeline.at(1).first()).text),
            Tr::tr("only one command may feed curl's standard input"));
    if (curlAt == 1) {
        if (auto error = readStandardInput(pipeline.at(0)))
            return error;
    }
    for (qsizetype c = curlAt + 1; c < pipeline.size(); ++c)
        m_result.warnings.append(
            Tr::tr("ignored the command that curl's output is piped into: %1")
                .arg(QString::fromUtf8(m_words.at(pipeline.at(c).first()).text)));
    return parseCurl(pipeline.at(curlAt));
}

std::optional<ParseError> CurlParser::readStandardInput(const QList<int> &command)
{
    QList<QByteArray> args;
    for (int index : command) {
        if (m_words.at(index).isOperator)
            return fail(index + 1, QString::fromUtf8(m_words.at(index).text),
                Tr::tr("redirections of the command before the pipe are not supported"));
        args.append(m_words.at(index).text);
    }
    const QByteArray program = args.takeFirst();
    if (program == "printf" && args.size() == 1) {
        // POSIX printf escapes, as curlexport writes binary bodies; conversions other than %%
        // would need arguments.
        const QByteArray &format = args.first();
        QByteArray out;
        for (qsizetype i = 0; i < format.size(); ++i) {
            const char c = format.at(i);
            if (c == '%') {
                if (i + 1 >= format.size() || format.at(i + 1) != '%')
                    return fail(command.at(1) + 1, QStringLiteral("printf"),
                        Tr::tr("printf conversions other than %% are not supported"));
                out.append('%');
                ++i;
            } else if (c == '\\' && i + 1 < format.size()) {
                const char e = format.at(++i);
                static const QByteArray letters = "abfnrtv\\\"'";
                static const QByteArray values = "\a\b\f\n\r\t\v\\\"'";
                if (letters.contains(e)) {
                    out.append(values.at(letters.indexOf(e)));
                } else if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int n = 1; n < 3 && i + 1 < format.size() && format.at(i + 1) >= '0'
                         && format.at(i + 1) <= '7';
                         ++n)
                        value = value * 8 + (format.at(++i) - '0');
                    out.append(char(value & 0xFF));
                } else {
                    out.append('\\');
                    out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        m_stdin = {StandardInput::Kind::Bytes, out, {}, {}};
    } else if (program == "echo" && (args.isEmpty() || args.first() != "-e")) {
        const bool newline = args.isEmpty() || args.first() != "-n";
        if (!newline)
            args.removeFirst();
        m_stdin = {StandardInput::Kind::Bytes, args.join(' ') + (newline ? "\n" : ""), {}, {}};
    } else if (program == "cat" && args.size() == 1) {
        m_stdin = {StandardInput::Kind::File, {}, QString::fromUtf8(args.first()), {}};
    } else {
        m_stdin = {StandardInput::Kind::Command, {}, {}, QString::fromUtf8(program)};
    }
    return std::nullopt;
}

std::optional<ParseError> CurlParser::parseCurl(const QList<int> &command)
{
    bool options = true;
    qsizetype k = 0;
    // A "$ " prompt copied along with the command, sudo, and the program's own name.
    for (const char *before : {"$", "sudo"}) {
        if (k < command.size() && m_words.at(command.at(k)).text == before
            && !m_words.at(command.at(k)).isOperator)
            ++k;
    }
    if (k < command.size()) {
        const QByteArray &first = m_words.at(command.at(k)).text;
        if (first == "curl" || first.endsWith("/curl") || first == "curl.exe")
            ++k;
    }
    for (; k < command.size(); ++k) {
        const int index = command.at(k);
        const int wordNumber = index + 1;
        const ShellWords::Word &word = m_words.at(index);
        const QByteArray &text = word.text;
        if (word.isOperator) {
            if (k + 1 >= command.size() || m_words.at(command.at(k + 1)).isOperator)
                return fail(wordNumber, QString::fromUtf8(text),
                    Tr::tr("a redirection without a file name after it"));
            const QByteArray target = m_words.at(command.at(++k)).text;
            if (text == "<" || text == "0<")
                m_stdin = {StandardInput::Kind::File, {}, QString::fromUtf8(target), {}};
            else
                m_quiet.append(QString::fromUtf8(text + ' ' + target));
            continue;
        }
        std::optional<ParseError> error;
        if (!options || !text.startsWith('-') || text == "-")
            error = setUrl(text, wordNumber);
        else if (text == "--")
            options = false;
        else if (text.startsWith("--"))
            error = parseLongOption(command, &k);
        else
            error = parseShortOptions(command, &k);
        if (error)
            return error;
    }
    return std::nullopt;
}

std::optional<ParseError> CurlParser::nextValue(const QList<int> &command, qsizetype *k,
    const QString &option, QByteArray *value, int *valueWord)
{
    if (*k + 1 >= command.size() || m_words.at(command.at(*k + 1)).isOperator)
        return fail(command.at(*k) + 1, option, Tr::tr("%1 needs a value after it").arg(option));
    *value = m_words.at(command.at(++*k)).text;
    *valueWord = command.at(*k) + 1;
    return std::nullopt;
}

std::optional<ParseError> CurlParser::parseLongOption(const QList<int> &command, qsizetype *k)
{
    const int wordNumber = command.at(*k) + 1;
    const QByteArray &text = m_words.at(command.at(*k)).text;
    QByteArray name = text.mid(2);
    bool toggle = true;
    std::optional<QByteArray> inlineValue;
    const qsizetype equals = name.indexOf('=');
    if (equals > 0) {
        inlineValue = name.mid(equals + 1);
        name.truncate(equals);
    }
    if (name.startsWith("expand-")) {
        name = name.mid(7);
        m_result.warnings.append(
            Tr::tr("--expand-%1: curl variables are not expanded").arg(QString::fromUtf8(name)));
    }
    auto spec = longOptions().constFind(name);
    if (spec == longOptions().cend() && name.startsWith("no-")) {
        spec = longOptions().constFind(name.mid(3));
        if (spec != longOptions().cend() && spec->arg != Arg::Bool)
            return fail(wordNumber, QString::fromUtf8(text),
                Tr::tr("--no- can only turn off an on/off option"));
        name = name.mid(3);
        toggle = false;
    }
    const QString option = QLatin1String("--") + QString::fromUtf8(name);
    if (spec == longOptions().cend())
        return fail(wordNumber, QString::fromUtf8(text.left(60)),
            Tr::tr("unknown curl option %1").arg(QString::fromUtf8(text.left(60))));
    QByteArray value;
    int valueWord = wordNumber;
    if (spec->arg == Arg::Value) {
        if (inlineValue)
            value = *inlineValue;
        else if (auto error = nextValue(command, k, option, &value, &valueWord))
            return error;
    } else if (inlineValue) {
        return fail(wordNumber, option, Tr::tr("%1 takes no value").arg(option));
    }
    return apply(spec->id, option, value, toggle, valueWord);
}

/// One or more letters: -sSL, -XPOST, -H'Accept: x', -d@file.
std::optional<ParseError> CurlParser::parseShortOptions(const QList<int> &command, qsizetype *k)
{
    const int wordNumber = command.at(*k) + 1;
    const QByteArray text = m_words.at(command.at(*k)).text;
    for (qsizetype j = 1; j < text.size(); ++j) {
        const QString option = QLatin1Char('-') + QLatin1Char(text.at(j));
        const QByteArray name = longNameOf(text.at(j));
        const auto spec = longOptions().constFind(name);
        if (name.isEmpty() || spec == longOptions().cend())
            return fail(wordNumber, option, Tr::tr("unknown curl option %1").arg(option));
        if (spec->arg != Arg::Value) {
            if (auto error = apply(spec->id, option, {}, true, wordNumber))
                return error;
            continue;
        }
        QByteArray value;
        int valueWord = wordNumber;
        if (j + 1 < text.size())
            value = text.mid(j + 1);
        else if (auto error = nextValue(command, k, option, &value, &valueWord))
            return error;
        return apply(spec->id, option, value, true, valueWord);
    }
    return std::nullopt;
}
