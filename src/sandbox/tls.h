// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace sandbox
{

struct TlsFiles
{
    std::string caFile; ///< PEM CA certificate clients trust
    std::string certFile; ///< server certificate for 127.0.0.1 and localhost, signed by the CA
    std::string keyFile; ///< server private key
};

/// Generates a fresh CA and server certificate (EC P-256) in `dir`. False with a message on failure.
bool generateTlsFiles(const std::string &dir, TlsFiles *out, std::string *error);

} // namespace sandbox
