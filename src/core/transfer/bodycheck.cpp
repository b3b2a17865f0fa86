// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/bodycheck.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Transfer
{
namespace
{
/// The context of this file's user-facing texts (lupdate reads tr() through it).
struct BodyCheck
{
    Q_DECLARE_TR_FUNCTIONS(Transfer::BodyCheck)
};

Net::Error tooLong(const BodyExpectation &expected, int status, const QString &what)
{
    return { Net::ErrorClass::Permanent, status, u"bodyTooLong"_s,
        BodyCheck::tr("The server sent %1, more than %2: the file is not kept").arg(what, expected.capText) };
}
} // namespace

int finalStatus(const QNetworkReply *reply)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return 0;
    const int code = status.toInt();
    if (code >= 300 && code < 400 && reply->hasRawHeader("Location") && !reply->isFinished())
        return 0;
    return code;
}

Net::Error checkBodyHead(const QNetworkReply *reply, const BodyExpectation &expected)
{
    const QVariant statusValue = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusValue.isValid())
        return {};
    const int status = statusValue.toInt();
    if (reply->rawHeaderList().isEmpty())
        return { Net::ErrorClass::Permanent, status, u"badHeaders"_s,
            BodyCheck::tr("The server's response headers were missing or over Qt's limits (a field over 100 KiB, "
                          "or more than 100 fields): the response cannot be read") };
    if (status < 200 || status >= 300)
        return {};
    if (expected.cap >= 0 && reply->hasRawHeader("Content-Length"))
    {
        bool ok = false;
        const qint64 length = reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
        if (!ok || length > expected.cap)
            return tooLong(expected, status,
                BodyCheck::tr("Content-Length %1")
                    .arg(QString::fromLatin1(reply->rawHeader("Content-Length").left(40))));
    }
    if (status == 206)
    {
        // Content-Range: bytes <first>-<last>/<total>
        const QByteArray range = reply->rawHeader("Content-Range");
        const qsizetype space = range.indexOf(' ');
        const qsizetype dash = range.indexOf('-');
        const qsizetype slash = range.indexOf('/');
        const qint64 first = space >= 0 && dash > space ? range.mid(space + 1, dash - space - 1).toLongLong() : -1;
        const qint64 last = dash >= 0 && slash > dash ? range.mid(dash + 1, slash - dash - 1).toLongLong() : -1;
        if (first != expected.from || last < first)
            return { Net::ErrorClass::Permanent, status, u"badContentRange"_s,
                BodyCheck::tr("Unexpected Content-Range %1 for a request from byte %2")
                    .arg(QString::fromLatin1(range.left(80)))
                    .arg(expected.from) };
        if (expected.cap >= 0 && last - first + 1 > expected.cap)
            return tooLong(
                expected, status, BodyCheck::tr("Content-Range %1").arg(QString::fromLatin1(range.left(80))));
    }
    return {};
}

qint64 bodyReadCap(const BodyExpectation &expected, qint64 got, qint64 wanted)
{
    if (expected.cap < 0)
        return wanted;
    return std::clamp<qint64>(expected.cap + 1 - got, 0, wanted);
}

Net::Error bodyOverrun(const BodyExpectation &expected, qint64 got)
{
    if (expected.cap < 0 || got <= expected.cap)
        return {};
    return tooLong(expected, 0, BodyCheck::tr("a longer body"));
}

} // namespace Transfer
