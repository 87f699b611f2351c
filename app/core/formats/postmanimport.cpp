// Reads Postman collections v2.0 and v2.1 and environment files into the collection model.
#include "core/formats/postmanimport.h"

#include "core/formats/postmanreader.h"
#include "core/formats/postmanscripts.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <optional>

using namespace Qt::StringLiterals;

using JsonPath::element;
using JsonPath::field;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PostmanImport)
};

/// The base name of the file without Postman's ".postman_collection" style suffixes.
QString nameFromFile(const QString &fileName)
{
    QString name = QFileInfo(fileName).completeBaseName();
    for (const auto suffix :
        {".postman_collection"_L1, ".postman_environment"_L1, ".postman_globals"_L1}) {
        if (name.endsWith(suffix, Qt::CaseInsensitive))
            name.chop(suffix.size());
    }
    return name;
}

/// Postman (and newman) send "Accept: */*" with a request that names no Accept of its own,
/// unless its protocolProfileBehavior turns that system header off: the request gets it as a
/// header, so that it is seen and sent.
void addSystemAccept(const QJsonObject &item, RequestItem *request)
{
    const bool disabled = item.value("protocolProfileBehavior"_L1)
                              .toObject()
                              .value("disabledSystemHeaders"_L1)
                              .toObject()
                              .value("accept"_L1)
                              .toBool();
    const bool named
        = std::any_of(request->headers.cbegin(), request->headers.cend(), [](const KeyValue &h) {
              return h.enabled && h.key.compare("accept"_L1, Qt::CaseInsensitive) == 0;
          });
    if (!disabled && !named)
        request->headers.append(KeyValue {u"Accept"_s, u"*/*"_s, true, {}});
}

} // namespace

/// newman sends no body with a GET (nor HEAD, COPY, UNLOCK, UNLINK, PURGE, LINK, VIEW) unless
/// the request's protocolProfileBehavior says disableBodyPruning: the import leaves it out too.
void PostmanReader::pruneBody(const QJsonObject &item, const QString &what, RequestItem *request)
{
    static const QStringList pruned = {
        u"GET"_s, u"HEAD"_s, u"COPY"_s, u"UNLOCK"_s, u"UNLINK"_s, u"PURGE"_s, u"LINK"_s, u"VIEW"_s};
    const bool keep = item.value("protocolProfileBehavior"_L1)
                          .toObject()
                          .value("disableBodyPruning"_L1)
                          .toBool();
    if (keep || request->body.mode == Body::Mode::None
        || !pruned.contains(request->method.toUpper()))
        return;
    request->body = Body();
    m_r.note(what,
        Tr::tr("the body of a %1 is not sent, as in Postman (protocolProfileBehavior."
               "disableBodyPruning would send it)")
            .arg(request->method));
}

bool PostmanReader::readCollection(const QJsonObject &root, Collection *out)
{
    if (!root.contains("info"_L1) && root.value("requests"_L1).isArray()) {
        return m_r.fail(QString(),
            Tr::tr("this is a Postman collection in format v1, which is not "
                   "supported; export it from Postman as Collection v2.1"));
    }
    const QJsonValue infoValue = root.value("info"_L1);
    if (!JsonReader::isAbsent(infoValue) && !infoValue.isObject())
        return m_r.fail(u"info"_s, Tr::tr("expected an object"));
    const QJsonObject info = infoValue.toObject();
    if (!m_r.text(info.value("name"_L1), u"info.name"_s, &out->name)
        || !readDescription(
            info.value("description"_L1), u"info.description"_s, &out->description)) {
        return false;
    }
    if (out->name.isEmpty())
        out->name = nameFromFile(m_fileName);
    const QString what = Tr::tr("collection");
    if (!readVariables(root.value("variable"_L1), u"variable"_s, &out->variables)
        || !readAuth(root.value("auth"_L1), u"auth"_s, what, &out->auth)) {
        return false;
    }
    noteScripts(root.value("event"_L1), what);
    noteBehavior(root, what);
    return readItems(root.value("item"_L1), u"item"_s, QString(), &out->items);
}

