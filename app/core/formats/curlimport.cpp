#include "core/formats/curlimport.h"

#include "core/formats/shellwords.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CurlImport)
};

// Files read at import time (--data-urlencode name@file, -F name=<file) are request bodies,
// not disk images: a cap keeps a mistyped /dev/zero-like path from eating memory.
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

enum class Opt {
    Request,
    Header,
    Data,
    DataAscii,
    DataRaw,
    DataBinary,
    DataUrlencode,
    Json,
    Form,
    FormString,
    User,
    OAuth2Bearer,
    AuthScheme,
    Cookie,
    UserAgent,
    Referer,
    Get,
    Head,
    Compressed,
    Insecure,
    Location,
    Url,
    UrlQuery,
    UploadFile,
    MaxRedirs,
    MaxTime,
    Retry,
    Range,
    Config,
    Next,
    Quiet, ///< output and diagnostics only: what is sent does not change
    Unsupported, ///< changes the connection or request in a way a collection cannot hold
};

enum class Arg { None, Bool, Value };

struct OptionSpec
{
    Opt id;
    Arg arg;
};

// Every other option of curl 8, so that a known option is skipped together with its value
// instead of being called unknown, and its value is never mistaken for the URL.
const char QuietValued[]
    = "output output-dir write-out dump-header stderr trace trace-ascii trace-config libcurl "
      "create-file-mode etag-compare etag-save parallel-max parallel-max-host rate limit-rate "
      "speed-limit speed-time connect-timeout retry-delay retry-max-time max-filesize "
      "keepalive-time keepalive-cnt expect100-timeout happy-eyeballs-timeout-ms local-port "
      "interface dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers ip-tos vlan-priority "
      "variable help";
const char QuietFlags[]
    = "silent show-error verbose include show-headers progress-bar progress-meter fail fail-early "
      "fail-with-body remote-name remote-name-all remote-header-name remote-time create-dirs "
      "clobber skip-existing remove-on-error out-null xattr styled-output buffer trace-time "
      "trace-ids parallel parallel-immediate keepalive tcp-nodelay tcp-fastopen sessionid alpn npn "
      "ipv4 ipv6 retry-connrefused retry-all-errors globoff raw mptcp disable manual version "
      "http1.0 http1.1 http2 http2-prior-knowledge http3 http3-only";
const char UnsupportedValued[]
    = "abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers connect-to "
      "continue-at cookie-jar crlfile curves delegation doh-url ech egd-file engine ftp-account "
      "ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode haproxy-clientip hostpubmd5 "
      "hostpubsha256 hsts ipfs-gateway key key-type knownhosts krb krb4 login-options mail-auth "
      "mail-from mail-rcpt netrc-file noproxy pass pinnedpubkey preproxy proto proto-default "
      "proto-redir proxy proxy-cacert proxy-capath proxy-cert proxy-cert-type proxy-ciphers "
      "proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey "
      "proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser "
      "proxy-user proxy1.0 pubkey quote random-file request-target resolve sasl-authzid "
      "service-name sigalgs socks4 socks4a socks5 socks5-gssapi-service socks5-hostname "
      "telnet-option tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser "
      "unix-socket upload-flags ssl-sessions";
const char UnsupportedFlags[]
    = "append ca-native cert-status compressed-ssh crlf disable-eprt disable-epsv "
      "disallow-username-in-url doh-cert-status doh-insecure dump-ca-embed eprt epsv false-start "
      "form-escape ftp-create-dirs ftp-pasv ftp-pret ftp-skip-pasv-ip ftp-ssl ftp-ssl-ccc "
      "ftp-ssl-control ftp-ssl-reqd haproxy-protocol http0.9 ignore-content-length "
      "junk-session-cookies list-only metalink netrc netrc-optional path-as-is post301 post302 "
      "post303 proxy-anyauth proxy-basic proxy-ca-native proxy-digest proxy-http2 proxy-insecure "
      "proxy-negotiate proxy-ntlm proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tlsv1 "
      "proxytunnel sasl-ir socks5-basic socks5-gssapi socks5-gssapi-nec ssl ssl-allow-beast "
      "ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort sslv2 sslv3 "
      "suppress-connect-headers tftp-no-options tls-earlydata tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 "
      "tlsv1.3 tr-encoding use-ascii ntlm-wb";

