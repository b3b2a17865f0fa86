// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/engine.h"

#include "net/tokenprovider.h"
#include "destinations/destination.h"
#include "destinations/pathmapper.h"
#include "drive/skipreason.h"
#include "drive/driveclient.h"
#include "drive/treewalker.h"
#include "net/bandwidthlimiter.h"
#include "net/pacer.h"
#include "net/requestcounters.h"
#include "transfer/waitstatus.h"
#include "util/logging.h"

#include <QNetworkAccessManager>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
constexpr qint64 RateWindowMs = 5000;

void addSample(std::deque<std::pair<qint64, qint64>> &samples, qint64 ms, qint64 bytes)
{
    samples.emplace_back(ms, bytes);
    while (samples.size() > 2 && samples.front().first < ms - RateWindowMs)
        samples.pop_front();
}

double rateOf(const std::deque<std::pair<qint64, qint64>> &samples)
{
    if (samples.size() < 2)
        return 0;
    const auto &[t0, b0] = samples.front();
    const auto &[t1, b1] = samples.back();
    return t1 > t0 ? double(b1 - b0) * 1000.0 / double(t1 - t0) : 0;
}

} // namespace

Engine::Engine(const Services &services, const RunOptions &options, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_options(options)
    , m_counters(std::make_unique<Net::RequestCounters>())
{
    if (m_options.exportFormats.isEmpty())
        m_options.exportFormats = RunOptions::defaultExportFormats();
    m_options.parallel = std::max(1, m_options.parallel);
    m_pacer = new Net::Pacer(m_options.requestsPerSecond, m_options.burst, this);
    m_drive = new Drive::DriveClient(m_services.nam, m_services.token, m_pacer, m_services.endpoints, this);
    m_context.nam = m_services.nam;
    // Ranged parts get their own connection pools (QNAM keeps 6 connections per host): part i of every
    // large file goes through pool i.
    for (int i = 0; i < std::max(1, m_options.streams); ++i)
        m_context.partNams.append(new QNetworkAccessManager(this));
    m_context.token = m_services.token;
    m_context.pacer = m_pacer;
    m_context.drive = m_drive;
    m_context.destination = m_services.destination;
    m_drive->setCounters(m_counters.get());
    m_drive->setBackoffPolicy(m_options.backoffPolicy());
    m_context.counters = m_counters.get();
    m_context.sinkStalls = &m_sinkStalls;
    m_options.bandwidthLimit = std::max<qint64>(0, m_options.bandwidthLimit);
    m_limiter = new Net::BandwidthLimiter(m_options.bandwidthLimit, this);
    m_context.limiter = m_limiter;
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &Engine::tick);
}

Engine::~Engine()
{
    // Unfinished files leave nothing behind: each transfer aborts its sink.
    for (auto &[key, record] : m_records)
    {
        if (record.transfer)
        {
            record.transfer->disconnect(this);
            delete record.transfer;
            record.transfer = nullptr;
        }
    }
}

bool Engine::isTerminal(FileState state)
{
    switch (state)
    {
    case FileState::Done:
    case FileState::Skipped:
    case FileState::Failed:
    case FileState::Cancelled:
    case FileState::Parked:
        return true;
    default:
        return false;
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
        startListing(pending);
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
    if (sources.isEmpty())
        return;
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
        addRecord(status);
    });
    connect(walker, &Drive::TreeWalker::finished, this, [this, walker] {
        m_walkers.removeAll(walker);
        walker->deleteLater();
        maybeFinish();
    });
    walker->add(sources);
}

QString Engine::exportMimeFor(const Drive::DriveFile &file) const
{
    return m_options.exportFormats.value(file.mimeType);
}

