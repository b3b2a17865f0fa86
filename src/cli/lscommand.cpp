// SPDX-License-Identifier: GPL-3.0-or-later
#include "lscommand.h"

#include "commands.h"
#include "exitcode.h"
#include "optionnames.h"

#include "drive/driveclient.h"
#include "drive/drivejobs.h"
#include "drive/sharelink.h"
#include "drive/skipreason.h"
#include "drive/treewalker.h"
#include "net/network.h"
#include "net/pacer.h"
#include "net/tokenprovider.h"
#include "util/logging.h"
#include "util/units.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
const QString sharedDrivesWord = u"shared-drives"_s;
const QString sharedWithMeWord = u"shared-with-me"_s;

QString typeOf(const Drive::DriveFile &file, bool sharedDrive)
{
    if (sharedDrive)
    {
        return LsCommand::tr("drive");
    }
    if (file.isFolder())
    {
        return LsCommand::tr("folder");
    }
    if (file.isShortcut())
    {
        return LsCommand::tr("shortcut");
    }
    if (file.isGoogleApp())
    {
        return file.mimeType.mid(QLatin1StringView(Drive::GoogleAppsPrefix).size()); // document, spreadsheet, …
    }
    return LsCommand::tr("file");
}

QString line(const Drive::DriveFile &file, bool sharedDrive = false)
{
    const QString size = file.size >= 0 ? Util::formatBytes(file.size) : u"-"_s;
    const QString modified = file.modifiedTime.isValid() ? file.modifiedTime.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s;
    return typeOf(file, sharedDrive).leftJustified(12) + u' ' + size.rightJustified(10) + u"  "_s + modified.leftJustified(16)
        + u"  "_s + Util::escapeControls(file.id).leftJustified(33) + u"  "_s + Util::escapeControls(file.name);
}

/// Folders first, then by name: a listing people can scan.
void sortForPeople(QList<Drive::DriveFile> &files)
{
    std::stable_sort(files.begin(), files.end(),
                     [](const Drive::DriveFile &a, const Drive::DriveFile &b)
                     {
                         if (a.isFolder() != b.isFolder())
                         {
                             return a.isFolder();
                         }
                         return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                     });
}
} // namespace

LsCommand::LsCommand(const Streams &streams, TokenFactoryResolver resolver)
    : DriveCommand(u"ls"_s, tr("List a Drive folder (or My Drive, shared drives, Shared with me): type, size, modified, id, name."),
                   streams, std::move(resolver))
{
}

QList<QCommandLineOption> LsCommand::ownOptions() const
{
    return {{{u"R"_s, Opt::recursive}, tr("Every folder below too, each under a line with its path (as 'ingest' would walk it).")}};
}

QList<QPair<QString, QString>> LsCommand::positionals() const
{
    return {{u"[SOURCE]"_s, tr("What 'ingest' takes (an id, a share link, root for My Drive; default root), or "
                               "shared-drives, or shared-with-me.")}};
}

QString LsCommand::epilogue() const
{
    return tr("Examples:\n"
              "  drive-ingest-cli ls                       My Drive, top level\n"
              "  drive-ingest-cli ls shared-drives         the shared drives and their ids\n"
              "  drive-ingest-cli ls shared-with-me -R     everything shared with you\n"
              "  drive-ingest-cli ls FOLDER_ID -R          what 'ingest FOLDER_ID' would copy\n\n"
              "Exit codes: 0 listed; 1 a SOURCE or a folder could not be listed; 2 usage error; 3 authentication.\n");
}

