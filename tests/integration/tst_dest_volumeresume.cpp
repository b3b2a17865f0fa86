// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11, the Databricks side of resume against the sandbox: a multipart Volume upload suspended after two
// parts and continued by a new sink in the same session (only the remaining parts are sent, the file lands
// byte-exact), a session the workspace no longer knows (the sink says so and the next one starts over), files
// that cannot continue (single PUT, DBFS); and the destinations' own small files on a Volume and on DBFS.
#include "destinations/pathmapper.h"
#include "tst_dest_support.h"
#include "tst_resume_support.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace DestTest;
using ResumeTest::listNames;
using ResumeTest::randomBody;
using ResumeTest::readWhole;
using ResumeTest::writeWhole;

namespace
{
constexpr qint64 MiB = 1024 * 1024;
const QString Root = u"/Volumes/main/default/landing/resume"_s;
const QString DbfsRoot = u"/ingest/resume"_s;


Dest::Target target(const QString &path, qint64 size, const Dest::Target::Partial &resume = {})
{
    Dest::Target t;
    t.relativePath = path;
    t.expectedSize = size;
    t.driveId = u"idVolume"_s;
    t.revision = u"r1"_s;
    t.resume = resume;
    return t;
}

// Feeds body[from, to) as fast as the sink takes it (readyForMore resumes); false on failure or timeout.
bool feed(Dest::Sink *sink, const QByteArray &body, qint64 from, qint64 to)
{
    qint64 at = from;
    bool failed = false;
    bool writing = false;
    const auto pump = [&] {
        if (writing || failed)
            return;
        writing = true;
        while (at < to)
        {
            const qint64 taken = sink->write(at, body.constData() + at, std::min<qint64>(256 * 1024, to - at));
            if (taken < 0)
                failed = true;
            if (taken <= 0)
                break;
            at += taken;
        }
        writing = false;
    };
    QObject context;
    QObject::connect(sink, &Dest::Sink::readyForMore, &context, pump);
    QObject::connect(sink, &Dest::Sink::failed, &context, [&] { failed = true; });
    pump();
    return QTest::qWaitFor([&] { return at >= to || failed; }, 30000) && !failed;
}

bool finishSink(Dest::Sink *sink, QString *why = nullptr)
{
    QSignalSpy committed(sink, &Dest::Sink::committed);
    QSignalSpy failed(sink, &Dest::Sink::failed);
    sink->finish();
    (void)QTest::qWaitFor([&] { return !committed.isEmpty() || !failed.isEmpty(); }, 30000);
    if (why && !failed.isEmpty())
        *why = failed.first().at(0).value<Net::Error>().toString();
    return !committed.isEmpty();
}
} // namespace

class TestDestVolumeResume final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Net::StaticTokenProvider> m_tokens;

    int parts() { return answered(*m_sandbox, u"dbx.multipart.part"_s, 200); }

    std::unique_ptr<Dest::VolumeDestination> volume(const QString &root = Root)
    {
        auto v = std::make_unique<Dest::VolumeDestination>(&m_nam, m_tokens.get(), m_sandbox->baseUrl(), root);
        v->setSinglePutLimit(2 * MiB); // above: multipart
        v->setPartSize(MiB);
        v->client()->setBackoffPolicy(Net::BackoffPolicy {10ms, 40ms, 0ms, 3});
        return v;
    }

    std::unique_ptr<Dest::Destination> destinationOf(Kind kind)
    {
        if (kind == Kind::Volume)
            return volume();
        auto d = std::make_unique<Dest::DbfsDestination>(&m_nam, m_tokens.get(), m_sandbox->baseUrl(), DbfsRoot);
        d->client()->setBackoffPolicy(Net::BackoffPolicy {10ms, 40ms, 0ms, 3});
        return d;
    }

    // Uploads two parts of `body` into a new sink, suspends it and returns the last durable() (offset, state).
    Dest::Target::Partial uploadTwoPartsAndSuspend(Dest::VolumeDestination &destination, const QString &path,
                                                  const QByteArray &body)
    {
        std::unique_ptr<Dest::Sink> sink(destination.openSink(target(path, body.size()), Dest::ConflictPolicy::Overwrite));
        [&] { QCOMPARE(sink->checkpointInterval(), MiB); }();
        QSignalSpy durable(sink.get(), &Dest::Sink::durable);
        [&] { QVERIFY(feed(sink.get(), body, 0, 2 * MiB + MiB / 2)); }(); // part 3 half full: not sent
        const bool two = QTest::qWaitFor([&] { return durable.size() >= 2; }, 20000);
        [&] { QVERIFY(two); }();
        sink->suspend();
        if (durable.size() < 2)
            return {};
        return {durable.last().at(0).toLongLong(), durable.last().at(1).toByteArray()};
    }

