// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/hasher.h"

#include "util/logging.h"

#include <openssl/evp.h>

#include <limits>

namespace
{
struct Digest
{
    const EVP_MD *md = nullptr;
    EVP_MD_CTX *ctx = nullptr;
    QByteArray hex;
    bool finalized = false;

    explicit Digest(const EVP_MD *type)
        : md(type)
        , ctx(EVP_MD_CTX_new())
    {
        if (!ctx || EVP_DigestInit_ex(ctx, md, nullptr) != 1)
        {
            qCCritical(lcUtil) << "OpenSSL digest initialisation failed";
        }
    }
    ~Digest() { EVP_MD_CTX_free(ctx); }
    Q_DISABLE_COPY_MOVE(Digest)

    void update(const char *data, qint64 length)
    {
        // EVP takes size_t; feed in chunks anyway so a huge qint64 never narrows on exotic platforms.
        constexpr qint64 Chunk = qint64(1) << 30;
        while (length > 0)
        {
            const qint64 n = std::min(length, Chunk);
            EVP_DigestUpdate(ctx, data, static_cast<size_t>(n));
            data += n;
            length -= n;
        }
    }

    QByteArray finalHex()
    {
        if (!finalized)
        {
            unsigned char out[EVP_MAX_MD_SIZE];
            unsigned int size = 0;
            if (EVP_DigestFinal_ex(ctx, out, &size) == 1)
            {
                hex = QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(size)).toHex();
            }
            finalized = true;
        }
        return hex;
    }

    void reset()
    {
        EVP_DigestInit_ex(ctx, md, nullptr);
        hex.clear();
        finalized = false;
    }
};
} // namespace

namespace Util
{

struct StreamHasher::Private
{
    Algorithms algorithms;
    std::unique_ptr<Digest> md5;
    std::unique_ptr<Digest> sha256;
    qint64 bytes = 0;
};

StreamHasher::StreamHasher(Algorithms algorithms)
    : d(std::make_unique<Private>())
{
    d->algorithms = algorithms;
    if (algorithms.testFlag(Md5))
    {
        d->md5 = std::make_unique<Digest>(EVP_md5());
    }
    if (algorithms.testFlag(Sha256))
    {
        d->sha256 = std::make_unique<Digest>(EVP_sha256());
    }
}

StreamHasher::~StreamHasher() = default;
StreamHasher::StreamHasher(StreamHasher &&other) noexcept = default;
StreamHasher &StreamHasher::operator=(StreamHasher &&other) noexcept = default;

StreamHasher::Algorithms StreamHasher::algorithms() const
{
    return d ? d->algorithms : Algorithms();
}

void StreamHasher::addData(const char *data, qint64 length)
{
    if (!d || length <= 0)
    {
        return;
    }
    if ((d->md5 && d->md5->finalized) || (d->sha256 && d->sha256->finalized))
    {
        qCWarning(lcUtil) << "StreamHasher::addData after the digest was taken; call reset() first";
        return;
    }
    if (d->md5)
    {
        d->md5->update(data, length);
    }
    if (d->sha256)
    {
        d->sha256->update(data, length);
    }
    d->bytes += length;
}

void StreamHasher::addData(const QByteArray &data)
{
    addData(data.constData(), data.size());
}

QByteArray StreamHasher::md5Hex()
{
    return d && d->md5 ? d->md5->finalHex() : QByteArray();
}

QByteArray StreamHasher::sha256Hex()
{
    return d && d->sha256 ? d->sha256->finalHex() : QByteArray();
}

qint64 StreamHasher::bytesHashed() const
{
    return d ? d->bytes : 0;
}

void StreamHasher::reset()
{
    if (!d)
    {
        return;
    }
    if (d->md5)
    {
        d->md5->reset();
    }
    if (d->sha256)
    {
        d->sha256->reset();
    }
    d->bytes = 0;
}

} // namespace Util

namespace Util
{
// Issue 11 contract; the state format is written by the resume work (until then nothing can be continued).
QByteArray StreamHasher::saveState() const
{
    return {};
}

bool StreamHasher::restoreState(const QByteArray &state)
{
    Q_UNUSED(state)
    return false;
}
} // namespace Util
