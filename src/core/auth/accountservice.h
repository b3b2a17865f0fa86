// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accounts.h"
#include "auth/databrickscredentials.h"
#include "auth/oauthflow.h"
#include "auth/tokenrequest.h"
#include "net/endpoints.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QObject;

namespace Net
{
class TokenProvider;
}

namespace Auth
{
class TokenStore;

/// Builds a token provider on the thread that calls it (the engine's); captures copies only.
using TokenFactory = std::function<Net::TokenProvider *(QNetworkAccessManager *nam, QObject *parent)>;

/// A Google sign-in as kept: the account's name, its OAuth client and refresh token (secrets, memory only).
struct GoogleSignIn
{
    QString name;
    OAuthClient client;
    QByteArray refreshToken;

    /// GoogleTokenProviders for this sign-in at `endpoints`; `first` is an access token already had (a sign-in
    /// that just happened), else each provider fetches its own.
    [[nodiscard]] TokenFactory tokenFactory(const Net::Endpoints &endpoints, const TokenResponse &first = {}) const;
};

/**
 * The accounts a user keeps, for both faces: reading a kept Google sign-in or a kept Databricks workspace back
 * from the TokenStore, keeping a new Google sign-in, and asking Drive whose sign-in it is. Asynchronous like
 * the store (`done` runs once on `context`'s thread, never after `context` died); the CLI waits for the answer,
 * the app does not.
 */
class AccountService
{
    Q_DECLARE_TR_FUNCTIONS(Auth::AccountService)

public:
    using GoogleLoaded = std::function<void(const std::optional<GoogleSignIn> &signIn, const QString &error)>;
    using DatabricksLoaded = std::function<void(const std::optional<DatabricksCredentials> &credentials,
                                                const QString &error)>;

    /// `store` and `accounts` are not owned; `accounts` is needed by keepGoogle() only.
    explicit AccountService(TokenStore *store, Accounts *accounts = nullptr);

    /// The endpoints a kept Google account signed in at: Google's, or the sandbox's when its token endpoint is
    /// on loopback (`drive-ingest-cli login --sandbox URL`, the app's sign-in while trying the sandbox).
    [[nodiscard]] static Net::Endpoints endpointsFor(const Account &account);

    /// A kept Google account's sign-in, its secrets read back from the store; or a translated reason.
    void loadGoogle(const Account &account, QObject *context, GoogleLoaded done) const;
    /// A kept Databricks workspace's credentials (`host` normalised); or a translated reason.
    void loadDatabricks(const QString &host, QObject *context, DatabricksLoaded done) const;
    /// The credentials a run into workspace `host` uses, the same rule for both faces: those kept for it when
    /// the account list names it, else `builtIn` when given (the sandbox's own: Dest::sandboxWorkspace()),
    /// else loadDatabricks()'s answer.
    void loadWorkspace(const QString &host, const std::optional<DatabricksCredentials> &builtIn, QObject *context,
                       DatabricksLoaded done) const;
    /// Keeps a sign-in for the next start: the secrets in the store, then the name in the account list (only
    /// when the store took them). `done(ok, error)`.
    void keepGoogle(const GoogleSignIn &signIn, const Net::Endpoints &endpoints, QObject *context,
                    std::function<void(bool ok, const QString &error)> done) const;

    /// Asks Drive who signed in (about.user.emailAddress), to name a new account; empty when Drive does not
    /// say. `done` runs once on `context`'s thread.
    static void fetchEmail(QNetworkAccessManager *nam, const Net::Endpoints &endpoints, const QByteArray &accessToken,
                           QObject *context, std::function<void(const QString &email)> done);

private:
    TokenStore *m_store;
    Accounts *m_accounts;
};

} // namespace Auth
