// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/error.h"
#include "net/errorclassifier.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Net::ErrorClass;
using NE = QNetworkReply::NetworkError;

Q_DECLARE_METATYPE(Net::ErrorClass)

namespace
{
QByteArray googleError(int code, const char *reason, const char *message, const char *infoReason = nullptr)
{
    QByteArray body = "{\n \"error\": {\n  \"code\": " + QByteArray::number(code) + ",\n  \"message\": \"" + message
        + "\",\n  \"errors\": [\n   {\n    \"message\": \"" + message
        + "\",\n    \"domain\": \"usageLimits\",\n    \"reason\": \"" + reason + "\"\n   }\n  ]";
    if (infoReason)
        body += ",\n  \"status\": \"X\", \"details\": [{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", "
                "\"reason\": \""
            + QByteArray(infoReason) + "\", \"domain\": \"googleapis.com\"}]";
    return body + "\n }\n}\n";
}
} // namespace

class TestNetErrorClassifier final : public QObject
{
    Q_OBJECT

private slots:
    void drive_data();
    void drive();
    void driveDetailsOnly();
    void databricks_data();
    void databricks();
    void oauth_data();
    void oauth();
    void network_data();
    void network();
    void retryAfter();
    void messagesAreBoundedAndClean();
    void toStringAndNames();
};

