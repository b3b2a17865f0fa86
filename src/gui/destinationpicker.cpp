// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinationpicker.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace
{
QString localFolderOf(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            return url.toLocalFile();
    return {};
}
} // namespace

DestinationPicker::DestinationPicker(AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setAcceptDrops(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Destination:"), this);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Local folder"), int(AppSettings::DestinationKind::LocalFolder));
    m_kind->addItem(tr("Databricks Volume"), int(AppSettings::DestinationKind::Volume));
    m_kind->addItem(tr("DBFS"), int(AppSettings::DestinationKind::Dbfs));
    m_path = new QComboBox(this);
    m_path->setEditable(true);
    m_path->setInsertPolicy(QComboBox::NoInsert);
    m_path->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_path->lineEdit()->setObjectName(u"destinationPath"_s);
    label->setBuddy(m_path);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    QFont bold = m_problem->font();
    bold.setBold(true);
    m_problem->setFont(bold);
    m_problem->hide();
    grid->addWidget(label, 0, 0);
    grid->addWidget(m_kind, 0, 1);
    grid->addWidget(m_path, 0, 2);
    grid->addWidget(m_browse, 0, 3);
    grid->addWidget(m_problem, 1, 1, 1, 3);
    grid->setColumnStretch(2, 1);

    connect(m_browse, &QPushButton::clicked, this, &DestinationPicker::browse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &DestinationPicker::kindChanged);
    connect(m_path, &QComboBox::editTextChanged, this, [this] {
        m_problem->hide();
        emit changed();
    });

    setChoice({m_settings->destinationKind(), m_settings->destinationPath()});
}

DestinationChoice DestinationPicker::choice() const
{
    return {AppSettings::DestinationKind(m_kind->currentData().toInt()), m_path->currentText().trimmed()};
}

void DestinationPicker::setChoice(const DestinationChoice &choice)
{
    m_kind->setCurrentIndex(m_kind->findData(int(choice.kind)));
    kindChanged();
    m_path->setEditText(choice.path);
}

void DestinationPicker::kindChanged()
{
    const auto kind = AppSettings::DestinationKind(m_kind->currentData().toInt());
    const QString text = m_path->currentText();
    m_path->clear();
    if (kind == AppSettings::DestinationKind::Volume)
        m_path->addItems(m_settings->recentVolumes());
    m_path->setEditText(text);
    m_browse->setVisible(kind == AppSettings::DestinationKind::LocalFolder);
    m_path->lineEdit()->setPlaceholderText(kind == AppSettings::DestinationKind::Volume ? u"/Volumes/catalog/schema/volume/folder"_s
                                           : kind == AppSettings::DestinationKind::Dbfs ? u"dbfs:/folder"_s
                                                                                        : tr("A folder on this computer"));
    emit changed();
}

void DestinationPicker::remember()
{
    const DestinationChoice c = choice();
    m_settings->setDestination(c.kind, c.path);
    if (c.kind == AppSettings::DestinationKind::Volume)
        m_settings->addRecentVolume(c.path);
}

bool DestinationPicker::validate()
{
    const QString problem = choice().check();
    showProblem(problem);
    return problem.isEmpty();
}

void DestinationPicker::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

QString DestinationPicker::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void DestinationPicker::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the destination folder"), m_path->currentText());
    if (!dir.isEmpty())
        setChoice({AppSettings::DestinationKind::LocalFolder, dir});
}

void DestinationPicker::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFolderOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void DestinationPicker::dropEvent(QDropEvent *event)
{
    const QString dir = localFolderOf(event->mimeData());
    if (dir.isEmpty())
    {
        event->ignore();
        return;
    }
    setChoice({AppSettings::DestinationKind::LocalFolder, dir});
    event->acceptProposedAction();
}
