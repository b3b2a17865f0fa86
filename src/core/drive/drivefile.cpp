// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/drivefile.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Drive
{
namespace
{
// int64 fields arrive as JSON strings; accept numbers too (some fakes send them).
qint64 int64Field(const QJsonValue &value, qint64 fallback)
{
    if (value.isString())
    {
        bool ok = false;
        const qint64 n = value.toString().toLongLong(&ok);
        return ok ? n : fallback;
    }
    if (value.isDouble())
        return qint64(value.toDouble());
    return fallback;
}

QDateTime timeField(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}
} // namespace

bool DriveFile::isFolder() const
{
    return mimeType == QLatin1StringView(FolderMime);
}

bool DriveFile::isShortcut() const
{
    return mimeType == QLatin1StringView(ShortcutMime);
}

bool DriveFile::isGoogleApp() const
{
    return mimeType.startsWith(QLatin1StringView(GoogleAppsPrefix)) && !isFolder() && !isShortcut();
}

DriveFile DriveFile::fromJson(const QJsonObject &o)
{
    DriveFile f;
    f.id = o.value(u"id"_s).toString();
    f.name = o.value(u"name"_s).toString();
    f.mimeType = o.value(u"mimeType"_s).toString();
    f.size = int64Field(o.value(u"size"_s), -1);
    f.md5Checksum = o.value(u"md5Checksum"_s).toString();
    f.sha256Checksum = o.value(u"sha256Checksum"_s).toString();
    f.headRevisionId = o.value(u"headRevisionId"_s).toString();
    f.version = int64Field(o.value(u"version"_s), -1);
    for (const QJsonValue &p : o.value(u"parents"_s).toArray())
        f.parents.append(p.toString());
    f.driveId = o.value(u"driveId"_s).toString();
    f.resourceKey = o.value(u"resourceKey"_s).toString();
    f.trashed = o.value(u"trashed"_s).toBool(false);
    const QJsonValue canDownload = o.value(u"capabilities"_s).toObject().value(u"canDownload"_s);
    f.canDownload = canDownload.isBool() ? canDownload.toBool() : true;
    f.createdTime = timeField(o.value(u"createdTime"_s));
    f.modifiedTime = timeField(o.value(u"modifiedTime"_s));
    const QJsonObject shortcut = o.value(u"shortcutDetails"_s).toObject();
    f.shortcutTargetId = shortcut.value(u"targetId"_s).toString();
    f.shortcutTargetMimeType = shortcut.value(u"targetMimeType"_s).toString();
    f.shortcutTargetResourceKey = shortcut.value(u"targetResourceKey"_s).toString();
    const QJsonObject links = o.value(u"exportLinks"_s).toObject();
    for (auto it = links.begin(); it != links.end(); ++it)
        f.exportLinks.insert(it.key(), it.value().toString());
    // Google app files may report a size that is not their export size: never trust it for verification.
    if (f.isGoogleApp() || f.isFolder() || f.isShortcut())
        f.size = -1;
    return f;
}

QString DriveFile::fieldsMask()
{
    return u"id,name,mimeType,size,md5Checksum,sha256Checksum,headRevisionId,version,parents,driveId,resourceKey,trashed,"
           "capabilities/canDownload,createdTime,modifiedTime,shortcutDetails,exportLinks"_s;
}

} // namespace Drive