void TestNetErrorClassifier::drive_data()
{
    QTest::addColumn<int>("networkError");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorClass>("expected");
    QTest::addColumn<QString>("reason");

    const auto row = [](const char *name, NE ne, int status, const QByteArray &body, ErrorClass c, const char *reason)
    { QTest::newRow(name) << int(ne) << status << body << c << QString::fromLatin1(reason); };
    row("200", NE::NoError, 200, "{}", ErrorClass::None, "");
    row("206", NE::NoError, 206, "", ErrorClass::None, "");
    row("400 badRequest", NE::ProtocolInvalidOperationError, 400, googleError(400, "badRequest", "Bad Request"),
        ErrorClass::Permanent, "badRequest");
    row("400 invalid q", NE::ProtocolInvalidOperationError, 400, googleError(400, "invalid", "Invalid Value"),
        ErrorClass::Permanent, "invalid");
    row("400 invalidParameter fields", NE::ProtocolInvalidOperationError, 400,
        googleError(400, "invalidParameter", "Invalid field selection x"), ErrorClass::Permanent, "invalidParameter");
    row("401 authError", NE::AuthenticationRequiredError, 401,
        googleError(401, "authError", "Invalid Credentials", "ACCESS_TOKEN_EXPIRED"), ErrorClass::Auth, "authError");
    row("401 required", NE::AuthenticationRequiredError, 401,
        googleError(401, "required", "Login Required.", "CREDENTIALS_MISSING"), ErrorClass::Auth, "required");
    row("401 no body", NE::AuthenticationRequiredError, 401, "", ErrorClass::Auth, "authError");
    row("403 insufficientPermissions", NE::ContentAccessDenied, 403,
        googleError(403, "insufficientPermissions", "Insufficient Permission", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"),
        ErrorClass::Auth, "insufficientPermissions");
    row("403 userRateLimitExceeded", NE::ContentAccessDenied, 403,
        googleError(403, "userRateLimitExceeded", "User Rate Limit Exceeded"), ErrorClass::Throttled,
        "userRateLimitExceeded");
    row("403 rateLimitExceeded", NE::ContentAccessDenied, 403,
        googleError(403, "rateLimitExceeded", "Rate Limit Exceeded"), ErrorClass::Throttled, "rateLimitExceeded");
    row("429 rateLimitExceeded", NE::UnknownContentError, 429,
        googleError(429, "rateLimitExceeded", "Rate Limit Exceeded", "RATE_LIMIT_EXCEEDED"), ErrorClass::Throttled,
        "rateLimitExceeded");
    row("429 no body", NE::UnknownContentError, 429, "", ErrorClass::Throttled, "rateLimitExceeded");
    row("403 dailyLimitExceeded", NE::ContentAccessDenied, 403,
        googleError(403, "dailyLimitExceeded", "Daily Limit Exceeded"), ErrorClass::Quota, "dailyLimitExceeded");
    row("403 sharingRateLimitExceeded", NE::ContentAccessDenied, 403,
        googleError(403, "sharingRateLimitExceeded", "Rate limit exceeded"), ErrorClass::Quota,
        "sharingRateLimitExceeded");
    row("403 downloadQuotaExceeded", NE::ContentAccessDenied, 403,
        googleError(403, "downloadQuotaExceeded", "The download quota for this file has been exceeded."),
        ErrorClass::Quota, "downloadQuotaExceeded");
    row("403 cannotDownloadAbusiveFile", NE::ContentAccessDenied, 403,
        googleError(403, "cannotDownloadAbusiveFile", "This file has been identified as malware or spam"),
        ErrorClass::Permanent, "cannotDownloadAbusiveFile");
    row("403 invalidAbuseAcknowledgment", NE::ContentAccessDenied, 403,
        googleError(403, "invalidAbuseAcknowledgment", "x"), ErrorClass::Permanent, "invalidAbuseAcknowledgment");
    row("403 fileNotDownloadable", NE::ContentAccessDenied, 403,
        googleError(403, "fileNotDownloadable", "Only files with binary content can be downloaded."),
        ErrorClass::Permanent, "fileNotDownloadable");
    row("403 fileNotExportable", NE::ContentAccessDenied, 403,
        googleError(403, "fileNotExportable", "Export only supports Docs Editors files."), ErrorClass::Permanent,
        "fileNotExportable");
    row("403 exportSizeLimitExceeded", NE::ContentAccessDenied, 403,
        googleError(403, "exportSizeLimitExceeded", "This file is too large to be exported."), ErrorClass::Permanent,
        "exportSizeLimitExceeded");
    row("403 cannotDownloadFile", NE::ContentAccessDenied, 403, googleError(403, "cannotDownloadFile", "x"),
        ErrorClass::Permanent, "cannotDownloadFile");
    row("403 insufficientFilePermissions", NE::ContentAccessDenied, 403,
        googleError(403, "insufficientFilePermissions", "The user does not have sufficient permissions for file X."),
        ErrorClass::Permanent, "insufficientFilePermissions");
    row("403 appNotAuthorizedToFile", NE::ContentAccessDenied, 403, googleError(403, "appNotAuthorizedToFile", "x"),
        ErrorClass::Permanent, "appNotAuthorizedToFile");
    row("403 domainPolicy", NE::ContentAccessDenied, 403, googleError(403, "domainPolicy", "x"), ErrorClass::Permanent,
        "domainPolicy");
    row("403 accessNotConfigured", NE::ContentAccessDenied, 403,
        googleError(403, "accessNotConfigured", "Drive API has not been used", "SERVICE_DISABLED"),
        ErrorClass::Permanent, "accessNotConfigured");
    row("403 untagged rate limit", NE::ContentAccessDenied, 403, googleError(403, "", "User Rate Limit Exceeded"),
        ErrorClass::Throttled, "rateLimitExceeded");
    row("403 unknown reason", NE::ContentAccessDenied, 403, googleError(403, "somethingNew", "x"),
        ErrorClass::Permanent, "somethingNew");
    row("404 notFound", NE::ContentNotFoundError, 404, googleError(404, "notFound", "File not found: abc."),
        ErrorClass::Permanent, "notFound");
    row("404 html", NE::ContentNotFoundError, 404, "<html>Not Found</html>", ErrorClass::Permanent, "notFound");
    row("416", NE::UnknownContentError, 416, googleError(416, "requestedRangeNotSatisfiable", "x"),
        ErrorClass::Permanent, "requestedRangeNotSatisfiable");
    row("416 no body", NE::UnknownContentError, 416, "", ErrorClass::Permanent, "requestedRangeNotSatisfiable");
    row("500 backendError", NE::InternalServerError, 500, googleError(500, "backendError", "Backend Error"),
        ErrorClass::Transient, "backendError");
    row("500 internalError", NE::InternalServerError, 500, googleError(500, "internalError", "Internal Error"),
        ErrorClass::Transient, "internalError");
    row("500 export too big", NE::InternalServerError, 500, "", ErrorClass::Transient, "internalError");
    row("502", NE::UnknownServerError, 502, "<html>bad gateway</html>", ErrorClass::Transient, "http502");
    row("503", NE::ServiceUnavailableError, 503, "", ErrorClass::Transient, "http503");
    row("504", NE::UnknownServerError, 504, "", ErrorClass::Transient, "http504");
    row("501", NE::OperationNotImplementedError, 501, "", ErrorClass::Permanent, "notImplemented");
    row("408", NE::UnknownContentError, 408, "", ErrorClass::Transient, "requestTimeout");
    row("reset mid-body after 200", NE::RemoteHostClosedError, 200, "", ErrorClass::Transient, "connectionReset");
    row("reset mid-body after 206", NE::RemoteHostClosedError, 206, "", ErrorClass::Transient, "connectionReset");
    row("cancelled mid-body", NE::OperationCanceledError, 200, "", ErrorClass::Cancelled, "cancelled");
    row("no response: refused", NE::ConnectionRefusedError, 0, "", ErrorClass::Transient, "connectionRefused");
}

void TestNetErrorClassifier::drive()
{
    QFETCH(int, networkError);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorClass, expected);
    QFETCH(QString, reason);
    const Net::Error e = Net::classifyDrive(NE(networkError), status, body, {});
    QCOMPARE(e.errorClass, expected);
    QCOMPARE(e.reason, reason);
    if (expected != ErrorClass::None)
    {
        QVERIFY2(!e.message.isEmpty(), qPrintable(e.toString()));
        QVERIFY(e.isError());
    }
    QCOMPARE(e.httpStatus, (networkError != int(NE::NoError) && status < 400) ? 0 : (status >= 300 ? status : 0));
}

