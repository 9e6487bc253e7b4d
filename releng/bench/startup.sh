#!/usr/bin/env bash
# Start-up benchmark: launches the packaged workbench RUNS times under Xvfb and prints the time from exec
# to the main window being mapped, and the same for one headless command (--version).
# Usage: releng/bench/startup.sh [RUNS]        (builds the product first if needed, via product/proxyscope)
#        releng/bench/startup.sh RUNS OLD.tar.gz NEW.tar.gz ...
# With product archives named, each is unpacked with a home of its own and the runs alternate between them,
# so that two builds are compared side by side under the same load.
set -euo pipefail
runs=${1:-10}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
archives=("${@:2}")
if [ ${#archives[@]} -eq 0 ]; then
    "$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
    archives=("$(ls "$repo"/product/target/products/proxyscope-*-linux.gtk.x86_64.tar.gz)")
fi
work=$(mktemp -d)
trap 'kill ${xvfb_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
for n in "${!archives[@]}"; do
    mkdir -p "$work/$n/home"
    tar xzf "${archives[$n]}" -C "$work/$n"
done
use() { # N: the following commands run the Nth installation with its own home
    install="$work/$1"
    export HOME="$install/home" XDG_CACHE_HOME="$install/home/.cache" XDG_STATE_HOME="$install/home/.local/state"
}

if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:77
    Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

start_once() { # prints milliseconds from exec to the main window being mapped
    local ws="$install/ws-$1" t0 try window="" pid
    for try in 1 2 3; do
        watch_maps
        t0=$(now_ms)
        "$install/proxyscope" -data "$ws" >"$install/run-$1.log" 2>&1 &
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

declare -A cold warm cli
for n in "${!archives[@]}"; do
    use "$n"
    cold[$n]=$(start_once cold)
    archive_or_say workbench
    "$install/proxyscope" --version >/dev/null
    archive_or_say cli
done
for i in $(seq "$runs"); do
    for n in "${!archives[@]}"; do
        use "$n"
        warm[$n]+=" $(start_once "$i")"
        t0=$(now_ms); "$install/proxyscope" --version >/dev/null; cli[$n]+=" $(( $(now_ms) - t0 ))"
    done
done
for n in "${!archives[@]}"; do
    use "$n"
    echo "Proxyscope start-up, $(nproc) cores, $("$install/proxyscope" --version)${archives[1]:+ (${archives[$n]})}"
    printf '%-34s %6d ms\n' "workbench, first start after unpack" "${cold[$n]}"   # it records the start-up archive
    # shellcheck disable=SC2086 # lists of figures
    stats "workbench, warm start" ${warm[$n]}
    # shellcheck disable=SC2086
    stats "command line, proxyscope --version" ${cli[$n]}
done
