// SPDX-License-Identifier: GPL-3.0-or-later
#include "unitycatalog.h"

#include "databricksclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("Dest::UnityCatalog", text);
}

QByteArray encoded(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

Net::Error malformed(const QString &what)
{
    Net::Error e;
    e.errorClass = Net::ErrorClass::Permanent;
    e.reason = u"malformedResponse"_s;
    e.message = tr("Unity Catalog answered %1 with something that is not the expected JSON.").arg(what);
    return e;
}

CatalogItem itemOf(const QJsonObject &o)
{
    CatalogItem item;
    item.name = o.value(u"name"_s).toString();
    item.fullName = o.value(u"full_name"_s).toString();
    item.volumeType = o.value(u"volume_type"_s).toString();
    item.browseOnly = o.value(u"browse_only"_s).toBool();
    return item;
}

/// Runs `done` only while `context` lives (a null context: always).
template<typename... Args>
std::function<void(Args...)> guarded(QObject *context, std::function<void(Args...)> done)
{
    const bool hasContext = context != nullptr;
    return [guard = QPointer<QObject>(context), hasContext, done = std::move(done)](Args... args) {
        if (!hasContext || guard)
            done(args...);
    };
}
} // namespace

QString VolumeAccess::reason() const
{
    if (writable)
        return {};
    return tr("You cannot write into this volume: %1 missing.").arg(missing.join(u", "_s));
}

VolumeAccess VolumeAccess::from(const QString &volumeFullName, const QStringList &catalogPrivileges,
                                const QStringList &schemaPrivileges, const QStringList &volumePrivileges)
{
    const auto has = [](const QStringList &list, const QString &privilege) {
        // The API names privileges with underscores; older answers and docs use spaces.
        for (const QString &p : list)
        {
            const QString name = p.trimmed().toUpper().replace(u' ', u'_');
            if (name == privilege || name == u"ALL_PRIVILEGES")
                return true;
        }
        return false;
    };
    const QStringList parts = volumeFullName.split(u'.');
    const QString catalog = parts.value(0);
    const QString schema = parts.mid(0, 2).join(u'.');
    VolumeAccess access;
    if (!has(volumePrivileges, u"WRITE_VOLUME"_s))
        access.missing.append(tr("WRITE VOLUME on %1").arg(volumeFullName));
    if (!has(catalogPrivileges, u"USE_CATALOG"_s))
        access.missing.append(tr("USE CATALOG on %1").arg(catalog));
    if (!has(schemaPrivileges, u"USE_SCHEMA"_s))
        access.missing.append(tr("USE SCHEMA on %1").arg(schema));
    access.writable = access.missing.isEmpty();
    return access;
}

