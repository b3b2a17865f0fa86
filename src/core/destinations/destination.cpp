// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/destination.h"

#include <QFile>

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

void Destination::writeWholeFrom(const QString &relativePath, const QString &sourcePath,
                                 std::function<void(const Net::Error &)> done)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
    {
        done({Net::ErrorClass::Local, 0, u"readError"_s,
              QObject::tr("Cannot read %1: %2").arg(sourcePath, source.errorString())});
        return;
    }
    writeWhole(relativePath, source.readAll(), std::move(done));
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
