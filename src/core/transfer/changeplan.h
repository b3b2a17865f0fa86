// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/changesfeed.h"
#include "journal/journalrows.h"
#include "journal/reader.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>
#include <QStringList>

namespace Transfer
{
/**
 * What an incremental run does (issue 12), decided from the change logs and the folders the job listed before,
 * without asking anyone: pure, so every rule is a unit test.
 *
 * A folder's place is resolved from its latest state (its change, else its row) up the parents chain:
 *   - a source folder is in scope at the place it was given (a renamed source keeps its place);
 *   - trashed, removed, or under nothing in scope: out (a known one is "gone": its files are removed);
 *   - under a folder in scope: known -> at the same place, or a new one when it or an ancestor was renamed or
 *     moved ("moved": its files move with it); unknown -> moved in (or new): listed ("toList");
 *   - under a folder being listed: covered by that listing.
 * A changed file under a folder in scope is placed (`files`, with its parent's place); one that is trashed,
 * removed or out of scope is gone (`goneFiles`); under a listed folder it is covered.
 * Only the first parent counts (Drive gives an item one parent since 2020).
 */
class ChangePlan final
{
public:
    /// Where a folder lands: what NamePlan::placeChildren() takes, plus the destination path.
    struct Place
    {
        QString id;
        QStringList segments; ///< Drive names from the source folder down
        QStringList ids;      ///< ids along those names
        QString relativePath;
    };
    struct PlacedChange
    {
        Drive::DriveFile file;
        Place parent;
    };
    struct FolderMove
    {
        Journal::FolderRow before;
        Journal::FolderRow after;
        Place place; ///< where it is now (after.relativePath)
    };

    ChangePlan(const QStringList &sourceIds, const QList<Journal::FolderRow> &folders,
               const QList<Drive::Change> &changes);

    QList<PlacedChange> files;           ///< changed files in scope
    QStringList goneFiles;               ///< ids of files trashed, removed or moved out of scope
    QList<FolderMove> moved;             ///< known folders at a new place, outermost first
    QList<Journal::FolderRow> gone;      ///< known folders out of scope now (outermost only)
    QList<PlacedChange> toList;          ///< folders moved into the sources (or new): list them, the parent's place
    QStringList forgottenFolders;        ///< every known folder id out of scope now (outermost and below)
    QList<Journal::FolderRow> updatedFolders; ///< every known folder whose name, parent or place changed

private:
    enum class Scope
    {
        In,
        Listed,
        Out,
    };
    struct Resolved
    {
        Scope scope = Scope::Out;
        Place place;
    };
    const Resolved &resolve(const QString &id, int depth = 0);

    QSet<QString> m_sources;
    QHash<QString, Journal::FolderRow> m_known;
    QHash<QString, Drive::Change> m_changes;
    QHash<QString, Resolved> m_resolved;
};

/// The destination's moves and removals of a rerun (issue 12), run one after another: each starts when the one
/// before answered (Destination::move() and remove() are asynchronous). One at a time keeps the plan's order: a
/// folder moves before the files below it are looked at, a removal climbs folders no later move needs.
class OperationQueue : public std::enable_shared_from_this<OperationQueue>
{
public:
    /// One operation; it calls `next` once, when its destination answered.
    using Operation = std::function<void(std::function<void()> next)>;
    /// Queued behind the others (also while the queue runs).
    void add(Operation operation) { m_operations.append(std::move(operation)); }
    /// Runs the queued operations, then `drained` (at once when there is none).
    void run(std::function<void()> drained);

private:
    void next();
    QList<Operation> m_operations;
    std::function<void()> m_drained;
};

/// An incremental run's state in the engine (enginechanges.cpp): what it read and what it did, for the summary.
struct IncrementalRun
{
    enum class Stage
    {
        Preparing, ///< asking for tokens, sources' corpora or the changes: the run must not finish yet
        Crawling,  ///< a full listing (first run, rejected token, no folders known)
        Applying,  ///< changes applied; moved-in folders may still be listed
    };
    Stage stage = Stage::Preparing;
    QStringList sourceIds;
    QDateTime since; ///< the last completed run (the summary's "since")
    /// A dry run reads the journal without taking it (nothing is written): the job's id in it, 0 when unknown.
    std::unique_ptr<Journal::Reader> reader;
    qint64 job = 0;
    int added = 0;
    int changed = 0;
    int removed = 0;
    /// Files already counted as added or changed: each file counts once, whichever way the run meets it (its
    /// folder moved, a change of its own, its folder listed again at its new place).
    QSet<QString> counted;
    /// Files whose old copy a folder move left (the destination could not move it): fetched again, they count as
    /// changed, not new.
    QSet<QString> leftBehind;
    void countOnce(const QString &fileId, int &tally)
    {
        if (!counted.contains(fileId))
        {
            counted.insert(fileId);
            ++tally;
        }
    }
    /// The destination operations being applied (the run stays Preparing until they all answered).
    std::shared_ptr<OperationQueue> operations = std::make_shared<OperationQueue>();
};

} // namespace Transfer
