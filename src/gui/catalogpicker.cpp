// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogpicker.h"

#include "databrickstarget.h"
#include "destinationpicker.h"

#include "destinations/databricksclient.h"
#include "destinations/foldertemplate.h"
#include "destinations/unitycatalog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace
{
constexpr int NameColumn = 0;
constexpr int AccessColumn = 1;

CatalogPicker::Kind kindOf(const QTreeWidgetItem *item)
{
    return CatalogPicker::Kind(item->data(NameColumn, CatalogPicker::KindRole).toInt());
}

/// The catalog, schema and volume names on the way to `item` (as many as its depth).
QStringList namesOf(const QTreeWidgetItem *item)
{
    QStringList names;
    for (; item; item = item->parent())
        names.prepend(item->text(NameColumn));
    return names;
}

QString errorText(const Net::Error &error)
{
    return error.message.isEmpty() ? error.reason : error.message;
}
} // namespace

CatalogPicker::CatalogPicker(QNetworkAccessManager *nam, const Auth::DatabricksCredentials &credentials, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"catalogPicker"_s);
    setWindowTitle(tr("Choose a Volume in %1").arg(credentials.host));
    auto *tokens = new Auth::DatabricksTokenProvider(nam, credentials, this);
    auto *client = new Dest::DatabricksClient(nam, tokens, QUrl(credentials.host), this);
    m_catalog = new Dest::UnityCatalog(client, this);

    auto *layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"catalogTree"_s);
    m_tree->setHeaderLabels({tr("Catalog / schema / volume"), tr("Access")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_tree, 1);

    m_newVolume = new QPushButton(tr("New volume…"), this);
    m_newVolume->setObjectName(u"newVolume"_s);
    m_newVolume->setToolTip(tr("Creates a managed volume in the selected schema."));
    auto *row = new QHBoxLayout;
    row->addWidget(m_newVolume);
    row->addStretch(1);
    layout->addLayout(row);

    auto *folderLabel = new QLabel(tr("&Folder inside the volume (optional):"), this);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(u"volumeFolder"_s);
    m_folder->setPlaceholderText(u"drive/{yyyy}/{mm}/{dd}/{job}"_s);
    folderLabel->setBuddy(m_folder);
    m_folderNote = new QLabel(this);
    m_folderNote->setWordWrap(true);
    layout->addWidget(folderLabel);
    layout->addWidget(m_folder);
    layout->addWidget(m_folderNote);

    m_status = new QLabel(this);
    m_status->setObjectName(u"catalogStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemExpanded, this, &CatalogPicker::loadChildren);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &CatalogPicker::updateState);
    connect(m_folder, &QLineEdit::textChanged, this, &CatalogPicker::updateState);
    connect(m_newVolume, &QPushButton::clicked, this, &CatalogPicker::askNewVolume);
    resize(560, 520);
    updateState();
    if (credentials.kind != Auth::DatabricksCredentials::Kind::OAuthM2M)
    {
        loadCatalogs();
        return;
    }
    // A service principal's provider fetches its first token on its own: list once it has one (as
    // DatabricksWorkspaces::check() does), so the client's one refresh is kept for an expiry.
    showStatus(tr("Signing in to %1…").arg(credentials.host), false);
    connect(tokens, &Net::TokenProvider::refreshed, this, &CatalogPicker::loadCatalogs, Qt::SingleShotConnection);
    connect(tokens, &Net::TokenProvider::refreshFailed, this, [this](const QString &reason) { showStatus(reason, true); });
}

CatalogPicker::~CatalogPicker() = default;

void CatalogPicker::openFor(DatabricksTarget *target, QNetworkAccessManager *nam, DestinationPicker *destination)
{
    target->loadChosen(destination, [nam, destination](const std::optional<DatabricksWorkspace> &workspace, const QString &problem) {
        if (!workspace)
            return destination->showProblem(problem);
        auto *picker = new CatalogPicker(nam, workspace->credentials, destination->window());
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &QDialog::accepted, destination, [picker, destination] {
            destination->setChoice({AppSettings::DestinationKind::Volume, picker->destinationPath()});
        });
        picker->open();
    });
}

QString CatalogPicker::statusText() const
{
    return m_status->text();
}

void CatalogPicker::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QFont font = m_status->font();
    font.setBold(problem);
    m_status->setFont(font);
}

void CatalogPicker::loadCatalogs()
{
    ++m_pending;
    showStatus(tr("Listing catalogs…"), false);
    m_catalog->listCatalogs(this, [this](const Net::Error &error, const QList<Dest::CatalogItem> &catalogs) {
        --m_pending;
        if (error.isError())
            return showStatus(tr("The catalogs could not be listed: %1").arg(errorText(error)), true);
        for (const Dest::CatalogItem &catalog : catalogs)
        {
            auto *item = new QTreeWidgetItem(m_tree, {catalog.name});
            item->setData(NameColumn, KindRole, int(Kind::Catalog));
            item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
            item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
        }
        showStatus(catalogs.isEmpty() ? tr("This workspace shows no catalogs.") : QString(), catalogs.isEmpty());
    });
}