void TestNetErrorClassifier::driveDetailsOnly()
{
    // Newer shapes may carry only ErrorInfo details; the legacy errors[] reason is then empty.
    const QByteArray body = R"({"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED",
        "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED"}]}})";
    const Net::Error e = Net::classifyDrive(NE::UnknownContentError, 429, body, "7");
    QCOMPARE(e.errorClass, ErrorClass::Throttled);
    QCOMPARE(e.reason, u"RATE_LIMIT_EXCEEDED"_s);
    QCOMPARE(e.retryAfter, 7000ms);
    QCOMPARE(e.message, u"Quota exceeded"_s);
}

void TestNetErrorClassifier::databricks_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorClass>("expected");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("messagePart");

    const auto row
        = [](const char *name, int status, const QByteArray &body, ErrorClass c, const char *reason, const char *msg)
    { QTest::newRow(name) << status << body << c << QString::fromLatin1(reason) << QString::fromLatin1(msg); };
    row("204 upload", 204, "", ErrorClass::None, "", "");
    row("401 numeric", 401,
        R"({"error_code":401,"message":"Credential was not sent or was of an unsupported type for this API. [ReqId: 1]"})",
        ErrorClass::Auth, "credentialsMissing", "Credential was not sent");
    row("403 invalid token numeric", 403, R"({"error_code":403,"message":"Invalid access token."})", ErrorClass::Auth,
        "invalidToken", "Invalid access token");
    row("403 invalid token html", 403,
        "<html><head><title>Error 403 Invalid access token.</title></head><body><h2>HTTP ERROR 403</h2>"
        "<pre>Invalid access token.</pre></body></html>",
        ErrorClass::Auth, "invalidToken", "Invalid access token.");
    row("403 permission denied", 403, R"({"error_code":"PERMISSION_DENIED","message":"User lacks WRITE VOLUME"})",
        ErrorClass::Permanent, "PERMISSION_DENIED", "WRITE VOLUME");
    row("403 presigned disabled", 403,
        R"({"error_code":"PERMISSION_DENIED","message":"Presigned URLs API is not enabled","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"FILES_API_API_IS_NOT_ENABLED","domain":"filesystem.databricks.com"}]})",
        ErrorClass::Permanent, "FILES_API_API_IS_NOT_ENABLED", "Presigned");
    row("404 not found", 404, R"({"error_code":"NOT_FOUND","message":"The file being accessed is not found."})",
        ErrorClass::Permanent, "NOT_FOUND", "not found");
    row("404 dbfs", 404,
        R"({"error_code":"RESOURCE_DOES_NOT_EXIST","message":"No file or directory exists on path /x."})",
        ErrorClass::Permanent, "RESOURCE_DOES_NOT_EXIST", "No file");
    row("409 already exists", 409,
        R"({"error_code":"ALREADY_EXISTS","message":"The file being created already exists."})", ErrorClass::Permanent,
        "ALREADY_EXISTS", "already exists");
    row("400 dbfs exists", 400,
        R"({"error_code":"RESOURCE_ALREADY_EXISTS","message":"A file or directory already exists"})",
        ErrorClass::Permanent, "RESOURCE_ALREADY_EXISTS", "already exists");
    row("400 block too big", 400, R"({"error_code":"MAX_BLOCK_SIZE_EXCEEDED","message":"block too big"})",
        ErrorClass::Permanent, "MAX_BLOCK_SIZE_EXCEEDED", "block");
    row("400 dir not empty", 400,
        R"({"error_code":"BAD_REQUEST","message":"dir not empty","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"FILES_API_DIRECTORY_IS_NOT_EMPTY"},{"@type":"type.googleapis.com/google.rpc.RequestInfo","request_id":"r","serving_data":""}]})",
        ErrorClass::Permanent, "FILES_API_DIRECTORY_IS_NOT_EMPTY", "not empty");
    row("429 request limit", 429, R"({"error_code":"REQUEST_LIMIT_EXCEEDED","message":"Too many requests"})",
        ErrorClass::Throttled, "REQUEST_LIMIT_EXCEEDED", "Too many");
    row("429 no body", 429, "", ErrorClass::Throttled, "rateLimitExceeded", "Too many requests");
    row("429 resource exhausted", 429, R"({"error_code":"RESOURCE_EXHAUSTED","message":"slow down"})",
        ErrorClass::Throttled, "RESOURCE_EXHAUSTED", "slow");
    row("503 temporarily unavailable", 503,
        R"({"error_code":"TEMPORARILY_UNAVAILABLE","message":"The service at this URL is taking too long to process your request. Please try again later or try a faster operation."})",
        ErrorClass::Throttled, "TEMPORARILY_UNAVAILABLE", "try again later");
    row("503 partial delete", 503, R"({"error_code":"PARTIAL_DELETE","message":"operation has deleted 10 files"})",
        ErrorClass::Transient, "PARTIAL_DELETE", "deleted");
    row("500 plain", 500, R"({"error_code":"INTERNAL_ERROR","message":"boom"})", ErrorClass::Transient,
        "INTERNAL_ERROR", "boom");
    row("500 network zone", 500,
        R"({"error_code":"INTERNAL_ERROR","message":"zone","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"FILES_API_REQUESTER_NETWORK_ZONE_UNKNOWN"}]})",
        ErrorClass::Transient, "FILES_API_REQUESTER_NETWORK_ZONE_UNKNOWN", "zone");
    row("legacy error", 400, R"({"error":"Bad path"})", ErrorClass::Permanent, "http400", "Bad path");
    row("code colon text", 400, "INVALID_PARAMETER_VALUE: path must be absolute", ErrorClass::Permanent,
        "INVALID_PARAMETER_VALUE", "must be absolute");
    row("io error retry text", 400, R"({"error_code":"IO_ERROR","message":"Timed out after 30s"})",
        ErrorClass::Transient, "IO_ERROR", "Timed out");
    row("504", 504, "", ErrorClass::Transient, "http504", "Gateway");
}

