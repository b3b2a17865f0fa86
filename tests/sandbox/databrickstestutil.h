// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

/// What the Databricks sandbox tests (Files API, DBFS) share: the sandbox's built-in PAT and test data.
namespace DatabricksTest
{

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// Authorization with the sandbox's default personal access token.
extern const Headers kPat;
/// The same plus Content-Type: application/json.
extern const Headers kJson;

/// `size` deterministic pseudo-random bytes from `seed`.
QByteArray bytes(qsizetype size, quint32 seed);
QByteArray md5Hex(const QByteArray &data);
/// Compact JSON text of `o`.
QByteArray json(const QJsonObject &o);

} // namespace DatabricksTest
