// SPDX-License-Identifier: GPL-3.0-or-later
#include "browsersource.h"

void BrowserSource::searchPage(quint64 ticket, const Search &, const QString &)
{
    emit pageFailed(ticket, tr("Searching is not available here."));
}
