// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

class QueueModel;

/// The queue's table: rows selectable and draggable (reorder, drop links), every column as wide as its
/// longest usual text in this font and language (measured, so 200 % scale and translations fit). The name
/// takes the rest; a path that does not fit is elided in its middle, keeping its top folder and the file
/// name. Every cell's tooltip has its whole text. A click on the State header sorts by state (failed first,
/// then done first, then the run's order again); the other columns keep the run's order.
class QueueTable final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTable)

public:
    /// What the selected rows are.
    struct Selection
    {
        int rows = 0;
        bool anyFile = false;    ///< a file of a run (it has an engine key)
        bool anyPending = false; ///< a source not yet handed to a run
    };

    explicit QueueTable(QueueModel *model, QWidget *parent = nullptr);

    [[nodiscard]] Selection selection() const;
    /// The engine keys of the selected files of a run (pending sources have none).
    [[nodiscard]] QList<quint64> selectedKeys() const;
    /// Moves the one selected row up (-1) or down (+1) and keeps it selected; nothing unless one is selected.
    void moveSelected(int delta);
    /// Removes the selected sources not yet handed to a run.
    void removeSelectedPending();
};
