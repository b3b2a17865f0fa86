// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/destinationspec.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Dest
{
namespace
{
const QString volumesRoot = u"/Volumes"_s;
const QString dbfsMount = u"/dbfs"_s;

/// True when `path` is `root` itself or lies below it ("/Volumes", "/Volumes/x"; not "/VolumesX").
bool isUnder(const QString &path, const QString &root)
{
    return path == root || path.startsWith(root + u'/');
}

/// A remote path after its scheme: absolute, no "." or ".." segments, no empty segments in the middle.
bool isCleanRemotePath(const QString &path)
{
    if (!path.startsWith(u'/'))
        return false;
    const QStringList segments = path.mid(1).split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i)
    {
        const QString &segment = segments.at(i);
        if (segment == "."_L1 || segment == ".."_L1)
            return false;
        if (segment.isEmpty() && i != segments.size() - 1)
            return false;
    }
    return true;
}

std::optional<DestinationSpec> parseVolume(const QString &path, QString *error)
{
    // /Volumes/<catalog>/<schema>/<volume>[/sub/path]
    const QStringList segments = path.mid(1).split(u'/', Qt::SkipEmptyParts);
    if (!isCleanRemotePath(path) || segments.size() < 4 || segments.first() != "Volumes"_L1)
    {
        *error = DestinationSpec::tr("a Volume path looks like /Volumes/<catalog>/<schema>/<volume>[/path]");
        if (isUnder(path, volumesRoot))
            *error += DestinationSpec::tr(" (for a local folder write local:%1)").arg(path);
        return std::nullopt;
    }
    DestinationSpec spec;
    spec.kind = DestinationSpec::Kind::Volume;
    spec.path = u"/"_s + segments.join(u'/');
    return spec;
}

std::optional<DestinationSpec> parseDbfs(const QString &path, QString *error)
{
    if (isUnder(path, volumesRoot))
        return parseVolume(path, error); // dbfs:/Volumes/… is how `databricks fs cp` names a Volume
    if (!isCleanRemotePath(path))
    {
        *error = DestinationSpec::tr("a DBFS path looks like dbfs:/path/to/folder");
        return std::nullopt;
    }
    DestinationSpec spec;
    spec.kind = DestinationSpec::Kind::Dbfs;
    spec.path = QDir::cleanPath(path);
    return spec;
}

std::optional<DestinationSpec> parseLocal(const QString &path, QString *error)
{
    if (path.isEmpty())
    {
        *error = DestinationSpec::tr("the destination folder is empty");
        return std::nullopt;
    }
    DestinationSpec spec;
    spec.kind = DestinationSpec::Kind::Local;
    spec.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return spec;
}

/// A path without a scheme: local, unless it is spelled the way Databricks spells its own paths.
std::optional<DestinationSpec> parsePlain(const QString &path, QString *error)
{
    if (isUnder(path, volumesRoot))
        return parseVolume(path, error);
    if (isUnder(path, dbfsMount))
        return parseDbfs(path.mid(dbfsMount.size()).isEmpty() ? u"/"_s : path.mid(dbfsMount.size()), error);
    return parseLocal(path, error);
}

struct Scheme
{
    QLatin1StringView prefix;
    std::optional<DestinationSpec> (*parse)(const QString &rest, QString *error);
};

// New destinations: one row here.
constexpr Scheme schemes[] = {
    {"volume:"_L1, &parseVolume},
    {"dbfs:"_L1, &parseDbfs},
    {"local:"_L1, &parseLocal},
    {"file://"_L1, &parseLocal},
    {"file:"_L1, &parseLocal},
};
} // namespace

QString DestinationSpec::kindName(Kind kind)
{
    switch (kind)
    {
    case Kind::Local:
        return u"local"_s;
    case Kind::Volume:
        return u"volume"_s;
    case Kind::Dbfs:
        return u"dbfs"_s;
    }
    return {};
}

std::optional<DestinationSpec> DestinationSpec::parse(const QString &text, QString *error)
{
    QString dummy;
    QString *message = error ? error : &dummy;
    const QString trimmed = text.trimmed();
    std::optional<DestinationSpec> spec;
    bool matched = false;
    for (const Scheme &scheme : schemes)
    {
        if (trimmed.startsWith(scheme.prefix, Qt::CaseInsensitive))
        {
            spec = scheme.parse(trimmed.mid(scheme.prefix.size()), message);
            matched = true;
            break;
        }
    }
    if (!matched)
    {
        const qsizetype colon = trimmed.indexOf(u':');
        if (colon > 1 && !trimmed.left(colon).contains(u'/'))
        {
            *message = tr("unknown destination scheme '%1:' (use a local folder, /Volumes/<catalog>/<schema>/<volume>/… "
                          "or dbfs:/…)")
                           .arg(trimmed.left(colon));
            return std::nullopt;
        }
        spec = parsePlain(trimmed, message);
    }
    if (spec)
        spec->original = text;
    return spec;
}

QString DestinationSpec::describe() const
{
    switch (kind)
    {
    case Kind::Local:
        return isUnder(path, volumesRoot) || isUnder(path, dbfsMount) ? u"local:"_s + path : path;
    case Kind::Volume:
        return path;
    case Kind::Dbfs:
        return u"dbfs:"_s + path;
    }
    return {};
}

QString DestinationSpec::validate() const
{
    if (kind != Kind::Local)
        return {};
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return tr("%1 is a file, not a folder: the destination is always a folder (the files land inside it)")
            .arg(QDir::toNativeSeparators(path));
    return {};
}

QString DestinationSpec::localFolderProblem() const
{
    if (kind != Kind::Local)
        return {};
    if (const QString problem = validate(); !problem.isEmpty())
        return problem;
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
    {
        QFileInfo parent(info.absolutePath());
        while (!parent.exists() && parent.absolutePath() != parent.absoluteFilePath())
            parent.setFile(parent.absolutePath());
        if (!parent.isDir() || !parent.isWritable())
            return tr("The folder %1 does not exist and cannot be created.").arg(shown);
        return {};
    }
    if (!info.isWritable())
        return tr("The folder %1 is not writable.").arg(shown);
    return {};
}

} // namespace Dest
