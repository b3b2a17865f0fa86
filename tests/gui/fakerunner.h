// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A RunController that records what it is asked (no engine); tests emit its signals as the engine would.
#include "runcontroller.h"

#include <QStringList>

using namespace Qt::StringLiterals;

class FakeRunner final : public RunController
{
public:
    QList<RunPlan> starts;
    QList<QList<Drive::DriveRef>> added;
    QStringList calls;

    void start(const RunPlan &plan) override { starts.append(plan); }
    void addSources(const QList<Drive::DriveRef> &sources) override { added.append(sources); }
    void pause() override { calls << u"pause"_s; }
    void resume() override { calls << u"resume"_s; }
    void cancel() override { calls << u"cancel"_s; }
    void pauseFile(quint64 key) override { calls << u"pauseFile %1"_s.arg(key); }
    void resumeFile(quint64 key) override { calls << u"resumeFile %1"_s.arg(key); }
    void cancelFile(quint64 key) override { calls << u"cancelFile %1"_s.arg(key); }
    void retryFile(quint64 key) override { calls << u"retryFile %1"_s.arg(key); }
    void setParallel(int files) override { calls << u"parallel %1"_s.arg(files); }
    void setBandwidthLimit(qint64 bytesPerSecond) override { calls << u"bandwidth %1"_s.arg(bytesPerSecond); }

    using RunController::finished;
    using RunController::runFailed;
    using RunController::snapshot;
};
