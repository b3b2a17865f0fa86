// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/memorytokenstore.h"

#include "util/redactor.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QPointer>

namespace Auth
{
namespace
{
void deliver(QObject *context, TokenStore::Callback done, TokenStore::Result result)
{
    if (!done || !context)
        return;
    // Queued even though the answer is ready, so callers see the same ordering as with the keychain.
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}
} // namespace

MemoryTokenStore::MemoryTokenStore(QObject *parent)
    : TokenStore(parent)
{
}

MemoryTokenStore::~MemoryTokenStore() = default;

void MemoryTokenStore::write(const QString &key, const QByteArray &secret, QObject *context, Callback done)
{
    Util::registerSecret(secret);
    {
        QMutexLocker lock(&m_mutex);
        m_secrets.insert(key, secret);
    }
    deliver(context, std::move(done), { Result::Status::Ok, {}, {} });
}

void MemoryTokenStore::read(const QString &key, QObject *context, Callback done)
{
    Result result;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_secrets.constFind(key);
        if (it == m_secrets.cend())
            result.status = Result::Status::NotFound;
        else
            result = { Result::Status::Ok, *it, {} };
    }
    deliver(context, std::move(done), std::move(result));
}

void MemoryTokenStore::remove(const QString &key, QObject *context, Callback done)
{
    bool removed = false;
    {
        QMutexLocker lock(&m_mutex);
        removed = m_secrets.remove(key) > 0;
    }
    deliver(context, std::move(done), { removed ? Result::Status::Ok : Result::Status::NotFound, {}, {} });
}

QString MemoryTokenStore::description() const
{
    return tr("memory (not saved)");
}

bool MemoryTokenStore::contains(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.contains(key);
}

QByteArray MemoryTokenStore::value(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.value(key);
}

QStringList MemoryTokenStore::keys() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.keys();
}

} // namespace Auth
