// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

/// Human-readable sizes, rates and durations, shared by the GUI, the CLI and reports. Texts are translatable
/// (context "Units") and numbers follow the default QLocale.
namespace Util
{
/// Binary units: "512 B", "1.5 KiB", "20.0 MiB", "512 MiB", "1.5 GiB". Negative sizes (unknown) give "?".
[[nodiscard]] QString formatBytes(qint64 bytes);
/// "12.3 MiB/s"; zero, negative or non-finite rates give "0 B/s".
[[nodiscard]] QString formatRate(double bytesPerSecond);
/// "45 s", "3 min 05 s", "1 h 02 min", "2 d 03 h"; negative (unknown) gives "?".
[[nodiscard]] QString formatDuration(qint64 seconds);
/// Parses durations as rclone and Go write them: "90" (seconds), "90s", "500ms", "5m", "5min", "2h", "1d",
/// "1h30m", "1.5m". Milliseconds; nullopt for empty, negative, malformed or overflowing input.
[[nodiscard]] std::optional<qint64> parseDurationMs(const QString &text);
/// Parses "1024", "500k", "20M", "1.5GiB", "2 GB", "64KiB", "10b". Suffixes are case-insensitive.
/// K/M/G/T alone and KiB/MiB/GiB/TiB are binary (1024-based, as rclone's --bwlimit); KB/MB/GB/TB are decimal.
/// nullopt for empty, negative, malformed or overflowing input.
[[nodiscard]] std::optional<qint64> parseBytes(const QString &text);
/// A rate in bytes per second, in the forms people write: everything parseBytes() takes ("20M", "500k",
/// "1.5GiB", "2 GB"), optionally per second ("20MB/s", "20MBps", "20MiB/s"), or in bits ("10Mbit",
/// "10 Mbit/s", "10Mbps", "10Mb/s", "100kbit", "1Gbps"; bit prefixes are decimal as in networking,
/// "Mibit" binary). A lower-case "b" before "ps" or "/s" is a bit, an upper-case "B" a byte.
[[nodiscard]] std::optional<qint64> parseRate(const QString &text);

} // namespace Util