const QHash<QByteArray, OptionSpec> &longOptions()
{
    static const QHash<QByteArray, OptionSpec> table = [] {
        QHash<QByteArray, OptionSpec> t {
            {"request", {Opt::Request, Arg::Value}},
            {"header", {Opt::Header, Arg::Value}},
            {"data", {Opt::Data, Arg::Value}},
            {"data-ascii", {Opt::DataAscii, Arg::Value}},
            {"data-raw", {Opt::DataRaw, Arg::Value}},
            {"data-binary", {Opt::DataBinary, Arg::Value}},
            {"data-urlencode", {Opt::DataUrlencode, Arg::Value}},
            {"json", {Opt::Json, Arg::Value}},
            {"form", {Opt::Form, Arg::Value}},
            {"form-string", {Opt::FormString, Arg::Value}},
            {"user", {Opt::User, Arg::Value}},
            {"oauth2-bearer", {Opt::OAuth2Bearer, Arg::Value}},
            {"basic", {Opt::AuthScheme, Arg::Bool}},
            {"digest", {Opt::AuthScheme, Arg::Bool}},
            {"ntlm", {Opt::AuthScheme, Arg::Bool}},
            {"negotiate", {Opt::AuthScheme, Arg::Bool}},
            {"anyauth", {Opt::AuthScheme, Arg::None}},
            {"cookie", {Opt::Cookie, Arg::Value}},
            {"user-agent", {Opt::UserAgent, Arg::Value}},
            {"referer", {Opt::Referer, Arg::Value}},
            {"get", {Opt::Get, Arg::Bool}},
            {"head", {Opt::Head, Arg::Bool}},
            {"compressed", {Opt::Compressed, Arg::Bool}},
            {"insecure", {Opt::Insecure, Arg::Bool}},
            {"location", {Opt::Location, Arg::Bool}},
            {"location-trusted", {Opt::Location, Arg::Bool}},
            {"follow", {Opt::Location, Arg::Bool}},
            {"url", {Opt::Url, Arg::Value}},
            {"url-query", {Opt::UrlQuery, Arg::Value}},
            {"upload-file", {Opt::UploadFile, Arg::Value}},
            {"max-redirs", {Opt::MaxRedirs, Arg::Value}},
            {"max-time", {Opt::MaxTime, Arg::Value}},
            {"retry", {Opt::Retry, Arg::Value}},
            {"range", {Opt::Range, Arg::Value}},
            {"config", {Opt::Config, Arg::Value}},
            {"next", {Opt::Next, Arg::None}},
        };
        const auto add = [&t](const char *names, Opt id, Arg arg) {
            for (const QByteArray &name : QByteArray(names).split(' '))
                t.insert(name, {id, arg});
        };
        add(QuietValued, Opt::Quiet, Arg::Value);
        add(QuietFlags, Opt::Quiet, Arg::Bool);
        add(UnsupportedValued, Opt::Unsupported, Arg::Value);
        add(UnsupportedFlags, Opt::Unsupported, Arg::Bool);
        return t;
    }();
    return table;
}

QByteArray longNameOf(char letter)
{
    static const QHash<char, QByteArray> letters {
        {'a', "append"},
        {'N', "buffer"},
        {'E', "cert"},
        {'K', "config"},
        {'C', "continue-at"},
        {'b', "cookie"},
        {'c', "cookie-jar"},
        {'d', "data"},
        {'D', "dump-header"},
        {'q', "disable"},
        {'f', "fail"},
        {'F', "form"},
        {'P', "ftp-port"},
        {'G', "get"},
        {'g', "globoff"},
        {'I', "head"},
        {'H', "header"},
        {'h', "help"},
        {'0', "http1.0"},
        {'i', "include"},
        {'k', "insecure"},
        {'4', "ipv4"},
        {'6', "ipv6"},
        {'j', "junk-session-cookies"},
        {'l', "list-only"},
        {'L', "location"},
        {'M', "manual"},
        {'m', "max-time"},
        {'n', "netrc"},
        {':', "next"},
        {'o', "output"},
        {'Z', "parallel"},
        {'#', "progress-bar"},
        {'x', "proxy"},
        {'U', "proxy-user"},
        {'p', "proxytunnel"},
        {'Q', "quote"},
        {'r', "range"},
        {'e', "referer"},
        {'J', "remote-header-name"},
        {'O', "remote-name"},
        {'R', "remote-time"},
        {'X', "request"},
        {'S', "show-error"},
        {'s', "silent"},
        {'Y', "speed-limit"},
        {'y', "speed-time"},
        {'t', "telnet-option"},
        {'z', "time-cond"},
        {'1', "tlsv1"},
        {'2', "sslv2"},
        {'3', "sslv3"},
        {'T', "upload-file"},
        {'B', "use-ascii"},
        {'u', "user"},
        {'A', "user-agent"},
        {'v', "verbose"},
        {'V', "version"},
        {'w', "write-out"},
    };
    return letters.value(letter);
}

/// curl_easy_escape() followed by curl's %20 -> + for --data-urlencode and --url-query. A
/// {{variable}} stays as it is: in a pasted command it is a template's, not text to encode.
QByteArray curlUrlEncode(const QByteArray &bytes)
{
    static const QRegularExpression variable(QStringLiteral("\\{\\{ *\\$?[\\w.-]+ *\\}\\}"));
    const QString text = QString::fromUtf8(bytes);
    QByteArray encoded;
    qsizetype done = 0;
    const auto encode = [&encoded](const QByteArray &piece) {
        QByteArray e = piece.toPercentEncoding();
        e.replace("%20", "+");
        encoded += e;
    };
    if (!bytes.contains("{{")) {
        encode(bytes);
        return encoded;
    }
    for (const QRegularExpressionMatch &match : variable.globalMatch(text)) {
        encode(text.mid(done, match.capturedStart() - done).toUtf8());
        encoded += match.captured().toUtf8();
        done = match.capturedEnd();
    }
    encode(text.mid(done).toUtf8());
    return encoded;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    Q_UNUSED(text)
    return !decoder.hasError();
}

