// SPDX-License-Identifier: GPL-3.0-or-later
// Engine: what the faces steer while a run goes on (the run and one file: pause, resume, cancel, retry; the
// parallel files and the bandwidth cap). The run itself is in engine.cpp.
#include "transfer/engine.h"

#include "net/bandwidthlimiter.h"

using namespace Qt::StringLiterals;

namespace Transfer
{
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
    for (auto &[key, active] : m_transfers)
        active.transfer->pause();
}

void Engine::resume()
{
    if (m_finished || !m_paused)
        return;
    m_paused = false;
    for (auto &[key, active] : m_transfers)
    {
        const FileRecord *record = m_records.find(key);
        if (record && record->status.state == FileState::Paused)
            resumeTransfer(active);
    }
    schedule();
}

void Engine::releaseSlot(Active &active)
{
    if (!active.holdsSlot)
        return;
    active.holdsSlot = false;
    --m_active;
}

void Engine::resumeTransfer(Active &active)
{
    // A resumed file takes its slot back at once, even if that briefly puts one more in flight than the
    // limit: its connection and its resume point are already there. New files wait until below the limit.
    if (!active.holdsSlot)
    {
        active.holdsSlot = true;
        ++m_active;
    }
    active.transfer->resume();
}

void Engine::pauseFile(quint64 key)
{
    FileRecord *record = m_records.find(key);
    if (!record)
        return;
    if (const auto it = m_transfers.find(key); it != m_transfers.end())
    {
        it->second.transfer->pause();
        // The others go on: the slot goes to the next queued file.
        releaseSlot(it->second);
        schedule();
    }
    else if (record->status.state == FileState::Queued)
        record->status.state = FileState::Paused;
    m_records.markChanged(key);
}

void Engine::resumeFile(quint64 key)
{
    FileRecord *record = m_records.find(key);
    if (!record || record->status.state != FileState::Paused)
        return;
    if (const auto it = m_transfers.find(key); it != m_transfers.end())
    {
        resumeTransfer(it->second);
    }
    else
    {
        record->status.state = FileState::Queued;
        m_queue.push_front(key);
    }
    m_records.markChanged(key);
    schedule();
}

void Engine::cancelFile(quint64 key)
{
    FileRecord *record = m_records.find(key);
    if (!record || record->isTerminal())
        return;
    if (const auto it = m_transfers.find(key); it != m_transfers.end())
    {
        it->second.transfer->cancel(); // finished(Cancelled) follows
        return;
    }
    record->status.state = FileState::Cancelled;
    record->status.lastError = {Net::ErrorClass::Cancelled, 0, u"cancelled"_s, tr("Cancelled by the user")};
    m_records.markChanged(key);
    maybeFinish();
}

void Engine::retryFile(quint64 key)
{
    FileRecord *record = m_records.find(key);
    if (!record || m_finished || m_stopping)
        return;
    const FileState state = record->status.state;
    if (m_transfers.contains(key) || !record->movable
        || (state != FileState::Failed && state != FileState::Parked && state != FileState::Cancelled))
        return;
    record->requeue();
    m_records.markChanged(key);
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

} // namespace Transfer
