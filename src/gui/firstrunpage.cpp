// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunpage.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

FirstRunPage::FirstRunPage(QWidget *parent)
    : QWidget(parent)
{
    // A centred column of bounded width: word-wrapped labels get their full height only when the layout
    // itself gives them the width (an alignment flag on the label would clip the text).
    auto *outer = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *column = new QWidget(this);
    column->setMaximumWidth(fontMetrics().horizontalAdvance(u'x') * 80);
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    auto *layout = new QVBoxLayout(column);

    auto *icon = new QLabel(column);
    icon->setPixmap(Icons::get(u"drive-ingest"_s).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);

    auto *title = new QLabel(tr("Welcome to Drive Ingest"), column);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    layout->addWidget(title);

    auto *text = new QLabel(tr("Copy files and folders from Google Drive into a Databricks Volume, DBFS or a local "
                               "folder, streamed and verified. Sign in to start, or try the whole flow with the "
                               "built-in sandbox: no account needed."),
                            column);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    layout->addWidget(text);
    layout->addSpacing(12);

    m_google = new QPushButton(tr("Sign in with Google"), column);
    m_google->setDefault(true);
    m_sandbox = new QPushButton(tr("Try it with the sandbox"), column);
    for (QPushButton *b : {m_google, m_sandbox})
    {
        b->setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 40);
        layout->addWidget(b, 0, Qt::AlignHCenter);
    }
    connect(m_google, &QPushButton::clicked, this, &FirstRunPage::signInWithGoogle);
    connect(m_sandbox, &QPushButton::clicked, this, &FirstRunPage::trySandbox);

    m_status = new QLabel(column);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
}

void FirstRunPage::setBusy(bool busy, const QString &message)
{
    m_google->setEnabled(!busy);
    m_sandbox->setEnabled(!busy);
    m_status->setText(message);
}
