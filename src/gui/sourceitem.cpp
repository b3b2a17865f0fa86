// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceitem.h"

#include "drive/sharelink.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace
{
constexpr quint32 Magic = 0x44494931; // "DII1": refuses data from another version of the format

} // namespace

namespace SourceItems
{
QByteArray encode(const QList<SourceItem> &items)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << Magic << quint32(items.size());
    for (const SourceItem &item : items)
        out << item.ref.id << item.ref.resourceKey << qint32(item.ref.kind) << item.name << item.mimeType << item.size;
    return data;
}

QList<SourceItem> decode(const QByteArray &data)
{
    QDataStream in(data);
    quint32 magic = 0;
    quint32 count = 0;
    in >> magic >> count;
    QList<SourceItem> items;
    if (magic != Magic)
        return items;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i)
    {
        SourceItem item;
        qint32 kind = 0;
        in >> item.ref.id >> item.ref.resourceKey >> kind >> item.name >> item.mimeType >> item.size;
        item.ref.kind = static_cast<Drive::DriveRef::Kind>(kind);
        if (in.status() == QDataStream::Ok && item.ref.isValid())
            items.append(item);
    }
    return items;
}

QList<Drive::DriveRef> refsFromText(const QString &text)
{
    return Drive::parseDriveRefs(text);
}

bool canDecode(const QMimeData *mime)
{
    return mime
        && (mime->hasFormat(QString::fromLatin1(MimeType)) || mime->hasUrls() || mime->hasText());
}

QList<SourceItem> fromMimeData(const QMimeData *mime)
{
    QList<SourceItem> items;
    if (!mime)
        return items;
    if (mime->hasFormat(QString::fromLatin1(MimeType)))
        return decode(mime->data(QString::fromLatin1(MimeType)));
    QString text;
    if (mime->hasUrls())
    {
        for (const QUrl &url : mime->urls())
            text += url.toString() + u'\n';
    }
    else if (mime->hasText())
    {
        text = mime->text();
    }
    const QList<Drive::DriveRef> refs = refsFromText(text);
    for (const auto &ref : refs)
        items.append(SourceItem {ref, {}, {}, -1});
    return items;
}
} // namespace SourceItems
