// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/destination.h"

#include <QFile>

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
