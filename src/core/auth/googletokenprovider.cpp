// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/googletokenprovider.h"

#include "util/logging.h"
#include "util/redactor.h"

#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
constexpr int maxTransientAttempts = 4;
} // namespace

GoogleTokenProvider::GoogleTokenProvider(QNetworkAccessManager *nam, const Net::Endpoints &endpoints,
    const OAuthClient &client, const QString &accountName, const QByteArray &refreshToken, QObject *parent,
    const TokenResponse &initial)
    : Net::TokenProvider(parent)
    , m_nam(nam)
    , m_endpoints(endpoints)
    , m_client(client)
    , m_account(accountName)
    , m_refreshToken(refreshToken)
    , m_renewTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    Util::registerSecret(m_refreshToken);
    Util::registerSecret(m_client.clientSecret);
    m_renewTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    connect(m_renewTimer, &QTimer::timeout, this, &GoogleTokenProvider::refresh);
    connect(m_retryTimer, &QTimer::timeout, this, &GoogleTokenProvider::sendRefresh);
    if (!initial.accessToken.isEmpty())
        accept(initial);
    else
        QTimer::singleShot(0, this, &GoogleTokenProvider::refresh);
}

GoogleTokenProvider::~GoogleTokenProvider()
{
    if (m_reply)
    {
        // Disconnected first: the abort must not call back into a half-destroyed provider.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

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
    using namespace std::chrono;
    // 5 minutes ahead for Google's 1-hour tokens; a quarter of the lifetime when tokens are short (sandbox).
    return std::min<milliseconds>(minutes(5), duration_cast<milliseconds>(lifetime) / 4);
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
    // Coalesce: every caller waiting for a token is answered by the request already in flight.
    if (m_reply || m_retryTimer->isActive())
        return;
    m_attempt = 0;
    sendRefresh();
}

void GoogleTokenProvider::sendRefresh()
{
    ++m_attempt;
    ++m_requests;
    const QByteArray form = encodeForm({
        { "grant_type"_ba, "refresh_token"_ba },
        { "refresh_token"_ba, m_refreshToken },
        { "client_id"_ba, m_client.clientId.toUtf8() },
        { "client_secret"_ba, m_client.clientSecret },
    });
    m_reply = postTokenRequest(m_nam, m_endpoints.oauthToken, form, {}, this,
        [this](const TokenReply &reply)
        {
            m_reply = nullptr;
            if (reply.ok)
            {
                accept(reply.response);
                emit refreshed();
                return;
            }
            if (reply.isTransient() && m_attempt < maxTransientAttempts)
            {
                const int delayMs = 1000 << (m_attempt - 1);
                qCInfo(lcAuth).noquote() << "token refresh for" << m_account << "failed, retrying in" << delayMs
                                         << "ms:" << describeTokenError(reply, TokenGrant::RefreshToken, m_account);
                m_retryTimer->start(delayMs);
                return;
            }
            if (reply.needsNewSignIn())
            {
                m_dead = true;
                m_accessToken.clear();
                m_renewTimer->stop();
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
    const std::chrono::seconds lifetime(response.expiresIn > 0 ? response.expiresIn : 3600);
    const auto renewIn = std::chrono::duration_cast<std::chrono::milliseconds>(lifetime) - refreshLead(lifetime);
    m_renewTimer->start(std::max<std::chrono::milliseconds>(renewIn, std::chrono::milliseconds(500)));
}

} // namespace Auth
