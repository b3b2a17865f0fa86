// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/treewalker.h"

#include "drive/driveclient.h"
#include "util/logging.h"

#include <QHash>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Drive
{
struct TreeWalker::Listing
{
    QStringList segments;
    QStringList ids;
    QStringList parents; ///< {ids.last()}: the `parents` of nearly every child, shared by them
    QList<std::optional<DriveFile>> entries; ///< listing order; a shortcut's slot is filled once resolved
    int pendingShortcuts = 0; ///< -1 once abandoned (failed, or listed again one by one): never emitted
    bool pagesDone = false;
};

/// One files.list query for one or more folders; holds a query slot until each of its folders is emitted.
struct TreeWalker::Group
{
    QList<std::shared_ptr<Listing>> listings;
    QHash<QString, std::shared_ptr<Listing>> byId; ///< folder id -> its listing
    QString driveId;
    int unfinished = 0; ///< listings not emitted yet
    qint64 received = 0; ///< children in all pages, before any is left out
};

namespace
{
QString joinPath(const QStringList &segments, const QString &name = {})
{
    QStringList all = segments;
    if (!name.isEmpty())
        all.append(name);
    return all.join(u'/');
}
} // namespace

TreeWalker::TreeWalker(DriveClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_groupSize(DriveClient::MaxParentsPerQuery)
{
}

void TreeWalker::setMaxConcurrent(int n)
{
    m_maxConcurrent = std::max(1, n);
    pump();
}

void TreeWalker::setGroupSize(int n)
{
    m_groupSize = std::clamp(n, 1, DriveClient::MaxParentsPerQuery);
}

void TreeWalker::setPageSize(int pageSize)
{
    m_pageSize = std::clamp(pageSize, 1, 1000);
}

bool TreeWalker::isRunning() const
{
    return m_active > 0 || !m_queue.empty();
}

int TreeWalker::foldersListed() const
{
    return m_foldersListed;
}

qint64 TreeWalker::filesFound() const
{
    return m_filesFound;
}

qint64 TreeWalker::heldChildrenPeak() const
{
    return m_heldPeak;
}

void TreeWalker::add(const QList<DriveRef> &refs)
{
    m_aborted = false;
    for (const DriveRef &ref : refs)
    {
        if (ref.isValid())
            m_queue.push_back(Task { ref, {}, {}, {}, false });
    }
    // Later, not now: the caller connects signals after add() returns.
    QMetaObject::invokeMethod(this, &TreeWalker::pump, Qt::QueuedConnection);
}

void TreeWalker::addFolder(const QStringList &drivePathSegments, const QStringList &folderIds)
{
    m_aborted = false;
    enqueueFolder(drivePathSegments, folderIds, joinPath(drivePathSegments), {});
    QMetaObject::invokeMethod(this, &TreeWalker::pump, Qt::QueuedConnection);
}

void TreeWalker::abort()
{
    if (m_aborted)
        return;
    m_aborted = true;
    m_queue.clear();
    m_queuedFolders = 0;
    m_held = 0; // the listings of the queries aborted are never emitted
    const auto jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<QObject> &job : jobs)
    {
        if (auto *list = qobject_cast<ListJob *>(job.data()))
            list->abort();
        else if (auto *file = qobject_cast<FileJob *>(job.data()))
            file->abort();
    }
    m_active = 0;
    QMetaObject::invokeMethod(this, &TreeWalker::finished, Qt::QueuedConnection);
}

void TreeWalker::setHeld(bool held)
{
    if (m_onHold == held)
        return;
    m_onHold = held;
    // Queued: the caller (the engine scheduling its queue) is not re-entered by the folders listed next.
    if (!held)
        QMetaObject::invokeMethod(this, &TreeWalker::pump, Qt::QueuedConnection);
}

void TreeWalker::pump()
{
    if (m_aborted)
        return;
    if (m_jobs.size() > 256)
        m_jobs.removeIf([](const QPointer<QObject> &job) { return job.isNull(); });
    while (!m_onHold && m_active < m_maxConcurrent && !m_queue.empty())
    {
        Task task = std::move(m_queue.front());
        m_queue.pop_front();
        const int freeSlots = m_maxConcurrent - m_active;
        ++m_active;
        if (task.ref)
        {
            runResolve(*task.ref);
            continue;
        }
        --m_queuedFolders;
        QList<Task> group { std::move(task) };
        if (!group.first().single)
            takeGroupMates(&group, freeSlots);
        runList(std::move(group));
    }
    if (m_active == 0 && m_queue.empty() && !m_finishPending)
    {
        m_finishPending = true;
        // Queued so a caller that adds more work from a slot in the same turn still gets one finished().
        QMetaObject::invokeMethod(
            this,
            [this]
            {
                m_finishPending = false;
                if (!m_aborted && m_active == 0 && m_queue.empty())
                    emit finished();
            },
            Qt::QueuedConnection);
    }
}

void TreeWalker::taskDone()
{
    if (m_aborted)
        return;
    --m_active;
    pump();
}

void TreeWalker::runResolve(const DriveRef &ref)
{
    FileJob *job = m_client->getFile(ref.id, ref.resourceKey);
    m_jobs.append(job);
    connect(job, &FileJob::finished, this,
        [this, ref](const Net::Error &error, const DriveFile &item)
        {
            if (m_aborted)
                return;
            if (error.isError())
                emit itemFailed(ref, ref.id, error);
            else
                handleTopLevel(ref, item);
            taskDone();
        });
}

void TreeWalker::handleTopLevel(const DriveRef &ref, const DriveFile &item)
{
    if (item.trashed)
    {
        emit itemSkipped(item.name, u"trashed"_s);
        return;
    }
    if (item.isFolder())
    {
        enqueueFolder({ item.name }, { item.id }, item.name, item.driveId);
        return;
    }
    if (item.isShortcut())
    {
        // Counts as running work until resolved, so finished() cannot overtake it.
        ++m_active;
        resolveShortcut(item, {}, {},
            [this, ref](std::optional<DriveFile> target)
            {
                if (m_aborted)
                    return;
                if (target)
                {
                    if (target->isFolder())
                        enqueueFolder({ target->name }, { target->id }, target->name, target->driveId);
                    else
                    {
                        ++m_filesFound;
                        emit fileFound({}, {}, *target);
                    }
                }
                taskDone();
            });
        return;
    }
    Q_UNUSED(ref);
    ++m_filesFound;
    emit fileFound({}, {}, item);
}

bool TreeWalker::enqueueFolder(
    const QStringList &segments, const QStringList &ids, const QString &pathForReports, const QString &driveId)
{
    const QString id = ids.value(ids.size() - 1);
    if (m_seenFolders.contains(id))
    {
        emit itemSkipped(pathForReports, u"alreadyListed"_s);
        return false;
    }
    m_seenFolders.insert(id);
    m_queue.push_back(Task { std::nullopt, segments, ids, driveId, false });
    ++m_queuedFolders;
    return true;
}

void TreeWalker::resolveShortcut(
    const DriveFile &shortcut, const QStringList &segments, const QStringList &ids, Resolved done)
{
    Q_UNUSED(ids);
    const QString path = joinPath(segments, shortcut.name);
    if (shortcut.shortcutTargetId.isEmpty())
    {
        Net::Error e;
        e.errorClass = Net::ErrorClass::Permanent;
        e.reason = u"danglingShortcut"_s;
        e.message = u"The shortcut has no target."_s;
        emit itemFailed(DriveRef { shortcut.id, shortcut.resourceKey, DriveRef::Kind::Unknown }, path, e);
        done(std::nullopt);
        return;
    }
    FileJob *job = m_client->getFile(shortcut.shortcutTargetId, shortcut.shortcutTargetResourceKey);
    m_jobs.append(job);
    connect(job, &FileJob::finished, this,
        [this, shortcut, path, done = std::move(done)](const Net::Error &error, const DriveFile &target)
        {
            if (m_aborted)
                return;
            const DriveRef ref { shortcut.id, shortcut.resourceKey, DriveRef::Kind::Unknown };
            if (error.isError())
            {
                Net::Error e = error;
                if (error.errorClass == Net::ErrorClass::Permanent && error.httpStatus == 404)
                {
                    e.reason = u"danglingShortcut"_s;
                    e.message = u"The shortcut points at an item that no longer exists or is not shared."_s;
                }
                emit itemFailed(ref, path, e);
                done(std::nullopt);
                return;
            }
            if (target.trashed)
            {
                emit itemSkipped(path, u"trashed"_s);
                done(std::nullopt);
                return;
            }
            if (target.isShortcut())
            {
                Net::Error e;
                e.errorClass = Net::ErrorClass::Permanent;
                e.reason = u"danglingShortcut"_s;
                e.message = u"The shortcut points at another shortcut."_s;
                emit itemFailed(ref, path, e);
                done(std::nullopt);
                return;
            }
            // The target's bytes and ids, the shortcut's name and place.
            DriveFile effective = target;
            effective.name = shortcut.name;
            effective.parents = shortcut.parents;
            done(effective);
        });
}

int TreeWalker::foldersPerQuery() const
{
    // A query holds its folders' children until its last page is in: asking for about a page of them keeps that
    // small (the benchmark's folders of 1,000 go one per query), and costs no request, as a page holds pageSize
    // children whichever folders they belong to. Nothing seen yet (or only empty folders): group fully.
    if (m_childrenListed == 0)
        return m_groupSize;
    const qint64 fit = qint64(m_pageSize) * m_foldersListed / m_childrenListed;
    return int(std::clamp<qint64>(fit, 1, m_groupSize));
}

void TreeWalker::takeGroupMates(QList<Task> *group, int freeSlots)
{
    // What waits, spread over the free slots, so several queries stay in flight; foldersPerQuery() at most.
    const int want = std::min(foldersPerQuery(), (m_queuedFolders + 1 + freeSlots - 1) / std::max(1, freeSlots));
    const QString driveId = group->first().driveId;
    // Mates are looked for near the front only (the queue may be long); the rest is kept in order.
    const std::size_t scan = std::min(m_queue.size(), std::size_t(4 * DriveClient::MaxParentsPerQuery));
    std::size_t kept = 0;
    std::size_t i = 0;
    for (; i < scan && group->size() < want; ++i)
    {
        Task &task = m_queue[i];
        if (!task.ref && !task.single && task.driveId == driveId)
        {
            group->append(std::move(task));
            --m_queuedFolders;
            continue;
        }
        if (kept != i)
            m_queue[kept] = std::move(task);
        ++kept;
    }
    m_queue.erase(m_queue.begin() + std::ptrdiff_t(kept), m_queue.begin() + std::ptrdiff_t(i));
}

void TreeWalker::runList(QList<Task> tasks)
{
    auto group = std::make_shared<Group>();
    group->driveId = tasks.first().driveId;
    QStringList folderIds;
    for (Task &task : tasks)
    {
        auto listing = std::make_shared<Listing>();
        listing->segments = std::move(task.segments);
        listing->ids = std::move(task.ids);
        listing->parents = QStringList { listing->ids.last() };
        folderIds.append(listing->ids.last());
        group->byId.insert(listing->ids.last(), listing);
        group->listings.append(std::move(listing));
    }
    group->unfinished = int(group->listings.size());
    ListJob *job = m_client->listChildrenOf(folderIds, group->driveId, m_pageSize);
    m_jobs.append(job);
    connect(job, &ListJob::page, this,
        [this, group](const QList<DriveFile> &items)
        {
            if (m_aborted)
                return;
            group->received += items.size();
            for (const DriveFile &item : items)
            {
                if (item.trashed)
                    continue; // the query excludes them; a lenient server might not
                if (group->listings.size() == 1)
                {
                    addChild(group, group->listings.first(), item);
                    continue;
                }
                bool placed = false;
                for (const QString &parent : item.parents)
                {
                    if (const auto listing = group->byId.value(parent))
                    {
                        addChild(group, listing, item);
                        placed = true;
                    }
                }
                if (!placed)
                    qCWarning(lcDrive).noquote()
                        << "a grouped listing answered" << item.id << "whose parents are none of the folders asked for";
            }
        });
    connect(job, &ListJob::finished, this,
        [this, group](const Net::Error &error)
        {
            if (m_aborted)
                return;
            const bool grouped = group->listings.size() > 1;
            // Drive's bug: a grouped query may answer nothing though children exist. A permanent failure of a
            // grouped query (a bad page for one folder) is asked again one folder per query, too, so that only
            // the folder at fault fails.
            if (grouped
                && ((!error.isError() && group->received == 0) || error.errorClass == Net::ErrorClass::Permanent))
            {
                listOneByOne(group.get());
                return;
            }
            if (error.isError())
            {
                for (const auto &listing : std::as_const(group->listings))
                {
                    emit itemFailed(DriveRef { listing->ids.last(), m_client->resourceKey(listing->ids.last()),
                                        DriveRef::Kind::Folder },
                        joinPath(listing->segments), error);
                    // Resolutions still running for this folder finish into a listing nobody emits.
                    listing->pagesDone = false;
                    listing->pendingShortcuts = -1;
                    dropHeld(listing.get());
                }
                taskDone();
                return;
            }
            for (const auto &listing : std::as_const(group->listings))
            {
                listing->pagesDone = true;
                finishListing(group.get(), listing.get());
            }
        });
}

void TreeWalker::addChild(
    const std::shared_ptr<Group> &group, const std::shared_ptr<Listing> &listing, const DriveFile &item)
{
    m_heldPeak = std::max(m_heldPeak, ++m_held);
    if (!item.isShortcut())
    {
        listing->entries.append(heldForm(item, *listing));
        return;
    }
    const qsizetype slot = listing->entries.size();
    listing->entries.append(std::nullopt);
    ++listing->pendingShortcuts;
    resolveShortcut(item, listing->segments, listing->ids,
        [this, group, listing, slot](std::optional<DriveFile> target)
        {
            // An abandoned listing (failed, or asked again one by one) has let go of its entries.
            if (m_aborted || listing->pendingShortcuts < 0)
                return;
            if (target)
                target = heldForm(std::move(*target), *listing);
            listing->entries[slot] = std::move(target);
            --listing->pendingShortcuts;
            finishListing(group.get(), listing.get());
        });
}

DriveFile TreeWalker::heldForm(DriveFile item, const Listing &listing)
{
    // Each child comes from the page with its own copy of what it has in common with its neighbours (its folder's
    // id, a mime type, a shared drive's id): a held child shares one copy instead, about a fifth less memory.
    // The values, and so what is emitted, stay the same.
    if (item.parents == listing.parents)
        item.parents = listing.parents;
    item.mimeType = shared(item.mimeType);
    item.driveId = shared(item.driveId);
    return item;
}

QString TreeWalker::shared(const QString &value)
{
    // A walk meets a few dozen mime types and a few shared drives; the cap only guards against a hostile listing.
    constexpr qsizetype MaxSharedStrings = 512;
    if (value.isEmpty())
        return value;
    const auto it = m_sharedStrings.constFind(value);
    if (it != m_sharedStrings.cend())
        return *it;
    if (m_sharedStrings.size() < MaxSharedStrings)
        m_sharedStrings.insert(value);
    return value;
}

void TreeWalker::listOneByOne(Group *group)
{
    qCInfo(lcDrive) << "a grouped listing of" << group->listings.size()
                    << "folders answered nothing or failed: listing them one by one";
    // At the front, in their order, so they come next.
    for (auto it = group->listings.crbegin(); it != group->listings.crend(); ++it)
    {
        Listing &listing = **it;
        m_queue.push_front(Task { std::nullopt, listing.segments, listing.ids, group->driveId, true });
        ++m_queuedFolders;
        listing.pagesDone = false;
        listing.pendingShortcuts = -1;
        dropHeld(&listing);
    }
    taskDone();
}

void TreeWalker::dropHeld(Listing *listing)
{
    m_held -= listing->entries.size();
    listing->entries.clear();
}

void TreeWalker::finishListing(Group *group, Listing *listing)
{
    if (!listing->pagesDone || listing->pendingShortcuts != 0)
        return;
    listing->pagesDone = false; // emit once
    m_childrenListed += listing->entries.size();
    QList<DriveFile> children;
    QList<DriveFile> subfolders;
    children.reserve(listing->entries.size());
    for (std::optional<DriveFile> &slot : listing->entries)
    {
        if (!slot)
            continue;
        DriveFile &child = *slot;
        if (child.isFolder())
        {
            const QString path = joinPath(listing->segments, child.name);
            if (listing->ids.contains(child.id))
            {
                emit itemSkipped(path, u"loop"_s);
                continue;
            }
            if (m_seenFolders.contains(child.id))
            {
                emit itemSkipped(path, u"alreadyListed"_s);
                continue;
            }
            m_seenFolders.insert(child.id);
            subfolders.append(child);
        }
        children.append(std::move(child));
    }
    dropHeld(listing);
    ++m_foldersListed;
    qCDebug(lcDrive).noquote() << "listed" << joinPath(listing->segments) << children.size() << "children";
    emit folderListed(listing->segments, listing->ids, children);
    for (const DriveFile &child : std::as_const(children))
    {
        if (child.isFolder())
            continue;
        ++m_filesFound;
        emit fileFound(listing->segments, listing->ids, child);
    }
    for (const DriveFile &folder : std::as_const(subfolders))
    {
        m_queue.push_back(Task { std::nullopt, listing->segments + QStringList { folder.name },
            listing->ids + QStringList { folder.id }, folder.driveId, false });
        ++m_queuedFolders;
    }
    if (--group->unfinished == 0)
        taskDone();
}

} // namespace Drive