int LsCommand::execute(const QStringList &args)
{
    QCommandLineParser parser;
    int exitCode = ExitUsage;
    if (!parse(parser, args, &exitCode))
    {
        return exitCode;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
    {
        return usageError(tr("ls takes one SOURCE"));
    }
    const QString source = positional.value(0, QLatin1StringView(Drive::MyDriveRootAlias));
    const bool recursive = parser.isSet(Opt::recursive);
    std::optional<Drive::DriveRef> ref;
    if (source != sharedDrivesWord && source != sharedWithMeWord)
    {
        ref = Drive::parseDriveRef(source);
        if (!ref || !ref->isValid())
        {
            return usageError(tr("'%1' is not a Drive id, a Drive share link, root, shared-drives or shared-with-me").arg(source));
        }
    }
    QString error;
    const std::optional<GoogleAccess> access = GoogleAccess::fromParser(parser, &error);
    if (!access)
    {
        return usageError(error);
    }
    const std::optional<Transfer::EngineHost::TokenFactory> token = googleToken(*access, &exitCode);
    if (!token)
    {
        return exitCode;
    }
    if (!Net::configureTls(access->endpoints.extraCaFile, &error))
    {
        return usageError(error);
    }

    QNetworkAccessManager nam; // outlives everything below (destroyed last)
    QObject context;
    Net::TokenProvider *tokens = (*token)(&nam, &context);
    auto *pacer = new Net::Pacer(10.0, 20, &context);
    auto *client = new Drive::DriveClient(&nam, tokens, pacer, access->endpoints, &context);
    auto *walker = new Drive::TreeWalker(client, &context);
    QEventLoop loop;
    int pending = 0; // lists and walks still running
    int result = ExitSuccess;

    const auto failed = [&](const QString &what, const Net::Error &e)
    {
        result = std::max(result, e.errorClass == Net::ErrorClass::Auth ? int(ExitAuth) : int(ExitFilesFailed));
        printError(what + u": "_s + (e.message.isEmpty() ? e.toString() : e.message));
    };
    const auto done = [&]
    {
        if (--pending == 0)
        {
            loop.quit();
        }
    };
    const auto printBlock = [this](const QString &heading, QList<Drive::DriveFile> files, bool sharedDrives = false)
    {
        if (!heading.isNull())
        {
            out() << u"\n"_s << Util::escapeControls(heading) << u":\n"_s;
        }
        sortForPeople(files);
        for (const Drive::DriveFile &file : std::as_const(files))
        {
            out() << line(file, sharedDrives) << u"\n"_s;
        }
        out().flush();
    };
    // The walker's finished() comes once everything added so far is done; it counts as pending while it walks.
    bool walking = false;
    const auto walk = [&](const QStringList &path, const QStringList &ids)
    {
        if (!walking)
        {
            walking = true;
            ++pending;
        }
        walker->addFolder(path, ids);
    };
    // One flat list (shared drives, Shared with me, a folder's children), then with -R every folder in it.
    const auto list = [&](Drive::ListJob *job, bool sharedDrives)
    {
        ++pending;
        auto items = std::make_shared<QList<Drive::DriveFile>>();
        QObject::connect(job, &Drive::ListJob::page, &loop, [items](const QList<Drive::DriveFile> &page) { *items += page; });
        QObject::connect(job, &Drive::ListJob::finished, &loop,
                         [&, items, sharedDrives](const Net::Error &e)
                         {
                             if (e.isError())
                             {
                                 failed(source, e);
                             }
                             printBlock(recursive ? source : QString(), *items, sharedDrives);
                             for (const Drive::DriveFile &item : std::as_const(*items))
                             {
                                 if (recursive && (sharedDrives || item.isFolder()))
                                 {
                                     walk({source, item.name}, {item.id});
                                 }
                             }
                             done();
                         });
    };

    QObject::connect(walker, &Drive::TreeWalker::folderListed, &loop,
                     [&](const QStringList &segments, const QStringList &, const QList<Drive::DriveFile> &children)
                     { printBlock(segments.join(u'/'), children); });
    QObject::connect(walker, &Drive::TreeWalker::itemFailed, &loop,
                     [&](const Drive::DriveRef &, const QString &path, const Net::Error &e) { failed(path, e); });
    QObject::connect(walker, &Drive::TreeWalker::itemSkipped, &loop,
                     [&](const QString &path, const QString &reason)
                     {
                         err() << Util::escapeControls(path + u": "_s + Drive::skipReasonText(reason)) << u"\n"_s;
                         err().flush();
                     });
    QObject::connect(walker, &Drive::TreeWalker::finished, &loop,
                     [&]
                     {
                         if (walking)
                         {
                             walking = false;
                             done();
                         }
                     });

    out() << tr("TYPE").leftJustified(12) << u' ' << tr("SIZE").rightJustified(10) << u"  "_s << tr("MODIFIED").leftJustified(16)
          << u"  "_s << tr("ID").leftJustified(33) << u"  "_s << tr("NAME") << u"\n"_s;
    if (source == sharedDrivesWord)
    {
        list(client->listSharedDrives(), true);
    }
    else if (source == sharedWithMeWord)
    {
        list(client->listSharedWithMe(), false);
    }
    else
    {
        ++pending;
        Drive::FileJob *job = client->getFile(ref->id, ref->resourceKey);
        QObject::connect(job, &Drive::FileJob::finished, &loop,
                         [&](const Net::Error &e, const Drive::DriveFile &item)
                         {
                             if (e.isError())
                             {
                                 failed(source, e);
                             }
                             else if (item.isFolder() && recursive)
                             {
                                 walk({item.name}, {item.id});
                             }
                             else if (item.isFolder())
                             {
                                 list(client->listChildren(item.id), false);
                             }
                             else
                             {
                                 printBlock(QString(), {item});
                             }
                             done();
                         });
    }
    loop.exec();
    return result;
}

} // namespace Cli
