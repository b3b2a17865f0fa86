// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxprocess.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

/// What the sandbox tests share: the static token they start the sandbox with and the id lookup.
namespace SandboxTest
{

inline constexpr char kToken[] = "sandbox-test-token";

/// Authorization header for the static token.
QList<QPair<QByteArray, QByteArray>> auth(const QList<QPair<QByteArray, QByteArray>> &more = {});

/// GET /_sandbox/tree indexed by "path" (the first of duplicate paths wins) and by id.
struct Tree
{
    QString demoRootId;
    QString rootId;
    QHash<QString, QJsonObject> byPath;
    QHash<QString, QJsonObject> byId;
    QList<QJsonObject> items;
    [[nodiscard]] QString id(const QString &path) const;
};
Tree loadTree(SandboxProcess &sandbox, bool withHashes = false);

/// Percent-encodes a query value.
QString enc(const QString &value);
/// errors[0].reason of a Google error body.
QString reason(const SandboxProcess::Reply &reply);

} // namespace SandboxTest