QString urlPath(const QString &url)
{
    qsizetype start = url.indexOf(QLatin1String("://"));
    start = start < 0 ? 0 : url.indexOf(QLatin1Char('/'), start + 3);
    if (start < 0)
        return QStringLiteral("/");
    qsizetype end = url.size();
    for (const QChar stop : {QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype at = url.indexOf(stop, start);
        if (at >= 0 && at < end)
            end = at;
    }
    const QString path = url.mid(start, end - start);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

/// Where standard input of the curl command comes from, for @- values.
struct StandardInput
{
    enum class Kind { Terminal, Bytes, File, Command };
    Kind kind = Kind::Terminal;
    QByteArray bytes;
    QString path;
    QString command; ///< a program whose output a collection cannot hold
};

/// One piece of -d, --data-*, --json or --data-urlencode, in command-line order.
struct DataPiece
{
    Opt kind = Opt::Data;
    QByteArray bytes; ///< inline data, already encoded
    std::optional<QString> file; ///< @file: read when sent, or now if it must be combined
    bool stripNewlines = false; ///< -d @file: curl drops CR and LF
    bool urlencode = false; ///< --data-urlencode name@file
    QByteArray name; ///< --data-urlencode name@file: the name before the encoded content
    int word = 0;
    QString option;
};

class CurlParser
{
public:
    explicit CurlParser(QList<ShellWords::Word> words)
        : m_words(std::move(words))
    { }
    Parsed<CurlImport> run(QStringList shellWarnings);

private:
    ParseError fail(int word, const QString &what, const QString &message) const;
    std::optional<ParseError> parseCommandLine();
    std::optional<ParseError> readStandardInput(const QList<int> &command);
    std::optional<ParseError> parseCurl(const QList<int> &command);
    std::optional<ParseError> apply(
        Opt id, const QString &option, const QByteArray &value, bool toggle, int word);
    std::optional<ParseError> addData(
        Opt id, const QString &option, const QByteArray &value, int word);
    std::optional<ParseError> addHeader(const QString &option, const QByteArray &value, int word);
    std::optional<ParseError> addFormPart(
        const QString &option, const QByteArray &value, bool literal, int word);
    std::optional<ParseError> readFile(
        const QString &path, const QString &option, int word, QByteArray *bytes);
    std::optional<ParseError> resolve(const DataPiece &piece, QByteArray *bytes);
    std::optional<ParseError> finish();
    void setDefaultHeader(const QString &name, const QString &value);
    std::optional<ParseError> setUrl(const QByteArray &url, int word);

    QList<ShellWords::Word> m_words;
    CurlImport m_result;
    StandardInput m_stdin;
    QString m_url;
    int m_urlWord = 0;
    QString m_method;
    bool m_head = false;
    bool m_get = false;
    bool m_json = false;
    bool m_noContentType = false; ///< -H 'Content-Type:' removes curl's default
    QList<DataPiece> m_data;
    QList<QByteArray> m_query; ///< --url-query pieces
    QList<FormPart> m_parts;
    int m_formWord = 0;
    QList<KeyValue> m_headers; ///< from -H, in order
    QList<KeyValue> m_defaults; ///< what curl adds unless -H sets or removes it (-A, -e, -b, ...)
    QStringList m_removed; ///< lower-case names that -H 'Name:' took away
    QStringList m_cookies;
    std::optional<QString> m_uploadFile;
    int m_uploadWord = 0;
    std::optional<Auth> m_auth;
    QString m_authScheme; ///< a non-basic scheme asked for with --digest and the like
    QStringList m_quiet; ///< ignored options that do not change the request
};

ParseError CurlParser::fail(int word, const QString &what, const QString &message) const
{
    return ParseError {QString(), Tr::tr("word %1 (%2)").arg(word).arg(what), message};
}

Parsed<CurlImport> CurlParser::run(QStringList shellWarnings)
{
    m_result.warnings = std::move(shellWarnings);
    if (auto error = parseCommandLine())
        return *error;
    if (auto error = finish())
        return *error;
    if (!m_quiet.isEmpty())
        m_result.warnings.append(
            Tr::tr("ignored options that change only what curl prints or how it connects: %1")
                .arg(m_quiet.join(QLatin1String(", "))));
    return m_result;
}

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
            if (m_words.at(index).isOperator || text == "$")
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
    // A "$ " prompt copied along with the command, and the program's own name.
    if (k < command.size() && m_words.at(command.at(k)).text == "$"
        && !m_words.at(command.at(k)).isOperator)
        ++k;
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
        if (!options || !text.startsWith('-') || text == "-") {
            if (auto error = setUrl(text, wordNumber))
                return error;
            continue;
        }
        if (text == "--") {
            options = false;
            continue;
        }
        // Takes the value of an option from the rest of its word or from the next word.
        const auto nextValue = [&](const QString &option, QByteArray *value,
                                   int *valueWord) -> std::optional<ParseError> {
            if (k + 1 >= command.size() || m_words.at(command.at(k + 1)).isOperator)
                return fail(wordNumber, option, Tr::tr("%1 needs a value after it").arg(option));
            *value = m_words.at(command.at(++k)).text;
            *valueWord = command.at(k) + 1;
            return std::nullopt;
        };
        if (text.startsWith("--")) {
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
                m_result.warnings.append(Tr::tr("--expand-%1: curl variables are not expanded")
                                             .arg(QString::fromUtf8(name)));
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
                if (inlineValue) {
                    value = *inlineValue;
                } else if (auto error = nextValue(option, &value, &valueWord)) {
                    return error;
                }
            } else if (inlineValue) {
                return fail(wordNumber, option, Tr::tr("%1 takes no value").arg(option));
            }
            if (auto error = apply(spec->id, option, value, toggle, valueWord))
                return error;
            continue;
        }
        // One or more letters: -sSL, -XPOST, -H'Accept: x', -d@file.
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
            else if (auto error = nextValue(option, &value, &valueWord))
                return error;
            if (auto error = apply(spec->id, option, value, true, valueWord))
                return error;
            break;
        }
    }
    return std::nullopt;
}

