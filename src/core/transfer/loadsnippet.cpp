// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/loadsnippet.h"

#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Transfer
{
QString LoadSnippet::identifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'`', u"``"_s);
    return u'`' + quoted + u'`';
}

QString LoadSnippet::literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\\', u"\\\\"_s);
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

QString LoadSnippet::text() const
{
    return tr("-- Load the files into a Delta table (re-running loads only new files):") + u'\n' + copyInto + u"\n\n"_s
        + tr("-- Or query them in place:") + u'\n' + readFiles + u'\n';
}

std::optional<LoadSnippet> LoadSnippet::forRun(const QString &folder, const FileList &files)
{
    QString path = folder.trimmed();
    for (const QString &scheme : {u"dbfs:"_s, u"volume:"_s})
        if (path.startsWith(scheme))
            path = path.mid(scheme.size());
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    const QStringList parts = path.split(u'/');
    // "", "Volumes", catalog, schema, volume[, …]
    if (parts.size() < 5 || !parts.at(0).isEmpty() || parts.at(1) != u"Volumes"_s || parts.at(2).isEmpty()
        || parts.at(3).isEmpty() || parts.at(4).isEmpty() || parts.contains(u".."_s))
        return std::nullopt;

    // One format when every file that landed shares its extension.
    QSet<QString> extensions;
    for (const FileStatus &file : files)
        if (file.state == FileState::Done || file.state == FileState::Skipped)
            extensions.insert(QFileInfo(file.destinationPath.isEmpty() ? file.drivePath : file.destinationPath).suffix().toLower());
    const QString only = extensions.size() == 1 ? *extensions.cbegin() : QString();

    LoadSnippet s;
    s.folder = path;
    s.table = identifier(parts.at(2)) + u'.' + identifier(parts.at(3)) + u'.' + identifier(parts.at(4) + u"_files"_s);
    QString readOptions;
    QString copyOptions;
    QString columns = u"*"_s;
    if (only == u"csv"_s)
    {
        s.format = u"CSV"_s;
        readOptions = u"format => 'csv', header => true"_s;
        copyOptions = u"\nFORMAT_OPTIONS ('header' = 'true', 'inferSchema' = 'true')"_s;
    }
    else if (only == u"json"_s)
    {
        s.format = u"JSON"_s;
        readOptions = u"format => 'json'"_s;
    }
    else if (only == u"parquet"_s)
    {
        s.format = u"PARQUET"_s;
        readOptions = u"format => 'parquet'"_s;
    }
    else
    {
        s.format = u"BINARYFILE"_s;
        readOptions = u"format => 'binaryFile'"_s;
        columns = u"path, modificationTime, length"_s;
    }
    s.copyInto = u"CREATE TABLE IF NOT EXISTS "_s + s.table + u";\nCOPY INTO "_s + s.table + u"\nFROM "_s + literal(s.folder)
        + u"\nFILEFORMAT = "_s + s.format + copyOptions + u"\nCOPY_OPTIONS ('mergeSchema' = 'true');"_s;
    s.readFiles = u"SELECT "_s + columns + u"\nFROM read_files("_s + literal(s.folder) + u", "_s + readOptions + u");"_s;
    return s;
}

} // namespace Transfer
