// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/databrickscredentials.h"
#include "destinationchoice.h"
#include "drive/driveref.h"
#include "net/endpoints.h"
#include "net/error.h"
#include "transfer/snapshot.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class AppSettings;
class DatabricksTarget;
class DestinationPicker;
class QNetworkAccessManager;
class QueueModel;
struct SourceItem;
namespace Net
{
class TokenProvider;
}

/// The signed-in Google side of a run, as the window knows it. Tokens are held in memory only.
struct AccountSession
{
    /// Makes the account's token provider on the calling thread (the engine's worker, or the GUI for browsing).
    using TokenFactory = std::function<Net::TokenProvider *(QNetworkAccessManager *nam, QObject *parent)>;

    QString accountName;      ///< shown to the user
    Net::Endpoints endpoints; ///< Google, or the sandbox
    QByteArray staticToken;   ///< sandbox token; used when tokenFactory is empty
    TokenFactory tokenFactory; ///< refreshing providers (OAuth sign-in, service account)
    bool isSandbox = false;

    /// tokenFactory, or a provider of the static token.
    [[nodiscard]] TokenFactory tokens() const;

    [[nodiscard]] bool isValid() const { return !accountName.isEmpty(); }
};

/// A Databricks workspace to write to (Volumes, DBFS): its credentials as read from the TokenStore for this
/// run (or the sandbox's token), held in memory only. The run serves them through Auth::DatabricksTokenProvider,
/// so a service principal's token is fetched and renewed.
struct DatabricksWorkspace
{
    Auth::DatabricksCredentials credentials;

    [[nodiscard]] QUrl host() const { return QUrl(credentials.host); }
    [[nodiscard]] bool isValid() const { return !credentials.host.isEmpty() && !credentials.secret.isEmpty(); }
};

/// Everything one run needs from the window.
struct RunPlan
{
    AccountSession account;
    DatabricksWorkspace databricks;
    DestinationChoice destination;
    Transfer::RunOptions options;
    QList<Drive::DriveRef> sources;
};

/**
 * What the window drives. The real one forwards to Transfer::EngineHost (enginerunner.h); tests may use a
 * fake. Signals mirror EngineHost's so the window stays a thin adapter.
 */
class RunController : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start(const RunPlan &plan) = 0;
    virtual void addSources(const QList<Drive::DriveRef> &sources) = 0;
    virtual void pause() = 0;
    virtual void resume() = 0;
    virtual void cancel() = 0;
    virtual void pauseFile(quint64 key) = 0;
    virtual void resumeFile(quint64 key) = 0;
    virtual void cancelFile(quint64 key) = 0;
    virtual void retryFile(quint64 key) = 0;
    virtual void setParallel(int files) = 0;
    virtual void setBandwidthLimit(qint64 bytesPerSecond) = 0;

signals:
    void snapshot(const Transfer::Snapshot &snapshot);
    void finished(const Transfer::Report &report);
    void authRequired(const QString &account, const QString &reason);
    void runFailed(const Net::Error &error);
    /// Words for the status line that do not stop the run (a rerun's "N new, M changed, K removed since …").
    void notice(const QString &text);
};

/**
 * The window's run, over a RunController: the checks before a start (files queued, a destination that works,
 * for Databricks the chosen workspace), the plan it hands over, and whether a run is in flight or paused as
 * the controller's signals tell. The window shows what it says.
 */
class RunFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunFlow)

public:
    struct Parts
    {
        RunController *runner = nullptr;
        AppSettings *settings = nullptr;
        QueueModel *queue = nullptr;
        DestinationPicker *destination = nullptr;
        DatabricksTarget *databricks = nullptr;
    };

    explicit RunFlow(const Parts &parts, QObject *parent = nullptr);

    /// Starts a run of the queued work for `account`, after the checks; a Databricks destination is checked
    /// first (isChecking() meanwhile).
    void start(const AccountSession &account);
    /// Starts a run of exactly `sources` into `destination` (a journal's job run again or resumed), after the
    /// same checks; the picker shows the destination. Work queued meanwhile stays queued for the next start.
    void startJob(const AccountSession &account, const QList<SourceItem> &sources, const DestinationChoice &destination);
    void pause();
    void resume();
    void cancel();
    /// Pushes the live-changeable settings (files in flight, bandwidth cap) to a run in flight.
    void applyLiveSettings();
    /// Hands sources just queued to the run in flight; false (left queued) when none is.
    bool addToRun(const QList<SourceItem> &items);

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isPaused() const { return m_paused; }
    /// The Databricks check before a run is under way.
    [[nodiscard]] bool isChecking() const { return m_checking; }

    /// What the last run said beside its files (a rerun's "N new, M changed, K removed since …"); empty if nothing.
    [[nodiscard]] const QString &lastNotice() const { return m_notice; }

signals:
    /// Running, paused or checking changed.
    void changed();
    /// A run is about to start (the dashboard starts afresh).
    void launching();
    /// Why a start did not happen, for the status line.
    void message(const QString &text);

private:
    /// The sources of a job's run; nullopt: the queue's work.
    using JobSources = std::optional<QList<SourceItem>>;
    void checkAndLaunch(const AccountSession &account, const JobSources &job);
    void checkDatabricks(const AccountSession &account, const JobSources &job);
    void launch(const AccountSession &account, const DatabricksWorkspace &databricks, const JobSources &job);
    void setState(bool running, bool paused);

    Parts m_parts;
    bool m_running = false;
    bool m_paused = false;
    QString m_notice;
    bool m_checking = false;
};