bool PostmanReader::readItems(const QJsonValue &value, const QString &place,
    const QString &folderPath, QList<CollectionItem> *out)
{
    QJsonArray items;
    if (!m_r.array(value, place, &items))
        return false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPlace = element(place, i);
        if (!items.at(i).isObject())
            return m_r.fail(itemPlace, Tr::tr("expected an object (a request or a folder)"));
        CollectionItem item;
        if (!readItem(items.at(i).toObject(), itemPlace, folderPath, &item))
            return false;
        out->append(std::move(item));
    }
    return true;
}

bool PostmanReader::readItem(
    const QJsonObject &item, const QString &place, const QString &folderPath, CollectionItem *out)
{
    if (!m_r.text(item.value("name"_L1), field(place, "name"_L1), &out->name))
        return false;
    const QString path = folderPath.isEmpty() ? out->name : folderPath + u'/' + out->name;

    if (!JsonReader::isAbsent(item.value("item"_L1))) {
        out->kind = CollectionItem::Kind::Folder;
        const QString what = Tr::tr("folder \"%1\"").arg(path);
        if (!readDescription(
                item.value("description"_L1), field(place, "description"_L1), &out->description)
            || !readVariables(
                item.value("variable"_L1), field(place, "variable"_L1), &out->variables)
            || !readAuth(item.value("auth"_L1), field(place, "auth"_L1), what, &out->folderAuth)) {
            return false;
        }
        noteScripts(item.value("event"_L1), what);
        noteBehavior(item, what);
        return readItems(item.value("item"_L1), field(place, "item"_L1), path, &out->children);
    }

    if (JsonReader::isAbsent(item.value("request"_L1))) {
        return m_r.fail(place,
            Tr::tr("expected a \"request\" (for a request) or an \"item\" array (for a "
                   "folder)"));
    }
    out->kind = CollectionItem::Kind::Request;
    const QString what = Tr::tr("request \"%1\"").arg(path);
    if (!readRequest(item.value("request"_L1), field(place, "request"_L1), what, &out->request,
            &out->description)) {
        return false;
    }
    if (out->description.isEmpty()
        && !readDescription(
            item.value("description"_L1), field(place, "description"_L1), &out->description)) {
        return false;
    }
    noteScripts(item.value("event"_L1), what, &out->request);
    noteBehavior(item, what);
    addSystemAccept(item, &out->request);
    pruneBody(item, what, &out->request);
    const QJsonValue variables = item.value("variable"_L1);
    if (variables.isArray() && !variables.toArray().isEmpty())
        m_r.note(what, Tr::tr("request variables not imported"));
    const QJsonValue responses = item.value("response"_L1);
    if (responses.isArray() && !responses.toArray().isEmpty())
        m_r.note(what,
            Tr::tr("%n saved example response(s) not imported", nullptr,
                int(responses.toArray().size())));
    return true;
}

bool PostmanReader::readRequest(const QJsonValue &value, const QString &place, const QString &what,
    RequestItem *out, QString *description)
{
    if (value.isString())
        return readUrl(value, place, what, out);
    if (!value.isObject())
        return m_r.fail(place, Tr::tr("expected a string or an object"));
    const QJsonObject request = value.toObject();
    if (!m_r.text(request.value("method"_L1), field(place, "method"_L1), &out->method))
        return false;
    out->method = out->method.trimmed();
    if (out->method.isEmpty())
        out->method = u"GET"_s;
    if (!readUrl(request.value("url"_L1), field(place, "url"_L1), what, out)
        || !readHeaders(request.value("header"_L1), field(place, "header"_L1), &out->headers)
        || !readBody(request.value("body"_L1), field(place, "body"_L1), what, &out->body)
        || !readAuth(request.value("auth"_L1), field(place, "auth"_L1), what, &out->auth)
        || !readDescription(
            request.value("description"_L1), field(place, "description"_L1), description)) {
        return false;
    }
    // Postman sends no body (and no Content-Type) for an empty one: nothing is lost by leaving
    // it out, where keeping it would send a Content-Type newman does not.
    const Body &body = out->body;
    if (((body.mode == Body::Mode::Raw || body.mode == Body::Mode::Json) && body.text.isEmpty())
        || (body.mode == Body::Mode::FormUrlEncoded && body.form.isEmpty())
        || (body.mode == Body::Mode::Multipart && body.parts.isEmpty())) {
        out->body = Body();
    }
    if (!JsonReader::isAbsent(request.value("proxy"_L1)))
        m_r.note(what, Tr::tr("proxy settings not imported"));
    if (!JsonReader::isAbsent(request.value("certificate"_L1)))
        m_r.note(what, Tr::tr("client certificate not imported"));
    return true;
}

