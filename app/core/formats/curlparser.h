// The parser behind importCurl: a curl command line, split into shell words, to a request
// (internal to core/formats; curlimport.h is the interface).
#pragma once

#include "core/formats/curlimport.h"
#include "core/formats/curloptions.h"
#include "core/formats/shellwords.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Files read at import time (--data-urlencode name@file, -F name=<file) are request bodies,
// not disk images: a cap keeps a mistyped /dev/zero-like path from eating memory.
inline constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

/// curl_easy_escape() followed by curl's %20 -> + for --data-urlencode and --url-query. A
/// {{variable}} stays as it is: in a pasted command it is a template's, not text to encode.
QByteArray curlUrlEncode(const QByteArray &bytes);
bool isValidUtf8(const QByteArray &bytes);
/// The path of a URL, "/" when it has none.
QString urlPath(const QString &url);

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
    /// wordOffset: how many words of the whole paste come before these, for the places of errors.
    explicit CurlParser(QList<ShellWords::Word> words, int wordOffset = 0)
        : m_words(std::move(words))
        , m_wordOffset(wordOffset)
    { }
    Parsed<CurlImport> run(QStringList shellWarnings);
    /// Every URL of the command as its own request, as curl fetches them in turn.
    Parsed<QList<CurlImport>> runEach(QStringList shellWarnings);

private:
    ParseError fail(int word, const QString &what, const QString &message) const;
    std::optional<ParseError> parseCommandLine();
    std::optional<ParseError> readStandardInput(const QList<int> &command);
    std::optional<ParseError> parseCurl(const QList<int> &command);
    std::optional<ParseError> parseLongOption(const QList<int> &command, qsizetype *k);
    std::optional<ParseError> parseShortOptions(const QList<int> &command, qsizetype *k);
    /// Takes the value of an option from the next word.
    std::optional<ParseError> nextValue(const QList<int> &command, qsizetype *k,
        const QString &option, QByteArray *value, int *valueWord);
    std::optional<ParseError> applyAuth(
        Opt id, const QString &option, const QString &text, bool toggle);
    std::optional<ParseError> applySetting(
        Opt id, const QString &option, const QString &text, bool toggle, int word);
    void applyDefaultHeader(Opt id, const QString &option, const QString &text);
    std::optional<ParseError> addUrlQuery(const QString &option, const QByteArray &value, int word);
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
    /// Outside the body a {{name}} written in the command stays a variable: API docs and
    /// Postman's code snippets write placeholders that way, and in a URL curl itself would
    /// refuse the braces. In the body it is text, sent as curl sends it.
    void keepPlaceholdersOutsideBody();
    std::optional<ParseError> checkCombinations() const;
    /// user:password@ of the URL, taken out and made basic auth unless -u gave credentials.
    void takeUserInfo(QString *url);
    /// The lone file a body is sent from, when the data is just -d @file or --data-binary @file.
    std::optional<QString> bodyFile();
    std::optional<ParseError> joinData(QByteArray *data);
    QString method() const;
    void setBody(const QByteArray &data, const std::optional<QString> &bodyFile);
    void setHeadersAndAuth();
    /// Whether -H gave the header.
    bool hasHeader(const QString &name) const;
    void setDefaultHeader(const QString &name, const QString &value);
    std::optional<ParseError> setUrl(const QByteArray &url, int word);

    QList<ShellWords::Word> m_words;
    int m_wordOffset = 0;
    bool m_manyUrls = false; ///< runEach: more URLs go to m_moreUrls instead of failing
    QStringList m_moreUrls;
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
