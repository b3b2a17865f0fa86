// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/conflictdecision.h"

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
struct PolicyName
{
    Dest::ConflictPolicy policy;
    QLatin1StringView name;
};

constexpr PolicyName policyNames[] = {
    {Dest::ConflictPolicy::Skip, "skip"_L1},
    {Dest::ConflictPolicy::Update, "update"_L1},
    {Dest::ConflictPolicy::Overwrite, "overwrite"_L1},
    {Dest::ConflictPolicy::KeepBoth, "keep-both"_L1},
};

Net::Error note(const QString &reason, const QString &message)
{
    return {Net::ErrorClass::None, 0, reason, message};
}
} // namespace

bool ConflictDecision::needsProbe(Dest::ConflictPolicy policy, bool dryRun)
{
    return dryRun || policy == Dest::ConflictPolicy::Skip || policy == Dest::ConflictPolicy::Update;
}

bool ConflictDecision::sameContent(const Drive::DriveFile &file, bool exported, const Dest::Existing &existing)
{
    if (exported)
        return true; // an export has no size or hash to compare: what is there is taken as the same document
    if (existing.size != file.size)
        return false;
    if (!file.sha256Checksum.isEmpty() && !existing.sha256.isEmpty())
        return existing.sha256.compare(file.sha256Checksum, Qt::CaseInsensitive) == 0;
    if (!file.md5Checksum.isEmpty() && !existing.md5.isEmpty())
        return existing.md5.compare(file.md5Checksum, Qt::CaseInsensitive) == 0;
    if (existing.md5.isEmpty() && existing.sha256.isEmpty())
        return true; // the destination cannot tell a hash (Databricks): the size decides
    return file.md5Checksum.isEmpty() && file.sha256Checksum.isEmpty();
}

ConflictDecision ConflictDecision::decide(Dest::ConflictPolicy policy, const Drive::DriveFile &file, bool exported,
                                          const std::optional<Dest::Existing> &existing)
{
    ConflictDecision d;
    if (!existing)
        return d; // Copy
    d.exists = true;
    d.same = sameContent(file, exported, *existing);
    switch (policy)
    {
    case Dest::ConflictPolicy::Skip:
        d.action = Action::Skip;
        break;
    case Dest::ConflictPolicy::Update:
        d.action = d.same ? Action::Skip : Action::Replace;
        break;
    case Dest::ConflictPolicy::Overwrite:
        d.action = Action::Replace;
        break;
    case Dest::ConflictPolicy::KeepBoth:
        d.action = Action::KeepBoth;
        break;
    }
    return d;
}

Dest::ConflictPolicy ConflictDecision::sinkPolicy(Dest::ConflictPolicy policy)
{
    return policy == Dest::ConflictPolicy::KeepBoth ? Dest::ConflictPolicy::KeepBoth : Dest::ConflictPolicy::Overwrite;
}

QString ConflictDecision::policyName(Dest::ConflictPolicy policy)
{
    for (const PolicyName &row : policyNames)
    {
        if (row.policy == policy)
            return QString(row.name);
    }
    return {};
}

std::optional<Dest::ConflictPolicy> ConflictDecision::policyFromName(const QString &name)
{
    for (const PolicyName &row : policyNames)
    {
        if (name.compare(row.name, Qt::CaseInsensitive) == 0)
            return row.policy;
    }
    return std::nullopt;
}

Net::Error ConflictDecision::skipNote() const
{
    if (action != Action::Skip)
        return {};
    if (same)
        return note(QString(alreadyThere), {});
    return note(u"existsDiffers"_s,
                tr("a different file with this name is already there: left alone (policy \"skip\"; \"update\" or "
                   "\"overwrite\" would replace it)"));
}

Net::Error ConflictDecision::dryRunNote() const
{
    switch (action)
    {
    case Action::Copy:
        return note(u"dryRunNew"_s, tr("dry run: new, would be copied"));
    case Action::Skip:
        return same ? note(u"dryRunSame"_s, tr("dry run: already there with the same content, would be skipped"))
                    : note(u"dryRunKeep"_s, tr("dry run: a different file is there, would be left alone (skip)"));
    case Action::Replace:
        return same ? note(u"dryRunReplace"_s, tr("dry run: already there with the same content, would be replaced (overwrite)"))
                    : note(u"dryRunReplace"_s, tr("dry run: a different file is there, would be replaced"));
    case Action::KeepBoth:
        return note(u"dryRunKeepBoth"_s, tr("dry run: a file is there, would be copied beside it (keep-both)"));
    }
    return {};
}

} // namespace Transfer
