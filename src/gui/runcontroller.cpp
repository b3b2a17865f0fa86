// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontroller.h"

#include "net/tokenprovider.h"

AccountSession::TokenFactory AccountSession::tokens() const
{
    if (tokenFactory)
        return tokenFactory;
    // Copies captured by value: the factory may run later, on another thread.
    const QByteArray token = staticToken;
    const QString account = accountName;
    return [token, account](QNetworkAccessManager *, QObject *parent) -> Net::TokenProvider * {
        return new Net::StaticTokenProvider(token, account, parent);
    };
}
