// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, acceptance 2 (the rerun half): the rerun of an unchanged 100,000-file job reads the changes feed and
// nothing else. The journal is seeded as a completed first run would leave it (the job, its 100 folders, 100,000
// done rows, the corpus's token), so the benchmark does not spend minutes on the first run; then the real CLI runs
// the job again. Prints the requests the sandbox saw and the seconds the CLI took (targets: ≤ 5 and ≤ 3 s).
#include "sandboxprocess.h"

#include "journal/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace
{
const QByteArray token = "bench-incremental-token-77d0"_ba;
constexpr int folders = 100;
constexpr int filesPerFolder = 1000;
} // namespace

class BenchIncremental final : public QObject
{
    Q_OBJECT

private slots:
    void unchangedRerunOf100kFiles()
    {
        QTemporaryDir work;
        QVERIFY(work.isValid());
        QJsonArray subfolders;
        for (int f = 0; f < folders; ++f)
        {
            QJsonArray children;
            for (int i = 0; i < filesPerFolder; ++i)
                children.append(QJsonObject {{u"name"_s, u"f%1.bin"_s.arg(i)}, {u"size"_s, 1}});
            subfolders.append(QJsonObject {{u"name"_s, u"d%1"_s.arg(f)}, {u"children"_s, children}});
        }
        const QJsonObject manifest {{u"demo_root"_s, u"Big"_s},
                                    {u"my_drive"_s, QJsonArray {QJsonObject {{u"name"_s, u"Big"_s},
                                                                             {u"children"_s, subfolders}}}}};
        QFile out(work.filePath(u"manifest.json"_s));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(manifest).toJson(QJsonDocument::Compact));
        out.close();
        SandboxProcess sandbox({u"--static-token"_s, QString::fromLatin1(token), u"--quiet"_s, u"--manifest"_s,
                                out.fileName()});
        QVERIFY2(sandbox.start(60000), qPrintable(sandbox.errorString()));
        const QJsonObject tree = sandbox.get(u"/_sandbox/tree?hashes=false"_s).json();
        const QString rootId = tree.value(u"demo_root_id"_s).toString();
        const QString startToken = sandbox.get(u"/drive/v3/changes/startPageToken"_s,
                                               {{"Authorization", "Bearer " + token}})
                                       .json()
                                       .value(u"startPageToken"_s)
                                       .toString();
        QVERIFY(!rootId.isEmpty() && !startToken.isEmpty());

        // The journal a completed first run leaves.
        const QString state = work.filePath(u"state"_s);
        const QString dest = QDir::cleanPath(work.filePath(u"dest"_s));
        QVERIFY(QDir().mkpath(dest));
        {
            Journal::Store store;
            QVERIFY(store.open(state + u"/drive-ingest/journal.sqlite"_s).ok());
            Journal::JobRow job;
            QVERIFY(store.ensureJob({rootId}, dest, {}, &job).ok());
            qint64 run = 0;
            QVERIFY(store.startRun(job.id, QDateTime::currentDateTimeUtc(), &run).ok());
            QList<Journal::FolderRow> rows {{job.id, rootId, {}, u"Big"_s, u"Big"_s}};
            int files = 0;
            for (const QJsonValue &value : tree.value(u"items"_s).toArray())
            {
                const QJsonObject item = value.toObject();
                const QString path = item.value(u"path"_s).toString();
                if (!path.startsWith(u"Big/"_s))
                    continue;
                if (item.value(u"mimeType"_s).toString() == u"application/vnd.google-apps.folder"_s)
                {
                    rows.append({job.id, item.value(u"id"_s).toString(), rootId, item.value(u"name"_s).toString(), path});
                    continue;
                }
                Journal::FileRow row;
                row.job = job.id;
                row.run = run;
                row.driveId = item.value(u"id"_s).toString();
                row.relativePath = path;
                row.drivePath = path;
                row.size = 1;
                row.state = u"done"_s;
                row.bytes = 1;
                store.upsertFile(row);
                ++files;
            }
            QCOMPARE(files, folders * filesPerFolder);
            QVERIFY(store.flush().ok());
            QVERIFY(store.saveFolders(rows).ok());
            QVERIFY(store.setCursors(job.id, {{QString(), startToken}}).ok());
            QVERIFY(store.endRun(run, QDateTime::currentDateTimeUtc(), u"completed"_s).ok());
        }

        const qint64 before = qint64(sandbox.stats().value(u"requests_total"_s).toDouble());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DRIVE_INGEST_ACCESS_TOKEN"_s, QString::fromLatin1(token));
        env.insert(u"XDG_STATE_HOME"_s, state);
        cli.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        cli.start(qEnvironmentVariable("DI_CLI"), {u"ingest"_s, rootId, u"--to"_s, dest, u"--sandbox"_s,
                                                    sandbox.baseUrl().toString()});
        QVERIFY(cli.waitForFinished(600000));
        const double seconds = clock.elapsed() / 1000.0;
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        const qint64 requests = qint64(sandbox.stats().value(u"requests_total"_s).toDouble()) - before;
        qInfo("rerun of an unchanged %d-file job: %lld requests, %.2f s (targets: <= 5, <= 3 s)",
              folders * filesPerFolder, requests, seconds);
        qInfo("%s", err.trimmed().constData());
        QVERIFY(err.contains("0 new, 0 changed, 0 removed since"));
        QVERIFY(requests <= 5); // a count, not a time
    }
};

QTEST_GUILESS_MAIN(BenchIncremental)
#include "bench_incremental.moc"
