// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

namespace Dest
{
/**
 * The body of one streaming Volume PUT: a bounded ring buffer the sink fills (push) and
 * QNetworkAccessManager drains (read). Sequential, so QNAM never seeks or buffers it whole; the request
 * carries Content-Length = total().
 *
 * The last byte is held back until release(): the server cannot complete the upload before the engine
 * verified the file, so an abort() before that leaves nothing at the final path.
 */
class VolumeUploadPipe final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VolumeUploadPipe)

public:
    VolumeUploadPipe(qint64 total, qint64 capacity, QObject *parent = nullptr);
    ~VolumeUploadPipe() override;

    /// Takes up to `length` bytes; 0 when the buffer is full (spaceAvailable() follows).
    qint64 push(const char *data, qint64 length);
    /// Lets the held-back last byte go.
    void release();

    [[nodiscard]] qint64 total() const { return m_total; }
    [[nodiscard]] qint64 pushed() const { return m_pushed; }
    [[nodiscard]] qint64 drained() const { return m_drained; }
    [[nodiscard]] qint64 buffered() const { return m_size; }
    [[nodiscard]] qint64 capacity() const { return m_ring.size(); }

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override;
    [[nodiscard]] bool atEnd() const override;

signals:
    /// The reader took bytes from a full buffer: push() may take more.
    void spaceAvailable();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    [[nodiscard]] qint64 readable() const;

    QByteArray m_ring;
    qint64 m_head = 0; ///< read position in m_ring
    qint64 m_size = 0; ///< bytes in m_ring
    qint64 m_total;
    qint64 m_pushed = 0;
    qint64 m_drained = 0;
    bool m_released = false;
    bool m_wasFull = false;
    bool m_spaceQueued = false;
    /// The reader found nothing and waits for readyRead; while it keeps reading, a readyRead per push
    /// would only queue one more wake-up per Drive chunk into QNAM's upload path.
    bool m_readerWaiting = true;
    // Counters for the debug line at destruction (where an upload waits: on Drive or on the network).
    qint64 m_reads = 0;       ///< readData() calls that returned bytes
    qint64 m_starved = 0;     ///< readData() calls that found nothing to give (the Drive side is behind)
    qint64 m_fullPushes = 0;  ///< push() calls that could not take everything (the upload is behind)
    qint64 m_largestRead = 0;
};

} // namespace Dest
