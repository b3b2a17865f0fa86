// SPDX-License-Identifier: GPL-3.0-or-later
#include "destinations/pathmapper.h"

#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace
{
constexpr qsizetype MaxExtensionChars = 16;

qsizetype utf8Size(QStringView text)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i)
    {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
        {
            bytes += 1;
        }
        else if (c < 0x800)
        {
            bytes += 2;
        }
        else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode()))
        {
            bytes += 4;
            ++i;
        }
        else
        {
            bytes += 3;
        }
    }
    return bytes;
}

// The longest prefix of `text` with at most `maxBytes` UTF-8 bytes that does not split a surrogate pair or leave
// a combining mark without its base.
QString truncateUtf8(const QString &text, qsizetype maxBytes)
{
    qsizetype bytes = 0;
    qsizetype end = 0;
    while (end < text.size())
    {
        const char16_t c = text[end].unicode();
        const bool pair = QChar::isHighSurrogate(c) && end + 1 < text.size()
            && QChar::isLowSurrogate(text[end + 1].unicode());
        const qsizetype size = pair ? 4 : (c < 0x80 ? 1 : (c < 0x800 ? 2 : 3));
        if (bytes + size > maxBytes)
        {
            break;
        }
        bytes += size;
        end += pair ? 2 : 1;
    }
    // Cut before a base character whose combining marks did not fit, stepping back by whole code points.
    const auto isMark = [](char32_t cp) {
        const QChar::Category cat = QChar::category(cp);
        return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing;
    };
    const auto codePointAt = [&text](qsizetype i) -> char32_t {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode()))
        {
            return QChar::surrogateToUcs4(c, text[i + 1].unicode());
        }
        return c;
    };
    if (end < text.size() && end > 0 && isMark(codePointAt(end)))
    {
        while (end > 0)
        {
            qsizetype previous = end - 1;
            if (previous > 0 && QChar::isLowSurrogate(text[previous].unicode())
                && QChar::isHighSurrogate(text[previous - 1].unicode()))
            {
                --previous;
            }
            const bool mark = isMark(codePointAt(previous));
            end = previous;
            if (!mark)
            {
                break;
            }
        }
    }
    return text.left(end);
}

QString trimTrailingDotsAndSpaces(QString text)
{
    while (!text.isEmpty() && (text.back() == u'.' || text.back() == u' '))
    {
        text.chop(1);
    }
    return text;
}

// base + tail within MaxNameBytes, cutting only the base; a tail too long to keep is cut with it.
QString capName(QString base, QString tail)
{
    constexpr qsizetype Max = Dest::PathMapper::MaxNameBytes;
    if (utf8Size(base) + utf8Size(tail) <= Max)
    {
        return base + tail;
    }
    if (utf8Size(tail) > Max / 2)
    {
        base += tail;
        tail.clear();
    }
    base = trimTrailingDotsAndSpaces(truncateUtf8(base, Max - utf8Size(tail)));
    if (base.isEmpty())
    {
        base = u"_"_s;
    }
    return trimTrailingDotsAndSpaces(base + tail);
}

bool isReservedDeviceName(const QString &name)
{
    // Windows refuses these as the part before the first dot, in any case, with trailing spaces too.
    QString stem = name.section(u'.', 0, 0);
    while (stem.endsWith(u' '))
    {
        stem.chop(1);
    }
    stem = stem.toUpper();
    static const QSet<QString> reserved = {u"CON"_s, u"PRN"_s, u"AUX"_s, u"NUL"_s, u"CONIN$"_s, u"CONOUT$"_s};
    if (reserved.contains(stem))
    {
        return true;
    }
    if (stem.size() == 4 && (stem.startsWith(u"COM"_s) || stem.startsWith(u"LPT"_s)))
    {
        const QChar last = stem.back();
        return (last >= u'0' && last <= u'9') || last == u'\u00B9' || last == u'\u00B2' || last == u'\u00B3';
    }
    return false;
}

QChar replacementFor(QChar c)
{
    switch (c.unicode())
    {
    case u'/':
        return QChar(0xFF0F);
    case u'\\':
        return QChar(0xFF3C);
    case u':':
        return QChar(0xFF1A);
    case u'*':
        return QChar(0xFF0A);
    case u'?':
        return QChar(0xFF1F);
    case u'"':
        return QChar(0xFF02);
    case u'<':
        return QChar(0xFF1C);
    case u'>':
        return QChar(0xFF1E);
    case u'|':
        return QChar(0xFF5C);
    case 0x7F:
        return QChar(0x2421);
    default:
        break;
    }
    if (c.unicode() < 0x20)
    {
        return QChar(static_cast<char16_t>(0x2400 + c.unicode())); // U+2400 SYMBOL FOR NULL …
    }
    if (c.unicode() >= 0x80 && c.unicode() < 0xA0)
    {
        return QChar(0xFFFD); // C1 controls
    }
    if ((c.unicode() >= 0x202A && c.unicode() <= 0x202E) || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069))
    {
        // Bidi embeddings and overrides make "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
        return QChar(0xFFFD);
    }
    return c;
}

