// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/errorclassifier.h"

#include "util/redactor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Net
{
namespace
{
constexpr qsizetype MaxMessageLength = 400;

// Server text is shown to users and logged: one line, bounded, no markup.
QString cleanMessage(QString text)
{
    text.replace(QRegularExpression(u"<[^>]*>"_s), QString());
    // Servers echo request details now and then; whatever looks like a secret goes before anyone sees it.
    text = Util::redact(text.simplified());
    if (text.size() > MaxMessageLength)
        text = text.left(MaxMessageLength - 1) + QChar(0x2026);
    return text;
}

Error make(ErrorClass errorClass, int httpStatus, const QString &reason, const QString &message)
{
    Error e;
    e.errorClass = errorClass;
    e.httpStatus = httpStatus;
    e.reason = reason;
    e.message = message;
    return e;
}

// Qt folds HTTP statuses into NetworkError values; these are the ones that say nothing beyond the status.
bool isHttpDerived(QNetworkReply::NetworkError error)
{
    switch (error)
    {
    case QNetworkReply::NoError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return true;
    default:
        return false;
    }
}

QString statusText(int status)
{
    switch (status)
    {
    case 400:
        return u"The server rejected the request as malformed."_s;
    case 401:
        return u"The access token was missing, expired or rejected."_s;
    case 403:
        return u"Access was denied."_s;
    case 404:
        return u"Not found, or no access to it."_s;
    case 408:
        return u"The server timed out waiting for the request."_s;
    case 409:
        return u"It already exists."_s;
    case 413:
        return u"The request is too large for the server."_s;
    case 416:
        return u"The requested byte range is outside the file."_s;
    case 429:
        return u"Too many requests: the server asks to slow down."_s;
    case 500:
        return u"The server had an internal error."_s;
    case 502:
        return u"Bad gateway."_s;
    case 503:
        return u"The service is temporarily unavailable."_s;
    case 504:
        return u"Gateway timeout."_s;
    default:
        return u"The server answered HTTP %1."_s.arg(status);
    }
}

// Classification from the status alone, when the body carries no known reason.
Error byStatus(int status)
{
    const QString text = statusText(status);
    if (status == 401)
        return make(ErrorClass::Auth, status, u"authError"_s, text);
    if (status == 429)
        return make(ErrorClass::Throttled, status, u"rateLimitExceeded"_s, text);
    if (status == 408)
        return make(ErrorClass::Transient, status, u"requestTimeout"_s, text);
    if (status == 416)
        return make(ErrorClass::Permanent, status, u"requestedRangeNotSatisfiable"_s, text);
    if (status == 404)
        return make(ErrorClass::Permanent, status, u"notFound"_s, text);
    if (status == 403)
        return make(ErrorClass::Permanent, status, u"forbidden"_s, text);
    if (status == 501)
        return make(ErrorClass::Permanent, status, u"notImplemented"_s, text);
    if (status >= 500)
        return make(ErrorClass::Transient, status, status == 500 ? u"internalError"_s : u"http%1"_s.arg(status), text);
    if (status >= 400)
        return make(ErrorClass::Permanent, status, u"http%1"_s.arg(status), text);
    if (status >= 300)
        return make(ErrorClass::Permanent, status, u"unexpectedRedirect"_s,
            u"The server redirected the request somewhere it may not go."_s);
    return {};
}

bool isInSet(const QString &reason, std::initializer_list<const char16_t *> set)
{
    return std::any_of(set.begin(), set.end(), [&reason](const char16_t *r) { return reason == QStringView(r); });
}

std::optional<ErrorClass> driveReasonClass(const QString &reason)
{
    if (isInSet(
            reason, { u"rateLimitExceeded", u"userRateLimitExceeded", u"RATE_LIMIT_EXCEEDED", u"RESOURCE_EXHAUSTED" }))
        return ErrorClass::Throttled;
    if (isInSet(reason,
            { u"dailyLimitExceeded", u"downloadQuotaExceeded", u"sharingRateLimitExceeded", u"quotaExceeded",
                u"storageQuotaExceeded" }))
        return ErrorClass::Quota;
    if (isInSet(reason, { u"backendError", u"internalError", u"transientError", u"BACKEND_ERROR" }))
        return ErrorClass::Transient;
    if (isInSet(reason,
            { u"authError", u"required", u"invalidCredentials", u"ACCESS_TOKEN_EXPIRED", u"CREDENTIALS_MISSING",
                u"insufficientPermissions", u"ACCESS_TOKEN_SCOPE_INSUFFICIENT" }))
        return ErrorClass::Auth;
    if (isInSet(reason,
            { u"notFound", u"insufficientFilePermissions", u"appNotAuthorizedToFile", u"domainPolicy",
                u"cannotDownloadAbusiveFile", u"invalidAbuseAcknowledgment", u"fileNotDownloadable",
                u"cannotDownloadFile", u"fileNotExportable", u"exportSizeLimitExceeded", u"badRequest", u"invalid",
                u"invalidParameter", u"requestedRangeNotSatisfiable", u"accessNotConfigured", u"SERVICE_DISABLED",
                u"forbidden" }))
        return ErrorClass::Permanent;
    return std::nullopt;
}

// Human texts for the reasons a user meets; Google's own message is kept as detail otherwise.
QString driveReasonText(const QString &reason, const QString &serverMessage)
{
    if (reason == u"downloadQuotaExceeded")
        return u"Google's download quota for this file is used up; try again in 24 hours."_s;
    if (reason == u"dailyLimitExceeded")
        return u"The daily request limit of this Google project is used up."_s;
    if (reason == u"cannotDownloadAbusiveFile")
        return u"Google flagged this file as malware or spam; only its owner can download it."_s;
    if (reason == u"insufficientFilePermissions")
        return u"This account may not download this file."_s;
    if (reason == u"insufficientPermissions")
        return u"The sign-in does not grant access to Drive files; sign in again and allow access."_s;
    if (reason == u"exportSizeLimitExceeded")
        return u"The file is too large for Drive's export (10 MB limit)."_s;
    if (reason == u"fileNotDownloadable")
        return u"Google Docs files have no bytes of their own; they must be exported."_s;
    return serverMessage;
}

QString errorInfoReason(const QJsonArray &details)
{
    for (const QJsonValue &d : details)
    {
        const QString reason = d.toObject().value(u"reason"_s).toString();
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}

bool isConnectionError(QNetworkReply::NetworkError error)
{
    return !isHttpDerived(error) && error != QNetworkReply::NoError;
}

Error withRetryAfter(Error e, const QByteArray &retryAfterHeader)
{
    e.retryAfter = parseRetryAfter(retryAfterHeader);
    return e;
}

} // namespace

Error classifyNetworkError(QNetworkReply::NetworkError networkError)
{
    switch (networkError)
    {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::OperationCanceledError:
        return make(ErrorClass::Cancelled, 0, u"cancelled"_s, u"The request was cancelled."_s);
    case QNetworkReply::RemoteHostClosedError:
        return make(ErrorClass::Transient, 0, u"connectionReset"_s, u"The server closed the connection."_s);
    case QNetworkReply::ConnectionRefusedError:
        return make(ErrorClass::Transient, 0, u"connectionRefused"_s, u"The server refused the connection."_s);
    case QNetworkReply::HostNotFoundError:
        return make(ErrorClass::Transient, 0, u"hostNotFound"_s, u"The server's name could not be resolved."_s);
    case QNetworkReply::TimeoutError:
        return make(ErrorClass::Transient, 0, u"timeout"_s, u"The connection timed out."_s);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return make(ErrorClass::Transient, 0, u"networkUnavailable"_s, u"The network is unavailable."_s);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::UnknownProxyError:
        return make(ErrorClass::Transient, 0, u"proxyError"_s, u"The proxy failed to connect."_s);
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::UnknownNetworkError:
        return make(ErrorClass::Transient, 0, u"protocolError"_s, u"The connection broke in the middle of a reply."_s);
    case QNetworkReply::SslHandshakeFailedError:
        return make(ErrorClass::Permanent, 0, u"tlsError"_s,
            u"The server's TLS certificate was not trusted (verification is never disabled)."_s);
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return make(ErrorClass::Permanent, 0, u"redirectRefused"_s,
            u"The server redirected the request somewhere it may not go."_s);
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return make(ErrorClass::Permanent, 0, u"badRequest"_s, u"The request could not be made."_s);
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return make(ErrorClass::Permanent, 0, u"proxyAuth"_s, u"The proxy needs credentials."_s);
    default:
        return make(ErrorClass::Transient, 0, u"networkError"_s, u"Network error %1."_s.arg(int(networkError)));
    }
}

std::chrono::milliseconds parseRetryAfter(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return -1ms;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
    {
        // Out-of-range doubles do not convert to integers: kept as ~300 years at most (the waiters cap it).
        constexpr double MaxSeconds = 1e10;
        if (!std::isfinite(seconds) || seconds < 0)
            return -1ms;
        return std::chrono::milliseconds(qint64(std::min(seconds, MaxSeconds) * 1000.0));
    }
    // HTTP-dates end in "GMT", which Qt's RFC 2822 parser does not take; it is +0000 by definition.
    QString text = QString::fromLatin1(value);
    if (text.endsWith(u"GMT"_s))
        text = text.chopped(3) + u"+0000"_s;
    const QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return -1ms;
    return std::chrono::milliseconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)));
}

