// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transfer/snapshot.h"

#include <QString>

#include <optional>

/// Locale-aware text for numbers the GUI shows. Kept in the GUI so every word goes through tr().
namespace Format
{
[[nodiscard]] QString bytes(qint64 bytes);
[[nodiscard]] QString rate(double bytesPerSecond);
[[nodiscard]] QString duration(std::optional<qint64> seconds);
/// The user-facing word for a file state ("Transferring", "Failed"…), translated.
[[nodiscard]] QString stateText(Transfer::FileState state);
/// Snapshot::limitingFactor in words, translated; empty factor gives an empty string.
[[nodiscard]] QString limitingFactorText(const QString &factor);
/// "Docs → docx" style label for the export format of a Google file; empty for ordinary files.
[[nodiscard]] QString exportLabel(const QString &exportMimeType);
/// Control characters (Drive allows them in names) as C escapes ("\t", "\n", "\x01"), so a name reads in
/// one line instead of showing boxes or breaking.
[[nodiscard]] QString visibleText(const QString &text);
} // namespace Format
