// Reads HAR 1.2 files into collections: each recorded request becomes a request item.
#include "core/formats/harimport.h"

#include "core/base/jsonreader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

using JsonPath::element;
using JsonPath::field;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HarImport)
};

bool is(const QString &name, QLatin1StringView other)
{
    return name.compare(other, Qt::CaseInsensitive) == 0;
}

/// Headers Qt writes itself from the URL and the body; copying them would contradict it.
bool isWrittenByQt(const QString &name)
{
    return name.startsWith(u':') || is(name, "host"_L1) || is(name, "content-length"_L1)
        || is(name, "transfer-encoding"_L1);
}

/// Whether HTTP can send name as a header name (an RFC 9110 token): not a request line, nor a
/// name with spaces or colons, as some recorders write.
bool isHeaderName(const QString &name)
{
    static const QLatin1StringView marks("!#$%&'*+-.^_`|~");
    return std::all_of(name.cbegin(), name.cend(),
        [](QChar c) { return (c.unicode() < 0x80 && c.isLetterOrNumber()) || marks.contains(c); });
}

/// One name or value of an application/x-www-form-urlencoded body, decoded.
QString decode(QString part)
{
    part.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(part.toUtf8());
}

/// Form fields of an application/x-www-form-urlencoded body, decoded.
QList<KeyValue> decodeForm(const QString &text)
{
    QList<KeyValue> form;
    const QStringList pairs = text.split(u'&', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        form.append({decode(equals < 0 ? pair : pair.left(equals)),
            equals < 0 ? QString() : decode(pair.mid(equals + 1)), true, QString()});
    }
    return form;
}

class HarReader
{
public:
    HarReader(const QString &fileName, QStringList *skipped)
        : m_fileName(fileName)
        , m_r(fileName, skipped)
    { }

    bool read(const QJsonObject &root, Collection *out);
    ParseError error() const { return m_r.error(); }

private:
    bool readEntry(const QJsonObject &entry, const QString &place, CollectionItem *out,
        std::optional<QString> *host);
    bool readHeaders(const QJsonValue &value, const QString &place, QList<KeyValue> *out);
    bool readCookies(const QJsonValue &value, const QString &place, const QString &what,
        QList<KeyValue> *headers);
    bool readPostData(
        const QJsonValue &value, const QString &place, const QString &what, RequestItem *out);

    QString m_fileName;
    JsonReader m_r;
    QSet<QString> m_droppedNames; ///< header names HTTP cannot send, noted once each
};

/// A bare HAR request object, {"method", "url", "headers", ...}, which Insomnia also imports.
bool isBareRequest(const QJsonObject &root)
{
    return !root.contains("log"_L1) && root.value("method"_L1).isString()
        && root.value("url"_L1).isString()
        && (root.value("headers"_L1).isArray() || root.contains("httpVersion"_L1));
}

bool HarReader::read(const QJsonObject &root, Collection *out)
{
    if (isBareRequest(root)) {
        m_r.note(QString(), Tr::tr("a bare HAR request, read as the one entry of a HAR file"));
        const QJsonObject entry {{"request"_L1, root}};
        return read(
            QJsonObject {{"log"_L1, QJsonObject {{"entries"_L1, QJsonArray {entry}}}}}, out);
    }
    QJsonObject log;
    QJsonArray entries;
    if (!m_r.object(root.value("log"_L1), u"log"_s, &log))
        return false;
    if (!log.value("entries"_L1).isArray())
        return m_r.fail(u"log.entries"_s, Tr::tr("expected an array of entries"));
    entries = log.value("entries"_L1).toArray();

    const QJsonArray pages = log.value("pages"_L1).toArray();
    out->name = pages.isEmpty() ? QString()
                                : pages.first().toObject().value("title"_L1).toString().trimmed();
    if (out->name.isEmpty())
        out->name = QFileInfo(m_fileName).completeBaseName();
    if (out->name.isEmpty())
        out->name = Tr::tr("HAR import");
    const QJsonObject creator = log.value("creator"_L1).toObject();
    if (!creator.value("name"_L1).toString().isEmpty()) {
        out->description
            = Tr::tr("Recorded by %1 %2")
                  .arg(creator.value("name"_L1).toString(), creator.value("version"_L1).toString())
                  .trimmed();
    }

    QList<std::pair<QString, CollectionItem>> requests;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString place = element(u"log.entries"_s, i);
        QJsonObject entry;
        if (!m_r.object(entries.at(i), place, &entry))
            return false;
        CollectionItem item;
        std::optional<QString> host;
        if (!readEntry(entry, place, &item, &host))
            return false;
        if (host)
            requests.append({*host, item});
    }
    if (entries.isEmpty())
        m_r.note(QString(), Tr::tr("the HAR file has no entries"));

    // In the recorded order: a page's requests depend on each other (a login before the cart),
    // and a run sends the items in tree order, so grouping them by host would reorder them.
    for (const auto &[host, item] : std::as_const(requests))
        out->items.append(item);
    return true;
}

