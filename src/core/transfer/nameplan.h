// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/pathmapper.h"
#include "drive/drivefile.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Transfer
{
/**
 * Where every listed Drive file lands, relative to the destination: the engine's name planning, apart from
 * its scheduling. A name is the Drive name plus, for an exported Google file, its export extension
 * (landingName(): the one place that adds it); siblings are settled per folder by PathMapper::assignNames(),
 * the sources among themselves at the destination's root as they arrive (the first keeps the plain name).
 * A folder or file given twice as a source is placed once; a shortcut listed beside its target is one file.
 */
class NamePlan final
{
public:
    /// One file placed: the engine queues it with these paths.
    struct Placed
    {
        Drive::DriveFile file;
        QString relativePath; ///< at the destination: safe segments joined with '/', export extension added
        QString drivePath;    ///< "Folder/Sub/name" as in Drive
    };

    /// `exportFormats`: Google mime type -> export mime type (RunOptions::exportFormats).
    explicit NamePlan(QMap<QString, QString> exportFormats);

    /// The export mime type for a Google file; empty when it is not exported (or not a Google file).
    [[nodiscard]] QString exportMimeFor(const Drive::DriveFile &file) const;
    /// The name `file` lands under before siblings are settled: its name, plus ".<ext>" for an export.
    [[nodiscard]] QString landingName(const Drive::DriveFile &file) const;

    /// A folder's listing (TreeWalker::folderListed): the files among `children`, placed; the sub-folders are
    /// remembered for their own listings. A folder listed again keeps the place it was given.
    [[nodiscard]] QList<Placed> placeChildren(const QStringList &segments, const QStringList &folderIds,
                                              const QList<Drive::DriveFile> &children);
    /// A file given directly as a source: at the top of the destination; nullopt when given twice.
    [[nodiscard]] std::optional<Placed> placeRootFile(const Drive::DriveFile &file);

    /// Where a folder lands (a listed one, or one set below); empty when unknown.
    [[nodiscard]] QString folderPath(const QString &folderId) const { return m_folderPaths.value(folderId); }
    /// An incremental run (issue 12) places changes in folders listed by an earlier run: where one lands.
    void setFolderPath(const QString &folderId, const QString &relativePath) { m_folderPaths.insert(folderId, relativePath); }

private:
    /// A source's name at the destination's root, unique among the sources (empty: this id is there already).
    QString claimRootName(const QString &id, const QString &name, bool isFolder);

    QMap<QString, QString> m_exportFormats;
    QHash<QString, QString> m_folderPaths; ///< Drive folder id -> relative path on the destination
    Dest::SiblingNames m_rootNames;        ///< the sources are siblings at the destination's root
    QSet<QString> m_rootIds;               ///< the ids given a root name
};

} // namespace Transfer
