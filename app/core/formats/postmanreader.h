// The walk over a Postman collection or environment that postmanimport, postmanurl and
// postmanbody share (internal to core/formats).
#pragma once

#include "core/base/jsonreader.h"
#include "core/model/collection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// Walks a collection, stopping at the first error; everything it leaves out goes to the notes.
class PostmanReader
{
public:
    PostmanReader(const QString &fileName, QStringList *skipped)
        : m_fileName(fileName)
        , m_r(fileName, skipped)
    { }

    bool readCollection(const QJsonObject &root, Collection *out);
    bool readEnvironment(const QJsonObject &root, Environment *out);
    ParseError error() const { return m_r.error(); }

private:
    bool readItems(const QJsonValue &value, const QString &place, const QString &folderPath,
        QList<CollectionItem> *out);
    bool readItem(const QJsonObject &item, const QString &place, const QString &folderPath,
        CollectionItem *out);
    bool readRequest(const QJsonValue &value, const QString &place, const QString &what,
        RequestItem *out, QString *description);
    bool readUrl(
        const QJsonValue &value, const QString &place, const QString &what, RequestItem *out);
    bool urlFromParts(const QJsonObject &url, const QString &place, QString *out);
    bool readHeaders(const QJsonValue &value, const QString &place, QList<KeyValue> *out);
    bool readKeyValues(const QJsonValue &value, const QString &place, QList<KeyValue> *out);
    bool readBody(const QJsonValue &value, const QString &place, const QString &what, Body *out);
    bool readFormData(
        const QJsonValue &value, const QString &place, const QString &what, QList<FormPart> *out);
    bool readGraphQl(
        const QJsonObject &graphql, const QString &place, const QString &what, Body *out);
    bool readAuth(const QJsonValue &value, const QString &place, const QString &what, Auth *out);
    bool readVariables(const QJsonValue &value, const QString &place, QList<Variable> *out);
    bool readDescription(const QJsonValue &value, const QString &place, QString *out);
    /// Notes the scripts Rafaga does not run; a request's test script (request given) is
    /// translated into its captures and assertions where it can be, the rest noted by line.
    void noteScripts(const QJsonValue &events, const QString &what, RequestItem *request = nullptr);
    void noteBehavior(const QJsonObject &object, const QString &what);
    void pruneBody(const QJsonObject &item, const QString &what, RequestItem *request);

    QString m_fileName;
    JsonReader m_r;
};
