// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>

namespace Net
{
/// The one error taxonomy of DESIGN.md "Errors and retries". Every request's outcome maps to one class,
/// and the class alone decides what the engine does next.
enum class ErrorClass
{
    None,      ///< success
    Transient, ///< reset, timeout, 5xx, backendError: back off, retry, resume with Range
    Throttled, ///< 429, 403 rate limits, REQUEST_LIMIT_EXCEEDED: honour Retry-After, slow the pacer
    Auth,      ///< 401 / Databricks 403 invalid token: refresh once, then ask the user
    Quota,     ///< downloadQuotaExceeded, dailyLimitExceeded: park the file ("retry later")
    Permanent, ///< 404, permissions, abusive file, hash mismatch after N tries: the file fails
    Local,     ///< disk full, permission denied, bad destination: stop the run early
    Cancelled, ///< the user or the engine aborted
};

struct Error
{
    ErrorClass errorClass = ErrorClass::None;
    int httpStatus = 0;                       ///< 0 when there was no HTTP response
    QString reason;                           ///< machine reason: "userRateLimitExceeded", "connectionReset", "diskFull"…
    QString message;                          ///< human text, safe to show and log (never holds a secret)
    std::chrono::milliseconds retryAfter {-1}; ///< from Retry-After; -1 when absent

    [[nodiscard]] bool isError() const { return errorClass != ErrorClass::None; }
    [[nodiscard]] QString toString() const;
};

[[nodiscard]] QString errorClassName(ErrorClass errorClass);

} // namespace Net

Q_DECLARE_METATYPE(Net::Error)
