// SPDX-License-Identifier: GPL-3.0-or-later
// The low-level MD5_CTX/SHA256_CTX are deprecated in OpenSSL 3 but are plain structs: the running state can be
// saved and restored (issue 11), which an EVP context (state inside an opaque provider object) cannot. They run
// the same assembly block functions EVP's default provider calls, without its per-call dispatch (bench_hash).
#define OPENSSL_SUPPRESS_DEPRECATED
#include "util/hasher.h"

#include "util/logging.h"

#include <openssl/md5.h>
#include <openssl/sha.h>

#include <QtEndian>

#include <cstring>
#include <limits>

namespace
{
// The OpenSSL functions of one algorithm over its context type.
template <typename Ctx, int (*Init)(Ctx *), int (*Update)(Ctx *, const void *, size_t),
          int (*Final)(unsigned char *, Ctx *), int Size>
struct Digest
{
    Ctx ctx {};
    QByteArray hex;
    bool finalized = false;

    Digest()
    {
        if (Init(&ctx) != 1)
        {
            qCCritical(lcUtil) << "OpenSSL digest initialisation failed";
        }
    }

    void update(const char *data, qint64 length)
    {
        // OpenSSL takes size_t; feed in chunks anyway so a huge qint64 never narrows on exotic platforms.
        constexpr qint64 Chunk = qint64(1) << 30;
        while (length > 0)
        {
            const qint64 n = std::min(length, Chunk);
            Update(&ctx, data, static_cast<size_t>(n));
            data += n;
            length -= n;
        }
    }

    QByteArray finalHex()
    {
        if (!finalized)
        {
            unsigned char out[Size];
            Ctx copy = ctx; // the running state stays intact (saveState() after a digest refuses anyway)
            if (Final(out, &copy) == 1)
            {
                hex = QByteArray(reinterpret_cast<const char *>(out), Size).toHex();
            }
            finalized = true;
        }
        return hex;
    }

    void reset()
    {
        ctx = Ctx {};
        Init(&ctx);
        hex.clear();
        finalized = false;
    }

    // A context is consistent with `bytes` hashed: its bit counter and its buffered tail say the same.
    [[nodiscard]] static bool consistent(const Ctx &c, qint64 bytes)
    {
        const quint64 bits = quint64(bytes) * 8;
        return c.Nl == quint32(bits) && c.Nh == quint32(bits >> 32) && c.num == quint32(bytes % 64);
    }
};

using Md5Digest = Digest<MD5_CTX, MD5_Init, MD5_Update, MD5_Final, MD5_DIGEST_LENGTH>;
using Sha256Digest = Digest<SHA256_CTX, SHA256_Init, SHA256_Update, SHA256_Final, SHA256_DIGEST_LENGTH>;

// saveState(): "DIHS", format version, the algorithms, bytes hashed (big-endian), then each selected context as
// its size (big-endian 16 bits) and its bytes, md5 first. Contexts are raw structs: the same build reads them.
constexpr char StateMagic[4] = {'D', 'I', 'H', 'S'};
constexpr quint8 StateVersion = 1;
constexpr qsizetype StateHeader = 4 + 1 + 1 + 8;

template <typename Ctx>
void appendContext(QByteArray &out, const Ctx &ctx)
{
    const quint16 size = qToBigEndian<quint16>(sizeof(Ctx));
    out.append(reinterpret_cast<const char *>(&size), sizeof size);
    out.append(reinterpret_cast<const char *>(&ctx), sizeof(Ctx));
}

// Reads one context at `pos` (advanced past it); false when the size is not this build's.
template <typename Ctx>
bool readContext(const QByteArray &in, qsizetype &pos, Ctx &ctx)
{
    if (in.size() - pos < qsizetype(sizeof(quint16) + sizeof(Ctx)))
        return false;
    if (qFromBigEndian<quint16>(in.constData() + pos) != sizeof(Ctx))
        return false;
    std::memcpy(&ctx, in.constData() + pos + sizeof(quint16), sizeof(Ctx));
    pos += qsizetype(sizeof(quint16) + sizeof(Ctx));
    return true;
}
} // namespace

namespace Util
{

struct StreamHasher::Private
{
    Algorithms algorithms;
    std::unique_ptr<Md5Digest> md5;
    std::unique_ptr<Sha256Digest> sha256;
    qint64 bytes = 0;
};

StreamHasher::StreamHasher(Algorithms algorithms)
    : d(std::make_unique<Private>())
{
    d->algorithms = algorithms;
    if (algorithms.testFlag(Md5))
    {
        d->md5 = std::make_unique<Md5Digest>();
    }
    if (algorithms.testFlag(Sha256))
    {
        d->sha256 = std::make_unique<Sha256Digest>();
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
QByteArray StreamHasher::saveState() const
{
    // After a digest was taken the state is spent: nothing can continue it.
    if (!d || (d->md5 && d->md5->finalized) || (d->sha256 && d->sha256->finalized))
        return {};
    QByteArray out;
    out.reserve(StateHeader + 256);
    out.append(StateMagic, sizeof StateMagic);
    out.append(char(StateVersion));
    out.append(char(d->algorithms.toInt()));
    const qint64 bytes = qToBigEndian<qint64>(d->bytes);
    out.append(reinterpret_cast<const char *>(&bytes), sizeof bytes);
    if (d->md5)
        appendContext(out, d->md5->ctx);
    if (d->sha256)
        appendContext(out, d->sha256->ctx);
    return out;
}

bool StreamHasher::restoreState(const QByteArray &state)
{
    if (!d || state.size() < StateHeader || std::memcmp(state.constData(), StateMagic, sizeof StateMagic) != 0
        || quint8(state.at(4)) != StateVersion || quint8(state.at(5)) != quint8(d->algorithms.toInt()))
        return false;
    const qint64 bytes = qFromBigEndian<qint64>(state.constData() + 6);
    if (bytes < 0)
        return false;
    qsizetype pos = StateHeader;
    MD5_CTX md5 {};
    SHA256_CTX sha256 {};
    if (d->md5 && (!readContext(state, pos, md5) || !Md5Digest::consistent(md5, bytes)))
        return false;
    if (d->sha256
        && (!readContext(state, pos, sha256) || !Sha256Digest::consistent(sha256, bytes)
            || sha256.md_len != SHA256_DIGEST_LENGTH))
        return false;
    if (pos != state.size())
        return false;
    if (d->md5)
    {
        d->md5->reset();
        d->md5->ctx = md5;
    }
    if (d->sha256)
    {
        d->sha256->reset();
        d->sha256->ctx = sha256;
    }
    d->bytes = bytes;
    return true;
}
} // namespace Util
