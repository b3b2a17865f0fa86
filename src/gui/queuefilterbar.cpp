// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuefilterbar.h"

#include "queuemodel.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLocale>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace
{
// The button's id in the group: -1 for all, else the group.
int idOf(std::optional<QueueGroup> group)
{
    return group ? int(*group) : -1;
}
} // namespace

QueueFilterBar::QueueFilterBar(QueueModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_group(new QButtonGroup(this))
{
    setObjectName(u"queueFilter"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const std::array<std::pair<std::optional<QueueGroup>, QString>, QueueGroupCount + 1> buttons {{
        {std::nullopt, u"All"_s},
        {QueueGroup::Failed, u"Failed"_s},
        {QueueGroup::Active, u"Active"_s},
        {QueueGroup::Queued, u"Queued"_s},
        {QueueGroup::Done, u"Done"_s},
    }};
    for (size_t i = 0; i < buttons.size(); ++i)
    {
        auto *button = new QToolButton(this);
        button->setObjectName(u"queueFilter"_s + buttons[i].second);
        button->setCheckable(true);
        button->setAutoRaise(true);
        m_group->addButton(button, idOf(buttons[i].first));
        layout->addWidget(button);
        m_buttons[i] = button;
    }
    m_buttons[0]->setToolTip(tr("Show every file of the queue"));
    m_buttons[1 + int(QueueGroup::Failed)]->setToolTip(tr("Show the files that failed, wait to be retried later or were cancelled"));
    m_buttons[1 + int(QueueGroup::Active)]->setToolTip(tr("Show the files being listed, transferred, verified or paused"));
    m_buttons[1 + int(QueueGroup::Queued)]->setToolTip(tr("Show the files and sources waiting to start"));
    m_buttons[1 + int(QueueGroup::Done)]->setToolTip(tr("Show the files done or skipped"));
    layout->addStretch();
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        m_model->setFilter(id < 0 ? std::nullopt : std::optional<QueueGroup>(QueueGroup(id)));
    });
    connect(m_model, &QueueModel::countsChanged, this, &QueueFilterBar::showCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueueFilterBar::showFilter);
    showCounts();
    showFilter();
}

QAbstractButton *QueueFilterBar::button(std::optional<QueueGroup> group) const
{
    return m_buttons[size_t(idOf(group) + 1)];
}

void QueueFilterBar::showCounts()
{
    const QLocale locale;
    m_buttons[0]->setText(tr("All %1").arg(locale.toString(m_model->totalCount())));
    m_buttons[1 + int(QueueGroup::Failed)]->setText(tr("Failed %1").arg(locale.toString(m_model->count(QueueGroup::Failed))));
    m_buttons[1 + int(QueueGroup::Active)]->setText(tr("Active %1").arg(locale.toString(m_model->count(QueueGroup::Active))));
    m_buttons[1 + int(QueueGroup::Queued)]->setText(tr("Queued %1").arg(locale.toString(m_model->count(QueueGroup::Queued))));
    m_buttons[1 + int(QueueGroup::Done)]->setText(tr("Done %1").arg(locale.toString(m_model->count(QueueGroup::Done))));
}

void QueueFilterBar::showFilter()
{
    button(m_model->filter())->setChecked(true);
}
