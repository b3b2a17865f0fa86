// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/destination.h"

#include <QFile>
#include <QPointer>

#include <functional>
#include <memory>

namespace Dest
{
/**
 * Copies a local file into a destination through a sink, a block at a time as the sink takes it (readyForMore), then
 * finish(): Destination::writeWholeFrom() for destinations whose sink streams (a Volume; DBFS into a temporary
 * name). Memory is one block whatever the file's size: the receipts of a run of a million files are not read
 * whole. `done` once, after the sink committed or failed (or the file could not be opened: then no sink is opened
 * and nothing at the destination changes). The feeder and the sink delete themselves after.
 */
class SinkFeeder final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 BlockSize = 1 << 20;

    static void copy(Destination *destination, const QString &relativePath, const QString &sourcePath,
                     std::function<void(const Net::Error &)> done);

private:
    SinkFeeder(Sink *sink, std::unique_ptr<QFile> file, std::function<void(const Net::Error &)> done);
    void pump();
    void end(const Net::Error &error);
    [[nodiscard]] static Net::Error readError(const QFile &file);

    std::unique_ptr<QFile> m_file;
    QPointer<Sink> m_sink;
    std::function<void(const Net::Error &)> m_done;
    QByteArray m_block;
    qint64 m_taken = 0;  ///< of m_block
    qint64 m_offset = 0; ///< bytes the sink took
    bool m_finishing = false;
};

} // namespace Dest
