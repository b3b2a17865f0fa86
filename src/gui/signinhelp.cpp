// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinhelp.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace SignInHelp
{
namespace
{
QString whatItIs()
{
    return QCoreApplication::translate("SignInHelp", "<p>Drive Ingest signs in to Google with an <b>OAuth client of your own</b>: a small JSON file "
              "(<tt>client_secret_….json</tt>) that tells Google which app asks for access. It is not your password. "
              "Drive Ingest remembers where the file is; the client secret and your sign-in go to the system keychain.</p>");
}
} // namespace

QUrl readmeUrl()
{
    return QUrl(QStringLiteral(DI_HOMEPAGE) + u"#sign-in-to-google"_s);
}

QString stepsHtml()
{
    return QCoreApplication::translate("SignInHelp", "<p>Making one takes a few minutes, once:</p><ol>"
              "<li>In the <a href=\"https://console.cloud.google.com/\">Google Cloud console</a>, create or pick a project "
              "and enable the <b>Google Drive API</b> (APIs &amp; Services → Library).</li>"
              "<li><b>Google Auth Platform</b> → <i>Get started</i>: an app name, your e-mail, audience <b>External</b> "
              "(or <b>Internal</b> if everyone is in your Workspace organisation).</li>"
              "<li><i>Data access</i> → add the scope <tt>https://www.googleapis.com/auth/drive.readonly</tt>.</li>"
              "<li><i>Audience</i> → while the app is in “Testing”, add yourself (and every other user) as a <b>test user</b>.</li>"
              "<li><i>Clients</i> → <i>Create client</i> → application type <b>Desktop app</b> → download its JSON file.</li>"
              "</ol><p>Then choose that file in <i>Accounts → Sign in with Google…</i>. "
              "These steps are also under <i>Help → Setting up Google sign-in</i> and in the README, "
              "<a href=\"%1\">“Sign in to Google”</a>.</p>")
        .arg(readmeUrl().toString());
}

bool explainClientFile(QWidget *parent)
{
    QMessageBox box(QMessageBox::Information, QCoreApplication::translate("SignInHelp", "Sign in with Google"), QString(), QMessageBox::NoButton, parent);
    box.setObjectName(u"clientFileHelp"_s);
    box.setTextFormat(Qt::RichText);
    box.setText(whatItIs());
    box.setInformativeText(stepsHtml());
    box.setTextInteractionFlags(Qt::TextBrowserInteraction);
    QPushButton *choose = box.addButton(QCoreApplication::translate("SignInHelp", "Choose the client file…"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(choose);
    box.exec();
    return box.clickedButton() == choose;
}

void showSteps(QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information, QCoreApplication::translate("SignInHelp", "Setting up Google sign-in"), whatItIs(), QMessageBox::Close, parent);
    box->setObjectName(u"signInSteps"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setInformativeText(stepsHtml());
    box->setTextInteractionFlags(Qt::TextBrowserInteraction);
    box->setModal(false);
    box->show();
}
} // namespace SignInHelp
