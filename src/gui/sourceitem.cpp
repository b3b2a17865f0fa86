// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceitem.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace
{
constexpr quint32 Magic = 0x44494931; // "DII1": refuses data from another version of the format

Drive::DriveRef refFromUrl(const QUrl &url)
{
    using Kind = Drive::DriveRef::Kind;
    Drive::DriveRef ref;
    const QString host = url.host().toLower();
    if (!host.endsWith(u"google.com"))
        return ref;
    const QUrlQuery query(url);
    ref.resourceKey = query.queryItemValue(u"resourcekey"_s);
    const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
    // ".../<kind>/d/<id>/..." covers file, document, spreadsheets, presentation, drawings, forms.
    const qsizetype d = parts.indexOf(u"d"_s);
    if (d > 0 && d + 1 < parts.size())
    {
        ref.id = parts.at(d + 1);
        const QString kind = parts.at(d - 1);
        if (kind == u"document")
            ref.kind = Kind::Document;
        else if (kind == u"spreadsheets")
            ref.kind = Kind::Spreadsheet;
        else if (kind == u"presentation")
            ref.kind = Kind::Presentation;
        else if (kind == u"drawings")
            ref.kind = Kind::Drawing;
        else if (kind == u"forms")
            ref.kind = Kind::Form;
        else if (kind == u"file")
            ref.kind = Kind::File;
        return ref;
    }
    const qsizetype f = parts.indexOf(u"folders"_s);
    if (f >= 0 && f + 1 < parts.size())
    {
        ref.id = parts.at(f + 1);
        ref.kind = Kind::Folder;
        return ref;
    }
    ref.id = query.queryItemValue(u"id"_s);
    return ref;
}
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
    static const QRegularExpression urlRe(u"https?://[^\\s<>\"']+"_s);
    static const QRegularExpression idRe(u"^[A-Za-z0-9_-]{25,}$"_s);
    QList<Drive::DriveRef> refs;
    auto add = [&refs](const Drive::DriveRef &ref) {
        if (!ref.isValid())
            return;
        for (const auto &r : std::as_const(refs))
            if (r.id == ref.id)
                return;
        refs.append(ref);
    };
    const QStringList tokens = text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    for (const QString &token : tokens)
    {
        const auto m = urlRe.match(token);
        if (m.hasMatch())
            add(refFromUrl(QUrl(m.captured(0))));
        else if (idRe.match(token).hasMatch())
            add(Drive::DriveRef {token, {}, Drive::DriveRef::Kind::Unknown});
    }
    return refs;
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
