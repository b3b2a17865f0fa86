// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/sinkfeeder.h"

using namespace Qt::StringLiterals;

namespace Dest
{
Net::Error SinkFeeder::readError(const QFile &file)
{
    return {Net::ErrorClass::Local, 0, u"readError"_s, tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
}

void SinkFeeder::copy(Destination *destination, const QString &relativePath, const QString &sourcePath,
                      std::function<void(const Net::Error &)> done)
{
    auto file = std::make_unique<QFile>(sourcePath);
    if (!file->open(QIODevice::ReadOnly))
    {
        QMetaObject::invokeMethod(destination, [done = std::move(done), error = readError(*file)] { done(error); },
                                  Qt::QueuedConnection);
        return;
    }
    Target target;
    target.relativePath = relativePath;
    target.expectedSize = file->size();
    auto *feeder = new SinkFeeder(destination->openSink(target, ConflictPolicy::Overwrite), std::move(file), std::move(done));
    QMetaObject::invokeMethod(feeder, &SinkFeeder::pump, Qt::QueuedConnection);
}

SinkFeeder::SinkFeeder(Sink *sink, std::unique_ptr<QFile> file, std::function<void(const Net::Error &)> done)
    : QObject(sink)
    , m_file(std::move(file))
    , m_sink(sink)
    , m_done(std::move(done))
{
    connect(sink, &Sink::readyForMore, this, &SinkFeeder::pump);
    connect(sink, &Sink::committed, this, [this](const QString &) { end({}); });
    connect(sink, &Sink::failed, this, &SinkFeeder::end);
}

void SinkFeeder::pump()
{
    while (m_sink && !m_finishing && m_done)
    {
        if (m_taken == m_block.size())
        {
            m_block = m_file->read(BlockSize);
            m_taken = 0;
            if (m_block.isEmpty())
            {
                if (!m_file->atEnd() || m_file->error() != QFileDevice::NoError)
                {
                    end(readError(*m_file));
                    return;
                }
                m_finishing = true;
                m_sink->finish(); // committed() or failed() ends it
                return;
            }
        }
        const qint64 n = m_sink->write(m_offset, m_block.constData() + m_taken, m_block.size() - m_taken);
        if (n <= 0)
            return; // full: readyForMore() comes; or failed: failed() comes
        m_taken += n;
        m_offset += n;
    }
}

void SinkFeeder::end(const Net::Error &error)
{
    if (!m_done)
        return;
    const auto done = std::move(m_done);
    m_done = nullptr;
    if (m_sink)
    {
        if (error.isError() && !m_finishing)
            m_sink->abort();
        m_sink->deleteLater(); // and this feeder, its child
    }
    done(error);
}

} // namespace Dest
