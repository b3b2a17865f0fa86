// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxtestutil.h"

#include <QJsonArray>
#include <QUrl>

namespace SandboxTest
{

QList<QPair<QByteArray, QByteArray>> auth(const QList<QPair<QByteArray, QByteArray>> &more)
{
    QList<QPair<QByteArray, QByteArray>> h { { "Authorization", QByteArray("Bearer ") + kToken } };
    h += more;
    return h;
}

QString Tree::id(const QString &path) const
{
    return byPath.value(path).value(QStringLiteral("id")).toString();
}

Tree loadTree(SandboxProcess &sandbox, bool withHashes)
{
    Tree t;
    const QJsonObject o
        = sandbox.get(withHashes ? QStringLiteral("/_sandbox/tree") : QStringLiteral("/_sandbox/tree?hashes=false"))
              .json();
    t.demoRootId = o.value(QStringLiteral("demo_root_id")).toString();
    t.rootId = o.value(QStringLiteral("root_id")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
    {
        const QJsonObject item = v.toObject();
        t.items.append(item);
        const QString path = item.value(QStringLiteral("path")).toString();
        if (!t.byPath.contains(path))
            t.byPath.insert(path, item);
        t.byId.insert(item.value(QStringLiteral("id")).toString(), item);
    }
    return t;
}

QString enc(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString reason(const SandboxProcess::Reply &reply)
{
    const QJsonObject error = reply.json().value(QStringLiteral("error")).toObject();
    return error.value(QStringLiteral("errors"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("reason"))
        .toString();
}

} // namespace SandboxTest
