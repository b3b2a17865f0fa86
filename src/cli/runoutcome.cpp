// SPDX-License-Identifier: GPL-3.0-or-later
#include "runoutcome.h"

#include "exitcode.h"

#include "transfer/reportformat.h"

#include <csignal>

using namespace Qt::StringLiterals;

namespace Cli
{

QString RunOutcome::signalName(int signalNumber)
{
    if (signalNumber == SIGINT)
    {
        return tr("Ctrl-C (SIGINT)");
    }
    if (signalNumber == SIGTERM)
    {
        return u"SIGTERM"_s;
    }
    return tr("signal %1").arg(signalNumber);
}

QString RunOutcome::stoppingMessage(int signalNumber)
{
    const QString again = signalNumber == SIGINT ? tr("Press Ctrl-C again to quit at once.")
                                                 : tr("A second %1 quits at once.").arg(signalName(signalNumber));
    return tr("Stopping on %1: finished files stay, unfinished ones leave nothing behind. %2")
        .arg(signalName(signalNumber), again);
}

// One table of exit codes: the core's, which the app's reports use too.
static_assert(Transfer::exitCodeOf(Transfer::Outcome::Completed) == ExitSuccess);
static_assert(Transfer::exitCodeOf(Transfer::Outcome::FilesFailed) == ExitFilesFailed);
static_assert(Transfer::exitCodeOf(Transfer::Outcome::AuthFailed) == ExitAuth);
static_assert(Transfer::exitCodeOf(Transfer::Outcome::DestinationFailed) == ExitDestination);
static_assert(Transfer::exitCodeOf(Transfer::Outcome::Interrupted) == ExitInterrupted);
static_assert(Transfer::exitCodeOf(Transfer::Outcome::JournalFailed) == ExitJournal);

Transfer::RunOutcome RunOutcome::classify(const Transfer::Report &report) const
{
    Transfer::RunOutcome::Stops stops;
    if (signalNumber != 0)
    {
        stops.interruption = tr("interrupted by %1").arg(signalName(signalNumber));
    }
    stops.localFailure = localFailure;
    stops.authFailure = authFailure;
    return Transfer::RunOutcome::of(report, stops);
}

bool RunOutcome::writeReport(const QString &path, const Transfer::Report &report, const Transfer::RunOutcome &outcome,
                             QString *error)
{
    return Transfer::ReportFormat::write(path, report, outcome, u"drive-ingest-cli"_s, error);
}

QString RunOutcome::closingWords(const Transfer::Report &report, const Transfer::RunOutcome &outcome) const
{
    QString text;
    if (outcome.outcome == Transfer::Outcome::Interrupted)
    {
        int finished = 0;
        for (const Transfer::FileStatus &file : report.files)
        {
            finished += file.state == Transfer::FileState::Done ? 1 : 0;
        }
        text += tr("Stopped by %1.").arg(signalName(signalNumber)) + u' ';
        // What is true today: a finished file is found in place and skipped; an unfinished one starts over.
        if (conflict != Dest::ConflictPolicy::Overwrite && conflict != Dest::ConflictPolicy::KeepBoth)
        {
            text += tr("Run the same command again to continue: the files finished so far (%1) are skipped, "
                       "the others are copied from the start.")
                        .arg(finished);
        }
        else
        {
            text += tr("The files finished so far (%1) stay; with this --on-conflict policy a new run copies "
                       "them again.")
                        .arg(finished);
        }
        text += u'\n';
    }
    if (sandbox && outcome.outcome == Transfer::Outcome::FilesFailed)
    {
        text += tr("Note (sandbox): its demo tree fails some files on purpose (the Faulty folder, a dangling "
                   "shortcut, a form that cannot be exported), so a run of the whole demo ends with exit code 1.")
            + u'\n';
    }
    return text;
}

} // namespace Cli
