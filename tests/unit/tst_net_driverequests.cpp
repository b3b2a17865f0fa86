// SPDX-License-Identifier: GPL-3.0-or-later
// Pure request building: DriveFile parsing, the Drive client's URLs and headers, makeRequest and redirects.
#include "net/tokenprovider.h"
#include "drive/driveclient.h"
#include "drive/drivefile.h"
#include "net/endpoints.h"
#include "net/network.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

class TestNetDriveRequests final : public QObject
{
    Q_OBJECT

private slots:
    void endpoints();
    void driveFileFromJson();
    void driveFileKinds();
    void fieldsMask();
    void makeRequestHeaders();
    void redirectPolicy_data();
    void redirectPolicy();
    void serverUrls_data();
    void serverUrls();
    void bearerOnlyToItsIssuer_data();
    void bearerOnlyToItsIssuer();
    void queryQuoting();
    void mediaRequestRanges();
    void resourceKeysOnEveryRequest();
    void exportLinkBearerOnlyToTrustedHosts();
    void exportLinkBearerOnlyToTheSandboxThatIssuedIt();
    void configureTlsRejectsGarbage();

private:
    QNetworkAccessManager m_nam;
    Net::StaticTokenProvider m_tokens { "tok-123456789", u"t"_s };
};

void TestNetDriveRequests::endpoints()
{
    const Net::Endpoints g = Net::Endpoints::google();
    QCOMPARE(g.driveApi, QUrl(u"https://www.googleapis.com/drive/v3/"_s));
    QCOMPARE(g.oauthToken, QUrl(u"https://oauth2.googleapis.com/token"_s));
    QVERIFY(g.databricksHost.isEmpty());
    for (const QString &base : { u"http://127.0.0.1:8123"_s, u"http://127.0.0.1:8123/"_s })
    {
        const Net::Endpoints s = Net::Endpoints::sandbox(QUrl(base));
        QCOMPARE(s.driveApi, QUrl(u"http://127.0.0.1:8123/drive/v3/"_s));
        QCOMPARE(s.oauthAuthorize, QUrl(u"http://127.0.0.1:8123/o/oauth2/v2/auth"_s));
        QCOMPARE(s.oauthToken, QUrl(u"http://127.0.0.1:8123/token"_s));
        QCOMPARE(s.oauthRevoke, QUrl(u"http://127.0.0.1:8123/revoke"_s));
        QCOMPARE(s.databricksHost, QUrl(u"http://127.0.0.1:8123"_s));
    }
}

void TestNetDriveRequests::driveFileFromJson()
{
    const QByteArray json = R"({
      "id": "1AbC", "name": "big.bin", "mimeType": "application/octet-stream", "size": "5368709120",
      "md5Checksum": "0123456789abcdef0123456789abcdef", "sha256Checksum": "ff", "parents": ["1Parent"],
      "driveId": "0AD", "resourceKey": "0-key", "trashed": false, "capabilities": {"canDownload": false},
      "createdTime": "2026-10-08T07:12:04.101Z", "modifiedTime": "2026-10-09T08:00:00.000Z",
      "exportLinks": {"application/pdf": "https://docs.google.com/x?exportFormat=pdf"}
    })";
    const Drive::DriveFile f = Drive::DriveFile::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(f.id, u"1AbC"_s);
    QCOMPARE(f.size, Q_INT64_C(5368709120)); // int64 as a JSON string, beyond 32 bits
    QCOMPARE(f.md5Checksum.size(), 32);
    QCOMPARE(f.parents, QStringList { u"1Parent"_s });
    QCOMPARE(f.driveId, u"0AD"_s);
    QCOMPARE(f.resourceKey, u"0-key"_s);
    QVERIFY(!f.canDownload);
    QCOMPARE(f.createdTime, QDateTime(QDate(2026, 10, 8), QTime(7, 12, 4, 101), Qt::UTC));
    QCOMPARE(f.modifiedTime.timeSpec(), Qt::UTC);
    QCOMPARE(f.exportLinks.value(u"application/pdf"_s), u"https://docs.google.com/x?exportFormat=pdf"_s);

    const Drive::DriveFile minimal = Drive::DriveFile::fromJson(
        QJsonDocument::fromJson(R"({"id":"x","name":"n","mimeType":"text/plain"})").object());
    QCOMPARE(minimal.size, -1);
    QVERIFY(minimal.canDownload); // absent capability: assume yes, the download answer will tell
    QVERIFY(!minimal.trashed);
    QVERIFY(!minimal.createdTime.isValid());

    const Drive::DriveFile shortcut = Drive::DriveFile::fromJson(QJsonDocument::fromJson(
        R"({"id":"s","name":"link","mimeType":"application/vnd.google-apps.shortcut",
            "shortcutDetails":{"targetId":"t","targetMimeType":"application/vnd.google-apps.folder","targetResourceKey":"k"}})")
                                                                     .object());
    QVERIFY(shortcut.isShortcut());
    QCOMPARE(shortcut.shortcutTargetId, u"t"_s);
    QCOMPARE(shortcut.shortcutTargetMimeType, u"application/vnd.google-apps.folder"_s);
    QCOMPARE(shortcut.shortcutTargetResourceKey, u"k"_s);

    // A Doc's size is not its export size: never used.
    const Drive::DriveFile doc = Drive::DriveFile::fromJson(QJsonDocument::fromJson(
        R"({"id":"d","name":"Doc","mimeType":"application/vnd.google-apps.document","size":"1024"})")
                                                                .object());
    QCOMPARE(doc.size, -1);
}

