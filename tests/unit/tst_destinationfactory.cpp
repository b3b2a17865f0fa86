// SPDX-License-Identifier: GPL-3.0-or-later
// Dest::destinationFactory / Dest::sandboxWorkspace / DestinationSpec::localFolderProblem: the one place where
// a destination the user named becomes a Destination, for the CLI and the app alike (issue 10 item 6).
#include "auth/databrickscredentials.h"
#include "destinations/dbfsdestination.h"
#include "destinations/destinationfactory.h"
#include "destinations/localdestination.h"
#include "destinations/volumedestination.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace
{
Dest::DestinationSpec spec(const QString &text)
{
    QString error;
    const std::optional<Dest::DestinationSpec> parsed = Dest::DestinationSpec::parse(text, &error);
    if (!parsed)
        qFatal("%s: %s", qPrintable(text), qPrintable(error));
    return *parsed;
}

/// The DatabricksTokenProvider the factory made for `destination` (a sibling under the same parent).
Auth::DatabricksTokenProvider *providerOf(QObject *parent)
{
    const auto providers = parent->findChildren<Auth::DatabricksTokenProvider *>(Qt::FindDirectChildrenOnly);
    return providers.size() == 1 ? providers.first() : nullptr;
}
} // namespace

class TestDestinationFactory final : public QObject
{
    Q_OBJECT

private slots:
    void sandboxPatOnlyForTheSandboxHost()
    {
        const Net::Endpoints sandbox = Net::Endpoints::sandbox(QUrl(u"http://127.0.0.1:8765"_s));
        const auto taken = Dest::sandboxWorkspace(true, sandbox, u"http://127.0.0.1:8765/"_s);
        QVERIFY(taken);
        QCOMPARE(taken->kind, Auth::DatabricksCredentials::Kind::PersonalAccessToken);
        QCOMPARE(taken->host, u"http://127.0.0.1:8765"_s);
        QCOMPARE(taken->secret, "dapi-sandbox-token"_ba);
        // Another workspace, even on loopback, takes what was kept for it; so does any host without the sandbox.
        QVERIFY(!Dest::sandboxWorkspace(true, sandbox, u"http://127.0.0.1:8766"_s));
        QVERIFY(!Dest::sandboxWorkspace(true, sandbox, u"https://dbc-1.cloud.databricks.com"_s));
        QVERIFY(!Dest::sandboxWorkspace(false, sandbox, u"http://127.0.0.1:8765"_s));
        QVERIFY(!Dest::sandboxWorkspace(true, sandbox, QString()));
        // Google's endpoints have no workspace at all.
        QVERIFY(!Dest::sandboxWorkspace(true, Net::Endpoints::google(), u"https://dbc-1.cloud.databricks.com"_s));
    }

    void localFolder()
    {
        QTemporaryDir dir;
        QString error;
        const auto factory = Dest::destinationFactory(spec(dir.filePath(u"in"_s)), std::nullopt, &error);
        QVERIFY2(factory, qPrintable(error));
        QNetworkAccessManager nam;
        QObject parent;
        auto *local = qobject_cast<Dest::LocalDestination *>((*factory)(&nam, &parent));
        QVERIFY(local);
        QCOMPARE(local->parent(), &parent);
        QCOMPARE(local->root(), QDir::cleanPath(dir.filePath(u"in"_s)));
        QVERIFY(!providerOf(&parent));
    }

    void databricksNeedsAWorkspace()
    {
        for (const QString &text : {u"/Volumes/main/default/landing/x"_s, u"dbfs:/tmp/x"_s})
        {
            QString error;
            QVERIFY(!Dest::destinationFactory(spec(text), std::nullopt, &error));
            QVERIFY2(error.contains(u"Databricks workspace"_s), qPrintable(error));
            QVERIFY(!Dest::destinationFactory(spec(text), Auth::DatabricksCredentials {}, &error));
        }
    }

    void databricksDestinations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("volume");
        QTest::newRow("volume") << u"/Volumes/main/default/landing/x"_s << true;
        QTest::newRow("dbfs:/Volumes") << u"dbfs:/Volumes/main/default/landing"_s << true;
        QTest::newRow("dbfs") << u"dbfs:/tmp/x"_s << false;
    }

    void databricksDestinations()
    {
        QFETCH(QString, text);
        QFETCH(bool, volume);
        Auth::DatabricksCredentials credentials;
        credentials.host = u"https://dbc-1.cloud.databricks.com"_s;
        credentials.secret = "dapi-0123"_ba;
        QString error;
        const auto factory = Dest::destinationFactory(spec(text), credentials, &error);
        QVERIFY2(factory, qPrintable(error));
        QNetworkAccessManager nam;
        QObject parent;
        Dest::Destination *made = (*factory)(&nam, &parent);
        QCOMPARE(qobject_cast<Dest::VolumeDestination *>(made) != nullptr, volume);
        QCOMPARE(qobject_cast<Dest::DbfsDestination *>(made) != nullptr, !volume);
        QCOMPARE(static_cast<Dest::DatabricksDestination *>(made)->root(), spec(text).path);
        // The workspace's own token provider: a PAT as is, for that host only.
        Auth::DatabricksTokenProvider *tokens = providerOf(&parent);
        QVERIFY(tokens);
        QCOMPARE(tokens->accountName(), credentials.host);
        QCOMPARE(tokens->accessToken(), credentials.secret);
        // Each call builds its own destination and provider.
        QObject other;
        QVERIFY((*factory)(&nam, &other) != made);
        QVERIFY(providerOf(&other) && providerOf(&other) != tokens);
    }

    void localFolderProblems()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"a-file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(spec(dir.path()).localFolderProblem().isEmpty());
        QVERIFY(spec(dir.filePath(u"new/deeper"_s)).localFolderProblem().isEmpty());
        QVERIFY(spec(file.fileName()).localFolderProblem().contains(u"not a folder"_s));
        QVERIFY(spec(file.fileName() + u"/below"_s).localFolderProblem().contains(u"cannot be created"_s));
        QVERIFY(spec(u"/Volumes/main/default/landing"_s).localFolderProblem().isEmpty()); // Databricks: nothing local
        if (::geteuid() != 0) // root writes anywhere
        {
            QDir(dir.path()).mkdir(u"locked"_s);
            QFile::setPermissions(dir.filePath(u"locked"_s), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            QVERIFY(spec(dir.filePath(u"locked"_s)).localFolderProblem().contains(u"not writable"_s));
            QVERIFY(spec(dir.filePath(u"locked/new"_s)).localFolderProblem().contains(u"cannot be created"_s));
            QFile::setPermissions(dir.filePath(u"locked"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
    }
};

QTEST_GUILESS_MAIN(TestDestinationFactory)
#include "tst_destinationfactory.moc"
