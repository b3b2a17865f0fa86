// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatting.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Format
{
QString bytes(qint64 bytes)
{
    if (bytes < 0)
        return QCoreApplication::translate("Format", "unknown");
    if (bytes == 1)
        return QCoreApplication::translate("Format", "1 byte"); // QLocale says "1 bytes"
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString rate(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return u"–"_s;
    //: %1 is a data size such as "12.3 MB"
    return QCoreApplication::translate("Format", "%1/s").arg(bytes(static_cast<qint64>(bytesPerSecond)));
}

QString duration(std::optional<qint64> seconds)
{
    if (!seconds || *seconds < 0)
        return u"–"_s;
    const qint64 s = *seconds;
    if (s < 60)
        return QCoreApplication::translate("Format", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Format", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("Format", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
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

QString limitingFactorText(const QString &factor)
{
    if (factor == u"drive-pacing")
        return QCoreApplication::translate("Format", "Limited by Google Drive request pacing");
    if (factor == u"databricks")
        return QCoreApplication::translate("Format", "Limited by Databricks (upload side)");
    if (factor == u"disk")
        return QCoreApplication::translate("Format", "Limited by the local disk");
    if (factor == u"network")
        return QCoreApplication::translate("Format", "Limited by the network");
    if (factor == u"bandwidth-cap")
        return QCoreApplication::translate("Format", "Limited by your bandwidth cap");
    if (factor.isEmpty())
        return {};
    return QCoreApplication::translate("Format", "Limited by: %1").arg(factor);
}

QString exportLabel(const QString &exportMimeType)
{
    static const QList<std::pair<QString, QString>> known {
        {u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s, u"docx"_s},
        {u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s, u"xlsx"_s},
        {u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s, u"pptx"_s},
        {u"application/vnd.oasis.opendocument.text"_s, u"odt"_s},
        {u"application/vnd.oasis.opendocument.spreadsheet"_s, u"ods"_s},
        {u"application/vnd.oasis.opendocument.presentation"_s, u"odp"_s},
        {u"application/pdf"_s, u"pdf"_s},
        {u"text/csv"_s, u"csv"_s},
        {u"image/svg+xml"_s, u"svg"_s},
        {u"image/png"_s, u"png"_s},
        {u"text/plain"_s, u"txt"_s},
    };
    if (exportMimeType.isEmpty())
        return {};
    for (const auto &[mime, ext] : known)
        if (mime == exportMimeType)
            return QCoreApplication::translate("Format", "exported as %1").arg(ext);
    return QCoreApplication::translate("Format", "exported as %1").arg(exportMimeType);
}
QString visibleText(const QString &text)
{
    // Escapes, not the Unicode control pictures: common UI fonts have no glyphs for those either. The CLI
    // prints the same escapes (one function for both).
    return Util::escapeControls(text);
}
} // namespace Format
