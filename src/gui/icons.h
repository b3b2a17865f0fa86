// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

/// The app's own icons. The SVGs in :/icons are used when Qt's SVG plugin is installed; otherwise the same
/// shapes are painted at whatever size and device pixel ratio is asked (crisp at 200 %, no plugin needed).
namespace Icons
{
/// "drive-ingest", "drive", "shared-drive", "document", "spreadsheet", "presentation", "drawing".
[[nodiscard]] QIcon get(const QString &name);
} // namespace Icons
