#!/usr/bin/env bash
# Report export speed: a case holding the capture benchmark's capture (SIZE_MIB, default 1024) imported
# into it, a probe run of 30 findings with transcripts (ten loopback web servers probed with three
# protocols each) and 50 notes for the report, then `proxyscope report` timed RUNS times (default 5): median
# and fastest, with the PDF's size and pages; then `proxyscope verdict` of the same case, as often, which
# gathers what the report's cover says without making the PDF. Everything it probes is on loopback.
# With --dense, the capture is the one dense in proxy sessions (about 74,000 in 1 GiB instead of 4,900).
# Usage: releng/bench/report.sh [SIZE_MIB] [RUNS] [--dense]
set -euo pipefail
size_mib=${1:-1024}
runs=${2:-5}
dense=${3:-}
[ -z "$dense" ] || [ "$dense" = --dense ] || { echo "usage: ${0##*/} [SIZE_MIB] [RUNS] [--dense]" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
# shellcheck source=../archives.sh
. "$repo/releng/archives.sh"
archive_made cli || echo "${0##*/}: the command line's start-up archive is not there; its start-up counts in" >&2
app="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64/proxyscope"
work=$(mktemp -d)
servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
ws="$work/ws"
export PROXYSCOPE_ANALYST=bench

ports=()
for n in $(seq 10); do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 -m http.server --bind 127.0.0.1 --directory "$work" "$port" >/dev/null 2>&1 &
    servers+=($!)
    ports+=("$port")
done
list=$(IFS=,; echo "${ports[*]}")
id=$("$app" case new --workspace "$ws" --title "Report benchmark" --target 127.0.0.1 --scope "127.0.0.1:$list" \
    --customer BENCH-1 --severity high)
sleep 0.5   # the web servers are listening
"$app" probe 127.0.0.1 --case "$id" --workspace "$ws" --ports "$list" --protocols http-connect,http-get,socks5 \
    --canary-listen 127.0.0.1:0 --timeout-ms 1000 --json >"$work/probe.json"
findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/probe.json")
python3 "$repo/releng/bench/make-capture.py" "$size_mib" "$work/bench.pcap" ${dense:+"$dense"}
"$app" import "$work/bench.pcap" --case "$id" --workspace "$ws" >/dev/null
rm "$work/bench.pcap"
for n in $(seq 50); do
    printf '## Observation %d\n\nThe customer line relayed **SOCKS5** sessions; see [[evidence:1]].\n\n- client 10.0.%d.%d\n- retest due\n' \
        "$n" "$((n / 10))" "$n" >"$work/note.md"
    "$app" note add "$id" --file "$work/note.md" --for-report --workspace "$ws" >/dev/null
done

# timed RUNS times: "MEDIAN FASTEST" in milliseconds
timed() {
    local times=() t0 sorted
    for i in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$@" >"$work/out"
        times+=("$(( ($(date +%s%N) - t0) / 1000000 ))")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    awk '{ v[NR] = $1 } END { print ((NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1] }' <<<"$sorted"
}
read -r median fastest < <(timed "$app" report "$id" --workspace "$ws" --out "$work/report.pdf" --force)
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
read -r verdict_median verdict_fastest < <(timed "$app" verdict "$id" --workspace "$ws")
printf 'Report export, %d cores, %s MiB capture%s imported, %s probe findings, 50 notes\n' "$(nproc)" "$size_mib" \
    "${dense:+ (dense)}" "$findings"
printf '  proxyscope report   median %6d ms   fastest %6d ms   (%d runs)\n' "$median" "$fastest" "$runs"
printf '  PDF                 %s bytes, %s pages\n' "$(stat -c %s "$work/report.pdf")" "${pages:-?}"
printf '  proxyscope verdict  median %6d ms   fastest %6d ms   (%d runs)\n' "$verdict_median" "$verdict_fastest" "$runs"
