// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace Dest
{
class DatabricksClient;

/// One catalog, schema or volume as a Unity Catalog listing names it.
struct CatalogItem
{
    QString name;
    QString fullName;   ///< "c", "c.s", "c.s.v"
    QString volumeType; ///< volumes: MANAGED | EXTERNAL
    bool browseOnly = false;
};

/// Whether the caller may write files into a volume, read from effective permissions.
struct VolumeAccess
{
    bool writable = false;
    QStringList missing; ///< what is missing, e.g. "WRITE VOLUME on c.s.v", "USE SCHEMA on c.s"
    /// A translated sentence saying why the volume cannot be written; empty when writable.
    [[nodiscard]] QString reason() const;

    /// Writing files needs WRITE VOLUME on the volume with USE CATALOG and USE SCHEMA (databricks-wave2.md §3,
    /// docs volumes/privileges); ALL_PRIVILEGES stands for each. The lists are the privilege names the
    /// effective-permissions API gave for the catalog, the schema and the volume.
    [[nodiscard]] static VolumeAccess from(const QString &volumeFullName, const QStringList &catalogPrivileges,
                                           const QStringList &schemaPrivileges, const QStringList &volumePrivileges);
};

/**
 * Unity Catalog browsing for the destination picker, over a workspace's DatabricksClient (its queue, retries
 * and one token refresh): catalogs → schemas → volumes, each listing paged with max_results=0 until the
 * next_page_token disappears (a page may be empty and still carry one: databricks-wave2.md §3), the caller's
 * effective permissions on a volume, and creating a MANAGED volume.
 *
 * Every call is asynchronous; `done` runs once on this object's thread, and never after `context` died.
 * Effective permissions are asked for the signed-in principal (GET /api/2.0/preview/scim/v2/Me, once);
 * a catalog's and a schema's privileges are asked once and kept.
 */
class UnityCatalog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnityCatalog)

public:
    using Listed = std::function<void(const Net::Error &error, const QList<CatalogItem> &items)>;
    using AccessDone = std::function<void(const Net::Error &error, const VolumeAccess &access)>;
    using Created = std::function<void(const Net::Error &error, const CatalogItem &volume)>;

    /// `client` must outlive this object.
    explicit UnityCatalog(DatabricksClient *client, QObject *parent = nullptr);
    ~UnityCatalog() override;

    void listCatalogs(QObject *context, Listed done);
    void listSchemas(const QString &catalog, QObject *context, Listed done);
    void listVolumes(const QString &catalog, const QString &schema, QObject *context, Listed done);
    void volumeAccess(const QString &catalog, const QString &schema, const QString &volume, QObject *context,
                      AccessDone done);
    /// POST /api/2.1/unity-catalog/volumes: a MANAGED volume.
    void createVolume(const QString &catalog, const QString &schema, const QString &name, QObject *context,
                      Created done);

    /// "/Volumes/c/s/v" plus "/folder" when `folder` (slashes trimmed) is not empty.
    [[nodiscard]] static QString volumePath(const QString &catalog, const QString &schema, const QString &volume,
                                            const QString &folder = {});

    [[nodiscard]] int pagesRead() const { return m_pagesRead; } ///< listing pages fetched so far (empty ones too)

private:
    using Privileges = std::function<void(const Net::Error &error, const QStringList &privileges)>;
    void listAll(const QByteArray &apiPath, const QByteArray &query, const QString &key, QObject *context,
                 Listed done);
    void nextPage(const QByteArray &apiPath, const QByteArray &query, const QString &key, const QString &token,
                  QList<CatalogItem> items, QObject *context, Listed done);
    void principal(std::function<void(const Net::Error &error)> done);
    void privileges(const QString &type, const QString &fullName, bool keep, Privileges done);

    QPointer<DatabricksClient> m_client;
    QString m_principal;
    QHash<QString, QStringList> m_kept; ///< "catalog:c" / "schema:c.s" → privileges
    int m_pagesRead = 0;
};

} // namespace Dest