/// Fills *out from one entry; leaves *host empty when the entry is skipped.
bool HarReader::readEntry(const QJsonObject &entry, const QString &place, CollectionItem *out,
    std::optional<QString> *host)
{
    const QString requestPlace = field(place, "request"_L1);
    QJsonObject request;
    RequestItem &item = out->request;
    if (!m_r.object(entry.value("request"_L1), requestPlace, &request)
        || !m_r.text(request.value("method"_L1), field(requestPlace, "method"_L1), &item.method)
        || !m_r.text(request.value("url"_L1), field(requestPlace, "url"_L1), &item.url)) {
        return false;
    }
    if (item.url.isEmpty()) { // browsers record some (a blocked or aborted load) without one
        m_r.note(place, Tr::tr("the entry has no URL; skipped"));
        return true;
    }
    item.method = item.method.trimmed();
    if (item.method.isEmpty())
        return m_r.fail(field(requestPlace, "method"_L1), Tr::tr("expected a method such as GET"));

    const QUrl url(item.url);
    const QString path = url.path().isEmpty() ? u"/"_s : url.path();
    out->name = item.method + u' ' + path;
    const QString what = place + u" \""_s + out->name + u'"';
    const QString scheme = url.scheme().toLower();
    if (scheme != "http"_L1 && scheme != "https"_L1) {
        m_r.note(place, Tr::tr("%1 is not an HTTP request; skipped").arg(item.url.left(80)));
        return true;
    }
    if (!m_r.text(entry.value("comment"_L1), field(place, "comment"_L1), &out->description)
        || !readHeaders(
            request.value("headers"_L1), field(requestPlace, "headers"_L1), &item.headers)
        || !readCookies(
            request.value("cookies"_L1), field(requestPlace, "cookies"_L1), what, &item.headers)
        || !readPostData(
            request.value("postData"_L1), field(requestPlace, "postData"_L1), what, &item)) {
        return false;
    }
    *host = url.port() < 0 ? url.host() : url.host() + u':' + QString::number(url.port());
    return true;
}

bool HarReader::readHeaders(const QJsonValue &value, const QString &place, QList<KeyValue> *out)
{
    QJsonArray headers;
    if (!m_r.array(value, place, &headers))
        return false;
    qsizetype cookieRow = -1;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString headerPlace = element(place, i);
        QJsonObject object;
        KeyValue header;
        if (!m_r.object(headers.at(i), headerPlace, &object)
            || !m_r.text(object.value("name"_L1), field(headerPlace, "name"_L1), &header.key)
            || !m_r.text(object.value("value"_L1), field(headerPlace, "value"_L1), &header.value)) {
            return false;
        }
        if (header.key.isEmpty() || isWrittenByQt(header.key))
            continue;
        if (!isHeaderName(header.key)) {
            if (!m_droppedNames.contains(header.key))
                m_r.note(QString(),
                    Tr::tr("header \"%1\" left out: HTTP cannot send that name").arg(header.key));
            m_droppedNames.insert(header.key);
            continue;
        }
        // HTTP/2 may split cookies over several headers; Qt sends one of each name.
        if (is(header.key, "cookie"_L1) && cookieRow >= 0) {
            (*out)[cookieRow].value += u"; "_s + header.value;
            continue;
        }
        if (is(header.key, "cookie"_L1))
            cookieRow = out->size();
        out->append(header);
    }
    return true;
}

bool HarReader::readCookies(
    const QJsonValue &value, const QString &place, const QString &what, QList<KeyValue> *headers)
{
    QJsonArray cookies;
    if (!m_r.array(value, place, &cookies))
        return false;
    const bool hasCookieHeader = std::any_of(headers->cbegin(), headers->cend(),
        [](const KeyValue &h) { return is(h.key, "cookie"_L1); });
    if (hasCookieHeader || cookies.isEmpty())
        return true;
    QStringList pairs;
    for (qsizetype i = 0; i < cookies.size(); ++i) {
        const QString cookiePlace = element(place, i);
        QJsonObject cookie;
        QString name;
        QString cookieValue;
        if (!m_r.object(cookies.at(i), cookiePlace, &cookie)
            || !m_r.text(cookie.value("name"_L1), field(cookiePlace, "name"_L1), &name)
            || !m_r.text(cookie.value("value"_L1), field(cookiePlace, "value"_L1), &cookieValue)) {
            return false;
        }
        pairs.append(name + u'=' + cookieValue);
    }
    headers->append({u"Cookie"_s, pairs.join(u"; "_s), true, QString()});
    m_r.note(what, Tr::tr("Cookie header made from the recorded cookies"));
    return true;
}

