// SPDX-License-Identifier: GPL-3.0-or-later
// Engine and the changes feed (issue 12): a first run takes each corpus's start token before it lists; a rerun
// after a completed run reads the changes since and applies only them (new and changed files fetched, moves done
// in place on a local folder, removals reported or, with --mirror, the job's own copies deleted); a rejected
// token lists everything again, the journal skipping what is unchanged. Also the listing's walkers.
#include "transfer/engine.h"

#include "destinations/destination.h"
#include "destinations/localdestination.h"
#include "drive/changesfeed.h"
#include "drive/driveclient.h"
#include "drive/skipreason.h"
#include "drive/treewalker.h"
#include "journal/store.h"
#include "transfer/runoutcome.h"
#include "util/logging.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
/// Moves a landed file or folder on a local destination; false when it cannot (the file is fetched again).
bool moveLocal(const QString &from, const QString &to)
{
    if (from == to)
        return true;
    if (!QFileInfo::exists(from) || QFileInfo::exists(to))
        return false;
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QDir().rename(from, to);
}
} // namespace

Drive::TreeWalker *Engine::newWalker()
{
    auto *walker = new Drive::TreeWalker(m_drive, this);
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
                if (m_incremental && m_incremental->stage == IncrementalRun::Stage::Applying)
                    m_incremental->added += int(std::count_if(children.begin(), children.end(),
                        [](const Drive::DriveFile &child) { return !child.isFolder(); }));
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
        // A dry run reads what the journal knows of this job, without taking it.
        m_incremental->reader = std::make_unique<Journal::Reader>();
        const std::optional<Journal::JobRow> job
            = m_incremental->reader->open(m_options.journalPath).ok()
            ? m_incremental->reader->store().jobByKey(Journal::jobKey(Journal::normalisedSources(ids),
                                                                       m_services.destination->describe()))
            : std::nullopt;
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
    const ChangePlan plan(m_incremental->sourceIds, reads->folders(job), changes);
    const bool local = qobject_cast<Dest::LocalDestination *>(m_services.destination) != nullptr;
    const auto warnIf = [](const Journal::Result &result) {
        if (!result.ok())
            qCWarning(lcTransfer).noquote() << result.message;
    };
    QList<ChangePlan::PlacedChange> toList = plan.toList;
    for (const Journal::FolderRow &folder : reads->folders(job))
        m_names.setFolderPath(folder.driveId, folder.relativePath);

    // Folders renamed or moved: a local folder is renamed in one go and its rows follow; elsewhere it is listed
    // again at its new place (its files fetched there).
    QList<std::pair<QString, QString>> rewrites; // old prefix -> new, outermost first
    for (const ChangePlan::FolderMove &move : plan.moved)
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
        if (!local || !moveLocal(m_services.destination->locationOf(from), m_services.destination->locationOf(to)))
        {
            toList.append({Drive::DriveFile {}, move.place});
            continue;
        }
        for (const Journal::FileRow &row : store->filesBelow(job, from))
        {
            const QString relative = to + row.relativePath.mid(from.size());
            warnIf(store->moveFile(row, relative, m_services.destination->locationOf(relative), row.drivePath));
            ++m_incremental->changed;
        }
    }
    if (store)
        warnIf(store->saveFolders(plan.updatedFolders));

    // Files changed in scope: new, changed (replaced once verified), renamed or moved.
    for (const ChangePlan::PlacedChange &change : plan.files)
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
        bool fetch = true;
        if (here && here->state == fileStateName(FileState::Done))
        {
            if (RunJournal::isDoneAlready(*here, probe))
                continue; // only its metadata changed (or trashed and back)
            ++m_incremental->changed;
        }
        else if (elsewhere)
        {
            ++m_incremental->changed;
            const QString target = m_services.destination->locationOf(place.relativePath);
            if (!store && RunJournal::isDoneAlready(*elsewhere, probe))
            {
                noteDryRun(*elsewhere, tr("dry run: renamed or moved in Drive, would move to %1").arg(place.relativePath));
                continue;
            }
            if (store && local && moveLocal(m_services.destination->locationOf(elsewhere->relativePath), target))
            {
                warnIf(store->moveFile(*elsewhere, place.relativePath, target, place.drivePath));
                elsewhere->relativePath = place.relativePath;
                fetch = !RunJournal::isDoneAlready(*elsewhere, probe);
            }
        }
        else if (!here)
        {
            ++m_incremental->added;
        }
        if (!fetch)
            continue;
        addFile(place);
        if (FileRecord *record = m_records.find(change.file.id, place.relativePath); record && (here || elsewhere))
            record->job.conflict = Dest::ConflictPolicy::Overwrite;
    }

    // Gone from the sources: folders (every landed file below) and files.
    for (const Journal::FolderRow &folder : plan.gone)
    {
        for (const Journal::FileRow &row : reads->filesBelow(job, folder.relativePath))
            removeLanded(row);
        if (m_options.mirror && local && store)
        {
            // Folders emptied by the deletions go too (rmdir removes only empty ones).
            const QString root = m_services.destination->locationOf(folder.relativePath);
            QStringList dirs;
            QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext())
                dirs.append(it.next());
            std::sort(dirs.begin(), dirs.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
            for (const QString &dir : std::as_const(dirs))
                QDir().rmdir(dir);
            QDir().rmdir(root);
        }
    }
    if (store && !plan.forgottenFolders.isEmpty())
        warnIf(store->forgetFolders(job, plan.forgottenFolders));
    for (const QString &id : plan.goneFiles)
    {
        for (const Journal::FileRow &row : reads->filesById(job, id))
            removeLanded(row);
    }

    // Folders moved in (or new, or moved on a destination that cannot move): listed.
    m_incremental->stage = IncrementalRun::Stage::Applying;
    if (!toList.isEmpty())
    {
        Drive::TreeWalker *walker = newWalker();
        for (const ChangePlan::PlacedChange &folder : std::as_const(toList))
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
    const bool local = qobject_cast<Dest::LocalDestination *>(m_services.destination) != nullptr;
    const QString location = m_services.destination->locationOf(row.relativePath);
    if (m_options.mirror && local && QFile::remove(location))
    {
        if (const Journal::Result set = m_journal->store()->setFileState(row, u"deleted"_s,
                tr("removed from Drive; its copy was deleted (--mirror)"));
            !set.ok())
            qCWarning(lcTransfer).noquote() << set.message;
        return;
    }
    const QString reason = !m_options.mirror ? tr("removed from Drive; its copy was left at the destination")
        : local ? tr("removed from Drive; its copy could not be deleted: %1").arg(location)
                : tr("removed from Drive; --mirror deletes copies in a local folder only, %1 was left").arg(location);
    if (const Journal::Result set = m_journal->store()->setFileState(row, u"removed"_s, reason); !set.ok())
        qCWarning(lcTransfer).noquote() << set.message;
}

} // namespace Transfer
