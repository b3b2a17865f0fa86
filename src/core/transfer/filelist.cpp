// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/snapshot.h"

#include "util/logging.h"

#include <QDataStream>
#include <QDir>
#include <QMutex>
#include <QTemporaryFile>

namespace Transfer
{
namespace
{
constexpr QDataStream::Version StreamVersion = QDataStream::Qt_6_4;

void writeStatus(QDataStream &out, const FileStatus &f)
{
    out << f.key << f.driveId << f.drivePath << f.destinationPath << f.mimeType << f.exportMimeType
        << qint32(f.state) << f.bytesDone << f.bytesTotal << f.rate << qint32(f.retries)
        << qint32(f.lastError.errorClass) << qint32(f.lastError.httpStatus) << f.lastError.reason
        << f.lastError.message << qint64(f.lastError.retryAfter.count()) << f.hash << f.seconds;
}

FileStatus readStatus(QDataStream &in)
{
    FileStatus f;
    qint32 state = 0, retries = 0, errorClass = 0, httpStatus = 0;
    qint64 retryAfter = -1;
    in >> f.key >> f.driveId >> f.drivePath >> f.destinationPath >> f.mimeType >> f.exportMimeType >> state
        >> f.bytesDone >> f.bytesTotal >> f.rate >> retries >> errorClass >> httpStatus >> f.lastError.reason
        >> f.lastError.message >> retryAfter >> f.hash >> f.seconds;
    f.state = FileState(state);
    f.retries = retries;
    f.lastError.errorClass = Net::ErrorClass(errorClass);
    f.lastError.httpStatus = httpStatus;
    f.lastError.retryAfter = std::chrono::milliseconds(retryAfter);
    return f;
}
} // namespace

/// The file the chunks are written to, shared by copies of the list; offsets.size() == counts.size() + 1.
struct FileList::Spill
{
    QTemporaryFile file;
    QList<qint64> offsets {0};
    QList<qsizetype> counts;
    QMutex mutex;

    [[nodiscard]] QList<FileStatus> read(qsizetype chunk)
    {
        QByteArray bytes;
        {
            const QMutexLocker lock(&mutex);
            if (file.seek(offsets.at(chunk)))
                bytes = file.read(offsets.at(chunk + 1) - offsets.at(chunk));
        }
        QList<FileStatus> files;
        QDataStream in(bytes);
        in.setVersion(StreamVersion);
        files.reserve(counts.at(chunk));
        for (qsizetype i = 0; i < counts.at(chunk) && in.status() == QDataStream::Ok; ++i)
            files.append(readStatus(in));
        if (in.status() != QDataStream::Ok || files.size() != counts.at(chunk))
            qCWarning(lcTransfer).noquote() << "the report's spilled files cannot be read back from"
                                            << file.fileName() << ":" << file.errorString();
        return files;
    }
};

FileList::FileList(QList<FileStatus> files)
    : m_memory(std::move(files))
{
}

FileList::FileList(std::initializer_list<FileStatus> files)
    : m_memory(files)
{
}

void FileList::setSpillFolder(const QString &folder)
{
    m_folder = folder;
}

void FileList::spill(FileStatus &&file)
{
    m_pending.append(std::move(file));
    if (m_pending.size() >= ChunkSize && !m_spillFailed)
        writeChunk();
}

void FileList::writeChunk()
{
    if (!m_spill)
    {
        auto spill = std::make_shared<Spill>();
        for (const QString &folder : {m_folder, QDir::tempPath()})
        {
            if (folder.isEmpty())
                continue;
            spill->file.setFileTemplate(folder + u"/drive-ingest-report-XXXXXX");
            if (spill->file.open())
                break;
        }
        if (!spill->file.isOpen())
        {
            m_spillFailed = true;
            qCWarning(lcTransfer).noquote() << "the report's files stay in memory: no temporary file in" << m_folder
                                            << "nor" << QDir::tempPath() << ":" << spill->file.errorString();
            return;
        }
        // Unlinked at once: read and written through the open file only, gone with the process however it ends.
        QFile::remove(spill->file.fileName());
        m_spill = spill;
    }
    const QMutexLocker lock(&m_spill->mutex);
    if (m_chunks != m_spill->counts.size())
        return; // a copy that went on spilling on its own: this one keeps its files in memory
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(StreamVersion);
        for (const FileStatus &f : std::as_const(m_pending))
            writeStatus(out, f);
    }
    const qint64 at = m_spill->offsets.last();
    if (!m_spill->file.seek(at) || m_spill->file.write(bytes) != bytes.size())
    {
        m_spillFailed = true;
        qCWarning(lcTransfer).noquote() << "the report's files stay in memory: cannot write" << m_spill->file.fileName()
                                        << ":" << m_spill->file.errorString();
        return;
    }
    m_spill->offsets.append(at + bytes.size());
    m_spill->counts.append(m_pending.size());
    ++m_chunks;
    m_spilledFiles += m_pending.size();
    m_pending.clear();
}

void FileList::append(FileStatus file)
{
    m_memory.append(std::move(file));
}

qsizetype FileList::size() const
{
    return m_spilledFiles + m_pending.size() + m_memory.size();
}

qsizetype FileList::spilledCount() const
{
    return m_spilledFiles;
}

FileStatus FileList::at(qsizetype i) const
{
    Q_ASSERT(i >= 0 && i < size());
    auto it = begin();
    for (qsizetype n = 0; n < i; ++n)
        ++it;
    return *it;
}

FileStatus &FileList::operator[](qsizetype i)
{
    Q_ASSERT(!m_spill && m_pending.isEmpty());
    return m_memory[i];
}

QList<FileStatus> FileList::toList() const
{
    QList<FileStatus> files;
    files.reserve(size());
    for (const FileStatus &f : *this)
        files.append(f);
    return files;
}

FileList::const_iterator::const_iterator(const FileList *list)
    : m_list(list)
{
    m_spilledHead = nextSpilled();
    advance();
}

const FileStatus *FileList::const_iterator::nextSpilled()
{
    if (m_inBuffer < m_buffer.size())
        return &m_buffer.at(m_inBuffer++);
    while (m_chunk < m_list->m_chunks)
    {
        m_buffer = m_list->m_spill->read(m_chunk++);
        m_inBuffer = 0;
        if (!m_buffer.isEmpty())
            return &m_buffer.at(m_inBuffer++);
    }
    m_buffer.clear();
    if (m_inPending < m_list->m_pending.size())
        return &m_list->m_pending.at(m_inPending++);
    return nullptr;
}

void FileList::const_iterator::advance()
{
    // Two parts, each in key order: the spilled files and the appended ones.
    const FileStatus *appended = m_inMemory < m_list->m_memory.size() ? &m_list->m_memory.at(m_inMemory) : nullptr;
    if (m_spilledHead && (!appended || m_spilledHead->key <= appended->key))
    {
        m_current = m_spilledHead;
        m_spilledHead = nullptr;
        m_spilledTaken = true;
    }
    else
    {
        m_current = appended;
        if (appended)
            ++m_inMemory;
    }
}

FileList::const_iterator &FileList::const_iterator::operator++()
{
    if (m_spilledTaken)
    {
        // The one just yielded was the spilled head: only now may its chunk's buffer be replaced.
        m_spilledTaken = false;
        m_spilledHead = nextSpilled();
    }
    advance();
    return *this;
}

} // namespace Transfer
