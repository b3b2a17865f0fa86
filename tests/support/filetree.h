// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// What a test finds in a folder after a run (one copy for every test that checks a landed tree).
namespace TestTree
{
/// Lowercase hex MD5 of a file's bytes; empty when it cannot be read.
QString md5Of(const QString &path);
/// Absolute paths of every file below `root` (hidden ones included), in no particular order.
QStringList filesUnder(const QString &root);
/// Paths relative to `root` of the files a run landed there: everything below it except the run's own
/// `_drive_ingest/` folder (receipts, run records), sorted.
QStringList landedFiles(const QString &root);
} // namespace TestTree
