// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/driveref.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QMimeData;

/// Something the user picked to ingest, before the engine has listed it: a browser item or a share link.
struct SourceItem
{
    Drive::DriveRef ref;
    QString name;     ///< empty for a pasted link (the engine will learn it)
    QString mimeType; ///< empty when unknown
    qint64 size = -1;

    friend bool operator==(const SourceItem &, const SourceItem &) = default;
};

namespace SourceItems
{
/// Private drag-and-drop format between the Drive browser and the queue.
inline constexpr auto MimeType = "application/x-drive-ingest-items";

[[nodiscard]] QByteArray encode(const QList<SourceItem> &items);
[[nodiscard]] QList<SourceItem> decode(const QByteArray &data);
/// Every item a drop or paste carries: our own format, Drive links in text/uri-list, or links/ids in text.
[[nodiscard]] QList<SourceItem> fromMimeData(const QMimeData *mime);
/// True when the data could carry Drive items (cheap check for dragEnterEvent).
[[nodiscard]] bool canDecode(const QMimeData *mime);
/// Drive share links (or bare ids) in free text, one or many, de-duplicated, in order.
[[nodiscard]] QList<Drive::DriveRef> refsFromText(const QString &text);
} // namespace SourceItems
