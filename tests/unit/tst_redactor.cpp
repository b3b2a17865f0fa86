// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/logging.h"
#include "util/redactor.h"

#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace
{
QStringList g_captured;
QtMessageHandler g_testHandler = nullptr;

void captureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_captured.append(message);
    if (g_testHandler)
    {
        g_testHandler(type, context, message);
    }
}

const QString Mark = QString::fromUtf16(Util::RedactedMark);
} // namespace

class TestRedactor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void patterns_data();
    void patterns();
    void registeredSecret_data();
    void registeredSecret();
    void shortSecretsIgnored();
    void forget();
    void hugeSecretFallsBackToLiteral();
    void harmlessTextUntouched_data();
    void harmlessTextUntouched();
    void bytes();
    void splitAcrossCallsIsNotCaught();
    void messageHandler();
    void threads();
};

void TestRedactor::initTestCase()
{
    // Chain: redacting handler -> capture -> QTest's handler.
    g_testHandler = qInstallMessageHandler(captureHandler);
    Util::installRedactingMessageHandler();
    Util::installRedactingMessageHandler(); // idempotent: must not chain itself twice
}

void TestRedactor::init()
{
    Util::forgetAllSecrets();
    g_captured.clear();
}

void TestRedactor::patterns_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("kept"); // text that must survive

    QTest::newRow("bearer header") << u"Authorization: Bearer abcDEF123.456-_~+/="_s << u"abcDEF123"_s
                                   << u"Authorization: Bearer "_s;
    QTest::newRow("bearer lower") << u"authorization: bearer sometokenvalue42"_s << u"sometokenvalue42"_s << u"authorization"_s;
    QTest::newRow("basic header") << u"Authorization: Basic dXNlcjpwYXNzd29yZA=="_s << u"dXNlcjpwYXNzd29yZA"_s << u"Basic "_s;
    QTest::newRow("query access_token") << u"GET /x?alt=media&access_token=SECRETVALUE1&b=2"_s << u"SECRETVALUE1"_s
                                        << u"&b=2"_s;
    QTest::newRow("form refresh_token") << u"grant_type=refresh_token&refresh_token=RTVALUE123456&client_id=abc"_s
                                        << u"RTVALUE123456"_s << u"client_id=abc"_s;
    QTest::newRow("form client_secret") << u"client_secret=GOCSPX-abcdefgh&x=1"_s << u"GOCSPX-abcdefgh"_s << u"x=1"_s;
    QTest::newRow("form code") << u"code=4/0AbCdEfGhIjKl&state=xyz"_s << u"4/0AbCdEfGhIjKl"_s << u"state=xyz"_s;
    QTest::newRow("encoded code") << u"code=4%2F0AbCdEfGhIjKl&state=xyz"_s << u"0AbCdEfGhIjKl"_s << u"state=xyz"_s;
    QTest::newRow("assertion") << u"grant_type=jwt&assertion=eyJhbGciOi.eyJpc3Mi.c2lnbmF0dXJl"_s << u"eyJhbGciOi"_s
                               << u"grant_type=jwt"_s;
    QTest::newRow("code_verifier") << u"code_verifier=dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s
                                   << u"dBjftJeZ4CVP"_s << u"code_verifier="_s;
    QTest::newRow("json access_token") << u"{\"access_token\": \"ya29.a0AfH6SMBx\", \"expires_in\": 3599}"_s
                                       << u"a0AfH6SMBx"_s << u"\"expires_in\": 3599"_s;
    QTest::newRow("json compact refresh") << u"{\"refresh_token\":\"opaque-refresh-value\",\"scope\":\"drive\"}"_s
                                          << u"opaque-refresh-value"_s << u"\"scope\":\"drive\""_s;
    QTest::newRow("json client_secret") << u"{\"client_secret\" : \"s3cr3t-s3cr3t\"}"_s << u"s3cr3t-s3cr3t"_s
                                        << u"client_secret"_s;
    QTest::newRow("json escaped in json") << u"{\"body\":\"{\\\"access_token\\\":\\\"opaquevalue77\\\"}\"}"_s
                                          << u"opaquevalue77"_s << u"body"_s;
    QTest::newRow("json private_key")
        << u"{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n\",\"client_email\":\"a@b.iam.gserviceaccount.com\"}"_s
        << u"MIIEvQIBADANBg"_s << u"client_email"_s;
    QTest::newRow("pem block")
        << u"key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\ndone"_s
        << u"MIIBOgIBAAJB"_s << u"done"_s;
    QTest::newRow("pem cut off") << u"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQ"_s << u"MIIEvQIBAD"_s
                                 << u""_s;
    QTest::newRow("ya29 bare") << u"token is ya29.a0ARrdaM-xyz_123.more and then"_s << u"a0ARrdaM"_s << u"and then"_s;
    QTest::newRow("google refresh bare") << u"saved 1//0gLmNoPqRsTuVwXyZ-abc_def for later"_s << u"0gLmNoPqRsTuVw"_s
                                         << u"for later"_s;
    QTest::newRow("google refresh encoded") << u"x=1%2F%2F0gLmNoPqRsTuVwXyZ"_s << u"0gLmNoPqRsTuVw"_s << u"x="_s;
    QTest::newRow("databricks pat") << u"token dapi0123456789abcdef0123456789abcdef-3 ok"_s << u"0123456789abcdef"_s
                                    << u" ok"_s;
    QTest::newRow("google client secret") << u"using GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz12 now"_s << u"AbCdEfGhIjKl"_s
                                          << u" now"_s;
    QTest::newRow("jwt") << u"id eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl end"_s
                         << u"eyJzdWIiOiIxMjMifQ"_s << u" end"_s;
    QTest::newRow("percent-encoded key name") << u"q=access_token%3DSECRETVALUE9%26x"_s << u"SECRETVALUE9"_s << u"q="_s;
}

