#!/usr/bin/env bash
# Probe speed and verdicts: starts the test proxies and relays on loopback (releng/services/proxies.sh),
# then probes all of them in one run with Proxyscope and with nmap 7.93's NSE scripts
# (http-open-proxy, socks-open-proxy, smtp-open-relay), and prints both times, the ratio, and both verdict
# tables next to what each server really is. Everything stays on 127.0.0.1: nmap's scripts are pointed at
# a local web page and a local mail domain instead of their default hosts on the internet.
# Usage: [KEEP=1] releng/bench/probe-vs-nmap.sh   (KEEP keeps both tools' outputs; as root it installs nmap)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
if ! command -v nmap >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "probe-vs-nmap.sh: nmap is missing (apt-get install nmap)" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nmap >/dev/null
fi
"$repo/product/proxyscope" --version >/dev/null   # builds the product when missing or stale
# shellcheck source=../archives.sh
. "$repo/releng/archives.sh"
archive_made cli || echo "${0##*/}: the command line's start-up archive is not there; its start-up counts in" >&2
app="$repo/product/target/products/org.proxyscope.product/linux/gtk/x86_64/proxyscope"
work=$(mktemp -d)
chmod 755 "$work"   # the servers drop to unprivileged users that must reach their files inside
web_pid=
cleanup() {
    "$repo/releng/services/proxies.sh" stop "$work/services" >/dev/null 2>&1 || true
    [ -z "$web_pid" ] || kill "$web_pid" 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then
        echo "outputs kept in $work"
    else
        # the probe's transcripts went to a folder of their own, as an analyst's ad-hoc run keeps them
        [ ! -s "$work/proxyscope.json" ] || python3 -c 'import json, os, shutil, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    folder = os.path.dirname(f.get("transcript") or "")
    if os.path.basename(folder).startswith("proxyscope-probe-"):
        shutil.rmtree(folder, ignore_errors=True)' "$work/proxyscope.json" || true
        rm -rf "$work"
    fi
}
trap cleanup EXIT
"$repo/releng/services/proxies.sh" start "$work/services" >"$work/services.env"
# shellcheck disable=SC1090
set -a; . "$work/services.env"; set +a
port() { echo "${1##*:}"; }

# name, port, the verdict that is right for it (open: relays for anyone)
servers=(
    "squid open|$(port "$PROXYSCOPE_TEST_SQUID_OPEN")|open"
    "squid closed (403)|$(port "$PROXYSCOPE_TEST_SQUID_CLOSED")|denied"
    "microsocks open|$(port "$PROXYSCOPE_TEST_SOCKS_OPEN")|open"
    "microsocks password|$(port "$PROXYSCOPE_TEST_SOCKS_AUTH")|auth-required"
    "dante open|$(port "$PROXYSCOPE_TEST_DANTE_OPEN")|open"
    "dante closed|$(port "$PROXYSCOPE_TEST_DANTE_CLOSED")|denied"
    "tinyproxy open|$(port "$PROXYSCOPE_TEST_TINYPROXY")|open"
    "exim open relay|$(port "$PROXYSCOPE_TEST_RELAY_OPEN")|open"
    "exim closed relay|$(port "$PROXYSCOPE_TEST_RELAY_CLOSED")|denied"
    "exim black hole|$(port "$PROXYSCOPE_TEST_RELAY_BLACKHOLE")|unverified"
    "exim slow relay|$(port "$PROXYSCOPE_TEST_RELAY_SLOW")|open"
    "vsftpd bounce|$(port "$PROXYSCOPE_TEST_FTP_OPEN")|open"
    "vsftpd default|$(port "$PROXYSCOPE_TEST_FTP_CLOSED")|denied"
    "lighttpd web server|$(port "$PROXYSCOPE_TEST_WEB")|not-a-proxy"
    "says 200 to all|$(port "$PROXYSCOPE_TEST_YES")|not-a-proxy"
)
ports=$(printf '%s\n' "${servers[@]}" | cut -d'|' -f2 | paste -sd, -)

# nmap's proxy scripts fetch a URL through the proxy and look for a pattern: a local page instead of theirs
mkdir -p "$work/web"
echo "proxyscope bench page" >"$work/web/index.html"
web_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$work/web" >/dev/null 2>&1 &
web_pid=$!
sleep 0.5

elapsed() { echo "scale=2; ($2 - $1) / 1000000000" | bc; }

t0=$(date +%s%N)
# every protocol, at the default deadlines; the FTP bounce's canary port on a second loopback address, which
# vsftpd's bounce takes for a third host
"$app" probe 127.0.0.1 --authorised --ports "$ports" \
    --canary-listen 127.0.0.2:0 --canary-domain canary.test --canary-smtp-listen "$PROXYSCOPE_TEST_SMTP_CANARY" \
    --json >"$work/proxyscope.json"
t1=$(date +%s%N)
# -sV: the scripts' port rules need the service found on these non-standard ports. The pattern is the local
# page's Server header, as nmap's own default looks for "server: gws": its proxy test reads one chunk only.
# ftp-bounce.checkhost: nmap's bounce test would name a host on the internet; the local page's port instead.
# --dns-servers: nmap's SOCKS test resolves the URL's host by DNS itself; that query stays on loopback too.
nmap_args=(-n -Pn -sV --dns-servers 127.0.0.1 -p "$ports" --script http-open-proxy,socks-open-proxy,smtp-open-relay,ftp-bounce
    --script-args "proxy.url=http://127.0.0.1:$web_port/,proxy.pattern=SimpleHTTP,smtp-open-relay.domain=relay.test,smtp-open-relay.to=relaytest@canary.test,smtp-open-relay.from=bench@canary.test,ftp-bounce.checkhost=127.0.0.2,ftp-bounce.checkport=$web_port"
    -oX "$work/nmap.xml" 127.0.0.1)
nmap "${nmap_args[@]}" >"$work/nmap.out" 2>&1
t2=$(date +%s%N)

proxyscope_s=$(elapsed "$t0" "$t1")
nmap_s=$(elapsed "$t1" "$t2")
echo "Probing ${#servers[@]} local servers ($(nproc) cores)"
echo "  proxyscope probe (every protocol on every port, canary-verified, default deadlines): ${proxyscope_s} s"
echo "  nmap ${nmap_args[*]:0:9} ...: ${nmap_s} s"
echo "  ratio: nmap takes $(echo "scale=1; $nmap_s / $proxyscope_s" | bc)x as long"
echo
printf '%s\n' "${servers[@]}" | python3 "$repo/releng/bench/verdict-table.py" "$work/proxyscope.json" "$work/nmap.xml"
