// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QtGlobal>

/**
 * The queue's engine key -> storage row. The engine numbers a run's files 1, 2, 3… in the order found
 * (Transfer::FileRecords), so a list indexed by key holds them in 4 bytes a file (a hash of 100,000 keys takes
 * several times that). A key far above what the list could hold densely goes to a hash instead.
 */
class KeyIndex final
{
public:
    /// The row of `key`, or -1.
    [[nodiscard]] int value(quint64 key) const
    {
        if (key < quint64(m_dense.size()))
            return m_dense.at(qsizetype(key));
        return m_sparse.value(key, -1);
    }
    /// `rows`: how many rows the model holds now (bounds the dense part).
    void insert(quint64 key, int row, qsizetype rows)
    {
        if (key < quint64(m_dense.size()))
            m_dense[qsizetype(key)] = row;
        else if (key <= quint64(4 * rows + 1024))
        {
            m_dense.resize(qsizetype(key) + 1, -1);
            m_dense[qsizetype(key)] = row;
        }
        else
            m_sparse.insert(key, row);
    }
    void clear()
    {
        m_dense.clear();
        m_dense.squeeze();
        m_sparse.clear();
    }

private:
    QList<int> m_dense;           ///< [key]: row, or -1
    QHash<quint64, int> m_sparse; ///< keys too large for m_dense
};
