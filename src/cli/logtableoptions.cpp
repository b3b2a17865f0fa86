// SPDX-License-Identifier: GPL-3.0-or-later
#include "logtableoptions.h"

#include "optionnames.h"

#include "destinations/databricksclient.h"
#include "transfer/loadsnippet.h"
#include "util/redactor.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Cli
{
QList<QCommandLineOption> LogTableOptions::options()
{
    return {
        {Opt::logTable, tr("Append one row per file of the run to this Delta table (created if missing) through the "
                           "SQL Statement Execution API of the destination's workspace; needs --warehouse. A failing "
                           "log never fails the run."),
         u"CATALOG.SCHEMA.TABLE"_s},
        {Opt::warehouse, tr("The SQL warehouse that runs --log-table's statements (its id)."), u"ID"_s},
    };
}

std::optional<Transfer::IngestLogTarget> LogTableOptions::fromParser(const QCommandLineParser &parser,
                                                                     const Dest::DestinationSpec &destination,
                                                                     QString *error)
{
    Transfer::IngestLogTarget target;
    if (!parser.isSet(Opt::logTable))
    {
        if (parser.isSet(Opt::warehouse))
        {
            *error = tr("--warehouse is for --log-table");
            return std::nullopt;
        }
        return target;
    }
    target.table = parser.value(Opt::logTable).trimmed();
    target.warehouseId = parser.value(Opt::warehouse).trimmed();
    if (const QString problem = Transfer::IngestLogTarget::tableProblem(target.table); !problem.isEmpty())
    {
        *error = u"--log-table: "_s + problem;
        return std::nullopt;
    }
    if (target.warehouseId.isEmpty())
    {
        *error = tr("--log-table needs --warehouse ID (the SQL warehouse that writes the log)");
        return std::nullopt;
    }
    if (!destination.isDatabricks())
    {
        *error = tr("--log-table needs a Volume or DBFS destination: the log is written through that workspace");
        return std::nullopt;
    }
    return target;
}

QString LogTableOptions::job(const QList<Drive::DriveRef> &sources, const Dest::DestinationSpec &destination)
{
    QStringList ids;
    for (const Drive::DriveRef &source : sources)
        ids.append(source.id);
    return Transfer::IngestLogRun::jobOf(ids, destination.path);
}

Transfer::IngestLogOutcome LogTableOptions::writeLog(const Transfer::IngestLogTarget &target,
                                                     const Auth::DatabricksCredentials &credentials,
                                                     const Net::BackoffPolicy &backoff, const Transfer::Report &report,
                                                     const QString &job)
{
    QNetworkAccessManager nam;
    auto *tokens = new Auth::DatabricksTokenProvider(&nam, credentials, &nam);
    Dest::DatabricksClient client(&nam, tokens, QUrl(credentials.host));
    client.setBackoffPolicy(backoff);
    Transfer::IngestLogWriter writer(&client, target);
    Transfer::IngestLogOutcome outcome;
    QEventLoop loop;
    QObject::connect(&writer, &Transfer::IngestLogWriter::finished, &loop,
                     [&](const Transfer::IngestLogOutcome &result)
                     {
                         outcome = result;
                         loop.quit();
                     });
    writer.write(report, Transfer::IngestLogRun::make(job));
    loop.exec();
    return outcome;
}

std::optional<Transfer::IngestLogOutcome> LogTableOptions::afterRun(const AfterRun &run, const Transfer::Report &report,
                                                                    QTextStream &out, QTextStream &err)
{
    std::optional<Transfer::IngestLogOutcome> outcome;
    if (run.target.isSet() && run.credentials && !run.dryRun)
    {
        outcome = writeLog(run.target, *run.credentials, run.backoff, report, run.job);
        if (!run.quiet || !outcome->ok())
        {
            QTextStream &stream = run.quiet ? err : out;
            stream << Util::redact(outcome->text()) << u"\n"_s;
            stream.flush();
        }
    }
    if (!run.quiet && !run.dryRun && run.destination.kind == Dest::DestinationSpec::Kind::Volume)
    {
        if (const auto snippet = Transfer::LoadSnippet::forRun(run.destination.path, report.files))
        {
            out << u"\n"_s << snippet->text();
            out.flush();
        }
    }
    return outcome;
}

} // namespace Cli
