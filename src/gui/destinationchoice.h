// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QString>

/// Where the user wants files to land, as chosen in the window.
struct DestinationChoice
{
    AppSettings::DestinationKind kind = AppSettings::DestinationKind::LocalFolder;
    QString path; ///< local folder, "/Volumes/c/s/v/…" or "dbfs:/…" / "/…"

    /// Syntax and, for a local folder, existence and writability; empty when fine, else a translated reason.
    [[nodiscard]] QString check() const;
    [[nodiscard]] bool isDatabricks() const { return kind != AppSettings::DestinationKind::LocalFolder; }
};
