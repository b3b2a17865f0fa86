// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/waitstatus.h"

#include "net/pacer.h"
#include "net/requestcounters.h"
#include "util/units.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
/// Whole seconds, rounded up: "next in 0 s" would be a lie while a wait is still running.
QString seconds(qint64 ms)
{
    return Util::formatDuration((std::max<qint64>(0, ms) + 999) / 1000);
}

/// A server's sentence as a clause: "The server refused the connection." -> "the server refused the connection".
QString clause(const Net::Error &error)
{
    QString text = error.message.isEmpty() ? error.reason : error.message;
    while (text.endsWith(u'.'))
        text.chop(1);
    if (text.size() > 1 && text.at(0).isUpper() && text.at(1).isLower())
        text[0] = text.at(0).toLower();
    return text;
}
} // namespace

std::optional<Wait> currentWait(const Net::Pacer *drivePacer, Net::RequestCounters &counters)
{
    if (drivePacer && drivePacer->isHolding())
    {
        Wait wait;
        wait.kind = Wait::Kind::ServerAsked;
        wait.what = u"Drive"_s;
        wait.remainingMs = drivePacer->holdRemainingMs();
        wait.askedMs = drivePacer->holdAsked().count();
        return wait;
    }
    int others = 0;
    const std::optional<Net::RetryNote> note = counters.waiting.latest(Net::monotonicMs(), &others);
    if (!note)
        return std::nullopt;
    Wait wait;
    wait.what = note->server;
    wait.error = note->error;
    wait.triesDone = note->triesDone;
    wait.maxTries = note->maxTries;
    wait.remainingMs = std::max<qint64>(0, note->retryAtMs - Net::monotonicMs());
    wait.others = others;
    return wait;
}

QString waitText(const Wait &wait)
{
    if (wait.kind == Wait::Kind::ServerAsked)
    {
        const qint64 capMs = Net::MaxServerWait.count();
        QString text = QCoreApplication::translate("Transfer::Wait", "%1 asked to wait %2 (throttled)")
                           .arg(wait.what, seconds(std::max(wait.askedMs, wait.remainingMs)));
        if (wait.askedMs > capMs)
            text += QCoreApplication::translate("Transfer::Wait", ", longer than the %1 any server may hold the run")
                        .arg(seconds(capMs));
        return text
            + QCoreApplication::translate("Transfer::Wait", "; requests resume in %1").arg(seconds(wait.remainingMs));
    }
    QString text = QCoreApplication::translate("Transfer::Wait", "retrying %1: %2 (try %3 of %4 failed, next in %5)")
                       .arg(wait.what, clause(wait.error))
                       .arg(wait.triesDone)
                       .arg(wait.maxTries)
                       .arg(seconds(wait.remainingMs));
    if (wait.others > 0)
        text += QCoreApplication::translate(
            "Transfer::Wait", "; %n more request(s) waiting to retry", nullptr, int(wait.others));
    return text;
}

} // namespace Transfer
