# SPDX-License-Identifier: GPL-3.0-or-later
# Replays, step by step under gdb, the exit race behind drive-ingest-cli's one-off
# "double free or corruption (fasttop)" (issue 4; tst_auth_cli::serviceAccountRun, 1 of 6 CI runs).
# Not a ctest test: it needs gdb and a running sandbox. Usage (K = the sandbox's service_account_key_file,
# ID = a small file's id):
#   GLIBC_TUNABLES=glibc.malloc.tcache_count=0 gdb -batch -x tests/support/openssl-exit-race.py \
#       --args build/src/cli/drive-ingest-cli ingest ID --to /tmp/x --sandbox URL --service-account K --quiet
# (tcache off stands in for the full tcache bins of a process at exit). Repeat if it prints "try again".
# Before commit 955fa1e the engine thread aborts with glibc's "double free or corruption (fasttop)" (with an
# ASan build: "attempting double-free" of an 8-byte block CRYPTO_zalloc'ed by the engine thread and freed by
# main in OPENSSL_cleanup); since Util::disableOpenSslExitCleanup() main never runs OPENSSL_cleanup and the
# process exits normally.
#
#  main thread:   QThread::wait() on the engine thread returned (Qt threads are detached: wait() returns when
#                 QThread's finish() ran, before glibc runs the thread's TSD destructors); main() returns; exit()
#                 runs the atexit handler OPENSSL_cleanup(), which frees every thread's thread-stop handler list
#                 without taking OpenSSL's lock;
#  engine thread: glibc's TSD cleanup runs OpenSSL's thread-stop destructor for it (it holds per-thread DRBGs from
#                 the RSA blinding of the service-account JWT signature), which frees its list too.
import gdb

def run(cmd):
    try:
        gdb.execute(cmd)
        return True
    except gdb.error as e:
        print("gdb:", e)
        return False

gdb.execute("set pagination off")
gdb.execute("set breakpoint pending on")
gdb.execute("set confirm off")
gdb.execute("start")
tls = gdb.Breakpoint("__call_tls_dtors")
engine = None
while engine is None:
    if not run("continue"):
        break
    t = gdb.selected_thread()
    if t is None or not t.is_valid():
        break
    if t.name and t.name.startswith("drive-ingest-en"):
        engine = t
    elif t.num == 1:
        found = [x for x in gdb.selected_inferior().threads() if x.name and x.name.startswith("drive-ingest-en")]
        engine = found[0] if found else None
        break
tls.enabled = False
if engine is None:
    print("RESULT: engine thread not caught in its exit path; try again")
    run("kill")
else:
    gdb.execute("set scheduler-locking on")
    engine.switch()
    # The first write lock the exiting engine thread takes in OpenSSL is the thread-event register's lock.
    wl = gdb.Breakpoint("pthread_rwlock_wrlock")
    wl.condition = "$_thread == %d" % engine.num
    run("continue")
    lock = int(gdb.parse_and_eval("$rdi"))
    wl.enabled = False
    print("engine thread entered OpenSSL's thread-stop cleanup; register lock at 0x%x" % lock)
    run("bt 6")
    ul = gdb.Breakpoint("pthread_rwlock_unlock")
    ul.condition = "$_thread == %d && $rdi == %d" % (engine.num, lock)
    run("continue")
    ul.enabled = False
    run("finish")  # out of pthread_rwlock_unlock: the lock is released
    print("engine thread ran its handlers and released the lock; its handler list is not freed yet")
    gdb.execute("thread 1")
    gdb.Breakpoint("OPENSSL_cleanup")
    run("continue")
    print("main thread in exit(): OPENSSL_cleanup")
    run("bt 3")
    run("finish")
    print("main thread finished OPENSSL_cleanup(); resuming the engine thread")
    engine.switch()
    run("continue")
    print("RESULT: the engine thread stopped at:")
    run("bt 12")
    run("kill")
