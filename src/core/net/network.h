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

/// A request with our User-Agent, the bearer (when given) and the safe redirect policy. The bearer is never
/// logged; callers must not put it anywhere else.
[[nodiscard]] QNetworkRequest makeRequest(const QUrl &url, const QByteArray &bearer, Http2 http2 = Http2::Allowed);

/// Whether following a redirect from `from` to `to` is safe: https anywhere on the same host or a Google
/// host, plain http only on loopback (the sandbox). The bearer travels with a followed redirect, so
/// anything else is refused.
[[nodiscard]] bool isRedirectAllowed(const QUrl &from, const QUrl &to);

/// Watches `reply`'s redirects; an unsafe one aborts the reply and marks it so classifyReply() reports
/// "redirectRefused" instead of "cancelled". Call right after sending.
void guardRedirects(QNetworkReply *reply);

[[nodiscard]] bool isLoopback(const QUrl &url);

} // namespace Net
