// SPDX-License-Identifier: GPL-3.0-or-later
// Engine and its journal (issue 11): the journal opened at start(), files done in an earlier run skipped,
// continuations prepared, every record's changes written, the run's receipts at the end.
#include "transfer/engine.h"

#include "destinations/destination.h"
#include "transfer/reportformat.h"
#include "transfer/runoutcome.h"
#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTemporaryFile>

#include <memory>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
/// "done in an earlier run": the code a report and a receipt carry for such a skip.
constexpr auto doneEarlierCode = "doneEarlier";

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

/// The run's receipts are written first to `<journal>.receipts-XXXXXX` beside the journal.
QString receiptsPattern(const QString &journalPath)
{
    return QFileInfo(journalPath).fileName() + u".receipts-"_s;
}
} // namespace

bool Engine::openJournal(const QList<Drive::DriveRef> &sources)
{
    if (m_options.journalPath.isEmpty() || m_options.dryRun)
        return true;
    QStringList ids;
    for (const Drive::DriveRef &ref : sources)
        ids.append(ref.id);
    m_journal = std::make_unique<RunJournal>();
    QString notice;
    const Net::Error error = m_journal->open(m_options.journalPath, Journal::normalisedSources(ids),
                                             m_services.destination->describe(), m_options.jobName, &notice);
    if (!notice.isEmpty())
        emit this->notice(notice);
    if (error.isError())
    {
        m_journal.reset();
        stopRun(error);
        return false;
    }
    // Receipts a killed run was writing: this process holds the journal's lock, so none is being written now.
    const QFileInfo journal(m_options.journalPath);
    for (const QFileInfo &stale :
         journal.dir().entryInfoList({receiptsPattern(m_options.journalPath) + u'*'}, QDir::Files | QDir::Hidden))
    {
        if (!QFile::remove(stale.filePath()))
            qCWarning(lcTransfer).noquote() << "cannot remove" << stale.filePath();
    }
    return true;
}

bool Engine::applyJournal(FileRecord &record)
{
    if (!record.movable || !m_journal)
        return false;
    const std::optional<Journal::FileRow> row = m_journal->earlier(record.driveId(), record.landing.relativePath);
    if (!row)
        return false; // a file new to the job: no job is built for it here (most files of a first run)
    const TransferJob job = record.transferJob();
    // Skip (the default) never touches what is there: the journal's word that this revision landed is enough
    // (--verify checks again). update, overwrite and keep-both look at the destination as they always did.
    if (!m_options.verifyDone && m_options.conflict == Dest::ConflictPolicy::Skip
        && RunJournal::isDoneAlready(*row, job))
    {
        // Neither fetched nor re-read.
        record.doneEarlier = true;
        record.status.state = FileState::Skipped;
        record.status.hash = row->computedHash;
        record.status.destinationPath = row->destinationPath.isEmpty() ? record.status.destinationPath
                                                                        : row->destinationPath;
        record.status.lastError = {Net::ErrorClass::None, 0, QString::fromLatin1(doneEarlierCode),
                                   tr("done in an earlier run")};
        return true;
    }
    if (row->resumeOffset <= 0 || row->state == fileStateName(FileState::Done))
        return false;
    if (const QString changed = RunJournal::changedSince(*row, job); !changed.isEmpty())
    {
        // The kept partial is of another revision: the file starts over. The offset alone (no sink state, no hash
        // state) lets the sink find and drop partials of other revisions; it starts at 0 (Target::revision).
        record.status.lastError = {Net::ErrorClass::None, 0, u"restartedChanged"_s, changed};
        record.editJob().resume = {row->resumeOffset, {}, {}};
        return false;
    }
    record.durableOffset = row->resumeOffset;
    record.resumeState = row->resumeState;
    record.hashState = row->hashState;
    record.editJob().resume = {row->resumeOffset, row->resumeState, row->hashState};
    return false;
}

void Engine::recordDurable(quint64 key, qint64 offset, const QByteArray &sinkState, const QByteArray &hashState)
{
    if (FileRecord *record = m_records.find(key))
    {
        record->durableOffset = offset;
        record->resumeState = sinkState;
        record->hashState = hashState;
        m_records.markChanged(key);
        if (m_journal)
            m_journal->recordDurable(*record);
    }
}

void Engine::journalChanges()
{
    if (!m_journal)
        return;
    const bool interrupted = m_stopError && m_stopError->errorClass == Net::ErrorClass::Cancelled;
    for (const quint64 key : touchedKeys())
    {
        if (const FileRecord *record = m_records.find(key))
            m_journal->record(*record, interrupted);
    }
}

