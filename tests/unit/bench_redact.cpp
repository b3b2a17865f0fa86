// SPDX-License-Identifier: GPL-3.0-or-later
// What the redaction filter costs per log line (every qDebug/qInfo/qWarning passes through it).
#include "util/redactor.h"

#include <QTest>

using namespace Qt::StringLiterals;

class BenchRedact final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plainLine();
    void lineWithSecrets();
    void errorBody64k();
};

void BenchRedact::initTestCase()
{
    // A realistic registry: a few tokens, a client secret and a service-account key.
    for (int i = 0; i < 8; ++i)
    {
        Util::registerSecret(u"ya29.a0AfB_byC-token-number-%1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"_s.arg(i).toUtf8());
    }
    Util::registerSecret("GOCSPX-abcdefghijklmnopqrstuvwxyz12");
    QByteArray pem = "-----BEGIN PRIVATE KEY-----\n";
    for (int i = 0; i < 26; ++i)
    {
        pem += "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7+/abcdefghijklmn\n";
    }
    pem += "-----END PRIVATE KEY-----\n";
    Util::registerSecret(pem);
}

void BenchRedact::plainLine()
{
    const QString line = u"GET https://www.googleapis.com/drive/v3/files/1AbCdEfGhIjKlMnOpQrStUvWxYz012345?alt=media"
                         " 206 Partial Content, 8388608 bytes in 41 ms, retry 0"_s;
    QString out;
    QBENCHMARK
    {
        out = Util::redact(line);
    }
    QCOMPARE(out, line);
}

void BenchRedact::lineWithSecrets()
{
    const QString line = u"POST /token grant_type=refresh_token&refresh_token=1//0gAbCdEfGhIjKlMnOp&client_secret="
                         "GOCSPX-abcdefghijklmnopqrstuvwxyz12 Authorization: Bearer ya29.a0AfB_byC-token-number-3-x"_s;
    QString out;
    QBENCHMARK
    {
        out = Util::redact(line);
    }
    QVERIFY(!out.contains(u"GOCSPX-abc"_s));
}

void BenchRedact::errorBody64k()
{
    QByteArray body;
    while (body.size() < 64 * 1024)
    {
        body += R"({"error":{"code":403,"message":"The download quota for this file has been exceeded.","errors":[{"domain":"usageLimits","reason":"downloadQuotaExceeded"}]}})";
    }
    QByteArray out;
    QBENCHMARK
    {
        out = Util::redact(body);
    }
    QCOMPARE(out, body);
}

QTEST_GUILESS_MAIN(BenchRedact)
#include "bench_redact.moc"
