// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/units.h"

#include <QLocale>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class TestUnits final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formatBytes_data();
    void formatBytes();
    void formatRate();
    void formatDuration_data();
    void formatDuration();
    void parseBytes_data();
    void parseBytes();
    void parseRate_data();
    void parseRate();
    void localeDecimalSeparator();
};

void TestUnits::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestUnits::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0 B"_s;
    QTest::newRow("512") << qint64(512) << u"512 B"_s;
    QTest::newRow("1023") << qint64(1023) << u"1023 B"_s;
    QTest::newRow("1 KiB") << qint64(1024) << u"1.0 KiB"_s;
    QTest::newRow("1.5 KiB") << qint64(1536) << u"1.5 KiB"_s;
    QTest::newRow("20 MiB") << qint64(20) * 1024 * 1024 << u"20.0 MiB"_s;
    QTest::newRow("512 MiB") << qint64(512) * 1024 * 1024 << u"512 MiB"_s;
    QTest::newRow("almost 1 MiB") << qint64(1024 * 1024 - 1) << u"1.0 MiB"_s;
    QTest::newRow("1.5 GiB") << qint64(1536) * 1024 * 1024 << u"1.5 GiB"_s;
    QTest::newRow("4 TiB") << qint64(4) * 1024 * 1024 * 1024 * 1024 << u"4.0 TiB"_s;
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << u"8192 PiB"_s;
    QTest::newRow("unknown") << qint64(-1) << u"?"_s;
}

void TestUnits::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(Util::formatBytes(bytes), text);
}

void TestUnits::formatRate()
{
    QCOMPARE(Util::formatRate(0), u"0 B/s"_s);
    QCOMPARE(Util::formatRate(-5), u"0 B/s"_s);
    QCOMPARE(Util::formatRate(std::numeric_limits<double>::quiet_NaN()), u"0 B/s"_s);
    QCOMPARE(Util::formatRate(std::numeric_limits<double>::infinity()), u"0 B/s"_s);
    QCOMPARE(Util::formatRate(999.9), u"999 B/s"_s);
    QCOMPARE(Util::formatRate(12.3 * 1024 * 1024), u"12.3 MiB/s"_s);
    QCOMPARE(Util::formatRate(1.2e9), u"1.1 GiB/s"_s);
}

void TestUnits::formatDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << u"0 s"_s;
    QTest::newRow("45") << qint64(45) << u"45 s"_s;
    QTest::newRow("60") << qint64(60) << u"1 min 00 s"_s;
    QTest::newRow("185") << qint64(185) << u"3 min 05 s"_s;
    QTest::newRow("1 h 02") << qint64(3600 + 2 * 60 + 59) << u"1 h 02 min"_s;
    QTest::newRow("23 h 59") << qint64(86399) << u"23 h 59 min"_s;
    QTest::newRow("2 d 03") << qint64(2 * 86400 + 3 * 3600 + 1) << u"2 d 03 h"_s;
    QTest::newRow("unknown") << qint64(-1) << u"?"_s;
}

void TestUnits::formatDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Util::formatDuration(seconds), text);
}

void TestUnits::parseBytes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1: rejected
    const qint64 Ki = 1024;
    QTest::newRow("plain") << u"1024"_s << qint64(1024);
    QTest::newRow("b") << u"10b"_s << qint64(10);
    QTest::newRow("B") << u"10B"_s << qint64(10);
    QTest::newRow("500k") << u"500k"_s << 500 * Ki;
    QTest::newRow("500K") << u"500K"_s << 500 * Ki;
    QTest::newRow("20M") << u"20M"_s << 20 * Ki * Ki;
    QTest::newRow("20MiB") << u"20MiB"_s << 20 * Ki * Ki;
    QTest::newRow("20mib") << u"20mib"_s << 20 * Ki * Ki;
    QTest::newRow("20Mi") << u"20Mi"_s << 20 * Ki * Ki;
    QTest::newRow("20MB decimal") << u"20MB"_s << qint64(20000000);
    QTest::newRow("1.5GiB") << u"1.5GiB"_s << qint64(1536) * Ki * Ki;
    QTest::newRow("spaces") << u"  2 GB "_s << qint64(2000000000);
    QTest::newRow("1T") << u"1T"_s << Ki * Ki * Ki * Ki;
    QTest::newRow("fraction") << u".5k"_s << qint64(512);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("negative") << u"-5M"_s << qint64(-1);
    QTest::newRow("word") << u"lots"_s << qint64(-1);
    QTest::newRow("unit only") << u"MiB"_s << qint64(-1);
    QTest::newRow("bad unit") << u"5X"_s << qint64(-1);
    QTest::newRow("i without prefix") << u"5ib"_s << qint64(-1);
    QTest::newRow("comma") << u"1,5G"_s << qint64(-1);
    QTest::newRow("overflow") << u"9000000P"_s << qint64(-1);
    QTest::newRow("two numbers") << u"5 5"_s << qint64(-1);
}

