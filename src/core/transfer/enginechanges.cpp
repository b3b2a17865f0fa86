// SPDX-License-Identifier: GPL-3.0-or-later
// Engine and the changes feed (issue 12): a first run takes each corpus's start token before it lists; a rerun
// after a completed run reads the changes since and applies only them (new and changed files fetched, moves done
// by the destination where it can — Destination::move(), else fetched again at the new path —, removals reported
// or, with --mirror, the job's own copies deleted through Destination::remove()); a rejected token lists everything
// again, the journal skipping what is unchanged. Also the listing's walkers.
#include "transfer/engine.h"

#include "destinations/destination.h"
#include "drive/changesfeed.h"
#include "drive/driveclient.h"
#include "drive/skipreason.h"
#include "drive/treewalker.h"
#include "journal/store.h"
#include "transfer/runoutcome.h"
#include "util/logging.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
void warnIf(const Journal::Result &result)
{
    if (!result.ok())
        qCWarning(lcTransfer).noquote() << result.message;
}
} // namespace

Drive::TreeWalker *Engine::newWalker()
{
    auto *walker = new Drive::TreeWalker(m_drive, this);
    walker->setHeld(m_listingHeld);
    m_walkers.append(walker);
    connect(walker, &Drive::TreeWalker::folderListed, this, &Engine::onFolderListed);
    connect(walker, &Drive::TreeWalker::fileFound, this, &Engine::onFileFound);
    connect(walker, &Drive::TreeWalker::itemFailed, this,
            [this](const Drive::DriveRef &ref, const QString &drivePath, const Net::Error &error) {
                onItemFailed(ref.id, drivePath.isEmpty() ? ref.id : drivePath, error);
            });
    connect(walker, &Drive::TreeWalker::itemSkipped, this, [this](const QString &drivePath, const QString &reason) {
        FileStatus status;
        status.drivePath = drivePath;
        status.state = FileState::Skipped;
        // The reason stays a code (for reports); the message says it in words.
        status.lastError = {Net::ErrorClass::None, 0, reason, Drive::skipReasonText(reason)};
        m_records.add(status);
    });
    // After onFolderListed: NamePlan knows where the folder lands. The journal keeps it for the next run.
    connect(walker, &Drive::TreeWalker::folderListed, this,
            [this](const QStringList &segments, const QStringList &ids, const QList<Drive::DriveFile> &children) {
                if (!m_journal || ids.isEmpty())
                    return;
                const QString path = m_names.folderPath(ids.constLast());
                if (!path.isEmpty())
                    m_journal->recordFolder({0, ids.constLast(), ids.size() > 1 ? ids.at(ids.size() - 2) : QString(),
                                             segments.constLast(), path});
                if (!m_incremental || m_incremental->stage != IncrementalRun::Stage::Applying)
                    return;
                // A folder moved in is new to the job; one listed again at its new place (the destination could
                // not move it) holds files the job landed before: those are changed (moved), as where it moves.
                for (const Drive::DriveFile &child : children)
                {
                    if (child.isFolder())
                        continue;
                    m_incremental->countOnce(child.id,
                                             m_journal->store()->filesById(m_incremental->job, child.id).isEmpty()
                                                 ? m_incremental->added
                                                 : m_incremental->changed);
                }
            });
    connect(walker, &Drive::TreeWalker::finished, this, [this, walker] {
        m_walkers.removeAll(walker);
        walker->deleteLater();
        maybeFinish();
    });
    return walker;
}

