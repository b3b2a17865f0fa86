// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "queuerows.h"

#include <QWidget>

#include <array>

class QAbstractButton;
class QButtonGroup;
class QueueModel;

/// Above the queue: how many files are in each state group, as filter buttons ("All 100,000 · Failed 3 · Active 16 ·
/// Queued 99,810 · Done 171"); the checked one is what the queue shows. Counts follow the model's countsChanged()
/// (once per snapshot), so the bar costs nothing per file.
class QueueFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueFilterBar)

public:
    explicit QueueFilterBar(QueueModel *model, QWidget *parent = nullptr);

    /// The button of a group (nullopt: all), e.g. for tests.
    [[nodiscard]] QAbstractButton *button(std::optional<QueueGroup> group) const;

private:
    void showCounts();
    void showFilter();

    QueueModel *m_model;
    QButtonGroup *m_group;
    std::array<QAbstractButton *, QueueGroupCount + 1> m_buttons {}; ///< [0] all, then [group + 1]
};
