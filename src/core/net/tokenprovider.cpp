// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/tokenprovider.h"

#include <QTimer>

namespace Net
{
StaticTokenProvider::StaticTokenProvider(const QByteArray &token, const QString &accountName, QObject *parent)
    : TokenProvider(parent)
    , m_token(token)
    , m_accountName(accountName)
{
}

QByteArray StaticTokenProvider::accessToken() const
{
    return m_token;
}

void StaticTokenProvider::refresh()
{
    // Asynchronous like every other provider, so callers never see a re-entrant signal.
    QTimer::singleShot(0, this, [this] { emit refreshFailed(tr("The access token was rejected and cannot be refreshed.")); });
}

QString StaticTokenProvider::accountName() const
{
    return m_accountName;
}

} // namespace Net
