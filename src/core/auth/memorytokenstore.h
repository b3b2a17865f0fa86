// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/tokenstore.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

namespace Auth
{
/// Secrets in process memory only (tests; a face may offer it as "do not remember"). Thread-safe; callbacks are
/// queued.
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTokenStore)

public:
    explicit MemoryTokenStore(QObject *parent = nullptr);
    ~MemoryTokenStore() override;

    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done) override;
    void read(const QString &key, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    [[nodiscard]] QString description() const override;

    /// Synchronous views for tests.
    [[nodiscard]] bool contains(const QString &key) const;
    [[nodiscard]] QByteArray value(const QString &key) const;
    [[nodiscard]] QStringList keys() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace Auth
