// SPDX-License-Identifier: GPL-3.0-or-later
// The one test that talks to the real OS keychain (Secret Service on Linux). CI runs it inside
// dbus-run-session with an unlocked gnome-keyring (setup.sh run_isolated); anywhere else without a
// reachable keychain it skips, unless CI=true, where skipping would hide a broken setup.
#include "auth/keychaintokenstore.h"

#include <QRandomGenerator>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using Auth::TokenStore;

class TestAuthKeychain final : public QObject
{
    Q_OBJECT

private:
    std::optional<TokenStore::Result> call(const std::function<void(TokenStore::Callback)> &start)
    {
        std::optional<TokenStore::Result> result;
        start([&result](const TokenStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }

    Auth::KeychainTokenStore m_store { u"drive-ingest-test"_s };
    QString m_key = u"google/test-%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);

private slots:
    void storeReadDelete()
    {
        const QByteArray secret = R"({"refresh_token":"1-test-refresh-token","client_secret":"test-secret"})"_ba;
        const auto written = call([&](TokenStore::Callback done) { m_store.write(m_key, secret, this, done); });
        QVERIFY2(written, "the keychain did not answer within 20 s");
        if (!written->ok())
        {
            const QString message = u"no usable OS keychain here (%1). Run under dbus-run-session with an unlocked "
                                    "gnome-keyring (see setup.sh run_isolated)."_s.arg(written->errorString);
            if (qEnvironmentVariable("CI") == u"true"_s)
                QFAIL(qPrintable(message));
            QSKIP(qPrintable(message));
        }
        const auto read = call([&](TokenStore::Callback done) { m_store.read(m_key, this, done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->errorString));
        QCOMPARE(read->data, secret);

        // Overwriting replaces the value (a new sign-in of the same account).
        const QByteArray second = R"({"refresh_token":"1-second-token"})"_ba;
        QVERIFY(call([&](TokenStore::Callback done) { m_store.write(m_key, second, this, done); })->ok());
        QCOMPARE(call([&](TokenStore::Callback done) { m_store.read(m_key, this, done); })->data, second);

        const auto removed = call([&](TokenStore::Callback done) { m_store.remove(m_key, this, done); });
        QVERIFY(removed);
        QVERIFY2(removed->ok(), qPrintable(removed->errorString));
        const auto gone = call([&](TokenStore::Callback done) { m_store.read(m_key, this, done); });
        QVERIFY(gone);
        QCOMPARE(gone->status, TokenStore::Result::Status::NotFound);
    }

    void missingEntry()
    {
        const auto read = call([&](TokenStore::Callback done) { m_store.read(m_key + u"-never"_s, this, done); });
        QVERIFY(read);
        if (read->status == TokenStore::Result::Status::Failed && qEnvironmentVariable("CI") != u"true"_s)
            QSKIP("no usable OS keychain here");
        QCOMPARE(read->status, TokenStore::Result::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestAuthKeychain)
#include "tst_auth_keychain.moc"
