// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace Auth
{
/**
 * Where secrets live: refresh tokens, client secrets, Databricks tokens and secrets. Nothing else in the
 * program persists a secret. Keys look like "google/<account>" or "databricks/<host>".
 *
 * Every call is asynchronous (the OS keychain answers over D-Bus); the callback runs once, on `context`'s
 * thread, and never after `context` is destroyed.
 */
class TokenStore : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        enum class Status
        {
            Ok,
            NotFound, ///< read/remove of a key that does not exist
            Failed, ///< the store is unreachable, locked, or refused
        };
        Status status = Status::Failed;
        QByteArray data; ///< read(): the secret
        QString errorString; ///< human text when Failed

        [[nodiscard]] bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &result)>;

    using QObject::QObject;

    virtual void write(const QString &key, const QByteArray &secret, QObject *context, Callback done) = 0;
    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
    /// "OS keychain", "memory (not saved)": shown to users.
    [[nodiscard]] virtual QString description() const = 0;
};

} // namespace Auth
