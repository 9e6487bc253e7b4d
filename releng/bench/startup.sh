#!/usr/bin/env bash
# Start-up benchmark: launches the packaged workbench RUNS times under Xvfb and prints the time from exec
# to the main window being mapped, and the same for one headless command (--version).
# Usage: releng/bench/startup.sh [RUNS]        (builds the product first if needed, via product/proxyscope)
set -euo pipefail
runs=${1:-10}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
archive=$(ls "$repo"/product/target/products/proxyscope-*-linux.gtk.x86_64.tar.gz)
work=$(mktemp -d)
trap 'kill ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
tar xzf "$archive" -C "$work"
export HOME="$work/home" XDG_CACHE_HOME="$work/home/.cache" XDG_STATE_HOME="$work/home/.local/state"
mkdir -p "$HOME"

if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:77
    Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

start_once() { # prints milliseconds from exec to the main window being mapped
    local ws="$work/ws-$1" t0 try window="" pid
    for try in 1 2 3; do
        watch_maps
        t0=$(now_ms)
        "$work/proxyscope" -data "$ws" >"$work/run-$1.log" 2>&1 &
        pid=$!
        mapped_window "$pid" "Proxyscope - $ws" && window=$mapped && break
        echo "run $1: the workbench exited before showing its window; trying again" >&2
    done
    [ -n "$window" ] || return 1
    echo $(( $(now_ms) - t0 ))
    # close it as a user would, so every run starts from a cleanly closed workbench
    xdotool windowfocus "$window" 2>/dev/null; xdotool key --clearmodifiers ctrl+q
    wait "$pid" 2>/dev/null || true
}

stats() { # label values...: median and minimum
    local label=$1; shift
    sort -n <<<"$(printf '%s\n' "$@")" | awk -v label="$label" '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%-34s median %6.0f ms   min %6.0f ms   (%d runs)\n", label, m, v[1], NR }'
}

# shellcheck source=../archives.sh
. "$repo/releng/archives.sh"
# shellcheck source=../mapped-window.sh
. "$repo/releng/mapped-window.sh"
archive_or_say() { # KIND
    archive_made "$1" || echo "startup.sh: no $1 start-up archive appeared; the figures below are without it" >&2
}

cold=$(start_once cold)
archive_or_say workbench
warm=()
for i in $(seq "$runs"); do warm+=("$(start_once "$i")"); done
cli=()
"$work/proxyscope" --version >/dev/null
archive_or_say cli
for i in $(seq "$runs"); do
    t0=$(now_ms); "$work/proxyscope" --version >/dev/null; cli+=("$(( $(now_ms) - t0 ))")
done
echo "Proxyscope start-up, $(nproc) cores, $("$work/proxyscope" --version)"
printf '%-34s %6d ms\n' "workbench, first start after unpack" "$cold"   # it records the start-up archive
stats "workbench, warm start" "${warm[@]}"
stats "command line, proxyscope --version" "${cli[@]}"
