// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/error.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Net
{
namespace
{
// Registered once at load so queued connections and QVariant can carry an Error from the first use on.
const int errorMetaTypeId = qRegisterMetaType<Net::Error>("Net::Error");
} // namespace

QString Error::toString() const
{
    if (!isError())
        return u"OK"_s;
    QString text = errorClassName(errorClass);
    if (httpStatus > 0)
        text += u" HTTP "_s + QString::number(httpStatus);
    if (!reason.isEmpty())
        text += u" ("_s + reason + u')';
    if (!message.isEmpty())
        text += u": "_s + message;
    if (retryAfter.count() >= 0)
        text += u" [retry after %1 ms]"_s.arg(retryAfter.count());
    return text;
}

QString errorClassName(ErrorClass errorClass)
{
    Q_UNUSED(errorMetaTypeId);
    switch (errorClass)
    {
    case ErrorClass::None:
        return u"None"_s;
    case ErrorClass::Transient:
        return u"Transient"_s;
    case ErrorClass::Throttled:
        return u"Throttled"_s;
    case ErrorClass::Auth:
        return u"Auth"_s;
    case ErrorClass::Quota:
        return u"Quota"_s;
    case ErrorClass::Permanent:
        return u"Permanent"_s;
    case ErrorClass::Local:
        return u"Local"_s;
    case ErrorClass::Cancelled:
        return u"Cancelled"_s;
    }
    return u"Unknown"_s;
}

} // namespace Net