bool HarReader::readPostData(
    const QJsonValue &value, const QString &place, const QString &what, RequestItem *out)
{
    if (value.isNull() || value.isUndefined())
        return true;
    QJsonObject postData;
    QString mimeType;
    QString bodyText;
    QJsonArray params;
    if (!m_r.object(value, place, &postData)
        || !m_r.text(postData.value("mimeType"_L1), field(place, "mimeType"_L1), &mimeType)
        || !m_r.text(postData.value("text"_L1), field(place, "text"_L1), &bodyText)
        || !m_r.array(postData.value("params"_L1), field(place, "params"_L1), &params)) {
        return false;
    }
    const QString encoding = postData.value("encoding"_L1).toString();
    if (!encoding.isEmpty()) { // not HAR 1.2, but some tools write base64 bodies so
        m_r.note(what, Tr::tr("body encoded as %1 not imported").arg(encoding));
        return true;
    }
    const QString type = mimeType.section(u';', 0, 0).trimmed().toLower();
    Body &body = out->body;

    if (type == "multipart/form-data"_L1 && !params.isEmpty()) {
        body.mode = Body::Mode::Multipart;
        for (qsizetype i = 0; i < params.size(); ++i) {
            const QString paramPlace = element(field(place, "params"_L1), i);
            QJsonObject param;
            FormPart part;
            QString fileName;
            if (!m_r.object(params.at(i), paramPlace, &param)
                || !m_r.text(param.value("name"_L1), field(paramPlace, "name"_L1), &part.name)
                || !m_r.text(param.value("value"_L1), field(paramPlace, "value"_L1), &part.value)
                || !m_r.text(
                    param.value("fileName"_L1), field(paramPlace, "fileName"_L1), &fileName)
                || !m_r.text(param.value("contentType"_L1), field(paramPlace, "contentType"_L1),
                    &part.contentType)) {
                return false;
            }
            if (!fileName.isEmpty()) {
                part.isFile = true;
                part.value = fileName;
                m_r.note(what,
                    Tr::tr("form part \"%1\" refers to the file \"%2\", whose content a HAR "
                           "does not hold")
                        .arg(part.name, fileName));
            }
            body.parts.append(part);
        }
        // The recorded boundary would not match the one Qt writes.
        out->headers.removeIf([](const KeyValue &h) { return is(h.key, "content-type"_L1); });
    } else if (type == "application/x-www-form-urlencoded"_L1 || !params.isEmpty()) {
        if (bodyText.isEmpty() && params.isEmpty())
            return true;
        body.mode = Body::Mode::FormUrlEncoded;
        if (!bodyText.isEmpty() && type == "application/x-www-form-urlencoded"_L1) {
            body.form = decodeForm(bodyText);
            return true;
        }
        for (qsizetype i = 0; i < params.size(); ++i) {
            const QString paramPlace = element(field(place, "params"_L1), i);
            QJsonObject param;
            KeyValue row;
            if (!m_r.object(params.at(i), paramPlace, &param)
                || !m_r.text(param.value("name"_L1), field(paramPlace, "name"_L1), &row.key)
                || !m_r.text(param.value("value"_L1), field(paramPlace, "value"_L1), &row.value)) {
                return false;
            }
            // Browsers record the fields as they were in the body, percent-encoded: the form
            // holds them decoded, or they would be encoded twice.
            body.form.append({decode(row.key), decode(row.value), true, QString()});
        }
    } else if (!bodyText.isEmpty()) {
        const bool json = type == "application/json"_L1 || type.endsWith("+json"_L1);
        body.mode = json ? Body::Mode::Json : Body::Mode::Raw;
        body.text = bodyText;
        body.contentType = json ? QString() : mimeType;
    } else if (type.startsWith("multipart/"_L1)) {
        m_r.note(what, Tr::tr("the multipart body was not recorded"));
    }
    return true;
}

} // namespace

bool looksLikeHar(const QJsonObject &root)
{
    return root.value("log"_L1).toObject().value("entries"_L1).isArray() || isBareRequest(root);
}

bool looksLikeHar(const QByteArray &json)
{
    return looksLikeHar(QJsonDocument::fromJson(json).object());
}

Parsed<Collection> importHar(const JsonDocument &document, QStringList *skipped)
{
    QStringList notes;
    HarReader reader(document.fileName, &notes);
    Collection collection;
    if (!reader.read(document.root, &collection))
        return reader.error();
    if (skipped)
        skipped->append(notes);
    return collection;
}

Parsed<Collection> importHar(const QByteArray &json, const QString &fileName, QStringList *skipped)
{
    Parsed<JsonDocument> document
        = parseJsonDocument(json, fileName, Tr::tr("expected a JSON object with a \"log\""));
    if (!document)
        return document.error();
    return importHar(document.value(), skipped);
}