struct Candidate
{
    const Dest::PathMapper::Entry *entry;
    QString safe;
    QString key;
};

bool earlier(const Candidate &a, const Candidate &b)
{
    // Unknown creation times sort last; the id breaks ties so the order never depends on the listing's order.
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    };
    const qint64 ta = time(a.entry->createdTime);
    const qint64 tb = time(b.entry->createdTime);
    if (ta != tb)
    {
        return ta < tb;
    }
    return a.entry->id < b.entry->id;
}

QString collisionKey(const QString &safe)
{
    return safe.toCaseFolded();
}
} // namespace

namespace Dest
{

QString safeName(const QString &driveName)
{
    if (driveName == u"."_s)
    {
        return u"_"_s;
    }
    if (driveName == u".."_s)
    {
        return u"__"_s;
    }
    QString name;
    name.reserve(driveName.size());
    // Lone surrogates cannot be written as UTF-8: replace them before normalizing.
    for (qsizetype i = 0; i < driveName.size(); ++i)
    {
        const QChar c = driveName.at(i);
        if (c.isHighSurrogate() && i + 1 < driveName.size() && driveName.at(i + 1).isLowSurrogate())
        {
            name += c;
            name += driveName.at(++i);
        }
        else if (c.isSurrogate())
        {
            name += QChar(0xFFFD);
        }
        else
        {
            name += replacementFor(c);
        }
    }
    name = name.normalized(QString::NormalizationForm_C);
    name = trimTrailingDotsAndSpaces(name);
    if (name.isEmpty())
    {
        return u"_"_s;
    }
    if (isReservedDeviceName(name))
    {
        // After the device name itself: "CON .txt" → "CON_ .txt".
        qsizetype at = name.indexOf(u'.');
        at = at < 0 ? name.size() : at;
        while (at > 0 && name.at(at - 1) == u' ')
        {
            --at;
        }
        name.insert(at, u'_');
    }
    const auto [base, ext] = PathMapper::splitExtension(name);
    return capName(base, ext);
}

std::pair<QString, QString> PathMapper::splitExtension(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0 || dot == name.size() - 1)
    {
        return {name, QString()};
    }
    const QString ext = name.mid(dot);
    if (ext.size() - 1 > MaxExtensionChars || ext.contains(u' '))
    {
        return {name, QString()};
    }
    return {name.left(dot), ext};
}

QHash<QString, QString> PathMapper::assignNames(const QList<Entry> &siblings)
{
    QList<Candidate> candidates;
    candidates.reserve(siblings.size());
    for (const Entry &entry : siblings)
    {
        const QString safe = safeName(entry.name);
        candidates.append({&entry, safe, collisionKey(safe)});
    }
    std::sort(candidates.begin(), candidates.end(), earlier);

    QHash<QString, QString> names;
    QSet<QString> taken;
    QList<const Candidate *> losers;
    // Pass 1: the earliest of each name keeps it.
    for (const Candidate &candidate : std::as_const(candidates))
    {
        if (names.contains(candidate.entry->id))
        {
            continue; // the same id listed twice: one entry
        }
        if (taken.contains(candidate.key))
        {
            losers.append(&candidate);
            continue;
        }
        taken.insert(candidate.key);
        names.insert(candidate.entry->id, candidate.safe);
    }
    // Pass 2: the others get their id; in the odd case that this collides too, a counter on top.
    for (const Candidate *candidate : std::as_const(losers))
    {
        if (names.contains(candidate->entry->id))
        {
            continue;
        }
        const auto [base, ext] = candidate->entry->isFolder ? std::pair<QString, QString>(candidate->safe, QString())
                                                            : splitExtension(candidate->safe);
        const QString suffix = u" ["_s + safeName(candidate->entry->id) + u']';
        QString unique = capName(base, suffix + ext);
        for (int n = 2; taken.contains(collisionKey(unique)); ++n)
        {
            unique = capName(base, suffix + u" ("_s + QString::number(n) + u')' + ext);
        }
        taken.insert(collisionKey(unique));
        names.insert(candidate->entry->id, unique);
    }
    return names;
}

QString PathMapper::joinRelative(const QStringList &segments)
{
    if (segments.isEmpty())
    {
        return QString();
    }
    QStringList safe;
    safe.reserve(segments.size());
    for (const QString &segment : segments)
    {
        safe.append(safeName(segment));
    }
    QString path = safe.join(u'/');
    if (utf8Size(path) > MaxPathBytes)
    {
        return QString();
    }
    return path;
}

QString PathMapper::appendRelative(const QString &parent, const QString &segment)
{
    const QString path = parent.isEmpty() ? safeName(segment) : parent + u'/' + safeName(segment);
    if (utf8Size(path) > MaxPathBytes)
    {
        return QString();
    }
    return path;
}

QString PathMapper::keepBothName(const QString &name, int n, bool isFolder)
{
    const auto [base, ext] = isFolder ? std::pair<QString, QString>(name, QString()) : splitExtension(name);
    return capName(base, u" ("_s + QString::number(n) + u')' + ext);
}

} // namespace Dest
