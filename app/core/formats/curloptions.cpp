// The table of curl's options.
#include "core/formats/curloptions.h"

namespace {
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
} // namespace

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
