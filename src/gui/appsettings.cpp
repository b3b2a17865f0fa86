// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "transfer/conflictdecision.h"
#include "transfer/exportformats.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

AppSettings::AppSettings(QSettings *settings)
    : m_settings(settings)
{
}

int AppSettings::parallel() const
{
    return std::clamp(m_settings->value(u"transfer/parallel"_s, 4).toInt(), 1, 64);
}

void AppSettings::setParallel(int files)
{
    m_settings->setValue(u"transfer/parallel"_s, files);
}

int AppSettings::streams() const
{
    // 0: automatic (Transfer::RunOptions::streams, streamplanner.h)
    return std::clamp(m_settings->value(u"transfer/streams"_s, 0).toInt(), 0, 16);
}

void AppSettings::setStreams(int streams)
{
    m_settings->setValue(u"transfer/streams"_s, streams);
}

double AppSettings::requestsPerSecond() const
{
    return std::clamp(m_settings->value(u"transfer/requestsPerSecond"_s, 10.0).toDouble(), 0.1, 1000.0);
}

void AppSettings::setRequestsPerSecond(double rate)
{
    m_settings->setValue(u"transfer/requestsPerSecond"_s, rate);
}

qint64 AppSettings::bandwidthLimit() const
{
    return std::max<qint64>(0, m_settings->value(u"transfer/bandwidthLimit"_s, 0).toLongLong());
}

void AppSettings::setBandwidthLimit(qint64 bytesPerSecond)
{
    m_settings->setValue(u"transfer/bandwidthLimit"_s, bytesPerSecond);
}

Dest::ConflictPolicy AppSettings::conflictPolicy() const
{
    // The CLI's --on-conflict names; "skip" (never touch what is there) when unset or unknown.
    const QString v = m_settings->value(u"transfer/conflict"_s, u"skip"_s).toString();
    return Transfer::ConflictDecision::policyFromName(v).value_or(Dest::ConflictPolicy::Skip);
}

void AppSettings::setConflictPolicy(Dest::ConflictPolicy policy)
{
    m_settings->setValue(u"transfer/conflict"_s, Transfer::ConflictDecision::policyName(policy));
}

QMap<QString, QString> AppSettings::defaultExportFormats()
{
    return Transfer::defaultExportFormats();
}

QMap<QString, QString> AppSettings::exportFormats() const
{
    QMap<QString, QString> formats = defaultExportFormats();
    m_settings->beginGroup(u"exportFormats"_s);
    const QStringList keys = m_settings->childKeys();
    for (const QString &key : keys)
    {
        // QSettings keys cannot hold '/', so the Google type is stored by its last part ("document").
        formats.insert(u"application/vnd.google-apps."_s + key, m_settings->value(key).toString());
    }
    m_settings->endGroup();
    return formats;
}

void AppSettings::setExportFormats(const QMap<QString, QString> &formats)
{
    m_settings->beginGroup(u"exportFormats"_s);
    m_settings->remove(QString());
    for (auto it = formats.cbegin(); it != formats.cend(); ++it)
        m_settings->setValue(it.key().section(u'.', -1), it.value());
    m_settings->endGroup();
}

AppSettings::ProxyMode AppSettings::proxyMode() const
{
    const QString v = m_settings->value(u"proxy/mode"_s, u"system"_s).toString();
    if (v == u"none")
        return ProxyMode::None;
    if (v == u"manual")
        return ProxyMode::Manual;
    return ProxyMode::System;
}

void AppSettings::setProxyMode(ProxyMode mode)
{
    const QString v = mode == ProxyMode::None ? u"none"_s : mode == ProxyMode::Manual ? u"manual"_s : u"system"_s;
    m_settings->setValue(u"proxy/mode"_s, v);
}

QString AppSettings::proxyHost() const
{
    return m_settings->value(u"proxy/host"_s).toString();
}

int AppSettings::proxyPort() const
{
    return m_settings->value(u"proxy/port"_s, 8080).toInt();
}

void AppSettings::setProxy(const QString &host, int port)
{
    m_settings->setValue(u"proxy/host"_s, host);
    m_settings->setValue(u"proxy/port"_s, port);
}

QString AppSettings::databricksWorkspace() const
{
    return m_settings->value(u"databricks/workspace"_s).toString();
}

void AppSettings::setDatabricksWorkspace(const QString &host)
{
    if (host.isEmpty())
        m_settings->remove(u"databricks/workspace"_s);
    else
        m_settings->setValue(u"databricks/workspace"_s, host);
}

Transfer::IngestLogTarget AppSettings::ingestLog() const
{
    return {m_settings->value(u"databricks/logTable"_s).toString(), m_settings->value(u"databricks/warehouse"_s).toString()};
}

void AppSettings::setIngestLog(const Transfer::IngestLogTarget &target)
{
    m_settings->setValue(u"databricks/logTable"_s, target.table);
    m_settings->setValue(u"databricks/warehouse"_s, target.warehouseId);
}

QString AppSettings::currentAccount() const
{
    return m_settings->value(u"accounts/current"_s).toString();
}

void AppSettings::setCurrentAccount(const QString &name)
{
    m_settings->setValue(u"accounts/current"_s, name);
}

AppSettings::DestinationKind AppSettings::destinationKind() const
{
    const QString v = m_settings->value(u"destination/kind"_s, u"local"_s).toString();
    if (v == u"volume")
        return DestinationKind::Volume;
    if (v == u"dbfs")
        return DestinationKind::Dbfs;
    return DestinationKind::LocalFolder;
}

QString AppSettings::destinationPath() const
{
    return m_settings->value(u"destination/path"_s).toString();
}

void AppSettings::setDestination(DestinationKind kind, const QString &path)
{
    const QString v = kind == DestinationKind::Volume ? u"volume"_s : kind == DestinationKind::Dbfs ? u"dbfs"_s : u"local"_s;
    m_settings->setValue(u"destination/kind"_s, v);
    m_settings->setValue(u"destination/path"_s, path);
}

QStringList AppSettings::recentVolumes() const
{
    return m_settings->value(u"destination/recentVolumes"_s).toStringList();
}

void AppSettings::addRecentVolume(const QString &path)
{
    QStringList recent = recentVolumes();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 10)
        recent.removeLast();
    m_settings->setValue(u"destination/recentVolumes"_s, recent);
}

Transfer::RunOptions AppSettings::runOptions() const
{
    Transfer::RunOptions options;
    options.parallel = parallel();
    options.streams = streams();
    options.requestsPerSecond = requestsPerSecond();
    options.bandwidthLimit = bandwidthLimit();
    options.conflict = conflictPolicy();
    options.exportFormats = exportFormats();
    return options;
}
