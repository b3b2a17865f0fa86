// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinationchoice.h"

#include "destinations/foldertemplate.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace
{
QString tr(const char *text)
{
    return QCoreApplication::translate("DestinationChoice", text);
}

Dest::DestinationSpec::Kind specKind(AppSettings::DestinationKind kind)
{
    switch (kind)
    {
    case AppSettings::DestinationKind::LocalFolder:
        return Dest::DestinationSpec::Kind::Local;
    case AppSettings::DestinationKind::Volume:
        return Dest::DestinationSpec::Kind::Volume;
    case AppSettings::DestinationKind::Dbfs:
        return Dest::DestinationSpec::Kind::Dbfs;
    }
    return Dest::DestinationSpec::Kind::Local;
}
} // namespace

std::optional<DestinationChoice> DestinationChoice::fromText(const QString &text, QString *error)
{
    const std::optional<Dest::DestinationSpec> parsed = Dest::DestinationSpec::parse(text, error);
    if (!parsed)
        return std::nullopt;
    for (const auto kind : {AppSettings::DestinationKind::LocalFolder, AppSettings::DestinationKind::Volume,
                            AppSettings::DestinationKind::Dbfs})
        if (specKind(kind) == parsed->kind)
            return DestinationChoice{kind, parsed->describe()};
    return std::nullopt;
}

std::optional<Dest::DestinationSpec> DestinationChoice::spec(QString *error) const
{
    QString text = path.trimmed();
    if (text.isEmpty())
    {
        *error = tr("Choose where the files should go.");
        return std::nullopt;
    }
    // The DBFS field takes "/folder" as well as "dbfs:/folder": the kind was chosen in the combo box.
    if (kind == AppSettings::DestinationKind::Dbfs && text.startsWith(u'/') && !text.startsWith(u"/dbfs/"_s)
        && !text.startsWith(u"/Volumes/"_s))
        text.prepend(u"dbfs:"_s);
    const std::optional<Dest::DestinationSpec> parsed = Dest::DestinationSpec::parse(text, error);
    if (!parsed)
        return std::nullopt;
    const Dest::DestinationSpec::Kind wanted = specKind(kind);
    if (parsed->kind == wanted)
        return parsed;
    if (parsed->kind == Dest::DestinationSpec::Kind::Volume)
        *error = tr("%1 is a Databricks Volume path: choose \"Databricks Volume\", or write local:%1 for a folder on "
                    "this computer.")
                     .arg(text);
    else if (wanted == Dest::DestinationSpec::Kind::Volume)
        *error = tr("A Volume path looks like /Volumes/catalog/schema/volume/folder.");
    else if (parsed->kind == Dest::DestinationSpec::Kind::Dbfs)
        *error = tr("%1 is a DBFS path: choose \"DBFS\", or write local:%1 for a folder on this computer.").arg(text);
    else
        *error = tr("A DBFS path looks like dbfs:/folder.");
    return std::nullopt;
}

QString DestinationChoice::check() const
{
    QString error;
    const std::optional<Dest::DestinationSpec> destination = spec(&error);
    if (!destination)
        return error;
    if (Dest::expandFolderTemplate(path, QDate::currentDate(), {}, &error).isEmpty() && !error.isEmpty())
        return error; // an unknown {placeholder}
    // The same answer as the CLI's for the same folder: the rules live in core.
    return destination->localFolderProblem();
}
