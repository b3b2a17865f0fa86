// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <chrono>

namespace Net
{
/// Which server family answered: the error body shapes differ (google-drive-api.md §5, databricks-api.md §2).
enum class Service
{
    Drive, ///< Google APIs: {"error":{"code","message","errors":[{reason}],"details":[{reason}]}}
    GoogleAuth, ///< Google OAuth token endpoint: flat {"error":"invalid_grant","error_description":…}
    Databricks, ///< {"error_code":"…"|n,"message"}, legacy {"error"}, "CODE: message", HTML <pre>
};

/// Pure classification of one Drive/Google API outcome. `networkError` and `httpStatus` as Qt reports them
/// (httpStatus 0 when no response arrived), `body` the (small) error body if any, `retryAfterHeader` raw.
[[nodiscard]] Error classifyDrive(QNetworkReply::NetworkError networkError, int httpStatus, const QByteArray &body,
    const QByteArray &retryAfterHeader = {});
/// The same for Databricks workspace APIs (Files API, DBFS, OIDC).
[[nodiscard]] Error classifyDatabricks(QNetworkReply::NetworkError networkError, int httpStatus, const QByteArray &body,
    const QByteArray &retryAfterHeader = {});
/// The same for a flat OAuth token-endpoint reply (Google or Databricks OIDC).
[[nodiscard]] Error classifyOAuth(QNetworkReply::NetworkError networkError, int httpStatus, const QByteArray &body,
    const QByteArray &retryAfterHeader = {});

/// Reads error(), the status code and Retry-After from a finished reply and dispatches on `service`.
/// `bodyIfRead` is what the caller already read (a reply body can be read only once).
[[nodiscard]] Error classifyReply(QNetworkReply *reply, Service service, const QByteArray &bodyIfRead);

/// Only the transport part: what a QNetworkReply error means when no HTTP status explains it.
[[nodiscard]] Error classifyNetworkError(QNetworkReply::NetworkError networkError);

/// Retry-After as delta-seconds or an HTTP-date (relative to `now`); -1 ms when absent or unparsable.
[[nodiscard]] std::chrono::milliseconds parseRetryAfter(const QByteArray &header);

/// Name of the reply property set by a redirect guard that refused a redirect (see network.h).
inline constexpr char RefusedRedirectProperty[] = "di_refusedRedirect";

} // namespace Net