void Engine::startSources(const QList<Drive::DriveRef> &sources)
{
    const bool dry = m_options.dryRun && !m_options.journalPath.isEmpty();
    if ((!m_journal && !dry) || sources.isEmpty())
    {
        startListing(sources); // no journal (--no-journal), or sources added later: as before
        return;
    }
    m_incremental = std::make_unique<IncrementalRun>();
    QStringList ids;
    for (const Drive::DriveRef &ref : sources)
        ids.append(ref.id);
    m_incremental->sourceIds = ids;
    const Journal::Store *store = nullptr;
    if (m_journal)
    {
        store = m_journal->store();
        m_incremental->job = m_journal->jobId();
        m_incremental->since = m_journal->lastCompleted();
    }
    else
    {
        // A dry run reads what the journal knows of this job, without taking it. No journal yet (a first run),
        // or one it cannot read: nothing is known, everything is listed (and nothing asks a closed database).
        m_incremental->reader = std::make_unique<Journal::Reader>();
        if (!m_incremental->reader->open(m_options.journalPath).ok() || !m_incremental->reader->isOpen())
        {
            crawl(sources);
            return;
        }
        const std::optional<Journal::JobRow> job = m_incremental->reader->store().jobByKey(
            Journal::jobKey(Journal::normalisedSources(ids), m_services.destination->describe()));
        store = &m_incremental->reader->store();
        m_incremental->job = job ? job->id : 0;
        for (const Journal::RunRow &run : store->runs(m_incremental->job))
        {
            if (run.outcome == outcomeName(Outcome::Completed))
                m_incremental->since = run.started;
        }
    }
    const QMap<QString, QString> tokens = store->cursors(m_incremental->job);
    // --verify checks every landed file at the destination: a full listing, not only the changes.
    if (tokens.isEmpty() || m_options.verifyDone || store->folders(m_incremental->job).isEmpty())
    {
        crawl(sources);
        return;
    }
    auto *feed = new Drive::ChangesFeed(m_drive, this);
    connect(feed, &Drive::ChangesFeed::changesRead, this,
            [this, feed, sources](const QList<Drive::Change> &changes, const QMap<QString, QString> &newTokens,
                                  const Net::Error &error) {
                feed->deleteLater();
                if (m_stopping || m_finished)
                    return;
                if (error.isError())
                {
                    // A token Drive refuses (or a feed that fails): everything is listed again; the journal
                    // skips what landed unchanged (its rows are keyed by Drive id and path).
                    emit notice(Drive::ChangesFeed::isRejectedToken(error)
                                    ? tr("Drive refused the stored changes token (%1): listing everything again.")
                                          .arg(error.message)
                                    : tr("Cannot read Drive's changes (%1): listing everything again.")
                                          .arg(error.message));
                    crawl(sources);
                    return;
                }
                if (m_journal)
                    m_journal->keepTokens(newTokens);
                applyChanges(changes);
            });
    feed->read(tokens);
}

void Engine::crawl(const QList<Drive::DriveRef> &sources)
{
    if (!m_journal)
    {
        // A dry run of a job with nothing to read changes from: the listing as before.
        m_incremental->stage = IncrementalRun::Stage::Crawling;
        startListing(sources);
        maybeFinish();
        return;
    }
    // The tokens come before the listing, so nothing changed during it is missed (resume-incremental.md §1c): one
    // for the user's log and one per shared drive holding a source.
    auto corpora = std::make_shared<QStringList>(QStringList {QString()});
    auto pending = std::make_shared<int>(int(sources.size()));
    const auto fetchTokens = [this, sources, corpora] {
        auto *feed = new Drive::ChangesFeed(m_drive, this);
        connect(feed, &Drive::ChangesFeed::tokensFetched, this,
                [this, feed, sources](const QMap<QString, QString> &tokens, const Net::Error &error) {
                    feed->deleteLater();
                    if (m_stopping || m_finished)
                        return;
                    if (error.isError())
                        qCWarning(lcTransfer).noquote() << "no changes token, the next run lists again:" << error.toString();
                    m_journal->keepTokens(tokens);
                    // The folders are those of this listing (a relist forgets the old ones).
                    if (const Journal::Result forgot = m_journal->store()->forgetFolders(m_journal->jobId(), {});
                        !forgot.ok())
                        qCWarning(lcTransfer).noquote() << forgot.message;
                    m_incremental->stage = IncrementalRun::Stage::Crawling;
                    startListing(sources);
                    maybeFinish();
                });
        feed->fetchStartTokens(*corpora);
    };
    for (const Drive::DriveRef &ref : sources)
    {
        Drive::FileJob *job = m_drive->getFile(ref.id, ref.resourceKey);
        connect(job, &Drive::FileJob::finished, this,
                [corpora, pending, fetchTokens](const Net::Error &error, const Drive::DriveFile &file) {
                    if (!error.isError() && !file.driveId.isEmpty() && !corpora->contains(file.driveId))
                        corpora->append(file.driveId);
                    if (--*pending == 0)
                        fetchTokens(); // a source that failed here fails again in the listing, with its reason
                });
    }
}

