// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "drive/driveref.h"
#include "net/error.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Drive
{
class DriveClient;

/// Expands what the user picked (DriveRefs) into the files to transfer, breadth first, a few queries at once,
/// emitting as it goes (a folder's children are held only while its query is running).
///
/// Fast listing (rclone's ListR, resume-incremental.md §2): the folders waiting are asked for in groups of up to
/// setGroupSize() (50) per files.list query, `('a' in parents or 'b' in parents …) and trashed = false`, the
/// children spread back to their folders by `parents`. A group is sized from the folders listed so far: pageSize
/// divided by their average number of children (issue 11 acceptance 4), so that what a query holds until its last
/// page stays about a page: big folders go one per query, small ones are grouped. What waits is spread over the
/// free query slots (two folders and four free slots: two queries of one), so a small tree is not slowed down and a
/// wide one takes few requests. Only folders of the same shared drive (or of none) share a query
/// (corpora=drive&driveId). A folder is complete only when its group's last page is in: its children may come over
/// several pages, mixed with its group mates'. Drive's bug (google-drive-api.md §2): a grouped query that answers
/// nothing at all, or that fails permanently, is asked again one folder per query (so a group of folders that are all
/// empty costs one query more than listing them one by one: the answer cannot be told from the bug).
///
/// For every folder, once all its pages are in and its shortcuts are resolved:
///   folderListed(path of the folder, ids along that path, its children)   — for per-folder name mapping
///   fileFound(same path, same ids, child) for each non-folder child
/// Top-level files give fileFound({}, {}, file).
/// Shortcuts: a file shortcut becomes the target's metadata under the shortcut's name; a folder shortcut
/// becomes the target folder (children listed) under the shortcut's name; a dangling one is reported by
/// itemFailed() with reason "danglingShortcut". Loops are cut: a folder on the current path ("loop") or one
/// already queued or listed ("alreadyListed") is not expanded again and is left out of its parent's children
/// (itemSkipped). Trashed items are skipped. finished() follows the last signal of the last pending item.
class TreeWalker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeWalker)

public:
    explicit TreeWalker(DriveClient *client, QObject *parent = nullptr);

    /// Queries in flight (listings of folder groups, and refs resolved) at once; default 4.
    void setMaxConcurrent(int n);
    /// The most folders per files.list query, 1..DriveClient::MaxParentsPerQuery (the default); 1 lists one folder
    /// per request.
    void setGroupSize(int n);
    void setPageSize(int pageSize);

    /// Adds items; may be called again while walking (finished() comes once everything added is done).
    void add(const QList<Drive::DriveRef> &refs);
    /// Lists a folder whose metadata is already known (e.g. a shared drive: path = {name}, ids = {id}).
    void addFolder(const QStringList &drivePathSegments, const QStringList &folderIds);
    void abort();
    /// Held: no further query starts (those running finish and are emitted) until let go; the engine holds the
    /// listing while enough files wait for a transfer, so that memory holds a window of the tree, not all of it.
    void setHeld(bool held);

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] int foldersListed() const;
    [[nodiscard]] qint64 filesFound() const;
    /// The most children held at once, all queries together, waiting for their folder to be complete (issue 11
    /// acceptance 4: what this holds is what a dry run's memory is made of).
    [[nodiscard]] qint64 heldChildrenPeak() const;

signals:
    void folderListed(
        const QStringList &drivePathSegments, const QStringList &folderIds, const QList<Drive::DriveFile> &children);
    void fileFound(const QStringList &drivePathSegments, const QStringList &folderIds, const Drive::DriveFile &file);
    /// `drivePath` is slash-joined Drive names (for reports); `ref` names the item that failed.
    void itemFailed(const Drive::DriveRef &ref, const QString &drivePath, const Net::Error &error);
    void itemSkipped(const QString &drivePath, const QString &reason);
    void finished();

private:
    struct Task
    {
        std::optional<DriveRef> ref; ///< resolve a ref, or else list the folder below
        QStringList segments;
        QStringList ids;
        QString driveId; ///< the shared drive the folder lies in (empty: none, or not known)
        bool single = false; ///< listed alone (the fallback after a grouped query that answered nothing)
    };
    struct Listing;
    struct Group;
    using Resolved = std::function<void(std::optional<DriveFile>)>;

    void pump();
    void runResolve(const DriveRef &ref);
    [[nodiscard]] int foldersPerQuery() const;
    void takeGroupMates(QList<Task> *group, int freeSlots);
    void runList(QList<Task> tasks);
    void addChild(const std::shared_ptr<Group> &group, const std::shared_ptr<Listing> &listing, const DriveFile &item);
    [[nodiscard]] DriveFile heldForm(DriveFile item, const Listing &listing);
    [[nodiscard]] QString shared(const QString &value);
    void listOneByOne(Group *group);
    void handleTopLevel(const DriveRef &ref, const DriveFile &item);
    void resolveShortcut(const DriveFile &shortcut, const QStringList &segments, const QStringList &ids, Resolved done);
    bool enqueueFolder(
        const QStringList &segments, const QStringList &ids, const QString &pathForReports, const QString &driveId);
    void finishListing(Group *group, Listing *listing);
    void dropHeld(Listing *listing);
    void taskDone();

    DriveClient *m_client;
    int m_maxConcurrent = 4;
    int m_pageSize = 1000;
    int m_groupSize;
    int m_queuedFolders = 0; ///< folder tasks in m_queue
    int m_active = 0;
    int m_foldersListed = 0;
    qint64 m_childrenListed = 0; ///< children of the m_foldersListed folders, for their average
    qint64 m_filesFound = 0;
    qint64 m_held = 0; ///< entries of every listing not emitted yet
    qint64 m_heldPeak = 0;
    bool m_aborted = false;
    bool m_onHold = false; ///< setHeld()
    bool m_finishPending = false;
    std::deque<Task> m_queue;
    QSet<QString> m_seenFolders;
    QSet<QString> m_sharedStrings; ///< mime types and drive ids, one copy each for every child held
    QList<QPointer<QObject>> m_jobs;
};

} // namespace Drive