bool PostmanReader::readVariables(
    const QJsonValue &value, const QString &place, QList<Variable> *out)
{
    QJsonArray rows;
    if (!m_r.array(value, place, &rows))
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPlace = element(place, i);
        if (!rows.at(i).isObject())
            return m_r.fail(rowPlace, Tr::tr("expected an object with \"key\" and \"value\""));
        const QJsonObject row = rows.at(i).toObject();
        Variable variable;
        const QJsonValue key = row.contains("key"_L1) ? row.value("key"_L1) : row.value("id"_L1);
        if (!m_r.text(key, field(rowPlace, "key"_L1), &variable.name))
            return false;
        const QJsonValue variableValue = row.value("value"_L1);
        if (variableValue.isObject() || variableValue.isArray()) { // type "any"
            const QJsonDocument document = variableValue.isObject()
                ? QJsonDocument(variableValue.toObject())
                : QJsonDocument(variableValue.toArray());
            variable.value = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
        } else {
            variable.value = JsonReader::scalarText(variableValue).value_or(QString());
        }
        // Collections write "disabled"; environments write "enabled".
        variable.enabled
            = !row.value("disabled"_L1).toBool() && row.value("enabled"_L1).toBool(true);
        variable.secret = row.value("type"_L1).toString() == "secret"_L1;
        out->append(variable);
    }
    return true;
}

bool PostmanReader::readDescription(const QJsonValue &value, const QString &place, QString *out)
{
    if (value.isObject()) // {"content": ..., "type": "text/markdown"}
        return m_r.text(value.toObject().value("content"_L1), field(place, "content"_L1), out);
    if (!JsonReader::scalarText(value))
        return m_r.fail(place, Tr::tr("expected a string or an object with \"content\""));
    *out = *JsonReader::scalarText(value);
    return true;
}

void PostmanReader::noteScripts(const QJsonValue &events, const QString &what, RequestItem *request)
{
    const QJsonArray list = events.toArray();
    for (const QJsonValue &event : list) {
        const QJsonObject script = event.toObject().value("script"_L1).toObject();
        const QJsonValue exec = script.value("exec"_L1);
        QStringList lines = exec.toString().split(u'\n');
        if (exec.isArray()) {
            lines.clear();
            for (const QJsonValue &line : exec.toArray())
                lines += line.toString().split(u'\n');
        }
        // Postman writes empty scripts ([""]) for every request it has opened.
        if (lines.join(QString()).trimmed().isEmpty() && !script.contains("src"_L1))
            continue;
        const QString listen = event.toObject().value("listen"_L1).toString();
        if (listen == "test"_L1 && request) {
            // The common idioms become captures and assertions; the rest is named, line by line.
            const PostmanScriptTranslation translated = translatePostmanTestScript(lines);
            request->captures += translated.captures;
            request->assertions += translated.assertions;
            for (const auto &[line, text] : translated.untranslated)
                m_r.note(what,
                    Tr::tr("test script line %1 not translated: %2").arg(line).arg(text.left(120)));
        } else if (listen == "prerequest"_L1) {
            m_r.note(what, Tr::tr("pre-request script not imported"));
        } else if (listen == "test"_L1) {
            m_r.note(what, Tr::tr("test script not imported"));
        } else {
            m_r.note(what, Tr::tr("\"%1\" script not imported").arg(listen));
        }
    }
}

