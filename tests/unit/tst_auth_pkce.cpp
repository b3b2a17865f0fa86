// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAuthPkce final : public QObject
{
    Q_OBJECT

private slots:
    void rfc7636AppendixB()
    {
        // RFC 7636 appendix B: the verifier and its S256 challenge.
        const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_ba;
        QVERIFY(Auth::Pkce::isValidVerifier(verifier));
        QCOMPARE(Auth::Pkce::challengeFor(verifier), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_ba);
    }

    void generatedValuesAreWellFormed()
    {
        const Auth::Pkce pkce = Auth::Pkce::generate();
        QCOMPARE(pkce.verifier().size(), 43); // 32 random bytes, base64url without padding
        QVERIFY(Auth::Pkce::isValidVerifier(pkce.verifier()));
        QCOMPARE(pkce.challenge(), Auth::Pkce::challengeFor(pkce.verifier()));
        QVERIFY(!pkce.challenge().contains('='));
        QVERIFY(!pkce.challenge().contains('+'));
        QVERIFY(!pkce.challenge().contains('/'));
        QVERIFY(pkce.state().size() >= 32);
    }

    void generatedValuesDiffer()
    {
        QSet<QByteArray> verifiers;
        QSet<QByteArray> states;
        for (int i = 0; i < 200; ++i)
        {
            const Auth::Pkce pkce = Auth::Pkce::generate();
            verifiers.insert(pkce.verifier());
            states.insert(pkce.state());
        }
        QCOMPARE(verifiers.size(), 200);
        QCOMPARE(states.size(), 200);
    }

    void verifierValidation_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
        QTest::newRow("128 chars") << QByteArray(128, '~') << true;
        QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
        QTest::newRow("unreserved") << "abcABC012-._~abcABC012-._~abcABC012-._~abcd"_ba << true;
        QTest::newRow("plus") << QByteArray(42, 'a') + '+' << false;
        QTest::newRow("slash") << QByteArray(42, 'a') + '/' << false;
        QTest::newRow("space") << QByteArray(42, 'a') + ' ' << false;
    }

    void verifierValidation()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(Auth::Pkce::isValidVerifier(verifier), valid);
    }

    void stateComparison()
    {
        QVERIFY(Auth::Pkce::equalConstantTime("abcdef"_ba, "abcdef"_ba));
        QVERIFY(!Auth::Pkce::equalConstantTime("abcdef"_ba, "abcdeg"_ba));
        QVERIFY(!Auth::Pkce::equalConstantTime("abcdef"_ba, "abcde"_ba));
        QVERIFY(!Auth::Pkce::equalConstantTime("abcdef"_ba, QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestAuthPkce)
#include "tst_auth_pkce.moc"
