#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Proves that the .deb installs on a freshly bootstrapped Debian 12 and starts from its menu entry.
#
#   sudo packaging/test-fresh-install.sh [options] [BUILD_DIR]
#
# Builds the package (configure Release, build the installed targets, cpack -G DEB) in BUILD_DIR (a new
# temporary one when not given), bootstraps a minimal bookworm root with debootstrap from this machine's own
# Debian mirror, installs the .deb there with apt (which must bring every runtime dependency by itself),
# checks the installed files, then runs the Exec= line of the installed desktop entry under Xvfb inside the
# chroot, waits for the window, saves a PNG screenshot and checks the process is still alive. With the
# sandbox check on (the default) it also starts the app signed in to the bundled sandbox and screenshots the
# Drive browser listing the demo tree. Exits non-zero with a message naming the failed step.
#
# Options:
#   --out DIR         where screenshots and summary.txt go (default: ./fresh-install-out)
#   --work-dir DIR    where the bootstrapped roots live (default: /var/tmp/drive-ingest-fresh)
#   --rebootstrap     throw away the cached pristine bookworm root and bootstrap a new one
#   --no-sandbox      skip the "Try it with the sandbox" screenshot
#   --with-recommends install the .deb with its Recommends (default: Depends only, the stricter check)
#   --keep            leave the test root in place after the run (it is replaced by the next run anyway)
#   --deb FILE        test this already built .deb instead of building one (e.g. a CI artifact)
#
# Idempotent: the pristine root is bootstrapped once and cached in the work dir (marker file); each run
# copies it to a new test root, so every run installs into an untouched system. Mounts and the processes
# started inside the chroot are cleaned up on exit, also after a failure or Ctrl-C.
# Needs: root, network access to the Debian mirror, ~1 GB free in the work dir; installs debootstrap on the
# host with apt-get when it is missing.
set -euo pipefail
export LC_ALL=C # sort and join below must agree on one collation

die() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

src_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out_dir=$PWD/fresh-install-out
work_dir=/var/tmp/drive-ingest-fresh
build_dir=""
prebuilt_deb=""
rebootstrap=0
sandbox_check=1
with_recommends=0
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out_dir=$2; shift 2 ;;
        --work-dir) work_dir=$2; shift 2 ;;
        --rebootstrap) rebootstrap=1; shift ;;
        --no-sandbox) sandbox_check=0; shift ;;
        --with-recommends) with_recommends=1; shift ;;
        --keep) keep=1; shift ;;
        --deb) prebuilt_deb=$(realpath "$2"); shift 2 ;;
        -h|--help) sed -n '3,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) build_dir=$1; shift ;;
    esac
done

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, mount and chroot need it)"
for tool in cmake cpack dpkg-deb mount umount chroot; do
    command -v "$tool" >/dev/null || die "$tool is missing on this machine (./setup.sh build installs the build tools)"
done
mkdir -p "$out_dir" "$work_dir"
out_dir=$(cd "$out_dir" && pwd)
work_dir=$(cd "$work_dir" && pwd)
base=$work_dir/base          # pristine debootstrap result, reused between runs
root=$work_dir/root          # the system under test, a fresh copy of base every run
summary=$out_dir/summary.txt
: >"$summary"
fact() { echo "$*" | tee -a "$summary"; }

# ---------------------------------------------------------------------------------------------- cleanup
# Processes whose root directory is the test root were started by this script (through chroot); end them
# by pid before unmounting, then unmount everything below the root, deepest first.
chroot_pids() {
    local p r
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        [ "$r" = "$root" ] && echo "${p#/proc/}"
    done
    return 0
}
unmount_root() {
    local pids m
    pids=$(chroot_pids)
    if [ -n "$pids" ]; then
        kill $pids 2>/dev/null || true
        sleep 1
        pids=$(chroot_pids)
        [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
    fi
    # /proc/mounts escapes spaces; our paths have none (checked below).
    for m in $(awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r); do
        umount -l "$m" 2>/dev/null || umount -f "$m" 2>/dev/null || echo "warning: could not unmount $m" >&2
    done
}
# Never follows a mount that is still there into the host's /dev or /sys.
remove_root() {
    [ -d "$root" ] || return 0
    if grep -q " ${root}[/ ]" /proc/mounts; then
        echo "warning: mounts left below $root, not removing it" >&2
        return 1
    fi
    rm -rf --one-file-system "$root"
}
cleanup() {
    local rc=$?
    # A signal can arrive while a step's output goes to its log file: speak on the script's own streams.
    exec 1>&3 2>&4
    unmount_root
    [ "$keep" -eq 1 ] || remove_root
    [ -n "${tmp_build:-}" ] && rm -rf "$tmp_build"
    if [ $rc -eq 0 ]; then
        echo "== PASSED (facts in $summary)"
    else
        echo "== FAILED with exit code $rc (facts so far in $summary)" >&2
    fi
    exit $rc
}
exec 3>&1 4>&2
trap cleanup EXIT
trap 'exit 130' INT TERM
case "$work_dir$out_dir" in *" "*) die "the work and out dirs must not contain spaces" ;; esac