void TestNetErrorClassifier::databricks()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorClass, expected);
    QFETCH(QString, reason);
    QFETCH(QString, messagePart);
    const NE ne = status >= 400 ? NE::UnknownContentError : NE::NoError;
    const Net::Error e = Net::classifyDatabricks(ne, status, body, {});
    QCOMPARE(e.errorClass, expected);
    QCOMPARE(e.reason, reason);
    QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
    QVERIFY(!e.message.contains(u'<'));
}

void TestNetErrorClassifier::oauth_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorClass>("expected");
    QTest::addColumn<QString>("reason");
    QTest::newRow("invalid_grant")
        << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})")
        << ErrorClass::Auth << u"invalid_grant"_s;
    QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})") << ErrorClass::Auth
                                    << u"invalid_client"_s;
    QTest::newRow("invalid_request") << 400 << QByteArray(R"({"error":"invalid_request"})") << ErrorClass::Permanent
                                     << u"invalid_request"_s;
    QTest::newRow("503") << 503 << QByteArray() << ErrorClass::Transient << u"http503"_s;
}

void TestNetErrorClassifier::oauth()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorClass, expected);
    QFETCH(QString, reason);
    const Net::Error e = Net::classifyOAuth(NE::UnknownContentError, status, body, {});
    QCOMPARE(e.errorClass, expected);
    QCOMPARE(e.reason, reason);
}

