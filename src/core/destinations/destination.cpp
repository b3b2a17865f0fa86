// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/destination.h"

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
/// What a destination without this capability answers; `what` says which ("move files", …).
Net::Error notSupported(const Destination &destination, const QString &what)
{
    return {Net::ErrorClass::Permanent, 0, u"notSupported"_s,
            QObject::tr("%1 cannot %2").arg(destination.describe(), what)};
}
} // namespace

void Destination::writeWhole(const QString &, const QByteArray &, std::function<void(const Net::Error &)> done)
{
    done(notSupported(*this, QObject::tr("keep files of its own")));
}

void Destination::writeWholeFrom(const QString &, const QString &, std::function<void(const Net::Error &)> done)
{
    // Never a whole read of the source: receipts of a large run are hundreds of MB (SinkFeeder streams them).
    done(notSupported(*this, QObject::tr("keep files of its own")));
}

void Destination::readWhole(const QString &, qint64, std::function<void(const QByteArray &, const Net::Error &)> done)
{
    done({}, notSupported(*this, QObject::tr("read files of its own")));
}

void Destination::listNames(const QString &, std::function<void(const QStringList &, const Net::Error &)> done)
{
    done({}, notSupported(*this, QObject::tr("list a folder's names")));
}

void Destination::move(const QString &, const QString &, std::function<void(const Net::Error &)> done)
{
    done(notSupported(*this, QObject::tr("move a file it holds")));
}

void Destination::remove(const QString &, std::function<void(const Net::Error &)> done)
{
    done(notSupported(*this, QObject::tr("remove a file it holds")));
}

} // namespace Dest