# --------------------------------------------------------------------------------------------- the .deb
if [ -n "$prebuilt_deb" ]; then
    [ -f "$prebuilt_deb" ] || die "no such .deb: $prebuilt_deb"
    deb=$prebuilt_deb
else
    if [ -z "$build_dir" ]; then
        tmp_build=$(mktemp -d /var/tmp/drive-ingest-build.XXXXXX)
        build_dir=$tmp_build
    fi
    step "building the .deb in $build_dir"
    generator=()
    [ -f "$build_dir/CMakeCache.txt" ] || { command -v ninja >/dev/null && generator=(-G Ninja); }
    # The installed targets are built explicitly (not 'all' with every test), so install must not rebuild 'all'.
    cmake -S "$src_dir" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DDI_BUILD_GUI=ON -DDI_BUILD_TESTS=ON -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >"$out_dir/configure.log" 2>&1 \
        || { tail -20 "$out_dir/configure.log"; die "cmake configure failed (log: $out_dir/configure.log)"; }
    cmake --build "$build_dir" -j2 --target drive-ingest drive-ingest-cli drive-ingest-sandbox >"$out_dir/build.log" 2>&1 \
        || { tail -30 "$out_dir/build.log"; die "build failed (log: $out_dir/build.log)"; }
    pkg_dir=$build_dir/fresh-install-package
    rm -rf "$pkg_dir"
    (cd "$build_dir" && cpack -G DEB -B "$pkg_dir") >"$out_dir/cpack.log" 2>&1 \
        || { tail -20 "$out_dir/cpack.log"; die "cpack -G DEB failed (log: $out_dir/cpack.log)"; }
    debs=("$pkg_dir"/drive-ingest_*.deb)
    [ -f "${debs[0]}" ] || die "cpack wrote no drive-ingest_*.deb into $pkg_dir"
    deb=${debs[0]}
fi
fact "package: $(basename "$deb"), $(stat -c %s "$deb") bytes, Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB"
fact "Depends: $(dpkg-deb -f "$deb" Depends)"
fact "Recommends: $(dpkg-deb -f "$deb" Recommends)"

# ------------------------------------------------------------------------------------- the fresh system
# The same Debian mirror as this machine's apt sources (deb822 .sources or one-line .list), so nothing but
# Debian's own archive is needed.
mirror_for() { # $1 = suite (bookworm or bookworm-security); prints the first URI apt uses for it here
    local suite=$1 f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" }
            { uri = ""; hit = 0; deb = 0
              for (i = 1; i <= NF; i++) {
                  if ($i ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); uri = u[1] }
                  if ($i ~ /^Suites:/) { n = split($i, w, /[ \t]+/); for (j = 2; j <= n; j++) if (w[j] == s) hit = 1 }
                  if ($i ~ /^Types:/ && $i ~ /(^|[ \t])deb([ \t]|$)/) deb = 1
                  if ($i ~ /^Enabled:[ \t]*no/) hit = 0
              }
              if (hit && deb && uri != "") { print uri; exit } }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v s="$suite" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                                        if ($(i + 1) == s) { print $i; exit } }' "$f"
    done
}
mirror=$(mirror_for bookworm | head -1)
security=$(mirror_for bookworm-security | head -1)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
[ -n "$security" ] || security=http://deb.debian.org/debian-security
fact "mirror: $mirror (security: $security)"

if [ "$rebootstrap" -eq 1 ] || [ ! -f "$base/.di-bootstrap-complete" ]; then
    if ! command -v debootstrap >/dev/null; then
        step "installing debootstrap on this machine (Debian package)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null 2>&1 || {
            DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null
        } || die "could not install debootstrap"
    fi
    step "bootstrapping a minimal bookworm root into $base (debootstrap --variant=minbase)"
    rm -rf "$base"
    started=$(date +%s)
    debootstrap --variant=minbase bookworm "$base" "$mirror" >"$out_dir/debootstrap.log" 2>&1 \
        || { tail -20 "$out_dir/debootstrap.log"; die "debootstrap failed (log: $out_dir/debootstrap.log)"; }
    took=$(( $(date +%s) - started ))
    echo "$took" >"$base/.di-bootstrap-complete"
    fact "debootstrap: ${took} s (new pristine root)"
