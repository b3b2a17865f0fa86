// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/engine.h"

#include "net/tokenprovider.h"
#include "destinations/databricksdestination.h"
#include "destinations/destination.h"
#include "destinations/pathmapper.h"
#include "drive/driveclient.h"
#include "drive/treewalker.h"
#include "net/bandwidthlimiter.h"
#include "net/connectionpool.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "transfer/waitstatus.h"
#include "util/logging.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
RunOptions withDefaults(RunOptions options)
{
    if (options.exportFormats.isEmpty())
        options.exportFormats = RunOptions::defaultExportFormats();
    options.parallel = std::max(1, options.parallel);
    options.bandwidthLimit = std::max<qint64>(0, options.bandwidthLimit);
    return options;
}
} // namespace

Engine::Engine(const Services &services, const RunOptions &options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(withDefaults(options))
    , m_names(m_options.exportFormats)
    , m_counters(std::make_unique<Net::RequestCounters>())
{
    m_pacer = new Net::Pacer(m_options.requestsPerSecond, m_options.burst, this);
    m_pacer->setCeiling(m_options.maxRequestsPerSecond);
    m_drive = new Drive::DriveClient(m_services.nam, m_services.token, m_pacer, m_services.endpoints, this);
    m_context.nam = m_services.nam;
    // Bodies in flight get a connection each, whatever Qt's 6 per host (net/connectionpool.h).
    m_context.bodies = new Net::ConnectionPool(m_services.nam, m_options.maxBodyConnections, this);
    m_context.token = m_services.token;
    m_context.pacer = m_pacer;
    m_context.drive = m_drive;
    m_context.destination = m_services.destination;
    m_drive->setCounters(m_counters.get());
    m_drive->setBackoffPolicy(m_options.backoffPolicy());
    if (auto *databricks = qobject_cast<Dest::DatabricksDestination *>(m_services.destination))
    {
        // The run's tries and --retry-timeout bound the workspace's requests too; its pauses stay its own.
        Net::BackoffPolicy policy = databricks->client()->backoffPolicy();
        policy.maxTries = m_options.maxTries;
        policy.retryTimeout = m_options.retryTimeout;
        databricks->client()->setBackoffPolicy(policy);
    }
    m_context.counters = m_counters.get();
    m_context.sinkStalls = &m_sinkStalls;
    m_limiter = new Net::BandwidthLimiter(m_options.bandwidthLimit, this);
    m_context.limiter = m_limiter;
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &Engine::tick);
}

Engine::~Engine()
{
    // Unfinished files leave nothing behind: each transfer aborts its sink.
    for (auto &[key, active] : m_transfers)
    {
        active.transfer->disconnect(this);
        delete active.transfer;
    }
}

void Engine::start(const QList<Drive::DriveRef> &sources)
{
    if (m_started)
    {
        addSources(sources);
        return;
    }
    m_started = true;
    m_elapsed.start();
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_ticker.start();
    m_pendingSources = sources;
    // The report's settled files go beside the journal (on disk, where the run already writes; /tmp may be memory).
    if (!m_options.journalPath.isEmpty())
        m_settled.setSpillFolder(QFileInfo(m_options.journalPath).absolutePath());
    if (!openJournal(sources))
        return; // stopped before any byte moves
    m_services.destination->check([this](const Net::Error &error) {
        if (error.isError())
        {
            // A refused destination token (Databricks): the user has to sign in again, as for Google.
            if (error.errorClass == Net::ErrorClass::Auth)
                emit authRequired(m_services.destination->describe(), error.message);
            stopRun(error);
            return;
        }
        m_checked = true;
        const QList<Drive::DriveRef> pending = std::exchange(m_pendingSources, {});
        startSources(pending);
        maybeFinish();
    });
}

void Engine::addSources(const QList<Drive::DriveRef> &sources)
{
    if (m_finished || m_stopping)
        return;
    if (!m_checked)
    {
        m_pendingSources += sources;
        return;
    }
    startListing(sources);
}

void Engine::startListing(const QList<Drive::DriveRef> &sources)
{
    if (!sources.isEmpty())
        newWalker()->add(sources);
}

void Engine::onFolderListed(const QStringList &segments, const QStringList &folderIds,
                            const QList<Drive::DriveFile> &children)
{
    if (m_stopping || m_finished)
        return;
    for (const NamePlan::Placed &placed : m_names.placeChildren(segments, folderIds, children))
        addFile(placed);
    schedule();
}

