// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/changeplan.h"

#include "destinations/pathmapper.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
bool isFolderChange(const Drive::Change &change)
{
    return !change.removed && change.file.isFolder();
}

QString lastSegment(const QString &relativePath)
{
    return relativePath.section(u'/', -1);
}

constexpr int maxDepth = 200; ///< a parents chain longer than this is a loop: out of scope
} // namespace

ChangePlan::ChangePlan(const QStringList &sourceIds, const QList<Journal::FolderRow> &folders,
                       const QList<Drive::Change> &changes)
    : m_sources(QSet<QString>(sourceIds.begin(), sourceIds.end()))
{
    for (const Journal::FolderRow &row : folders)
        m_known.insert(row.driveId, row);
    for (const Drive::Change &change : changes)
        m_changes.insert(change.fileId, change);

    for (const Drive::Change &change : changes)
    {
        const bool knownFolder = m_known.contains(change.fileId);
        if (isFolderChange(change) || knownFolder)
        {
            const Resolved &folder = resolve(change.fileId);
            if (!knownFolder)
            {
                // New in scope: listed, unless an ancestor's listing covers it.
                if (folder.scope == Scope::Listed)
                {
                    const Resolved &parent = resolve(change.file.parents.value(0));
                    if (parent.scope == Scope::In)
                        toList.append({change.file, parent.place});
                }
                continue;
            }
            const Journal::FolderRow &before = m_known[change.fileId];
            if (folder.scope == Scope::Out)
            {
                const Resolved &parent = resolve(before.parentId);
                // Only the outermost gone folder: the rows below it go with its path.
                if (parent.scope == Scope::In || before.parentId.isEmpty())
                    gone.append(before);
                continue;
            }
            if (folder.scope == Scope::In && folder.place.relativePath != before.relativePath)
            {
                Journal::FolderRow after = before;
                after.relativePath = folder.place.relativePath;
                after.name = change.removed ? before.name : change.file.name;
                after.parentId = change.removed ? before.parentId : change.file.parents.value(0);
                moved.append({before, after, folder.place});
            }
            continue;
        }
        if (change.removed || change.file.trashed)
        {
            goneFiles.append(change.fileId);
            continue;
        }
        const Resolved &parent = resolve(change.file.parents.value(0));
        if (parent.scope == Scope::In)
            files.append({change.file, parent.place});
        else if (parent.scope == Scope::Out)
            goneFiles.append(change.fileId);
    }
    // Outermost first: a folder inside a moved one is moved from where its parent's move put it.
    std::sort(moved.begin(), moved.end(), [](const FolderMove &a, const FolderMove &b) {
        return a.before.relativePath.count(u'/') < b.before.relativePath.count(u'/');
    });
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it)
    {
        const Resolved &folder = resolve(it.key());
        if (folder.scope != Scope::In)
        {
            forgottenFolders.append(it.key());
            continue;
        }
        Journal::FolderRow after = *it;
        after.relativePath = folder.place.relativePath;
        after.name = folder.place.segments.constLast();
        after.parentId = folder.place.ids.size() > 1 ? folder.place.ids.at(folder.place.ids.size() - 2) : QString();
        if (!(after == *it))
            updatedFolders.append(after);
    }
}

const ChangePlan::Resolved &ChangePlan::resolve(const QString &id, int depth)
{
    if (const auto it = m_resolved.constFind(id); it != m_resolved.constEnd())
        return *it;
    Resolved result; // Out until shown otherwise; also what a loop in the chain resolves to
    m_resolved.insert(id, result);
    const auto known = m_known.constFind(id);
    const auto change = m_changes.constFind(id);
    const bool hasChange = change != m_changes.constEnd();
    const bool isKnown = known != m_known.constEnd();
    if (id.isEmpty() || depth > maxDepth || (hasChange && (change->removed || change->file.trashed)))
        return m_resolved[id];
    if (m_sources.contains(id))
    {
        if (isKnown)
            result = {Scope::In, {id, {known->name}, {id}, known->relativePath}};
        return m_resolved[id] = result;
    }
    QString parentId;
    QString name;
    if (hasChange)
    {
        parentId = change->file.parents.value(0);
        name = change->file.name;
    }
    else if (isKnown)
    {
        parentId = known->parentId;
        name = known->name;
    }
    else
        return m_resolved[id]; // neither listed before nor changed: outside the sources
    const Resolved parent = resolve(parentId, depth + 1);
    if (parent.scope != Scope::In)
    {
        result.scope = parent.scope;
        return m_resolved[id] = result;
    }
    QString relative;
    if (isKnown && name == known->name && parentId == known->parentId)
        relative = parent.place.relativePath + u'/' + lastSegment(known->relativePath); // keeps its settled name
    else
        relative = parent.place.relativePath + u'/' + Dest::safeName(name);
    result.place = {id, parent.place.segments + QStringList {name}, parent.place.ids + QStringList {id}, relative};
    result.scope = isKnown ? Scope::In : Scope::Listed;
    return m_resolved[id] = result;
}

void OperationQueue::run(std::function<void()> drained)
{
    m_drained = std::move(drained);
    next();
}

void OperationQueue::next()
{
    if (m_operations.isEmpty())
    {
        if (std::function<void()> drained = std::exchange(m_drained, nullptr))
            drained();
        return;
    }
    const Operation operation = m_operations.takeFirst();
    operation([self = shared_from_this()] { self->next(); });
}

} // namespace Transfer
