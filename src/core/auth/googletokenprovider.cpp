// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/googletokenprovider.h"

#include "auth/tokenrenewal.h"

#include "util/logging.h"
#include "util/redactor.h"

#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Auth
{
GoogleTokenProvider::GoogleTokenProvider(QNetworkAccessManager *nam, const Net::Endpoints &endpoints,
    const OAuthClient &client, const QString &accountName, const QByteArray &refreshToken, QObject *parent,
    const TokenResponse &initial)
    : Net::TokenProvider(parent)
    , m_nam(nam)
    , m_endpoints(endpoints)
    , m_client(client)
    , m_account(accountName)
    , m_refreshToken(refreshToken)
    , m_renewal(new TokenRenewal([this] { return sendRefresh(); }, this))
{
    Util::registerSecret(m_refreshToken);
    Util::registerSecret(m_client.clientSecret);
    connect(m_renewal, &TokenRenewal::renewDue, this, &GoogleTokenProvider::refresh);
    if (!initial.accessToken.isEmpty())
        accept(initial);
    else
        QTimer::singleShot(0, this, &GoogleTokenProvider::refresh);
}

// The request in flight is aborted by m_renewal, without calling back.
GoogleTokenProvider::~GoogleTokenProvider() = default;

QByteArray GoogleTokenProvider::accessToken() const
{
    return m_accessToken;
}

QString GoogleTokenProvider::accountName() const
{
    return m_account;
}

std::chrono::milliseconds GoogleTokenProvider::refreshLead(std::chrono::seconds lifetime)
{
    return TokenRenewal::refreshLead(lifetime);
}

void GoogleTokenProvider::refresh()
{
    if (m_dead)
    {
        QTimer::singleShot(0, this,
            [this]
            { emit refreshFailed(tr("The Google sign-in of %1 is no longer valid. Sign in again.").arg(m_account)); });
        return;
    }
    // Coalesced: every caller waiting for a token is answered by the request already in flight.
    m_renewal->request();
}

QNetworkReply *GoogleTokenProvider::sendRefresh()
{
    ++m_requests;
    const QByteArray form = encodeForm({
        { "grant_type"_ba, "refresh_token"_ba },
        { "refresh_token"_ba, m_refreshToken },
        { "client_id"_ba, m_client.clientId.toUtf8() },
        { "client_secret"_ba, m_client.clientSecret },
    });
    return postTokenRequest(m_nam, m_endpoints.oauthToken, form, {}, this,
        [this](const TokenReply &reply)
        {
            if (reply.ok)
            {
                accept(reply.response);
                emit refreshed();
                return;
            }
            if (m_renewal->retryLater(reply.isTransient()))
            {
                qCInfo(lcAuth).noquote() << "token refresh for" << m_account << "failed (attempt"
                                         << m_renewal->attempts() << "), retrying:"
                                         << describeTokenError(reply, TokenGrant::RefreshToken, m_account);
                return;
            }
            if (reply.needsNewSignIn())
            {
                m_dead = true;
                m_accessToken.clear();
                m_renewal->stop();
            }
            const QString message = describeTokenError(reply, TokenGrant::RefreshToken, m_account);
            qCWarning(lcAuth).noquote() << message;
            emit refreshFailed(message);
        });
}

void GoogleTokenProvider::accept(const TokenResponse &response)
{
    Util::registerSecret(response.accessToken);
    m_accessToken = response.accessToken;
    m_renewal->succeeded(std::chrono::seconds(response.expiresIn));
}

} // namespace Auth
