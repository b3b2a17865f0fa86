// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace Net
{
/// Adds the PEM CA(s) in `extraCaFile` to the default TLS configuration (for the sandbox's --tls), on top of
/// the system store. Verification itself is never turned off. Empty path: nothing to do, true.
bool configureTls(const QString &extraCaFile, QString *errorMessage = nullptr);

/// "drive-ingest/<version> (gzip)": Google asks for "gzip" in the User-Agent to serve compressed JSON.
[[nodiscard]] QByteArray userAgent();

enum class Http2
{
    Allowed,
    Off, ///< HTTP/1.1 only: parallel streams need their own TCP connections (toolchain.md §6)
};

/// A request with our User-Agent, the bearer (when given) and a user-verified redirect policy: Qt follows
/// a redirect only once guardRedirects() allowed it. (Qt 6.4 sends the next hop, bearer included, before it
/// emits redirected(), so aborting a followed redirect there is too late.) The bearer is never logged;
/// callers must not put it anywhere else. Every reply of such a request needs guardRedirects().
[[nodiscard]] QNetworkRequest makeRequest(const QUrl &url, const QByteArray &bearer, Http2 http2 = Http2::Allowed);

/// Whether a URL a server handed us (an exportLinks URL, a redirect target, any URL in an answer) may be
/// opened at all: https, or plain http when both it and `origin` (where the answer came from) are on
/// loopback (the sandbox). Never file:, data:, qrc:, ftp:, nor http to or from anywhere else.
[[nodiscard]] bool isServerUrlAllowed(const QUrl &origin, const QUrl &url);

/// Whether a bearer issued for `issuer` (the API base it was issued for) may travel to `target`: the same
/// origin (scheme, host and port), or https among Google's hosts when the issuer is one. Loopback on
/// another port is another host.
[[nodiscard]] bool mayCarryBearer(const QUrl &issuer, const QUrl &target);

/// Whether following a redirect from `from` to `to` is safe: an allowed server URL (above) where the
/// request's headers, bearer included, may go (above). Anything else is refused, never followed.
[[nodiscard]] bool isRedirectAllowed(const QUrl &from, const QUrl &to);

/// Follows `reply`'s safe redirects; an unsafe one aborts the reply before anything is sent to the target,
/// and marks it so classifyReply() reports "redirectRefused" instead of "cancelled". Call right after sending.
void guardRedirects(QNetworkReply *reply);

[[nodiscard]] bool isLoopback(const QUrl &url);

} // namespace Net
