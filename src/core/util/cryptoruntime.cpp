// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/cryptoruntime.h"

#include <openssl/crypto.h>

namespace Util
{
bool disableOpenSslExitCleanup()
{
    // The first OPENSSL_init_crypto() call decides whether OPENSSL_cleanup() is registered with atexit().
    return OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;
}
} // namespace Util
