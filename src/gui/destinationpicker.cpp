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
#include <QSignalBlocker>

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

constexpr int NoteLines = 2; // the hint/problem line keeps this height, shown or not
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
    m_kind->setObjectName(u"destinationKind"_s);
    m_kind->addItem(tr("Local folder"), int(AppSettings::DestinationKind::LocalFolder));
    m_kind->addItem(tr("Databricks Volume"), int(AppSettings::DestinationKind::Volume));
    m_kind->addItem(tr("DBFS"), int(AppSettings::DestinationKind::Dbfs));
    m_path = new QComboBox(this);
    m_path->setEditable(true);
    m_path->setInsertPolicy(QComboBox::NoInsert);
    m_path->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_path->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_path->setMinimumContentsLength(28); // a Volume path stays readable beside the workspace
    m_path->lineEdit()->setObjectName(u"destinationPath"_s);
    label->setBuddy(m_path);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(u"destinationBrowse"_s);
    // The workspace sits in the same row as the path: choosing a kind never changes the picker's height.
    m_workspaceLabel = new QLabel(tr("in &workspace:"), this);
    m_workspace = new QComboBox(this);
    m_workspace->setObjectName(u"databricksWorkspace"_s);
    m_workspace->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_workspace->setMinimumContentsLength(18);
    m_workspace->setToolTip(tr("The Databricks workspace this run writes to (Accounts → Databricks workspaces keeps them)."));
    m_workspaceLabel->setBuddy(m_workspace);
    m_note = new QLabel(this);
    m_note->setObjectName(u"destinationHint"_s);
    m_note->setWordWrap(true);
    m_note->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * NoteLines + 2);
    grid->addWidget(label, 0, 0);
    grid->addWidget(m_kind, 0, 1);
    grid->addWidget(m_path, 0, 2);
    grid->addWidget(m_browse, 0, 3);
    grid->addWidget(m_workspaceLabel, 0, 4);
    grid->addWidget(m_workspace, 0, 5);
    grid->addWidget(m_note, 1, 1, 1, 5);
    grid->setColumnStretch(2, 1);

    connect(m_browse, &QPushButton::clicked, this, &DestinationPicker::browse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &DestinationPicker::kindChanged);
    connect(m_path, &QComboBox::editTextChanged, this, [this] {
        showProblem({});
        emit changed();
    });
    connect(m_workspace, &QComboBox::activated, this, [this](int index) {
        showProblem({});
        emit workspaceChosen(m_workspace->itemData(index).toString());
    });

    setWorkspaces({}, {});
    m_shownKind = m_settings->destinationKind();
    setChoice({m_settings->destinationKind(), m_settings->destinationPath()});
}

AppSettings::DestinationKind DestinationPicker::kind() const
{
    return AppSettings::DestinationKind(m_kind->currentData().toInt());
}

DestinationChoice DestinationPicker::choice() const
{
    return {kind(), m_path->currentText().trimmed()};
}

void DestinationPicker::setChoice(const DestinationChoice &choice)
{
    {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(int(choice.kind)));
    }
    m_textOfKind.insert(int(choice.kind), choice.path);
    kindChanged();
}

void DestinationPicker::kindChanged()
{
    // The field holds this kind's own text: what it held last, else (a Volume) the most recent one.
    if (m_shownKind != kind())
        m_textOfKind.insert(int(m_shownKind), m_path->currentText());
    m_shownKind = kind();
    QString text = m_textOfKind.value(int(kind()));
    if (!m_textOfKind.contains(int(kind())) && kind() == AppSettings::DestinationKind::Volume)
        text = m_settings->recentVolumes().value(0);
    {
        const QSignalBlocker blocker(m_path);
        m_path->clear();
        if (kind() == AppSettings::DestinationKind::Volume)
            m_path->addItems(m_settings->recentVolumes());
        m_path->setEditText(text);
    }
    const bool databricks = kind() != AppSettings::DestinationKind::LocalFolder;
    // A Volume is browsed in Unity Catalog; DBFS has no browser here.
    m_browse->setVisible(kind() != AppSettings::DestinationKind::Dbfs);
    m_browse->setToolTip(kind() == AppSettings::DestinationKind::Volume ? tr("Choose a volume from the workspace's Unity Catalog.") : QString());
    m_workspaceLabel->setVisible(databricks);
    m_workspace->setVisible(databricks);
    m_path->lineEdit()->setPlaceholderText(kind() == AppSettings::DestinationKind::Volume ? u"/Volumes/catalog/schema/volume/folder"_s
                                           : kind() == AppSettings::DestinationKind::Dbfs ? u"dbfs:/folder"_s
                                                                                          : tr("A folder on this computer"));
    showProblem({});
    emit changed();
}

QString DestinationPicker::hint() const
{
    switch (kind())
    {
    case AppSettings::DestinationKind::Volume:
        return tr("A Unity Catalog Volume: /Volumes/catalog/schema/volume/folder, in the workspace chosen on the right.");
    case AppSettings::DestinationKind::Dbfs:
        return tr("A DBFS folder: dbfs:/folder, in the workspace chosen on the right.");
    case AppSettings::DestinationKind::LocalFolder:
        break;
    }
    return tr("A folder on this computer; folders that do not exist yet are created.");
}

void DestinationPicker::setWorkspaces(const QList<DatabricksTarget::Option> &options, const QString &chosen)
{
    const QSignalBlocker blocker(m_workspace);
    m_workspace->clear();
    if (chosen.isEmpty())
        m_workspace->addItem(options.isEmpty() ? tr("none kept yet") : tr("choose…"), QString());
    for (const DatabricksTarget::Option &option : options)
        m_workspace->addItem(option.label, option.host);
    m_workspace->setCurrentIndex(std::max(0, m_workspace->findData(chosen)));
    for (int i = 0; i < m_workspace->count(); ++i)
        m_workspace->setItemData(i, m_workspace->itemData(i).toString(), Qt::ToolTipRole);
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
    m_problemText = text;
    m_note->setText(text.isEmpty() ? hint() : text);
    m_note->setToolTip(m_note->text());
    QFont font = m_note->font();
    font.setBold(!text.isEmpty());
    m_note->setFont(font);
}

void DestinationPicker::browse()
{
    if (kind() == AppSettings::DestinationKind::Volume)
        return emit catalogRequested();
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
