// SPDX-License-Identifier: GPL-3.0-or-later
#include "dryrunplan.h"

#include "transfer/conflictdecision.h"
#include "util/units.h"

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
enum class Planned
{
    Copy,
    Same,
    Keep,
    Replace,
    Beside,
    Other, ///< not planned by the engine: skipped or failed while listing (not exportable, no access…)
};

Planned plannedOf(const Transfer::FileStatus &file)
{
    const QString &code = file.lastError.reason;
    if (file.state != Transfer::FileState::Skipped || file.lastError.isError())
        return Planned::Other;
    if (code == "dryRunNew"_L1)
        return Planned::Copy;
    if (code == "dryRunSame"_L1)
        return Planned::Same;
    if (code == "dryRunKeep"_L1)
        return Planned::Keep;
    if (code == "dryRunReplace"_L1)
        return Planned::Replace;
    if (code == "dryRunKeepBoth"_L1)
        return Planned::Beside;
    return Planned::Other;
}
} // namespace

QString DryRunPlan::text(const Transfer::Report &report, Dest::ConflictPolicy policy)
{
    int toWrite = 0;
    int unknownSizes = 0;
    int same = 0;
    int kept = 0;
    int other = 0;
    qint64 bytes = 0;
    QString lines;
    for (const Transfer::FileStatus &file : report.files)
    {
        const Planned planned = plannedOf(file);
        QString action;
        switch (planned)
        {
        case Planned::Copy:
            action = tr("copy");
            break;
        case Planned::Same:
            action = tr("skip");
            ++same;
            break;
        case Planned::Keep:
            action = tr("keep");
            ++kept;
            break;
        case Planned::Replace:
            action = tr("replace");
            break;
        case Planned::Beside:
            action = tr("beside");
            break;
        case Planned::Other:
            action = file.state == Transfer::FileState::Skipped ? tr("skip") : Transfer::fileStateName(file.state);
            ++other;
            break;
        }
        const bool writes = planned == Planned::Copy || planned == Planned::Replace || planned == Planned::Beside;
        if (writes)
        {
            ++toWrite;
            if (file.bytesTotal >= 0)
                bytes += file.bytesTotal;
            else
                ++unknownSizes;
        }
        const QString size = file.bytesTotal >= 0 ? Util::formatBytes(file.bytesTotal)
                             : file.exportMimeType.isEmpty() ? QString()
                                                             : tr("export");
        QString line = u"  "_s + action.leftJustified(8) + u" "_s + size.rightJustified(10) + u"  "_s
            + (file.drivePath.isEmpty() ? file.driveId : file.drivePath);
        if (planned != Planned::Copy && !file.lastError.message.isEmpty())
            line += u" — "_s + file.lastError.message;
        lines += line + u"\n"_s;
    }

    QString text = tr("Dry run: nothing was written. What a real run would do (--on-conflict %1):")
                       .arg(Transfer::ConflictDecision::policyName(policy))
        + u"\n"_s + lines;
    // Counts after a colon: no "1 files" whatever the number.
    text += tr("Totals: listed: %1 · to write: %2, %3").arg(report.files.size()).arg(toWrite).arg(Util::formatBytes(bytes));
    if (unknownSizes > 0)
        text += tr(" + Google files of unknown size until exported: %1").arg(unknownSizes);
    text += tr(" · already there, same: %1").arg(same);
    if (kept > 0)
        text += tr(" · there but different, left alone: %1").arg(kept);
    if (other > 0)
        text += tr(" · not taken: %1").arg(other);
    text += u"\n"_s;
    return text;
}

} // namespace Cli
