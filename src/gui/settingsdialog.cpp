// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "appsettings.h"
#include "ui_settingsdialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace
{
const QString DocsMime = u"application/vnd.google-apps.document"_s;
const QString SheetsMime = u"application/vnd.google-apps.spreadsheet"_s;
const QString SlidesMime = u"application/vnd.google-apps.presentation"_s;
const QString DrawingsMime = u"application/vnd.google-apps.drawing"_s;

QList<std::pair<QString, QString>> docsChoices()
{
    return {{u"Word (.docx)"_s, u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s},
            {u"OpenDocument (.odt)"_s, u"application/vnd.oasis.opendocument.text"_s},
            {u"PDF (.pdf)"_s, u"application/pdf"_s},
            {u"Text (.txt)"_s, u"text/plain"_s}};
}

QList<std::pair<QString, QString>> sheetsChoices()
{
    return {{u"Excel (.xlsx)"_s, u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s},
            {u"OpenDocument (.ods)"_s, u"application/x-vnd.oasis.opendocument.spreadsheet"_s},
            {u"CSV (.csv)"_s, u"text/csv"_s},
            {u"PDF (.pdf)"_s, u"application/pdf"_s}};
}

QList<std::pair<QString, QString>> slidesChoices()
{
    return {{u"PowerPoint (.pptx)"_s, u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s},
            {u"OpenDocument (.odp)"_s, u"application/vnd.oasis.opendocument.presentation"_s},
            {u"PDF (.pdf)"_s, u"application/pdf"_s}};
}

QList<std::pair<QString, QString>> drawingsChoices()
{
    return {{u"SVG (.svg)"_s, u"image/svg+xml"_s}, {u"PNG (.png)"_s, u"image/png"_s}, {u"PDF (.pdf)"_s, u"application/pdf"_s}};
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->conflict->addItem(tr("Leave it alone"), int(Dest::ConflictPolicy::Skip));
    m_ui->conflict->addItem(tr("Replace it when different"), int(Dest::ConflictPolicy::Update));
    m_ui->conflict->addItem(tr("Overwrite it"), int(Dest::ConflictPolicy::Overwrite));
    m_ui->conflict->addItem(tr("Keep both"), int(Dest::ConflictPolicy::KeepBoth));
    // Our own words, so the buttons are translated even where Qt's translations are not installed.
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->proxyManual, &QRadioButton::toggled, this, &SettingsDialog::updateProxyFields);
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::fillFormats(QComboBox *combo, const QList<std::pair<QString, QString>> &choices,
                                 const QString &current)
{
    combo->clear();
    for (const auto &[label, mime] : choices)
        combo->addItem(label, mime);
    const int i = combo->findData(current);
    combo->setCurrentIndex(i >= 0 ? i : 0);
}

void SettingsDialog::load()
{
    m_ui->parallel->setValue(m_settings->parallel());
    m_ui->streams->setValue(m_settings->streams());
    m_ui->requestRate->setValue(m_settings->requestsPerSecond());
    m_ui->bandwidth->setValue(int(m_settings->bandwidthLimit() / 1000000));
    m_ui->conflict->setCurrentIndex(m_ui->conflict->findData(int(m_settings->conflictPolicy())));
    const QMap<QString, QString> formats = m_settings->exportFormats();
    fillFormats(m_ui->docsFormat, docsChoices(), formats.value(DocsMime));
    fillFormats(m_ui->sheetsFormat, sheetsChoices(), formats.value(SheetsMime));
    fillFormats(m_ui->slidesFormat, slidesChoices(), formats.value(SlidesMime));
    fillFormats(m_ui->drawingsFormat, drawingsChoices(), formats.value(DrawingsMime));
    switch (m_settings->proxyMode())
    {
    case AppSettings::ProxyMode::System:
        m_ui->proxySystem->setChecked(true);
        break;
    case AppSettings::ProxyMode::None:
        m_ui->proxyNone->setChecked(true);
        break;
    case AppSettings::ProxyMode::Manual:
        m_ui->proxyManual->setChecked(true);
        break;
    }
    m_ui->proxyHost->setText(m_settings->proxyHost());
    m_ui->proxyPort->setValue(m_settings->proxyPort());
    updateProxyFields();
    const Transfer::IngestLogTarget log = m_settings->ingestLog();
    m_ui->logTable->setText(log.table);
    m_ui->warehouse->setText(log.warehouseId);
    m_ui->logProblem->hide();
}

void SettingsDialog::save()
{
    m_settings->setParallel(m_ui->parallel->value());
    m_settings->setStreams(m_ui->streams->value());
    m_settings->setRequestsPerSecond(m_ui->requestRate->value());
    m_settings->setBandwidthLimit(qint64(m_ui->bandwidth->value()) * 1000000);
    m_settings->setConflictPolicy(Dest::ConflictPolicy(m_ui->conflict->currentData().toInt()));
    m_settings->setExportFormats({
        {DocsMime, m_ui->docsFormat->currentData().toString()},
        {SheetsMime, m_ui->sheetsFormat->currentData().toString()},
        {SlidesMime, m_ui->slidesFormat->currentData().toString()},
        {DrawingsMime, m_ui->drawingsFormat->currentData().toString()},
    });
    AppSettings::ProxyMode mode = AppSettings::ProxyMode::System;
    if (m_ui->proxyNone->isChecked())
        mode = AppSettings::ProxyMode::None;
    else if (m_ui->proxyManual->isChecked())
        mode = AppSettings::ProxyMode::Manual;
    m_settings->setProxyMode(mode);
    m_settings->setProxy(m_ui->proxyHost->text().trimmed(), m_ui->proxyPort->value());
    m_settings->setIngestLog({m_ui->logTable->text().trimmed(), m_ui->warehouse->text().trimmed()});
}

void SettingsDialog::accept()
{
    // The same checks as the CLI's --log-table/--warehouse: a log that cannot work is said now, not after a run.
    const QString table = m_ui->logTable->text().trimmed();
    QString problem;
    if (!table.isEmpty())
        problem = Transfer::IngestLogTarget::tableProblem(table);
    if (problem.isEmpty() && !table.isEmpty() && m_ui->warehouse->text().trimmed().isEmpty())
        problem = tr("The ingest log needs the SQL warehouse that writes it.");
    m_ui->logProblem->setText(problem);
    m_ui->logProblem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    save();
    QDialog::accept();
}

void SettingsDialog::updateProxyFields()
{
    const bool manual = m_ui->proxyManual->isChecked();
    m_ui->proxyHost->setEnabled(manual);
    m_ui->proxyPort->setEnabled(manual);
}
