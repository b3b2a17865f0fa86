// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13, acceptance 4: the Unity Catalog picker on real widgets against the real sandbox (started by the app's
// "Try it with the sandbox"): browse catalogs → schemas → volumes through paged listings with empty pages; a volume
// without WRITE VOLUME is shown as such and cannot be chosen; "New volume…" creates one; a folder with placeholders
// inside it; then a run of a demo folder lands in that volume.
#include "appsettings.h"
#include "auth/accounts.h"
#include "auth/memorytokenstore.h"
#include "browsermodel.h"
#include "catalogpicker.h"
#include "destinationpicker.h"
#include "drivebrowsersource.h"
#include "enginerunner.h"
#include "mainwindow.h"
#include "sandboxlauncher.h"
#include "sandboxprocess.h"
#include "transfer/enginehost.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestCatalogPicker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void browseCreateAndRunIntoAVolume();
    void servicePrincipalListsOnceSignedIn();

private:
    QJsonObject sandboxCall(const QByteArray &verb, const QUrl &base, const QString &path, const QJsonObject &body = {});
    QModelIndex waitForChild(BrowserModel *model, const QModelIndex &parent, const QString &name);
    static QTreeWidgetItem *waitForItem(QTreeWidget *tree, const QStringList &names);
    static void clickItem(QTreeWidget *tree, QTreeWidgetItem *item);

    QNetworkAccessManager m_nam;
};

void TestCatalogPicker::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DI_SANDBOX"))
        QSKIP("DI_SANDBOX is not set (run through ctest)");
}

QJsonObject TestCatalogPicker::sandboxCall(const QByteArray &verb, const QUrl &base, const QString &path,
                                           const QJsonObject &body)
{
    QNetworkRequest request(base.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

QModelIndex TestCatalogPicker::waitForChild(BrowserModel *model, const QModelIndex &parent, const QString &name)
{
    QModelIndex found;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((model->canFetchMore(parent) && (model->fetchMore(parent), false))
                                     || (found = model->findChild(parent, name)).isValid(),
                                 15000);
    }();
    return found;
}

QTreeWidgetItem *TestCatalogPicker::waitForItem(QTreeWidget *tree, const QStringList &names)
{
    const auto find = [tree, names]() -> QTreeWidgetItem * {
        QTreeWidgetItem *item = nullptr;
        for (const QString &name : names)
        {
            if (item)
                item->setExpanded(true); // what a user's click on the arrow does: loads the level
            QTreeWidgetItem *next = nullptr;
            const int count = item ? item->childCount() : tree->topLevelItemCount();
            for (int i = 0; i < count && !next; ++i)
            {
                QTreeWidgetItem *child = item ? item->child(i) : tree->topLevelItem(i);
                if (child->text(0) == name)
                    next = child;
            }
            if (!next)
                return nullptr;
            item = next;
        }
        return item;
    };
    QTreeWidgetItem *found = nullptr;
    [&] { QTRY_VERIFY_WITH_TIMEOUT((found = find()) != nullptr, 15000); }();
    return found;
}

void TestCatalogPicker::clickItem(QTreeWidget *tree, QTreeWidgetItem *item)
{
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualItemRect(item).center());
}