void TestNetErrorClassifier::network_data()
{
    QTest::addColumn<int>("networkError");
    QTest::addColumn<ErrorClass>("expected");
    QTest::newRow("RemoteHostClosed") << int(NE::RemoteHostClosedError) << ErrorClass::Transient;
    QTest::newRow("ConnectionRefused") << int(NE::ConnectionRefusedError) << ErrorClass::Transient;
    QTest::newRow("Timeout") << int(NE::TimeoutError) << ErrorClass::Transient;
    QTest::newRow("TemporaryNetworkFailure") << int(NE::TemporaryNetworkFailureError) << ErrorClass::Transient;
    QTest::newRow("NetworkSessionFailed") << int(NE::NetworkSessionFailedError) << ErrorClass::Transient;
    QTest::newRow("ProxyConnectionRefused") << int(NE::ProxyConnectionRefusedError) << ErrorClass::Transient;
    QTest::newRow("ProxyConnectionClosed") << int(NE::ProxyConnectionClosedError) << ErrorClass::Transient;
    QTest::newRow("ProxyTimeout") << int(NE::ProxyTimeoutError) << ErrorClass::Transient;
    QTest::newRow("HostNotFound") << int(NE::HostNotFoundError) << ErrorClass::Transient;
    QTest::newRow("ProtocolFailure") << int(NE::ProtocolFailure) << ErrorClass::Transient;
    QTest::newRow("UnknownNetwork") << int(NE::UnknownNetworkError) << ErrorClass::Transient;
    QTest::newRow("OperationCanceled") << int(NE::OperationCanceledError) << ErrorClass::Cancelled;
    QTest::newRow("SslHandshakeFailed") << int(NE::SslHandshakeFailedError) << ErrorClass::Permanent;
    QTest::newRow("InsecureRedirect") << int(NE::InsecureRedirectError) << ErrorClass::Permanent;
    QTest::newRow("TooManyRedirects") << int(NE::TooManyRedirectsError) << ErrorClass::Permanent;
}

