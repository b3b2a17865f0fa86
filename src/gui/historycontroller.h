// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/journalrows.h"

#include <QObject>

class AccountController;
class HistoryView;
class QAction;
class QLabel;
class QMainWindow;
class QToolBar;
class RunFlow;

/**
 * The app's side of the journal (issue 11): the start-up offer to resume an interrupted job, File → History,
 * and running a job again, through the window's RunFlow (the same checks and plan as Start).
 *
 * At construction the journal (Journal::Store::defaultPath()) is read through a Journal::Reader; when a job's
 * last run never ended, a bar above the window's pages says "Resume the ingest of N files into <destination>?"
 * with Resume (a run of that job: the engine goes on where it stopped) and Dismiss. The bar goes when either is
 * chosen or a run starts. Resume and Run again need an account shown and no run in flight.
 */
class HistoryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryController)

public:
    struct Parts
    {
        QMainWindow *window = nullptr; ///< the bar's and the view's parent, its status line for problems
        AccountController *accounts = nullptr;
        RunFlow *run = nullptr;
    };

    explicit HistoryController(const Parts &parts, QObject *parent = nullptr);
    ~HistoryController() override;

    [[nodiscard]] static QString journalPath();

    /// The start-up offer; nullptr when there was nothing to offer.
    [[nodiscard]] QToolBar *resumeBar() const { return m_bar; }
    [[nodiscard]] QString resumeText() const;
    [[nodiscard]] QAction *resumeAction() const { return m_resume; }
    [[nodiscard]] QAction *dismissAction() const { return m_dismiss; }
    /// The History view once shown; nullptr before.
    [[nodiscard]] HistoryView *historyView() const { return m_view; }

public slots:
    /// File → History: shows (or raises) the non-modal History view.
    void showHistory();
    /// A run of the job's sources into its destination, as Start would run it.
    void runJob(const Journal::JobRow &job);

private:
    void offerResume();
    void dismiss();
    void updateActions();

    Parts m_parts;
    QToolBar *m_bar = nullptr; // the window's child, as the view
    QLabel *m_text = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_dismiss = nullptr;
    Journal::JobRow m_interrupted;
    HistoryView *m_view = nullptr;
};