void TestCatalogPicker::browseCreateAndRunIntoAVolume()
{
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    QSettings accountSettings(dir.filePath(u"accounts.ini"_s), QSettings::IniFormat);
    AppSettings settings(&qsettings);
    Auth::Accounts accounts(&accountSettings);
    Auth::MemoryTokenStore store;
    Transfer::EngineHost host;
    EngineRunner runner(&host);
    MainWindow::Services services;
    services.settings = &settings;
    services.runner = &runner;
    services.nam = &m_nam;
    services.tokenStore = &store;
    services.accounts = &accounts;
    QNetworkAccessManager *nam = &m_nam;
    services.browserFactory = [nam](const AccountSession &session, QObject *parent) -> BrowserSource * {
        return new DriveBrowserSource(nam, session, parent);
    };
    MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.trySandbox();
    QTRY_VERIFY_WITH_TIMEOUT(window.session().isValid(), 20000);
    const QUrl sandbox = window.session().endpoints.databricksHost;
    QVERIFY(sandbox.isValid());

    // The sandbox's workspace, chosen in the destination's row; the archive volume loses WRITE VOLUME, and every
    // listing page holds one item after an empty page that carries a token.
    sandboxCall("POST", sandbox, u"/_sandbox/faults"_s,
                {{u"databricks"_s,
                  QJsonObject {{u"forbidden_volumes"_s, QJsonArray {u"/Volumes/main/default/archive"_s}},
                               {u"uc_page_size"_s, 1},
                               {u"uc_empty_pages"_s, true}}}});
    DestinationPicker *destination = window.destinationPicker();
    destination->setChoice({AppSettings::DestinationKind::Volume, QString()});
    auto *workspace = destination->findChild<QComboBox *>(u"databricksWorkspace"_s);
    QVERIFY(workspace);
    int sandboxIndex = -1;
    for (int i = 0; i < workspace->count(); ++i)
        if (workspace->itemText(i).startsWith(u"Sandbox"_s))
            sandboxIndex = i;
    QVERIFY(sandboxIndex >= 0);
    workspace->setCurrentIndex(sandboxIndex);
    emit workspace->activated(sandboxIndex);

    // "Browse…" with a Volume opens the picker.
    auto *browse = destination->findChild<QPushButton *>(u"destinationBrowse"_s);
    QVERIFY(browse && browse->isVisible());
    browse->click();
    CatalogPicker *picker = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((picker = window.findChild<CatalogPicker *>()) != nullptr, 15000);
    QTRY_VERIFY(picker->isVisible());
    auto *tree = picker->findChild<QTreeWidget *>(u"catalogTree"_s);
    auto *ok = picker->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(tree && ok);

    // Catalogs → schemas → volumes, each level loaded when opened, through empty pages.
    QTreeWidgetItem *landing = waitForItem(tree, {u"main"_s, u"default"_s, u"landing"_s});
    QTreeWidgetItem *archive = waitForItem(tree, {u"main"_s, u"default"_s, u"archive"_s});
    QVERIFY(landing && archive);
    QTRY_VERIFY_WITH_TIMEOUT(!picker->isBusy(), 15000);
    QCOMPARE(landing->text(1), u"writable"_s);
    QCOMPARE(archive->text(1), u"read only"_s);
    QVERIFY2(archive->toolTip(0).contains(u"WRITE VOLUME on main.default.archive"_s), qPrintable(archive->toolTip(0)));
    // The read-only volume cannot be chosen: disabled, a click selects nothing, OK stays off.
    QVERIFY(!(archive->flags() & Qt::ItemIsEnabled));
    clickItem(tree, archive);
    QVERIFY(!archive->isSelected());
    QVERIFY(picker->destinationPath().isEmpty());
    QVERIFY(!ok->isEnabled());
    // The writable one can.
    clickItem(tree, landing);
    QTRY_VERIFY(landing->isSelected());
    QCOMPARE(picker->destinationPath(), u"/Volumes/main/default/landing"_s);
    QVERIFY(ok->isEnabled());

    // "New volume…" in the selected schema creates a managed volume, listed and selected once it is there.
    clickItem(tree, landing->parent());
    auto *newVolume = picker->findChild<QPushButton *>(u"newVolume"_s);
    QTRY_VERIFY(newVolume->isEnabled());
    QSignalSpy created(picker, &CatalogPicker::volumeCreated);
    newVolume->click();
    QInputDialog *ask = nullptr;
    QTRY_VERIFY((ask = picker->findChild<QInputDialog *>(u"newVolumeName"_s)) != nullptr);
    ask->setTextValue(u"picked"_s);
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, 15000);
    QCOMPARE(created.first().first().toString(), u"main.default.picked"_s);
    QTRY_COMPARE_WITH_TIMEOUT(picker->destinationPath(), u"/Volumes/main/default/picked"_s, 15000);
    QCOMPARE(waitForItem(tree, {u"main"_s, u"default"_s, u"picked"_s})->text(1), u"writable"_s);
    // The sandbox knows it too (a second one of the same name is refused there, and shown here).
    picker->createVolume(u"picked"_s);
    QTRY_VERIFY_WITH_TIMEOUT(picker->statusText().contains(u"already exists"_s), 15000);

    // A folder with placeholders; a typo is refused before OK.
    auto *folder = picker->findChild<QLineEdit *>(u"volumeFolder"_s);
    folder->setText(u"drive/{yyy}"_s);
    QVERIFY(!ok->isEnabled());
    folder->setText(u"drive/{yyyy}/{job}"_s);
    QVERIFY(ok->isEnabled());
    if (const QString grabs = qEnvironmentVariable("DI_GUI_GRAB_DIR"); !grabs.isEmpty())
        picker->grab().save(grabs + u"/catalog-picker.png"_s); // to look at, not compared
    ok->click();
    QCOMPARE(destination->choice().kind, AppSettings::DestinationKind::Volume);
    QCOMPARE(destination->choice().path, u"/Volumes/main/default/picked/drive/{yyyy}/{job}"_s);

    // Run a demo folder into it: the files land in the new volume, in the expanded folder.
    BrowserModel *browser = window.browserModel();
    const QModelIndex demo = waitForChild(browser, browser->index(0, 0), u"Drive Ingest Demo"_s);
    const QModelIndex deep = waitForChild(browser, demo, u"Deep"_s);
    QVERIFY(deep.isValid());
    window.addSources(browser->sourceItems({deep}));
    const QString year = QString::number(QDate::currentDate().year());
    QSignalSpy finished(&runner, &RunController::finished);
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    const auto report = finished.first().first().value<Transfer::Report>();
    QCOMPARE(report.files.size(), 4);
    for (const auto &file : report.files)
        QCOMPARE(file.state, Transfer::FileState::Done);
    const QJsonObject uploads = sandboxCall("GET", sandbox, u"/_sandbox/stats"_s).value(u"uploads"_s).toObject();
    const QString landed = u"/Volumes/main/default/picked/drive/"_s + year + u"/Deep/"_s;
    QStringList inVolume;
    for (auto it = uploads.begin(); it != uploads.end(); ++it)
        if (it.key().startsWith(landed) && !it.key().startsWith(landed + u"_drive_ingest/"_s))
            inVolume.append(it.key().mid(landed.size())); // not the run's receipts (issue 11)
    inVolume.sort();
    // ({job} is the first source's name, "Deep"; the folder source keeps its own name below it.)
    QCOMPARE(inVolume, (QStringList {u"Deep/level1/l1.bin"_s, u"Deep/level1/level2/l2.bin"_s,
                                     u"Deep/level1/level2/level3/l3.bin"_s, u"Deep/level1/level2/level3/level4/deep.txt"_s}));
    // The field keeps the template for the next run.
    QCOMPARE(destination->choice().path, u"/Volumes/main/default/picked/drive/{yyyy}/{job}"_s);
    window.sandboxLauncher()->stop();
}

