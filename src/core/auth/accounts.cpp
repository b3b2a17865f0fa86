// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"

#include "auth/tokenrequest.h"
#include "auth/tokenstore.h"
#include "util/redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QCoreApplication>
#include <QSettings>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Auth
{
QString Account::storeKey() const
{
    return kindName(kind) + u'/' + name;
}

QString Account::kindName(Kind kind)
{
    return kind == Kind::Google ? u"google"_s : u"databricks"_s;
}

QByteArray GoogleSecret::toBlob() const
{
    return QJsonDocument(QJsonObject { { u"refresh_token"_s, QString::fromUtf8(refreshToken) },
                             { u"client_secret"_s, QString::fromUtf8(clientSecret) } })
        .toJson(QJsonDocument::Compact);
}

std::optional<GoogleSecret> GoogleSecret::fromBlob(const QByteArray &blob)
{
    const QJsonObject object = QJsonDocument::fromJson(blob).object();
    GoogleSecret secret { object.value(u"refresh_token"_s).toString().toUtf8(),
        object.value(u"client_secret"_s).toString().toUtf8() };
    if (secret.refreshToken.isEmpty())
        return std::nullopt;
    Util::registerSecret(secret.refreshToken);
    Util::registerSecret(secret.clientSecret);
    return secret;
}

Accounts::Accounts(QSettings *settings)
    : m_settings(settings)
{
    if (!m_settings)
    {
        m_owned = std::make_unique<QSettings>(u"drive-ingest"_s, u"drive-ingest"_s);
        m_settings = m_owned.get();
    }
}

Accounts::~Accounts() = default;

QList<Account> Accounts::list() const
{
    QList<Account> accounts;
    m_settings->sync();
    const int count = m_settings->beginReadArray(u"accounts"_s);
    for (int i = 0; i < count; ++i)
    {
        m_settings->setArrayIndex(i);
        Account account;
        account.kind = m_settings->value(u"kind"_s).toString() == u"databricks"_s ? Account::Kind::Databricks
                                                                                  : Account::Kind::Google;
        account.name = m_settings->value(u"name"_s).toString();
        account.clientId = m_settings->value(u"clientId"_s).toString();
        account.detail = m_settings->value(u"detail"_s).toString();
        account.added = m_settings->value(u"added"_s).toDateTime();
        if (!account.name.isEmpty())
            accounts.append(account);
    }
    m_settings->endArray();
    return accounts;
}

std::optional<Account> Accounts::find(Account::Kind kind, const QString &name) const
{
    for (const Account &account : list())
    {
        if (account.kind == kind && account.name == name)
            return account;
    }
    return std::nullopt;
}

std::optional<Account> Accounts::onlyGoogle(const QString &tokenEndpoint, QString *why, int *count) const
{
    QList<Account> google;
    QStringList workspaces;
    for (const Account &account : list())
    {
        if (account.kind == Account::Kind::Databricks)
            workspaces << account.name;
        else if (tokenEndpoint.isEmpty() || account.detail == tokenEndpoint)
            google << account;
    }
    if (count)
        *count = int(google.size());
    if (google.size() == 1)
        return google.constFirst();
    if (google.isEmpty())
    {
        *why = QCoreApplication::translate("Auth::Accounts", "no Google account is signed in (drive-ingest-cli login)");
        if (!workspaces.isEmpty())
            *why += QCoreApplication::translate("Auth::Accounts", "; Databricks workspaces are named with --account URL: %1")
                        .arg(workspaces.join(u", "_s));
        return std::nullopt;
    }
    QStringList names;
    for (const Account &account : std::as_const(google))
        names << account.name;
    *why = QCoreApplication::translate("Auth::Accounts", "%1 Google accounts are signed in (%2): choose one with --account NAME")
               .arg(google.size())
               .arg(names.join(u", "_s));
    return std::nullopt;
}

void Accounts::save(const Account &account)
{
    QList<Account> accounts = list();
    bool replaced = false;
    for (Account &existing : accounts)
    {
        if (existing.kind == account.kind && existing.name == account.name)
        {
            existing = account;
            replaced = true;
        }
    }
    if (!replaced)
        accounts.append(account);
    writeAll(accounts);
}

bool Accounts::remove(Account::Kind kind, const QString &name)
{
    QList<Account> accounts = list();
    const qsizetype removed = accounts.removeIf([&](const Account &a) { return a.kind == kind && a.name == name; });
    if (removed > 0)
        writeAll(accounts);
    return removed > 0;
}

void Accounts::writeAll(const QList<Account> &accounts)
{
    m_settings->remove(u"accounts"_s);
    m_settings->beginWriteArray(u"accounts"_s, static_cast<int>(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i)
    {
        const Account &account = accounts.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"kind"_s, Account::kindName(account.kind));
        m_settings->setValue(u"name"_s, account.name);
        m_settings->setValue(u"clientId"_s, account.clientId);
        m_settings->setValue(u"detail"_s, account.detail);
        m_settings->setValue(u"added"_s, account.added);
    }
    m_settings->endArray();
    m_settings->sync();
}

SignOutJob::SignOutJob(QNetworkAccessManager *nam, TokenStore *store, Accounts *accounts,
    const Net::Endpoints &endpoints, const Account &account, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store)
    , m_accounts(accounts)
    , m_endpoints(endpoints)
    , m_account(account)
{
}

SignOutJob::~SignOutJob() = default;

void SignOutJob::start()
{
    m_store->read(m_account.storeKey(), this,
        [this](const TokenStore::Result &result)
        {
            if (result.status == TokenStore::Result::Status::Failed)
            {
                finish(false, result.errorString);
                return;
            }
            if (m_account.kind == Account::Kind::Google && result.ok())
            {
                if (const auto secret = GoogleSecret::fromBlob(result.data))
                {
                    revoke(secret->refreshToken);
                    return;
                }
            }
            // Databricks PATs and M2M secrets are revoked in the workspace's UI; locally we only forget them.
            removeLocal({});
        });
}

void SignOutJob::revoke(const QByteArray &token)
{
    QNetworkRequest request(m_endpoints.oauthRevoke);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setTransferTimeout(30000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_nam->post(request, encodeForm({ { "token"_ba, token } }));
    connect(reply, &QNetworkReply::finished, this,
        [this, reply]
        {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300)
            {
                removeLocal({});
                return;
            }
            TokenReply parsed;
            if (status == 0)
            {
                parsed.error = u"network"_s;
                parsed.networkError = reply->errorString();
            }
            else
            {
                parsed = parseTokenReply(status, reply->read(1 << 16));
            }
            removeLocal(describeTokenError(parsed, TokenGrant::Revoke, m_account.name));
        });
}

void SignOutJob::removeLocal(const QString &revokeNote)
{
    m_store->remove(m_account.storeKey(), this,
        [this, revokeNote](const TokenStore::Result &result)
        {
            if (result.status == TokenStore::Result::Status::Failed)
            {
                finish(false, result.errorString);
                return;
            }
            m_accounts->remove(m_account.kind, m_account.name);
            QString message = tr("Signed out of %1.").arg(m_account.name);
            if (!revokeNote.isEmpty())
                message += u' ' + tr("The server did not confirm the revocation: %1").arg(revokeNote);
            finish(true, message);
        });
}

void SignOutJob::finish(bool ok, const QString &message)
{
    emit finished(ok, message);
    deleteLater();
}

} // namespace Auth
