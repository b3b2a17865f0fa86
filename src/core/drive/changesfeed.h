// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drive/drivefile.h"
#include "net/error.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Net
{
class ApiCall;
}

namespace Drive
{
class DriveClient;

/// One entry of a change log (resume-incremental.md §1b): the item's latest state, not a delta.
struct Change
{
    QString fileId;
    bool removed = false; ///< deleted or no longer shared with the user: only the id is known
    DriveFile file;       ///< the item's state when not removed (trashed: file.trashed)
};

/**
 * Drive's change logs for an incremental run (issue 12): one log for the user's corpus ("") and one per shared
 * drive (its id), each read from its own token (resume-incremental.md §1c). Reads one corpus after the other,
 * page after page, through DriveClient's paced, retried calls; a later entry for an item replaces an earlier one.
 *
 *   idle --fetchStartTokens(corpora)--> asking --> tokensFetched(tokens, error)
 *   idle --read(tokens)--> reading (page by page) --> changesRead(changes, newTokens, error)
 *
 * A token Drive refuses (400, 404 or 410: a restarted sandbox, an expired cursor) ends the read with an error of
 * reason "pageTokenRejected": the caller lists everything again.
 */
class ChangesFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangesFeed)

public:
    explicit ChangesFeed(DriveClient *client, QObject *parent = nullptr);
    ~ChangesFeed() override;

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    /// The current position of each corpus ("" = the user's log, else a shared drive id).
    void fetchStartTokens(const QStringList &corpora);
    /// Every change after `tokens` (corpus -> token).
    void read(const QMap<QString, QString> &tokens);
    void abort();

    [[nodiscard]] static bool isRejectedToken(const Net::Error &error);

signals:
    void tokensFetched(const QMap<QString, QString> &tokens, const Net::Error &error);
    void changesRead(const QList<Drive::Change> &changes, const QMap<QString, QString> &newTokens,
                     const Net::Error &error);

private:
    void nextToken();
    void nextPage(const QString &corpus, const QString &pageToken);
    void finishRead(const Net::Error &error);
    void track(Net::ApiCall *call);

    DriveClient *m_client;
    int m_pageSize = 1000;
    QStringList m_pending;            ///< corpora still to ask or read
    QMap<QString, QString> m_tokens;  ///< read: where each corpus starts
    QMap<QString, QString> m_result;  ///< the tokens fetched, or the new start tokens read
    QList<Change> m_changes;
    QHash<QString, qsizetype> m_index; ///< file id -> position in m_changes
    QPointer<Net::ApiCall> m_call;
};

} // namespace Drive

Q_DECLARE_METATYPE(Drive::Change)
