// SPDX-License-Identifier: GPL-3.0-or-later
#include "dryrunplan.h"

#include "transfer/conflictdecision.h"
#include "transfer/reportformat.h"
#include "util/redactor.h"
#include "util/units.h"

#include <QHash>

#include <array>

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

/// What the engine planned for the file, read from the reason code its report record carries.
Planned plannedOf(const Transfer::FileStatus &file, const Transfer::ReportFormat::Reason &reason)
{
    static const QHash<QString, Planned> byCode {
        {u"dryRunNew"_s, Planned::Copy},        {u"dryRunSame"_s, Planned::Same},
        {u"dryRunKeep"_s, Planned::Keep},       {u"dryRunReplace"_s, Planned::Replace},
        {u"dryRunKeepBoth"_s, Planned::Beside},
    };
    if (file.state != Transfer::FileState::Skipped || file.lastError.isError())
        return Planned::Other;
    return byCode.value(reason.code, Planned::Other);
}

QString actionWord(Planned planned, const Transfer::FileStatus &file)
{
    switch (planned)
    {
    case Planned::Copy:
        return DryRunPlan::tr("copy");
    case Planned::Same:
        return DryRunPlan::tr("skip");
    case Planned::Keep:
        return DryRunPlan::tr("keep");
    case Planned::Replace:
        return DryRunPlan::tr("replace");
    case Planned::Beside:
        return DryRunPlan::tr("beside");
    case Planned::Other:
        break;
    }
    return file.state == Transfer::FileState::Skipped ? DryRunPlan::tr("skip") : Transfer::fileStateName(file.state);
}
} // namespace

void DryRunPlan::write(QTextStream &out, const Transfer::Report &report, Dest::ConflictPolicy policy)
{
    std::array<int, std::size_t(Planned::Other) + 1> count {};
    int toWrite = 0;
    int unknownSizes = 0;
    qint64 bytes = 0;
    out << Util::redact(tr("Dry run: nothing was written. What a real run would do (--on-conflict %1):")
                            .arg(Transfer::ConflictDecision::policyName(policy)))
        << u"\n"_s;
    for (const Transfer::FileStatus &file : report.files)
    {
        // The report's record words the reason; the plan shows it where the engine said why.
        const Transfer::ReportFormat::Reason reason = Transfer::ReportFormat::reasonOf(file);
        const Planned planned = plannedOf(file, reason);
        ++count[std::size_t(planned)];
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
        QString line = u"  "_s + actionWord(planned, file).leftJustified(8) + u" "_s + size.rightJustified(10) + u"  "_s
            + (file.drivePath.isEmpty() ? file.driveId : file.drivePath);
        if (planned != Planned::Copy && !file.lastError.message.isEmpty())
            line += u" — "_s + reason.text;
        out << Util::redact(line) << u"\n"_s;
    }
    const int same = count[std::size_t(Planned::Same)];
    const int kept = count[std::size_t(Planned::Keep)];
    const int other = count[std::size_t(Planned::Other)];

    // Counts after a colon: no "1 files" whatever the number.
    QString text = tr("Totals: listed: %1 · to write: %2, %3").arg(report.files.size()).arg(toWrite).arg(Util::formatBytes(bytes));
    if (unknownSizes > 0)
        text += tr(" + Google files of unknown size until exported: %1").arg(unknownSizes);
    text += tr(" · already there, same: %1").arg(same);
    if (kept > 0)
        text += tr(" · there but different, left alone: %1").arg(kept);
    if (other > 0)
        text += tr(" · not taken: %1").arg(other);
    out << Util::redact(text) << u"\n"_s;
}

} // namespace Cli
