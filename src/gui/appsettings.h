// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"
#include "transfer/ingestlog.h"
#include "transfer/snapshot.h"

#include <QMap>
#include <QString>
#include <QStringList>

class QSettings;

/// Typed view over the app's QSettings. Never holds a secret (tokens live in the keychain).
class AppSettings final
{
public:
    enum class ProxyMode
    {
        System,
        None,
        Manual,
    };
    enum class DestinationKind
    {
        LocalFolder,
        Volume,
        Dbfs,
    };

    explicit AppSettings(QSettings *settings); ///< not owned; main() makes it

    [[nodiscard]] int parallel() const;
    void setParallel(int files);
    [[nodiscard]] int streams() const;
    void setStreams(int streams);
    [[nodiscard]] double requestsPerSecond() const;
    void setRequestsPerSecond(double rate);
    [[nodiscard]] qint64 bandwidthLimit() const; ///< bytes/s, 0 = none
    void setBandwidthLimit(qint64 bytesPerSecond);
    [[nodiscard]] Dest::ConflictPolicy conflictPolicy() const;
    void setConflictPolicy(Dest::ConflictPolicy policy);
    /// Google mime type -> export mime type.
    [[nodiscard]] QMap<QString, QString> exportFormats() const;
    void setExportFormats(const QMap<QString, QString> &formats);
    [[nodiscard]] static QMap<QString, QString> defaultExportFormats();

    [[nodiscard]] ProxyMode proxyMode() const;
    void setProxyMode(ProxyMode mode);
    [[nodiscard]] QString proxyHost() const;
    [[nodiscard]] int proxyPort() const;
    void setProxy(const QString &host, int port);

    [[nodiscard]] DestinationKind destinationKind() const;
    [[nodiscard]] QString destinationPath() const;
    void setDestination(DestinationKind kind, const QString &path);
    [[nodiscard]] QStringList recentVolumes() const;
    void addRecentVolume(const QString &path); ///< newest first, at most 10
    /// The host of the kept Databricks workspace runs write to (its credentials are in the keychain).
    [[nodiscard]] QString databricksWorkspace() const;
    void setDatabricksWorkspace(const QString &host);
    /// The ingest log table and SQL warehouse a Databricks run appends to (issue 13); not set = no log.
    [[nodiscard]] Transfer::IngestLogTarget ingestLog() const;
    void setIngestLog(const Transfer::IngestLogTarget &target);
    /// The Google account shown last (a name from the account list), to come back to it at the next start.
    [[nodiscard]] QString currentAccount() const;
    void setCurrentAccount(const QString &name);

    /// The engine options these settings give.
    [[nodiscard]] Transfer::RunOptions runOptions() const;

    [[nodiscard]] QSettings *settings() const { return m_settings; }

private:
    QSettings *m_settings;
};
