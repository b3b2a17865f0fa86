// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/enginehost.h"

#include "net/tokenprovider.h"
#include "destinations/destination.h"
#include "net/network.h"
#include "transfer/engine.h"

#include <QNetworkAccessManager>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Transfer
{
EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
{
    qRegisterMetaType<Transfer::Snapshot>();
    qRegisterMetaType<Transfer::Report>();
    qRegisterMetaType<Transfer::FileStatus>();
    qRegisterMetaType<Net::Error>();
    m_thread->setObjectName(u"drive-ingest-engine"_s);
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

EngineHost::~EngineHost()
{
    // Everything of the run is torn down on its own thread: transfers abort their sinks (nothing half
    // written stays), replies are dropped, then the thread stops.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            if (m_engine)
                m_engine->disconnect(this);
            delete m_worker; // the engine, its QNAM, token provider and destination are children
            m_worker = nullptr;
            m_engine = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void EngineHost::post(std::function<void()> call)
{
    QMetaObject::invokeMethod(m_worker, std::move(call), Qt::QueuedConnection);
}

void EngineHost::startRun(const Setup &setup, const QList<Drive::DriveRef> &sources)
{
    post([this, setup, sources] {
        if (m_engine)
        {
            // A new run replaces the previous one (finished or not).
            m_engine->disconnect(this);
            delete m_engine->parent();
            m_engine = nullptr;
        }
        if (!setup.endpoints.extraCaFile.isEmpty())
        {
            // A sandbox started with --tls: trust its CA on top of the system store (never instead of it).
            QString message;
            if (!Net::configureTls(setup.endpoints.extraCaFile, &message))
            {
                emit runFailed({Net::ErrorClass::Local, 0, u"invalidSetup"_s, message});
                Report report;
                report.totals.finished = true;
                emit finished(report);
                return;
            }
        }
        auto *run = new QObject(m_worker);
        auto *nam = new QNetworkAccessManager(run);
        Net::TokenProvider *token = setup.googleToken ? setup.googleToken(nam, run) : nullptr;
        Dest::Destination *destination = setup.destination ? setup.destination(nam, run) : nullptr;
        if (!token || !destination)
        {
            const Net::Error error {Net::ErrorClass::Local, 0, u"invalidSetup"_s,
                                    tr("The run has no %1.").arg(token ? tr("destination") : tr("account"))};
            emit runFailed(error);
            Report report;
            report.totals.finished = true;
            emit finished(report);
            delete run;
            return;
        }
        m_engine = new Engine({nam, token, destination, setup.endpoints}, setup.options, run);
        connect(m_engine, &Engine::snapshot, this, &EngineHost::snapshot);
        connect(m_engine, &Engine::finished, this, &EngineHost::finished);
        connect(m_engine, &Engine::authRequired, this, &EngineHost::authRequired);
        connect(m_engine, &Engine::runFailed, this, &EngineHost::runFailed);
        connect(m_engine, &Engine::notice, this, &EngineHost::notice);
        m_engine->start(sources);
    });
}

void EngineHost::addSources(const QList<Drive::DriveRef> &sources)
{
    post([this, sources] {
        if (m_engine)
            m_engine->addSources(sources);
    });
}

void EngineHost::pause()
{
    post([this] {
        if (m_engine)
            m_engine->pause();
    });
}

void EngineHost::resume()
{
    post([this] {
        if (m_engine)
            m_engine->resume();
    });
}

void EngineHost::cancel()
{
    post([this] {
        if (m_engine)
            m_engine->cancel();
    });
}

void EngineHost::pauseFile(quint64 key)
{
    post([this, key] {
        if (m_engine)
            m_engine->pauseFile(key);
    });
}

void EngineHost::resumeFile(quint64 key)
{
    post([this, key] {
        if (m_engine)
            m_engine->resumeFile(key);
    });
}

void EngineHost::cancelFile(quint64 key)
{
    post([this, key] {
        if (m_engine)
            m_engine->cancelFile(key);
    });
}

void EngineHost::retryFile(quint64 key)
{
    post([this, key] {
        if (m_engine)
            m_engine->retryFile(key);
    });
}

void EngineHost::setParallel(int files)
{
    post([this, files] {
        if (m_engine)
            m_engine->setParallel(files);
    });
}

void EngineHost::setBandwidthLimit(qint64 bytesPerSecond)
{
    post([this, bytesPerSecond] {
        if (m_engine)
            m_engine->setBandwidthLimit(bytesPerSecond);
    });
}

} // namespace Transfer