void Engine::applyChanges(const QList<Drive::Change> &changes)
{
    // A dry run reads (m_incremental->reader) and writes nothing: what would happen becomes the report's records.
    Journal::Store *store = m_journal ? m_journal->store() : nullptr;
    const Journal::Store *reads = store ? store : &m_incremental->reader->store();
    const qint64 job = m_incremental->job;
    auto plan = std::make_shared<const ChangePlan>(m_incremental->sourceIds, reads->folders(job), changes);
    auto toList = std::make_shared<QList<ChangePlan::PlacedChange>>(plan->toList);
    const std::shared_ptr<OperationQueue> operations = m_incremental->operations;
    Dest::Destination *destination = m_services.destination;
    const QPointer<Engine> self(this);
    for (const Journal::FolderRow &folder : reads->folders(job))
        m_names.setFolderPath(folder.driveId, folder.relativePath);

    // A file (or a folder's files) the destination could not move is fetched again at its new place; the old copy
    // is handled like a removal (left, or deleted with --mirror).
    const auto leaveOldCopy = [this, store](const Journal::FileRow &row) {
        m_incremental->leftBehind.insert(row.driveId);
        if (!m_options.mirror)
        {
            warnIf(store->setFileState(row, u"removed"_s,
                                       tr("moved in Drive and fetched again at its new place; the old copy was left")));
            return;
        }
        deleteCopy(row, tr("moved in Drive and fetched again at its new place; the old copy was deleted (--mirror)"),
                   tr("moved in Drive; its old copy could not be deleted: %1"));
    };

    // Folders renamed or moved: the destination moves the folder in one go and its rows follow; one that cannot
    // (a Volume, a link in the way) lists it again at its new place (its files fetched there).
    QList<std::pair<QString, QString>> rewrites; // old prefix -> new, outermost first
    for (const ChangePlan::FolderMove &move : plan->moved)
    {
        QString from = move.before.relativePath;
        for (const auto &[before, after] : std::as_const(rewrites))
        {
            if (from.startsWith(before + u'/'))
                from = after + from.mid(before.size());
        }
        const QString to = move.after.relativePath;
        rewrites.append({from, to});
        m_names.setFolderPath(move.after.driveId, to);
        if (!store)
        {
            for (const Journal::FileRow &row : reads->filesBelow(job, from))
                noteDryRun(row, tr("dry run: its folder was renamed or moved in Drive, would move to %1").arg(to));
            continue;
        }
        operations->add([this, self, store, job, destination, from, to, place = move.place, toList, plan,
                         leaveOldCopy](const std::function<void()> &next) {
            destination->move(from, to, [this, self, store, job, destination, from, to, place, toList, plan,
                                         leaveOldCopy, next](const Net::Error &error) {
                if (!self)
                    return;
                const QList<Journal::FileRow> rows = store->filesBelow(job, from);
                if (error.isError())
                {
                    qCInfo(lcTransfer).noquote() << "listing" << to << "again:" << error.toString();
                    if (error.reason == u"unsafePath"_s)
                    {
                        for (const Journal::FileRow &row : rows)
                            noteChangeFailed(row, error);
                    }
                    toList->append({Drive::DriveFile {}, place});
                    // A file gone from Drive as well is left to the removals below (counted there, once).
                    for (const Journal::FileRow &row : rows)
                    {
                        if (row.state == fileStateName(FileState::Done) && !plan->goneFiles.contains(row.driveId))
                            leaveOldCopy(row);
                    }
                }
                else
                {
                    for (const Journal::FileRow &row : rows)
                    {
                        const QString relative = to + row.relativePath.mid(from.size());
                        warnIf(store->moveFile(row, relative, destination->locationOf(relative), row.drivePath));
                        if (!plan->goneFiles.contains(row.driveId)) // else counted with the removals
                            m_incremental->countOnce(row.driveId, m_incremental->changed);
                    }
                }
                next();
            });
        });
    }

    // Once the folders moved: the files changed in scope (new, changed — replaced once verified —, renamed or
    // moved), then what is gone from the sources.
    const auto applyFiles = [this, self, store, reads, job, plan, toList, operations, destination, leaveOldCopy] {
        if (!self)
            return;
        if (store)
            warnIf(store->saveFolders(plan->updatedFolders));
        const auto fetchAgain = [this](const NamePlan::Placed &place) {
            addFile(place);
            if (FileRecord *record = m_records.find(place.file.id, place.relativePath); record && record->movable)
                record->editJob().conflict = Dest::ConflictPolicy::Overwrite;
        };
        for (const ChangePlan::PlacedChange &change : plan->files)
        {
            m_names.setFolderPath(change.parent.id, change.parent.relativePath);
            const QList<NamePlan::Placed> placed = m_names.placeChildren(change.parent.segments, change.parent.ids,
                                                                         {change.file});
            if (placed.isEmpty())
                continue;
            const NamePlan::Placed &place = placed.constFirst();
            const TransferJob probe {change.file, place.relativePath, m_names.exportMimeFor(change.file), {}, {}};
            std::optional<Journal::FileRow> here;
            std::optional<Journal::FileRow> elsewhere;
            for (const Journal::FileRow &row : reads->filesById(job, change.file.id))
            {
                if (row.relativePath == place.relativePath)
                    here = row;
                else if (row.state == fileStateName(FileState::Done) && !elsewhere)
                    elsewhere = row;
            }
            if (here && here->state == fileStateName(FileState::Done))
            {
                if (RunJournal::isDoneAlready(*here, probe))
                    continue; // only its metadata changed (or trashed and back)
                m_incremental->countOnce(change.file.id, m_incremental->changed);
            }
            else if (elsewhere)
            {
                m_incremental->countOnce(change.file.id, m_incremental->changed);
                const bool sameBytes = RunJournal::isDoneAlready(*elsewhere, probe);
                if (!store)
                {
                    if (sameBytes)
                    {
                        noteDryRun(*elsewhere,
                                   tr("dry run: renamed or moved in Drive, would move to %1").arg(place.relativePath));
                        continue;
                    }
                }
                else
                {
                    // Moved by the destination (then fetched only when its bytes changed too), else fetched again.
                    operations->add([this, self, store, destination, row = *elsewhere, place, sameBytes, fetchAgain,
                                     leaveOldCopy](const std::function<void()> &next) {
                        destination->move(row.relativePath, place.relativePath,
                                          [this, self, store, destination, row, place, sameBytes, fetchAgain,
                                           leaveOldCopy, next](const Net::Error &error) {
                            if (!self)
                                return;
                            if (error.isError())
                            {
                                if (error.reason == u"unsafePath"_s) // a link planted in the way: said, not only logged
                                    noteChangeFailed(row, error);
                                fetchAgain(place);
                                leaveOldCopy(row);
                            }
                            else
                            {
                                warnIf(store->moveFile(row, place.relativePath,
                                                       destination->locationOf(place.relativePath), place.drivePath));
                                if (!sameBytes)
                                    fetchAgain(place);
                            }
                            next();
                        });
                    });
                    continue;
                }
            }
            else if (!here)
            {
                m_incremental->countOnce(change.file.id, m_incremental->leftBehind.contains(change.file.id)
                                                             ? m_incremental->changed
                                                             : m_incremental->added);
            }
            if (here || elsewhere)
                fetchAgain(place);
            else
                addFile(place);
        }

        // Gone from the sources: folders (every landed file below; remove() drops the folders it empties) and files.
        for (const Journal::FolderRow &folder : plan->gone)
        {
            for (const Journal::FileRow &row : reads->filesBelow(job, folder.relativePath))
                removeLanded(row);
        }
        if (store && !plan->forgottenFolders.isEmpty())
            warnIf(store->forgetFolders(job, plan->forgottenFolders));
        for (const QString &id : plan->goneFiles)
        {
            for (const Journal::FileRow &row : reads->filesById(job, id))
                removeLanded(row);
        }

        // Folders moved in (or new, or moved on a destination that could not move them): listed.
        operations->run([this, self, toList] {
            if (!self)
                return;
            m_incremental->stage = IncrementalRun::Stage::Applying;
            if (!toList->isEmpty() && !m_stopping && !m_finished)
            {
                Drive::TreeWalker *walker = newWalker();
                for (const ChangePlan::PlacedChange &folder : std::as_const(*toList))
                {
                    if (folder.file.id.isEmpty())
                    {
                        walker->addFolder(folder.parent.segments, folder.parent.ids); // a moved folder, its own place
                        continue;
                    }
                    const QString relative = folder.parent.relativePath + u'/' + Dest::safeName(folder.file.name);
                    m_names.setFolderPath(folder.file.id, relative);
                    walker->addFolder(folder.parent.segments + QStringList {folder.file.name},
                                      folder.parent.ids + QStringList {folder.file.id});
                }
            }
            schedule();
            maybeFinish();
        });
    };
    operations->run(applyFiles);
}

