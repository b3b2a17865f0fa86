// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <optional>

class QProcess;

namespace Auth
{
/**
 * The token of `auth_type = databricks-cli` (Kind::DatabricksCli), as the official SDKs get it: by running the
 * Databricks CLI, `databricks auth token --profile <profile>` (or `--host <host>` when no profile is known),
 * and reading the JSON it prints: {"access_token", "token_type", "expiry"} (reference databricks-wave2.md §1;
 * Go SDK `cli_token_source.go`). The CLI keeps the user's sign-in (its keyring); we keep nothing.
 *
 *   start() ─▶ running ─▶ finished(token) ─ renewal timer, ahead of expiry ─▶ start() …
 *                  └────▶ failed(reason)   (no CLI on PATH, exit ≠ 0 — "not logged in" —, bad JSON, 60 s)
 *
 * start() while running is answered by the run in flight. Lives on its owner's thread.
 */
class DatabricksCliToken final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabricksCliToken)

public:
    struct Token
    {
        QByteArray accessToken;
        QDateTime expiry; ///< invalid when the CLI did not say
    };

    explicit DatabricksCliToken(const DatabricksCredentials &credentials, QObject *parent = nullptr);
    ~DatabricksCliToken() override;

    /// `databricks` as found on PATH; empty when there is none.
    [[nodiscard]] static QString program();
    /// `auth token --profile P`, or `auth token --host H` without a profile.
    [[nodiscard]] static QStringList arguments(const DatabricksCredentials &credentials);
    /// Reads the CLI's answer; nullopt with a translated `*error` when it holds no token. `expiry` may be
    /// RFC 3339 (with fractions and an offset) or "YYYY-MM-DD HH:MM:SS[.fff]" (local time), as the SDKs take it.
    [[nodiscard]] static std::optional<Token> parse(const QByteArray &json, QString *error);

    /// Runs the CLI (unless it is running already).
    void start();
    [[nodiscard]] bool isRunning() const { return !m_process.isNull(); }

signals:
    void finished(const Auth::DatabricksCliToken::Token &token);
    void failed(const QString &reason);

private:
    void done(int exitCode, bool crashed);

    DatabricksCredentials m_credentials;
    QPointer<QProcess> m_process;
    QTimer m_renew;
};

} // namespace Auth
