// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/filerecord.h"

#include <algorithm>

namespace Transfer
{
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
    status.hash = hash;
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
    FileRecord &record = m_records[key];
    record.status = std::move(status);
    record.job = std::move(job);
    m_changed.insert(key);
    return record;
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

FileRecord *FileRecords::find(const QString &driveId, const QString &relativePath)
{
    for (const quint64 key : m_byDriveId.value(driveId))
    {
        FileRecord &record = m_records.at(key);
        if (record.job.relativePath == relativePath)
            return &record;
    }
    return nullptr;
}

bool FileRecords::allTerminal() const
{
    return std::all_of(m_records.begin(), m_records.end(), [](const auto &entry) { return entry.second.isTerminal(); });
}

} // namespace Transfer