void Engine::noteDryRun(const Journal::FileRow &row, const QString &text)
{
    FileStatus status;
    status.driveId = row.driveId;
    status.drivePath = row.drivePath;
    status.destinationPath = row.destinationPath;
    status.state = FileState::Skipped;
    status.lastError = {Net::ErrorClass::None, 0, u"dryRunChange"_s, text};
    m_records.add(status);
}

void Engine::noteChangeFailed(const Journal::FileRow &row, const Net::Error &error)
{
    // Reported for this file only; the journal row keeps its own state (a record never started is not journaled).
    FileStatus status;
    status.driveId = row.driveId;
    status.drivePath = row.drivePath;
    status.destinationPath = row.destinationPath;
    status.state = FileState::Failed;
    status.lastError = error;
    m_records.add(status);
}

void Engine::removeLanded(const Journal::FileRow &row)
{
    if (row.state != fileStateName(FileState::Done))
        return; // only what this job landed (and not yet reported removed)
    ++m_incremental->removed;
    if (!m_journal)
    {
        noteDryRun(row, m_options.mirror ? tr("dry run: removed from Drive, its copy would be deleted (--mirror)")
                                         : tr("dry run: removed from Drive, its copy would be left"));
        return;
    }
    Journal::Store *store = m_journal->store();
    if (!m_options.mirror)
    {
        warnIf(store->setFileState(row, u"removed"_s, tr("removed from Drive; its copy was left at the destination")));
        return;
    }
    deleteCopy(row, tr("removed from Drive; its copy was deleted (--mirror)"),
               tr("removed from Drive; its copy could not be deleted: %1"));
}

void Engine::deleteCopy(const Journal::FileRow &row, const QString &deleted, const QString &notDeleted)
{
    // --mirror: the destination deletes it (through its own checks: never a link, never outside), one at a time;
    // the journal row says which happened.
    Journal::Store *store = m_journal->store();
    Dest::Destination *destination = m_services.destination;
    const QPointer<Engine> self(this);
    m_incremental->operations->add([this, self, store, destination, row, deleted,
                                    notDeleted](const std::function<void()> &next) {
        destination->remove(row.relativePath, [this, self, store, row, deleted, notDeleted,
                                               next](const Net::Error &error) {
            if (!self)
                return;
            if (error.isError())
                noteChangeFailed(row, error);
            warnIf(store->setFileState(row, error.isError() ? u"removed"_s : u"deleted"_s,
                                       error.isError() ? notDeleted.arg(error.message) : deleted));
            next();
        });
    });
}

} // namespace Transfer
