// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/changesfeed.h"

#include "drive/driveclient.h"
#include "net/apicall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Drive
{
namespace
{
Net::Error badBody(const QString &what)
{
    return { Net::ErrorClass::Permanent, 0, u"badChangesBody"_s, what };
}
} // namespace

ChangesFeed::ChangesFeed(DriveClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ChangesFeed::~ChangesFeed()
{
    abort();
}

bool ChangesFeed::isRejectedToken(const Net::Error &error)
{
    return error.reason == u"pageTokenRejected"_s;
}

void ChangesFeed::track(Net::ApiCall *call)
{
    m_call = call;
    call->setParent(this);
}

void ChangesFeed::abort()
{
    if (m_call)
    {
        m_call->disconnect(this);
        m_call->abort();
        m_call = nullptr;
    }
    m_pending.clear();
}

void ChangesFeed::fetchStartTokens(const QStringList &corpora)
{
    m_pending = corpora;
    m_result.clear();
    nextToken();
}

void ChangesFeed::nextToken()
{
    if (m_pending.isEmpty())
    {
        emit tokensFetched(m_result, {});
        return;
    }
    const QString corpus = m_pending.takeFirst();
    Net::ApiCall *call = m_client->startPageToken(corpus);
    track(call);
    connect(call, &Net::ApiCall::finished, this,
        [this, corpus](const Net::Error &error, const QByteArray &body)
        {
            m_call = nullptr;
            const QString token
                = QJsonDocument::fromJson(body).object().value(u"startPageToken"_s).toString();
            if (error.isError() || token.isEmpty())
            {
                m_pending.clear();
                emit tokensFetched({}, error.isError() ? error : badBody(tr("Drive gave no start page token")));
                return;
            }
            m_result.insert(corpus, token);
            nextToken();
        });
    call->start();
}

void ChangesFeed::read(const QMap<QString, QString> &tokens)
{
    m_tokens = tokens;
    m_pending = tokens.keys();
    m_result.clear();
    m_changes.clear();
    m_index.clear();
    if (m_pending.isEmpty())
    {
        finishRead({});
        return;
    }
    const QString corpus = m_pending.takeFirst();
    nextPage(corpus, m_tokens.value(corpus));
}

void ChangesFeed::nextPage(const QString &corpus, const QString &pageToken)
{
    Net::ApiCall *call = m_client->listChanges(pageToken, corpus, m_pageSize);
    track(call);
    connect(call, &Net::ApiCall::finished, this,
        [this, corpus, pageToken](const Net::Error &error, const QByteArray &body)
        {
            m_call = nullptr;
            if (error.isError())
            {
                // A token Drive does not know (400 invalid, 404, 410): only a full listing can say what changed.
                const int status = error.httpStatus;
                if (status == 400 || status == 404 || status == 410)
                    finishRead({ error.errorClass, status, u"pageTokenRejected"_s, error.message });
                else
                    finishRead(error);
                return;
            }
            const QJsonObject page = QJsonDocument::fromJson(body).object();
            for (const QJsonValue &value : page.value(u"changes"_s).toArray())
            {
                const QJsonObject entry = value.toObject();
                if (entry.value(u"changeType"_s).toString(u"file"_s) != u"file"_s)
                    continue; // a shared drive's own events (renamed, left) say nothing about its files
                Change change;
                change.fileId = entry.value(u"fileId"_s).toString();
                change.removed = entry.value(u"removed"_s).toBool();
                if (!change.removed)
                    change.file = DriveFile::fromJson(entry.value(u"file"_s).toObject());
                if (change.fileId.isEmpty())
                    change.fileId = change.file.id;
                if (change.fileId.isEmpty())
                    continue;
                // The latest state of an item wins (a later page, or another corpus's log).
                if (const auto it = m_index.constFind(change.fileId); it != m_index.constEnd())
                    m_changes[*it] = change;
                else
                {
                    m_index.insert(change.fileId, m_changes.size());
                    m_changes.append(change);
                }
            }
            const QString next = page.value(u"nextPageToken"_s).toString();
            if (!next.isEmpty() && next != pageToken)
            {
                nextPage(corpus, next);
                return;
            }
            const QString newStart = page.value(u"newStartPageToken"_s).toString();
            if (newStart.isEmpty())
            {
                finishRead(badBody(tr("Drive ended a changes listing without a new start page token")));
                return;
            }
            m_result.insert(corpus, newStart);
            if (m_pending.isEmpty())
            {
                finishRead({});
                return;
            }
            const QString following = m_pending.takeFirst();
            nextPage(following, m_tokens.value(following));
        });
    call->start();
}

void ChangesFeed::finishRead(const Net::Error &error)
{
    m_pending.clear();
    const QList<Change> changes = std::exchange(m_changes, {});
    m_index.clear();
    emit changesRead(error.isError() ? QList<Change>() : changes, error.isError() ? QMap<QString, QString>() : m_result,
                     error);
}

} // namespace Drive