void Engine::onFileFound(const QStringList &segments, const QStringList &folderIds, const Drive::DriveFile &file)
{
    Q_UNUSED(folderIds)
    // Children of folders were queued with their folder's listing (names are settled per folder there).
    if (m_stopping || m_finished || !segments.isEmpty())
        return;
    // A file given directly as a source lands at the top of the destination.
    if (const std::optional<NamePlan::Placed> placed = m_names.placeRootFile(file))
    {
        addFile(*placed);
        schedule();
    }
}

void Engine::onItemFailed(const QString &driveId, const QString &what, const Net::Error &error)
{
    if (m_stopping || m_finished)
        return;
    FileStatus status;
    status.driveId = driveId;
    status.drivePath = what;
    status.state = error.errorClass == Net::ErrorClass::Quota ? FileState::Parked : FileState::Failed;
    status.lastError = error;
    m_records.add(status);
    if (error.errorClass == Net::ErrorClass::Auth)
    {
        // The listing call already tried its one token refresh: the account needs the user now.
        emit authRequired(m_services.token ? m_services.token->accountName() : QString(), error.message);
        stopRun(error);
    }
    else if (error.errorClass == Net::ErrorClass::Local)
    {
        stopRun(error);
    }
}

void Engine::addFile(const NamePlan::Placed &placed)
{
    const Drive::DriveFile &file = placed.file;
    if (m_records.find(file.id, placed.relativePath) || m_records.wasSpilled(file.id, placed.relativePath))
        return; // listed again: one Drive file at one place is one record
    FileStatus status;
    status.driveId = file.id;
    status.drivePath = placed.drivePath;
    status.destinationPath = m_services.destination->locationOf(placed.relativePath);
    status.mimeType = file.mimeType;
    TransferJob job {FileRecord::forTransfer(file), placed.relativePath, m_names.exportMimeFor(file), {}, {}};
    status.exportMimeType = job.exportMimeType;
    if (file.isGoogleApp() && job.exportMimeType.isEmpty())
    {
        status.state = FileState::Skipped;
        status.lastError = {Net::ErrorClass::Permanent, 0, u"notExportable"_s,
                            tr("Google file of type %1 cannot be exported").arg(file.mimeType)};
        m_records.add(status);
        return;
    }
    if (!file.isGoogleApp())
        status.bytesTotal = file.size;
    if (Dest::PathMapper::isTooLong(placed.relativePath))
    {
        // One file too deep for any file system: it fails alone, the run goes on.
        status.state = FileState::Failed;
        status.lastError = {Net::ErrorClass::Permanent, 0, u"pathTooLong"_s,
                            tr("The path is longer than %1 bytes: %2")
                                .arg(Dest::PathMapper::MaxPathBytes)
                                .arg(placed.drivePath)};
        m_records.add(status);
        return;
    }
    FileRecord &record = m_records.add(status, job);
    const bool doneEarlier = applyJournal(record);
    m_records.markChanged(record.status.key);
    if (doneEarlier)
    {
        record.settle();
        return;
    }
    // A dry run queues the file too: its transfer asks the destination what is there and reports what a
    // real run would do (ConflictDecision::dryRunNote) instead of fetching.
    m_queue.push_back(record.status.key);
}

void Engine::schedule()
{
    if (m_stopping || m_finished || m_paused || !m_checked)
        return;
    const int limit = std::min(m_options.parallel, m_services.destination->maxParallelSinks());
    while (m_active < limit && !m_queue.empty())
    {
        FileRecord *record = m_records.find(m_queue.front());
        m_queue.pop_front();
        if (record && record->status.state == FileState::Queued)
            startTransfer(*record);
    }
    paceListing();
    maybeFinish();
}

void Engine::paceListing()
{
    // Held at a full window, let go at half of it: a listing far faster than the transfers (a dry run, small
    // files) does not fill memory with the tree's records, and does not stop and start at every file either.
    const auto queued = qsizetype(m_queue.size());
    const qsizetype window = m_options.queueWindow;
    const bool hold = window > 0 && (queued >= window || (m_listingHeld && queued > window / 2));
    if (hold == m_listingHeld)
        return;
    m_listingHeld = hold;
    for (Drive::TreeWalker *walker : std::as_const(m_walkers))
        walker->setHeld(hold);
}

