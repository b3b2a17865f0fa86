// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/logging.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>

using namespace Qt::StringLiterals;

// Debug output is opt-in: info and above are on by default.
Q_LOGGING_CATEGORY(lcUtil, "driveingest.util", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "driveingest.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDrive, "driveingest.drive", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "driveingest.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDest, "driveingest.dest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "driveingest.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "driveingest.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "driveingest.gui", QtInfoMsg)

namespace
{
struct Sinks
{
    QMutex mutex;
    bool verbose = false;
    QFile *file = nullptr; ///< never closed: lines may arrive from other threads while the process exits
};

Sinks &sinks()
{
    static Sinks *const instance = new Sinks;
    return *instance;
}

QString levelName(QtMsgType type)
{
    switch (type)
    {
    case QtDebugMsg:
        return u"debug"_s;
    case QtInfoMsg:
        return u"info"_s;
    case QtWarningMsg:
        return u"warning"_s;
    case QtCriticalMsg:
        return u"critical"_s;
    case QtFatalMsg:
        break;
    }
    return u"fatal"_s;
}

void logSink(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    const bool ours = category.startsWith(u"driveingest."_s);
    const QString text = Util::escapeControls(message);
    Sinks &s = sinks();
    QMutexLocker lock(&s.mutex);
    if (s.file && ours)
    {
        const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + levelName(type)
            + u' ' + category + u": "_s + text + u'\n';
        s.file->write(line.toUtf8());
        s.file->flush();
    }
    // Our own lines reach the terminal only when asked for; Qt's warnings and anything critical always do.
    if (!ours || s.verbose || type == QtCriticalMsg || type == QtFatalMsg) // (QtInfoMsg sorts after QtFatalMsg)
    {
        const QByteArray line = (ours ? category + u": "_s + text : text).toLocal8Bit();
        std::fprintf(stderr, "%s\n", line.constData());
        std::fflush(stderr);
    }
}
} // namespace

namespace Util
{

QString escapeControls(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text)
    {
        const char16_t u = c.unicode();
        if (u == u'\t')
            shown += u"\\t"_s;
        else if (u == u'\n')
            shown += u"\\n"_s;
        else if (u == u'\r')
            shown += u"\\r"_s;
        else if (u < 0x20 || u == 0x7f)
            shown += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        else if (u >= 0x80 && u < 0xa0)
            shown += u"\\u"_s + QString::number(u, 16).rightJustified(4, u'0'); // C1: 0x9b is a CSI on some terminals
        else
            shown += c;
    }
    return shown;
}

bool setUpLogging(const LogOptions &options, QString *error)
{
    Sinks &s = sinks();
    {
        QMutexLocker lock(&s.mutex);
        s.verbose = options.verbose;
        if (!options.file.isEmpty())
        {
            auto *file = new QFile(options.file);
            if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            {
                if (error)
                {
                    *error = file->errorString();
                }
                delete file;
                return false;
            }
            s.file = file;
        }
    }
    QLoggingCategory::setFilterRules(options.verbose || !options.file.isEmpty() ? u"driveingest.*.debug=true"_s : QString());
    qInstallMessageHandler(&logSink);
    return true;
}

} // namespace Util
