// SPDX-License-Identifier: GPL-3.0-or-later
#include "drive/sharelink.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace
{
using Kind = Drive::DriveRef::Kind;

bool isId(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{10,}$"_s);
    return pattern.match(text).hasMatch();
}

// Bare tokens inside free text: long enough for any real id (shared-drive roots are the shortest, 19) and not
// a plain word.
bool looksLikeIdInText(const QString &token)
{
    static const QRegularExpression pattern(u"^(?=.*[0-9_-])[A-Za-z0-9_-]{19,}$"_s);
    return pattern.match(token).hasMatch();
}

// Drops "/u/<n>" account selectors and "/a/<domain>" prefixes wherever they appear ("/file/u/0/d/…", "/drive/u/1/folders/…").
QStringList pathSegments(const QUrl &url)
{
    const QStringList raw = url.path(QUrl::FullyDecoded).split(u'/', Qt::SkipEmptyParts);
    static const QRegularExpression digits(u"^\\d+$"_s);
    QStringList segments;
    // Old Workspace links carry the domain first: "/a/example.com/document/d/…".
    const qsizetype start = raw.size() > 2 && raw.at(0) == u"a"_s ? 2 : 0;
    for (qsizetype i = start; i < raw.size(); ++i)
    {
        if (raw.at(i) == u"u"_s && i + 1 < raw.size() && digits.match(raw.at(i + 1)).hasMatch())
        {
            ++i;
            continue;
        }
        segments.append(raw.at(i));
    }
    return segments;
}

Drive::DriveRef myDrive()
{
    Drive::DriveRef ref;
    ref.id = QLatin1StringView(Drive::MyDriveRootAlias);
    ref.kind = Kind::Folder;
    return ref;
}

std::optional<Drive::DriveRef> make(const QString &id, Kind kind, const QUrlQuery &query)
{
    if (!isId(id))
    {
        return std::nullopt;
    }
    Drive::DriveRef ref;
    ref.id = id;
    ref.kind = kind;
    ref.resourceKey = query.queryItemValue(u"resourcekey"_s, QUrl::FullyDecoded);
    return ref;
}

// "<segments…>/d/<id>/…" → id, or nothing; "/d/e/…" (published) is not an id.
std::optional<QString> idAfterD(const QStringList &segments, qsizetype dIndex)
{
    if (segments.size() <= dIndex + 1 || segments.at(dIndex) != u"d"_s)
    {
        return std::nullopt;
    }
    const QString &id = segments.at(dIndex + 1);
    if (id == u"e"_s)
    {
        return std::nullopt;
    }
    return id;
}

std::optional<Drive::DriveRef> parseDrive(const QStringList &s, const QUrlQuery &query)
{
    const QString queryId = query.queryItemValue(u"id"_s, QUrl::FullyDecoded);
    if (s.isEmpty())
    {
        return std::nullopt;
    }
    const QString &first = s.first();
    if (first == u"file"_s)
    {
        if (const auto id = idAfterD(s, 1))
        {
            return make(*id, Kind::File, query);
        }
        return std::nullopt;
    }
    if (first == u"open"_s || first == u"uc"_s || first == u"download"_s || first == u"thumbnail"_s)
    {
        return make(queryId, Kind::File, query);
    }
    if (first == u"folderview"_s || first == u"embeddedfolderview"_s)
    {
        return make(queryId, Kind::Folder, query);
    }
    if (first == u"drive"_s)
    {
        // drive/folders/<id>, drive/mobile/folders/<id> (account segments already removed)
        qsizetype i = 1;
        if (i < s.size() && s.at(i) == u"mobile"_s)
        {
            ++i;
        }
        if (i + 1 == s.size() && s.at(i) == u"my-drive"_s)
        {
            return myDrive(); // drive/my-drive, drive/u/0/my-drive: the whole of My Drive
        }
        if (i + 1 < s.size() && s.at(i) == u"folders"_s)
        {
            return make(s.at(i + 1), Kind::Folder, query);
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<Drive::DriveRef> parseDocs(const QStringList &s, const QUrlQuery &query)
{
    if (s.isEmpty())
    {
        return std::nullopt;
    }
    static const QList<std::pair<QString, Kind>> forms = {
        {u"document"_s, Kind::Document}, {u"spreadsheets"_s, Kind::Spreadsheet},
        {u"presentation"_s, Kind::Presentation}, {u"drawings"_s, Kind::Drawing},
        {u"forms"_s, Kind::Form}, {u"file"_s, Kind::File},
    };
    for (const auto &[name, kind] : forms)
    {
        if (s.first() == name)
        {
            if (const auto id = idAfterD(s, 1))
            {
                return make(*id, kind, query);
            }
            return std::nullopt;
        }
    }
    if (s.first() == u"uc"_s)
    {
        return make(query.queryItemValue(u"id"_s, QUrl::FullyDecoded), Kind::File, query);
    }
    if (s.first() == u"open"_s)
    {
        return make(query.queryItemValue(u"id"_s, QUrl::FullyDecoded), Kind::Unknown, query);
    }
    return std::nullopt;
}

std::optional<Drive::DriveRef> parseScript(const QStringList &s, const QUrlQuery &query)
{
    if (const auto id = idAfterD(s, 0))
    {
        return make(*id, Kind::Script, query);
    }
    if (s.size() >= 3 && s.at(0) == u"home"_s && s.at(1) == u"projects"_s)
    {
        return make(s.at(2), Kind::Script, query);
    }
    return std::nullopt;
}

QString withScheme(const QString &text)
{
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]*://"_s);
    if (scheme.match(text).hasMatch())
    {
        return text;
    }
    return u"https://"_s + text;
}

// Trims what surrounds a link in prose, mail or markdown: quotes, brackets, a trailing full stop.
QString stripToken(QString token)
{
    static const QString leading = u"<([{\"'`"_s;
    static const QString trailing = u">)]}\"'`.;:!?"_s;
    while (!token.isEmpty() && leading.contains(token.front()))
    {
        token.remove(0, 1);
    }
    while (!token.isEmpty() && trailing.contains(token.back()))
    {
        token.chop(1);
    }
    return token;
}
} // namespace

namespace Drive
{

std::optional<DriveRef> parseDriveRef(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
    {
        return std::nullopt;
    }
    if (trimmed == QLatin1StringView(MyDriveRootAlias))
    {
        return myDrive();
    }
    if (isId(trimmed))
    {
        DriveRef ref;
        ref.id = trimmed;
        return ref;
    }
    const QUrl url(withScheme(trimmed), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
    {
        return std::nullopt;
    }
    QString host = url.host().toLower();
    if (host.startsWith(u"www."_s))
    {
        host.remove(0, 4);
    }
    const QStringList segments = pathSegments(url);
    const QUrlQuery query(url);
    if (host == u"drive.google.com"_s || host == u"drive.usercontent.google.com"_s)
    {
        return parseDrive(segments, query);
    }
    if (host == u"docs.google.com"_s)
    {
        return parseDocs(segments, query);
    }
    if (host == u"script.google.com"_s)
    {
        return parseScript(segments, query);
    }
    return std::nullopt;
}

QList<DriveRef> parseDriveRefs(const QString &textBlock)
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    QList<DriveRef> refs;
    const QStringList lines = textBlock.split(QRegularExpression(u"[\\r\\n]+"_s), Qt::SkipEmptyParts);
    for (const QString &line : lines)
    {
        if (line.trimmed().startsWith(u'#'))
        {
            continue; // text/uri-list comment
        }
        const QStringList tokens = line.split(separators, Qt::SkipEmptyParts);
        for (const QString &rawToken : tokens)
        {
            const QString token = stripToken(rawToken);
            if (token.isEmpty() || (isId(token) && !looksLikeIdInText(token)))
            {
                continue;
            }
            const std::optional<DriveRef> ref = parseDriveRef(token);
            if (!ref)
            {
                continue;
            }
            const auto existing = std::find_if(refs.begin(), refs.end(),
                                               [&ref](const DriveRef &r) { return r.id == ref->id; });
            if (existing == refs.end())
            {
                refs.append(*ref);
                continue;
            }
            if (existing->resourceKey.isEmpty())
            {
                existing->resourceKey = ref->resourceKey;
            }
            if (existing->kind == DriveRef::Kind::Unknown)
            {
                existing->kind = ref->kind;
            }
        }
    }
    return refs;
}

} // namespace Drive