void TestNetErrorClassifier::network()
{
    QFETCH(int, networkError);
    QFETCH(ErrorClass, expected);
    for (const auto service : { 0, 1 })
    {
        const Net::Error e = service == 0 ? Net::classifyDrive(NE(networkError), 0, {}, {})
                                          : Net::classifyDatabricks(NE(networkError), 0, {}, {});
        QCOMPARE(e.errorClass, expected);
        QCOMPARE(e.httpStatus, 0);
        QVERIFY(!e.reason.isEmpty());
        QVERIFY(!e.message.isEmpty());
    }
}

void TestNetErrorClassifier::retryAfter()
{
    QCOMPARE(Net::parseRetryAfter({}), -1ms);
    QCOMPARE(Net::parseRetryAfter("5"), 5000ms);
    QCOMPARE(Net::parseRetryAfter(" 0 "), 0ms);
    QCOMPARE(Net::parseRetryAfter("1.5"), 1500ms);
    QCOMPARE(Net::parseRetryAfter("-3"), -1ms);
    QCOMPARE(Net::parseRetryAfter("soon"), -1ms);
    // A hostile server's numbers neither overflow nor go negative (issue 16 #10): kept, the waiters cap them.
    QCOMPARE(Net::parseRetryAfter("999999999"), std::chrono::milliseconds(999999999000));
    QVERIFY(Net::parseRetryAfter("1e300") >= std::chrono::milliseconds(std::chrono::hours(24)));
    QCOMPARE(Net::parseRetryAfter("inf"), -1ms);
    QCOMPARE(Net::parseRetryAfter("nan"), -1ms);
    const QByteArray date = QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::RFC2822Date).toLatin1();
    const auto ms = Net::parseRetryAfter(date);
    QVERIFY2(ms > 25s && ms <= 30s, qPrintable(QString::number(ms.count())));
    QCOMPARE(Net::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), 0ms); // in the past: now
    QCOMPARE(Net::classifyDrive(NE::UnknownContentError, 429, {}, "3").retryAfter, 3000ms);
    QCOMPARE(Net::classifyDrive(NE::UnknownContentError, 429, {}, {}).retryAfter, -1ms);
}

void TestNetErrorClassifier::messagesAreBoundedAndClean()
{
    const QByteArray longMessage(5000, 'x');
    const Net::Error e
        = Net::classifyDrive(NE::ContentAccessDenied, 403, googleError(403, "x", longMessage.constData()));
    QVERIFY(e.message.size() <= 400);
    const Net::Error multi = Net::classifyDatabricks(
        NE::UnknownContentError, 400, R"({"error_code":"BAD_REQUEST","message":"line1\nline2"})");
    QCOMPARE(multi.message, u"line1 line2"_s);
    const Net::Error echoed = Net::classifyOAuth(NE::UnknownContentError, 400,
        R"({"error":"invalid_request","error_description":"bad refresh_token=1//0gSecretSecretSecret1234"})");
    QVERIFY2(!echoed.message.contains(u"SecretSecret"_s), qPrintable(echoed.message));
}

void TestNetErrorClassifier::toStringAndNames()
{
    QCOMPARE(Net::errorClassName(ErrorClass::Throttled), u"Throttled"_s);
    QCOMPARE(Net::errorClassName(ErrorClass::Cancelled), u"Cancelled"_s);
    Net::Error e = Net::classifyDrive(NE::UnknownContentError, 429, {}, "2");
    const QString s = e.toString();
    QVERIFY2(s.contains(u"Throttled"_s) && s.contains(u"429"_s) && s.contains(u"2000"_s), qPrintable(s));
    QCOMPARE(Net::Error {}.toString(), u"OK"_s);
    QVERIFY(QMetaType::fromName("Net::Error").isValid());
    const QVariant v = QVariant::fromValue(e);
    QCOMPARE(v.value<Net::Error>().reason, e.reason);
}

QTEST_GUILESS_MAIN(TestNetErrorClassifier)
#include "tst_net_errorclassifier.moc"
