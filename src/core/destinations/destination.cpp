// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/destination.h"

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
Net::Error notSupported(const Destination &destination)
{
    return {Net::ErrorClass::Permanent, 0, u"notSupported"_s,
            QObject::tr("%1 cannot keep files of its own").arg(destination.describe())};
}
} // namespace

void Destination::writeWhole(const QString &, const QByteArray &, std::function<void(const Net::Error &)> done)
{
    done(notSupported(*this));
}

void Destination::readWhole(const QString &, qint64, std::function<void(const QByteArray &, const Net::Error &)> done)
{
    done({}, notSupported(*this));
}

void Destination::listNames(const QString &, std::function<void(const QStringList &, const Net::Error &)> done)
{
    done({}, notSupported(*this));
}

void Destination::move(const QString &, const QString &, std::function<void(const Net::Error &)> done)
{
    done(notSupported(*this));
}

void Destination::remove(const QString &, std::function<void(const Net::Error &)> done)
{
    done(notSupported(*this));
}

} // namespace Dest
