// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestlogpanel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

IngestLogPanel::IngestLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_log(new QLabel(this))
    , m_snippetTitle(new QLabel(tr("Load the landed files with Databricks SQL:"), this))
    , m_snippet(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy SQL"), this))
{
    setObjectName(u"ingestLogPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_log->setObjectName(u"ingestLogText"_s);
    m_log->setWordWrap(true);
    m_log->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_log);
    layout->addWidget(m_snippetTitle);
    m_snippet->setObjectName(u"loadSnippet"_s);
    m_snippet->setReadOnly(true);
    m_snippet->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_snippet->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_snippet->setMaximumHeight(m_snippet->fontMetrics().lineSpacing() * 12); // both statements, not the whole report
    layout->addWidget(m_snippet);
    auto *row = new QHBoxLayout;
    row->addStretch();
    m_copy->setObjectName(u"copyLoadSnippet"_s);
    m_copy->setToolTip(tr("Copy both statements to the clipboard"));
    row->addWidget(m_copy);
    layout->addLayout(row);
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(snippetText()); });
    clear();
}

void IngestLogPanel::clear()
{
    setLogText({});
    setSnippet(std::nullopt);
}

void IngestLogPanel::setLogText(const QString &text, bool failed)
{
    m_log->setText(text);
    QFont font = m_log->font();
    font.setBold(failed); // a log that failed is a problem to see, not a detail
    m_log->setFont(font);
    m_log->setVisible(!text.isEmpty());
}

void IngestLogPanel::setSnippet(const std::optional<Transfer::LoadSnippet> &snippet)
{
    m_snippet->setPlainText(snippet ? snippet->text() : QString());
    for (QWidget *w : {static_cast<QWidget *>(m_snippetTitle), static_cast<QWidget *>(m_snippet), static_cast<QWidget *>(m_copy)})
        w->setVisible(snippet.has_value());
}

QString IngestLogPanel::logText() const
{
    return m_log->text();
}

QString IngestLogPanel::snippetText() const
{
    return m_snippet->toPlainText();
}
