// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include "destinations/destinationspec.h"

#include <QString>

#include <optional>

/// Where the user wants files to land, as chosen in the window: the kind from the combo box and the text of
/// the path field, read by the same rules as the CLI's --to (Dest::DestinationSpec).
struct DestinationChoice
{
    AppSettings::DestinationKind kind = AppSettings::DestinationKind::LocalFolder;
    QString path; ///< local folder, "/Volumes/c/s/v/…" or "dbfs:/…" / "/…"

    /// The destination the field names, read as the kind chosen; nullopt with a translated `*error` when the
    /// text is malformed or names another kind (a /Volumes/c/s/v path with "Local folder" chosen).
    [[nodiscard]] std::optional<Dest::DestinationSpec> spec(QString *error) const;
    /// Syntax and, for a local folder, Dest::DestinationSpec::localFolderProblem(); empty when fine, else a
    /// translated reason.
    [[nodiscard]] QString check() const;
    [[nodiscard]] bool isDatabricks() const { return kind != AppSettings::DestinationKind::LocalFolder; }
    /// The choice naming a destination text (the CLI's --to, a journal's job): its kind and canonical text;
    /// nullopt with a translated `*error` when the text is malformed.
    [[nodiscard]] static std::optional<DestinationChoice> fromText(const QString &text, QString *error);
};
