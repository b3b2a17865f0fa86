// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/runoutcome.h"

#include "util/redactor.h"

namespace Transfer
{

QString outcomeName(Outcome outcome)
{
    for (const OutcomeRow &row : outcomeTable)
    {
        if (row.outcome == outcome)
            return QString::fromLatin1(row.name);
    }
    return {};
}

RunOutcome RunOutcome::of(const Report &report, const Stops &stops)
{
    RunOutcome result;
    std::optional<QString> authFailure = stops.authFailure;
    for (const FileStatus &file : report.files)
    {
        if (file.state != FileState::Failed && file.state != FileState::Parked)
            continue;
        ++result.problems;
        // A refused token that could not be refreshed fails files rather than the run: still an auth failure.
        if (file.lastError.errorClass == Net::ErrorClass::Auth && !authFailure)
            authFailure = file.lastError.message.isEmpty() ? file.lastError.reason : file.lastError.message;
    }

    if (stops.localFailure && stops.localFailure->reason.startsWith(QLatin1StringView("journal")))
    {
        result.outcome = Outcome::JournalFailed;
        result.message = stops.localFailure->message;
    }
    else if (stops.interruption)
    {
        result.outcome = Outcome::Interrupted;
        result.message = *stops.interruption;
    }
    else if (stops.localFailure)
    {
        result.outcome = Outcome::DestinationFailed;
        const Net::Error &error = *stops.localFailure;
        result.message = error.message.isEmpty() ? error.toString() : error.message;
    }
    else if (authFailure)
    {
        result.outcome = Outcome::AuthFailed;
        result.message = *authFailure;
    }
    else if (result.problems > 0)
    {
        result.outcome = Outcome::FilesFailed;
    }
    result.message = Util::redact(result.message);
    return result;
}

} // namespace Transfer