void Engine::onFolderListed(const QStringList &segments, const QStringList &folderIds,
                            const QList<Drive::DriveFile> &children)
{
    if (m_stopping || m_finished)
        return;
    // Where this folder lands: known from its parent's listing, else (a source root) its own safe name.
    const QString folderId = folderIds.isEmpty() ? QString() : folderIds.constLast();
    QString parentPath = m_folderPaths.value(folderId);
    if (parentPath.isEmpty() && segments.size() == 1)
    {
        parentPath = claimRootName(folderId, segments.constFirst(), true);
        if (parentPath.isEmpty())
            return; // the same folder given twice: listed once
        m_folderPaths.insert(folderId, parentPath);
    }
    else if (parentPath.isEmpty())
    {
        QStringList safe;
        for (const QString &segment : segments)
            safe << Dest::safeName(segment);
        parentPath = Dest::PathMapper::joinRelative(safe);
        if (!folderId.isEmpty())
            m_folderPaths.insert(folderId, parentPath);
    }
    // Names are settled per folder over the names as they will land (an export carries its extension).
    QList<Dest::PathMapper::Entry> entries;
    entries.reserve(children.size());
    for (const Drive::DriveFile &child : children)
    {
        QString name = child.name;
        if (child.isGoogleApp() && !child.isFolder())
        {
            const QString ext = exportExtension(exportMimeFor(child));
            if (!ext.isEmpty())
                name += u'.' + ext;
        }
        entries.append({child.id, name, child.createdTime, child.isFolder()});
    }
    const QHash<QString, QString> names = Dest::PathMapper::assignNames(entries);
    const QString drivePrefix = segments.join(u'/');
    QSet<QString> placed;
    for (const Drive::DriveFile &child : children)
    {
        if (placed.contains(child.id))
            continue; // listed twice (a shortcut beside its target): one name, so one file
        placed.insert(child.id);
        // Both parts are safe already; joinRelative() would re-escape the '/' between them.
        const QString relative = parentPath.isEmpty() ? names.value(child.id) : parentPath + u'/' + names.value(child.id);
        if (child.isFolder())
        {
            m_folderPaths.insert(child.id, relative);
            continue;
        }
        addFile(child, relative, drivePrefix.isEmpty() ? child.name : drivePrefix + u'/' + child.name);
    }
    schedule();
}

void Engine::onFileFound(const QStringList &segments, const QStringList &folderIds, const Drive::DriveFile &file)
{
    Q_UNUSED(folderIds)
    // Children of folders were queued with their folder's listing (names are settled per folder there).
    if (m_stopping || m_finished || !segments.isEmpty())
        return;
    // A file given directly as a source lands at the top of the destination.
    QString name = file.name;
    if (file.isGoogleApp())
    {
        const QString ext = exportExtension(exportMimeFor(file));
        if (!ext.isEmpty())
            name += u'.' + ext;
    }
    const QString rootName = claimRootName(file.id, name, false);
    if (rootName.isEmpty())
        return; // the same file given twice: transferred once
    addFile(file, rootName, file.name);
    schedule();
}

