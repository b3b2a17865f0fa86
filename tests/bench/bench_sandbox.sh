#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sandbox benchmark: 1 GiB download with curl to /dev/null (target >= 1 GB/s) and the sandbox's peak RSS while
# serving it alone and to 8 curls at once (target <= 50 MiB). Prints a table; writes JSON.
#   bench_sandbox.sh <drive-ingest-sandbox> <out.json> [runs]
set -euo pipefail
sandbox=${1:?path to drive-ingest-sandbox}
out=${2:?output JSON path}
runs=${3:-3}
size=1073741824
token=bench-token
id=1BenchOneGiBFileForTheSandbox0000

work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A fixed id through a manifest: no JSON parsing needed here.
cat > "$work/manifest.json" <<JSON
{"my_drive": [{"name": "bench", "children": [{"name": "1GiB.bin", "id": "$id", "size": $size}]}]}
JSON
"$sandbox" --port 0 --ready-file "$work/ready.json" --data-dir "$work/data" --manifest "$work/manifest.json" \
    --static-token "$token" --quiet > "$work/sandbox.out" 2>&1 &
pid=$!
for _ in $(seq 1 200); do
    [ -s "$work/ready.json" ] && break
    sleep 0.05
done
[ -s "$work/ready.json" ] || { echo "sandbox did not start:"; cat "$work/sandbox.out"; exit 1; }
base=$(sed -n 's/.*"base_url": *"\([^"]*\)".*/\1/p' "$work/ready.json")
url="$base/drive/v3/files/$id?alt=media"

hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$pid/status"; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
# Writing 5 to clear_refs resets the peak-RSS mark, so each phase reports its own peak.
reset_hwm() { echo 5 > "/proc/$pid/clear_refs" 2>/dev/null || true; }

idle_kib=$(rss_kib)

# Phase 1: one client.
reset_hwm
single=()
for _ in $(seq 1 "$runs"); do
    read -r bytes seconds < <(curl -sS -o /dev/null -H "Authorization: Bearer $token" -w '%{size_download} %{time_total}\n' "$url")
    [ "$bytes" = "$size" ] || { echo "short download: $bytes bytes"; exit 1; }
    single+=("$(awk -v b="$bytes" -v s="$seconds" 'BEGIN {printf "%.3f", b / s / 1e9}')")
done
single_hwm=$(hwm_kib)
best=$(printf '%s\n' "${single[@]}" | sort -g | tail -1)
median=$(printf '%s\n' "${single[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

# Phase 2: eight clients at once.
reset_hwm
start=$(date +%s.%N)
clients=()
for i in $(seq 1 8); do
    curl -sS -o /dev/null -H "Authorization: Bearer $token" -w '%{size_download}\n' "$url" > "$work/par.$i" &
    clients+=($!)
done
wait "${clients[@]}"
end=$(date +%s.%N)
par_hwm=$(hwm_kib)
total=0
for i in $(seq 1 8); do total=$((total + $(cat "$work/par.$i"))); done
[ "$total" = "$((8 * size))" ] || { echo "parallel downloads were short: $total bytes"; exit 1; }
aggregate=$(awk -v b="$total" -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", b / (e - s) / 1e9}')

peak_conn=$(curl -sS "$base/_sandbox/stats" | sed -n 's/.*"peak_connections": *\([0-9]*\).*/\1/p' | head -1)

mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
verdict() { if awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {exit !(op == "ge" ? v >= t : v <= t)}'; then echo met; else echo MISSED; fi; }

printf '\n%-46s %12s %10s %8s\n' "drive-ingest-sandbox benchmark" "value" "target" "status"
printf '%-46s %12s %10s %8s\n' "1 GiB -> curl -> /dev/null, best of $runs (GB/s)" "$best" ">= 1.0" "$(verdict "$best" 1.0 ge)"
printf '%-46s %12s %10s %8s\n' "  median (GB/s)" "$median" "" ""
printf '%-46s %12s %10s %8s\n' "  runs (GB/s)" "$(IFS=,; echo "${single[*]}")" "" ""
printf '%-46s %12s %10s %8s\n' "peak RSS serving 1 client (MiB)" "$(mib "$single_hwm")" "<= 50" "$(verdict "$(mib "$single_hwm")" 50 le)"
printf '%-46s %12s %10s %8s\n' "8 clients at once, aggregate (GB/s)" "$aggregate" "" ""
printf '%-46s %12s %10s %8s\n' "peak RSS serving 8 clients (MiB)" "$(mib "$par_hwm")" "<= 50" "$(verdict "$(mib "$par_hwm")" 50 le)"
printf '%-46s %12s\n' "RSS idle after start (MiB)" "$(mib "$idle_kib")"
printf '%-46s %12s\n' "peak connections seen by the sandbox" "$peak_conn"

cat > "$out" <<JSON
{
  "benchmark": "bench_sandbox",
  "file_bytes": $size,
  "single_client_gbps": [$(IFS=,; echo "${single[*]}")],
  "single_client_best_gbps": $best,
  "single_client_median_gbps": $median,
  "single_client_peak_rss_kib": $single_hwm,
  "eight_clients_aggregate_gbps": $aggregate,
  "eight_clients_peak_rss_kib": $par_hwm,
  "idle_rss_kib": $idle_kib,
  "peak_connections": ${peak_conn:-0},
  "targets": {"single_client_gbps_min": 1.0, "peak_rss_mib_max": 50}
}
JSON
echo "JSON: $out"