void TestCatalogPicker::servicePrincipalListsOnceSignedIn()
{
    // A workspace kept with a service principal: the picker lists once the OAuth M2M token is in, so no
    // listing goes out without a bearer (and the client's one refresh stays for a later expiry).
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    Auth::DatabricksCredentials credentials;
    credentials.kind = Auth::DatabricksCredentials::Kind::OAuthM2M;
    credentials.host = Auth::DatabricksCredentials::normaliseHost(sandbox.baseUrl().toString());
    credentials.clientId = u"sandbox-sp"_s;
    credentials.secret = "sandbox-sp-secret";
    CatalogPicker picker(&m_nam, credentials);
    picker.show();
    auto *tree = picker.findChild<QTreeWidget *>(u"catalogTree"_s);
    QTreeWidgetItem *landing = waitForItem(tree, {u"main"_s, u"default"_s, u"landing"_s});
    QVERIFY(landing);
    QTRY_COMPARE_WITH_TIMEOUT(landing->text(1), u"writable"_s, 15000);
    const QJsonObject byRoute = sandbox.stats().value(u"by_route"_s).toObject();
    for (const QString &route : {u"dbx.uc.catalogs"_s, u"dbx.uc.schemas"_s, u"dbx.uc.volumes"_s, u"dbx.uc.permissions"_s})
    {
        const QJsonObject codes = byRoute.value(route).toObject();
        QVERIFY2(codes.value(u"200"_s).toInt() >= 1, qPrintable(route));
        QVERIFY2(codes.keys() == QStringList {u"200"_s}, qPrintable(route + u' ' + codes.keys().join(u',')));
    }
}

QTEST_MAIN(TestCatalogPicker)
#include "tst_catalogpicker.moc"
