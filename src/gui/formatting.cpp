// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatting.h"

#include "util/units.h"
#include "util/logging.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Format
{
QString bytes(qint64 bytes)
{
    // One convention with the CLI and the reports: core's binary units (KiB, MiB, GiB).
    if (bytes < 0)
        return QCoreApplication::translate("Format", "unknown");
    return Util::formatBytes(bytes);
}

QString rate(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return u"–"_s;
    return Util::formatRate(bytesPerSecond);
}

QString duration(std::optional<qint64> seconds)
{
    if (!seconds || *seconds < 0)
        return u"–"_s;
    return Util::formatDuration(*seconds);
}

QString stateText(Transfer::FileState state)
{
    using Transfer::FileState;
    switch (state)
    {
    case FileState::Queued:
        return QCoreApplication::translate("Format", "Queued");
    case FileState::Listing:
        return QCoreApplication::translate("Format", "Listing");
    case FileState::Transferring:
        return QCoreApplication::translate("Format", "Transferring");
    case FileState::Verifying:
        return QCoreApplication::translate("Format", "Verifying");
    case FileState::Done:
        return QCoreApplication::translate("Format", "Done");
    case FileState::Skipped:
        return QCoreApplication::translate("Format", "Skipped");
    case FileState::Failed:
        return QCoreApplication::translate("Format", "Failed");
    case FileState::Cancelled:
        return QCoreApplication::translate("Format", "Cancelled");
    case FileState::Paused:
        return QCoreApplication::translate("Format", "Paused");
    case FileState::Parked:
        return QCoreApplication::translate("Format", "Retry later");
    }
    return {};
}

QStringList stateTexts()
{
    QStringList texts;
    for (int state = int(Transfer::FileState::Queued); state <= int(Transfer::FileState::Parked); ++state)
        texts.append(stateText(Transfer::FileState(state)));
    return texts;
}

QString exportLabel(const QString &exportMimeType)
{
    if (exportMimeType.isEmpty())
        return {};
    // The extension table is core's (the engine names exported files with it).
    const QString ext = Transfer::exportExtension(exportMimeType);
    return QCoreApplication::translate("Format", "exported as %1").arg(ext.isEmpty() ? exportMimeType : ext);
}

QString visibleText(const QString &text)
{
    // Escapes, not the Unicode control pictures: common UI fonts have no glyphs for those either. The CLI
    // prints the same escapes (one function for both).
    return Util::escapeControls(text);
}
} // namespace Format

QString Format::windowTitle(const Transfer::Snapshot *s)
{
    // The window's words: its translation context, where the translations are.
    if (!s || !s->running)
        return QCoreApplication::translate("MainWindow", "Drive Ingest");
    int percent = 0;
    if (s->bytesTotal > 0)
        percent = int(100.0 * double(s->bytesDone) / double(s->bytesTotal));
    else if (s->filesTotal > 0)
        percent = 100 * (s->filesDone + s->filesSkipped) / s->filesTotal;
    if (s->paused)
        return QCoreApplication::translate("MainWindow", "%1% paused – Drive Ingest").arg(percent);
    if (s->rate > 0)
        return QCoreApplication::translate("MainWindow", "%1% at %2 – Drive Ingest")
            .arg(percent)
            .arg(Format::rate(s->rate));
    // No rate to tell (starting, waiting to retry): no "at –".
    return QCoreApplication::translate("MainWindow", "%1% – Drive Ingest").arg(percent);
}