UnityCatalog::UnityCatalog(DatabricksClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

UnityCatalog::~UnityCatalog() = default;

QString UnityCatalog::volumePath(const QString &catalog, const QString &schema, const QString &volume,
                                 const QString &folder)
{
    QString path = u"/Volumes/%1/%2/%3"_s.arg(catalog, schema, volume);
    QString rest = folder.trimmed();
    while (rest.startsWith(u'/'))
        rest.remove(0, 1);
    while (rest.endsWith(u'/'))
        rest.chop(1);
    if (!rest.isEmpty())
        path += u'/' + rest;
    return path;
}

void UnityCatalog::listCatalogs(QObject *context, Listed done)
{
    listAll("/api/2.1/unity-catalog/catalogs"_ba, {}, u"catalogs"_s, context, std::move(done));
}

void UnityCatalog::listSchemas(const QString &catalog, QObject *context, Listed done)
{
    listAll("/api/2.1/unity-catalog/schemas"_ba, "catalog_name="_ba + encoded(catalog), u"schemas"_s, context,
            std::move(done));
}

void UnityCatalog::listVolumes(const QString &catalog, const QString &schema, QObject *context, Listed done)
{
    listAll("/api/2.1/unity-catalog/volumes"_ba,
            "catalog_name="_ba + encoded(catalog) + "&schema_name="_ba + encoded(schema), u"volumes"_s, context,
            std::move(done));
}

void UnityCatalog::listAll(const QByteArray &apiPath, const QByteArray &query, const QString &key, QObject *context,
                           Listed done)
{
    nextPage(apiPath, query, key, {}, {}, context, guarded(context, std::move(done)));
}

void UnityCatalog::nextPage(const QByteArray &apiPath, const QByteArray &query, const QString &key,
                            const QString &token, QList<CatalogItem> items, QObject *context, Listed done)
{
    if (!m_client)
        return;
    // max_results=0: the server's own page size, as the SDKs send it (§3).
    QByteArray q = query + (query.isEmpty() ? "" : "&") + "max_results=0";
    if (!token.isEmpty())
        q += "&page_token=" + encoded(token);
    m_client->call("GET"_ba, m_client->url(apiPath, q), {}, {}, this,
                   [this, apiPath, query, key, token, items, context, done](const Net::Error &error,
                                                                      const DatabricksResponse &response) mutable {
        if (error.isError())
            return done(error, {});
        ++m_pagesRead;
        const QJsonDocument doc = QJsonDocument::fromJson(response.body);
        if (!doc.isObject())
            return done(malformed(QString::fromLatin1(apiPath)), {});
        // A page may hold no items (the list is then absent) and still go on: only a missing token ends it.
        for (const QJsonValue &v : doc.object().value(key).toArray())
            items.append(itemOf(v.toObject()));
        const QString next = doc.object().value(u"next_page_token"_s).toString();
        if (next.isEmpty())
            return done({}, items);
        if (next == token) // a server repeating its token would keep us here forever
            return done(malformed(QString::fromLatin1(apiPath)), {});
        nextPage(apiPath, query, key, next, std::move(items), context, std::move(done));
    });
}

void UnityCatalog::principal(std::function<void(const Net::Error &error)> done)
{
    if (!m_principal.isEmpty() || !m_client)
        return done({});
    m_client->call("GET"_ba, m_client->url("/api/2.0/preview/scim/v2/Me"_ba), {}, {}, this,
                   [this, done](const Net::Error &error, const DatabricksResponse &response) {
        if (error.isError())
            return done(error);
        m_principal = QJsonDocument::fromJson(response.body).object().value(u"userName"_s).toString();
        done(m_principal.isEmpty() ? malformed(u"/scim/v2/Me"_s) : Net::Error {});
    });
}

void UnityCatalog::privileges(const QString &type, const QString &fullName, bool keep, Privileges done)
{
    const QString cacheKey = type + u':' + fullName;
    if (keep && m_kept.contains(cacheKey))
        return done({}, m_kept.value(cacheKey));
    principal([this, type, fullName, keep, cacheKey, done](const Net::Error &error) {
        if (error.isError() || !m_client)
            return done(error, {});
        const QByteArray path = "/api/2.1/unity-catalog/effective-permissions/"_ba + type.toLatin1() + '/'
                                + encoded(fullName);
        m_client->call("GET"_ba, m_client->url(path, "principal="_ba + encoded(m_principal)), {}, {}, this,
                       [this, keep, cacheKey, done](const Net::Error &error, const DatabricksResponse &response) {
            if (error.isError())
                return done(error, {});
            QStringList privileges;
            const QJsonArray assignments
                = QJsonDocument::fromJson(response.body).object().value(u"privilege_assignments"_s).toArray();
            for (const QJsonValue &a : assignments)
            {
                if (a.toObject().value(u"principal"_s).toString() != m_principal)
                    continue;
                for (const QJsonValue &p : a.toObject().value(u"privileges"_s).toArray())
                    privileges.append(p.toObject().value(u"privilege"_s).toString());
            }
            if (keep)
                m_kept.insert(cacheKey, privileges);
            done({}, privileges);
        });
    });
}

void UnityCatalog::volumeAccess(const QString &catalog, const QString &schema, const QString &volume,
                                QObject *context, AccessDone done)
{
    const AccessDone finish = guarded(context, std::move(done));
    const QString schemaName = catalog + u'.' + schema;
    const QString volumeName = schemaName + u'.' + volume;
    // Three answers, asked one after the other (the catalog's and the schema's are kept for the next volume).
    privileges(u"catalog"_s, catalog, true, [=, this](const Net::Error &error, const QStringList &catalogPrivileges) {
        if (error.isError())
            return finish(error, {});
        privileges(u"schema"_s, schemaName, true,
                   [=, this](const Net::Error &error, const QStringList &schemaPrivileges) {
            if (error.isError())
                return finish(error, {});
            privileges(u"volume"_s, volumeName, false,
                       [=](const Net::Error &error, const QStringList &volumePrivileges) {
                if (error.isError())
                    return finish(error, {});
                finish({}, VolumeAccess::from(volumeName, catalogPrivileges, schemaPrivileges, volumePrivileges));
            });
        });
    });
}

void UnityCatalog::createVolume(const QString &catalog, const QString &schema, const QString &name,
                                QObject *context, Created done)
{
    const Created finish = guarded(context, std::move(done));
    if (!m_client)
        return;
    const QJsonObject body {{u"catalog_name"_s, catalog},
                            {u"schema_name"_s, schema},
                            {u"name"_s, name.trimmed()},
                            {u"volume_type"_s, u"MANAGED"_s}};
    m_client->call("POST"_ba, m_client->url("/api/2.1/unity-catalog/volumes"_ba),
                   QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json"_ba, this,
                   [finish](const Net::Error &error, const DatabricksResponse &response) {
        if (error.isError())
            return finish(error, {});
        const QJsonDocument doc = QJsonDocument::fromJson(response.body);
        if (!doc.isObject() || doc.object().value(u"name"_s).toString().isEmpty())
            return finish(malformed(u"POST volumes"_s), {});
        finish({}, itemOf(doc.object()));
    });
}

} // namespace Dest
