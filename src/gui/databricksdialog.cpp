// SPDX-License-Identifier: GPL-3.0-or-later
#include "databricksdialog.h"

#include "auth/databricksu2m.h"
#include "databricksworkspaces.h"
#include "ui_databricksdialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

DatabricksDialog::DatabricksDialog(DatabricksWorkspaces *workspaces, const QString &chosenHost, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DatabricksDialog>())
    , m_workspaces(workspaces)
    , m_chosen(chosenHost)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_ui->host->setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 50);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->addButton, &QPushButton::clicked, this, &DatabricksDialog::add);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &DatabricksDialog::removeSelected);
    connect(m_ui->useButton, &QPushButton::clicked, this, &DatabricksDialog::useSelected);
    connect(m_ui->workspaces, &QListWidget::itemDoubleClicked, this, &DatabricksDialog::useSelected);
    connect(m_ui->workspaces, &QListWidget::currentRowChanged, this, [this] { setBusy(m_busy, statusText()); });
    connect(m_ui->m2mKind, &QRadioButton::toggled, this, &DatabricksDialog::kindChanged);
    connect(m_workspaces, &DatabricksWorkspaces::changed, this, &DatabricksDialog::reload);
    setUpBrowserSignIn();
    kindChanged();
    reload();
}

DatabricksDialog::~DatabricksDialog() = default;

QString DatabricksDialog::selectedHost() const
{
    const QListWidgetItem *item = m_ui->workspaces->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString DatabricksDialog::statusText() const
{
    return m_ui->status->text();
}

void DatabricksDialog::reload()
{
    const QString selected = selectedHost();
    m_ui->workspaces->clear();
    for (const Auth::Account &account : m_workspaces->list())
    {
        const QString how = account.detail == u"oauth-m2m"_s   ? tr("service principal %1").arg(account.clientId)
            : account.detail == u"oauth-u2m"_s                  ? tr("signed in in the browser")
                                                                : tr("personal access token");
        QString text = tr("%1 (%2)").arg(account.name, how);
        if (account.name == m_chosen)
            text = tr("%1 – used for runs").arg(text);
        auto *item = new QListWidgetItem(text, m_ui->workspaces);
        item->setData(Qt::UserRole, account.name);
        if (account.name == selected || (selected.isEmpty() && account.name == m_chosen))
            m_ui->workspaces->setCurrentItem(item);
    }
    addProfileRows(selected);
    if (!m_ui->workspaces->currentItem() && m_ui->workspaces->count() > 0)
        m_ui->workspaces->setCurrentRow(0);
    setBusy(m_busy, statusText());
}

// The profiles of ~/.databrickscfg: choosable like kept workspaces, but read only (the file is the user's).
void DatabricksDialog::addProfileRows(const QString &selected)
{
    for (const DatabricksWorkspaces::Profile &profile : DatabricksWorkspaces::profiles())
    {
        QString text = tr("%1 – profile %2 (%3) from ~/.databrickscfg")
                           .arg(profile.host, profile.name, profile.authType.isEmpty() ? tr("keychain") : profile.authType);
        if (profile.key == m_chosen)
            text = tr("%1 – used for runs").arg(text);
        auto *item = new QListWidgetItem(text, m_ui->workspaces);
        item->setData(Qt::UserRole, profile.key);
        item->setToolTip(tr("Read from %1; edit that file to change or remove it.").arg(profile.file));
        if (profile.key == selected || (selected.isEmpty() && profile.key == m_chosen))
            m_ui->workspaces->setCurrentItem(item);
    }
}

bool DatabricksDialog::selectedIsProfile() const
{
    return !DatabricksWorkspaces::profileName(selectedHost()).isEmpty();
}

void DatabricksDialog::kindChanged()
{
    const bool m2m = m_ui->m2mKind->isChecked();
    m_ui->clientId->setEnabled(m2m);
    m_ui->clientIdLabel->setEnabled(m2m);
    m_ui->secretLabel->setText(m2m ? tr("Client &secret:") : tr("&Token:"));
    m_ui->secret->setPlaceholderText(m2m ? QString() : tr("dapi…"));
}

void DatabricksDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_ui->status->setText(status);
    m_ui->addBox->setEnabled(!busy);
    const bool any = m_ui->workspaces->currentItem() != nullptr;
    m_ui->removeButton->setEnabled(!busy && any && !selectedIsProfile());
    m_ui->useButton->setEnabled(!busy && any);
    if (m_signInButton)
        m_signInButton->setEnabled(!busy);
}

