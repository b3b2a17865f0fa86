#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the real app under Xvfb against the sandbox, ingests the demo tree into a temporary local folder and
# saves PNGs of each stage (first-run screen, settings, main window mid-run, dashboard, report): in English,
# in German, under a dark palette and at 200 % scale.
#   tests/gui/screenshots.sh [BUILD_DIR] [OUT_DIR]      (defaults: build, BUILD_DIR/screenshots)
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
out=${2:-$build/screenshots}
app=$build/src/app/drive-ingest
sandbox=$build/src/sandbox/drive-ingest-sandbox
for f in "$app" "$sandbox"; do
    [ -x "$f" ] || { echo "missing $f (build the drive-ingest and drive-ingest-sandbox targets)" >&2; exit 1; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Nothing touches the real home: settings, keyrings and the demo output live in a temp dir.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_RUNTIME_DIR=$tmp/run DI_SANDBOX=$sandbox
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

shoot() { # name, then env assignments and app options
    local name=$1; shift
    echo "== $name"
    rm -rf "$XDG_CONFIG_HOME"
    env "$@" xvfb-run -a -s "-screen 0 ${DI_SHOT_SCREEN:-1400x900}x24" "$app" --screenshots "$out/$name" \
        --destination "$tmp/out-$name" ${DI_SHOT_OPTIONS:-}
}

shoot en LANGUAGE=en LANG=C.UTF-8
shoot de LANGUAGE=de LANG=de_DE.UTF-8
DI_SHOT_OPTIONS=--dark shoot dark LANGUAGE=en LANG=C.UTF-8
DI_SHOT_SCREEN=2800x1800 shoot scale200 LANGUAGE=en LANG=C.UTF-8 QT_SCALE_FACTOR=2
echo "screenshots in $out:"
find "$out" -name '*.png' | sort
