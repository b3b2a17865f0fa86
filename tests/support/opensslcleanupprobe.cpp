// SPDX-License-Identifier: GPL-3.0-or-later
// LD_PRELOAD probe for tests: OpenSSL registers OPENSSL_cleanup() with atexit() through its exported symbol, so
// this definition is the one that runs at exit. It appends a line to $DI_OPENSSL_CLEANUP_MARKER, then calls the
// real function. tst_auth_cli uses it to check that the CLI never runs OpenSSL's exit cleanup (which raced the
// engine thread's OpenSSL thread-exit destructor: a double free, issue 4).
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

extern "C" void OPENSSL_cleanup(void)
{
    const char *marker = std::getenv("DI_OPENSSL_CLEANUP_MARKER");
    if (marker && *marker)
    {
        const int fd = open(marker, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0)
        {
            static const char line[] = "OPENSSL_cleanup\n";
            const ssize_t written = write(fd, line, sizeof line - 1);
            static_cast<void>(written);
            close(fd);
        }
    }
    auto *real = reinterpret_cast<void (*)()>(dlsym(RTLD_NEXT, "OPENSSL_cleanup"));
    if (real)
    {
        real();
    }
}
