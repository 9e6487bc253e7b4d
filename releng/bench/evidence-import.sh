#!/usr/bin/env bash
# Evidence import throughput: "proxyscope evidence add" (copy + SHA-256 + register) on a file of SIZE_MIB
# (default 1024), next to sha256sum of the same file, in one run. Usage: releng/bench/evidence-import.sh [SIZE_MIB]
set -euo pipefail
size_mib=${1:-1024}
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
app="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64/proxyscope"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
file="$work/capture.bin"
# deterministic content: a counter stream, so every run hashes the same bytes
python3 -c "
import sys
block = bytes(range(256)) * 4096
with open(sys.argv[1], 'wb') as f:
    for i in range(int(sys.argv[2])):
        f.write(block[i % 256:] + block[:i % 256])
" "$file" "$size_mib"
cat "$file" >/dev/null   # warm the page cache for both contenders
sync                     # and neither waits for the file's own write to the disk
id=$("$app" case new --title "Import benchmark" --target 192.0.2.1 --workspace "$work/ws" 2>/dev/null)
seconds() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo "scale=3; ($t1 - $t0) / 1000000000" | bc; }
proxyscope=$(seconds "$app" evidence add "$id" "$file" --workspace "$work/ws")
sha=$(seconds sha256sum "$file")
printf 'Evidence import of %d MiB, %d cores\n' "$size_mib" "$(nproc)"
printf '  %-40s %7.2f s  %7.0f MB/s\n' "proxyscope evidence add (copy+hash+register)" "$proxyscope" "$(echo "$size_mib * 1.048576 / $proxyscope" | bc -l)"
printf '  %-40s %7.2f s  %7.0f MB/s\n' "sha256sum (hash only)" "$sha" "$(echo "$size_mib * 1.048576 / $sha" | bc -l)"
