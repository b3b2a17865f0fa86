// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunpage.h"

#include "icons.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

FirstRunPage::FirstRunPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::get(u"drive-ingest"_s).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);

    auto *title = new QLabel(tr("Welcome to Drive Ingest"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);

    auto *text = new QLabel(tr("Copy files and folders from Google Drive into a Databricks Volume, DBFS or a local "
                               "folder, streamed and verified. Sign in to start, or try the whole flow with the "
                               "built-in sandbox: no account needed."),
                            this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(560);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(12);

    m_google = new QPushButton(tr("Sign in with Google"), this);
    m_google->setDefault(true);
    m_sandbox = new QPushButton(tr("Try it with the sandbox"), this);
    for (QPushButton *b : {m_google, m_sandbox})
    {
        b->setMinimumWidth(260);
        layout->addWidget(b, 0, Qt::AlignHCenter);
    }
    connect(m_google, &QPushButton::clicked, this, &FirstRunPage::signInWithGoogle);
    connect(m_sandbox, &QPushButton::clicked, this, &FirstRunPage::trySandbox);

    m_status = new QLabel(this);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addStretch(2);
}

void FirstRunPage::setBusy(bool busy, const QString &message)
{
    m_google->setEnabled(!busy);
    m_sandbox->setEnabled(!busy);
    m_status->setText(message);
}
