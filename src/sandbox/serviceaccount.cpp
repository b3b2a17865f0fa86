// SPDX-License-Identifier: GPL-3.0-or-later
#include "serviceaccount.h"

#include "jwt.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sandbox
{

namespace
{
struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};

std::string bioText(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 && data ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

/// A client id shaped like Google's (21 digits), from random bytes.
std::string numericId()
{
    unsigned char raw[21];
    if (RAND_bytes(raw, sizeof raw) != 1)
        std::memset(raw, 7, sizeof raw);
    std::string id;
    for (const unsigned char byte : raw)
        id += static_cast<char>('0' + byte % 10);
    id[0] = id[0] == '0' ? '1' : id[0];
    return id;
}
} // namespace

bool generateServiceAccountKey(ServiceAccountKeyPair *out, std::string *error)
{
    const std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t(2048)));
    const std::unique_ptr<BIO, BioFree> priv(BIO_new(BIO_s_mem()));
    const std::unique_ptr<BIO, BioFree> pub(BIO_new(BIO_s_mem()));
    if (!key || !priv || !pub)
    {
        *error = "cannot generate the demo service-account key";
        return false;
    }
    // PEM_write_bio_PrivateKey writes PKCS#8 ("BEGIN PRIVATE KEY"), as Google's key files have it.
    if (PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1)
    {
        *error = "cannot encode the demo service-account key";
        return false;
    }
    out->privateKeyPem = bioText(priv.get());
    out->publicKeyPem = bioText(pub.get());
    out->keyId = jwt::toHex(jwt::sha256Raw(out->publicKeyPem)).substr(0, 40);
    return !out->privateKeyPem.empty() && !out->publicKeyPem.empty();
}

bool writeServiceAccountKeyFile(const std::string &path, const ServiceAccountKeyPair &key,
    const std::string &clientEmail, const std::string &tokenUri, std::string *error)
{
    const std::string clientId = numericId();
    const nlohmann::json file = {
        { "type", "service_account" },
        { "project_id", kDemoServiceAccountProject },
        { "private_key_id", key.keyId },
        { "private_key", key.privateKeyPem },
        { "client_email", clientEmail },
        { "client_id", clientId },
        { "auth_uri", "https://accounts.google.com/o/oauth2/auth" },
        { "token_uri", tokenUri },
        { "auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs" },
        { "universe_domain", "googleapis.com" },
    };
    const std::string text = file.dump(2) + "\n";
    // Created 0600 from the start (and forced to it if the file was there), never world-readable in between.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
    {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    bool ok = ::fchmod(fd, 0600) == 0;
    std::size_t done = 0;
    while (ok && done < text.size())
    {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok)
            done += static_cast<std::size_t>(n);
    }
    ok = (::close(fd) == 0) && ok;
    if (!ok)
        *error = "cannot write " + path + ": " + std::strerror(errno);
    return ok;
}

} // namespace sandbox
