// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/driveref.h"

#include <QList>
#include <QString>

#include <optional>

/// Share links and pasted ids → DriveRef (google-drive-api.md §9).
namespace Drive
{
/// Drive's alias for the root folder of the user's My Drive (files.get root, `'root' in parents`).
inline constexpr char MyDriveRootAlias[] = "root";

/// One link or id. Accepts every URL form of drive.google.com, drive.usercontent.google.com, docs.google.com and
/// script.google.com listed in the reference (with or without scheme, `/u/<n>/` account segments, `usp=`,
/// `#gid=`), keeps `?resourcekey=`, and sets the kind from the form. A bare id (`[A-Za-z0-9_-]{10,}`) gives
/// Kind::Unknown. `root`, `https://drive.google.com/drive/my-drive` and `…/drive/u/<n>/my-drive` name the whole of
/// My Drive: DriveRef {MyDriveRootAlias, Folder} (Drive takes the alias in files.get and `'root' in parents`).
/// Published-to-web links (`/d/e/2PACX-…`, `forms/d/e/…`) and anything else give nullopt.
[[nodiscard]] std::optional<DriveRef> parseDriveRef(const QString &text);

/// Every ref in pasted or dropped text: text/uri-list lines, whitespace- or comma-separated tokens, `#` comment
/// lines skipped, surrounding quotes and brackets stripped. Deduplicated by id in first-seen order (a later
/// duplicate may contribute a resource key or kind the first lacked). In free text a bare token only counts as
/// an id if it looks like one (at least 19 characters, with a digit, `_` or `-`), so prose is not mistaken for ids.
[[nodiscard]] QList<DriveRef> parseDriveRefs(const QString &textBlock);

} // namespace Drive
