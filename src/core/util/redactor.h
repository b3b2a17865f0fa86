// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Keeps secrets out of every log line, report and error text (issue 4: "every log line passes a redaction filter").
///
/// Two layers: values registered at run time (tokens, client secrets, keys as they are obtained) are replaced
/// wherever they appear, raw or percent-encoded; and well-known secret shapes (Bearer headers, token
/// parameters and JSON fields, Google and Databricks token prefixes, PEM private keys) are replaced even if
/// nobody registered them. All functions are thread-safe.
namespace Util
{
/// What a secret is replaced with.
inline constexpr char16_t RedactedMark[] = u"\u00ABredacted\u00BB";

/// Adds a value to the global registry. Values shorter than 8 bytes are ignored (too likely to hit ordinary text).
void registerSecret(const QByteArray &secret);
/// Removes a value registered before (e.g. after sign-out); unknown values are ignored.
void forgetSecret(const QByteArray &secret);
/// Forgets every registered value (tests).
void forgetAllSecrets();

[[nodiscard]] QString redact(QString text);
/// Byte form for raw HTTP bodies and headers; bytes that are not UTF-8 pass through unchanged.
[[nodiscard]] QByteArray redact(QByteArray data);

/// Routes every qDebug/qInfo/qWarning/qCritical/qFatal message through redact() before it reaches the handler
/// that was installed before (or Qt's default one). Idempotent.
void installRedactingMessageHandler();

} // namespace Util
