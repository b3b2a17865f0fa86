// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestcommand.h"

#include "authcommands.h"
#include "commands.h"
#include "dryrunplan.h"
#include "exitcode.h"
#include "exportmap.h"
#include "logtableoptions.h"
#include "journaloptions.h"
#include "optionnames.h"
#include "progressdisplay.h"
#include "runoutcome.h"
#include "signalwatcher.h"
#include "workspaceoptions.h"

#include "auth/databricksconfig.h"

#include "destinations/destinationfactory.h"
#include "drive/sharelink.h"
#include "transfer/conflictdecision.h"
#include "util/filesystem.h"
#include "util/logging.h"
#include "util/redactor.h"
#include "util/units.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryFile>
#include <QTextStream>
#include <QTimer>

#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Cli
{
namespace
{
/// How long a cancelled run may take to wind down (aborting sinks, joining) before we stop waiting.
constexpr int cancelGraceMs = 30000;

/// Width of the terminal behind stdout, or 0 when stdout is not a terminal.
int terminalWidth()
{
    if (!::isatty(STDOUT_FILENO))
    {
        return 0;
    }
    winsize size {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    {
        return size.ws_col;
    }
    return 100;
}

/// True when `stream` writes to the process's real stdout (not a test's buffer).
bool writesToStdout(QTextStream &stream)
{
    const auto *file = qobject_cast<QFile *>(stream.device());
    return file && file->handle() == STDOUT_FILENO;
}

std::optional<int> parseInt(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
    {
        return std::nullopt;
    }
    return value;
}

/// Over with a problem (failed, parked, cancelled, skipped for a reason): what a report must name. Queued, active,
/// landed and cleanly skipped files are only counted (the totals).
bool needsAttention(const Transfer::FileStatus &file)
{
    if (!Transfer::isTerminal(file.state) || file.state == Transfer::FileState::Done)
        return false;
    return file.state != Transfer::FileState::Skipped || file.lastError.isError();
}
} // namespace

IngestCommand::IngestCommand(const Streams &streams, TokenFactoryResolver resolver)
    : DriveCommand(u"ingest"_s, tr("Copy Drive files and folder trees (recursively) into a destination."), streams,
                   std::move(resolver))
{
}

QList<QCommandLineOption> IngestCommand::ownOptions() const
{
    return QList<QCommandLineOption> {
        {{u"t"_s, Opt::to}, tr("Destination folder: a local folder (created if missing), a Volume /Volumes/<catalog>/<schema>/<volume>[/path] (also dbfs:/Volumes/...), or dbfs:/path. A local folder under /Volumes or /dbfs is written local:/Volumes/..."), u"DEST"_s},
    } + Workspace::options() + QList<QCommandLineOption> {
        {Opt::parallel, tr("Files in flight (default 4)."), u"N"_s},
        {Opt::streams, tr("Ranged streams per large file, 1 to 16 (default: one, more while they raise the rate)."), u"N"_s},
        {Opt::qps, tr("Drive requests per second to start at (default 10). Given alone it is a fixed pace; without it the pace rises while Drive does not throttle."), u"Q"_s},
        {Opt::qpsMax, tr("The most Drive requests per second the pace may rise to (default 200: Google's per-user quota of 12,000 a minute)."), u"Q"_s},
        {Opt::exportMap, tr("Export formats for Google files, e.g. docs=pdf,sheets=csv,slides=pptx,drawings=png (extensions or mime types; default docx, xlsx, pptx, svg)."), u"MAP"_s},
        {Opt::conflict, tr("When a file of that name is already at the destination: skip (never touch it; default), update (replace it when its size or hash differs), overwrite (always replace), keep-both (land the new one beside it)."), u"skip|update|overwrite|keep-both"_s},
        {Opt::dryRun, tr("Plan only: list every file with what a real run would do (new, same, different: by --on-conflict) and the totals; write nothing.")},
        {Opt::report, tr("Write a JSON report: one record per file and the totals (written atomically)."), u"FILE.json"_s},
        {{u"q"_s, Opt::quiet}, tr("No progress display and no summary; errors only.")},
        {Opt::retryTimeout, tr("Give up on a request that keeps failing (server unreachable, errors, throttling) once its waits between tries add up to DURATION, e.g. 30s, 2m, 1h; 0 = no retries (default 10m; 8 tries at most either way)."), u"DURATION"_s},
        {Opt::bandwidth, tr("Limit the whole run to RATE per second: bytes (65536), K/M/G = KiB/MiB/GiB (20M, 500k), KB/MB/GB "
                         "decimal (20MB), KiB/MiB/GiB, optionally with /s (20MB/s); bits as 10Mbit, 10Mbps or 10Mb/s."),
         u"RATE"_s},
    } + LogTableOptions::options() + journalOptions();
}

QList<QPair<QString, QString>> IngestCommand::positionals() const
{
    return {{u"SOURCE..."_s, tr("What to copy: a Drive file or folder id; a share link of any form (/file/d/…, "
                                "open?id=…, /drive/folders/…, Docs/Sheets/Slides links, ?resourcekey= kept); root or "
                                "https://drive.google.com/drive/my-drive for the whole of My Drive. Folders are taken "
                                "recursively, shortcuts followed. 'drive-ingest-cli ls' shows ids.")}};
}

QString IngestCommand::epilogue() const
{
    return tr("Progress: a live display on a terminal, otherwise one line every 5 seconds; a summary at the end.\n"
              "Ctrl-C (SIGINT) or SIGTERM cancels cleanly (finished files stay, unfinished ones leave nothing); a second\n"
              "one quits at once. Finished files are skipped when the same command runs again.\n"
              "-v/--verbose shows the engine's log on stderr; --log-file FILE writes it to FILE.\n\n")
        + Workspace::helpText() + exitCodesText();
}

std::optional<IngestCommand::Plan> IngestCommand::plan(const QStringList &args, int *exitCode)
{
    QCommandLineParser parser;
    if (!parse(parser, args, exitCode))
    {
        return std::nullopt;
    }
    const auto fail = [this, exitCode](const QString &message)
    {
        *exitCode = usageError(message);
        return std::nullopt;
    };

    Plan plan;
    const QStringList sourceArgs = parser.positionalArguments();
    if (sourceArgs.isEmpty())
    {
        return fail(tr("no SOURCE given (a Drive id or share link)"));
    }
    for (const QString &text : sourceArgs)
    {
        const std::optional<Drive::DriveRef> ref = Drive::parseDriveRef(text);
        if (!ref || !ref->isValid())
        {
            return fail(tr("'%1' is not a Drive id or a Drive share link").arg(text));
        }
        // The same item named twice (a link and its bare id) is fetched once.
        const auto same = std::find_if(plan.sources.begin(), plan.sources.end(),
                                       [&ref](const Drive::DriveRef &known) { return known.id == ref->id; });
        if (same == plan.sources.end())
        {
            plan.sources.append(*ref);
        }
        else if (same->resourceKey.isEmpty())
        {
            same->resourceKey = ref->resourceKey;
        }
    }

    if (!parser.isSet(Opt::to))
    {
        return fail(tr("--to DEST is required"));
    }
    QString error;
    const std::optional<Dest::DestinationSpec> destination = Dest::DestinationSpec::parse(parser.value(Opt::to), &error);
    if (!destination)
    {
        return fail(error);
    }
    plan.destination = *destination;
    if (const QString problem = destination->validate(); !problem.isEmpty())
    {
        return fail(problem);
    }

    Transfer::RunOptions &options = plan.options;
    if (parser.isSet(Opt::parallel))
    {
        const auto value = parseInt(parser.value(Opt::parallel), 1, 64);
        if (!value)
        {
            return fail(tr("--parallel takes a number from 1 to 64"));
        }
        options.parallel = *value;
    }
    if (parser.isSet(Opt::streams))
    {
        const auto value = parseInt(parser.value(Opt::streams), 1, 16);
        if (!value)
        {
            return fail(tr("--streams takes a number from 1 to 16"));
        }
        options.streams = *value;
    }
    for (const QString &name : {Opt::qps, Opt::qpsMax})
    {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const double qps = parser.value(name).toDouble(&ok);
        if (!ok || !(qps > 0) || qps > 100000)
        {
            return fail(tr("--%1 takes a positive number of requests per second").arg(name));
        }
        (name == Opt::qps ? options.requestsPerSecond : options.maxRequestsPerSecond) = qps;
    }
    // A pace the user chose is kept as it is unless a ceiling is given too; a ceiling below the start lowers it.
    if (parser.isSet(Opt::qps) && !parser.isSet(Opt::qpsMax))
        options.maxRequestsPerSecond = options.requestsPerSecond;
    options.requestsPerSecond = std::min(options.requestsPerSecond, options.maxRequestsPerSecond);
    options.exportFormats = Transfer::RunOptions::defaultExportFormats();
    if (parser.isSet(Opt::exportMap))
    {
        const auto map = parseExportMap(parser.value(Opt::exportMap), &error);
        if (!map)
        {
            return fail(error);
        }
        for (auto it = map->cbegin(); it != map->cend(); ++it)
        {
            options.exportFormats.insert(it.key(), it.value());
        }
    }
    if (parser.isSet(Opt::conflict))
    {
        const std::optional<Dest::ConflictPolicy> policy = Transfer::ConflictDecision::policyFromName(parser.value(Opt::conflict));
        if (!policy)
        {
            return fail(tr("--on-conflict takes skip, update, overwrite or keep-both"));
        }
        options.conflict = *policy;
    }
    options.dryRun = parser.isSet(Opt::dryRun);
    if (parser.isSet(Opt::bandwidth))
    {
        const std::optional<qint64> bytes = Util::parseRate(parser.value(Opt::bandwidth));
        if (!bytes || *bytes <= 0)
        {
            return fail(tr("--bandwidth takes a rate such as 20M, 20MB/s, 500k, 1.5GiB or 10Mbit (per second)"));
        }
        options.bandwidthLimit = *bytes;
    }
    if (parser.isSet(Opt::retryTimeout))
    {
        const std::optional<qint64> ms = Util::parseDurationMs(parser.value(Opt::retryTimeout));
        if (!ms)
        {
            return fail(tr("--retry-timeout takes a duration such as 30s, 2m or 1h"));
        }
        options.retryTimeout = std::chrono::milliseconds(*ms);
    }

    const std::optional<GoogleAccess> access = GoogleAccess::fromParser(parser, &error);
    if (!access)
    {
        return fail(error);
    }
    plan.endpoints = access->endpoints;
    plan.sandbox = access->sandbox;
    plan.access = *access;

    // The workspace: --databricks-host, --profile, DATABRICKS_*, ~/.databrickscfg, else the sandbox's.
    const std::optional<Workspace> workspace = Workspace::fromParser(
        parser, plan.destination, plan.sandbox, plan.endpoints, Auth::DatabricksConfig::processEnvironment(), &error);
    if (!workspace)
    {
        return fail(error);
    }
    plan.workspace = *workspace;
    plan.databricksHost = workspace->host;

    if (parser.isSet(Opt::report))
    {
        const QString report = parser.value(Opt::report);
        if (report.isEmpty() || QFileInfo(report).isDir())
        {
            return fail(tr("--report takes a file name"));
        }
        plan.reportPath = QFileInfo(report).absoluteFilePath();
        // Found now, not after every file was copied.
        if (const QString problem = Util::fileCreationProblem(plan.reportPath); !problem.isEmpty())
        {
            return fail(tr("--report: cannot write %1: %2").arg(plan.reportPath, problem));
        }
    }
    const std::optional<Transfer::IngestLogTarget> logTable = LogTableOptions::fromParser(parser, plan.destination, &error);
    if (!logTable)
    {
        return fail(error);
    }
    plan.logTable = *logTable;
    plan.quiet = parser.isSet(Opt::quiet);
    if (!applyJournalOptions(parser, &options, &error))
    {
        return fail(error);
    }
    return plan;
}

int IngestCommand::execute(const QStringList &args)
{
    int exitCode = ExitUsage;
    const std::optional<Plan> thePlan = plan(args, &exitCode);
    if (!thePlan)
    {
        return exitCode;
    }
    const std::optional<Transfer::EngineHost::TokenFactory> token = googleToken(thePlan->access, &exitCode);
    if (!token)
    {
        return exitCode;
    }
    return run(*thePlan, *token);
}

int IngestCommand::run(const Plan &plan, Transfer::EngineHost::TokenFactory token)
{
    const auto destinationError = [this, &plan](const QString &message)
    {
        printError(message);
        // Automation reads the report, not stderr: say why there is nothing in it.
        if (!plan.reportPath.isEmpty())
        {
            Transfer::Report empty;
            empty.destination = plan.destination.path;
            empty.startedAt = empty.finishedAt = QDateTime::currentDateTimeUtc();
            RunOutcome stopped;
            stopped.localFailure = Net::Error {Net::ErrorClass::Local, 0, {}, message};
            QString error;
            RunOutcome::writeReport(plan.reportPath, empty, stopped.classify(empty), &error);
        }
        return int(ExitDestination);
    };

    // Check the folder before any network traffic: a typo should not cost a listing. The same rules as the app's.
    const QString root = plan.destination.path;
    if (const QString problem = plan.destination.localFolderProblem(); !problem.isEmpty())
    {
        return destinationError(problem);
    }
    // What databricks-login kept for the workspace; else, for the sandbox's own, its built-in PAT.
    std::optional<Auth::DatabricksCredentials> credentials;
    if (plan.destination.isDatabricks())
    {
        QString error;
        credentials = plan.workspace.load(plan.sandbox, plan.endpoints, &error);
        if (!credentials)
        {
            printError(error);
            return int(ExitAuth);
        }
    }
    if (plan.destination.kind == Dest::DestinationSpec::Kind::Local && !plan.options.dryRun)
    {
        if (!QDir().mkpath(root))
        {
            return destinationError(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(root)));
        }
        QTemporaryFile probe(root + u"/.drive-ingest-probe-XXXXXX"_s);
        if (!probe.open())
        {
            return destinationError(tr("cannot write into %1: %2").arg(QDir::toNativeSeparators(root), probe.errorString()));
        }
    }

    Transfer::EngineHost::Setup setup;
    setup.endpoints = plan.endpoints;
    setup.googleToken = std::move(token);
    QString error;
    const std::optional<Dest::DestinationFactory> destination = Dest::destinationFactory(plan.destination, credentials, &error);
    if (!destination)
    {
        return destinationError(error);
    }
    setup.destination = *destination;
    setup.options = plan.options;

    const int width = writesToStdout(out()) ? terminalWidth() : 0;
    const ProgressDisplay::Mode mode = plan.quiet ? ProgressDisplay::Mode::Quiet
        : width > 0                               ? ProgressDisplay::Mode::Live
                                                  : ProgressDisplay::Mode::Plain;
    ProgressDisplay display(out(), mode, width > 0 ? width : 100);

    Transfer::EngineHost host;
    SignalWatcher signalWatcher;
    QEventLoop loop;
    QTimer grace;
    grace.setSingleShot(true);

    std::optional<Transfer::Report> report;
    // For a report if the engine never finishes: the files that need attention, the others only counted (in
    // lastSnapshot's totals), so that this copy does not grow with the tree.
    QHash<quint64, Transfer::FileStatus> attention;
    Transfer::Snapshot lastSnapshot;
    RunOutcome outcome;
    outcome.sandbox = plan.sandbox;
    outcome.conflict = plan.options.conflict;
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();

    const auto stopRun = [&host, &grace]
    {
        host.cancel();
        if (!grace.isActive())
        {
            grace.start(cancelGraceMs);
        }
    };
    const auto warn = [this, &display](const QString &text)
    {
        display.clear();
        err() << Util::escapeControls(Util::redact(text)) << u"\n"_s;
        err().flush();
    };

    QObject::connect(&host, &Transfer::EngineHost::snapshot, &loop,
                     [&](const Transfer::Snapshot &snapshot)
                     {
                         lastSnapshot = snapshot;
                         for (const Transfer::FileStatus &file : snapshot.files)
                         {
                             if (needsAttention(file))
                                 attention.insert(file.key, file);
                             else
                                 attention.remove(file.key); // retried: queued again
                         }
                         if (mode == ProgressDisplay::Mode::Live)
                         {
                             display.setWidth(terminalWidth()); // follows a resized terminal
                         }
                         display.update(snapshot);
                     });
    QObject::connect(&host, &Transfer::EngineHost::finished, &loop,
                     [&](const Transfer::Report &finalReport)
                     {
                         report = finalReport;
                         loop.quit();
                     });
    QObject::connect(&host, &Transfer::EngineHost::authRequired, &loop,
                     [&](const QString &account, const QString &reason)
                     {
                         if (outcome.authFailure)
                         {
                             return;
                         }
                         outcome.authFailure = tr("%1: %2").arg(account, reason);
                         warn(tr("Authentication failed for %1: %2 — stopping.").arg(account, reason));
                         stopRun();
                     });
    QObject::connect(&host, &Transfer::EngineHost::runFailed, &loop,
                     [&](const Net::Error &error)
                     {
                         if (outcome.localFailure)
                         {
                             return;
                         }
                         outcome.localFailure = error;
                         warn(tr("The run stopped: %1").arg(error.message.isEmpty() ? error.toString() : error.message));
                         stopRun();
                     });
    QObject::connect(&host, &Transfer::EngineHost::notice, &loop, warn);
    QObject::connect(&signalWatcher, &SignalWatcher::interrupted, &loop,
                     [&](int signalNumber)
                     {
                         if (outcome.signalNumber != 0)
                         {
                             return;
                         }
                         outcome.signalNumber = signalNumber;
                         warn(RunOutcome::stoppingMessage(signalNumber));
                         stopRun();
                     });
    QObject::connect(&grace, &QTimer::timeout, &loop, &QEventLoop::quit);

    qCDebug(lcCli) << "ingest:" << plan.sources.size() << "source(s) into" << root << (plan.options.dryRun ? "(dry run)" : "");
    host.startRun(setup, plan.sources);
    loop.exec();
    display.clear();

    if (!report)
    {
        // The engine did not wind down in time: report what the snapshots told us.
        Transfer::Report partial;
        partial.totals = lastSnapshot;
        QList<Transfer::FileStatus> files = attention.values();
        std::sort(files.begin(), files.end(),
                  [](const Transfer::FileStatus &a, const Transfer::FileStatus &b) { return a.key < b.key; });
        partial.files = files;
        partial.startedAt = startedAt;
        partial.finishedAt = QDateTime::currentDateTimeUtc();
        report = partial;
    }
    if (report->destination.isEmpty())
    {
        report->destination = root;
    }

    const Transfer::RunOutcome info = outcome.classify(*report);
    const int problems = info.problems;
    int exitCode = info.exitCode();
    if (!plan.quiet)
    {
        // A dry run's answer is its plan, every file of it; a real run's is the summary.
        if (plan.options.dryRun)
            DryRunPlan::write(out(), *report, plan.options.conflict);
        else
            out() << Util::redact(ProgressDisplay::summary(*report));
        out() << outcome.closingWords(*report, info);
        out().flush();
    }
    else if (problems > 0)
    {
        err() << (problems == 1 ? tr("%n file failed or was parked.", nullptr, problems)
                                : tr("%n files failed or were parked.", nullptr, problems))
              << u"\n"_s;
        err().flush();
    }

    if (!plan.reportPath.isEmpty())
    {
        QString error;
        if (!RunOutcome::writeReport(plan.reportPath, *report, info, &error))
        {
            warn(error);
            if (exitCode == ExitSuccess || exitCode == ExitFilesFailed)
            {
                exitCode = ExitDestination;
            }
        }
    }
    // The ingest log and the load snippet: they say what happened, the exit code stays the run's.
    LogTableOptions::afterRun({plan.logTable, credentials, plan.destination, LogTableOptions::job(plan.sources, plan.destination),
                               plan.options.backoffPolicy(),
                               plan.options.dryRun, plan.quiet},
                              *report, out(), err());
    return exitCode;
}

} // namespace Cli
