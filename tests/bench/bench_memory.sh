#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Memory benchmark (issue 11, acceptance 4): the CLI's peak RSS (/usr/bin/time -v, "Maximum resident set size")
# for an ingest of N one-byte files into a local folder and for `--dry-run` over a manifest of M files.
# Targets: <= 256 MiB for 100,000 files, <= 256 MiB for a 1,000,000-file dry run. Prints; never asserts.
#   bench_memory.sh <drive-ingest-cli> <drive-ingest-sandbox> <out.json> [run sizes] [dry-run sizes]
#   sizes: space-separated file counts (default "10000 100000" and "100000 1000000"; "-" runs none)
#   BENCH_MEMORY_WRAP="heaptrack -o DIR/ht" runs the CLI under that command (then heaptrack_print DIR/ht.*.zst).
set -euo pipefail
cli=${1:?path to drive-ingest-cli}
sandbox=${2:?path to drive-ingest-sandbox}
out=${3:?output JSON path}
run_sizes=${4:-10000 100000}
dry_sizes=${5:-100000 1000000}
[ "$run_sizes" = "-" ] && run_sizes=""
[ "$dry_sizes" = "-" ] && dry_sizes=""
token=bench-token

work=$(mktemp -d)
pid=""
stop_sandbox() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    pid=""
}
trap 'stop_sandbox; rm -rf "$work"' EXIT

# N files of 1 byte, 1,000 to a folder (folders of 1,000 folders above that): Drive's listing pages, many folders.
manifest() {
    local n=$1 file=$2
    awk -v n="$n" 'BEGIN {
        per = 1000; folders = int((n + per - 1) / per);
        printf "{\"demo_root\": \"Bench\", \"my_drive\": [{\"name\": \"Bench\", \"children\": [";
        made = 0;
        for (f = 0; f < folders; f++) {
            if (f > 0) printf ",";
            printf "{\"name\": \"d%05d\", \"children\": [", f;
            for (i = 0; i < per && made < n; i++) {
                if (i > 0) printf ",";
                printf "{\"name\": \"file-%07d.bin\", \"size\": 1}", made;
                made++;
            }
            printf "]}";
        }
        printf "]}]}\n";
    }' > "$file"
}

start_sandbox() {
    rm -f "$work/ready.json"
    "$sandbox" --port 0 --ready-file "$work/ready.json" --data-dir "$work/data" --manifest "$1" \
        --static-token "$token" --quiet > "$work/sandbox.out" 2>&1 &
    pid=$!
    for _ in $(seq 1 6000); do
        [ -s "$work/ready.json" ] && break
        sleep 0.05
    done
    [ -s "$work/ready.json" ] || { echo "sandbox did not start:"; cat "$work/sandbox.out"; exit 1; }
    base=$(sed -n 's/.*"base_url": *"\([^"]*\)".*/\1/p' "$work/ready.json")
    root=$(sed -n 's/.*"demo_root_id": *"\([^"]*\)".*/\1/p' "$work/ready.json")
}

# measure <label> <args…>: runs the CLI, prints its peak RSS, wall time and exit code; sets $peak and $secs.
measure() {
    local label=$1
    shift
    local code=0
    DRIVE_INGEST_ACCESS_TOKEN=$token XDG_STATE_HOME="$work/state" \
        /usr/bin/time -v -o "$work/time.txt" ${BENCH_MEMORY_WRAP:-} "$cli" "$@" > "$work/cli.out" 2> "$work/cli.err" || code=$?
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
    printf '%-28s peak RSS %7.1f MiB  (%s, exit %d)\n' "$label" "$(awk -v k="$peak" 'BEGIN {print k / 1024}')" "$secs" "$code"
    [ "$code" -eq 0 ] || tail -5 "$work/cli.err"
}

rows=()
for n in $run_sizes; do
    manifest "$n" "$work/m.json"
    start_sandbox "$work/m.json"
    rm -rf "$work/dest" "$work/state"
    # The pace and parallelism of a fast link (the sandbox has no quota): memory, not time, is measured here.
    measure "ingest $n files" ingest "$root" --to "$work/dest" --sandbox "$base" --quiet --qps 2000 --parallel 16
    landed=$(find "$work/dest" -name 'file-*.bin' | wc -l)
    echo "  landed: $landed of $n"
    rows+=("{\"mode\": \"ingest\", \"files\": $n, \"landed\": $landed, \"peak_rss_kib\": $peak, \"target_mib\": 256}")
    stop_sandbox
done
for n in $dry_sizes; do
    manifest "$n" "$work/m.json"
    start_sandbox "$work/m.json"
    rm -rf "$work/dest" "$work/state"
    mkdir -p "$work/dest"
    measure "dry run $n files" ingest "$root" --to "$work/dest" --sandbox "$base" --dry-run
    listed=$(grep -c 'file-' "$work/cli.out" || true)
    echo "  plan lines: $listed of $n"
    rows+=("{\"mode\": \"dry-run\", \"files\": $n, \"plan_lines\": $listed, \"peak_rss_kib\": $peak, \"target_mib\": 256}")
    stop_sandbox
done
(IFS=,; echo "[${rows[*]}]") > "$out"