void PostmanReader::noteBehavior(const QJsonObject &object, const QString &what)
{
    QJsonObject behavior = object.value("protocolProfileBehavior"_L1).toObject();
    // What the import carries over: body pruning, and the system Accept header turned off.
    behavior.remove("disableBodyPruning"_L1);
    QJsonObject systemHeaders = behavior.value("disabledSystemHeaders"_L1).toObject();
    systemHeaders.remove("accept"_L1);
    if (systemHeaders.isEmpty())
        behavior.remove("disabledSystemHeaders"_L1);
    if (!behavior.isEmpty()) {
        m_r.note(what,
            Tr::tr("protocol profile behavior (%1) not imported")
                .arg(behavior.keys().join(u", "_s)));
    }
}

bool PostmanReader::readEnvironment(const QJsonObject &root, Environment *out)
{
    if (root.value("info"_L1).isObject() && root.value("item"_L1).isArray())
        return m_r.fail(QString(), Tr::tr("this is a Postman collection, not an environment"));
    if (!root.value("values"_L1).isArray())
        return m_r.fail(
            u"values"_s, Tr::tr("expected an array of variables (a Postman environment)"));
    if (!m_r.text(root.value("name"_L1), u"name"_s, &out->name))
        return false;
    if (out->name.isEmpty())
        out->name = nameFromFile(m_fileName);
    return readVariables(root.value("values"_L1), u"values"_s, &out->variables);
}

bool looksLikePostmanCollection(const QJsonObject &root)
{
    const QJsonValue info = root.value("info"_L1);
    // newman runs a collection without "info" too: the item array is enough.
    return info.toObject().value("schema"_L1).toString().contains("getpostman.com"_L1)
        || ((info.isObject() || JsonReader::isAbsent(info)) && root.value("item"_L1).isArray());
}

bool looksLikePostmanCollection(const QByteArray &json)
{
    return looksLikePostmanCollection(QJsonDocument::fromJson(json).object());
}

bool looksLikePostmanEnvironment(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    return root.value("values"_L1).isArray() && !root.contains("info"_L1)
        && !root.contains("log"_L1);
}

namespace {
bool capturesAnything(const QList<CollectionItem> &items)
{
    return std::any_of(items.cbegin(), items.cend(), [](const CollectionItem &item) {
        return !item.request.captures.isEmpty() || capturesAnything(item.children);
    });
}
} // namespace

Parsed<Collection> importPostmanCollection(const JsonDocument &document, QStringList *skipped)
{
    // Notes go out only with a successful import, so a caller never sees half a list.
    QStringList notes;
    PostmanReader reader(document.fileName, &notes);
    Collection collection;
    if (!reader.readCollection(document.root, &collection))
        return reader.error();
    // Its scripts pass values from request to request, and Postman's runner sends one at a time:
    // such a collection may also rely on side effects (register, then log in) that no captured
    // value shows, so each row keeps that order; the rows still run concurrently.
    if (capturesAnything(collection.items)) {
        collection.run.rowOrder = true;
        notes.append(Tr::tr("collection: its test scripts set variables for later requests, so "
                            "each data row's requests run one after another, as in Postman, and "
                            "the rows concurrently (Order in the run panel, or --order, changes "
                            "it)"));
    }
    if (skipped)
        skipped->append(notes);
    return collection;
}

Parsed<Collection> importPostmanCollection(
    const QByteArray &json, const QString &fileName, QStringList *skipped)
{
    Parsed<JsonDocument> document
        = parseJsonDocument(json, fileName, Tr::tr("expected a JSON object at the top"));
    if (!document)
        return document.error();
    return importPostmanCollection(document.value(), skipped);
}

Parsed<Environment> importPostmanEnvironment(const QByteArray &json, const QString &fileName)
{
    Parsed<JsonDocument> document
        = parseJsonDocument(json, fileName, Tr::tr("expected a JSON object at the top"));
    if (!document)
        return document.error();
    PostmanReader reader(fileName, nullptr);
    Environment environment;
    if (!reader.readEnvironment(document.value().root, &environment))
        return reader.error();
    return environment;
}
