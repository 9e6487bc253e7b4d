#!/usr/bin/env bash
# Builds Proxyscope and runs every test: the bundles' unit and UI tests (real widgets under Xvfb),
# then end-to-end tests of the packaged product. On a fresh Debian machine, as root, it first installs
# what the tests need. Usage: releng/test.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$repo"

packages=(xvfb libgtk-3-0 libnss3 xdotool imagemagick x11-utils poppler-utils python3-jsonschema squid microsocks dante-server tinyproxy exim4-daemon-light vsftpd bind9 lighttpd tcpdump tshark curl python3 postgresql dbus-daemon dbus-bin gnome-keyring libsecret-1-0)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing test prerequisites: ${missing[*]}"
        apt-get update -q >/dev/null
        # The servers are started by the tests, on loopback, with their own settings; the packages must not
        # start system-wide daemons of their own (policy-rc.d exit 101: "action not allowed").
        guard=/usr/sbin/policy-rc.d own_guard= status=0
        if [ ! -e "$guard" ]; then
            printf '#!/bin/sh\nexit 101\n' >"$guard" && chmod 755 "$guard" && own_guard=1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || status=$?
        [ -z "$own_guard" ] || rm -f "$guard"
        [ "$status" = 0 ] || { echo "test.sh: installing ${missing[*]} failed" >&2; exit 1; }
    else
        echo "Missing Debian packages: ${missing[*]} (run as root, or install them with apt-get)" >&2
        exit 1
    fi
fi

# shellcheck source=toolchain.sh
proxyscope_root=$repo
. "$repo/releng/toolchain.sh"
proxyscope_toolchain

# One private X display for the whole run; UI tests and the product smoke test share it.
display=""
for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "No free X display number between :90 and :140" >&2; exit 1; }
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY="$display"

# A 4 MiB file system for the full-disk test of the evidence store (root only; skipped otherwise).
small_fs=$(mktemp -d)
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=4m tmpfs "$small_fs" 2>/dev/null; then
    export PROXYSCOPE_TEST_SMALL_FS="$small_fs"
fi
# Real proxies for the probe tests, on loopback only; their addresses arrive as PROXYSCOPE_TEST_* variables.
services=$(mktemp -d)
trap 'kill $xvfb_pid 2>/dev/null || true; umount "$small_fs" 2>/dev/null; rmdir "$small_fs" 2>/dev/null;
      releng/services/proxies.sh stop "$services" || true; releng/services/dns.sh stop "$services/dns" || true
      releng/services/postgres.sh stop "$services/postgres" || true; releng/services/keyring.sh stop "$services/keyring" || true' EXIT
assignments=$(releng/services/proxies.sh start "$services") || { echo "test.sh: the test proxies did not start" >&2; exit 1; }
# A real DNS server (bind9) with test blocklists, for the DNSBL plug-in's tests.
assignments+=$'\n'$(releng/services/dns.sh start "$services/dns") || { echo "test.sh: the test DNS server did not start" >&2; exit 1; }
# A real PostgreSQL server (Debian's), for team workspaces.
assignments+=$'\n'$(releng/services/postgres.sh start "$services/postgres") || { echo "test.sh: the test PostgreSQL server did not start" >&2; exit 1; }
# A desktop keyring (gnome-keyring on a private D-Bus session bus), where Eclipse's secure storage keeps its
# master password.
assignments+=$'\n'$(releng/services/keyring.sh start "$services/keyring") || { echo "test.sh: the test keyring did not start" >&2; exit 1; }
while IFS= read -r assignment; do
    export "${assignment?}"
done <<<"$assignments"
# Real traffic through those proxies, recorded with tcpdump, for the capture import tests.
captures=$(releng/services/captures.sh "$services/captures") || { echo "test.sh: recording the test captures failed" >&2; exit 1; }
export "${captures?}"

status=0
"$MVN" -B -ntp -Dtycho.localArtifacts=ignore clean verify || status=$?
# the product was just built from these sources: product/proxyscope need not build it again
[ $status = 0 ] && touch product/target/built.stamp

smoke_status=0
if [ $status = 0 ]; then
    for smoke in product-smoke plugins-smoke; do
        releng/smoke/$smoke.sh "$repo/product/target/products"/proxyscope-*-linux.gtk.x86_64.tar.gz \
            "$repo/releng/org.proxyscope.site/target/repository" || smoke_status=$?
    done
fi

# One closing line over every suite: the bundles' tests (surefire reports) and the product smoke test.
read -r tests failed skipped < <(cat bundles/*/target/surefire-reports/TEST-*.xml 2>/dev/null | python3 -c '
import re, sys
t = f = s = 0
for m in re.finditer(r"<testsuite\b[^>]*>", sys.stdin.read()):
    a = dict(re.findall(r"(\w+)=\"([^\"]*)\"", m.group(0)))
    t += int(a.get("tests", 0)); f += int(a.get("failures", 0)) + int(a.get("errors", 0)); s += int(a.get("skipped", 0))
print(t, f, s)')
sp=0 sf=0
for results in product/target/smoke/results product/target/smoke-plugins/results; do
    if [ -f "$results" ]; then
        read -r p f < "$results"
        sp=$((sp + p)); sf=$((sf + f))
    elif [ $status = 0 ]; then
        sf=$((sf + 1))   # a smoke test that did not get as far as its results failed
    fi
done
passed=$((tests - failed - skipped + sp))
failed=$((failed + sf))
echo "total: $passed passed, $failed failed, $skipped skipped"
[ $status = 0 ] && [ $smoke_status = 0 ] && [ $failed = 0 ]