else
    fact "debootstrap: reused the pristine root from $base (bootstrapped in $(cat "$base/.di-bootstrap-complete") s)"
fi

step "copying the pristine root to a fresh test root $root"
unmount_root
remove_root || die "could not remove the previous test root $root"
cp -a "$base" "$root"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# No service may start inside the chroot (dbus and others come with the test tools).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive HOME=/root "$@"; }
apt_in_root() { in_root apt-get -q -y -o Dpkg::Use-Pty=0 "$@"; }

step "apt-get update inside the root"
apt_in_root update >"$out_dir/apt-update.log" 2>&1 || { tail -20 "$out_dir/apt-update.log"; die "apt-get update failed in the chroot"; }
# The base may have aged since it was bootstrapped: bring it to the current point release first, like a
# freshly installed machine would be, so the counts below are the package's own.
apt_in_root upgrade >>"$out_dir/apt-update.log" 2>&1 || die "apt-get upgrade failed in the chroot"

# ------------------------------------------------------------------------------------------- install
cp "$deb" "$root/root/"
deb_in_root=/root/$(basename "$deb")
installed_packages() { in_root dpkg-query -W -f='${Status}\t${Installed-Size}\t${Package}\n' | grep '^install ok installed' | cut -f2,3 | sort -k2; }
installed_packages >"$out_dir/packages-before.txt"
apt_in_root clean
kib_before=$(du -skx "$root" | cut -f1)
recommends=(--no-install-recommends)
[ "$with_recommends" -eq 1 ] && recommends=()
step "apt-get install ${recommends[*]} ./$(basename "$deb")"
started=$(date +%s)
apt_in_root install "${recommends[@]}" "$deb_in_root" >"$out_dir/apt-install.log" 2>&1 \
    || { tail -30 "$out_dir/apt-install.log"; die "apt-get install of the .deb failed (log: $out_dir/apt-install.log)"; }
took=$(( $(date +%s) - started ))
installed_packages >"$out_dir/packages-after.txt"
apt_in_root clean # the downloaded archives are not part of what the install takes on disk
kib_after=$(du -skx "$root" | cut -f1)
join -1 2 -2 2 -v 2 "$out_dir/packages-before.txt" "$out_dir/packages-after.txt" | awk '{ print $2 "\t" $1 }' \
    | sort -rn >"$out_dir/packages-added.txt"
fact "install: ${took} s, $(wc -l <"$out_dir/packages-added.txt") packages added to a $(wc -l <"$out_dir/packages-before.txt")-package" \
     "minbase (${recommends[*]:-with Recommends}), $(( (kib_after - kib_before) / 1024 )) MiB more on disk"
fact "largest added (KiB): $(head -8 "$out_dir/packages-added.txt" | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }')"
grep -E '^(Need to get|After this operation)' "$out_dir/apt-install.log" | sed 's/^/  apt: /' | tee -a "$summary"

step "checking the installed files"
listing=$(in_root dpkg -L drive-ingest)
for want in /usr/bin/drive-ingest /usr/bin/drive-ingest-cli /usr/bin/drive-ingest-sandbox \
            /usr/share/applications/org.driveingest.DriveIngest.desktop \
            /usr/share/metainfo/org.driveingest.DriveIngest.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/org.driveingest.DriveIngest.svg \
            /usr/share/doc/drive-ingest/copyright; do
    grep -qx "$want" <<<"$listing" || die "dpkg -L drive-ingest does not list $want"
    [ -e "$root$want" ] || die "$want is listed but not on disk"
done
fact "dpkg -L: app, CLI, sandbox, desktop entry, metainfo, icon and copyright present"