void TestUnits::parseBytes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    const std::optional<qint64> parsed = Util::parseBytes(text);
    if (bytes < 0)
    {
        QVERIFY2(!parsed.has_value(), qPrintable(QString::number(parsed.value_or(0))));
    }
    else
    {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, bytes);
    }
}

void TestUnits::parseRate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytesPerSecond"); // -1: rejected
    const qint64 Ki = 1024;
    // What parseBytes takes, as rclone's --bwlimit: K/M/G binary, KB/MB/GB decimal, KiB/MiB binary.
    QTest::newRow("plain bytes") << u"65536"_s << qint64(65536);
    QTest::newRow("20M") << u"20M"_s << 20 * Ki * Ki;
    QTest::newRow("500k") << u"500k"_s << 500 * Ki;
    QTest::newRow("20MiB") << u"20MiB"_s << 20 * Ki * Ki;
    QTest::newRow("20MB") << u"20MB"_s << qint64(20000000);
    // Per second.
    QTest::newRow("20MB/s") << u"20MB/s"_s << qint64(20000000);
    QTest::newRow("20MiB/s") << u"20MiB/s"_s << 20 * Ki * Ki;
    QTest::newRow("20M/s") << u"20M/s"_s << 20 * Ki * Ki;
    QTest::newRow("20MBps") << u"20MBps"_s << qint64(20000000);
    QTest::newRow("1.5 GiB/s") << u"1.5 GiB/s"_s << qint64(1536) * Ki * Ki;
    // Bits: decimal prefixes, as network speeds are quoted.
    QTest::newRow("10Mbit") << u"10Mbit"_s << qint64(1250000);
    QTest::newRow("10 Mbit/s") << u"10 Mbit/s"_s << qint64(1250000);
    QTest::newRow("10Mbits") << u"10Mbits"_s << qint64(1250000);
    QTest::newRow("10MBit") << u"10MBit"_s << qint64(1250000);
    QTest::newRow("10Mbps") << u"10Mbps"_s << qint64(1250000);
    QTest::newRow("10Mb/s") << u"10Mb/s"_s << qint64(1250000);
    QTest::newRow("100kbit") << u"100kbit"_s << qint64(12500);
    QTest::newRow("1Gbps") << u"1Gbps"_s << qint64(125000000);
    QTest::newRow("8Mibit") << u"8Mibit"_s << Ki * Ki;
    QTest::newRow("800bit") << u"800bit"_s << qint64(100);
    // Nonsense stays refused.
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("word") << u"fast"_s << qint64(-1);
    QTest::newRow("only unit") << u"Mbit"_s << qint64(-1);
    QTest::newRow("bytes and bits") << u"10MBbit"_s << qint64(-1);
    QTest::newRow("per minute") << u"10M/min"_s << qint64(-1);
    QTest::newRow("negative") << u"-10Mbit"_s << qint64(-1);
}

void TestUnits::parseRate()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytesPerSecond);
    const std::optional<qint64> parsed = Util::parseRate(text);
    if (bytesPerSecond < 0)
    {
        QVERIFY2(!parsed.has_value(), qPrintable(QString::number(parsed.value_or(0))));
    }
    else
    {
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, bytesPerSecond);
    }
}

void TestUnits::localeDecimalSeparator()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(Util::formatBytes(1536), u"1,5 KiB"_s);
    // Parsing stays locale-independent, so scripts behave the same everywhere.
    QCOMPARE(Util::parseBytes(u"1.5k"_s).value_or(-1), qint64(1536));
    QLocale::setDefault(QLocale::c());
}

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
