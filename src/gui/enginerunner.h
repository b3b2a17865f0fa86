// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontroller.h"

namespace Transfer
{
class EngineHost;
}

/// RunController over the real Transfer::EngineHost: builds the token and destination factories from a RunPlan.
class EngineRunner final : public RunController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineRunner)

public:
    explicit EngineRunner(Transfer::EngineHost *host, QObject *parent = nullptr); ///< host not owned

    void start(const RunPlan &plan) override;
    void addSources(const QList<Drive::DriveRef> &sources) override;
    void pause() override;
    void resume() override;
    void cancel() override;
    void pauseFile(quint64 key) override;
    void resumeFile(quint64 key) override;
    void cancelFile(quint64 key) override;
    void retryFile(quint64 key) override;
    void setParallel(int files) override;
    void setBandwidthLimit(qint64 bytesPerSecond) override;

private:
    Transfer::EngineHost *m_host;
};
