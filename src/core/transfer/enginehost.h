// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/driveref.h"
#include "net/endpoints.h"
#include "transfer/snapshot.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThread;

namespace Net
{
class TokenProvider;
}
namespace Dest
{
class Destination;
}

namespace Transfer
{
class Engine;

/**
 * The face the GUI and the CLI talk to. Lives on the caller's thread and owns one worker thread on
 * which the Engine, its own QNetworkAccessManager, the token providers and the destination live.
 * Every call here is posted to that thread; everything coming back is a queued signal carrying an
 * immutable value. Nothing here blocks.
 */
class EngineHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineHost)

public:
    /// Factories run on the worker thread; `parent` lives there, `nam` is the engine's own.
    using TokenFactory = std::function<Net::TokenProvider *(QNetworkAccessManager *nam, QObject *parent)>;
    using DestinationFactory = std::function<Dest::Destination *(QNetworkAccessManager *nam, QObject *parent)>;

    struct Setup
    {
        Net::Endpoints endpoints;
        TokenFactory googleToken;
        DestinationFactory destination;
        RunOptions options;
    };

    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override; ///< cancels a run in flight and joins the worker thread

    void startRun(const Setup &setup, const QList<Drive::DriveRef> &sources);
    void addSources(const QList<Drive::DriveRef> &sources);
    void pause();
    void resume();
    void cancel();
    void pauseFile(quint64 key);
    void resumeFile(quint64 key);
    void cancelFile(quint64 key);
    void retryFile(quint64 key);
    void setParallel(int files);
    void setBandwidthLimit(qint64 bytesPerSecond);

signals:
    void snapshot(const Transfer::Snapshot &snapshot);
    void finished(const Transfer::Report &report);
    /// The account's token was refused and could not be refreshed: transfers of that account stopped.
    void authRequired(const QString &account, const QString &reason);
    /// The run stopped early (ErrorClass::Local: disk full, destination gone…).
    void runFailed(const Net::Error &error);
    /// Something to tell the user that does not stop the run (a damaged journal moved aside).
    void notice(const QString &text);

private:
    void post(std::function<void()> call);

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; ///< lives on m_thread; owns the run's QNAM, token provider, destination and engine
    Engine *m_engine = nullptr;  ///< lives on m_thread; touched only there
};

} // namespace Transfer