QString Engine::claimRootName(const QString &id, const QString &name, bool isFolder)
{
    // Two sources named alike must not land on one path: ` [<id>]` as between siblings in a folder. They arrive
    // one by one, so the first to arrive keeps the plain name.
    if (!id.isEmpty() && m_rootIds.contains(id))
        return QString();
    m_rootIds.insert(id);
    return m_rootNames.claim({id, name, {}, isFolder});
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
    addRecord(status);
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

void Engine::addFile(const Drive::DriveFile &file, const QString &relativePath, const QString &drivePath)
{
    FileStatus status;
    status.driveId = file.id;
    status.drivePath = drivePath;
    status.destinationPath = m_services.destination->locationOf(relativePath);
    status.mimeType = file.mimeType;
    TransferJob job;
    job.file = file;
    job.relativePath = relativePath;
    if (file.isGoogleApp())
    {
        job.exportMimeType = exportMimeFor(file);
        status.exportMimeType = job.exportMimeType;
        if (job.exportMimeType.isEmpty())
        {
            status.state = FileState::Skipped;
            status.lastError = {Net::ErrorClass::Permanent, 0, u"notExportable"_s,
                                tr("Google file of type %1 cannot be exported").arg(file.mimeType)};
            addRecord(status);
            return;
        }
    }
    else
    {
        status.bytesTotal = file.size;
    }
    if (Dest::PathMapper::isTooLong(relativePath))
    {
        // One file too deep for any file system: it fails alone, the run goes on.
        status.state = FileState::Failed;
        status.lastError = {Net::ErrorClass::Permanent, 0, u"pathTooLong"_s,
                            tr("The path is longer than %1 bytes: %2")
                                .arg(Dest::PathMapper::MaxPathBytes)
                                .arg(drivePath)};
        addRecord(status);
        return;
    }
    // A dry run queues the file too: its transfer asks the destination what is there and reports what a
    // real run would do (ConflictDecision::dryRunNote) instead of fetching.
    const quint64 key = addRecord(status);
    m_records[key].job = job;
    m_queue.push_back(key);
}

quint64 Engine::addRecord(FileStatus status)
{
    const quint64 key = m_nextKey++;
    status.key = key;
    Record record;
    record.status = std::move(status);
    m_records.emplace(key, std::move(record));
    return key;
}

void Engine::schedule()
{
    if (m_stopping || m_finished || m_paused || !m_checked)
        return;
    const int limit = std::min(m_options.parallel, m_services.destination->maxParallelSinks());
    while (m_active < limit && !m_queue.empty())
    {
        const quint64 key = m_queue.front();
        m_queue.pop_front();
        auto it = m_records.find(key);
        if (it == m_records.end() || it->second.status.state != FileState::Queued)
            continue;
        startTransfer(it->second);
    }
    maybeFinish();
}

void Engine::startTransfer(Record &record)
{
    const quint64 key = record.status.key;
    auto *transfer = new FileTransfer(m_context, record.job, m_options, this);
    record.transfer = transfer;
    record.status.state = FileState::Transferring;
    record.status.bytesDone = 0;
    record.samples.clear();
    record.clock.start();
    record.dirty = true;
    record.holdsSlot = true;
    ++m_active;
    connect(transfer, &FileTransfer::stateChanged, this, [this, key](FileState state) {
        auto it = m_records.find(key);
        if (it != m_records.end() && !isTerminal(state))
        {
            it->second.status.state = state;
            it->second.dirty = true;
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

void Engine::onTransferFinished(quint64 key, FileState state, const Net::Error &error, const QString &hash,
                                const QString &finalLocation)
{
    auto it = m_records.find(key);
    if (it == m_records.end())
        return;
    Record &record = it->second;
    if (record.transfer)
    {
        record.status.bytesDone = state == FileState::Skipped ? 0 : record.transfer->bytesDone();
        record.status.retries = record.transfer->retries();
        if (!error.isError() && record.transfer->lastError().isError() && state != FileState::Done)
            record.status.lastError = record.transfer->lastError();
        record.transfer->deleteLater();
        record.transfer = nullptr;
        releaseSlot(record);
    }
    record.status.state = state;
    if (error.isError())
        record.status.lastError = error;
    else if (state == FileState::Done)
        record.status.lastError = {};
    else if (state == FileState::Skipped)
        record.status.lastError = error; // why: "exists and differs", a dry run's plan, or none for "the same"
    record.status.hash = hash;
    if (!finalLocation.isEmpty())
        record.status.destinationPath = finalLocation;
    if (state == FileState::Done && record.status.bytesTotal < 0)
        record.status.bytesTotal = record.status.bytesDone;
    record.status.seconds = record.clock.isValid() ? record.clock.elapsed() / 1000.0 : 0;
    record.status.rate = 0;
    record.dirty = true;
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
    m_runError = error;
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
        if (record.transfer)
        {
            record.transfer->disconnect(this);
            record.status.bytesDone = record.transfer->bytesDone();
            record.status.retries = record.transfer->retries();
            // A folder gone read-only keeps the unfinished file: the report names it.
            const qsizetype left = m_services.destination->leftovers().size();
            record.transfer->cancel();
            const QStringList leftovers = m_services.destination->leftovers().mid(left);
            if (!leftovers.isEmpty())
                leftover = u' ' + tr("Its unfinished file could not be removed: %1").arg(leftovers.join(u", "_s));
            record.transfer->deleteLater();
            record.transfer = nullptr;
            releaseSlot(record);
        }
        if (!isTerminal(record.status.state))
        {
            // An Auth stop fails the account's files with the reason; anything else cancels them.
            record.status.state = error.errorClass == Net::ErrorClass::Auth ? FileState::Failed : FileState::Cancelled;
            record.status.lastError = error.errorClass == Net::ErrorClass::Auth ? error : cancelled;
            record.status.lastError.message += leftover;
            record.dirty = true;
        }
    }
    m_queue.clear();
    if (error.errorClass == Net::ErrorClass::Local)
        emit runFailed(error);
    finishRun();
}

void Engine::maybeFinish()
{
    if (m_finished || !m_checked || !m_walkers.isEmpty() || !m_pendingSources.isEmpty() || m_active > 0)
        return;
    for (const auto &[key, record] : m_records)
    {
        if (!isTerminal(record.status.state))
            return;
    }
    finishRun();
}

void Engine::finishRun()
{
    if (m_finished)
        return;
    m_ticker.stop();
    Snapshot last = currentSnapshot(true);
    m_finished = true;
    last.running = false;
    last.finished = true;
    Report report;
    report.files = last.files;
    report.totals = last;
    report.totals.files.clear();
    report.destination = m_services.destination->describe();
    report.startedAt = m_startedAt;
    report.finishedAt = QDateTime::currentDateTimeUtc();
    emit snapshot(last);
    emit finished(report);
}

void Engine::cancel()
{
    if (m_finished)
        return;
    stopRun({Net::ErrorClass::Cancelled, 0, u"cancelled"_s, tr("Cancelled by the user")});
}

void Engine::pause()
{
    if (m_finished || m_paused)
        return;
    m_paused = true;
    for (auto &[key, record] : m_records)
    {
        if (record.transfer)
            record.transfer->pause();
    }
}

void Engine::resume()
{
    if (m_finished || !m_paused)
        return;
    m_paused = false;
    for (auto &[key, record] : m_records)
    {
        if (record.transfer && record.status.state == FileState::Paused)
            resumeTransfer(record);
    }
    schedule();
}

void Engine::releaseSlot(Record &record)
{
    if (!record.holdsSlot)
        return;
    record.holdsSlot = false;
    --m_active;
}

void Engine::resumeTransfer(Record &record)
{
    // A resumed file takes its slot back at once, even if that briefly puts one more in flight than the
    // limit: its connection and its resume point are already there. New files wait until below the limit.
    if (!record.holdsSlot)
    {
        record.holdsSlot = true;
        ++m_active;
    }
    record.transfer->resume();
}

void Engine::pauseFile(quint64 key)
{
    auto it = m_records.find(key);
    if (it == m_records.end())
        return;
    Record &record = it->second;
    if (record.transfer)
    {
        record.transfer->pause();
        // The others go on: the slot goes to the next queued file.
        releaseSlot(record);
        schedule();
    }
    else if (record.status.state == FileState::Queued)
        record.status.state = FileState::Paused;
    record.dirty = true;
}

void Engine::resumeFile(quint64 key)
{
    auto it = m_records.find(key);
    if (it == m_records.end() || it->second.status.state != FileState::Paused)
        return;
    Record &record = it->second;
    if (record.transfer)
    {
        resumeTransfer(record);
    }
    else
    {
        record.status.state = FileState::Queued;
        m_queue.push_front(key);
    }
    record.dirty = true;
    schedule();
}

void Engine::cancelFile(quint64 key)
{
    auto it = m_records.find(key);
    if (it == m_records.end() || isTerminal(it->second.status.state))
        return;
    Record &record = it->second;
    if (record.transfer)
    {
        record.transfer->cancel(); // finished(Cancelled) follows
        return;
    }
    record.status.state = FileState::Cancelled;
    record.status.lastError = {Net::ErrorClass::Cancelled, 0, u"cancelled"_s, tr("Cancelled by the user")};
    record.dirty = true;
    maybeFinish();
}

void Engine::retryFile(quint64 key)
{
    auto it = m_records.find(key);
    if (it == m_records.end() || m_finished || m_stopping)
        return;
    Record &record = it->second;
    const FileState state = record.status.state;
    if (record.transfer || record.job.file.id.isEmpty()
        || (state != FileState::Failed && state != FileState::Parked && state != FileState::Cancelled))
        return;
    record.status.state = FileState::Queued;
    record.status.bytesDone = 0;
    record.status.lastError = {};
    record.dirty = true;
    m_queue.push_back(key);
    schedule();
}

void Engine::setParallel(int files)
{
    m_options.parallel = std::max(1, files);
    // Fewer slots: files in flight finish; no new ones start until below the limit.
    schedule();
}

void Engine::setBandwidthLimit(qint64 bytesPerSecond)
{
    m_options.bandwidthLimit = std::max<qint64>(0, bytesPerSecond);
    // Live: transfers held back by the old cap are woken if the new one (or none) lets them read.
    m_limiter->setLimit(m_options.bandwidthLimit);
}

Snapshot Engine::currentSnapshot(bool allFiles)
{
    Snapshot s;
    const qint64 now = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    s.elapsedMs = now;
    s.running = m_started && !m_finished;
    s.paused = m_paused;
    s.finished = m_finished;
    s.bytesTotalExact = m_walkers.isEmpty() && m_pendingSources.isEmpty();
    for (auto &[key, record] : m_records)
    {
        FileStatus &st = record.status;
        if (record.transfer)
        {
            st.bytesDone = record.transfer->bytesDone();
            st.retries = record.transfer->retries();
            if (record.transfer->lastError().isError())
                st.lastError = record.transfer->lastError();
            addSample(record.samples, now, st.bytesDone);
            st.rate = rateOf(record.samples);
            st.seconds = record.clock.elapsed() / 1000.0;
            record.dirty = true;
        }
        ++s.filesTotal;
        switch (st.state)
        {
        case FileState::Queued:
        case FileState::Listing:
            ++s.filesQueued;
            break;
        case FileState::Transferring:
        case FileState::Verifying:
        case FileState::Paused:
            ++s.filesActive;
            break;
        case FileState::Done:
            ++s.filesDone;
            break;
        case FileState::Skipped:
            ++s.filesSkipped;
            break;
        case FileState::Failed:
            ++s.filesFailed;
            break;
        case FileState::Parked:
            ++s.filesParked;
            break;
        case FileState::Cancelled:
            ++s.filesCancelled;
            break;
        }
        if (st.state != FileState::Skipped)
        {
            s.bytesDone += st.bytesDone;
            if (st.bytesTotal >= 0)
                s.bytesTotal += st.bytesTotal;
            else if (!isTerminal(st.state))
                s.bytesTotalExact = false;
        }
        if (allFiles || record.dirty)
        {
            s.files.append(st);
            record.dirty = false;
        }
    }
    addSample(m_samples, now, s.bytesDone);
    s.rate = rateOf(m_samples);
    s.averageRate = now > 0 ? double(s.bytesDone) * 1000.0 / double(now) : 0;
    const qint64 remaining = s.bytesTotal - s.bytesDone;
    if (s.rate > 1 && remaining >= 0)
        s.etaSeconds = qint64(double(remaining) / s.rate);
    const qint64 interval = std::max<qint64>(1, now - m_lastTickMs);
    const quint64 requests = quint64(m_counters->requests.load());
    const quint64 throttled = quint64(m_counters->throttled.load());
    s.requestsTotal = requests;
    s.throttledTotal = throttled;
    s.requestsPerSecond = double(requests - m_lastRequests) * 1000.0 / double(interval);
    s.throttledInInterval = int(throttled - m_lastThrottled);
    s.waiting = currentWait(m_pacer, *m_counters);
    // Why it is not faster, from the strongest evidence down.
    if (m_pacer && (m_pacer->isHolding() || m_pacer->waiting() > 0))
        s.limitingFactor = u"drive-pacing"_s;
    else if (m_sinkStalls > m_lastSinkStalls)
    {
        const QString where = m_services.destination->describe();
        s.limitingFactor = where.startsWith(u"volume:"_s) || where.startsWith(u"dbfs:"_s) ? u"databricks"_s : u"disk"_s;
    }
    else if (m_options.bandwidthLimit > 0
             && (m_limiter->waits() > m_lastLimiterWaits || s.rate >= 0.9 * double(m_options.bandwidthLimit)))
        s.limitingFactor = u"bandwidth-cap"_s; // the limiter held reads back since the last tick
    else if (s.filesActive > 0)
        s.limitingFactor = u"network"_s;
    return s;
}

void Engine::tick()
{
    if (m_finished)
        return;
    const Snapshot s = currentSnapshot(false);
    m_lastTickMs = s.elapsedMs;
    m_lastRequests = s.requestsTotal;
    m_lastThrottled = s.throttledTotal;
    m_lastSinkStalls = m_sinkStalls;
    m_lastLimiterWaits = m_limiter->waits();
    emit snapshot(s);
}

} // namespace Transfer
