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

// Unknown creation times sort last; the id breaks ties so the order never depends on the listing's order.
bool earlier(const Dest::PathMapper::Entry *a, const Dest::PathMapper::Entry *b)
{
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    };
    const qint64 ta = time(a->createdTime);
    const qint64 tb = time(b->createdTime);
    if (ta != tb)
    {
        return ta < tb;
    }
    return a->id < b->id;
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
    QString safe = capName(base, ext);
    if (isTemporaryName(safe))
    {
        safe[0] = u'_'; // `.drive-ingest-x` → `_drive-ingest-x`: never a temporary file's name
    }
    return safe;
}

bool isTemporaryName(const QString &name)
{
    // Case folding alone misses what an upper-casing share matches (`ı`, `ſ` → `I`, `S`): check both.
    const QString head = name.left(TemporaryPrefix.size());
    return head.toCaseFolded() == TemporaryPrefix || head.toUpper() == TemporaryPrefix.toString().toUpper();
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

QHash<QString, QString> PathMapper::assignNames(const QList<Entry> &siblings, qsizetype *probes)
{
    QList<const Entry *> ordered;
    ordered.reserve(siblings.size());
    for (const Entry &entry : siblings)
    {
        ordered.append(&entry);
    }
    std::sort(ordered.begin(), ordered.end(), earlier);

    QHash<QString, QString> names;
    SiblingNames taken;
    QList<const Entry *> losers;
    // Pass 1: the earliest of each name keeps it.
    for (const Entry *entry : std::as_const(ordered))
    {
        if (names.contains(entry->id))
        {
            continue; // the same id listed twice: one entry
        }
        const QString plain = taken.claimPlain(*entry);
        if (plain.isEmpty())
        {
            losers.append(entry);
            continue;
        }
        names.insert(entry->id, plain);
    }
    // Pass 2: the others get their id (after every plain name is taken, so none of those is ever displaced).
    for (const Entry *entry : std::as_const(losers))
    {
        if (!names.contains(entry->id))
        {
            names.insert(entry->id, taken.claimWithId(*entry));
        }
    }
    if (probes)
    {
        *probes = taken.probes();
    }
    return names;
}

bool PathMapper::isTooLong(const QString &relativePath)
{
    return utf8Size(relativePath) > MaxPathBytes;
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
    if (isTooLong(path))
    {
        return QString();
    }
    return path;
}

QString PathMapper::appendRelative(const QString &parent, const QString &segment)
{
    const QString path = parent.isEmpty() ? safeName(segment) : parent + u'/' + safeName(segment);
    if (isTooLong(path))
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

QString SiblingNames::claimPlain(const PathMapper::Entry &entry)
{
    const QString safe = safeName(entry.name);
    ++m_probes;
    if (m_taken.contains(collisionKey(safe)))
    {
        return QString();
    }
    m_taken.insert(collisionKey(safe));
    return safe;
}

QString SiblingNames::claimWithId(const PathMapper::Entry &entry)
{
    const QString safe = safeName(entry.name);
    const auto [base, ext]
        = entry.isFolder ? std::pair<QString, QString>(safe, QString()) : PathMapper::splitExtension(safe);
    const QString suffix = u" ["_s + safeName(entry.id) + u']';
    QString unique = capName(base, suffix + ext);
    ++m_probes;
    const QString key = collisionKey(unique);
    if (m_taken.contains(key))
    {
        // Ids that differ only in case collide here: each such name continues its own counter where the last
        // one stopped, so 10,000 of them take 10,000 tries, not 50 million.
        int n = m_nextCounter.value(key, 2);
        do
        {
            unique = capName(base, suffix + u" ("_s + QString::number(n++) + u')' + ext);
            ++m_probes;
        } while (m_taken.contains(collisionKey(unique)));
        m_nextCounter.insert(key, n);
    }
    m_taken.insert(collisionKey(unique));
    return unique;
}

QString SiblingNames::claim(const PathMapper::Entry &entry)
{
    const QString plain = claimPlain(entry);
    return plain.isEmpty() ? claimWithId(entry) : plain;
}

} // namespace Dest
