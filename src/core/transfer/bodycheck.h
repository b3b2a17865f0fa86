// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QString>
#include <QtGlobal>

class QNetworkReply;

namespace Transfer
{
/// The export endpoint's documented cap (google-drive-api.md §4b: "limited to 10 MB"; over it Drive answers
/// 403 exportSizeLimitExceeded): a longer body from files.export is not Drive's.
inline constexpr qint64 ExportEndpointLimit = 10LL << 20;

/// What one body request (the whole file, a resumed tail, a ranged part or an export) may bring back.
/// Shared by the single stream (FileTransfer) and the ranged parts (RangedFetch).
struct BodyExpectation
{
    qint64 from = 0; ///< first byte asked for (the Range start; 0 for a whole body)
    qint64 cap = -1; ///< most bytes this body may carry: what Drive declared from `from` on, a part's
                     ///< length, or an export cap; -1: no cap
    QString capText; ///< what the cap is, for the message: "the 10 bytes Drive declared", "the export cap"…
};

/// The HTTP status of the response a body comes with: 0 while there is none yet, or while the head is a
/// redirect being followed (Qt reports each hop's head too; the body comes with the last one).
[[nodiscard]] int finalStatus(const QNetworkReply *reply);

/// Checks a response's head once its status is known, before any byte is kept:
/// - no header at all: Qt drops every header once they are over its limits (a 1 MB line, 100,000 fields)
///   and then reads the body until the connection ends, which a hostile server never does: "badHeaders";
/// - a 2xx whose Content-Length, or whose Content-Range span, is over the cap: "bodyTooLong";
/// - a 206 whose Content-Range does not start at `from`: "badContentRange".
/// No error: read on, through bodyReadCap().
[[nodiscard]] Net::Error checkBodyHead(const QNetworkReply *reply, const BodyExpectation &expected);

/// How many of `wanted` bytes may be read when `got` bytes of this body were read: never more than one
/// past the cap, so an overlong body (an endless chunked one included) shows itself without being stored.
[[nodiscard]] qint64 bodyReadCap(const BodyExpectation &expected, qint64 got, qint64 wanted);

/// "bodyTooLong" when `got` bytes went past the cap, no error otherwise. Permanent: the file fails.
[[nodiscard]] Net::Error bodyOverrun(const BodyExpectation &expected, qint64 got);

} // namespace Transfer
