// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/journalrows.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Journal
{
QStringList normalisedSources(const QStringList &sources)
{
    QStringList result;
    for (const QString &source : sources)
    {
        const QString trimmed = source.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    result.sort();
    result.removeDuplicates();
    return result;
}

QString jobKey(const QStringList &sources, const QString &destination)
{
    // JSON keeps the parts apart whatever characters they hold ("a\nb" as one source is not two sources).
    const QJsonArray parts { QJsonArray::fromStringList(normalisedSources(sources)), destination.trimmed() };
    const QByteArray canonical = QJsonDocument(parts).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

} // namespace Journal
