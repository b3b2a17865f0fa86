// SPDX-License-Identifier: GPL-3.0-or-later
// What the in-process CLI tests share: running the whole CLI on captured streams, and report records.
#pragma once

#include "commands.h"

#include "transfer/snapshot.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace CliTest
{
using namespace Qt::StringLiterals;

inline const QString fileId = u"1AbCdEfGhIjKlMnOpQrStUvWxYz012345"_s;

/// Runs the whole CLI in-process with captured output.
struct Run
{
    int code = -1;
    QString out;
    QString err;
};

inline Run runCli(const QStringList &args)
{
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    QTextStream in(QByteArray {});
    Run result;
    result.code = Cli::run(QStringList {u"drive-ingest-cli"_s} + args, Cli::Streams {&out, &err, &in});
    out.flush();
    err.flush();
    result.out = outText;
    result.err = errText;
    return result;
}

inline Transfer::FileStatus file(quint64 key, const QString &path, Transfer::FileState state, qint64 bytes = 0,
                                 const QString &reason = {})
{
    Transfer::FileStatus status;
    status.key = key;
    status.driveId = u"id%1"_s.arg(key);
    status.drivePath = path;
    status.destinationPath = u"/dest/"_s + path;
    status.state = state;
    status.bytesDone = bytes;
    status.bytesTotal = bytes;
    status.hash = u"md5:0123"_s;
    status.seconds = 1.5;
    if (!reason.isEmpty())
    {
        status.lastError.errorClass = Net::ErrorClass::Permanent;
        status.lastError.reason = u"someReason"_s;
        status.lastError.message = reason;
    }
    return status;
}

} // namespace CliTest