# Before any test tool is installed (they bring X and GL libraries of their own), so a library missing
# from Depends cannot hide behind them.
missing=$(in_root sh -c 'for f in /usr/bin/drive-ingest /usr/bin/drive-ingest-cli /usr/bin/drive-ingest-sandbox \
        /usr/lib/*/qt6/plugins/platforms/libqxcb.so; do
        [ -e "$f" ] || { echo "$f: not installed"; continue; }; ldd "$f" | sed -n "s|^|$f: |; /not found/p"; done')
[ -z "$missing" ] || die "unresolved libraries with Depends only:
$missing"
version=$(in_root drive-ingest-cli --version 2>&1) || die "drive-ingest-cli --version failed: $version"
fact "drive-ingest-cli --version: $version"
# The app itself, headless, still with nothing but the package's dependencies.
in_root sh -c 'export HOME=$(mktemp -d) QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$(mktemp -d)
    drive-ingest >/tmp/offscreen.log 2>&1 & pid=$!; sleep 4
    if kill -0 $pid 2>/dev/null; then kill $pid; wait $pid 2>/dev/null; exit 0; fi
    cat /tmp/offscreen.log; exit 1' || die "drive-ingest did not stay up under QT_QPA_PLATFORM=offscreen"
fact "drive-ingest (offscreen, Depends only): started and stayed up for 4 s"

# The whole pipeline on the fresh system: the installed sandbox serves its demo tree, the installed CLI ingests
# it into a local folder. The demo tree has deliberately broken files, so exit code 1 (some failed) is the
# expected end; what must hold is that the run finished and every file the report calls done is on disk.
cat >"$root/root/cli-ingest.sh" <<'EOF'
#!/bin/sh
set -u
work=$(mktemp -d)
export HOME=$work/home
mkdir -p "$HOME"
printf 'fresh-install-test' >"$work/token"
drive-ingest-sandbox --quiet --ready-file "$work/ready" --static-token-file "$work/token" >/dev/null &
sandbox=$!
i=0
until grep -q demo_root_id "$work/ready" 2>/dev/null; do
    i=$((i + 1)); [ $i -le 100 ] || { echo "the sandbox wrote no ready file"; kill $sandbox; exit 1; }
    sleep 0.1
done
url=$(sed -n 's/.*"base_url" *: *"\([^"]*\)".*/\1/p' "$work/ready")
demo=$(sed -n 's/.*"demo_root_id" *: *"\([^"]*\)".*/\1/p' "$work/ready")
drive-ingest-cli ingest --quiet --sandbox "$url" --access-token-file "$work/token" --to "$work/out" \
    --report "$work/report.json" "$demo" 2>"$work/cli.log"
rc=$?
kill $sandbox; wait $sandbox 2>/dev/null
if [ $rc -gt 1 ] || [ ! -s "$work/report.json" ]; then echo "drive-ingest-cli ingest ended with $rc"; cat "$work/cli.log"; exit 1; fi
done_files=$(grep -c '"status": "done"' "$work/report.json")
on_disk=$(find "$work/out" -type f | wc -l)
bytes=$(du -sb "$work/out" | cut -f1)
rm -rf "$work"
echo "exit code $rc, $done_files files done by the report, $on_disk files ($bytes bytes) on disk"
[ "$done_files" -gt 0 ] && [ "$done_files" -eq "$on_disk" ]
EOF
chmod +x "$root/root/cli-ingest.sh"
ingest=$(in_root /root/cli-ingest.sh) || die "the CLI ingest of the sandbox demo tree failed: $ingest"
fact "drive-ingest-cli ingest of the installed sandbox's demo tree (Depends only): $ingest"

# ---------------------------------------------------------------------------------------- test tools
step "installing the test tools inside the root (not package dependencies)"
apt_in_root install --no-install-recommends xvfb xauth x11-apps x11-utils xdotool imagemagick \
    desktop-file-utils appstream >"$out_dir/apt-tools.log" 2>&1 \
    || { tail -20 "$out_dir/apt-tools.log"; die "could not install the test tools in the chroot"; }

desktop_file=$(in_root sh -c 'ls /usr/share/applications/*.desktop' | grep -i driveingest | head -1)
[ -n "$desktop_file" ] || die "no installed desktop file"
in_root desktop-file-validate "$desktop_file" || die "desktop-file-validate rejects $desktop_file"
in_root appstreamcli validate --no-net /usr/share/metainfo/org.driveingest.DriveIngest.metainfo.xml \
    >"$out_dir/appstream.log" 2>&1 || { cat "$out_dir/appstream.log"; die "appstreamcli validate rejects the metainfo"; }
fact "desktop-file-validate and appstreamcli validate --no-net: both pass on the installed files"

exec_line=$(sed -n 's/^Exec=//p' "$root$desktop_file" | head -1)
[ -n "$exec_line" ] || die "$desktop_file has no Exec= line"
# Field codes (%f, %U, …) stand for files or URLs the menu passes; a plain menu start passes none.
exec_cmd=$(sed -E 's/(^| )%[fFuUdDnNickvm]//g; s/%%/%/g' <<<"$exec_line")
fact "menu entry: $desktop_file, Exec=$exec_line"

# Inside the chroot, under xvfb-run: start $1, wait for a window named $2, wait $3 s more for it to settle,
# save a PNG of the screen as $4, check the process is still alive, end it.
cat >"$root/root/start-and-shoot.sh" <<'EOF'
#!/bin/sh
set -u
cmd=$1 name=$2 settle=$3 png=$4
export HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
chmod 700 "$XDG_RUNTIME_DIR"
started=$(date +%s%N)
sh -c "exec $cmd" >"$png.log" 2>&1 &
pid=$!
waited=0
until xdotool search --onlyvisible --name "$name" >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "the app exited before a window appeared:"; cat "$png.log"; exit 1; fi
    [ $waited -ge 300 ] && { echo "no window named '$name' after 30 s"; xwininfo -root -tree; exit 1; }
    sleep 0.1; waited=$((waited + 1))
done
echo "window '$name' appeared $(( ($(date +%s%N) - started) / 1000000 )) ms after the start"
xwininfo -root -tree | grep -F "$name" | head -3
sleep "$settle"
xwd -root -silent | convert xwd:- "png:$png" || { echo "screenshot failed"; exit 1; }
kill -0 $pid 2>/dev/null || { echo "the app died after showing its window:"; cat "$png.log"; exit 1; }
kill $pid; wait $pid 2>/dev/null
echo "process $pid was alive after the screenshot; ended it"
EOF
chmod +x "$root/root/start-and-shoot.sh"
shoot() { # $1 = command, $2 = settle seconds, $3 = png name
    in_root xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" /root/start-and-shoot.sh "$1" "Drive Ingest" "$2" "/root/$3" \
        >"$out_dir/$3.run.log" 2>&1
    local rc=$?
    cat "$out_dir/$3.run.log"
    [ -f "$root/root/$3.log" ] && cp "$root/root/$3.log" "$out_dir/$3.app.log"
    [ $rc -eq 0 ] || return $rc
    cp "$root/root/$3" "$out_dir/$3"
}

step "starting the menu entry's command '$exec_cmd' under Xvfb"
shoot "$exec_cmd" 2 menu-entry.png || die "the app did not start from its menu entry (logs: $out_dir/menu-entry.png.*)"
fact "window from the menu entry: $(grep -m1 appeared "$out_dir/menu-entry.png.run.log"); screenshot $out_dir/menu-entry.png"

if [ "$sandbox_check" -eq 1 ]; then
    # main.cpp's --sandbox does what the first-run page's "Try it with the sandbox" does: start the installed
    # drive-ingest-sandbox beside the app and sign in to it; the browser then lists the demo tree.
    step "starting '$exec_cmd --sandbox' (Try it with the sandbox) under Xvfb"
    shoot "$exec_cmd --sandbox" 8 sandbox-browser.png || die "the app with the sandbox did not start (logs: $out_dir/sandbox-browser.png.*)"
    fact "sandbox run: $(grep -m1 appeared "$out_dir/sandbox-browser.png.run.log"); screenshot $out_dir/sandbox-browser.png"

    # The app's own demo script (--screenshots, as tests/gui/screenshots.sh uses it): sign in to the sandbox,
    # queue the demo folder, run it into a local folder, save PNGs of each stage, quit with 0 at the report.
    step "running the GUI demo ingest (drive-ingest --screenshots) under Xvfb"
    rm -rf "$out_dir/gui-demo"
    in_root sh -c 'export HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
        rm -rf /root/gui-demo /root/gui-demo-out
        timeout 300 xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp" \
            drive-ingest --screenshots /root/gui-demo --destination /root/gui-demo-out' >"$out_dir/gui-demo.log" 2>&1 \
        || { tail -20 "$out_dir/gui-demo.log"; die "the GUI demo ingest failed (log: $out_dir/gui-demo.log)"; }
    cp -r "$root/root/gui-demo" "$out_dir/gui-demo"
    shots=$(find "$out_dir/gui-demo" -name '*.png' | wc -l)
    files=$(find "$root/root/gui-demo-out" -type f | wc -l)
    [ "$files" -gt 0 ] || die "the GUI demo ingest wrote no file into its destination"
    fact "GUI demo ingest: exit 0, $files files in the destination, $shots screenshots in $out_dir/gui-demo"
fi
