// SPDX-License-Identifier: GPL-3.0-or-later
#include "journaloptions.h"

#include "optionnames.h"

#include "journal/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::JournalOptions", text);
}
} // namespace

QCommandLineOption journalFileOption()
{
    return {Opt::journal,
            tr("The journal (an SQLite file) that remembers jobs, runs and files (default "
               "$XDG_STATE_HOME/drive-ingest/journal.sqlite, else ~/.local/state/drive-ingest/journal.sqlite)."),
            u"FILE"_s};
}

QList<QCommandLineOption> journalOptions()
{
    return {
        journalFileOption(),
        {Opt::noJournal, tr("Run without the journal: remember nothing, skip nothing an earlier run did (as before "
                            "journals existed).")},
        {Opt::job, tr("Name this job (the same sources into the same destination are one job either way); 'jobs' "
                      "lists them."),
         u"NAME"_s},
        {Opt::verify, tr("Check files an earlier run finished at the destination again instead of trusting the "
                         "journal.")},
        {Opt::mirror, tr("On a rerun, delete the copies this job landed of files removed from Drive or moved out of "
                         "the sources (never anything else); without it they are reported and left.")},
    };
}

QString journalPathOf(const QCommandLineParser &parser)
{
    return parser.isSet(Opt::journal) ? QFileInfo(parser.value(Opt::journal)).absoluteFilePath()
                                      : Journal::Store::defaultPath();
}

bool applyJournalOptions(const QCommandLineParser &parser, Transfer::RunOptions *options, QString *error)
{
    if (parser.isSet(Opt::noJournal) && (parser.isSet(Opt::journal) || parser.isSet(Opt::job) || parser.isSet(Opt::mirror)))
    {
        *error = tr("--no-journal cannot be combined with --journal, --job or --mirror");
        return false;
    }
    if (parser.isSet(Opt::journal) && parser.value(Opt::journal).isEmpty())
    {
        *error = tr("--journal takes a file name");
        return false;
    }
    if (parser.isSet(Opt::job) && parser.value(Opt::job).trimmed().isEmpty())
    {
        *error = tr("--job takes a name");
        return false;
    }
    options->journalPath = parser.isSet(Opt::noJournal) ? QString() : journalPathOf(parser);
    options->jobName = parser.value(Opt::job).trimmed();
    options->verifyDone = parser.isSet(Opt::verify);
    options->mirror = parser.isSet(Opt::mirror);
    return true;
}

} // namespace Cli
