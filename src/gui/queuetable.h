// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

class QueueModel;

/// The queue's table: rows selectable and draggable (reorder, drop links), every column as wide as its
/// longest usual text in this font and language (measured, so 200 % scale and translations fit). The name
/// takes the rest; a path that does not fit is elided in its middle, keeping its top folder and the file
/// name. Every cell's tooltip has its whole text.
class QueueTable final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTable)

public:
    explicit QueueTable(QueueModel *model, QWidget *parent = nullptr);
};
