// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/snapshot.h"

#include "transfer/exportformats.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Transfer
{
QString fileStateName(FileState state)
{
    switch (state)
    {
    case FileState::Queued:
        return u"queued"_s;
    case FileState::Listing:
        return u"listing"_s;
    case FileState::Transferring:
        return u"transferring"_s;
    case FileState::Verifying:
        return u"verifying"_s;
    case FileState::Done:
        return u"done"_s;
    case FileState::Skipped:
        return u"skipped"_s;
    case FileState::Failed:
        return u"failed"_s;
    case FileState::Cancelled:
        return u"cancelled"_s;
    case FileState::Paused:
        return u"paused"_s;
    case FileState::Parked:
        return u"parked"_s;
    }
    return u"unknown"_s;
}

bool isTerminal(FileState state)
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

void Snapshot::count(const FileStatus &file)
{
    tally(file.state, file.bytesDone, file.bytesTotal, 1);
    if (file.bytesTotal < 0 && file.state != FileState::Skipped && !isTerminal(file.state))
        bytesTotalExact = false;
}

void Snapshot::tally(FileState state, qint64 fileBytesDone, qint64 fileBytesTotal, int sign)
{
    filesTotal += sign;
    switch (state)
    {
    case FileState::Queued:
    case FileState::Listing:
        filesQueued += sign;
        break;
    case FileState::Transferring:
    case FileState::Verifying:
    case FileState::Paused:
        filesActive += sign;
        break;
    case FileState::Done:
        filesDone += sign;
        break;
    case FileState::Skipped:
        filesSkipped += sign;
        break;
    case FileState::Failed:
        filesFailed += sign;
        break;
    case FileState::Parked:
        filesParked += sign;
        break;
    case FileState::Cancelled:
        filesCancelled += sign;
        break;
    }
    if (state == FileState::Skipped)
        return; // a skipped file moved none
    bytesDone += sign * fileBytesDone;
    if (fileBytesTotal >= 0)
        bytesTotal += sign * fileBytesTotal;
}

QString limitedByText(LimitedBy factor)
{
    switch (factor)
    {
    case LimitedBy::Nothing:
        return {};
    case LimitedBy::DrivePacing:
        return QCoreApplication::translate("Transfer", "Google Drive request pacing");
    case LimitedBy::Databricks:
        return QCoreApplication::translate("Transfer", "Databricks (upload side)");
    case LimitedBy::Disk:
        return QCoreApplication::translate("Transfer", "the local disk");
    case LimitedBy::BandwidthCap:
        return QCoreApplication::translate("Transfer", "your bandwidth cap");
    case LimitedBy::Network:
        return QCoreApplication::translate("Transfer", "the network");
    }
    return {};
}

QString alreadyThereText(const FileStatus &file)
{
    // FileStatus::hash is the hash compared with Drive's; empty when the destination had none to compare.
    if (!file.exportMimeType.isEmpty())
        return QCoreApplication::translate("Transfer", "already at the destination (an export: nothing to compare)");
    if (file.hash.isEmpty())
        return QCoreApplication::translate("Transfer",
                                           "already at the destination (same size; the destination gives no hash to compare)");
    return QCoreApplication::translate("Transfer", "already at the destination (same size and %1)")
        .arg(file.hash.section(u':', 0, 0));
}

QMap<QString, QString> RunOptions::defaultExportFormats()
{
    return Transfer::defaultExportFormats(); // the one export table (exportformats.cpp)
}

// exportExtension() is in exportformats.cpp, beside the one export table.

Net::BackoffPolicy RunOptions::backoffPolicy() const
{
    Net::BackoffPolicy policy;
    policy.maxTries = maxTries;
    policy.retryTimeout = retryTimeout;
    return policy;
}

} // namespace Transfer