void TestNetDriveRequests::driveFileKinds()
{
    Drive::DriveFile f;
    f.mimeType = u"application/vnd.google-apps.folder"_s;
    QVERIFY(f.isFolder() && !f.isGoogleApp() && !f.isShortcut());
    f.mimeType = u"application/vnd.google-apps.spreadsheet"_s;
    QVERIFY(f.isGoogleApp() && !f.isFolder());
    f.mimeType = u"application/vnd.google-apps.shortcut"_s;
    QVERIFY(f.isShortcut() && !f.isGoogleApp());
    f.mimeType = u"application/pdf"_s;
    QVERIFY(!f.isGoogleApp() && !f.isFolder() && !f.isShortcut());
}

void TestNetDriveRequests::fieldsMask()
{
    const QString mask = Drive::DriveFile::fieldsMask();
    for (const QString &field : { u"id"_s, u"name"_s, u"mimeType"_s, u"size"_s, u"md5Checksum"_s, u"sha256Checksum"_s,
             u"parents"_s, u"driveId"_s, u"resourceKey"_s, u"trashed"_s, u"capabilities/canDownload"_s,
             u"createdTime"_s, u"modifiedTime"_s, u"shortcutDetails"_s, u"exportLinks"_s })
        QVERIFY2(mask.split(u',').contains(field), qPrintable(field));
    QCOMPARE(Drive::DriveClient::listFields(), u"nextPageToken,incompleteSearch,files("_s + mask + u')');
}

void TestNetDriveRequests::makeRequestHeaders()
{
    const QNetworkRequest r = Net::makeRequest(QUrl(u"https://www.googleapis.com/drive/v3/about"_s), "abc");
    QCOMPARE(r.rawHeader("Authorization"), QByteArray("Bearer abc"));
    QVERIFY(r.header(QNetworkRequest::UserAgentHeader).toByteArray().startsWith("drive-ingest/"));
    QVERIFY(r.header(QNetworkRequest::UserAgentHeader).toByteArray().contains("gzip"));
    // Qt follows a redirect only once guardRedirects() allowed it: Qt 6.4 sends an automatically followed
    // hop (bearer included) before it emits redirected(), too late to refuse it there.
    QCOMPARE(r.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
        int(QNetworkRequest::UserVerifiedRedirectPolicy));
    QVERIFY(!r.attribute(QNetworkRequest::Http2AllowedAttribute).isValid());
    const QNetworkRequest anonymous = Net::makeRequest(QUrl(u"https://x.example/"_s), {}, Net::Http2::Off);
    QVERIFY(!anonymous.hasRawHeader("Authorization"));
    QCOMPARE(anonymous.attribute(QNetworkRequest::Http2AllowedAttribute).toBool(), false);
}

