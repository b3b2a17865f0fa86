// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "drive/drivefile.h"
#include "net/error.h"

#include <QCoreApplication>

#include <optional>

namespace Transfer
{
/**
 * What a run does with one file once the destination said what sits at its final path. One table for
 * real runs and dry runs (FileTransfer::start() asks, a dry run reports the answer instead of acting):
 *
 *   at the final path   | Skip (default)        | Update             | Overwrite | KeepBoth
 *   --------------------+-----------------------+--------------------+-----------+-------------
 *   nothing             | copy                  | copy               | copy      | copy
 *   the same bytes      | skip ("alreadyThere") | skip               | replace   | copy beside
 *   different bytes     | skip ("existsDiffers")| replace            | replace   | copy beside
 *
 * "The same": equal size and, where both sides know one, equal SHA-256 (else MD5); a destination that
 * knows no hash (Databricks) is judged by size. An export has no size or hash up front: what is there is
 * taken as the same document.
 */
struct ConflictDecision
{
    Q_DECLARE_TR_FUNCTIONS(Transfer::ConflictDecision)

public:
    enum class Action
    {
        Copy,     ///< nothing there: write the file
        Skip,     ///< leave what is there alone
        Replace,  ///< write the file, replacing what is there once the new one is verified
        KeepBoth, ///< write the file beside what is there under a new name
    };

    Action action = Action::Copy;
    bool exists = false; ///< something sits at the final path
    bool same = false;   ///< ... and it holds the same bytes

    /// Overwrite and KeepBoth open the sink at once; Skip, Update and a dry run ask the destination first.
    [[nodiscard]] static bool needsProbe(Dest::ConflictPolicy policy, bool dryRun);
    [[nodiscard]] static bool sameContent(const Drive::DriveFile &file, bool exported, const Dest::Existing &existing);
    [[nodiscard]] static ConflictDecision decide(Dest::ConflictPolicy policy, const Drive::DriveFile &file, bool exported,
                                                 const std::optional<Dest::Existing> &existing);
    /// The policy a sink opens with for `policy` (Skip and Update replace only what they decided to replace).
    [[nodiscard]] static Dest::ConflictPolicy sinkPolicy(Dest::ConflictPolicy policy);
    /// "skip", "update", "overwrite", "keep-both": the CLI's and the settings' names.
    [[nodiscard]] static QString policyName(Dest::ConflictPolicy policy);
    [[nodiscard]] static std::optional<Dest::ConflictPolicy> policyFromName(const QString &name);

    /// The reason code of a skip because the same file is in place. Its words say what was compared, known once
    /// the hash is recorded: Transfer::alreadyThereText().
    static constexpr QLatin1StringView alreadyThere {"alreadyThere"};

    /// Why a skipped file was skipped (ErrorClass::None): "alreadyThere" (no message: see above) or
    /// "existsDiffers". Nothing for an action that is not a skip.
    [[nodiscard]] Net::Error skipNote() const;
    /// What a dry run reports for this file: reason code "dryRun…" and a sentence saying what a real run would do.
    [[nodiscard]] Net::Error dryRunNote() const;
};

} // namespace Transfer
