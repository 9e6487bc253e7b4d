#!/usr/bin/env bash
# Search speed: a workspace of CASES cases (default 1000), NOTES notes (default 100000) and the proxy sessions of
# CAPTURES imported captures (default 100, a dense 2 MiB capture each), built through the product's own API, then
# 100 queries through the core API (median and 95th percentile) and `proxyscope search` as a command (median
# of ten calls). The workspace lives in /dev/shm when there is one: building it is not what is measured.
# Usage: releng/bench/search.sh [CASES] [NOTES] [CAPTURES]
set -euo pipefail
cases=${1:-1000}
notes=${2:-100000}
captures=${3:-100}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
home="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64"
app="$home/proxyscope"
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=$(mktemp -d "$base/proxyscope-search.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 "$repo/releng/bench/make-capture.py" 2 "$work/dense.pcap" --dense
cp=$(ls "$home"/plugins/org.proxyscope.{core,capture,notes,cli}_*.jar "$home"/plugins/org.xerial.sqlite-jdbc_*.jar \
    "$home"/plugins/com.google.gson_*.jar "$home"/plugins/org.commonmark_*.jar | tr '\n' ':')
# shellcheck source=../toolchain.sh
proxyscope_root=$repo
. "$repo/releng/toolchain.sh"
proxyscope_find_jdk
java="$JAVA_HOME/bin/java"
echo "Search, $(nproc) cores"
"$java" --enable-native-access=ALL-UNNAMED -cp "$cp" "$repo/releng/bench/SearchBench.java" "$work/ws" "$cases" "$notes" "$captures" "$work/dense.pcap"
times=()
for q in 198.51.0.7 "trojan scanner" "\"remote administration\"" 10.0.3.4 "KUNDE-100*" socks5 "firewall AND canary" 198.51.2.9 spam wingate; do
    t0=$(date +%s%N)
    "$app" search "$q" --workspace "$work/ws" >/dev/null 2>&1
    times+=("$(( ($(date +%s%N) - t0) / 1000000 ))")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf '  proxyscope search, ten queries: median %s ms, slowest %s ms\n' \
    "$(awk '{ v[NR] = $1 } END { print (v[5] + v[6]) / 2 }' <<<"$sorted")" "$(tail -1 <<<"$sorted")"
