// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/units.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace
{
QString scaled(double value)
{
    // Three significant figures at most, without going below one decimal: "1.5", "20.0", "512".
    const int decimals = value < 100.0 ? 1 : 0;
    return QLocale().toString(value, 'f', decimals);
}

QString unitText(int index, const QString &number)
{
    switch (index)
    {
    case 0:
        return QCoreApplication::translate("Units", "%1 B").arg(number);
    case 1:
        return QCoreApplication::translate("Units", "%1 KiB").arg(number);
    case 2:
        return QCoreApplication::translate("Units", "%1 MiB").arg(number);
    case 3:
        return QCoreApplication::translate("Units", "%1 GiB").arg(number);
    case 4:
        return QCoreApplication::translate("Units", "%1 TiB").arg(number);
    default:
        return QCoreApplication::translate("Units", "%1 PiB").arg(number);
    }
}

QString formatScaled(double bytes)
{
    if (bytes < 1024.0)
    {
        return unitText(0, QLocale().toString(static_cast<qint64>(bytes)));
    }
    int index = 0;
    double value = bytes;
    while (value >= 1024.0 && index < 5)
    {
        value /= 1024.0;
        ++index;
    }
    // 1023.96 KiB would print as "1024 KiB": move up one unit instead.
    if (value >= 1023.95 && index < 5)
    {
        value /= 1024.0;
        ++index;
    }
    return unitText(index, scaled(value));
}

enum class Quantity
{
    Bytes, ///< "20M" and "20MiB" binary, "20MB" decimal (rclone's --bwlimit), "10b" bytes
    Bits,  ///< the number and prefix before "bit": decimal ("10M" = 10,000,000 bits), binary with "i"; in bytes
};

std::optional<qint64> parseQuantity(const QString &text, Quantity quantity)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([kmgtp]?)(i?)(b?)\\s*$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
    {
        return std::nullopt;
    }
    bool ok = false;
    // The C locale: "1.5G" must mean the same on every machine a script runs on.
    const double number = QLocale::c().toDouble(match.captured(1), &ok);
    if (!ok)
    {
        return std::nullopt;
    }
    const QString prefix = match.captured(2).toLower();
    const bool binaryMarker = !match.captured(3).isEmpty();
    const bool byteMarker = !match.captured(4).isEmpty();
    if ((prefix.isEmpty() && binaryMarker) || (quantity == Quantity::Bits && byteMarker))
    {
        return std::nullopt; // "5i", "5ib", "5Bbit"
    }
    static constexpr std::array<char16_t, 5> Prefixes = {u'k', u'm', u'g', u't', u'p'};
    int power = 0;
    for (std::size_t i = 0; i < Prefixes.size(); ++i)
    {
        if (!prefix.isEmpty() && prefix.at(0).unicode() == Prefixes[i])
        {
            power = static_cast<int>(i) + 1;
        }
    }
    // Bytes: "20M" and "20MiB" are binary, "20MB" is decimal. Bits: decimal unless "Mibit".
    const bool decimal = quantity == Quantity::Bits ? !binaryMarker : (!prefix.isEmpty() && byteMarker && !binaryMarker);
    const double base = decimal ? 1000.0 : 1024.0;
    const double value = std::round(number * std::pow(base, power) / (quantity == Quantity::Bits ? 8.0 : 1.0));
    if (!std::isfinite(value) || value >= static_cast<double>(std::numeric_limits<qint64>::max()))
    {
        return std::nullopt;
    }
    return static_cast<qint64>(value);
}
} // namespace

namespace Util
{

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
    {
        return QCoreApplication::translate("Units", "?");
    }
    return formatScaled(static_cast<double>(bytes));
}

QString formatRate(double bytesPerSecond)
{
    if (!std::isfinite(bytesPerSecond) || bytesPerSecond < 0.0)
    {
        bytesPerSecond = 0.0;
    }
    //: a transfer rate, %1 is a size such as "12.3 MiB"
    return QCoreApplication::translate("Units", "%1/s").arg(formatScaled(std::floor(bytesPerSecond)));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
    {
        return QCoreApplication::translate("Units", "?");
    }
    const auto two = [](qint64 n) { return u"%1"_s.arg(n, 2, 10, QLatin1Char('0')); };
    if (seconds < 60)
    {
        return QCoreApplication::translate("Units", "%1 s").arg(seconds);
    }
    if (seconds < 3600)
    {
        return QCoreApplication::translate("Units", "%1 min %2 s").arg(seconds / 60).arg(two(seconds % 60));
    }
    if (seconds < 86400)
    {
        return QCoreApplication::translate("Units", "%1 h %2 min").arg(seconds / 3600).arg(two((seconds % 3600) / 60));
    }
    return QCoreApplication::translate("Units", "%1 d %2 h").arg(seconds / 86400).arg(two((seconds % 86400) / 3600));
}

std::optional<qint64> parseDurationMs(const QString &text)
{
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|sec|s|min|m|h|d)?\\s*"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
    {
        return std::nullopt;
    }
    double total = 0;
    qsizetype at = 0;
    while (at < trimmed.size())
    {
        const QRegularExpressionMatch m = part.match(trimmed, at, QRegularExpression::NormalMatch,
                                                     QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch() || m.capturedLength() == 0)
        {
            return std::nullopt;
        }
        const QString unit = m.captured(2).toLower();
        // A bare number means seconds, and only alone ("90"), never inside "1h30".
        if (unit.isEmpty() && (at > 0 || m.capturedEnd() < trimmed.size()))
        {
            return std::nullopt;
        }
        const double factor = unit == u"ms"_s ? 1.0
            : unit == u"m"_s || unit == u"min"_s ? 60'000.0
            : unit == u"h"_s ? 3'600'000.0
            : unit == u"d"_s ? 86'400'000.0
            : 1000.0;
        total += m.captured(1).toDouble() * factor;
        at = m.capturedEnd();
    }
    if (!(total < 9.0e15))
    {
        return std::nullopt;
    }
    return qint64(total);
}

std::optional<qint64> parseBytes(const QString &text)
{
    return parseQuantity(text, Quantity::Bytes);
}

std::optional<qint64> parseRate(const QString &text)
{
    QString rest = text.trimmed();
    // Bits: "10Mbit", "10 Mbit/s", "100kbits", "10Mbps", "10Mb/s" (a lower-case b before "ps" or "/s" is a bit,
    // as in networking; "MBps" and "MB/s" are bytes).
    static const QRegularExpression bitSuffix(u"(?:bits?(?:/s|ps)?|b(?:/s|ps))$"_s);
    static const QRegularExpression bitWord(u"bits?(?:/s|ps)?$"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch word = bitWord.match(rest);
    const QRegularExpressionMatch bit = word.hasMatch() ? word : bitSuffix.match(rest);
    if (bit.hasMatch())
    {
        rest.truncate(bit.capturedStart());
        return parseQuantity(rest, Quantity::Bits);
    }
    static const QRegularExpression perSecond(u"(?:/s|ps)$"_s, QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch per = perSecond.match(rest);
    if (per.hasMatch())
    {
        rest.truncate(per.capturedStart());
    }
    return parseQuantity(rest, Quantity::Bytes);
}

} // namespace Util