std::optional<ParseError> CurlParser::setUrl(const QByteArray &url, int word)
{
    if (!m_url.isEmpty())
        return fail(word, QString::fromUtf8(url.left(60)),
            Tr::tr("a second URL (the first is word %1); import one request at a time")
                .arg(m_urlWord));
    if (url.isEmpty())
        return fail(word, QStringLiteral("''"), Tr::tr("an empty URL"));
    m_url = QString::fromUtf8(url);
    m_urlWord = word;
    return std::nullopt;
}

void CurlParser::setDefaultHeader(const QString &name, const QString &value)
{
    for (KeyValue &header : m_defaults) {
        if (header.key.compare(name, Qt::CaseInsensitive) == 0) {
            header.value = value; // curl keeps the last -A, -e, ...
            return;
        }
    }
    m_defaults.append(KeyValue {name, value, true, {}});
}

std::optional<ParseError> CurlParser::apply(
    Opt id, const QString &option, const QByteArray &value, bool toggle, int word)
{
    const QString text = QString::fromUtf8(value);
    const auto number = [&](double *out) -> std::optional<ParseError> {
        bool ok = false;
        *out = text.trimmed().toDouble(&ok);
        if (!ok || *out < -1 || *out > 1e9)
            return fail(word, option,
                Tr::tr("expected a number after %1, not \"%2\"").arg(option, text.left(40)));
        return std::nullopt;
    };
    double n = 0;
    switch (id) {
    case Opt::Request:
        if (text.trimmed().isEmpty())
            return fail(word, option, Tr::tr("expected a method name after %1").arg(option));
        m_method = text;
        break;
    case Opt::Header:
        return addHeader(option, value, word);
    case Opt::Data:
    case Opt::DataAscii:
    case Opt::DataRaw:
    case Opt::DataBinary:
    case Opt::DataUrlencode:
    case Opt::Json:
        return addData(id, option, value, word);
    case Opt::Form:
    case Opt::FormString:
        if (m_formWord == 0)
            m_formWord = word;
        return addFormPart(option, value, id == Opt::FormString, word);
    case Opt::User: {
        Auth auth;
        auth.type = Auth::Type::Basic;
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        auth.username = colon < 0 ? text : text.left(colon);
        auth.password = colon < 0 ? QString() : text.mid(colon + 1);
        if (colon < 0)
            m_result.warnings.append(Tr::tr("%1 gives no password (curl would ask for one); the "
                                            "password is left empty")
                                         .arg(option));
        m_auth = auth;
        break;
    }
    case Opt::OAuth2Bearer: {
        Auth auth;
        auth.type = Auth::Type::Bearer;
        auth.token = text;
        m_auth = auth;
        break;
    }
    case Opt::AuthScheme:
        if (toggle && option != QLatin1String("--basic"))
            m_authScheme = option;
        break;
    case Opt::Cookie:
        if (value.contains('='))
            m_cookies.append(text);
        else
            m_result.warnings.append(
                Tr::tr("ignored %1 %2: reading cookies from a file is not supported")
                    .arg(option, text));
        break;
    case Opt::UserAgent:
        if (text.isEmpty())
            m_result.warnings.append(
                Tr::tr("%1 '' leaves the User-Agent out in curl; Rafaga always "
                       "sends one")
                    .arg(option));
        else
            setDefaultHeader(QStringLiteral("User-Agent"), text);
        break;
    case Opt::Referer: {
        QString referer = text;
        if (referer.endsWith(QLatin1String(";auto"))) {
            referer.chop(5);
            m_result.warnings.append(
                Tr::tr("%1 ;auto (a Referer on redirects) is not supported").arg(option));
        }
        if (!referer.isEmpty())
            setDefaultHeader(QStringLiteral("Referer"), referer);
        break;
    }
    case Opt::Get:
        m_get = toggle;
        break;
    case Opt::Head:
        m_head = toggle;
        break;
    case Opt::Compressed:
        if (toggle)
            m_result.warnings.append(
                Tr::tr("%1 needs no header: Rafaga asks for gzip and deflate by itself and "
                       "decompresses the answer (an explicit Accept-Encoding header would turn "
                       "that off)")
                    .arg(option));
        break;
    case Opt::Insecure:
        m_result.insecure = toggle;
        break;
    case Opt::Location:
        m_result.followRedirects = toggle;
        break;
    case Opt::Url:
        return setUrl(value, word);
    case Opt::UrlQuery: {
        if (value.startsWith('+')) {
            m_query.append(value.mid(1));
            break;
        }
        // The same forms as --data-urlencode, appended to the URL's query instead.
        const qsizetype before = m_data.size();
        if (auto error = addData(Opt::DataUrlencode, option, value, word))
            return error;
        QByteArray piece;
        if (auto error = resolve(m_data.at(before), &piece))
            return error;
        m_data.removeAt(before);
        m_query.append(piece);
        break;
    }
    case Opt::UploadFile:
        if (text == QLatin1String("-") || text == QLatin1String("."))
            return fail(word, option, Tr::tr("uploading standard input is not supported"));
        m_uploadFile = text;
        m_uploadWord = word;
        break;
    case Opt::MaxRedirs:
        if (auto error = number(&n))
            return error;
        m_result.maxRedirects = int(n);
        break;
    case Opt::MaxTime:
        if (auto error = number(&n))
            return error;
        m_result.timeoutMs = qMax(1, int(n * 1000));
        break;
    case Opt::Retry:
        if (auto error = number(&n))
            return error;
        m_result.retries = qMax(0, int(n));
        break;
    case Opt::Range:
        setDefaultHeader(QStringLiteral("Range"), QLatin1String("bytes=") + text);
        break;
    case Opt::Config:
        return fail(word, option,
            Tr::tr("%1 reads more options from a file, which is not "
                   "supported; paste those options instead")
                .arg(option));
    case Opt::Next:
        return fail(word, option,
            Tr::tr("%1 starts a second request; import one request at a time").arg(option));
    case Opt::Quiet:
        m_quiet.append(value.isEmpty() ? option : option + QLatin1Char(' ') + text.left(40));
        break;
    case Opt::Unsupported:
        // Without the value: --cert file:password, -U user:password and -x with credentials
        // would put secrets into the warnings.
        m_result.warnings.append(
            Tr::tr("ignored %1: not supported, so the request may differ from what curl sends")
                .arg(option));
        break;
    }
    return std::nullopt;
}

