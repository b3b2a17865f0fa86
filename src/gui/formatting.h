// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QString>

#include <optional>

/// Locale-aware text for what the GUI shows. Sizes, rates and durations are core's (util/units.h: KiB, MiB,
/// GiB, as the CLI and the reports say them); only the GUI's words for "nothing" are added here.
namespace Format
{
/// Util::formatBytes; "unknown" for a negative size.
[[nodiscard]] QString bytes(qint64 bytes);
/// Util::formatRate; "–" when there is no rate (zero or less).
[[nodiscard]] QString rate(double bytesPerSecond);
/// Util::formatDuration; "–" when unknown.
[[nodiscard]] QString duration(std::optional<qint64> seconds);
/// The user-facing word for a file state ("Transferring", "Failed"…), translated.
[[nodiscard]] QString stateText(Transfer::FileState state);
/// stateText() of every state, for measuring columns.
[[nodiscard]] QStringList stateTexts();
/// "Docs → docx" style label for the export format of a Google file; empty for ordinary files.
[[nodiscard]] QString exportLabel(const QString &exportMimeType);
/// Control characters (Drive allows them in names) as C escapes ("\t", "\n", "\x01"), so a name reads in
/// one line instead of showing boxes or breaking.
[[nodiscard]] QString visibleText(const QString &text);
/// The window title: "Drive Ingest", or during a run its percentage and rate ("42% at 3.1 MiB/s – Drive Ingest").
[[nodiscard]] QString windowTitle(const Transfer::Snapshot *snapshot);
} // namespace Format
