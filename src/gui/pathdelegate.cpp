// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathdelegate.h"

void PathDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}
