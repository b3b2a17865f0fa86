// SPDX-License-Identifier: GPL-3.0-or-later
#include "runoutcome.h"

#include "exitcode.h"

#include "util/redactor.h"

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

ReportWriter::RunInfo RunOutcome::classify(const Transfer::Report &report, int *problems)
{
    *problems = 0;
    for (const Transfer::FileStatus &file : report.files)
    {
        if (file.state == Transfer::FileState::Failed || file.state == Transfer::FileState::Parked)
        {
            ++*problems;
            // A refused token that could not be refreshed fails files rather than the run: still exit 3.
            if (file.lastError.errorClass == Net::ErrorClass::Auth && !authFailure)
            {
                authFailure = file.lastError.message.isEmpty() ? file.lastError.reason : file.lastError.message;
            }
        }
    }

    ReportWriter::RunInfo info;
    if (signalNumber != 0)
    {
        info.exitCode = ExitInterrupted;
        info.outcome = u"interrupted"_s;
        info.message = tr("interrupted by %1").arg(signalName(signalNumber));
    }
    else if (localFailure)
    {
        info.exitCode = ExitDestination;
        info.outcome = u"destination-failed"_s;
        info.message = localFailure->message.isEmpty() ? localFailure->toString() : localFailure->message;
    }
    else if (authFailure)
    {
        info.exitCode = ExitAuth;
        info.outcome = u"auth-failed"_s;
        info.message = *authFailure;
    }
    else if (*problems > 0)
    {
        info.exitCode = ExitFilesFailed;
        info.outcome = u"files-failed"_s;
    }
    else
    {
        info.exitCode = ExitSuccess;
        info.outcome = u"completed"_s;
    }
    info.message = Util::redact(info.message);
    return info;
}

QString RunOutcome::closingWords(const Transfer::Report &report, const ReportWriter::RunInfo &info) const
{
    QString text;
    if (info.exitCode == ExitInterrupted)
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
    if (sandbox && info.exitCode == ExitFilesFailed)
    {
        text += tr("Note (sandbox): its demo tree fails some files on purpose (the Faulty folder, a dangling "
                   "shortcut, a form that cannot be exported), so a run of the whole demo ends with exit code 1.")
            + u'\n';
    }
    return text;
}

} // namespace Cli