private slots:
    void initTestCase()
    {
        m_sandbox = makeSandbox();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_tokens = std::make_unique<Net::StaticTokenProvider>(EngineTest::Token, u"databricks"_s);
    }

    void multipartContinuesAtNextPart()
    {
        auto destination = volume();
        const QByteArray body = randomBody(5 * MiB + 100, 11); // six parts
        const QString path = Root + u"/big.bin"_s;
        const int partsBefore = parts();
        const int sessionsBefore = answered(*m_sandbox, u"dbx.multipart.initiate"_s, 200);
        const Dest::Target::Partial kept = uploadTwoPartsAndSuspend(*destination, u"big.bin"_s, body);
        QCOMPARE(kept.offset, 2 * MiB);
        QVERIFY(!kept.state.isEmpty());
        QCOMPARE(parts() - partsBefore, 2);
        QVERIFY(!uploads(*m_sandbox).contains(path)); // suspended: nothing at the final path

        std::unique_ptr<Dest::Sink> second(destination->openSink(target(u"big.bin"_s, body.size(), kept),
                                                                 Dest::ConflictPolicy::Overwrite));
        QCOMPARE(second->startOffset(), 2 * MiB);
        QSignalSpy durable(second.get(), &Dest::Sink::durable);
        QVERIFY(feed(second.get(), body, 2 * MiB, body.size()));
        QString why;
        QVERIFY2(finishSink(second.get(), &why), qPrintable(why));
        // Parts 3..6 only, in the session the first sink opened.
        QCOMPARE(parts() - partsBefore, 6);
        QCOMPARE(answered(*m_sandbox, u"dbx.multipart.initiate"_s, 200) - sessionsBefore, 1);
        QCOMPARE(uploads(*m_sandbox).value(path).toObject().value(u"md5"_s).toString().toLatin1(),
                 QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex());
        // Its own checkpoints went on from there: 3, 4, 5 MiB (the last part ends the file).
        QCOMPARE(durable.size(), 3);
        QCOMPARE(durable.first().at(0).toLongLong(), 3 * MiB);
    }

    void lostSessionStartsOver()
    {
        auto destination = volume();
        const QByteArray body = randomBody(3 * MiB + 7, 12);
        Dest::Target::Partial kept = uploadTwoPartsAndSuspend(*destination, u"lost.bin"_s, body);
        QCOMPARE(kept.offset, 2 * MiB);
        // The workspace forgot the session (expired, or a state from elsewhere).
        QJsonObject state = QJsonDocument::fromJson(kept.state).object();
        QVERIFY(state.contains(u"session"_s));
        state.insert(u"session"_s, u"no-such-session"_s);
        kept.state = QJsonDocument(state).toJson(QJsonDocument::Compact);

        std::unique_ptr<Dest::Sink> second(destination->openSink(target(u"lost.bin"_s, body.size(), kept),
                                                                 Dest::ConflictPolicy::Overwrite));
        QCOMPARE(second->startOffset(), 2 * MiB); // the state is well formed; only the workspace can tell
        QSignalSpy durable(second.get(), &Dest::Sink::durable);
        QSignalSpy failed(second.get(), &Dest::Sink::failed);
        QVERIFY(failed.wait(20000));
        const auto error = failed.first().at(0).value<Net::Error>();
        QCOMPARE(error.reason, u"resumeSessionLost"_s);
        QCOMPARE(error.errorClass, Net::ErrorClass::Transient);
        QCOMPARE(durable.size(), 1);
        QCOMPARE(durable.first().at(0).toLongLong(), 0); // nothing of it is usable any more
        QVERIFY(durable.first().at(1).toByteArray().isEmpty());

        // The engine's restart of the file, given the same state, starts over cleanly.
        const int partsBefore = parts();
        std::unique_ptr<Dest::Sink> third(destination->openSink(target(u"lost.bin"_s, body.size(), kept),
                                                                Dest::ConflictPolicy::Overwrite));
        QCOMPARE(third->startOffset(), 0);
        QVERIFY(feed(third.get(), body, 0, body.size()));
        QString why;
        QVERIFY2(finishSink(third.get(), &why), qPrintable(why));
        QCOMPARE(parts() - partsBefore, 4);
        QCOMPARE(uploads(*m_sandbox).value(Root + u"/lost.bin"_s).toObject().value(u"md5"_s).toString().toLatin1(),
                 QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex());
    }

    void foreignStateStartsOver()
    {
        auto destination = volume();
        const QByteArray body = randomBody(3 * MiB, 13);
        const Dest::Target::Partial kept = uploadTwoPartsAndSuspend(*destination, u"a.bin"_s, body);
        // Another file's state, another size, a wrong offset, garbage: none is continued.
        std::unique_ptr<Dest::Sink> other(destination->openSink(target(u"b.bin"_s, body.size(), kept), Dest::ConflictPolicy::Overwrite));
        QCOMPARE(other->startOffset(), 0);
        std::unique_ptr<Dest::Sink> resized(destination->openSink(target(u"a.bin"_s, body.size() + 1, kept), Dest::ConflictPolicy::Overwrite));
        QCOMPARE(resized->startOffset(), 0);
        std::unique_ptr<Dest::Sink> offset(destination->openSink(target(u"a.bin"_s, body.size(), {MiB, kept.state}), Dest::ConflictPolicy::Overwrite));
        QCOMPARE(offset->startOffset(), 0);
        std::unique_ptr<Dest::Sink> garbage(destination->openSink(target(u"a.bin"_s, body.size(), {2 * MiB, "{not json"_ba}), Dest::ConflictPolicy::Overwrite));
        QCOMPARE(garbage->startOffset(), 0);
        for (Dest::Sink *s : {other.get(), resized.get(), offset.get(), garbage.get()})
            s->abort();
    }

    void singlePutAndDbfsRestart()
    {
        auto destination = volume();
        const QByteArray body = randomBody(MiB + 5, 14); // below the multipart threshold: one PUT
        std::unique_ptr<Dest::Sink> single(destination->openSink(target(u"small.bin"_s, body.size(), {MiB, "{}"_ba}),
                                                                 Dest::ConflictPolicy::Overwrite));
        QCOMPARE(single->checkpointInterval(), 0);
        QCOMPARE(single->startOffset(), 0);
        QSignalSpy durable(single.get(), &Dest::Sink::durable);
        QVERIFY(feed(single.get(), body, 0, body.size()));
        QVERIFY(finishSink(single.get()));
        QVERIFY(durable.isEmpty());

        Dest::DbfsDestination dbfs(&m_nam, m_tokens.get(), m_sandbox->baseUrl(), DbfsRoot);
        std::unique_ptr<Dest::Sink> sink(dbfs.openSink(target(u"d.bin"_s, 3 * MiB, {MiB, "{}"_ba}), Dest::ConflictPolicy::Overwrite));
        QCOMPARE(sink->checkpointInterval(), 0);
        QCOMPARE(sink->startOffset(), 0);
        sink->abort();
    }

    void wholeFilesRoundTrip_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<qint64>("bigSize");
        QTest::newRow("volume") << Kind::Volume << 3 * MiB;
        QTest::newRow("dbfs") << Kind::Dbfs << 3 * MiB + 17; // above one put: temporary file, then move
    }

    void wholeFilesRoundTrip()
    {
        QFETCH(Kind, kind);
        QFETCH(qint64, bigSize);
        auto destination = destinationOf(kind);
        const QString runs = u"_drive_ingest/runs"_s;
        QCOMPARE(listNames(*destination, runs), QStringList()); // no folder yet: empty, no error
        QCOMPARE(writeWhole(*destination, runs + u"/r1.jsonl"_s, "{\"a\":1}\n"_ba), QString());
        const QByteArray big = randomBody(bigSize, 15);
        QCOMPARE(writeWhole(*destination, runs + u"/r2.jsonl"_s, big), QString());
        QCOMPARE(writeWhole(*destination, runs + u"/r1.jsonl"_s, "{\"a\":2}\n"_ba), QString()); // replaced
        QCOMPARE(readWhole(*destination, runs + u"/r1.jsonl"_s, 100), "{\"a\":2}\n"_ba);
        QVERIFY(readWhole(*destination, runs + u"/r2.jsonl"_s, bigSize) == big);
        QCOMPARE(readWhole(*destination, runs + u"/r2.jsonl"_s, 100), "<error tooLarge>"_ba);
        QCOMPARE(readWhole(*destination, runs + u"/none.jsonl"_s, 100), "<error notFound>"_ba);
        QCOMPARE(listNames(*destination, runs), (QStringList {u"r1.jsonl"_s, u"r2.jsonl"_s}));
        QCOMPARE(writeWhole(*destination, u"../outside.jsonl"_s, "x"_ba), u"invalidDestination"_s);
        QCOMPARE(writeWhole(*destination, u"a/../../outside.jsonl"_s, "x"_ba), u"invalidDestination"_s);
    }

    void wholeFileFromDisk_data() { wholeFilesRoundTrip_data(); }

    // writeWholeFrom (the run's receipts, built on disk): streamed through a sink a block at a time (SinkFeeder;
    // DBFS under a temporary name, then moved over), the whole content, replacing, nothing left beside it.
    void wholeFileFromDisk()
    {
        QFETCH(Kind, kind);
        QFETCH(qint64, bigSize);
        auto destination = destinationOf(kind);
        QTemporaryDir dir;
        const auto sourceOf = [&dir](const QByteArray &body) {
            QFile source(dir.filePath(u"receipts.jsonl"_s));
            return source.open(QIODevice::WriteOnly) && source.write(body) == body.size() ? source.fileName() : QString();
        };
        const QString name = u"_drive_ingest/runs/r3.jsonl"_s;
        const QByteArray small = randomBody(64 * 1024 + 5, 21);
        QCOMPARE(ResumeTest::writeWholeFrom(*destination, name, sourceOf(small)), QString());
        QVERIFY(readWhole(*destination, name, small.size()) == small);
        // Several of the feeder's blocks and of DBFS's add-blocks, not a multiple of either: replaces the small one.
        const QByteArray body = randomBody(bigSize, 22);
        QCOMPARE(ResumeTest::writeWholeFrom(*destination, name, sourceOf(body)), QString());
        QVERIFY(readWhole(*destination, name, body.size()) == body);
        const QStringList names = listNames(*destination, u"_drive_ingest/runs"_s);
        QVERIFY2(names.contains(u"r3.jsonl"_s), qPrintable(names.join(u' ')));
        for (const QString &left : names)
            QVERIFY2(!left.startsWith(Dest::TemporaryPrefix), qPrintable(left)); // no temporary file stays
        QVERIFY(!ResumeTest::writeWholeFrom(*destination, name, dir.filePath(u"none"_s)).isEmpty());
        QVERIFY(readWhole(*destination, name, body.size()) == body); // a source that cannot be read changes nothing
    }

    void failedWholeWriteKeepsOldContent_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QJsonObject>("fault");
        QTest::newRow("volume: PUT reset mid-body")
            << Kind::Volume << 2 * MiB << QJsonObject {{u"reset_put_after_bytes"_s, 4096}, {u"reset_put_times"_s, 100}};
        QTest::newRow("dbfs: put refused") << Kind::Dbfs << 1000LL
            << QJsonObject {{u"error_times"_s, 100}, {u"error_status"_s, 500}, {u"error_routes"_s, QJsonArray {u"dbx.dbfs.put"_s}}};
        QTest::newRow("dbfs: move refused") << Kind::Dbfs << 2 * MiB
            << QJsonObject {{u"error_times"_s, 100}, {u"error_status"_s, 500}, {u"error_routes"_s, QJsonArray {u"dbx.dbfs.move"_s}}};
    }

    void failedWholeWriteKeepsOldContent()
    {
        QFETCH(Kind, kind);
        QFETCH(qint64, size);
        QFETCH(QJsonObject, fault);
        auto destination = destinationOf(kind);
        const QString name = u"_drive_ingest/runs/keep-"_s + QString::fromLatin1(QTest::currentDataTag()).left(4) + u".jsonl"_s;
        QCOMPARE(writeWhole(*destination, name, "old content\n"_ba), QString());
        QVERIFY(setDatabricksFaults(*m_sandbox, fault));
        const QString reason = writeWhole(*destination, name, randomBody(size, 16));
        QVERIFY(setDatabricksFaults(*m_sandbox, {{u"error_times"_s, 0}, {u"reset_put_times"_s, 0}, {u"error_routes"_s, QJsonArray()}}));
        QVERIFY2(!reason.isEmpty(), "the write should have failed");
        QCOMPARE(readWhole(*destination, name, 100), "old content\n"_ba);
        // No temporary file left beside it (the raw listing shows hidden names too).
        const QList<QPair<QByteArray, QByteArray>> auth {{"Authorization"_ba, "Bearer "_ba + EngineTest::Token}};
        const QString folder = (kind == Kind::Volume ? Root : DbfsRoot) + u"/_drive_ingest/runs"_s;
        const QJsonObject listing = kind == Kind::Volume
            ? m_sandbox->get(u"/api/2.0/fs/directories"_s + folder, auth).json()
            : m_sandbox->get(u"/api/2.0/dbfs/list?path="_s + folder, auth).json();
        const QJsonArray entries = listing.value(kind == Kind::Volume ? u"contents"_s : u"files"_s).toArray();
        QVERIFY(!entries.isEmpty());
        for (const QJsonValue &entry : entries)
            QVERIFY2(!entry.toObject().value(u"path"_s).toString().contains(u".drive-ingest-"_s),
                     qPrintable(entry.toObject().value(u"path"_s).toString()));
    }

};

QTEST_GUILESS_MAIN(TestDestVolumeResume)
#include "tst_dest_volumeresume.moc"
