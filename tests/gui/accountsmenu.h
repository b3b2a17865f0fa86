// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading the Accounts menu as a user sees it.
#include <QAction>
#include <QMenu>
#include <QStringList>

/// The account entries of a filled Accounts menu (its checkable actions), and in `*checked` the checked one.
inline QStringList listedAccounts(const QMenu *menu, QString *checked)
{
    QStringList names;
    for (QAction *a : menu->actions())
    {
        if (!a->isCheckable())
            continue;
        names << a->text();
        if (a->isChecked())
            *checked = a->text();
    }
    return names;
}
