// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: the profiles of ~/.databrickscfg ($DATABRICKS_CONFIG_FILE here) in the app's Databricks workspaces
// dialog, marked as such, choosable and not removable; and a chosen profile used for a run: the destination
// check before a run (DatabricksTarget::resolve) reaches the real sandbox with the profile's token.
#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/memorytokenstore.h"
#include "databricksdialog.h"
#include "databrickstarget.h"
#include "databricksworkspaces.h"
#include "sandboxprocess.h"

#include <QFile>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabricksProfiles final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_host;
    QNetworkAccessManager m_nam;
    Auth::MemoryTokenStore m_store;
    std::unique_ptr<QSettings> m_accountSettings;
    std::unique_ptr<QSettings> m_appSettings;
    std::unique_ptr<Auth::Accounts> m_accounts;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<DatabricksWorkspaces> m_workspaces;

    struct Resolved
    {
        bool answered = false;
        std::optional<DatabricksWorkspace> workspace;
        QString problem;
    };
    Resolved resolve(DatabricksTarget &target)
    {
        Resolved result;
        target.resolve({AppSettings::DestinationKind::Volume, u"/Volumes/main/default/landing/profiles"_s}, this,
                       [&result](const std::optional<DatabricksWorkspace> &workspace, const QString &problem) {
                           result = {true, workspace, problem};
                       });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.answered, 20000); }();
        return result;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DI_SANDBOX"))
            QSKIP("DI_SANDBOX is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(QStringList {u"--quiet"_s});
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_host = Auth::DatabricksCredentials::normaliseHost(m_sandbox->baseUrl().toString());
        QFile config(m_dir.filePath(u"databrickscfg"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        // The sandbox's built-in PAT, a token it does not know, and a profile without a host (not listed).
        config.write(u"[sandbox-ws]\nhost = %1\ntoken = dapi-sandbox-token\n\n"
                     "[wrong-token]\nhost = %1\ntoken = dapi-not-known-here\n\n"
                     "[no-host]\ntoken = dapi-x\n"_s.arg(m_host).toUtf8());
        config.close();
        for (const char *name : {"DATABRICKS_HOST", "DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET",
                                 "DATABRICKS_AUTH_TYPE", "DATABRICKS_CONFIG_PROFILE"})
            qunsetenv(name);
        qputenv("DATABRICKS_CONFIG_FILE", config.fileName().toUtf8());
        m_accountSettings = std::make_unique<QSettings>(m_dir.filePath(u"accounts.ini"_s), QSettings::IniFormat);
        m_appSettings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_accounts = std::make_unique<Auth::Accounts>(m_accountSettings.get());
        m_settings = std::make_unique<AppSettings>(m_appSettings.get());
        m_workspaces = std::make_unique<DatabricksWorkspaces>(&m_nam, &m_store, m_accounts.get());
    }

    void dialogListsProfiles()
    {
        DatabricksDialog dialog(m_workspaces.get(), QString());
        dialog.show();
        auto *list = dialog.findChild<QListWidget *>(u"workspaces"_s);
        auto *use = dialog.findChild<QPushButton *>(u"useButton"_s);
        auto *remove = dialog.findChild<QPushButton *>(u"removeButton"_s);
        QVERIFY(list && use && remove);
        QCOMPARE(list->count(), 2);
        QStringList keys;
        for (int row = 0; row < list->count(); ++row)
        {
            QVERIFY2(list->item(row)->text().contains(u"from ~/.databrickscfg"_s), qPrintable(list->item(row)->text()));
            keys.append(list->item(row)->data(Qt::UserRole).toString());
        }
        QCOMPARE(keys, (QStringList {u"profile:sandbox-ws"_s, u"profile:wrong-token"_s}));
        QVERIFY(list->item(0)->text().contains(u"sandbox-ws"_s) && list->item(0)->text().contains(m_host));

        // Choosable, never removed here (the file is the user's).
        list->setCurrentRow(0);
        QVERIFY(use->isEnabled());
        QVERIFY(!remove->isEnabled());
        QSignalSpy chosen(&dialog, &DatabricksDialog::workspaceChosen);
        use->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), u"profile:sandbox-ws"_s);
        QVERIFY(list->item(0)->text().contains(u"used for runs"_s));
        QVERIFY2(dialog.statusText().contains(u"profile sandbox-ws"_s), qPrintable(dialog.statusText()));
    }

    void chosenProfileIsUsedForARun()
    {
        DatabricksTarget target(m_workspaces.get(), m_settings.get());
        bool offered = false;
        for (const DatabricksTarget::Option &option : target.options())
            offered = offered || (option.host == u"profile:sandbox-ws"_s && option.label.contains(u"~/.databrickscfg"_s));
        QVERIFY(offered);
        target.choose(u"profile:sandbox-ws"_s);
        QCOMPARE(target.chosen(), u"profile:sandbox-ws"_s);
        const Resolved good = resolve(target);
        QVERIFY2(good.workspace, qPrintable(good.problem));
        QCOMPARE(good.workspace->credentials.host, m_host);
        QCOMPARE(good.workspace->credentials.kind, Auth::DatabricksCredentials::Kind::PersonalAccessToken);
        QCOMPARE(good.workspace->credentials.secret, "dapi-sandbox-token"_ba);

        // The profile's own token is what the check sends: a token the sandbox does not know is refused.
        target.choose(u"profile:wrong-token"_s);
        const Resolved wrong = resolve(target);
        QVERIFY(!wrong.workspace);
        QVERIFY2(wrong.problem.contains(u"refused"_s), qPrintable(wrong.problem));
    }
};

QTEST_MAIN(TestDatabricksProfiles)
#include "tst_databricksprofiles.moc"
