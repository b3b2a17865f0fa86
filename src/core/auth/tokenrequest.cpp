// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenrequest.h"

#include "util/redactor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Auth
{
namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("Auth::TokenRequest", text);
}

constexpr int tokenRequestTimeoutMs = 30000;

const char sevenDayNote[] = QT_TRANSLATE_NOOP("Auth::TokenRequest",
    "If this happens about a week after every sign-in, your OAuth client's app is in \"Testing\" publishing "
    "status: Google expires the sign-ins of Testing apps after 7 days. Publish the app (Google Cloud console "
    "→ Google Auth Platform → Audience → Publish app) to keep sign-ins valid.");
} // namespace

bool TokenReply::isTransient() const
{
    return !ok && (httpStatus == 0 || httpStatus == 429 || httpStatus >= 500);
}

bool TokenReply::needsNewSignIn() const
{
    return !ok && (error == u"invalid_grant"_s || error == u"invalid_token"_s);
}

QByteArray encodeForm(const QList<QPair<QByteArray, QByteArray>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields)
    {
        if (!body.isEmpty())
            body += '&';
        body += key.toPercentEncoding() + '=' + value.toPercentEncoding();
    }
    return body;
}

TokenReply parseTokenReply(int httpStatus, const QByteArray &body)
{
    TokenReply reply;
    reply.httpStatus = httpStatus;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (httpStatus >= 200 && httpStatus < 300)
    {
        reply.response.accessToken = json.value(u"access_token"_s).toString().toUtf8();
        reply.response.refreshToken = json.value(u"refresh_token"_s).toString().toUtf8();
        reply.response.expiresIn = json.value(u"expires_in"_s).toVariant().toLongLong();
        reply.response.scope = json.value(u"scope"_s).toString();
        reply.response.tokenType = json.value(u"token_type"_s).toString();
        reply.ok = !reply.response.accessToken.isEmpty();
        if (!reply.ok)
            reply.error = u"invalid_response"_s;
        return reply;
    }
    reply.ok = false;
    const QJsonValue error = json.value(u"error"_s);
    if (error.isString())
    {
        reply.error = error.toString();
        reply.errorDescription = json.value(u"error_description"_s).toString();
    }
    else if (error.isObject())
    {
        // Google's API-style envelope {"error":{"code","message","status"}} (some proxies answer with it).
        reply.error = error.toObject().value(u"status"_s).toString().toLower();
        reply.errorDescription = error.toObject().value(u"message"_s).toString();
    }
    else if (json.contains(u"error_code"_s))
    {
        reply.error = json.value(u"error_code"_s).toVariant().toString();
        reply.errorDescription = json.value(u"message"_s).toString();
    }
    if (reply.error.isEmpty())
        reply.error = u"http_%1"_s.arg(httpStatus);
    // The description is shown to users: strip anything that looks like a secret, to be sure.
    reply.errorDescription = Util::redact(reply.errorDescription.left(500));
    return reply;
}

