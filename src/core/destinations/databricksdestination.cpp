// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/databricksdestination.h"

#include "destinations/pathmapper.h"
#include "util/logging.h"

using namespace Qt::StringLiterals;

namespace Dest
{
DatabricksDestination::DatabricksDestination(QNetworkAccessManager *nam, Net::TokenProvider *tokens, const QUrl &host,
                                             const QString &root, const QString &scheme, QObject *parent)
    : Destination(parent)
    , m_client(new DatabricksClient(nam, tokens, host, this))
    , m_root(root.endsWith(u'/') && root.size() > 1 ? root.chopped(1) : root)
    , m_scheme(scheme)
{
}

DatabricksDestination::~DatabricksDestination() = default;

QString DatabricksDestination::absolutePath(const QString &relativePath) const
{
    if (relativePath.isEmpty())
        return m_root;
    return m_root == u"/"_s ? QString(u'/' + relativePath) : QString(m_root + u'/' + relativePath);
}

QString DatabricksDestination::describe() const
{
    return m_scheme + m_root;
}

QString DatabricksDestination::locationOf(const QString &relativePath) const
{
    return m_scheme + absolutePath(relativePath);
}

void DatabricksDestination::check(std::function<void(const Net::Error &)> done)
{
    const QString problem = rootProblem();
    if (!problem.isEmpty())
    {
        const Net::Error e {Net::ErrorClass::Local, 0, u"badDestination"_s, problem};
        QMetaObject::invokeMethod(this, [done, e] { done(e); }, Qt::QueuedConnection);
        return;
    }
    makeRoot([this, done](const Net::Error &error) {
        if (!error.isError() || error.errorClass == Net::ErrorClass::Auth)
        {
            done(error);
            return;
        }
        Net::Error e = error;
        e.errorClass = Net::ErrorClass::Local; // the destination itself is unusable: stop the run early
        e.message = cannotWriteText(error.message);
        done(e);
    });
}

void DatabricksDestination::probe(const QString &relativePath,
                                  std::function<void(std::optional<Existing>, const Net::Error &)> done)
{
    statExisting(absolutePath(relativePath), this, std::move(done));
}

void DatabricksDestination::statExisting(const QString &path, QObject *context,
                                         std::function<void(std::optional<Existing>, const Net::Error &)> done)
{
    stat(path, context, [this, done](const Net::Error &error, const DatabricksResponse &response) {
        if (error.isError())
        {
            if (error.httpStatus == 404)
                done(std::nullopt, {});
            else
                done(std::nullopt, error);
            return;
        }
        done(existingFrom(response), {});
    });
}

// ---- DatabricksSink --------------------------------------------------------------------------------------

DatabricksSink::DatabricksSink(DatabricksDestination *destination, const QString &relativePath, qint64 expectedSize,
                               ConflictPolicy policy, QObject *parent)
    : Sink(parent)
    , m_destination(destination)
    , m_client(destination->client())
    , m_path(destination->absolutePath(relativePath))
    , m_scheme(destination->scheme())
    , m_expectedSize(expectedSize)
    , m_policy(policy)
    , m_budgetKey(m_path)
{
    // Keyed by the requested path: the engine's restart of this file (a new sink) finds the same budget.
    m_budget = m_client->fileBudget(m_budgetKey);
    connect(m_client, &DatabricksClient::rejected, this, [this](const Net::Error &error) {
        if (!m_done)
            fail(error);
    });
    // Queued: the subclass is complete by then, and the engine has connected its signals.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_done && m_client)
                begin();
        },
        Qt::QueuedConnection);
}

DatabricksSink::~DatabricksSink() = default;

void DatabricksSink::begin()
{
    settleName();
}

void DatabricksSink::settleName()
{
    if (m_policy == ConflictPolicy::KeepBoth)
        resolveKeepBoth(m_path, 0);
    else
        nameSettled();
}

void DatabricksSink::resolveKeepBoth(const QString &requested, int n)
{
    if (!m_destination)
        return;
    const qsizetype slash = requested.lastIndexOf(u'/');
    const QString parent = slash <= 0 ? u"/"_s : requested.left(slash);
    const QString candidate = n == 0 ? requested : QString(parent + u'/' + PathMapper::keepBothName(requested.section(u'/', -1), n));
    m_destination->stat(candidate, this, [this, requested, n, candidate](const Net::Error &error, const DatabricksResponse &) {
        if (m_done)
            return;
        if (!error.isError() && n < 1000)
        {
            resolveKeepBoth(requested, n + 1); // taken: try the next name
            return;
        }
        if (error.isError() && error.httpStatus != 404)
        {
            fail(error);
            return;
        }
        m_path = candidate;
        nameSettled();
    });
}

qint64 DatabricksSink::write(qint64 offset, const char *data, qint64 length)
{
    if (m_done)
        return -1;
    if (offset != m_written)
    {
        fail({Net::ErrorClass::Permanent, 0, u"outOfOrder"_s, outOfOrderText(offset)});
        return -1;
    }
    return take(data, length);
}

void DatabricksSink::commit()
{
    if (m_done || m_checkingLanded)
        return;
    m_checkingLanded = true;
    checkLanded();
}

void DatabricksSink::checkLanded()
{
    if (!m_destination)
    {
        fail({Net::ErrorClass::Cancelled, 0, u"cancelled"_s, tr("The destination is gone")});
        return;
    }
    // A 2xx PUT or close is not proof: storage can keep less than it was sent (src/sandbox short_store_*).
    m_destination->statExisting(m_path, this, [this](std::optional<Existing> landed, const Net::Error &error) {
        if (m_done)
            return;
        const QString location = m_scheme + m_path;
        if (error.isError())
        {
            fail(error, true);
            return;
        }
        if (!landed || landed->size != m_written)
        {
            fail({Net::ErrorClass::Transient, 0, u"landedSizeMismatch"_s,
                  landed ? tr("%1 holds %2 bytes after the upload was accepted; %3 were sent")
                               .arg(location)
                               .arg(landed->size)
                               .arg(m_written)
                         : tr("Nothing is at %1 after the upload was accepted").arg(location)},
                 true);
            return;
        }
        m_done = true;
        if (m_client)
            m_client->releaseFileBudget(m_budgetKey);
        emit committed(location);
    });
}

void DatabricksSink::fail(const Net::Error &failure, bool removeFinal)
{
    if (m_done)
        return;
    Net::Error error = failure;
    if (m_budget && Net::Backoff::isRetryable(error) && m_budget->decide(error).reaction != Net::Reaction::Retry)
        error = DatabricksClient::retriesExhausted(error, m_budget->backoffPolicy().maxTries);
    m_done = true;
    qCInfo(lcDest) << "failed:" << m_scheme + m_path << Net::errorClassName(error.errorClass) << error.reason
                   << error.message;
    dropUpload(removeFinal);
    emit failed(error);
}

void DatabricksSink::abort()
{
    if (m_done)
        return;
    const bool stored = mayBeStored();
    m_done = true;
    dropUpload(stored);
}

} // namespace Dest
