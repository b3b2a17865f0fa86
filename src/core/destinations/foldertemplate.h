// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace Dest
{
/**
 * A destination folder with placeholders, expanded when a run starts (the Unity Catalog picker's "folder inside
 * the volume", e.g. "/Volumes/c/s/v/drive/{yyyy}/{mm}/{dd}/{job}"):
 * - `{yyyy}` → the year of `date` (4 digits), `{mm}` → month 01–12, `{dd}` → day 01–31;
 * - `{job}` → `job` as one safe path segment (Dest::safeName(): no `/`, never `..`); an empty job → "ingest".
 * Any other `{word}` is an error (a typo must not become a folder named "{yyy}"): an empty result and `*error` set
 * (translated). Braces that do not enclose a word stay as they are. Pure: the same input gives
 * the same output.
 */
[[nodiscard]] QString expandFolderTemplate(const QString &folder, const QDate &date, const QString &job,
                                           QString *error);

/// True when `folder` holds a `{word}` placeholder.
[[nodiscard]] bool hasFolderPlaceholders(const QString &folder);
} // namespace Dest
