#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Set up a fresh Debian 12 machine, build Drive Ingest, then run it or its tests.
#   ./setup.sh run     install packages, build, start the app (against the sandbox without a Google account)
#   ./setup.sh test    install packages, build, run the test suite (everything but benchmarks)
#   ./setup.sh bench   install packages, build, run the benchmarks (prints tables, writes JSON)
#   ./setup.sh build   install packages and build only
#   ./setup.sh fresh-install  as root: build the .deb, install and start it in a fresh Debian 12 chroot (packaging/README.md)
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-test}

packages=(
    build-essential cmake ninja-build pkg-config git curl ca-certificates
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-networkauth-dev qtkeychain-qt6-dev libqt6sql6-sqlite libsecret-1-0 libxkbcommon-dev
    libcpp-httplib-dev nlohmann-json3-dev libssl-dev zlib1g-dev openssl libsqlite3-dev
    xvfb xauth dbus gnome-keyring libsecret-tools imagemagick x11-apps aria2 time
    desktop-file-utils appstream dpkg-dev file nginx strace
)

install_packages() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing ${#missing[@]} Debian packages: ${missing[*]}"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
        # nginx is here only for the HTTP/2 test, which starts its own on 127.0.0.1: the system service that the
        # package enables on port 80 was not there before, so it is stopped and disabled again.
        if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null 2>&1; then
            $sudo systemctl disable --now nginx >/dev/null 2>&1 || true
        fi
    fi
}

preset=default
[ "${CI:-}" = "true" ] && preset=ci

build() {
    export CMAKE_BUILD_PARALLEL_LEVEL=2
    cmake --preset "$preset"
    cmake --build --preset "$preset"
}

# Tests that touch the OS keychain need a private D-Bus session with an unlocked gnome-keyring,
# and nothing may touch the real $HOME.
run_isolated() {
    local tmp
    tmp=$(mktemp -d)
    export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/home/.config"
    mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    dbus-run-session -- bash -c 'printf "ci-keyring-pass" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' _ "$@"
}

case "$mode" in
    build)
        install_packages; build ;;
    test)
        install_packages; build
        run_isolated ctest --preset "$preset" ;;
    bench)
        install_packages; build
        run_isolated ctest --preset bench ;;
    run)
        install_packages; build
        bin="build/$preset"
        if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
            # No Google account signed in yet: start signed in to the bundled sandbox and its demo tree.
            args=()
            "$bin/src/cli/drive-ingest-cli" accounts | grep -q '^google' || args+=(--sandbox)
            exec "$bin/src/app/drive-ingest" "${args[@]}" "${@:2}"
        fi
        echo "== no display: starting the sandbox with its demo tree instead of the app; Ctrl-C stops it"
        work=$(mktemp -d)
        printf 'demo-token' > "$work/token"
        "$bin/src/sandbox/drive-ingest-sandbox" --port "${SANDBOX_PORT:-8765}" --static-token-file "$work/token" \
            --ready-file "$work/ready.json" "${@:2}" >/dev/null &
        sandbox=$!
        trap 'kill $sandbox 2>/dev/null; rm -rf "$work"' EXIT
        for _ in $(seq 200); do
            [ -s "$work/ready.json" ] && break
            kill -0 $sandbox 2>/dev/null || { wait $sandbox; exit 1; }
            sleep 0.1
        done
        url=$(sed -n 's/.*"base_url": *"\([^"]*\)".*/\1/p' "$work/ready.json")
        demo=$(sed -n 's/.*"demo_root_id": *"\([^"]*\)".*/\1/p' "$work/ready.json")
        cli="$PWD/$bin/src/cli/drive-ingest-cli"
        echo "== sandbox at $url; demo tree id: $demo; bearer token for the sandbox: demo-token"
        echo "== first run (another terminal; some demo files fail on purpose, so it ends with exit code 1):"
        echo "   $cli ingest $demo --to drive-ingest-demo --sandbox $url --access-token-file $work/token"
        echo "== look around: $cli ls $demo -R --sandbox $url --access-token-file $work/token"
        wait $sandbox ;;
    fresh-install)
        # Downloads a few hundred MB into /var/tmp, so it is not part of 'test'. Options: packaging/README.md
        install_packages
        exec packaging/test-fresh-install.sh --out "$PWD/build/fresh-install" build/package "${@:2}" ;;
    *)
        echo "usage: $0 run|test|bench|build|fresh-install" >&2; exit 2 ;;
esac
