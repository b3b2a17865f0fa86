// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobscommand.h"

#include "exitcode.h"
#include "journaloptions.h"

#include "destinations/destination.h"
#include "destinations/destinationfactory.h"
#include "journal/store.h"
#include "transfer/jobtally.h"
#include "util/units.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTextStream>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss'Z'"_s) : u"-"_s;
}

/// Runs `start`, which calls back (maybe at once, maybe later through the event loop), and waits for it.
void await(const std::function<void(std::function<void()>)> &start)
{
    QEventLoop loop;
    bool answered = false;
    start([&] {
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
}

QString shortKey(const QString &key)
{
    return key.left(12);
}

/// Opens the journal for a command that reads it; the error message otherwise.
QString openJournal(Journal::Store &store, const QString &path)
{
    if (!QFileInfo::exists(path))
        return QCoreApplication::translate("Cli::JobsCommand", "No journal at %1: no job has run yet.").arg(path);
    const Journal::Result opened = store.open(path);
    return opened.ok() ? QString() : opened.message;
}
} // namespace

std::optional<Journal::JobRow> findJob(const Journal::Store &store, const QString &nameOrKey, QString *error)
{
    if (std::optional<Journal::JobRow> named = store.jobByName(nameOrKey, error))
        return named;
    if (std::optional<Journal::JobRow> keyed = store.jobByKey(nameOrKey, error))
        return keyed;
    QList<Journal::JobRow> matches;
    if (nameOrKey.size() >= 6)
    {
        for (const Journal::JobRow &job : store.jobs(error))
        {
            if (job.key.startsWith(nameOrKey))
                matches.append(job);
        }
    }
    if (matches.size() == 1)
        return matches.first();
    *error = matches.isEmpty()
        ? QCoreApplication::translate("Cli::JobsCommand", "No job named or keyed \"%1\" ('jobs' lists them).").arg(nameOrKey)
        : QCoreApplication::translate("Cli::JobsCommand", "\"%1\" starts the keys of several jobs: give more of it.").arg(nameOrKey);
    return std::nullopt;
}

JobsCommand::JobsCommand(const Streams &streams)
    : Command(u"jobs"_s, tr("List the journal's jobs; 'jobs show NAME|KEY' lists a job's runs, 'jobs forget NAME|KEY' forgets it."), streams)
{
}

QList<QCommandLineOption> JobsCommand::options() const
{
    return {journalFileOption()};
}

QList<QPair<QString, QString>> JobsCommand::positionals() const
{
    return {{u"[show|forget NAME|KEY]"_s, tr("A job by its --job name or its key (a unique start of 6 characters or more)")}};
}

QString JobsCommand::epilogue() const
{
    return tr("A job is the same sources into the same destination: running the same ingest again goes on with it\n"
              "(files done in an earlier run are skipped at once). Forgetting a job changes nothing at the destination.\n"
              "Exit codes: 0 fine, 2 usage, 5 the journal cannot be read (in use by a running ingest, damaged, newer).\n");
}

int JobsCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    const QStringList words = parser.positionalArguments();
    const QString verb = words.value(0);
    if (!(words.isEmpty() || ((verb == "show"_L1 || verb == "forget"_L1) && words.size() == 2)))
        return usageError(tr("expected no argument, 'show NAME|KEY' or 'forget NAME|KEY'"));

    Journal::Store store;
    if (const QString problem = openJournal(store, journalPathOf(parser)); !problem.isEmpty())
    {
        if (words.isEmpty() && !QFileInfo::exists(journalPathOf(parser)))
        {
            out() << problem << u"\n"_s;
            out().flush();
            return ExitSuccess;
        }
        return failWith(ExitJournal, problem);
    }
    if (words.isEmpty())
        return list(store);
    QString error;
    const std::optional<Journal::JobRow> job = findJob(store, words.at(1), &error);
    if (!job)
        return failWith(ExitUsage, error);
    if (verb == "show"_L1)
        return show(store, *job);
    if (const Journal::Result forgotten = store.forgetJob(job->id); !forgotten.ok())
        return failWith(ExitJournal, forgotten.message);
    out() << tr("Forgot job %1 (%2); nothing at %3 was changed.")
                 .arg(job->name.isEmpty() ? shortKey(job->key) : job->name, job->sources.join(u", "_s), job->destination)
          << u"\n"_s;
    out().flush();
    return ExitSuccess;
}