void TestNetDriveRequests::redirectPolicy_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("same host https") << u"https://www.googleapis.com/a"_s << u"https://www.googleapis.com/b"_s << true;
    QTest::newRow("google to google") << u"https://www.googleapis.com/a"_s
                                      << u"https://doc-0s.googleusercontent.com/x"_s << true;
    QTest::newRow("google to elsewhere") << u"https://www.googleapis.com/a"_s << u"https://evil.example/x"_s << false;
    QTest::newRow("downgrade") << u"https://www.googleapis.com/a"_s << u"http://www.googleapis.com/a"_s << false;
    QTest::newRow("loopback http") << u"http://127.0.0.1:5000/a"_s << u"http://127.0.0.1:5000/b"_s << true;
    QTest::newRow("loopback to remote http") << u"http://127.0.0.1:5000/a"_s << u"http://example.com/b"_s << false;
    QTest::newRow("ftp") << u"https://www.googleapis.com/a"_s << u"ftp://www.googleapis.com/a"_s << false;
    QTest::newRow("lookalike") << u"https://www.googleapis.com/a"_s << u"https://evilgoogle.com/a"_s << false;
    // The bearer travels with a followed redirect: another port is another host, loopback included.
    QTest::newRow("loopback other port") << u"http://127.0.0.1:5000/a"_s << u"http://127.0.0.1:5001/b"_s << false;
    QTest::newRow("loopback other name") << u"http://127.0.0.1:5000/a"_s << u"http://localhost:5000/b"_s << false;
    QTest::newRow("same host other port") << u"https://files.example/a"_s << u"https://files.example:8443/b"_s << false;
    QTest::newRow("same host default port") << u"https://files.example/a"_s << u"https://files.example:443/b"_s << true;
    QTest::newRow("to file") << u"http://127.0.0.1:5000/a"_s << u"file:///etc/passwd"_s << false;
}

void TestNetDriveRequests::serverUrls_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    const QString google = u"https://www.googleapis.com/drive/v3/"_s;
    const QString sandbox = u"http://127.0.0.1:5000/drive/v3/"_s;
    QTest::newRow("https anywhere") << google << u"https://docs.google.com/feeds/x"_s << true;
    QTest::newRow("https elsewhere") << google << u"https://other.example/x"_s << true;
    QTest::newRow("http from Google") << google << u"http://docs.google.com/x"_s << false;
    QTest::newRow("loopback http from Google") << google << u"http://127.0.0.1:5000/x"_s << false;
    QTest::newRow("loopback http from the sandbox") << sandbox << u"http://127.0.0.1:6000/x"_s << true;
    QTest::newRow("remote http from the sandbox") << sandbox << u"http://example.com/x"_s << false;
    QTest::newRow("file") << sandbox << u"file:///etc/passwd"_s << false;
    QTest::newRow("file with a host") << google << u"file://localhost/etc/passwd"_s << false;
    QTest::newRow("data") << google << u"data:text/plain,hello"_s << false;
    QTest::newRow("qrc") << sandbox << u"qrc:/x"_s << false;
    QTest::newRow("ftp") << google << u"ftp://docs.google.com/x"_s << false;
    QTest::newRow("relative") << google << u"/drive/v3/files"_s << false;
    QTest::newRow("empty") << google << QString() << false;
}

void TestNetDriveRequests::serverUrls()
{
    QFETCH(QString, origin);
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(Net::isServerUrlAllowed(QUrl(origin), QUrl(url)), allowed);
}

void TestNetDriveRequests::bearerOnlyToItsIssuer_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("allowed");
    const QString google = u"https://www.googleapis.com/drive/v3/"_s;
    const QString sandbox = u"http://127.0.0.1:5000/drive/v3/"_s;
    QTest::newRow("Google API") << google << u"https://www.googleapis.com/drive/v3/files/x"_s << true;
    QTest::newRow("Google docs") << google << u"https://docs.google.com/feeds/download/x"_s << true;
    QTest::newRow("Google content") << google << u"https://doc-0s.googleusercontent.com/x"_s << true;
    QTest::newRow("Google over http") << google << u"http://docs.google.com/x"_s << false;
    QTest::newRow("elsewhere") << google << u"https://evil.example/x"_s << false;
    QTest::newRow("lookalike") << google << u"https://docs.google.com.evil.example/x"_s << false;
    QTest::newRow("sandbox itself") << sandbox << u"http://127.0.0.1:5000/feeds/download/x"_s << true;
    QTest::newRow("sandbox, other port") << sandbox << u"http://127.0.0.1:5001/x"_s << false;
    QTest::newRow("sandbox, other name") << sandbox << u"http://localhost:5000/x"_s << false;
    QTest::newRow("sandbox to Google") << sandbox << u"https://docs.google.com/x"_s << false;
}