std::optional<ParseError> CurlParser::addHeader(
    const QString &option, const QByteArray &value, int word)
{
    if (value.startsWith('@'))
        return fail(word, option,
            Tr::tr("reading headers from a file (%1 @file) is not supported").arg(option));
    const QString text = QString::fromUtf8(value);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    QString name;
    QString headerValue;
    if (colon >= 0) {
        name = text.left(colon).trimmed();
        headerValue = text.mid(colon + 1).trimmed();
    } else if (text.trimmed().endsWith(QLatin1Char(';'))) {
        name = text.trimmed().chopped(1).trimmed(); // curl's way to send a header with no value
    }
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        return fail(word, option,
            Tr::tr("expected a header as 'Name: value', not \"%1\"").arg(text.left(60)));
    if (colon >= 0 && headerValue.isEmpty()) {
        // 'Name:' removes a header curl would add; there is nothing to send.
        const QString lower = name.toLower();
        m_removed.append(lower);
        if (lower == QLatin1String("user-agent"))
            m_result.warnings.append(Tr::tr("%1 'User-Agent:' removes the header in curl; Rafaga "
                                            "always sends one")
                                         .arg(option));
        m_headers.removeIf([&](const KeyValue &h) { return h.key.toLower() == lower; });
        return std::nullopt;
    }
    if (headerValue.isEmpty())
        m_result.warnings.append(Tr::tr("%1 '%2;': Rafaga cannot send a header with an empty value "
                                        "yet (Qt leaves it out)")
                                     .arg(option, name));
    m_headers.append(KeyValue {name, headerValue, true, {}});
    return std::nullopt;
}

std::optional<ParseError> CurlParser::addData(
    Opt id, const QString &option, const QByteArray &value, int word)
{
    DataPiece piece;
    piece.kind = id;
    piece.word = word;
    piece.option = option;
    if (id == Opt::DataUrlencode) {
        // curl looks for '=' first and only then for '@': "name=content", "=content",
        // "name@file", "@file" or "content".
        const qsizetype equals = value.indexOf('=');
        const qsizetype at = equals < 0 ? value.indexOf('@') : -1;
        if (equals >= 0) {
            const QByteArray name = value.left(equals);
            const QByteArray encoded = curlUrlEncode(value.mid(equals + 1));
            piece.bytes = name.isEmpty() ? encoded : name + '=' + encoded;
        } else if (at >= 0) {
            piece.name = value.left(at);
            piece.file = QString::fromUtf8(value.mid(at + 1));
            piece.urlencode = true;
        } else {
            piece.bytes = curlUrlEncode(value);
        }
    } else if (id != Opt::DataRaw && value.startsWith('@')) {
        piece.file = QString::fromUtf8(value.mid(1));
        piece.stripNewlines = id == Opt::Data || id == Opt::DataAscii;
    } else {
        piece.bytes = value;
    }
    if (id == Opt::Json)
        m_json = true;
    m_data.append(piece);
    return std::nullopt;
}