void Engine::startTransfer(FileRecord &record)
{
    const quint64 key = record.status.key;
    auto *transfer = new FileTransfer(m_context, record.transferJob(), m_options, this);
    Active &active = m_transfers[key];
    active.transfer = transfer;
    active.rate.clear();
    active.clock.start();
    active.holdsSlot = true;
    ++m_active;
    record.status.state = FileState::Transferring;
    record.status.bytesDone = 0;
    record.status.rate = 0;
    record.resumeOffset = 0;
    if (!record.started.isValid())
        record.started = QDateTime::currentDateTimeUtc();
    m_records.markChanged(key);
    // Durable checkpoints cost an fdatasync every 8 MiB: asked for only when a journal keeps them.
    if (m_journal)
        connect(transfer, &FileTransfer::durable, this, [this, key](qint64 offset, const QByteArray &sink, const QByteArray &hash) {
            recordDurable(key, offset, sink, hash);
        });
    connect(transfer, &FileTransfer::stateChanged, this, [this, key](FileState state) {
        FileRecord *r = m_records.find(key);
        if (r && !isTerminal(state))
        {
            r->status.state = state;
            m_records.markChanged(key);
        }
    });
    connect(transfer, &FileTransfer::finished, this,
            [this, key](FileState state, const Net::Error &error, const QString &hash, const QString &location) {
                onTransferFinished(key, state, error, hash, location);
            });
    connect(transfer, &FileTransfer::authFailed, this, [this](const QString &reason) {
        if (m_stopping)
            return;
        const QString account = m_services.token ? m_services.token->accountName() : QString();
        emit authRequired(account, reason);
        stopRun({Net::ErrorClass::Auth, 401, u"authRequired"_s, reason});
    });
    transfer->start();
}

void Engine::dropTransfer(quint64 key)
{
    const auto it = m_transfers.find(key);
    if (it == m_transfers.end())
        return;
    it->second.transfer->disconnect(this);
    it->second.transfer->deleteLater();
    releaseSlot(it->second);
    m_transfers.erase(it);
}

void Engine::onTransferFinished(quint64 key, FileState state, const Net::Error &error, const QString &hash,
                                const QString &finalLocation)
{
    FileRecord *record = m_records.find(key);
    if (!record)
        return;
    if (const auto it = m_transfers.find(key); it != m_transfers.end())
    {
        record->progress(*it->second.transfer);
        record->status.seconds = it->second.clock.elapsed() / 1000.0;
        dropTransfer(key);
    }
    record->finish(state, error, hash, finalLocation);
    m_records.markChanged(key);
    if (m_journal && state == FileState::Done)
        m_journal->recordDurable(*record); // committed now: a run killed next must not fetch nor re-read it
    if (state == FileState::Failed && error.errorClass == Net::ErrorClass::Local)
    {
        stopRun(error);
        return;
    }
    schedule();
}

void Engine::stopRun(const Net::Error &error)
{
    if (m_stopping || m_finished)
        return;
    m_stopping = true;
    m_stopError = error;
    qCWarning(lcTransfer) << "run stopped:" << error.message;
    for (Drive::TreeWalker *walker : std::as_const(m_walkers))
    {
        walker->disconnect(this);
        walker->deleteLater();
    }
    m_walkers.clear();
    const Net::Error cancelled {Net::ErrorClass::Cancelled, 0, u"runStopped"_s, error.message};
    for (auto &[key, record] : m_records)
    {
        QString leftover;
        if (const auto it = m_transfers.find(key); it != m_transfers.end())
        {
            FileTransfer *transfer = it->second.transfer;
            transfer->disconnect(this);
            record.progress(*transfer);
            // A folder gone read-only keeps the unfinished file: the report names it.
            const qsizetype left = m_services.destination->leftovers().size();
            // Interrupted (Ctrl-C, Stop) with a journal: what is durable stays for the next run; else abort.
            if (error.errorClass == Net::ErrorClass::Cancelled && m_journal)
                transfer->suspend();
            else
                transfer->cancel();
            const QStringList leftovers = m_services.destination->leftovers().mid(left);
            if (!leftovers.isEmpty())
                leftover = u' ' + tr("Its unfinished file could not be removed: %1").arg(leftovers.join(u", "_s));
            dropTransfer(key);
        }
        if (!record.isTerminal())
        {
            // An Auth stop fails the account's files with the reason; anything else cancels them.
            record.status.state = error.errorClass == Net::ErrorClass::Auth ? FileState::Failed : FileState::Cancelled;
            record.status.lastError = error.errorClass == Net::ErrorClass::Auth ? error : cancelled;
            record.status.lastError.message += leftover;
            m_records.markChanged(key);
        }
    }
    m_queue.clear();
    if (error.errorClass == Net::ErrorClass::Local)
        emit runFailed(error);
    finishRun();
}