void TestNetDriveRequests::bearerOnlyToItsIssuer()
{
    QFETCH(QString, issuer);
    QFETCH(QString, target);
    QFETCH(bool, allowed);
    QCOMPARE(Net::mayCarryBearer(QUrl(issuer), QUrl(target)), allowed);
}

void TestNetDriveRequests::redirectPolicy()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    QCOMPARE(Net::isRedirectAllowed(QUrl(from), QUrl(to)), allowed);
}

void TestNetDriveRequests::queryQuoting()
{
    QCOMPARE(Drive::DriveClient::quoteQueryString(u"1Abc"_s), u"'1Abc'"_s);
    QCOMPARE(Drive::DriveClient::quoteQueryString(u"it's a\\b"_s), u"'it\\'s a\\\\b'"_s);
    Drive::DriveClient c(&m_nam, &m_tokens, nullptr, Net::Endpoints::google());
    const QUrl url = c.apiUrl(u"files"_s, { { u"q"_s, u"'a+b' in parents"_s }, { u"x"_s, u"1&2=3"_s } });
    const QString encoded = url.toString(QUrl::FullyEncoded);
    // '+' and '&' inside values must reach the server as themselves, not as a space or a separator.
    QVERIFY2(encoded.contains(u"%2B"_s) && encoded.contains(u"1%262%3D3"_s), qPrintable(encoded));
    QCOMPARE(QUrlQuery(url).queryItemValue(u"q"_s, QUrl::FullyDecoded), u"'a+b' in parents"_s);
    QCOMPARE(url.path(), u"/drive/v3/files"_s);
    // Ids are never trusted as paths.
    QVERIFY(c.apiUrl(u"files/../x?y"_s, {}).toString(QUrl::FullyEncoded).contains(u"%3F"_s));
}

void TestNetDriveRequests::mediaRequestRanges()
{
    Drive::DriveClient c(&m_nam, &m_tokens, nullptr, Net::Endpoints::google());
    Drive::DriveFile f;
    f.id = u"1Id"_s;
    f.size = 1000;
    const QNetworkRequest whole = c.mediaRequest(f);
    QCOMPARE(whole.url().path(), u"/drive/v3/files/1Id"_s);
    const QUrlQuery q(whole.url());
    QCOMPARE(q.queryItemValue(u"alt"_s), u"media"_s);
    QCOMPARE(q.queryItemValue(u"supportsAllDrives"_s), u"true"_s);
    QVERIFY(!q.hasQueryItem(u"acknowledgeAbuse"_s));
    QVERIFY(!whole.hasRawHeader("Range"));
    QCOMPARE(whole.rawHeader("Authorization"), QByteArray("Bearer tok-123456789"));
    QCOMPARE(whole.rawHeader("Accept-Encoding"), QByteArray("identity"));
    QCOMPARE(c.mediaRequest(f, 500).rawHeader("Range"), QByteArray("bytes=500-"));
    QCOMPARE(c.mediaRequest(f, 0, 99).rawHeader("Range"), QByteArray("bytes=0-99"));
    QCOMPARE(c.mediaRequest(f, 10, 19).rawHeader("Range"), QByteArray("bytes=10-19"));
    f.size = 0;
    QVERIFY(!c.mediaRequest(f, 0, 0).hasRawHeader("Range"));
    QVERIFY(QUrlQuery(c.mediaRequest(f, 0, -1, true).url()).hasQueryItem(u"acknowledgeAbuse"_s));

    Drive::DriveFile doc;
    doc.id = u"1Doc"_s;
    const QNetworkRequest exp = c.exportRequest(doc, u"text/csv"_s);
    QCOMPARE(exp.url().path(), u"/drive/v3/files/1Doc/export"_s);
    QCOMPARE(QUrlQuery(exp.url()).queryItemValue(u"mimeType"_s, QUrl::FullyDecoded), u"text/csv"_s);
    QVERIFY(!exp.hasRawHeader("Range"));
}

