// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Drive
{
/// TreeWalker::itemSkipped's reason code ("loop", "alreadyListed", "trashed") in words for people; the code
/// itself stays in reports. An unknown code is returned as it is.
[[nodiscard]] QString skipReasonText(const QString &reason);

} // namespace Drive
