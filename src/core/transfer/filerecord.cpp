// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/filerecord.h"

#include "transfer/runjournal.h"

#include <algorithm>

namespace Transfer
{
namespace
{
// sameForTransfer() compares every member: a new one must be compared there, or a record would drop its job and
// give the transfer a Drive file without it.
static_assert(sizeof(Drive::DriveFile) == 336, "compare the new member in sameForTransfer()");
static_assert(sizeof(TransferJob) == 448, "compare the new member in sameForTransfer()");

bool sameForTransfer(const TransferJob &a, const TransferJob &b)
{
    const Drive::DriveFile &f = a.file;
    const Drive::DriveFile &g = b.file;
    return f.id == g.id && f.name == g.name && f.mimeType == g.mimeType && f.size == g.size
        && f.md5Checksum == g.md5Checksum && f.sha256Checksum == g.sha256Checksum
        && f.headRevisionId == g.headRevisionId && f.version == g.version && f.parents == g.parents
        && f.driveId == g.driveId && f.resourceKey == g.resourceKey && f.trashed == g.trashed
        && f.canDownload == g.canDownload && f.createdTime == g.createdTime && f.modifiedTime == g.modifiedTime
        && f.shortcutTargetId == g.shortcutTargetId && f.shortcutTargetMimeType == g.shortcutTargetMimeType
        && f.shortcutTargetResourceKey == g.shortcutTargetResourceKey && f.exportLinks == g.exportLinks
        && a.relativePath == b.relativePath && a.exportMimeType == b.exportMimeType
        && a.resume.offset == b.resume.offset && a.resume.sinkState == b.resume.sinkState
        && a.resume.hashState == b.resume.hashState && a.conflict == b.conflict;
}

/// The job a record says in full when it keeps none: its id, mime type, size, hashes, revision and landing.
TransferJob rebuilt(const FileRecord &record)
{
    Drive::DriveFile file;
    file.id = record.status.driveId;
    file.mimeType = record.status.mimeType;
    file.size = record.landing.size;
    file.md5Checksum = record.landing.md5;
    file.sha256Checksum = record.landing.sha256;
    file.version = record.landing.version;
    if (!file.isGoogleApp())
        file.headRevisionId = record.revision;
    return {std::move(file), record.landing.relativePath, record.landing.exportMimeType, {}, {}};
}
} // namespace

void FileRecord::progress(const FileTransfer &transfer)
{
    status.bytesDone = transfer.bytesDone();
    resumeOffset = status.bytesDone; // where a Range request would continue
    status.retries = transfer.retries();
    if (transfer.lastError().isError())
        status.lastError = transfer.lastError();
}

void FileRecord::finish(FileState state, const Net::Error &error, const QString &hash, const QString &finalLocation)
{
    status.state = state;
    if (state == FileState::Skipped)
        status.bytesDone = 0; // nothing moved: the probe found it there
    if (error.isError())
        status.lastError = error;
    else if (state == FileState::Done && status.lastError.errorClass != Net::ErrorClass::None)
        status.lastError = {}; // a note stays (why it started over: changed in Drive since the earlier run)
    else if (state == FileState::Skipped)
        status.lastError = error; // why: "exists and differs", a dry run's plan, or none for "the same"
    // A copy of its own, sized to fit: the transfer's string has room to grow (~250 bytes for a 36-character
    // hash), and every done file keeps this one for the rest of the run.
    status.hash = QString(hash.constData(), hash.size());
    if (!finalLocation.isEmpty())
        status.destinationPath = finalLocation;
    if (state == FileState::Done && status.bytesTotal < 0)
        status.bytesTotal = status.bytesDone;
    if (state == FileState::Done || state == FileState::Skipped)
        resumeOffset = 0; // nothing to continue
    // A file that ended in this run (landed, skipped, or failed and aborted its sink) leaves no partial.
    durableOffset = 0;
    resumeState.clear();
    hashState.clear();
    ended = QDateTime::currentDateTimeUtc();
    status.rate = 0;
    if (state == FileState::Done || state == FileState::Skipped)
        settle();
}

void FileRecord::settle()
{
    job.reset();
    movable = false;
}

TransferJob FileRecord::transferJob() const
{
    Q_ASSERT(movable);
    return job ? *job : rebuilt(*this);
}

TransferJob &FileRecord::editJob()
{
    Q_ASSERT(movable);
    if (!job)
        job = std::make_unique<TransferJob>(rebuilt(*this));
    return *job;
}

Drive::DriveFile FileRecord::forTransfer(Drive::DriveFile file)
{
    file.name.clear();
    file.parents.clear();
    file.createdTime = {};
    file.modifiedTime = {};
    return file;
}

void FileRecord::requeue()
{
    status.state = FileState::Queued;
    status.bytesDone = 0;
    status.lastError = {};
    resumeOffset = 0;
    ended = {};
}

FileRecord &FileRecords::add(FileStatus status, TransferJob job)
{
    const quint64 key = m_nextKey++;
    status.key = key;
    if (!status.driveId.isEmpty())
        m_byDriveId[status.driveId].append(key);
    // A tree has a handful of mime types: each record shares one copy.
    if (!status.mimeType.isEmpty())
        status.mimeType = *m_mimeTypes.insert(status.mimeType);
    if (job.file.mimeType == status.mimeType)
        job.file.mimeType = status.mimeType;
    FileRecord &record = m_records[key];
    record.status = std::move(status);
    if (!job.file.id.isEmpty())
    {
        record.landing = {job.relativePath, job.exportMimeType, job.file.md5Checksum, job.file.sha256Checksum,
                          job.file.isGoogleApp() ? -1 : job.file.size, job.file.version};
        record.revision = RunJournal::revisionOf(job.file);
        record.movable = true;
        // Most files are plain: the record says all of them, and keeps no job of 450 bytes besides.
        if (!sameForTransfer(job, rebuilt(record)))
            record.job = std::make_unique<TransferJob>(std::move(job));
    }
    markChanged(key);
    return record;
}

void FileRecords::markChanged(quint64 key)
{
    if (FileRecord *record = find(key))
    {
        // A skip's note is one of a few texts ("dry run: new, would be copied"…), the same for many files: each
        // record shares one copy.
        QString &note = record->status.lastError.message;
        if (record->status.state == FileState::Skipped && !note.isEmpty())
            note = *m_notes.insert(note);
        recount(*record);
        m_changed.insert(key);
    }
}

void FileRecords::recount(quint64 key)
{
    if (FileRecord *record = find(key))
        recount(*record);
}

void FileRecords::recount(FileRecord &record)
{
    // Snapshot::count()'s rule for an inexact total: a file not over whose size is unknown.
    const auto openUnknown = [](FileState state, qint64 bytesTotal) {
        return bytesTotal < 0 && state != FileState::Skipped && !isTerminal(state);
    };
    FileRecord::Tallied &was = record.tallied;
    if (was.counted)
    {
        m_totals.tally(was.state, was.bytesDone, was.bytesTotal, -1);
        m_openUnknownSizes -= openUnknown(was.state, was.bytesTotal) ? 1 : 0;
    }
    const FileStatus &now = record.status;
    m_totals.tally(now.state, now.bytesDone, now.bytesTotal, 1);
    m_openUnknownSizes += openUnknown(now.state, now.bytesTotal) ? 1 : 0;
    was = {now.state, now.bytesDone, now.bytesTotal, true};
}

QList<quint64> FileRecords::changedKeys() const
{
    QList<quint64> keys(m_changed.begin(), m_changed.end());
    std::sort(keys.begin(), keys.end());
    return keys;
}

void FileRecords::countInto(Snapshot &s) const
{
    s.filesTotal += m_totals.filesTotal;
    s.filesQueued += m_totals.filesQueued;
    s.filesActive += m_totals.filesActive;
    s.filesDone += m_totals.filesDone;
    s.filesSkipped += m_totals.filesSkipped;
    s.filesFailed += m_totals.filesFailed;
    s.filesParked += m_totals.filesParked;
    s.filesCancelled += m_totals.filesCancelled;
    s.bytesDone += m_totals.bytesDone;
    s.bytesTotal += m_totals.bytesTotal;
    if (m_openUnknownSizes > 0)
        s.bytesTotalExact = false;
}

FileRecord *FileRecords::find(quint64 key)
{
    const auto it = m_records.find(key);
    return it == m_records.end() ? nullptr : &it->second;
}

const FileRecord *FileRecords::find(quint64 key) const
{
    const auto it = m_records.find(key);
    return it == m_records.end() ? nullptr : &it->second;
}

QList<FileStatus> FileRecords::takeStatuses()
{
    QList<FileStatus> statuses;
    statuses.reserve(size());
    for (auto &[key, record] : m_records)
        statuses.append(std::move(record.status));
    return statuses;
}

void FileRecords::release()
{
    m_records.clear();
    m_byDriveId.clear();
    m_changed.clear();
    m_spilled.clear();
}

namespace
{
std::pair<size_t, size_t> identity(const QString &driveId, const QString &relativePath)
{
    return {qHashMulti(0x9e3779b97f4a7c15ULL, driveId, relativePath), qHashMulti(0xc2b2ae3d27d4eb4fULL, relativePath, driveId)};
}
} // namespace

void FileRecords::spillSettled(FileList &report, const std::function<void(const FileRecord &)> &each)
{
    auto it = m_records.lower_bound(m_spillFrom);
    while (it != m_records.end())
    {
        FileRecord &record = it->second;
        if (!record.isTerminal() || m_changed.contains(it->first))
            break;
        const FileState state = record.status.state;
        if (state != FileState::Done && state != FileState::Skipped)
        {
            ++it; // may be retried: it stays
            continue;
        }
        each(record);
        if (!record.status.driveId.isEmpty())
        {
            m_spilled.insert(identity(record.status.driveId, record.landing.relativePath));
            const auto keys = m_byDriveId.find(record.status.driveId);
            if (keys != m_byDriveId.end())
            {
                keys->removeOne(it->first);
                if (keys->isEmpty())
                    m_byDriveId.erase(keys);
            }
        }
        report.spill(std::move(record.status));
        it = m_records.erase(it);
    }
    m_spillFrom = it == m_records.end() ? m_nextKey : it->first;
}

bool FileRecords::wasSpilled(const QString &driveId, const QString &relativePath) const
{
    return !m_spilled.isEmpty() && m_spilled.contains(identity(driveId, relativePath));
}

FileRecord *FileRecords::find(const QString &driveId, const QString &relativePath)
{
    for (const quint64 key : m_byDriveId.value(driveId))
    {
        FileRecord &record = m_records.at(key);
        if (record.landing.relativePath == relativePath)
            return &record;
    }
    return nullptr;
}

} // namespace Transfer
