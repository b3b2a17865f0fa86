// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Dest
{
/**
 * What a destination text names: one set of rules for the CLI's `--to DEST` and the app's destination field.
 *
 *   /Volumes/<catalog>/<schema>/<volume>[/path]        -> Volume   (what Databricks users type)
 *   dbfs:/Volumes/<catalog>/<schema>/<volume>[/path]   -> Volume   (the `databricks fs cp` form)
 *   volume:/Volumes/<catalog>/<schema>/<volume>[/path] -> Volume   (older spelling, still accepted)
 *   dbfs:/path, /dbfs/path                             -> Dbfs     (/dbfs/ is the FUSE spelling of dbfs:/)
 *   local:/path, file:/path, file:///path              -> Local    (explicit: also for /Volumes/… or /dbfs/…)
 *   any other path, absolute or relative               -> Local
 *
 * A bare path under /Volumes/ or /dbfs/ is never taken as a local folder: on a Mac /Volumes/ holds disks,
 * but a Databricks user means a Volume, so a local folder there needs the explicit local: prefix.
 * Unknown schemes ("s3:", "abfss:") are refused rather than created as a folder called "s3:".
 */
struct DestinationSpec
{
    Q_DECLARE_TR_FUNCTIONS(Dest::DestinationSpec)

public:
    enum class Kind
    {
        Local,
        Volume,
        Dbfs,
    };

    Kind kind = Kind::Local;
    QString path;     ///< Local: absolute, cleaned; Volume: "/Volumes/c/s/v/..."; Dbfs: "/..."
    QString original; ///< as typed

    [[nodiscard]] static QString kindName(Kind kind); ///< "local", "volume", "dbfs"
    /// Parses a destination text; nullopt with a human `*error` when it is malformed.
    [[nodiscard]] static std::optional<DestinationSpec> parse(const QString &text, QString *error);

    /// The canonical text for this destination: parse(describe()) gives the same spec.
    /// "/home/me/in", "local:/Volumes/disk/in", "/Volumes/c/s/v/x", "dbfs:/x".
    [[nodiscard]] QString describe() const;
    [[nodiscard]] bool isDatabricks() const { return kind != Kind::Local; }
    /// What can be told without writing: a local destination is always a folder, so an existing file at
    /// the path is refused. Empty when fine, else a translated reason.
    [[nodiscard]] QString validate() const;
    /// Before a run, still without writing: a local destination that exists must be a writable folder, one that
    /// does not must be creatable (the nearest existing folder above it is writable; the run makes the missing
    /// ones). Empty when fine (always for Databricks), else a translated reason. The CLI and the app ask this.
    [[nodiscard]] QString localFolderProblem() const;
};

} // namespace Dest
