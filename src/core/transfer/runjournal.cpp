// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/runjournal.h"

#include "journal/store.h"
#include "transfer/conflictdecision.h"
#include "transfer/runoutcome.h"
#include "util/logging.h"

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
QString reasonOf(Journal::Result::Status status)
{
    switch (status)
    {
    case Journal::Result::Status::Ok:
        return {};
    case Journal::Result::Status::StateDirectory:
        return u"journalStateDirectory"_s;
    case Journal::Result::Status::Locked:
        return u"journalLocked"_s;
    case Journal::Result::Status::TooNew:
        return u"journalTooNew"_s;
    case Journal::Result::Status::Database:
        return u"journalDatabase"_s;
    }
    return u"journalDatabase"_s;
}

Net::Error errorOf(const Journal::Result &result)
{
    return {Net::ErrorClass::Local, 0, reasonOf(result.status), result.message};
}
} // namespace

RunJournal::RunJournal() = default;

RunJournal::~RunJournal()
{
    if (m_store)
        m_store->close();
}

Net::Error RunJournal::open(const QString &path, const QStringList &sources, const QString &destination,
                            const QString &jobName, QString *notice)
{
    m_store = std::make_unique<Journal::Store>();
    Journal::Result result = m_store->open(path);
    if (!result.ok())
    {
        m_store.reset();
        return errorOf(result);
    }
    if (notice)
        *notice = result.message;
    Journal::JobRow job;
    m_started = QDateTime::currentDateTimeUtc();
    if (result = m_store->ensureJob(sources, destination, jobName, &job); result.ok())
        result = m_store->startRun(job.id, m_started, &m_run);
    if (!result.ok())
    {
        m_store.reset();
        return errorOf(result);
    }
    m_job = job.id;
    QObject::connect(m_store.get(), &Journal::Store::flushFailed, m_store.get(), [](const QString &message) {
        qCWarning(lcTransfer).noquote() << message;
    });
    return {};
}

bool RunJournal::isOpen() const
{
    return m_store && m_store->isOpen();
}

std::optional<Journal::FileRow> RunJournal::earlier(const QString &driveId, const QString &relativePath) const
{
    if (!isOpen() || driveId.isEmpty())
        return std::nullopt;
    return m_store->file(m_job, driveId, relativePath);
}

QString RunJournal::revisionOf(const Drive::DriveFile &file)
{
    if (file.isGoogleApp())
        return file.version >= 0 ? QString::number(file.version) : QString();
    return file.headRevisionId;
}

QString RunJournal::changedSince(const Journal::FileRow &row, const TransferJob &job)
{
    const Drive::DriveFile &file = job.file;
    const QString revision = revisionOf(file);
    if (!row.revision.isEmpty() && !revision.isEmpty() && row.revision != revision)
        return tr("changed in Drive since the interrupted run (a new revision)");
    if (row.size != (file.isGoogleApp() ? -1 : file.size))
        return tr("changed in Drive since the interrupted run (its size)");
    if (row.md5 != file.md5Checksum || row.sha256 != file.sha256Checksum)
        return tr("changed in Drive since the interrupted run (its checksum)");
    if (row.exportFormat != job.exportMimeType)
        return tr("exported to another format than in the earlier run");
    if (row.revision.isEmpty() && revision.isEmpty() && file.isGoogleApp())
        return tr("a Google file without a version cannot be recognised");
    return {};
}

bool RunJournal::isDoneAlready(const Journal::FileRow &row, const TransferJob &job)
{
    return row.state == fileStateName(FileState::Done) && changedSince(row, job).isEmpty();
}

Journal::FileRow RunJournal::rowOf(const FileRecord &record, bool runInterrupted) const
{
    const FileStatus &status = record.status;
    Journal::FileRow row;
    row.job = m_job;
    row.run = m_run;
    row.driveId = status.driveId;
    // Items that failed while listing have no place below the destination: their Drive path keys them.
    const FileRecord::Landing &landing = record.landing;
    row.relativePath = landing.relativePath.isEmpty() ? status.drivePath : landing.relativePath;
    row.drivePath = status.drivePath;
    row.revision = record.revision;
    row.size = landing.size;
    row.md5 = landing.md5;
    row.sha256 = landing.sha256;
    row.exportFormat = landing.exportMimeType;
    row.state = fileStateName(status.state);
    // The same bytes found in place: the file is at the destination as if this run had landed it.
    if (status.state == FileState::Skipped && status.lastError.reason == ConflictDecision::alreadyThere)
        row.state = fileStateName(FileState::Done);
    else if (runInterrupted && status.state == FileState::Cancelled)
        row.state = u"interrupted"_s;
    row.bytes = status.bytesDone;
    row.resumeOffset = record.durableOffset;
    row.resumeState = record.resumeState;
    row.hashState = record.hashState;
    row.computedHash = status.hash;
    row.reason = status.lastError.message.isEmpty() ? status.lastError.reason : status.lastError.message;
    row.destinationPath = status.destinationPath;
    row.started = record.started;
    row.ended = record.ended;
    return row;
}

void RunJournal::record(const FileRecord &record, bool runInterrupted)
{
    if (!isOpen() || record.doneEarlier)
        return;
    m_store->upsertFile(rowOf(record, runInterrupted));
}

void RunJournal::recordDurable(const FileRecord &record)
{
    if (!isOpen())
        return;
    this->record(record);
    if (const Journal::Result flushed = m_store->flush(); !flushed.ok())
        qCWarning(lcTransfer).noquote() << flushed.message;
}

QDateTime RunJournal::lastCompleted() const
{
    QDateTime last;
    if (!isOpen())
        return last;
    for (const Journal::RunRow &run : m_store->runs(m_job))
    {
        if (run.id != m_run && run.outcome == outcomeName(Outcome::Completed))
            last = run.started;
    }
    return last;
}

void RunJournal::recordFolder(const Journal::FolderRow &row)
{
    m_folders.append(row);
    m_folders.last().job = m_job;
}

void RunJournal::end(const QString &outcome)
{
    if (!isOpen())
        return;
    if (const Journal::Result flushed = m_store->flush(); !flushed.ok())
        qCWarning(lcTransfer).noquote() << flushed.message;
    // The folders first: tokens without the folders they were read against would place changes nowhere.
    Journal::Result saved = m_store->saveFolders(std::exchange(m_folders, {}));
    if (saved.ok() && outcome == outcomeName(Outcome::Completed) && !m_tokens.isEmpty())
        saved = m_store->setCursors(m_job, m_tokens);
    if (!saved.ok())
        qCWarning(lcTransfer).noquote() << saved.message;
    if (const Journal::Result ended = m_store->endRun(m_run, QDateTime::currentDateTimeUtc(), outcome); !ended.ok())
        qCWarning(lcTransfer).noquote() << ended.message;
    m_store->close();
    m_store.reset();
}

} // namespace Transfer