int JobsCommand::list(Journal::Store &store)
{
    QString error;
    const QList<Journal::JobRow> jobs = store.jobs(&error);
    if (!error.isEmpty())
        return failWith(ExitJournal, error);
    if (jobs.isEmpty())
        out() << tr("No jobs yet.") << u"\n"_s;
    for (const Journal::JobRow &job : jobs)
    {
        const QList<Journal::RunRow> runs = store.runs(job.id);
        const Transfer::JobTally tally = Transfer::JobTally::of(store.countsByState(job.id));
        const qint64 bytes = store.bytesByState(job.id).value(u"done"_s);
        QString lastRun = tr("never");
        if (!runs.isEmpty())
        {
            const Journal::RunRow &last = runs.last();
            lastRun = timeText(last.started) + u" "_s
                + (last.outcome.isEmpty() ? (last.ended.isValid() ? QString() : tr("interrupted")) : last.outcome);
        }
        out() << (job.name.isEmpty() ? u"-"_s : job.name) << u"  "_s << tr("key %1").arg(shortKey(job.key)) << u"\n"_s
              << u"  "_s << tr("sources: %1").arg(job.sources.join(u", "_s)) << u"\n"_s
              << u"  "_s << tr("destination: %1").arg(job.destination) << u"\n"_s
              << u"  "_s << tr("last run: %1 (%n run(s))", nullptr, int(runs.size())).arg(lastRun) << u"\n"_s
              << u"  "_s
              << tr("files: %1 done, %2 failed, %3 pending, %4 skipped; %5 landed")
                     .arg(tally.done)
                     .arg(tally.failed)
                     .arg(tally.pending)
                     .arg(tally.skipped)
                     .arg(Util::formatBytes(bytes))
              << u"\n"_s;
    }
    out().flush();
    return ExitSuccess;
}

int JobsCommand::show(Journal::Store &store, const Journal::JobRow &job)
{
    out() << (job.name.isEmpty() ? u"-"_s : job.name) << u"  "_s << tr("key %1").arg(job.key) << u"\n"_s
          << u"  "_s << tr("sources: %1").arg(job.sources.join(u", "_s)) << u"\n"_s
          << u"  "_s << tr("destination: %1").arg(job.destination) << u"\n"_s
          << u"  "_s << tr("created: %1").arg(timeText(job.created)) << u"\n"_s;
    for (const Journal::RunRow &run : store.runs(job.id))
    {
        const QList<Journal::FileRow> receipts = store.receipts(run.id);
        qint64 done = 0;
        qint64 bytes = 0;
        for (const Journal::FileRow &row : receipts)
        {
            done += row.state == "done"_L1 ? 1 : 0;
            bytes += row.bytes;
        }
        const QString outcome = run.outcome.isEmpty() ? (run.ended.isValid() ? u"-"_s : tr("interrupted")) : run.outcome;
        out() << tr("run %1: started %2, ended %3, %4; %5 file(s) touched, %6 done, %7 moved")
                     .arg(run.id)
                     .arg(timeText(run.started), timeText(run.ended), outcome)
                     .arg(receipts.size())
                     .arg(done)
                     .arg(Util::formatBytes(bytes))
              << u"\n"_s;
    }
    out().flush();
    return ExitSuccess;
}

VerifyCommand::VerifyCommand(const Streams &streams)
    : Command(u"verify"_s, tr("Check a job's files at its destination against the journal's receipts: missing, changed and extra files."), streams)
{
}

QList<QCommandLineOption> VerifyCommand::options() const
{
    return {journalFileOption()};
}

QList<QPair<QString, QString>> VerifyCommand::positionals() const
{
    return {{u"JOB"_s, tr("A job by its --job name or its key ('jobs' lists them)")}};
}

int VerifyCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("expected one JOB"));
    Journal::Store store;
    if (const QString problem = openJournal(store, journalPathOf(parser)); !problem.isEmpty())
        return failWith(ExitJournal, problem);
    QString error;
    const std::optional<Journal::JobRow> job = findJob(store, parser.positionalArguments().first(), &error);
    if (!job)
        return failWith(ExitUsage, error);
    const QList<Journal::FileRow> receipts = store.files(job->id, u"done"_s, -1, &error);
    if (!error.isEmpty())
        return failWith(ExitJournal, error);
    store.close(); // an ingest may run while the destination is checked

    const std::optional<Dest::DestinationSpec> spec = Dest::DestinationSpec::parse(job->destination, &error);
    if (!spec)
        return failWith(ExitDestination, error);
    if (spec->isDatabricks())
        return failWith(ExitUsage, tr("verify checks local folders only for now; %1 is a Databricks destination")
                                       .arg(job->destination));
    const std::optional<Dest::DestinationFactory> factory = Dest::destinationFactory(*spec, std::nullopt, &error);
    if (!factory)
        return failWith(ExitDestination, error);
    QNetworkAccessManager nam;
    QObject owner;
    Dest::Destination *destination = (*factory)(&nam, &owner);

    int missing = 0;
    int changed = 0;
    QSet<QString> named;
    QSet<QString> folders {QString()};
    for (const Journal::FileRow &row : receipts)
    {
        named.insert(row.relativePath);
        folders.insert(row.relativePath.contains(u'/') ? row.relativePath.section(u'/', 0, -2) : QString());
        std::optional<Dest::Existing> existing;
        Net::Error probeError;
        await([&](std::function<void()> answered) {
            destination->probe(row.relativePath, [&, answered](std::optional<Dest::Existing> found, const Net::Error &e) {
                existing = found;
                probeError = e;
                answered();
            });
        });
        if (probeError.isError())
            return failWith(ExitDestination, probeError.message);
        if (!existing)
        {
            ++missing;
            out() << tr("missing: %1").arg(row.relativePath) << u"\n"_s;
            continue;
        }
        const qint64 expected = row.size >= 0 ? row.size : (row.bytes > 0 ? row.bytes : -1);
        const QString algo = row.computedHash.section(u':', 0, 0);
        const QString hex = row.computedHash.section(u':', 1);
        const QString there = algo == "sha256"_L1 ? existing->sha256 : existing->md5;
        const bool sizeDiffers = expected >= 0 && existing->size != expected;
        const bool hashDiffers = !hex.isEmpty() && !there.isEmpty() && there.compare(hex, Qt::CaseInsensitive) != 0;
        if (sizeDiffers || hashDiffers)
        {
            ++changed;
            out() << (sizeDiffers ? tr("changed: %1 (%2 bytes, the receipt says %3)").arg(row.relativePath).arg(existing->size).arg(expected)
                                  : tr("changed: %1 (%2 %3, the receipt says %4)").arg(row.relativePath, algo, there, hex))
                  << u"\n"_s;
        }
    }

    // Extra: files in the job's folders that no receipt names (our own _drive_ingest/ and partials aside).
    int extra = 0;
    QStringList sortedFolders = folders.values();
    std::sort(sortedFolders.begin(), sortedFolders.end());
    QString listProblem;
    for (const QString &folder : std::as_const(sortedFolders))
    {
        QStringList names;
        Net::Error listError;
        await([&](std::function<void()> answered) {
            destination->listNames(folder, [&, answered](const QStringList &found, const Net::Error &e) {
                names = found;
                listError = e;
                answered();
            });
        });
        if (listError.isError())
        {
            listProblem = listError.message;
            break;
        }
        for (const QString &name : std::as_const(names))
        {
            const QString path = folder.isEmpty() ? name : folder + u'/' + name;
            if (name.startsWith(u'.') || path.startsWith(u"_drive_ingest/"_s) || named.contains(path))
                continue;
            ++extra;
            out() << tr("extra: %1").arg(path) << u"\n"_s;
        }
    }
    out() << tr("%1 file(s) checked: %2 missing, %3 changed, %4 extra.")
                 .arg(receipts.size())
                 .arg(missing)
                 .arg(changed)
                 .arg(extra)
          << u"\n"_s;
    if (!listProblem.isEmpty())
        out() << tr("Extra files were not looked for: %1").arg(listProblem) << u"\n"_s;
    out().flush();
    return missing + changed + extra > 0 ? int(ExitFilesFailed) : int(ExitSuccess);
}

} // namespace Cli
