// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/nameplan.h"

#include "transfer/snapshot.h"

namespace Transfer
{
NamePlan::NamePlan(QMap<QString, QString> exportFormats)
    : m_exportFormats(std::move(exportFormats))
{
}

QString NamePlan::exportMimeFor(const Drive::DriveFile &file) const
{
    return file.isGoogleApp() && !file.isFolder() ? m_exportFormats.value(file.mimeType) : QString();
}

QString NamePlan::landingName(const Drive::DriveFile &file) const
{
    const QString ext = exportExtension(exportMimeFor(file));
    return ext.isEmpty() ? file.name : file.name + u'.' + ext;
}

QList<NamePlan::Placed> NamePlan::placeChildren(const QStringList &segments, const QStringList &folderIds,
                                                const QList<Drive::DriveFile> &children)
{
    // Where this folder lands: known from its parent's listing, else (a source root) its own safe name.
    const QString folderId = folderIds.isEmpty() ? QString() : folderIds.constLast();
    QString parentPath = m_folderPaths.value(folderId);
    if (parentPath.isEmpty() && segments.size() == 1)
    {
        parentPath = claimRootName(folderId, segments.constFirst(), true);
        if (parentPath.isEmpty())
            return {}; // the same folder given twice: listed once
        m_folderPaths.insert(folderId, parentPath);
    }
    else if (parentPath.isEmpty())
    {
        QStringList safe;
        for (const QString &segment : segments)
            safe << Dest::safeName(segment);
        parentPath = Dest::PathMapper::joinRelative(safe);
        if (!folderId.isEmpty())
            m_folderPaths.insert(folderId, parentPath);
    }
    // Names are settled per folder over the names as they will land (an export carries its extension).
    QList<Dest::PathMapper::Entry> entries;
    entries.reserve(children.size());
    for (const Drive::DriveFile &child : children)
        entries.append({child.id, landingName(child), child.createdTime, child.isFolder()});
    const QHash<QString, QString> names = Dest::PathMapper::assignNames(entries);
    const QString drivePrefix = segments.join(u'/');
    QSet<QString> placed;
    QList<Placed> files;
    for (const Drive::DriveFile &child : children)
    {
        if (placed.contains(child.id))
            continue; // listed twice (a shortcut beside its target): one name, so one file
        placed.insert(child.id);
        // Both parts are safe already; joinRelative() would re-escape the '/' between them.
        const QString relative = parentPath.isEmpty() ? names.value(child.id) : parentPath + u'/' + names.value(child.id);
        if (child.isFolder())
        {
            m_folderPaths.insert(child.id, relative);
            continue;
        }
        files.append({child, relative, drivePrefix.isEmpty() ? child.name : drivePrefix + u'/' + child.name});
    }
    return files;
}

std::optional<NamePlan::Placed> NamePlan::placeRootFile(const Drive::DriveFile &file)
{
    const QString rootName = claimRootName(file.id, landingName(file), false);
    if (rootName.isEmpty())
        return std::nullopt; // the same file given twice: transferred once
    return Placed {file, rootName, file.name};
}

QString NamePlan::claimRootName(const QString &id, const QString &name, bool isFolder)
{
    // Two sources named alike must not land on one path: ` [<id>]` as between siblings in a folder. They arrive
    // one by one, so the first to arrive keeps the plain name.
    if (!id.isEmpty() && m_rootIds.contains(id))
        return QString();
    m_rootIds.insert(id);
    return m_rootNames.claim({id, name, {}, isFolder});
}

} // namespace Transfer