namespace
{
/// What the transport alone decides, before any body is read: cancelled, a broken connection (also after a
/// 200/206 header), no HTTP answer at all, or success. nullopt: an HTTP error the service's body must explain.
std::optional<Error> transportOutcome(QNetworkReply::NetworkError networkError, int httpStatus)
{
    if (networkError == QNetworkReply::OperationCanceledError || httpStatus == 0
        || (httpStatus < 400 && isConnectionError(networkError)))
        return classifyNetworkError(networkError);
    if (httpStatus < 300)
        return Error {};
    return std::nullopt;
}
} // namespace

Error classifyDrive(QNetworkReply::NetworkError networkError, int httpStatus, const QByteArray &body,
    const QByteArray &retryAfterHeader)
{
    if (const std::optional<Error> outcome = transportOutcome(networkError, httpStatus))
        return *outcome;

    Error e = byStatus(httpStatus);
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
    const QString serverMessage = cleanMessage(error.value(u"message"_s).toString());
    QString reason = error.value(u"errors"_s).toArray().first().toObject().value(u"reason"_s).toString();
    std::optional<ErrorClass> cls = reason.isEmpty() ? std::nullopt : driveReasonClass(reason);
    if (!cls)
    {
        const QString info = errorInfoReason(error.value(u"details"_s).toArray());
        if (const auto infoClass = info.isEmpty() ? std::nullopt : driveReasonClass(info))
        {
            reason = info;
            cls = infoClass;
        }
    }
    if (cls)
    {
        e.errorClass = *cls;
        e.reason = reason;
    }
    else if (!reason.isEmpty())
    {
        e.reason = reason; // unknown reason: the status decides, the reason is still worth reporting
    }
    // A 403 rate limit Google did not tag (seen on old gateways) still reads "Rate Limit Exceeded".
    if (!cls && httpStatus == 403 && serverMessage.contains(u"Rate Limit Exceeded"_s, Qt::CaseInsensitive))
    {
        e.errorClass = ErrorClass::Throttled;
        e.reason = u"rateLimitExceeded"_s;
    }
    const QString text = driveReasonText(e.reason, serverMessage);
    if (!text.isEmpty())
        e.message = text;
    return withRetryAfter(e, retryAfterHeader);
}

