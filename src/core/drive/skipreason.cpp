// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/skipreason.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Drive
{

QString skipReasonText(const QString &reason)
{
    if (reason == u"loop"_s)
    {
        return QCoreApplication::translate("Drive", "not listed again: a folder inside itself (a loop)");
    }
    if (reason == u"alreadyListed"_s)
    {
        return QCoreApplication::translate("Drive", "not listed again: the folder is already taken through another path");
    }
    if (reason == u"trashed"_s)
    {
        return QCoreApplication::translate("Drive", "in the trash");
    }
    return reason;
}

} // namespace Drive
