// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13 acceptance 3 (app): Accounts → Databricks workspaces → "Sign in to Databricks" against the sandbox's
// workspace, the test playing the browser. Real widgets (offscreen), the real sandbox over loopback; the sign-in
// is kept in a memory TokenStore as kind "oauth-u2m", and the run's destination check works with it.
#include "auth/accounts.h"
#include "auth/databrickscredentials.h"
#include "auth/memorytokenstore.h"
#include "databricksdialog.h"
#include "databricksworkspaces.h"
#include "sandboxprocess.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

class TestDatabricksSignIn final : public QObject
{
    Q_OBJECT

private:
    /// GET without following redirects: the status and the Location.
    std::pair<int, QUrl> get(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        std::unique_ptr<QNetworkReply> reply(m_browser.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        done.wait(10000);
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QUrl::fromEncoded(reply->rawHeader("Location"_ba)) };
    }

    /// Clicks "Sign in to Databricks", fills the small form and accepts it.
    void startSignIn(DatabricksDialog &dialog, const QString &host, const QString &clientId = {})
    {
        auto *button = dialog.findChild<QPushButton *>(u"signInButton"_s);
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        button->click();
        QDialog *ask = nullptr;
        QTRY_VERIFY((ask = dialog.findChild<QDialog *>(u"browserSignInDialog"_s)) != nullptr);
        ask->findChild<QLineEdit *>(u"signInHost"_s)->setText(host);
        ask->findChild<QLineEdit *>(u"signInClientId"_s)->setText(clientId);
        ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QNetworkAccessManager m_nam; ///< the app's
    QNetworkAccessManager m_browser; ///< the test's, playing the browser

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(QStringList { u"--quiet"_s });
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    }

    void signInAddsTheWorkspace()
    {
        QSettings settings(m_dir.filePath(u"accounts.ini"_s), QSettings::IniFormat);
        Auth::Accounts accounts(&settings);
        Auth::MemoryTokenStore store;
        DatabricksWorkspaces workspaces(&m_nam, &store, &accounts);
        auto dialog = std::make_unique<DatabricksDialog>(&workspaces, QString());
        QUrl consent;
        dialog->setOpenUrl([&consent](const QUrl &url) { consent = url; });
        QSignalSpy chosen(dialog.get(), &DatabricksDialog::workspaceChosen);
        dialog->show();
        const QString host = m_sandbox->baseUrl().toString(QUrl::StripTrailingSlash);

        // An app the workspace does not know: the consent page refuses it, nothing is kept, the dialog waits.
        startSignIn(*dialog, host, u"not-an-app"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!consent.isEmpty(), 10000);
        QVERIFY(dialog->isBusy());
        QCOMPARE(get(consent).first, 400);
        // The sign-in is abandoned with the dialog: its loopback listener stops at once.
        QUrl listener(QUrlQuery(consent).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        listener.setHost(u"127.0.0.1"_s);
        listener.setQuery(u"state=x"_s);
        QCOMPARE(get(listener).first, 400); // listening (a wrong state is answered and ignored)
        dialog.reset();
        QCOMPARE(get(listener).first, 0); // nobody listens there any more
        QVERIFY(chosen.isEmpty());
        QVERIFY(!store.contains(Auth::DatabricksCredentials::storeKey(host)));

        DatabricksDialog again(&workspaces, QString());
        again.setOpenUrl([&consent](const QUrl &url) { consent = url; });
        QSignalSpy chosenAgain(&again, &DatabricksDialog::workspaceChosen);
        again.show();
        consent.clear();
        startSignIn(again, host);
        QTRY_VERIFY_WITH_TIMEOUT(!consent.isEmpty(), 10000);
        QCOMPARE(consent.path(), u"/oidc/v1/authorize"_s);
        QCOMPARE(QUrlQuery(consent).queryItemValue(u"client_id"_s), u"databricks-cli"_s);
        const auto [status, location] = get(consent);
        QCOMPARE(status, 302);
        QCOMPARE(get(location).first, 200); // the app's loopback listener took the answer
        QTRY_VERIFY_WITH_TIMEOUT(!again.isBusy(), 15000);
        QVERIFY2(again.statusText().contains(u"Signed in"_s), qPrintable(again.statusText()));

        // Added: listed, kept as the CLI keeps it, and chosen for runs (the first workspace).
        auto *list = again.findChild<QListWidget *>(u"workspaces"_s);
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().contains(host));
        const std::optional<Auth::Account> account = accounts.find(Auth::Account::Kind::Databricks, host);
        QVERIFY(account);
        QCOMPARE(account->detail, u"oauth-u2m"_s);
        QCOMPARE(account->clientId, u"databricks-cli"_s);
        const auto kept = Auth::DatabricksCredentials::fromSecretBlob(host, store.value(Auth::DatabricksCredentials::storeKey(host)));
        QVERIFY(kept);
        QCOMPARE(kept->kind, Auth::DatabricksCredentials::Kind::OAuthU2M);
        QVERIFY(!settings.allKeys().isEmpty());
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().toUtf8().contains(kept->secret));
        QCOMPARE(chosenAgain.size(), 1);
        QCOMPARE(again.chosenHost(), host);

        // A run's destination check with the kept sign-in: a token is had and the Volume answers.
        std::optional<QString> checked;
        workspaces.check(*kept, { AppSettings::DestinationKind::Volume, u"/Volumes/main/default/landing/gui"_s }, this,
                         [&checked](const QString &error) { checked = error; });
        QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 15000);
        QVERIFY2(checked->isEmpty(), qPrintable(*checked));
    }
};

QTEST_MAIN(TestDatabricksSignIn)
#include "tst_databrickssignin.moc"