void TestRedactor::patterns()
{
    QFETCH(QString, input);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    const QString out = Util::redact(input);
    QVERIFY2(!out.contains(secret), qPrintable(out));
    QVERIFY2(out.contains(Mark), qPrintable(out));
    QVERIFY2(out.contains(kept), qPrintable(out));
}

void TestRedactor::registeredSecret_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("text");

    const QString s = u"opaque/Tok+en=value"_s;
    const QString enc = QString::fromLatin1(QUrl::toPercentEncoding(s));
    QTest::newRow("raw") << s << u"prefix "_s + s + u" suffix"_s;
    QTest::newRow("percent upper") << s << u"url?t="_s + enc;
    QString encLower = enc;
    encLower.replace(u"%2F"_s, u"%2f"_s).replace(u"%2B"_s, u"%2b"_s).replace(u"%3D"_s, u"%3d"_s);
    QTest::newRow("percent lower") << s << u"url?t="_s + encLower;
    QTest::newRow("double encoded") << s << u"url?t="_s + QString::fromLatin1(QUrl::toPercentEncoding(enc));
    QTest::newRow("json escaped slash") << s << u"{\"x\":\"opaque\\/Tok+en=value\"}"_s;
    QTest::newRow("in the middle of a word") << s << u"AAA"_s + s + u"BBB"_s;
    QTest::newRow("twice") << s << s + u" and "_s + s;
    QTest::newRow("json escaped newline") << u"-----BEGIN KEY-----\nMIIabc\n-----END KEY-----"_s
                                          << u"{\"k\":\"-----BEGIN KEY-----\\nMIIabc\\n-----END KEY-----\"}"_s;
    QTest::newRow("unicode secret") << u"pässwörd-long"_s << u"the pässwörd-long!"_s;
}

void TestRedactor::registeredSecret()
{
    QFETCH(QString, secret);
    QFETCH(QString, text);
    QVERIFY(Util::redact(text) == text || text.contains(u"ya29"_s));
    Util::registerSecret(secret.toUtf8());
    const QString out = Util::redact(text);
    QVERIFY2(!out.contains(secret), qPrintable(out));
    QVERIFY2(!out.contains(u"Tok"_s) && !out.contains(u"MIIabc"_s), qPrintable(out));
    QVERIFY2(!out.contains(u"wörd"_s), qPrintable(out));
    QVERIFY2(out.contains(Mark), qPrintable(out));
}

void TestRedactor::shortSecretsIgnored()
{
    Util::registerSecret("abc1234");
    QCOMPARE(Util::redact(u"abc1234 stays"_s), u"abc1234 stays"_s);
    Util::registerSecret("abc12345");
    QCOMPARE(Util::redact(u"abc12345 goes"_s), Mark + u" goes"_s);
}

