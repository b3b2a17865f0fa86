// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Drive
{
inline constexpr auto FolderMime = "application/vnd.google-apps.folder";
inline constexpr auto ShortcutMime = "application/vnd.google-apps.shortcut";
inline constexpr auto GoogleAppsPrefix = "application/vnd.google-apps.";

/// One Drive file resource, as far as ingest needs it (google-drive-api.md §3).
struct DriveFile
{
    QString id;
    QString name;
    QString mimeType;
    qint64 size = -1; ///< -1: no size (folders, shortcuts, Google Docs)
    QString md5Checksum;
    QString sha256Checksum;
    QString headRevisionId; ///< blobs: the current revision (issue 11: a journal row is of one revision)
    qint64 version = -1;    ///< rises on any change; a Google file's revision for the journal
    QStringList parents;
    QString driveId; ///< shared-drive items only
    QString resourceKey;
    bool trashed = false;
    bool canDownload = true;
    QDateTime createdTime;
    QDateTime modifiedTime;
    QString shortcutTargetId;
    QString shortcutTargetMimeType;
    QString shortcutTargetResourceKey;
    QMap<QString, QString> exportLinks; ///< export mime type -> URL

    [[nodiscard]] bool isFolder() const;
    [[nodiscard]] bool isShortcut() const;
    /// Docs, Sheets, Slides, Drawings, Forms…: no bytes of their own, exported if at all.
    [[nodiscard]] bool isGoogleApp() const;

    [[nodiscard]] static DriveFile fromJson(const QJsonObject &object);
    /// The `fields` projection that fills every member above, for files.get and inside files(...) of files.list.
    [[nodiscard]] static QString fieldsMask();
};

} // namespace Drive

Q_DECLARE_METATYPE(Drive::DriveFile)
