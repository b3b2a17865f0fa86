// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycontroller.h"

#include "accountcontroller.h"
#include "drive/sharelink.h"
#include "historyview.h"
#include "journal/store.h"
#include "runcontroller.h"
#include "sourceitem.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

HistoryController::HistoryController(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    connect(m_parts.accounts, &AccountController::sessionChanged, this, &HistoryController::updateActions);
    connect(m_parts.run, &RunFlow::changed, this, &HistoryController::updateActions);
    // Whatever run starts, the offer has had its answer.
    connect(m_parts.run, &RunFlow::launching, this, &HistoryController::dismiss);
    offerResume();
    updateActions();
}

HistoryController::~HistoryController() = default;

QString HistoryController::journalPath()
{
    return Journal::Store::defaultPath();
}

void HistoryController::offerResume()
{
    Journal::Reader reader;
    if (!reader.open(journalPath()).ok())
        return; // the History view says why; a start-up says nothing
    const std::optional<JobHistory::Interrupted> job = JobHistory::interruptedJob(reader);
    if (!job)
        return;
    m_interrupted = job->job;
    const qint64 files = job->filesNotDone;
    m_bar = new QToolBar(tr("Interrupted ingest"), m_parts.window);
    m_bar->setObjectName(u"resumeOffer"_s);
    m_bar->setMovable(false);
    m_bar->setFloatable(false);
    m_bar->toggleViewAction()->setVisible(false);
    m_bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // English source texts for one and for many (the project's way: untranslated English reads right too).
    const int n = int(std::min<qint64>(files, std::numeric_limits<int>::max()));
    const QString question = files == 0 ? tr("Resume the interrupted ingest into %1?")
        : files == 1                    ? tr("Resume the ingest of %Ln file into %1?", nullptr, n)
                                        : tr("Resume the ingest of %Ln files into %1?", nullptr, n);
    m_text = new QLabel(question.arg(m_interrupted.destination), m_bar);
    m_text->setToolTip(JobHistory::jobTitle(m_interrupted));
    m_bar->addWidget(m_text);
    m_resume = m_bar->addAction(m_bar->style()->standardIcon(QStyle::SP_MediaPlay), tr("Resume"), this,
                                [this] { runJob(m_interrupted); });
    m_dismiss = m_bar->addAction(m_bar->style()->standardIcon(QStyle::SP_DialogCloseButton), tr("Dismiss"), this,
                                 &HistoryController::dismiss);
    m_parts.window->addToolBar(Qt::TopToolBarArea, m_bar);
}

QString HistoryController::resumeText() const
{
    return m_text ? m_text->text() : QString();
}

void HistoryController::dismiss()
{
    if (m_bar)
        m_bar->hide();
}

void HistoryController::updateActions()
{
    const bool signedIn = m_parts.accounts->session().isValid();
    const bool canStart = signedIn && !m_parts.run->isRunning() && !m_parts.run->isChecking();
    if (m_resume)
    {
        m_resume->setEnabled(canStart);
        m_resume->setToolTip(signedIn ? QString() : tr("Sign in to the account first."));
    }
    if (m_view)
        m_view->setRunAgainAllowed(canStart);
}

void HistoryController::showHistory()
{
    if (!m_view)
    {
        m_view = new HistoryView(journalPath(), m_parts.window);
        connect(m_view, &HistoryView::runAgain, this, &HistoryController::runJob);
        // A run that ends has written its receipts.
        connect(m_parts.run, &RunFlow::changed, m_view, [this] {
            if (m_view->isVisible() && !m_parts.run->isRunning())
                m_view->refresh();
        });
        updateActions();
    }
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
}

void HistoryController::runJob(const Journal::JobRow &job)
{
    QString error;
    const std::optional<DestinationChoice> destination = DestinationChoice::fromText(job.destination, &error);
    if (!destination)
    {
        m_parts.window->statusBar()->showMessage(tr("Cannot run the job again: %1").arg(error), 10000);
        return;
    }
    // The journal keeps the sources' Drive ids (a share link's text works too).
    QList<SourceItem> sources;
    for (const QString &text : job.sources)
    {
        SourceItem item;
        item.ref = Drive::parseDriveRef(text).value_or(Drive::DriveRef{text, {}, Drive::DriveRef::Kind::Unknown});
        sources.append(item);
    }
    m_parts.run->startJob(m_parts.accounts->session(), sources, *destination);
}
