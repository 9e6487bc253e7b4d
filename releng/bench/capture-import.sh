#!/usr/bin/env bash
# Capture import speed: builds a deterministic pcap of SIZE_MIB (default 1024) and prints, in one run,
# "openssl dgst -sha256" (the hash every import must compute: the floor), "proxyscope import" ad hoc and into a
# case (as an analyst runs it, with the launcher's heap settings; the peak RSS shows what memory it took), the
# copy's write (cp and sync: what a case adds at least),
# "tcpdump -nr" and "tshark -q -z conv,tcp" on the same file: time, MB/s and peak RSS of each, then the ratios
# the goals speak of.
# Usage: releng/bench/capture-import.sh [SIZE_MIB] [--dense]   (--dense: a capture dense in proxy sessions)
set -euo pipefail
size_mib=${1:-1024}
dense=${2:-}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
for tool in tcpdump tshark; do
    command -v $tool >/dev/null || { echo "capture-import.sh: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
# shellcheck source=../archives.sh
. "$repo/releng/archives.sh"
archive_made cli || echo "${0##*/}: the command line's start-up archive is not there; its start-up counts in" >&2
app="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64/proxyscope"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/bench.pcap"
python3 "$repo/releng/bench/make-capture.py" "$size_mib" "$file" $dense
bytes=$(stat -c %s "$file")
cat "$file" >/dev/null   # every contender reads from the page cache
sync                     # and none waits for the capture's own write to the disk
measure() { # KEY LABEL COMMAND...: prints seconds, MB/s and peak RSS; the seconds also in $work/seconds-KEY
    local key=$1 label=$2 t0 t1 rss seconds
    shift 2
    t0=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { echo "$label failed:"; cat "$work/err"; return 1; }
    t1=$(date +%s%N)
    rss=$(tail -1 "$work/rss")
    seconds=$(echo "($t1 - $t0) / 1000000000" | bc -l)
    echo "$seconds" >"$work/seconds-$key"
    printf '  %-34s %7.2f s  %7.0f MB/s  peak RSS %5d MiB\n' "$label" "$seconds" \
        "$(echo "$bytes * 1000 / ($t1 - $t0)" | bc -l)" $((rss / 1024))
}
printf 'Capture import of %d MiB (%d bytes)%s, %d cores\n' "$size_mib" "$bytes" "${dense:+, dense in proxy sessions}" "$(nproc)"
measure hash "openssl dgst -sha256" openssl dgst -sha256 "$file"
measure import "proxyscope import" "$app" import "$file" --json
summary=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%d packets, %d flows, %d proxy sessions, %d carrying SMTP" % (d["packets"], d["flows"], len(d["proxy_sessions"]), sum(s["carries_smtp"] for s in d["proxy_sessions"])))' "$work/out")
# into a case: the file is copied into the workspace (on the same disk as the capture), hashed and analysed
"$app" case new --workspace "$work/workspace" --title "Benchmark" --target 192.0.2.7 >/dev/null
measure case "proxyscope import --case" "$app" import "$file" --case PX-$(date -u +%Y)-0001 \
    --workspace "$work/workspace"
rm -rf "$work/workspace"
# what the case adds to an ad-hoc import at least: the copy's write into the workspace's disk, flushed as the
# evidence store flushes it
measure copy "cp, then sync the copy" sh -c 'cp "$1" "$2" && sync "$2"' copy "$file" "$work/copy"
rm -f "$work/copy"
measure tcpdump "tcpdump -nr" tcpdump -nr "$file"
measure tshark "tshark -q -z conv,tcp" tshark -r "$file" -q -z conv,tcp
tshark_flows=$(grep -c '<->' "$work/out")
echo "  proxyscope found $summary; tshark counted $tshark_flows TCP conversations"
ratio() { echo "scale=2; $(cat "$work/seconds-$1") / $(cat "$work/seconds-$2")" | bc; }
echo "  import / openssl's hash: $(ratio import hash)x (goal: at most 1.6x); tshark / import: $(ratio tshark import)x (goal: at least 20x)"
seconds() { printf '%.2f' "$(echo "$@" | bc -l)"; }
echo "  into a case - ad hoc: $(seconds "$(cat "$work/seconds-case")" - "$(cat "$work/seconds-import")") s;" \
    "the copy's write: $(seconds "$(cat "$work/seconds-copy")") s" \
    "(goal: no more; the rest is keeping the sessions and their search entries in the workspace)"