Error classifyDatabricks(QNetworkReply::NetworkError networkError, int httpStatus, const QByteArray &body,
    const QByteArray &retryAfterHeader)
{
    if (const std::optional<Error> outcome = transportOutcome(networkError, httpStatus))
        return *outcome;

    Error e = byStatus(httpStatus);
    QString code;
    QString message;
    QString infoReason;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
    {
        const QJsonObject o = doc.object();
        const QJsonValue ec = o.value(u"error_code"_s);
        code = ec.isDouble() ? QString::number(ec.toInt()) : ec.toString();
        message = o.value(u"message"_s).toString();
        if (o.value(u"error"_s).isString()) // legacy {"error": "..."}
            message = message.isEmpty() ? o.value(u"error"_s).toString() : message;
        infoReason = errorInfoReason(o.value(u"details"_s).toArray());
    }
    else
    {
        const QString text = QString::fromUtf8(body);
        static const QRegularExpression pre(u"<pre>(.*?)</pre>"_s,
            QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression codeColon(
            u"^\\s*([A-Z][A-Z_]+):\\s*(.*)$"_s, QRegularExpression::DotMatchesEverythingOption);
        if (const auto m = pre.match(text); m.hasMatch())
            message = m.captured(1);
        else if (const auto c = codeColon.match(text); c.hasMatch())
        {
            code = c.captured(1);
            message = c.captured(2);
        }
        else if (!text.contains(u'<'))
            message = text;
    }
    message = cleanMessage(message);

    const bool numericCode = !code.isEmpty() && code.at(0).isDigit();
    const QString key = numericCode ? QString() : code;
    if (isInSet(key, { u"REQUEST_LIMIT_EXCEEDED", u"RESOURCE_EXHAUSTED", u"TEMPORARILY_UNAVAILABLE" }))
        e.errorClass = ErrorClass::Throttled;
    else if (isInSet(key, { u"PARTIAL_DELETE", u"INTERNAL_ERROR", u"DEADLINE_EXCEEDED", u"UNAVAILABLE" }))
        e.errorClass = ErrorClass::Transient;
    else if (isInSet(key, { u"UNAUTHENTICATED", u"INVALID_TOKEN" }))
        e.errorClass = ErrorClass::Auth;
    else if (isInSet(key,
                 { u"NOT_FOUND", u"RESOURCE_DOES_NOT_EXIST", u"ALREADY_EXISTS", u"RESOURCE_ALREADY_EXISTS",
                     u"PERMISSION_DENIED", u"INVALID_PARAMETER_VALUE", u"INVALID_STATE", u"BAD_REQUEST",
                     u"MAX_BLOCK_SIZE_EXCEEDED", u"MAX_READ_SIZE_EXCEEDED", u"IO_ERROR", u"ABORTED",
                     u"FILES_API_DIRECTORY_IS_NOT_EMPTY", u"FILES_API_API_IS_NOT_ENABLED", u"INVALID_REQUEST",
                     u"FEATURE_DISABLED" }))
        e.errorClass = ErrorClass::Permanent;

    // The invalid-token answer is a 403 whose code may be numeric or missing (HTML gateways).
    if (httpStatus == 403 && message.contains(u"Invalid access token"_s, Qt::CaseInsensitive))
        e.errorClass = ErrorClass::Auth;
    if (httpStatus == 401)
        e.errorClass = ErrorClass::Auth;
    // SDKs retry these texts whatever the code says.
    if (e.errorClass == ErrorClass::Permanent
        && (message.contains(u"Please try again later"_s) || message.contains(u"Timed out after"_s)
            || message.contains(u"deadline exceeded"_s, Qt::CaseInsensitive)))
        e.errorClass = ErrorClass::Transient;

    if (!infoReason.isEmpty())
        e.reason = infoReason;
    else if (!key.isEmpty())
        e.reason = key;
    else if (e.errorClass == ErrorClass::Auth)
        e.reason = httpStatus == 401 ? u"credentialsMissing"_s : u"invalidToken"_s;
    if (!message.isEmpty())
        e.message = message;
    return withRetryAfter(e, retryAfterHeader);
}

Error classifyOAuth(QNetworkReply::NetworkError networkError, int httpStatus, const QByteArray &body,
    const QByteArray &retryAfterHeader)
{
    if (const std::optional<Error> outcome = transportOutcome(networkError, httpStatus))
        return *outcome;
    Error e = byStatus(httpStatus);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString code = o.value(u"error"_s).toString();
    const QString description = cleanMessage(o.value(u"error_description"_s).toString());
    if (isInSet(
            code, { u"invalid_grant", u"invalid_client", u"unauthorized_client", u"invalid_token", u"access_denied" }))
        e.errorClass = ErrorClass::Auth;
    else if (isInSet(code, { u"invalid_request", u"unsupported_grant_type", u"invalid_scope" }))
        e.errorClass = ErrorClass::Permanent;
    else if (code == u"slow_down" || code == u"temporarily_unavailable")
        e.errorClass = ErrorClass::Throttled;
    if (!code.isEmpty())
        e.reason = code;
    if (!description.isEmpty())
        e.message = description;
    return withRetryAfter(e, retryAfterHeader);
}

Error classifyReply(QNetworkReply *reply, Service service, const QByteArray &bodyIfRead)
{
    if (reply->property(RefusedRedirectProperty).toBool())
        return make(ErrorClass::Permanent, 0, u"redirectRefused"_s,
            u"The server redirected the request to another host or to an address that is not https: not followed."_s);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    switch (service)
    {
    case Service::Drive:
        return classifyDrive(reply->error(), status, bodyIfRead, retryAfter);
    case Service::GoogleAuth:
        return classifyOAuth(reply->error(), status, bodyIfRead, retryAfter);
    case Service::Databricks:
        return classifyDatabricks(reply->error(), status, bodyIfRead, retryAfter);
    }
    return {};
}

} // namespace Net