void Engine::writeReceipt(const FileRecord &record, const FileStatus &status)
{
    // touched: a file this run began to move (listing failures are in the report)
    if (!m_journal || m_receiptsFailed || record.doneEarlier || !record.started.isValid())
        return;
    if (!m_receipts)
    {
        // Written a line at a time to a temporary file beside the journal (on disk, where this run already writes;
        // /tmp may be memory), then handed to the destination as a file: the receipts of a large tree (1–2 KB a
        // file) are never held in memory whole.
        m_receipts = std::make_shared<QTemporaryFile>(QFileInfo(m_options.journalPath).absolutePath() + u'/'
                                                      + receiptsPattern(m_options.journalPath) + u"XXXXXX"_s);
        if (!m_receipts->open())
        {
            m_receiptsFailed = true;
            return;
        }
    }
    // One line a file the run touched: the report's per-file record and what only a receipt keeps.
    QJsonObject line = ReportFormat::fileToJson(status);
    line.insert(u"revision"_s, record.revision);
    line.insert(u"driveMd5"_s, record.landing.md5);
    line.insert(u"driveSha256"_s, record.landing.sha256);
    line.insert(u"relativePath"_s, record.landing.relativePath);
    line.insert(u"startedAt"_s, isoTime(record.started));
    line.insert(u"endedAt"_s, isoTime(record.ended));
    line.insert(u"toolVersion"_s, QStringLiteral(DI_VERSION));
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (m_receipts->write(bytes) != bytes.size())
        m_receiptsFailed = true;
    m_receiptBytes += bytes.size();
}

void Engine::closeJournal(const Report &report, const QList<FileStatus> &kept, std::function<void()> done)
{
    RunOutcome::Stops stops;
    if (m_stopError)
    {
        if (m_stopError->errorClass == Net::ErrorClass::Cancelled)
            stops.interruption = m_stopError->message;
        else if (m_stopError->errorClass == Net::ErrorClass::Auth)
            stops.authFailure = m_stopError->message;
        else
            stops.localFailure = m_stopError;
    }
    const QString outcome = RunOutcome::of(report, stops).name();
    if (m_incremental && m_incremental->stage == IncrementalRun::Stage::Applying)
        emit notice(tr("%1 new, %2 changed, %3 removed since %4")
                        .arg(m_incremental->added)
                        .arg(m_incremental->changed)
                        .arg(m_incremental->removed)
                        .arg(m_incremental->since.isValid()
                                 ? m_incremental->since.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s)
                                 : tr("the last run")));
    // Receipts belong to a journaled run (--no-journal runs as before: nothing of ours at the destination); a
    // run stopped by the destination itself (disk full, gone) adds nothing there either.
    const bool destinationFailed = m_stopError && m_stopError->errorClass == Net::ErrorClass::Local;
    if (!m_journal || destinationFailed || !m_checked)
    {
        if (m_journal)
            m_journal->end(outcome);
        done();
        return;
    }

    // The receipts of the records spilled are in m_receipts already; the records kept to the end add theirs.
    qsizetype index = 0;
    for (auto it = m_records.begin(); it != m_records.end() && index < kept.size(); ++it, ++index)
        writeReceipt(it->second, kept.at(index));
    const bool ok = !m_receiptsFailed && (!m_receipts || m_receipts->flush());
    if (!ok)
    {
        // A full or failing state folder: the files landed, their receipts did not. Said, not only logged.
        qCWarning(lcTransfer).noquote() << "receipts not written: cannot write" << m_receipts->fileName() << ":"
                                        << m_receipts->errorString();
        emit notice(tr("The run's receipts were not written: cannot write %1: %2")
                        .arg(m_receipts->fileName(), m_receipts->errorString()));
    }
    const std::shared_ptr<QTemporaryFile> lines = std::move(m_receipts);
    if (!ok || !lines || m_receiptBytes == 0)
    {
        m_journal->end(outcome); // a run that touched no file leaves no receipts file
        done();
        return;
    }
    const QString runName = m_journal->runStarted().toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s) + u"-run"_s
        + QString::number(m_journal->runId());
    const QString path = u"_drive_ingest/runs/"_s + runName + u".jsonl"_s;
    QPointer<Engine> self(this);
    const QString source = lines->fileName();
    m_services.destination->writeWholeFrom(path, source, [self, outcome, done, path, lines](const Net::Error &error) {
        if (!self)
            return;
        if (error.isError())
        {
            qCWarning(lcTransfer).noquote() << "receipts not written to" << path << ":" << error.toString();
            emit self->notice(tr("The run's receipts were not written to %1: %2").arg(path, error.message));
        }
        if (self->m_journal)
            self->m_journal->end(outcome);
        done();
    });
}

} // namespace Transfer
