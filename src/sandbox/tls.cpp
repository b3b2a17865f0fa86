// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls.h"

#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sandbox
{

namespace
{
struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertFree
{
    void operator()(X509 *c) const { X509_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;

Key newKey()
{
    return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

bool addExt(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

Cert makeCert(EVP_PKEY *key, const char *cn, X509 *issuer, EVP_PKEY *issuerKey, bool ca)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 365);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Drive Ingest Sandbox"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(cn), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    bool ok = true;
    if (ca)
    {
        ok = ok && addExt(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        ok = ok && addExt(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
        ok = ok && addExt(cert.get(), signer, NID_subject_key_identifier, "hash");
    }
    else
    {
        ok = ok && addExt(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExt(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        ok = ok && addExt(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        ok = ok && addExt(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
        ok = ok && addExt(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    }
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

bool writePem(const std::string &path, X509 *cert, EVP_PKEY *key)
{
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    const bool ok = cert ? PEM_write_X509(f, cert) == 1
                         : PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    return std::fclose(f) == 0 && ok;
}
} // namespace

bool generateTlsFiles(const std::string &dir, TlsFiles *out, std::string *error)
{
    Key caKey = newKey();
    Key serverKey = newKey();
    if (!caKey || !serverKey)
    {
        *error = "cannot generate TLS keys";
        return false;
    }
    Cert ca = makeCert(caKey.get(), "Drive Ingest Sandbox CA", nullptr, nullptr, true);
    Cert server = ca ? makeCert(serverKey.get(), "127.0.0.1", ca.get(), caKey.get(), false) : nullptr;
    if (!ca || !server)
    {
        *error = "cannot create TLS certificates";
        return false;
    }
    out->caFile = dir + "/sandbox-ca.pem";
    out->certFile = dir + "/sandbox-cert.pem";
    out->keyFile = dir + "/sandbox-key.pem";
    if (!writePem(out->caFile, ca.get(), nullptr) || !writePem(out->certFile, server.get(), nullptr)
        || !writePem(out->keyFile, nullptr, serverKey.get()))
    {
        *error = "cannot write TLS files into " + dir;
        return false;
    }
    return true;
}

} // namespace sandbox
