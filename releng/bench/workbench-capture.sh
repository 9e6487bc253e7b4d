#!/usr/bin/env bash
# A big capture in the workbench: builds a deterministic pcap of SIZE_MIB (default 1024), imports it into a case
# with the command line, then RUNS times (default 5) starts the workbench on that workspace under Xvfb, selects
# the case, brings up the Capture perspective and times the key press to the first flow drawn in the Flows
# view; with each, the workbench's resident memory once the capture is shown, and its peak. Beside it, the command
# line reading the same stored copy (`proxyscope import FILE`), the time the workbench is measured against.
# Usage: releng/bench/workbench-capture.sh [SIZE_MIB] [--dense] [RUNS]
set -euo pipefail
size_mib=${1:-1024}
dense=${2:-}
runs=${3:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
app="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64/proxyscope"
work=$(mktemp -d)
trap 'kill ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$repo/releng/bench/make-capture.py" "$size_mib" "$work/bench.pcap" $dense
ws="$work/workspace"
case_id=$("$app" case new --workspace "$ws" --title "Benchmark" --target 192.0.2.7)
"$app" import "$work/bench.pcap" --case "$case_id" --workspace "$ws" >/dev/null
rm "$work/bench.pcap"
stored=$(find "$ws/.proxyscope/evidence" -type f -printf "%s %p\n" | sort -n | tail -1 | cut -d" " -f2-)   # the capture, not its analysis
cat "$stored" >/dev/null   # both read from the page cache

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cli=()
for _ in $(seq "$runs"); do
    t0=$(now_ns)
    /usr/bin/time -f %M -o "$work/rss" "$app" import "$stored" >/dev/null
    cli+=($(( ($(now_ns) - t0) / 1000000 )))
    cli_rss=$(( $(tail -1 "$work/rss") / 1024 ))
done

if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:78
    Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
fi
# shellcheck source=../mapped-window.sh
. "$repo/releng/mapped-window.sh"

shown=() rss=() peak=()
# run 0 is not counted: the first start of a build records its start-up archive
for run in $(seq 0 "$runs"); do
    watch_maps
    "$app" -data "$ws" >"$work/workbench-$run.log" 2>&1 &
    pid=$!
    mapped_window "$pid" "Proxyscope - $ws" || { echo "run $run: the workbench did not show its window" >&2; exit 1; }
    window=$mapped
    sleep 3   # the window settles: its parts are laid out, the Case Explorer is filled
    java=$(pgrep -P "$pid" | head -1)
    eval "$(xdotool getwindowgeometry --shell "$window")"
    xdotool windowfocus "$window"; xdotool key --clearmodifiers ctrl+alt+1; sleep 1
    # the first row of the Case Explorer, as in the Triage perspective's layout
    xdotool mousemove $((X + 80)) $((Y + 222)) click 1; sleep 1.5
    t0=$(now_ns)
    xdotool key --clearmodifiers ctrl+alt+3
    # the first row of the Flows view: empty until the flows are shown
    ms=$(python3 "$repo/releng/bench/screen-wait.py" $((X + 345)) $((Y + 174)) 900 12 "$t0" 120)
    sleep 3
    now=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$java/status")
    high=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$java/status")
    echo "run $run: flows shown after $ms ms; resident $now MiB, peak $high MiB" >&2
    [ "$run" = 0 ] || { shown+=("$ms"); rss+=("$now"); peak+=("$high"); }
    xdotool windowfocus "$window"; xdotool key --clearmodifiers ctrl+q
    wait "$pid" 2>/dev/null || true
done

printf 'A %d MiB capture%s in the workbench, %d runs (medians), %d cores\n' "$size_mib" "${dense:+ dense in proxy sessions}" "$runs" "$(nproc)"
cli_ms=$(printf '%s\n' "${cli[@]}" | median)
wb_ms=$(printf '%s\n' "${shown[@]}" | median)
printf '  proxyscope import (command line)    %6.0f ms   peak RSS %5d MiB\n' "$cli_ms" "$cli_rss"
printf '  workbench: Capture perspective      %6.0f ms   resident %5.0f MiB with it shown, peak %.0f MiB\n' "$wb_ms" \
    "$(printf '%s\n' "${rss[@]}" | median)" "$(printf '%s\n' "${peak[@]}" | median)"
printf '  workbench / command line: %.2fx (goal: at most 1.2x, under 1024 MiB resident)\n' "$(echo "$wb_ms / $cli_ms" | bc -l)"