void TestRedactor::forget()
{
    Util::registerSecret("temporary-secret");
    QCOMPARE(Util::redact(u"temporary-secret"_s), Mark);
    Util::forgetSecret("temporary-secret");
    QCOMPARE(Util::redact(u"temporary-secret"_s), u"temporary-secret"_s);
    Util::forgetSecret("never-registered");
}

void TestRedactor::hugeSecretFallsBackToLiteral()
{
    // Far beyond what PCRE2 compiles as one encoded-form pattern: literal matching, and no warning that could
    // print the pattern (and so the secret).
    QByteArray huge;
    for (int i = 0; i < 40000; ++i)
    {
        huge += (i % 3 == 0) ? '/' : ((i % 3 == 1) ? '+' : 'q');
    }
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    Util::registerSecret(huge);
    Util::registerSecret("small-but-fine-secret");
    const QString out = Util::redact(u"a "_s + QString::fromLatin1(huge) + u" b small-but-fine-secret c"_s);
    QCOMPARE(out, u"a "_s + Mark + u" b "_s + Mark + u" c"_s);
}

void TestRedactor::harmlessTextUntouched_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"Downloading report.pdf (12.5 MiB) to /data/x"_s;
    QTest::newRow("url") << u"GET https://www.googleapis.com/drive/v3/files/1AbCdEfGh?alt=media&supportsAllDrives=true"_s;
    QTest::newRow("exit code") << u"process exited with code=3"_s;
    QTest::newRow("status") << u"HTTP 403 rateLimitExceeded, retry in 2 s"_s;
    QTest::newRow("http scheme") << u"http://127.0.0.1:8080/token"_s;
    QTest::newRow("json other") << u"{\"token_type\":\"Bearer\",\"expires_in\":3599}"_s;
    QTest::newRow("empty") << QString();
}

void TestRedactor::harmlessTextUntouched()
{
    QFETCH(QString, text);
    QCOMPARE(Util::redact(text), text);
}

void TestRedactor::bytes()
{
    Util::registerSecret("binary-secret-1");
    const char raw[] = "\xff\xfe raw binary-secret-1 \x80\x81 access_token=zzzzzzzz&a=1";
    const QByteArray data(raw, sizeof(raw) - 1);
    const QByteArray out = Util::redact(data);
    QVERIFY(!out.contains("binary-secret-1"));
    QVERIFY(!out.contains("zzzzzzzz"));
    QVERIFY(out.startsWith("\xff\xfe raw "));
    QVERIFY(out.contains("\x80\x81"));
    QVERIFY(out.contains(Mark.toUtf8()));
    QVERIFY(out.endsWith("&a=1"));
}

void TestRedactor::splitAcrossCallsIsNotCaught()
{
    // Documented limit: a filter over single lines cannot see a secret cut in two by the caller.
    Util::registerSecret("split-secret-value");
    QCOMPARE(Util::redact(u"split-secr"_s), u"split-secr"_s);
    QCOMPARE(Util::redact(u"et-value"_s), u"et-value"_s);
}

void TestRedactor::messageHandler()
{
    Util::registerSecret("handler-secret-42");
    qWarning() << "token" << "handler-secret-42" << "end";
    qCInfo(lcAuth) << "refresh_token=AAAABBBBCCCC";
    qDebug("%s", "Bearer ya29.abcdefgh");
    QCOMPARE(g_captured.size(), 3);
    for (const QString &line : std::as_const(g_captured))
    {
        QVERIFY2(line.contains(Mark), qPrintable(line));
        QVERIFY2(!line.contains(u"handler-secret"_s) && !line.contains(u"AAAABBBB"_s) && !line.contains(u"abcdefgh"_s),
                 qPrintable(line));
    }
}

void TestRedactor::threads()
{
    // Registering while other threads redact must neither crash nor miss a secret registered before the call.
    Util::registerSecret("thread-secret-000");
    QList<QThread *> threads;
    std::atomic_int failures = 0;
    for (int t = 0; t < 4; ++t)
    {
        threads.append(QThread::create([t, &failures] {
            for (int i = 0; i < 100; ++i)
            {
                Util::registerSecret(u"thread-%1-secret-%2"_s.arg(t).arg(i).toUtf8());
                if (Util::redact(u"x thread-secret-000 y"_s).contains(u"thread-secret"_s))
                {
                    ++failures;
                }
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads)
    {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    QCOMPARE(Util::redact(u"thread-3-secret-99"_s), Mark);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