void Engine::maybeFinish()
{
    if (m_finished || !m_checked || !m_walkers.isEmpty() || !m_pendingSources.isEmpty() || m_active > 0
        || (m_incremental && m_incremental->stage == IncrementalRun::Stage::Preparing))
        return;
    if (m_records.allTerminal())
        finishRun();
}

void Engine::finishRun()
{
    if (m_finished)
        return;
    m_ticker.stop();
    sampleProgress();
    m_finished = true;
    journalChanges();
    m_records.clearChanged();
    // The report's list: the records spilled are in m_settled already (on disk); those kept (never spilled, or a
    // failure passed over) are moved out of the records, not copied, and join them.
    Snapshot last = currentSnapshot(false);
    last.files = m_records.takeStatuses();
    Report report;
    report.files = m_settled;
    for (const FileStatus &file : std::as_const(last.files))
        report.files.append(file);
    m_settled = {};
    report.totals = last;
    report.totals.files = {}; // clear() would keep a buffer the size of the tree (the list is shared)
    report.destination = m_services.destination->describe();
    report.startedAt = m_startedAt;
    report.finishedAt = QDateTime::currentDateTimeUtc();
    closeJournal(report, last.files, [this, last, report] {
        emit snapshot(last);
        emit finished(report);
    });
    m_records.release(); // the receipts are written: nothing reads the records any more
}

void Engine::sampleProgress()
{
    const qint64 now = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    // Only files in flight move between changes; every other record is in the totals as it stands.
    for (auto &[key, active] : m_transfers)
    {
        FileRecord *record = m_records.find(key);
        if (!record)
            continue;
        record->progress(*active.transfer);
        active.rate.addSample(now, record->status.bytesDone);
        record->status.rate = active.rate.bytesPerSecond();
        record->status.seconds = active.clock.elapsed() / 1000.0;
        m_records.recount(key);
    }
    Snapshot totals;
    m_records.countInto(totals);
    const RunStats::Counters counters {quint64(m_counters->requests.load()), quint64(m_counters->throttled.load()),
                                       m_sinkStalls, m_limiter->waits()};
    RunStats::Evidence evidence;
    evidence.pacerBusy = m_pacer && (m_pacer->isHolding() || m_pacer->waiting() > 0);
    evidence.remoteSink = qobject_cast<Dest::DatabricksDestination *>(m_services.destination) != nullptr;
    evidence.bandwidthLimit = m_options.bandwidthLimit;
    evidence.filesActive = totals.filesActive;
    m_stats.tick(now, totals.bytesDone, counters, evidence);
}

QList<quint64> Engine::touchedKeys() const
{
    QList<quint64> keys = m_records.changedKeys();
    for (const auto &[key, active] : m_transfers)
    {
        if (!m_records.isChanged(key))
            keys.append(key);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

Snapshot Engine::currentSnapshot(bool allFiles) const
{
    Snapshot s;
    s.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    s.running = m_started && !m_finished;
    s.paused = m_paused;
    s.finished = m_finished;
    s.bytesTotalExact = m_walkers.isEmpty() && m_pendingSources.isEmpty();
    m_records.countInto(s);
    if (allFiles)
    {
        s.files.reserve(m_records.size());
        for (const auto &[key, record] : m_records)
            s.files.append(record.status);
    }
    else
    {
        const QList<quint64> keys = touchedKeys();
        s.files.reserve(keys.size()); // sized to fit: a tick while listing carries thousands of new files
        for (const quint64 key : keys)
        {
            if (const FileRecord *record = m_records.find(key))
                s.files.append(record->status);
        }
    }
    m_stats.fill(s);
    s.waiting = currentWait(m_pacer, *m_counters);
    s.paceRate = m_pacer->effectiveRate();
    s.paceState = m_pacer->state();
    return s;
}

void Engine::tick()
{
    if (m_finished)
        return;
    sampleProgress();
    const Snapshot s = currentSnapshot(false);
    journalChanges();
    m_records.clearChanged();
    emit snapshot(s);
    // The faces and the journal have seen every settled record now: they go to the report's file.
    m_records.spillSettled(m_settled, [this](const FileRecord &record) { writeReceipt(record, record.status); });
}

} // namespace Transfer