std::optional<ParseError> CurlParser::readFile(
    const QString &path, const QString &option, int word, QByteArray *bytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(word, option, Tr::tr("cannot read %1: no such file").arg(path));
    if (!info.isFile())
        return fail(word, option, Tr::tr("cannot read %1: not a regular file").arg(path));
    if (info.size() > MaxFileBytes)
        return fail(word, option,
            Tr::tr("cannot read %1: larger than %2 MiB")
                .arg(path)
                .arg(MaxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(word, option, Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    *bytes = file.read(MaxFileBytes + 1);
    if (bytes->size() > MaxFileBytes)
        return fail(word, option,
            Tr::tr("cannot read %1: larger than %2 MiB")
                .arg(path)
                .arg(MaxFileBytes / (1024 * 1024)));
    m_result.warnings.append(
        Tr::tr("%1 read %2 now: the request keeps its content, not the file").arg(option, path));
    return std::nullopt;
}

std::optional<ParseError> CurlParser::resolve(const DataPiece &piece, QByteArray *bytes)
{
    if (!piece.file) {
        *bytes = piece.bytes;
        return std::nullopt;
    }
    if (*piece.file != QLatin1String("-")) {
        if (auto error = readFile(*piece.file, piece.option, piece.word, bytes))
            return error;
    } else {
        switch (m_stdin.kind) {
        case StandardInput::Kind::Bytes:
            *bytes = m_stdin.bytes;
            break;
        case StandardInput::Kind::File:
            if (auto error = readFile(m_stdin.path, piece.option, piece.word, bytes))
                return error;
            break;
        case StandardInput::Kind::Command:
            return fail(piece.word, piece.option,
                Tr::tr("@- reads the output of %1, which an import cannot run; save it to "
                       "a file and use @file")
                    .arg(m_stdin.command));
        case StandardInput::Kind::Terminal:
            return fail(piece.word, piece.option,
                Tr::tr("@- reads standard input, which an import cannot see; save it to a "
                       "file and use @file"));
        }
    }
    if (piece.stripNewlines) {
        bytes->replace("\r", "");
        bytes->replace("\n", "");
    }
    if (piece.urlencode)
        *bytes = (piece.name.isEmpty() ? QByteArray() : piece.name + '=') + curlUrlEncode(*bytes);
    return std::nullopt;
}

/// One ;-separated word of a -F value: "quoted \"text\"" or plain up to ';' or endChar.
QByteArray formWord(const QByteArray &text, qsizetype *pos, char endChar)
{
    qsizetype p = *pos;
    if (p < text.size() && text.at(p) == '"') {
        QByteArray word;
        for (qsizetype i = p + 1; i < text.size(); ++i) {
            const char c = text.at(i);
            if (c == '\\' && i + 1 < text.size()
                && (text.at(i + 1) == '\\' || text.at(i + 1) == '"')) {
                word.append(text.at(++i));
            } else if (c == '"') {
                // Closed: what follows up to the next separator is dropped, as curl does.
                for (p = i + 1; p < text.size() && text.at(p) != ';' && text.at(p) != endChar;
                     ++p) { }
                *pos = p;
                return word;
            } else {
                word.append(c);
            }
        }
        // No closing quote: curl reads the text as if it were not quoted.
    }
    const qsizetype start = p;
    while (p < text.size() && text.at(p) != ';' && text.at(p) != endChar)
        ++p;
    *pos = p;
    return text.mid(start, p - start).trimmed();
}

struct FormField
{
    QByteArray data;
    QByteArray type;
    QByteArray filename;
    QStringList ignored; ///< headers=, encoder=, unknown attributes
    char separator = 0; ///< ',' when more files follow
};

/// curl's get_param_part(): data;type=a/b;filename=x;headers=...;encoder=...
FormField formField(const QByteArray &text, qsizetype pos, char endChar)
{
    FormField field;
    while (pos < text.size() && text.at(pos) == ' ')
        ++pos;
    field.data = formWord(text, &pos, endChar);
    bool inType = false; // attributes after type= that curl does not know extend the type
    while (pos < text.size() && text.at(pos) == ';') {
        ++pos;
        while (pos < text.size() && text.at(pos) == ' ')
            ++pos;
        const QByteArray rest = text.mid(pos);
        const auto take = [&](int skip) {
            pos += skip;
            return formWord(text, &pos, endChar);
        };
        if (!inType && rest.startsWith("type=")) {
            field.type = take(5);
            inType = true;
        } else if (rest.startsWith("filename=")) {
            field.filename = take(9);
            inType = false;
        } else if (rest.startsWith("headers=") || rest.startsWith("encoder=")) {
            field.ignored.append(QString::fromUtf8(rest.left(7)));
            take(8);
            inType = false;
        } else if (inType) {
            field.type += "; " + take(0);
        } else {
            const QByteArray unknown = take(0);
            if (!unknown.isEmpty())
                field.ignored.append(QString::fromUtf8(unknown));
        }
    }
    field.separator = pos < text.size() ? text.at(pos) : 0;
    return field;
}

std::optional<ParseError> CurlParser::addFormPart(
    const QString &option, const QByteArray &value, bool literal, int word)
{
    const qsizetype equals = value.indexOf('=');
    if (equals < 0)
        return fail(word, option, Tr::tr("expected name=content after %1").arg(option));
    FormPart part;
    part.name = QString::fromUtf8(value.left(equals));
    const QByteArray content = value.mid(equals + 1);
    if (literal) {
        part.value = QString::fromUtf8(content);
        m_parts.append(part);
        return std::nullopt;
    }
    if (content.startsWith('('))
        return fail(word, option, Tr::tr("nested multipart parts are not supported"));
    const bool isFile = content.startsWith('@');
    const bool readNow = content.startsWith('<');
    const FormField field = formField(content, isFile || readNow ? 1 : 0, isFile ? ',' : '\0');
    if (field.separator == ',')
        return fail(word, option,
            Tr::tr("several files in one field are not supported; give each "
                   "file its own %1")
                .arg(option));
    if (!field.type.isEmpty() && !field.type.contains('/'))
        return fail(word, option,
            Tr::tr("expected a content type like text/plain after type=, not "
                   "\"%1\"")
                .arg(QString::fromUtf8(field.type)));
    part.contentType = QString::fromUtf8(field.type);
    if (!field.filename.isEmpty())
        m_result.warnings.append(Tr::tr("%1 %2: filename= is not supported; the file's own name is "
                                        "sent")
                                     .arg(option, part.name));
    if (!field.ignored.isEmpty())
        m_result.warnings.append(
            Tr::tr("%1 %2: ignored %3")
                .arg(option, part.name, field.ignored.join(QLatin1String(", "))));
    if (isFile) {
        if (field.data == "-")
            return fail(word, option, Tr::tr("a form part from standard input is not supported"));
        part.isFile = true;
        part.value = QString::fromUtf8(field.data);
    } else if (readNow) {
        QByteArray bytes;
        DataPiece piece;
        piece.file = QString::fromUtf8(field.data);
        piece.option = option;
        piece.word = word;
        if (auto error = resolve(piece, &bytes))
            return error;
        if (!isValidUtf8(bytes))
            return fail(word, option,
                Tr::tr("%1 is not UTF-8 text; send it as a file with name=@%1").arg(*piece.file));
        part.value = QString::fromUtf8(bytes);
    } else {
        part.value = QString::fromUtf8(field.data);
    }
    m_parts.append(part);
    return std::nullopt;
}

std::optional<ParseError> CurlParser::finish()
{
    const bool hasData = !m_data.isEmpty();
    const bool hasForm = !m_parts.isEmpty();
    if (m_url.isEmpty())
        return ParseError {QString(), QString(), Tr::tr("no URL: expected one after curl")};
    if (hasData && hasForm)
        return fail(m_formWord, QStringLiteral("-F"),
            Tr::tr("-F cannot be combined with -d, --data-* or --json (curl refuses too)"));
    if (m_get && hasForm)
        return fail(m_formWord, QStringLiteral("-F"), Tr::tr("-F cannot be combined with -G"));
    if (m_uploadFile && (hasForm || (hasData && !m_get)))
        return fail(m_uploadWord, QStringLiteral("-T"),
            Tr::tr("-T cannot be combined with -d, --data-*, --json or -F"));
    if (m_head && !m_get && (hasForm || hasData))
        return fail(hasData ? m_data.first().word : m_formWord, QStringLiteral("-I"),
            Tr::tr("-I sends no body: data needs -G to go into the URL (curl refuses too)"));

    RequestItem &request = m_result.item.request;
    QString url = m_url;
    // curl assumes http:// without a scheme; a {{variable}} may hold the scheme itself.
    if (!url.contains(QLatin1String("://")) && !url.startsWith(QLatin1String("{{")))
        url.prepend(QLatin1String("http://"));

    // user:password@ in the URL is basic auth to curl, unless -u says otherwise.
    const qsizetype authorityStart = url.indexOf(QLatin1String("://"));
    if (authorityStart >= 0) {
        qsizetype authorityEnd = url.size();
        for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
            const qsizetype at = url.indexOf(stop, authorityStart + 3);
            if (at >= 0 && at < authorityEnd)
                authorityEnd = at;
        }
        const qsizetype at = url.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
        if (at > authorityStart) {
            const QString userInfo = url.mid(authorityStart + 3, at - authorityStart - 3);
            url.remove(authorityStart + 3, at - authorityStart - 2);
            if (!m_auth) {
                Auth auth;
                auth.type = Auth::Type::Basic;
                const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
                auth.username = QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8());
                auth.password = colon < 0
                    ? QString()
                    : QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
                m_auth = auth;
            }
        }
    }

    // A lone file of -d or --data-binary stays a reference to the file; anything combined is
    // read now and joined as curl joins it: '&' between pieces, none before a --json piece.
    const DataPiece *single = m_data.size() == 1 ? &m_data.first() : nullptr;
    std::optional<QString> bodyFile;
    if (single && single->file && !single->urlencode && !m_get) {
        if (*single->file != QLatin1String("-"))
            bodyFile = *single->file;
        else if (m_stdin.kind == StandardInput::Kind::File)
            bodyFile = m_stdin.path;
        if (bodyFile && single->stripNewlines)
            m_result.warnings.append(Tr::tr(
                "%1 @%2: curl leaves out the file's line breaks, Rafaga sends the file as it "
                "is (as --data-binary would)")
                                         .arg(single->option, *bodyFile));
    }
    QByteArray data;
    if (hasData && !bodyFile) {
        for (qsizetype i = 0; i < m_data.size(); ++i) {
            QByteArray piece;
            if (auto error = resolve(m_data.at(i), &piece))
                return error;
            if (i > 0 && m_data.at(i).kind != Opt::Json)
                data += '&';
            data += piece;
        }
    }
    QList<QByteArray> query = m_query;
    if (m_get && hasData)
        query.prepend(data);
    query.removeAll(QByteArray());
    if (!query.isEmpty()) {
        const qsizetype hash = url.indexOf(QLatin1Char('#'));
        const qsizetype end = hash < 0 ? url.size() : hash;
        const bool hasQuery = url.left(end).contains(QLatin1Char('?'));
        url.insert(end,
            (hasQuery ? QLatin1Char('&') : QLatin1Char('?')) + QString::fromUtf8(query.join('&')));
    }
    request.url = url;

    if (!m_method.isEmpty())
        request.method = m_method;
    else if (m_head)
        request.method = QStringLiteral("HEAD");
    else if (m_get)
        request.method = QStringLiteral("GET");
    else if (m_uploadFile)
        request.method = QStringLiteral("PUT");
    else if (hasData || hasForm)
        request.method = QStringLiteral("POST");
    else
        request.method = QStringLiteral("GET");

    const auto hasHeader = [this](const QString &name) {
        return std::any_of(m_headers.cbegin(), m_headers.cend(),
            [&](const KeyValue &h) { return h.key.compare(name, Qt::CaseInsensitive) == 0; });
    };
    const bool explicitType = hasHeader(QStringLiteral("Content-Type"))
        || m_removed.contains(QLatin1String("content-type"));
    // curl labels every -d body form-urlencoded unless told otherwise; keeping the bytes as Raw
    // text with that type sends exactly what curl sends, where FormUrlEncoded would re-encode.
    const QString defaultType = m_json ? QStringLiteral("application/json")
                                       : QStringLiteral("application/x-www-form-urlencoded");
    Body &body = request.body;
    if (hasForm) {
        body.mode = Body::Mode::Multipart;
        body.parts = m_parts;
    } else if (m_uploadFile) {
        body.mode = Body::Mode::BinaryFile;
        body.filePath = *m_uploadFile;
        if (!explicitType)
            m_result.warnings.append(Tr::tr("-T sends no Content-Type in curl; Rafaga labels the "
                                            "file by its extension"));
        // PUT to a URL ending in / names the file after the upload, as curl does.
        if (urlPath(request.url).endsWith(QLatin1Char('/'))
            && !request.url.contains(QLatin1Char('?')))
            request.url += QFileInfo(*m_uploadFile).fileName();
    } else if (bodyFile) {
        body.mode = Body::Mode::BinaryFile;
        body.filePath = *bodyFile;
        // A file body would otherwise be labelled by its extension; curl labels it as above.
        setDefaultHeader(QStringLiteral("Content-Type"), defaultType);
    } else if (hasData && !m_get) {
        if (m_removed.contains(QLatin1String("content-type")))
            m_result.warnings.append(Tr::tr("-H 'Content-Type:' sends the body without a "
                                            "Content-Type in curl; Rafaga labels a raw body "
                                            "text/plain and a JSON body application/json"));
        body.mode = m_json ? Body::Mode::Json : Body::Mode::Raw;
        body.text = QString::fromUtf8(data);
        body.contentType = explicitType ? QString() : defaultType;
        m_result.body = data;
        if (!isValidUtf8(data))
            m_result.warnings.append(Tr::tr("the body is not UTF-8 text, so the collection cannot "
                                            "hold it exactly; save it to a file and use "
                                            "--data-binary @file"));
    }

    if (m_json)
        setDefaultHeader(QStringLiteral("Accept"), QStringLiteral("application/json"));
    if (!m_cookies.isEmpty())
        setDefaultHeader(QStringLiteral("Cookie"), m_cookies.join(QLatin1Char(';')));
    for (const KeyValue &header : std::as_const(m_defaults)) {
        if (!hasHeader(header.key) && !m_removed.contains(header.key.toLower()))
            request.headers.append(header);
    }
    request.headers.append(m_headers);

    if (m_auth) {
        request.auth = *m_auth;
        if (!m_authScheme.isEmpty() && m_auth->type == Auth::Type::Basic)
            m_result.warnings.append(Tr::tr("%1 is not supported; the credentials are sent with "
                                            "basic auth")
                                         .arg(m_authScheme));
    } else {
        // The command stands alone: it sends no credentials of a collection it lands in.
        request.auth.type = Auth::Type::None;
    }
    m_result.item.kind = CollectionItem::Kind::Request;
    m_result.item.name = request.method + QLatin1Char(' ') + urlPath(request.url);
    return std::nullopt;
}

} // namespace

Parsed<CurlImport> importCurl(const QString &commandLine)
{
    Parsed<ShellWords::Split> split = ShellWords::split(commandLine);
    if (!split)
        return split.error();
    return CurlParser(split.value().words).run(split.value().warnings);
}

Parsed<CollectionItem> importCurl(const QString &commandLine, QStringList *warnings)
{
    Parsed<CurlImport> imported = importCurl(commandLine);
    if (!imported)
        return imported.error();
    if (warnings) {
        *warnings = imported.value().warnings;
        if (imported.value().insecure)
            warnings->append(
                Tr::tr("-k applies to the whole run: turn on insecure TLS in its settings"));
        if (imported.value().followRedirects)
            warnings->append(
                Tr::tr("-L applies to the whole run: Rafaga follows redirects unless its "
                       "settings say not to"));
    }
    return std::move(imported).value().item;
}