void CatalogPicker::loadChildren(QTreeWidgetItem *item)
{
    const Kind kind = kindOf(item);
    if (kind == Kind::Volume || item->data(NameColumn, LoadedRole).toBool())
        return;
    item->setData(NameColumn, LoadedRole, true);
    const QStringList names = namesOf(item);
    ++m_pending;
    const auto fill = [this, item, kind](const Net::Error &error, const QList<Dest::CatalogItem> &children) {
        --m_pending;
        if (error.isError())
        {
            item->setData(NameColumn, LoadedRole, false);
            return showStatus(tr("%1 could not be listed: %2").arg(namesOf(item).join(u'.'), errorText(error)), true);
        }
        qDeleteAll(item->takeChildren());
        for (const Dest::CatalogItem &child : children)
        {
            auto *childItem = new QTreeWidgetItem(item, {child.name});
            childItem->setData(NameColumn, KindRole, int(kind == Kind::Catalog ? Kind::Schema : Kind::Volume));
            if (kind == Kind::Catalog)
                childItem->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
            else
                checkAccess(childItem);
        }
        if (children.isEmpty())
            item->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicatorWhenChildless);
        showStatus({}, false);
        updateState();
    };
    if (kind == Kind::Catalog)
        m_catalog->listSchemas(names.value(0), this, fill);
    else
        m_catalog->listVolumes(names.value(0), names.value(1), this, fill);
}

void CatalogPicker::checkAccess(QTreeWidgetItem *volume)
{
    // Not choosable until the permissions say it can be written.
    volume->setFlags(volume->flags() & ~Qt::ItemIsEnabled);
    volume->setText(AccessColumn, tr("checking…"));
    const QStringList names = namesOf(volume);
    const QString fullName = names.join(u'.');
    ++m_pending;
    m_catalog->volumeAccess(names.value(0), names.value(1), names.value(2), volume->treeWidget(),
                            [this, names, fullName](const Net::Error &error, const Dest::VolumeAccess &access) {
        --m_pending;
        // Find the item again: a new listing of its schema may have replaced it.
        QTreeWidgetItem *item = nullptr;
        for (QTreeWidgetItem *found : m_tree->findItems(names.value(2), Qt::MatchExactly | Qt::MatchRecursive, NameColumn))
            if (namesOf(found) == names)
                item = found;
        if (!item)
            return;
        const bool writable = !error.isError() && access.writable;
        item->setData(NameColumn, WritableRole, writable);
        item->setText(AccessColumn, error.isError() ? tr("unknown") : writable ? tr("writable") : tr("read only"));
        const QString why = error.isError() ? tr("The permissions could not be read: %1").arg(errorText(error)) : access.reason();
        item->setToolTip(NameColumn, writable ? fullName : why);
        item->setToolTip(AccessColumn, writable ? tr("You may write files into this volume.") : why);
        if (writable)
            item->setFlags(item->flags() | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (writable && fullName == m_selectWhenListed)
        {
            m_selectWhenListed.clear();
            m_tree->setCurrentItem(item);
        }
        updateState();
    });
}

QTreeWidgetItem *CatalogPicker::selectedVolume() const
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (selected.isEmpty() || kindOf(selected.first()) != Kind::Volume)
        return nullptr;
    return selected.first();
}

QTreeWidgetItem *CatalogPicker::selectedSchema() const
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (selected.isEmpty())
        return nullptr;
    QTreeWidgetItem *item = selected.first();
    if (kindOf(item) == Kind::Volume)
        item = item->parent();
    return item && kindOf(item) == Kind::Schema ? item : nullptr;
}

QString CatalogPicker::folderProblem() const
{
    QString error;
    (void)Dest::expandFolderTemplate(m_folder->text(), QDate::currentDate(), {}, &error);
    return error;
}

QString CatalogPicker::destinationPath() const
{
    const QTreeWidgetItem *volume = selectedVolume();
    if (!volume || !volume->data(NameColumn, WritableRole).toBool())
        return {};
    const QStringList names = namesOf(volume);
    return Dest::UnityCatalog::volumePath(names.value(0), names.value(1), names.value(2), m_folder->text());
}

void CatalogPicker::updateState()
{
    const QString problem = folderProblem();
    m_folderNote->setText(!problem.isEmpty() ? problem
                          : destinationPath().isEmpty()
                              ? tr("{yyyy}, {mm}, {dd} and {job} are filled in when the run starts.")
                              : tr("Files land in %1 ({yyyy}, {mm}, {dd} and {job} are filled in when the run starts).")
                                    .arg(destinationPath()));
    m_newVolume->setEnabled(selectedSchema() != nullptr);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!destinationPath().isEmpty() && problem.isEmpty());
}

void CatalogPicker::askNewVolume()
{
    QTreeWidgetItem *schema = selectedSchema();
    if (!schema)
        return;
    auto *ask = new QInputDialog(this);
    ask->setObjectName(u"newVolumeName"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("New volume"));
    ask->setLabelText(tr("Name of the managed volume to create in %1:").arg(namesOf(schema).join(u'.')));
    connect(ask, &QInputDialog::textValueSelected, this, &CatalogPicker::createVolume);
    ask->open();
}

void CatalogPicker::createVolume(const QString &name)
{
    QTreeWidgetItem *schema = selectedSchema();
    if (!schema || name.trimmed().isEmpty())
        return;
    const QStringList names = namesOf(schema);
    ++m_pending;
    showStatus(tr("Creating %1…").arg(name.trimmed()), false);
    m_catalog->createVolume(names.value(0), names.value(1), name, this,
                            [this, names](const Net::Error &error, const Dest::CatalogItem &volume) {
        --m_pending;
        if (error.isError())
            return showStatus(tr("The volume could not be created: %1").arg(errorText(error)), true);
        showStatus(tr("Created %1.").arg(volume.fullName), false);
        emit volumeCreated(volume.fullName);
        // List the schema again (the server's names and order), then select the new volume.
        for (QTreeWidgetItem *found : m_tree->findItems(names.value(1), Qt::MatchExactly | Qt::MatchRecursive, NameColumn))
        {
            if (namesOf(found) != names)
                continue;
            m_selectWhenListed = volume.fullName;
            found->setData(NameColumn, LoadedRole, false);
            found->setExpanded(true);
            loadChildren(found);
        }
    });
}
