// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Util
{
/**
 * Call first thing in main(), before anything uses OpenSSL: OpenSSL then keeps its global state until the
 * process is gone instead of freeing it in an atexit handler (OPENSSL_INIT_NO_ATEXIT).
 *
 * Why: that handler (OPENSSL_cleanup) frees, without a lock, the thread-stop handler lists OpenSSL keeps for
 * every thread that used it, while such a thread may still be exiting: QThread::wait() returns when the
 * QThread finished, but the thread is detached and glibc runs its thread-specific destructors (OpenSSL's
 * thread-stop cleanup among them) afterwards. The engine thread gets per-thread DRBGs when it signs a
 * service-account JWT (RSA blinding); Qt's HTTP threads get OpenSSL state with https. If main() reaches exit()
 * in that window, both free the same lists: drive-ingest-cli's one-off "double free or corruption (fasttop)"
 * (issue 4). The OS reclaims the memory at exit anyway.
 *
 * Returns false when OpenSSL could not be initialised. Has no effect once OpenSSL was initialised before.
 */
bool disableOpenSslExitCleanup();
} // namespace Util
