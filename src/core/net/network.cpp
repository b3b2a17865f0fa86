// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/network.h"

#include "net/errorclassifier.h"
#include "util/logging.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace Net
{
bool configureTls(const QString &extraCaFile, QString *errorMessage)
{
    if (extraCaFile.isEmpty())
        return true;
    QFile file(extraCaFile);
    if (!file.open(QIODevice::ReadOnly))
    {
        if (errorMessage)
            *errorMessage = u"Cannot read the CA file %1: %2"_s.arg(extraCaFile, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
    {
        if (errorMessage)
            *errorMessage = u"No PEM certificate found in %1"_s.arg(extraCaFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(certificates);
    QSslConfiguration::setDefaultConfiguration(configuration);
    qCInfo(lcNet) << "Trusting" << certificates.size() << "extra CA certificate(s) from" << extraCaFile;
    return true;
}

QByteArray userAgent()
{
    return QByteArrayLiteral("drive-ingest/" DI_VERSION " (gzip)");
}

QNetworkRequest makeRequest(const QUrl &url, const QByteArray &bearer, Http2 http2)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    if (http2 == Http2::Off)
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == u"localhost"_s)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

namespace
{
bool isGoogleHost(const QString &host)
{
    for (const auto *suffix : { u"google.com", u"googleapis.com", u"googleusercontent.com" })
    {
        const QString s = QString::fromUtf16(suffix);
        if (host == s || host.endsWith(u'.' + s))
            return true;
    }
    return false;
}
} // namespace

bool isServerUrlAllowed(const QUrl &origin, const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https"_s)
        return true;
    return url.scheme() == u"http"_s && isLoopback(url) && isLoopback(origin);
}

bool mayCarryBearer(const QUrl &issuer, const QUrl &target)
{
    if (isGoogleHost(issuer.host()) && issuer.scheme() == u"https"_s)
        return target.scheme() == u"https"_s && isGoogleHost(target.host());
    const auto defaultPort = [](const QUrl &url) { return url.scheme() == u"https"_s ? 443 : 80; };
    return target.scheme() == issuer.scheme() && target.host().compare(issuer.host(), Qt::CaseInsensitive) == 0
        && target.port(defaultPort(target)) == issuer.port(defaultPort(issuer));
}

bool isRedirectAllowed(const QUrl &from, const QUrl &to)
{
    return isServerUrlAllowed(from, to) && mayCarryBearer(from, to);
}

void guardRedirects(QNetworkReply *reply)
{
    // The hop's origin is remembered here: what reply->url() says during the signal is not documented.
    QObject::connect(reply, &QNetworkReply::redirected, reply,
        [reply, from = reply->url()](const QUrl &target) mutable
        {
            if (isRedirectAllowed(from, target))
            {
                from = target;
                emit reply->redirectAllowed();
                return;
            }
            qCWarning(lcNet) << "Refused redirect from" << from.host() << "to" << target.scheme() << target.host();
            reply->setProperty(RefusedRedirectProperty, true);
            reply->abort();
        });
}

} // namespace Net
