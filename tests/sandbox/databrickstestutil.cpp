// SPDX-License-Identifier: GPL-3.0-or-later
#include "databrickstestutil.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace DatabricksTest
{

const Headers kPat { { "Authorization", "Bearer dapi-sandbox-token" } };
const Headers kJson { { "Authorization", "Bearer dapi-sandbox-token" }, { "Content-Type", "application/json" } };

QByteArray bytes(qsizetype size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        out[i] = char(i);
    return out;
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace DatabricksTest