void DatabricksDialog::add()
{
    Auth::DatabricksCredentials credentials;
    credentials.host = Auth::DatabricksCredentials::normaliseHost(m_ui->host->text().trimmed());
    const bool m2m = m_ui->m2mKind->isChecked();
    credentials.kind = m2m ? Auth::DatabricksCredentials::Kind::OAuthM2M : Auth::DatabricksCredentials::Kind::PersonalAccessToken;
    credentials.clientId = m2m ? m_ui->clientId->text().trimmed() : QString();
    credentials.secret = m_ui->secret->text().trimmed().toUtf8();
    if (credentials.host.isEmpty())
        return setBusy(false, tr("Enter the workspace URL (https://…)."));
    if (m2m && credentials.clientId.isEmpty())
        return setBusy(false, tr("Enter the service principal's client id."));
    if (credentials.secret.isEmpty())
        return setBusy(false, m2m ? tr("Enter the client secret.") : tr("Enter the personal access token."));
    setBusy(true, m2m ? tr("Checking the client id and secret with %1…").arg(credentials.host)
                      : tr("Checking the token with %1…").arg(credentials.host));
    const QString host = credentials.host;
    m_workspaces->add(credentials, this, [this, host](const QString &error) {
        if (!error.isEmpty())
            return setBusy(false, error);
        // The secret field empties at once: nothing secret stays on screen.
        m_ui->secret->clear();
        m_ui->host->clear();
        m_ui->clientId->clear();
        if (m_chosen.isEmpty())
        {
            m_chosen = host;
            emit workspaceChosen(host);
        }
        reload();
        setBusy(false, tr("Saved the credentials for %1.").arg(host));
    });
}

void DatabricksDialog::removeSelected()
{
    const QString host = selectedHost();
    if (host.isEmpty())
        return;
    setBusy(true, tr("Removing %1…").arg(host));
    m_workspaces->remove(host, this, [this, host](const QString &error) {
        if (host == m_chosen)
        {
            m_chosen.clear();
            emit workspaceChosen(QString());
        }
        reload();
        setBusy(false, error.isEmpty() ? tr("Removed %1 and its credentials.").arg(host) : error);
    });
}

void DatabricksDialog::useSelected()
{
    const QString host = selectedHost();
    if (host.isEmpty())
        return;
    m_chosen = host;
    emit workspaceChosen(host);
    reload();
    const QString profile = DatabricksWorkspaces::profileName(host);
    setBusy(false, tr("Runs to Volumes and DBFS now write to %1.")
                       .arg(profile.isEmpty() ? host : tr("the workspace of profile %1 (~/.databrickscfg)").arg(profile)));
}

void DatabricksDialog::setOpenUrl(std::function<void(const QUrl &)> openUrl)
{
    m_openUrl = std::move(openUrl);
}

void DatabricksDialog::setUpBrowserSignIn()
{
    m_signInButton = new QPushButton(tr("&Sign in to Databricks…"), this);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setToolTip(tr("Sign in to a workspace as yourself in the browser; no token to create or paste."));
    m_ui->listButtons->insertWidget(0, m_signInButton);
    connect(m_signInButton, &QPushButton::clicked, this, &DatabricksDialog::askBrowserSignIn);
}

void DatabricksDialog::askBrowserSignIn()
{
    // The workspace URL (the one typed below, if any) and, rarely needed, the OAuth app to sign in with.
    auto *ask = new QDialog(this);
    ask->setObjectName(u"browserSignInDialog"_s);
    ask->setWindowTitle(tr("Sign in to Databricks"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout(ask);
    auto *host = new QLineEdit(m_ui->host->text().trimmed(), ask);
    host->setObjectName(u"signInHost"_s);
    host->setPlaceholderText(m_ui->host->placeholderText());
    host->setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 50);
    auto *clientId = new QLineEdit(ask);
    clientId->setObjectName(u"signInClientId"_s);
    clientId->setPlaceholderText(QString::fromLatin1(Auth::databricksDefaultClientId));
    form->addRow(tr("Workspace &URL:"), host);
    form->addRow(tr("OAuth &app (client id):"), clientId);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, ask);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, ask, &QDialog::reject);
    connect(ask, &QDialog::accepted, this,
            [this, host, clientId] { browserSignIn(host->text().trimmed(), clientId->text().trimmed()); });
    ask->open();
}

void DatabricksDialog::browserSignIn(const QString &hostText, const QString &clientId)
{
    if (Auth::DatabricksCredentials::normaliseHost(hostText).isEmpty())
        return setBusy(false, tr("Enter the workspace URL (https://…)."));
    setBusy(true, tr("Waiting for the sign-in in the browser (%1)…").arg(Auth::DatabricksCredentials::normaliseHost(hostText)));
    const auto openUrl = m_openUrl ? m_openUrl : [](const QUrl &url) { QDesktopServices::openUrl(url); };
    m_workspaces->signIn(hostText, clientId, openUrl, this, [this](const QString &host, const QString &error) {
        if (!error.isEmpty())
            return setBusy(false, error);
        if (m_chosen.isEmpty())
        {
            m_chosen = host;
            emit workspaceChosen(host);
        }
        reload();
        setBusy(false, tr("Signed in to %1.").arg(host));
    });
}