QString describeTokenError(const TokenReply &reply, TokenGrant grant, const QString &who)
{
    if (reply.ok)
        return {};
    const QString detail
        = reply.errorDescription.isEmpty() ? reply.error : u"%1: %2"_s.arg(reply.error, reply.errorDescription);
    if (reply.httpStatus == 0)
        return tr("Could not reach the sign-in server for %1 (%2). Check the network and try again.")
            .arg(who, reply.networkError);
    if (reply.httpStatus == 429 || reply.httpStatus >= 500)
        return tr("The sign-in server is busy or failing for %1 (HTTP %2, %3). Try again in a moment.")
            .arg(who)
            .arg(reply.httpStatus)
            .arg(detail);
    if (reply.error == u"invalid_client"_s || reply.error == u"unauthorized_client"_s)
    {
        if (grant == TokenGrant::JwtBearer)
            return tr("Google refused the service account %1 (%2). When a subject (--subject) is used, a Workspace "
                      "administrator must allow domain-wide delegation of the Drive scope for this service account's "
                      "client id.")
                .arg(who, detail);
        if (grant == TokenGrant::ClientCredentials)
            return tr("The Databricks workspace %1 refused the service principal's client id or secret (%2). Check "
                      "them and save them again (app: Accounts → Databricks workspaces; command line: "
                      "drive-ingest-cli databricks-login).")
                .arg(who, detail);
        return tr("The OAuth client id or client secret used for %1 is wrong or was deleted (%2). Check the client "
                  "in the Google Cloud console (it must be of type \"Desktop app\") and sign in again.")
            .arg(who, detail);
    }
    if (reply.error == u"access_denied"_s)
        return tr("Access was denied for %1: the sign-in was cancelled or Drive access was not granted (%2). Sign in "
                  "again and allow access to Google Drive.")
            .arg(who, detail);
    switch (grant)
    {
    case TokenGrant::AuthorizationCode:
        if (reply.error == u"invalid_grant"_s)
            return tr("Google rejected the sign-in answer for %1 (%2): the code was already used or expired, or the "
                      "PKCE verifier or redirect address did not match. Start the sign-in again.")
                .arg(who, detail);
        break;
    case TokenGrant::RefreshToken:
        if (reply.needsNewSignIn())
            return tr("The saved Google sign-in of %1 is no longer valid (%2): it was revoked, expired or replaced. "
                      "Sign in again (app: Accounts → Sign in with Google; command line: drive-ingest-cli login "
                      "--account %1).")
                       .arg(who, detail)
                + u' ' + tr(sevenDayNote);
        break;
    case TokenGrant::JwtBearer:
    {
        const QString description = reply.errorDescription;
        if (description.contains(u"Invalid JWT Signature"_s, Qt::CaseInsensitive))
            return tr("Google rejected the signature of service account %1 (%2): the key in the key file was "
                      "deleted or replaced in the Google Cloud console. Create a new key and use its JSON file.")
                .arg(who, detail);
        if (description.contains(u"short-lived"_s, Qt::CaseInsensitive)
            || description.contains(u"timeframe"_s, Qt::CaseInsensitive))
            return tr("Google rejected the service-account token of %1 because this computer's clock is wrong (%2). "
                      "Set the system clock (enable NTP time sync) and try again.")
                .arg(who, detail);
        if (reply.error == u"invalid_grant"_s)
            return tr("Google rejected the service account %1 (%2). Check that the key file is current and, with "
                      "--subject, that the user exists in the domain.")
                .arg(who, detail);
        break;
    }
    case TokenGrant::ClientCredentials:
        break;
    case TokenGrant::Revoke:
        if (reply.error == u"invalid_token"_s)
            return tr("The sign-in of %1 was already revoked or expired.").arg(who);
        break;
    }
    return tr("The sign-in server refused the request for %1 (HTTP %2, %3).")
        .arg(who)
        .arg(reply.httpStatus)
        .arg(detail);
}

QNetworkReply *postTokenRequest(QNetworkAccessManager *nam, const QUrl &url, const QByteArray &form,
    const QByteArray &basicAuth, QObject *context, std::function<void(const TokenReply &)> done)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    if (!basicAuth.isEmpty())
        request.setRawHeader("Authorization"_ba, "Basic "_ba + basicAuth.toBase64());
    request.setTransferTimeout(tokenRequestTimeoutMs);
    // Token endpoints never redirect legitimately; following one could send secrets elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam->post(request, form);
    QPointer<QObject> guard(context);
    QObject::connect(reply, &QNetworkReply::finished, context,
        [reply, guard, done = std::move(done)]
        {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            TokenReply result;
            if (status == 0)
            {
                result.networkError = reply->errorString();
                result.error = u"network"_s;
            }
            else
            {
                // Token bodies are small; the cap keeps a misbehaving server from growing memory.
                result = parseTokenReply(status, reply->read(1 << 20));
            }
            if (result.ok)
            {
                Util::registerSecret(result.response.accessToken);
                Util::registerSecret(result.response.refreshToken);
            }
            if (guard)
                done(result);
        });
    return reply;
}

} // namespace Auth