void TestNetDriveRequests::resourceKeysOnEveryRequest()
{
    Drive::DriveClient c(&m_nam, &m_tokens, nullptr, Net::Endpoints::google());
    Drive::DriveFile f;
    f.id = u"1Linked"_s;
    f.size = 10;
    QVERIFY(!c.mediaRequest(f).hasRawHeader("X-Goog-Drive-Resource-Keys"));
    c.addResourceKey(u"1Linked"_s, u"0-key"_s);
    QCOMPARE(c.mediaRequest(f).rawHeader("X-Goog-Drive-Resource-Keys"), QByteArray("1Linked/0-key"));
    QCOMPARE(c.exportRequest(f, u"a/b"_s).rawHeader("X-Goog-Drive-Resource-Keys"), QByteArray("1Linked/0-key"));
    f.resourceKey = u"0-own"_s;
    QCOMPARE(c.mediaRequest(f).rawHeader("X-Goog-Drive-Resource-Keys"), QByteArray("1Linked/0-own"));
    c.addResourceKey(u"2Other"_s, u"k2"_s);
    QCOMPARE(c.resourceKeysHeader({ u"1Linked"_s, u"nokey"_s, u"2Other"_s }), QByteArray("1Linked/0-key,2Other/k2"));
}

void TestNetDriveRequests::exportLinkBearerOnlyToTrustedHosts()
{
    Drive::DriveClient c(&m_nam, &m_tokens, nullptr, Net::Endpoints::google());
    Drive::DriveFile doc;
    doc.id = u"1Doc"_s;
    doc.exportLinks.insert(u"application/PDF"_s, u"https://docs.google.com/feeds/download/x?exportFormat=pdf"_s);
    doc.exportLinks.insert(u"text/plain"_s, u"https://evil.example/steal"_s);
    const QNetworkRequest pdf = c.exportLinkRequest(doc, u"application/pdf"_s); // matched case-insensitively
    QCOMPARE(pdf.url().host(), u"docs.google.com"_s);
    QVERIFY(pdf.hasRawHeader("Authorization"));
    QVERIFY(!c.exportLinkRequest(doc, u"text/plain"_s).hasRawHeader("Authorization"));
    QVERIFY(c.exportLinkRequest(doc, u"image/png"_s).url().isEmpty());
}

void TestNetDriveRequests::exportLinkBearerOnlyToTheSandboxThatIssuedIt()
{
    Drive::DriveClient c(&m_nam, &m_tokens, nullptr, Net::Endpoints::sandbox(QUrl(u"http://127.0.0.1:5000"_s)));
    Drive::DriveFile doc;
    doc.id = u"1Doc"_s;
    doc.exportLinks.insert(u"a/own"_s, u"http://127.0.0.1:5000/feeds/download/x"_s);
    doc.exportLinks.insert(u"a/port"_s, u"http://127.0.0.1:5001/feeds/download/x"_s);
    doc.exportLinks.insert(u"a/google"_s, u"https://docs.google.com/feeds/download/x"_s);
    doc.exportLinks.insert(u"a/file"_s, u"file:///etc/passwd"_s);
    QCOMPARE(c.exportLinkRequest(doc, u"a/own"_s).rawHeader("Authorization"), QByteArray("Bearer tok-123456789"));
    for (const QString &other : { u"a/port"_s, u"a/google"_s, u"a/file"_s })
        QVERIFY2(!c.exportLinkRequest(doc, other).hasRawHeader("Authorization"), qPrintable(other));
}

void TestNetDriveRequests::configureTlsRejectsGarbage()
{
    QString error;
    QVERIFY(Net::configureTls({}, &error));
    QVERIFY(!Net::configureTls(u"/nonexistent/ca.pem"_s, &error));
    QVERIFY(!error.isEmpty());
    QTemporaryFile junk;
    QVERIFY(junk.open());
    junk.write("not a certificate");
    junk.close();
    QVERIFY(!Net::configureTls(junk.fileName(), &error));
}

QTEST_GUILESS_MAIN(TestNetDriveRequests)
#include "tst_net_driverequests.moc"
